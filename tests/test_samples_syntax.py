"""Every sample parses: C#, Java and PowerShell without syntax errors (tree-sitter), function.json as JSON.

No .NET SDK reaches this machine, so for C# syntax is what can be proven; Java also compiles
with Maven and TypeScript/JavaScript type-check with tsc in ``nox -s samples``. Names, types
and directions are the drift check's job. These walk whatever samples the repository has, so
another extension only adds cases; the Learn export is tested on fixture sites in ``test_learn.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bindref.samples.treesitter import Grammar, Node, is_comment, line_of, parse, text_of
from conftest import REPO_ROOT

SAMPLES = REPO_ROOT / "samples"
GRAMMARS = {".cs": Grammar.CSHARP, ".java": Grammar.JAVA, ".ps1": Grammar.POWERSHELL}
SOURCES = sorted(p for p in SAMPLES.rglob("*") if p.suffix in GRAMMARS)


def syntax_errors(root: Node) -> list[int]:
    """The lines of every error and missing node; [] for a tree that parsed cleanly.

    tree-sitter-powershell 0.26 wants at least one statement, so a script of comments only
    (a valid profile.ps1) comes back as an ERROR root holding the comments and an empty ERROR
    at the end of input: that shape is a clean parse, anything else in it is not.
    """
    if not root.has_error:
        return []
    if root.is_error and all(is_comment(c) or (c.is_error and not text_of(c).strip()) for c in root.children):
        return []
    lines, stack = [], [root]
    while stack:  # every node, unnamed ones too: a MISSING "}" is not a named node
        node = stack.pop()
        stack.extend(reversed(node.children))
        innermost = node.is_error and not any(c.has_error or c.is_error for c in node.children)
        if innermost or node.is_missing:
            lines.append(line_of(node))
    return lines


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(SAMPLES).as_posix())
def test_samples_parse_without_errors(path: Path) -> None:
    lines = syntax_errors(parse(path.read_bytes(), GRAMMARS[path.suffix]))
    assert not lines, "\n".join(f"{path.relative_to(REPO_ROOT)}:{line}: syntax error" for line in lines)


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("# Runs once per worker.\n", []),
        ("<# block #>\n# line\n", []),
        ("param($Request)\nPush-OutputBinding -Name Response -Value 'ok'\n", []),
        ("param($Request)\n\n$x = @{ Body = 'ok' \n", [3]),
        ("# comment\nif ($x) {\n", [2]),
        ("$a = 1\n$b = (2 +\n$c = 3\n", [2]),
    ],
    ids=["comments only", "block comment", "script", "open hashtable", "open block", "open paren"],
)
def test_powershell_syntax_errors_are_located(source: str, lines: list[int]) -> None:
    found = syntax_errors(parse(source.encode(), Grammar.POWERSHELL))
    assert found == lines


def test_every_function_json_is_json() -> None:
    for path in sorted(SAMPLES.rglob("function.json")):
        assert isinstance(json.loads(path.read_text(encoding="utf-8"))["bindings"], list), path
