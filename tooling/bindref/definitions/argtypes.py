"""Check evaluated helper arguments against the types :mod:`bindref.spec` declares.

A definition is never run, so nothing else would notice ``example("python", 3)`` or
``lang(required="yes")`` before it broke a render far from its line. mypy would
reject them in the definition; the loader does the same, at the argument's line.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

from bindref import spec
from bindref.languages import Direction

_NAMES: dict[object, str] = {
    str: "a string",
    bool: "True or False",
    int: "a whole number",
    type(None): "None",
    Direction: "a Direction",
    spec.LanguageOverride: "lang(...)",
    spec.Runtime: "runtime(...)",
    spec.Example: "example(...)",
    spec.NoExample: "no_example(...)",
    spec.SourceCode: "code(...)",
}


def parameter_types(helper: Callable[..., Any]) -> dict[str, Any]:
    """The declared type of each parameter of ``helper``."""
    hints = typing.get_type_hints(helper)
    hints.pop("return", None)
    return hints


def mismatch(value: Any, declared: Any) -> tuple[tuple[str | int, ...], str, Any] | None:
    """None when ``value`` fits ``declared``, else its first wrong part.

    That is where the part sits (dict keys and list indexes from the top), what was
    expected there, and the part itself.
    """
    if _fits(value, declared):
        return None
    options = typing.get_args(declared) if _is_union(declared) else (declared,)
    for option in options:
        origin, args = typing.get_origin(option), typing.get_args(option)
        if _is_a(origin, Mapping) and isinstance(value, dict):
            parts: list[tuple[str | int, Any]] = list(value.items())
            element = args[1]
        elif _is_a(origin, Sequence) and isinstance(value, tuple):
            parts, element = list(enumerate(value)), args[0]
        else:
            continue
        for key, item in parts:
            if (inner := mismatch(item, element)) is not None:
                return ((key, *inner[0]), inner[1], inner[2])
    return (), _describe(declared), value


def _is_union(declared: Any) -> bool:
    return typing.get_origin(declared) in (types.UnionType, typing.Union)


def _fits(value: Any, declared: Any) -> bool:
    return _checker(declared)(value)


@cache
def _checker(declared: Any) -> Callable[[Any], bool]:
    """A test of whether a value fits ``declared``, worked out once per declared type.

    A thousand definitions make tens of thousands of helper arguments to check against a
    handful of declared types; asking :mod:`typing` about the type each time was the
    larger part of reading a definition.
    """
    origin, args = typing.get_origin(declared), typing.get_args(declared)
    if _is_union(declared):
        options = tuple(_checker(option) for option in args)
        return lambda value: any(fits(value) for fits in options)
    if _is_a(origin, Mapping):
        item = _checker(args[1])
        return lambda value: isinstance(value, dict) and all(item(v) for v in value.values())
    if _is_a(origin, Sequence):
        element = _checker(args[0])
        return lambda value: isinstance(value, tuple) and all(element(v) for v in value)
    if declared is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    if declared is Any or origin is not None or not isinstance(declared, type):
        return lambda value: (
            True
        )  # Any, Literal, a TypeVar...: nothing a literal could get wrong that mypy would not
    return lambda value: isinstance(value, declared)


def _is_a(origin: Any, kind: type) -> bool:
    return isinstance(origin, type) and issubclass(origin, kind)


def _describe(declared: Any) -> str:
    origin, args = typing.get_origin(declared), typing.get_args(declared)
    if _is_union(declared):
        return " or ".join(_describe(option) for option in args)
    if _is_a(origin, Mapping):
        return f"a dict of language key to {_describe(args[1]).removeprefix('a ')}"
    if _is_a(origin, Sequence):
        return f"a list of {_describe(args[0])}"
    return _NAMES.get(declared, getattr(declared, "__name__", str(declared)))
