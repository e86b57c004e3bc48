"""Find the binding usages in one sample file, as plain data with the lines they sit on.

A usage is one C# attribute, Java annotation, Python decorator, Node.js ``*.generic({...})``
call or ``function.json`` binding entry, with the argument names (or positions) it passes.
What the names should be is the definition's business: this module never sees the catalog,
so the drift check can be tested on made-up bindings and this on made-up code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath

from bindref.samples.treesitter import (
    Grammar,
    Node,
    is_comment,
    json_pairs,
    line_of,
    parse,
    parse_json_object,
    string_literal,
    text_of,
    unwrap,
    walk,
)


class Syntax(StrEnum):
    """How a sample file declares bindings; C# covers both the isolated and in-process models."""

    CSHARP = "csharp"
    JAVA = "java"
    JAVASCRIPT = "javascript"
    TYPESCRIPT = "typescript"
    PYTHON = "python"
    FUNCTION_JSON = "function.json"


@dataclass(frozen=True, kw_only=True)
class Argument:
    """One argument a usage passes: by name, or by position (0-based) when ``name`` is None."""

    name: str | None
    line: int
    position: int | None = None
    # C# `[X(id: "a")]` names a constructor parameter (camelCase), not a property (`Id = "a"`).
    constructor: bool = False


@dataclass(frozen=True, kw_only=True)
class BindingUsage:
    """One binding declared in a sample.

    ``symbol`` is the attribute (without ``Attribute`` and namespace), annotation or
    decorator name, or the ``type`` string for Node.js and function.json. ``direction`` is
    ``in``/``out``/``trigger`` for Node.js (from ``input``/``output``/``trigger``), the
    written ``direction`` for function.json, None where the name implies it.
    ``incomplete`` is set when some arguments cannot be read (``**kwargs``, ``...spread``,
    computed keys), so a missing argument may still be passed.
    """

    syntax: Syntax
    symbol: str
    arguments: tuple[Argument, ...]
    line: int
    direction: str | None = None
    incomplete: bool = False


_SUFFIXES = {
    ".cs": Syntax.CSHARP,
    ".java": Syntax.JAVA,
    ".js": Syntax.JAVASCRIPT,
    ".mjs": Syntax.JAVASCRIPT,
    ".cjs": Syntax.JAVASCRIPT,
    ".ts": Syntax.TYPESCRIPT,
    ".py": Syntax.PYTHON,
}


def syntax_for(path: PurePath) -> Syntax | None:
    """The syntax of a sample file, or None when it declares no bindings we read."""
    if path.name == "function.json":
        return Syntax.FUNCTION_JSON
    if path.name.endswith(".d.ts"):  # type declarations only
        return None
    return _SUFFIXES.get(path.suffix)


def find_usages(
    text: str, syntax: Syntax, symbols: Collection[str] | None = None
) -> tuple[BindingUsage, ...]:
    """Every usage in ``text`` in file order, only those whose symbol is in ``symbols`` if given.

    Raises :class:`json.JSONDecodeError` (a ValueError with ``lineno``) for a function.json
    that is not valid JSON; source code is parsed error-tolerantly and never raises.
    """
    if syntax is Syntax.FUNCTION_JSON:
        usages: tuple[BindingUsage, ...] = _function_json_usages(text)
    else:
        root = parse(text.encode("utf-8"), Grammar(syntax.value))
        finder = _FINDERS[syntax]
        usages = tuple(usage for node in walk(root) if (usage := finder(node, syntax)) is not None)
    return usages if symbols is None else tuple(u for u in usages if u.symbol in symbols)


def _simple_name(qualified: str) -> str:
    """``global::Azure.Functions.AssistantPost<T>`` -> ``AssistantPost``."""
    compact = "".join(qualified.split()).split("<", 1)[0]
    return re.split(r"\.|::", compact)[-1]


def _csharp_attribute(node: Node, syntax: Syntax) -> BindingUsage | None:
    if node.type != "attribute" or (name := node.child_by_field_name("name")) is None:
        return None
    symbol = _simple_name(text_of(name))
    symbol = symbol.removesuffix("Attribute") or symbol
    arguments: list[Argument] = []
    listed = next((part for part in node.named_children if part.type == "attribute_argument_list"), None)
    for argument in listed.named_children if listed is not None else ():
        if argument.type != "attribute_argument":
            continue
        if (label := argument.child_by_field_name("name")) is None:
            position = sum(1 for a in arguments if a.position is not None)
            arguments.append(Argument(name=None, position=position, line=line_of(argument)))
        else:
            colon = any(token.type == ":" for token in argument.children)
            arguments.append(Argument(name=text_of(label), line=line_of(label), constructor=colon))
    return BindingUsage(syntax=syntax, symbol=symbol, arguments=tuple(arguments), line=line_of(node))


def _java_annotation(node: Node, syntax: Syntax) -> BindingUsage | None:
    if (
        node.type not in ("annotation", "marker_annotation")
        or (name := node.child_by_field_name("name")) is None
    ):
        return None
    arguments: list[Argument] = []
    values = node.child_by_field_name("arguments")
    for child in values.named_children if values is not None else ():
        if is_comment(child):
            continue
        key = child.child_by_field_name("key") if child.type == "element_value_pair" else None
        # `@X("v")` is shorthand for `@X(value = "v")`.
        label, where = (text_of(key), key) if key is not None else ("value", child)
        arguments.append(Argument(name=label, line=line_of(where)))
    symbol = _simple_name(text_of(name))
    return BindingUsage(syntax=syntax, symbol=symbol, arguments=tuple(arguments), line=line_of(node))


def _python_decorator(node: Node, syntax: Syntax) -> BindingUsage | None:
    if node.type != "decorator":
        return None
    expression = next((child for child in node.named_children if not is_comment(child)), None)
    call_arguments: Node | None = None
    if expression is not None and expression.type == "call":
        call_arguments = expression.child_by_field_name("arguments")
        expression = expression.child_by_field_name("function")
    if expression is not None and expression.type == "attribute":
        expression = expression.child_by_field_name("attribute")
    if expression is None or expression.type != "identifier":
        return None
    arguments: list[Argument] = []
    incomplete = False
    for child in call_arguments.named_children if call_arguments is not None else ():
        if child.type in ("list_splat", "dictionary_splat"):
            incomplete = True
        elif child.type == "keyword_argument" and (label := child.child_by_field_name("name")) is not None:
            arguments.append(Argument(name=text_of(label), line=line_of(label)))
        elif not is_comment(child):
            positional = sum(1 for a in arguments if a.position is not None)
            arguments.append(Argument(name=None, position=positional, line=line_of(child)))
    symbol = text_of(expression)
    return BindingUsage(
        syntax=syntax, symbol=symbol, arguments=tuple(arguments), line=line_of(node), incomplete=incomplete
    )


# `input.generic(...)` -> "in"; `app.generic(...)` registers a function by its trigger.
_GENERIC_DIRECTIONS = {"input": "in", "output": "out", "trigger": "trigger", "app": "trigger"}


def _node_generic_call(node: Node, syntax: Syntax) -> BindingUsage | None:
    call = _generic_call(node)
    if call is None:
        return None
    direction, options = call
    arguments: list[Argument] = []
    symbol: str | None = None
    incomplete = False
    for child in options.named_children:
        key = _property_key(child)
        if key is None or key.type == "computed_property_name":
            incomplete = incomplete or child.type == "spread_element" or key is not None
            continue
        label = string_literal(key) if key.type == "string" else text_of(key)
        if label == "type" and child.type == "pair":
            symbol = string_literal(child.child_by_field_name("value"))
        if label is not None:
            arguments.append(Argument(name=label, line=line_of(key)))
    if symbol is None:  # no literal `type`: not a binding we can identify
        return None
    return BindingUsage(
        syntax=syntax,
        symbol=symbol,
        direction=direction,
        arguments=tuple(arguments),
        line=line_of(node),
        incomplete=incomplete,
    )


def _generic_call(node: Node) -> tuple[str, Node] | None:
    """(direction, options object) of ``input.generic({...})`` and its kin."""
    callee = node.child_by_field_name("function") if node.type == "call_expression" else None
    if callee is None or callee.type != "member_expression":
        return None
    owner, member = callee.child_by_field_name("object"), callee.child_by_field_name("property")
    if owner is None or member is None or text_of(member) != "generic":
        return None
    direction = _GENERIC_DIRECTIONS.get(text_of(owner))
    call_arguments = node.child_by_field_name("arguments")
    if direction is None or call_arguments is None:
        return None
    options = next((o for a in call_arguments.named_children if (o := unwrap(a)).type == "object"), None)
    return None if options is None else (direction, options)


def _property_key(member: Node) -> Node | None:
    """The key node of an object-literal member (None for spreads and comments)."""
    if member.type == "pair":
        return member.child_by_field_name("key")
    if member.type == "method_definition":
        return member.child_by_field_name("name")
    return member if member.type == "shorthand_property_identifier" else None


def _function_json_usages(text: str) -> tuple[BindingUsage, ...]:
    """The ``bindings`` entries; ``json`` validates (and gives an error's line), tree-sitter gives lines."""
    text = text.removeprefix("\ufeff")
    json.loads(text)
    document = parse_json_object(text)
    pairs = json_pairs(document) if document is not None else []
    bindings = next((value for key, _, value in pairs if key == "bindings"), None)
    if bindings is None or bindings.type != "array":
        return ()
    return tuple(
        usage
        for entry in bindings.named_children
        if entry.type == "object"
        if (usage := _json_binding(entry))
    )


def _json_string(value: Node) -> str:
    """A JSON value as the check should quote it: a string's content, anything else as written."""
    decoded = json.loads(text_of(value))
    return decoded if isinstance(decoded, str) else text_of(value)


def _json_binding(entry: Node) -> BindingUsage | None:
    pairs = json_pairs(entry)
    values = {key: value for key, _, value in pairs}
    if "type" not in values or values["type"].type != "string":
        return None
    direction = _json_string(values["direction"]) if "direction" in values else None
    return BindingUsage(
        syntax=Syntax.FUNCTION_JSON,
        symbol=_json_string(values["type"]),
        direction=direction,
        arguments=tuple(Argument(name=key, line=line_of(node)) for key, node, _ in pairs),
        line=line_of(entry),
    )


_Finder = Callable[[Node, Syntax], BindingUsage | None]
_FINDERS: dict[Syntax, _Finder] = {  # every syntax but function.json is a grammar of the same name
    Syntax.CSHARP: _csharp_attribute,
    Syntax.JAVA: _java_annotation,
    Syntax.JAVASCRIPT: _node_generic_call,
    Syntax.TYPESCRIPT: _node_generic_call,
    Syntax.PYTHON: _python_decorator,
}
