"""tree-sitter setup: one parser per grammar, built on first use, plus small node helpers.

Building a parser loads a grammar from a compiled extension; doing it once per process keeps
a check over many samples fast. The rest of bindref sees only :func:`parse` and plain nodes.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from enum import StrEnum
from functools import cache

from tree_sitter import Language, Node, Parser, Query, QueryCursor

__all__ = [
    "Grammar",
    "Node",
    "find_nodes",
    "is_comment",
    "json_pairs",
    "line_of",
    "parse",
    "parse_json_object",
    "string_literal",
    "text_of",
    "unwrap",
    "walk",
]


class Grammar(StrEnum):
    """A tree-sitter grammar that samples are written in."""

    CSHARP = "csharp"
    JAVA = "java"
    JAVASCRIPT = "javascript"
    TYPESCRIPT = "typescript"
    PYTHON = "python"
    POWERSHELL = "powershell"


# Each grammar's package and the function in it that returns the compiled grammar. They are
# imported on first use, so a run loads the compiled grammars of the languages it parses
# only (a run whose usages all come from the cache loads none). tree-sitter-powershell comes
# with the test extra only: bindref reads PowerShell functions through their function.json,
# never the script, so only the tests (which prove every sample script parses) need it.
_GRAMMAR_MODULES: dict[Grammar, tuple[str, str]] = {
    Grammar.CSHARP: ("tree_sitter_c_sharp", "language"),
    Grammar.JAVA: ("tree_sitter_java", "language"),
    Grammar.JAVASCRIPT: ("tree_sitter_javascript", "language"),
    Grammar.TYPESCRIPT: ("tree_sitter_typescript", "language_typescript"),
    Grammar.PYTHON: ("tree_sitter_python", "language"),
    Grammar.POWERSHELL: ("tree_sitter_powershell", "language"),
}


@cache
def _language(grammar: Grammar) -> Language:
    module, function = _GRAMMAR_MODULES[grammar]
    return Language(getattr(importlib.import_module(module), function)())


@cache
def _parser(grammar: Grammar) -> Parser:
    return Parser(_language(grammar))


def parse(source: bytes, grammar: Grammar) -> Node:
    """The root node of ``source``; tree-sitter recovers from syntax errors, so this never fails."""
    return _parser(grammar).parse(source).root_node


@cache
def _query(grammar: Grammar, types: tuple[str, ...]) -> Query:
    alternatives = " ".join(f"({node_type})" for node_type in types)
    return Query(_language(grammar), f"[{alternatives}] @node")


def find_nodes(root: Node, grammar: Grammar, types: tuple[str, ...]) -> list[Node]:
    """The named nodes of ``types`` under ``root``, in the order :func:`walk` visits them.

    A query runs in tree-sitter itself: only the matches become Python objects, not the
    tens of nodes of every line, which is most of the time of reading thousands of samples.
    """
    found = QueryCursor(_query(grammar, types)).captures(root).get("node", [])
    return sorted(found, key=lambda node: (node.start_byte, -node.end_byte))  # parents first


def parse_json_object(text: str) -> Node | None:
    """The top-level object of a JSON document, None when it is something else.

    There is no JSON grammar among bindref's dependencies, but a JSON document is a
    JavaScript expression once wrapped in parentheses, which keeps every line where it was.
    """
    root = parse(f"({text}\n)".encode(), Grammar.JAVASCRIPT)
    statement = root.named_children[0] if root.named_children else None
    if statement is None or statement.type != "expression_statement" or not statement.named_children:
        return None
    document = unwrap(statement.named_children[0])
    return document if document.type == "object" else None


def json_pairs(entry: Node) -> list[tuple[str, Node, Node]]:
    """(key, key node, value node) for each member of a JSON object."""
    pairs: list[tuple[str, Node, Node]] = []
    for pair in entry.named_children:
        key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
        if pair.type == "pair" and key is not None and value is not None:
            pairs.append((str(json.loads(text_of(key))), key, value))
    return pairs


def walk(root: Node) -> Iterator[Node]:
    """Every named node under ``root`` in document order, without recursion (deep trees are fine)."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.named_children))


def text_of(node: Node) -> str:
    """The source text of ``node``."""
    return (node.text or b"").decode("utf-8", errors="replace")


def line_of(node: Node) -> int:
    """The 1-based line where ``node`` starts."""
    return node.start_point.row + 1


def is_comment(node: Node) -> bool:
    """Comments are named nodes in every grammar (``comment``, ``line_comment``, ``block_comment``)."""
    return node.type.endswith("comment")


_WRAPPERS = ("as_expression", "satisfies_expression", "parenthesized_expression", "non_null_expression")


def unwrap(node: Node) -> Node:
    """``({...} as const)`` -> ``{...}``: TypeScript casts and parentheses around a value."""
    while node.type in _WRAPPERS and node.named_children:
        node = node.named_children[0]
    return node


def string_literal(node: Node | None) -> str | None:
    """The text of a plain string literal (no template substitutions), else None."""
    if node is None:
        return None
    node = unwrap(node)
    if node.type == "string" or (
        node.type == "template_string" and not any(c.type == "template_substitution" for c in node.children)
    ):
        return text_of(node)[1:-1]
    return None
