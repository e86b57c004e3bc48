"""What a binding usage is, as plain data: the syntax it is written in, its arguments and lines.

Kept apart from the finders so that each syntax's reader (the tree-sitter ones in
:mod:`bindref.samples.usages`, the JSON one in :mod:`bindref.samples.function_json`) builds
the same shape and the drift check reads one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath

from bindref.samples.paths import name_suffix


class Syntax(StrEnum):
    """How a sample file declares bindings; C# covers both the isolated and in-process models."""

    CSHARP = "csharp"
    JAVA = "java"
    JAVASCRIPT = "javascript"
    TYPESCRIPT = "typescript"
    PYTHON = "python"
    FUNCTION_JSON = "function.json"


# The syntax each sample file suffix is read as (here, not with the finders: listing the
# samples needs it, and a build from a warm cache loads no tree-sitter).
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
    return syntax_of_name(path.name)


def syntax_of_name(name: str) -> Syntax | None:
    """:func:`syntax_for` by file name, for a walk that has names rather than paths."""
    if name == "function.json":
        return Syntax.FUNCTION_JSON
    if name.endswith(".d.ts"):  # type declarations only
        return None
    return _SUFFIXES.get(name_suffix(name))


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
    decorator name, the Node.js helper, or the ``type`` string (generic Node.js, function.json).
    ``direction`` is ``in``/``out``/``trigger`` for Node.js (from ``input``/``output``/``trigger``), the
    written ``direction`` for function.json, None where the name implies it.
    ``incomplete`` is set when some arguments cannot be read (``**kwargs``, ``...spread``,
    computed keys), so a missing argument may still be passed. ``by_type`` says the symbol
    is the binding's type string (Node.js ``*.generic`` calls, function.json); a Node.js typed
    helper's symbol is the helper as called (``input.sql``, ``app.sql``), and ``registration``
    marks ``app.<helper>(name, {...})``, whose options also hold the registration's own keys.
    """

    syntax: Syntax
    symbol: str
    arguments: tuple[Argument, ...]
    line: int
    direction: str | None = None
    incomplete: bool = False
    by_type: bool = False
    registration: bool = False
