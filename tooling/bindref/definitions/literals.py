"""Evaluate the literal subset of Python that binding definitions may use.

Definitions are never imported or executed. Each value the loader needs is parsed
with :mod:`ast` and evaluated here: constants, lists, tuples, dicts, ``-1``,
integer arithmetic such as ``8 * 1024``, ``Direction.IN``, and calls of the
:mod:`bindref.spec` helpers with literal arguments. Anything else is a
:class:`DefinitionError` at the offending ``path:line``.
"""

from __future__ import annotations

import ast
import inspect
import operator
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Any

from bindref import spec
from bindref.core.errors import DefinitionError, choices_hint
from bindref.definitions.argtypes import mismatch, parameter_types
from bindref.languages import Direction

# The helpers a definition may call, by the last part of the called name.
HELPERS: dict[str, Callable[..., Any]] = {
    "param": spec.param,
    "lang": spec.lang,
    "runtime": spec.runtime,
    "code": spec.code,
    "example": spec.example,
    "no_example": spec.no_example,
}
_SIGNATURES = {name: inspect.signature(helper) for name, helper in HELPERS.items()}
_TYPES = {name: parameter_types(helper) for name, helper in HELPERS.items()}
_LARGEST_INT = 2**63  # no SDK default is larger; a larger product could not even be printed
_ENUMS: dict[str, type[Direction]] = {"Direction": Direction}
_INT_OPERATORS: dict[type[ast.operator], Callable[[int, int], int]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
}
_LITERAL_HINT = (
    "definitions are read, never run: use a string, number, bool, None, list, dict or a bindref.spec helper"
)


class LiteralEvaluator:
    """Evaluates expressions parsed from one definition file (lines are the file's)."""

    def __init__(self, *, path: str, resolve_name: Callable[[str, ast.AST], Any] | None = None) -> None:
        self.path = path
        self.resolve_name = resolve_name

    @staticmethod
    def line_of(node: ast.AST) -> int:
        """The file line of ``node``."""
        return int(getattr(node, "lineno", 0))

    def fail(self, node: ast.AST, message: str, hint: str = _LITERAL_HINT) -> DefinitionError:
        """A DefinitionError located at ``node``."""
        return DefinitionError(message, path=self.path, line=self.line_of(node), hint=hint)

    def check_type(self, node: ast.expr, label: str, value: Any, declared: Any) -> None:
        """Raise at the wrong part of ``value`` (written at ``node``) unless it is a ``declared``."""
        found = mismatch(value, declared)
        if found is not None:
            keys, want, part = found
            where = "".join(f"[{key!r}]" for key in keys)
            raise self.fail(_part_node(node, keys), f"{label}{where} must be {want}", f"not {_shown(part)}")

    def evaluate(self, node: ast.expr) -> Any:  # noqa: PLR0911  # one return per accepted node kind
        """Evaluate ``node`` or raise at the first non-literal part."""
        if isinstance(node, ast.Constant) and not isinstance(node.value, bytes):
            return node.value
        if isinstance(node, (ast.List, ast.Tuple)):
            return tuple(self.evaluate(item) for item in node.elts)
        if isinstance(node, ast.Dict):
            return self._dict(node)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            operand = self.evaluate(node.operand)
            if isinstance(operand, (int, float)) and not isinstance(operand, bool):
                return -operand
        if isinstance(node, ast.BinOp) and type(node.op) in _INT_OPERATORS:
            left, right = self.evaluate(node.left), self.evaluate(node.right)
            if all(isinstance(v, int) and not isinstance(v, bool) for v in (left, right)):
                result = _INT_OPERATORS[type(node.op)](left, right)
                if abs(result) >= _LARGEST_INT:
                    raise self.fail(node, f"'{ast.unparse(node)}' is too large", "SDK values fit in 64 bits")
                return result
        if isinstance(node, ast.Attribute):
            return self._enum_member(node)
        if isinstance(node, ast.Name) and self.resolve_name is not None:
            return self.resolve_name(node.id, node)
        if isinstance(node, ast.Call):
            return self._helper_call(node)
        raise self.fail(node, f"non-literal value '{ast.unparse(node)}'")

    def _dict(self, node: ast.Dict) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in zip(node.keys, node.values, strict=True):
            if key_node is None:
                raise self.fail(value_node, "'**' unpacking is not allowed in a definition")
            key = self.evaluate(key_node)
            if not isinstance(key, str):
                raise self.fail(key_node, f"dict keys must be strings, not {key!r}")
            if key in result:
                raise self.fail(key_node, f"key '{key}' appears twice in this dict", hint="keep one of them")
            result[key] = self.evaluate(value_node)
        return result

    def _enum_member(self, node: ast.Attribute) -> Direction:
        if isinstance(node.value, ast.Name) and node.value.id in _ENUMS:
            enum = _ENUMS[node.value.id]
            if node.attr in enum.__members__:
                return enum[node.attr]
            raise self.fail(
                node,
                f"'{node.value.id}' has no member '{node.attr}'",
                choices_hint(node.attr, enum.__members__),
            )
        raise self.fail(node, f"non-literal value '{ast.unparse(node)}'")

    def _helper_call(self, node: ast.Call) -> Any:
        name = _called_name(node.func)
        if name not in HELPERS:
            raise self.fail(
                node,
                f"call of '{ast.unparse(node.func)}' is not allowed in a definition",
                choices_hint(name or "", HELPERS, noun="bindref.spec helpers"),
            )
        helper = HELPERS[name]
        args = [self.evaluate(arg) for arg in node.args]
        kwargs: dict[str, Any] = {}
        for keyword in node.keywords:
            if keyword.arg is None:
                raise self.fail(keyword.value, "'**' unpacking is not allowed in a definition")
            kwargs[keyword.arg] = self.evaluate(keyword.value)
        signature = _SIGNATURES[name]
        arguments = _bound(name, args, kwargs)
        if arguments is None:
            try:
                arguments = signature.bind(*args, **kwargs).arguments
            except TypeError as error:
                accepted = ", ".join(signature.parameters)
                raise self.fail(node, f"{name}(): {error}", f"{name}() accepts: {accepted}") from None
        written = dict(zip(signature.parameters, node.args, strict=False))
        written.update((keyword.arg, keyword.value) for keyword in node.keywords if keyword.arg)
        for parameter, argument in arguments.items():
            self.check_type(written[parameter], f"{name}(): {parameter}", argument, _TYPES[name][parameter])
        value = helper(*args, **kwargs)
        if isinstance(value, (spec.Example, spec.NoExample, spec.Runtime)):
            return replace(value, line=self.line_of(node))
        return value


def _bound(name: str, args: list[Any], kwargs: dict[str, Any]) -> dict[str, Any] | None:
    """The arguments by parameter name when the call is well formed, else None.

    What :meth:`inspect.Signature.bind` gives for a good call, without its cost (a
    thousand definitions make tens of thousands of helper calls); any call this does not
    accept goes to ``bind``, whose message names what is wrong.
    """
    positional, names, required = _shape(name)
    if len(args) > len(positional):
        return None
    arguments = dict(zip(positional, args, strict=False))
    for keyword, value in kwargs.items():
        if keyword not in names or keyword in arguments:
            return None
        arguments[keyword] = value
    if not required <= arguments.keys():
        return None
    return {
        parameter: arguments[parameter]
        for parameter in _SIGNATURES[name].parameters
        if parameter in arguments
    }


@cache
def _shape(name: str) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """Positional parameter names, every keyword name and the required names of a helper."""
    signature = _SIGNATURES[name]
    kinds = {inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD}
    parameters = signature.parameters.values()
    positional = tuple(p.name for p in parameters if p.kind in kinds)
    keywords = frozenset(p.name for p in parameters if p.kind is not inspect.Parameter.POSITIONAL_ONLY)
    required = frozenset(p.name for p in parameters if p.default is inspect.Parameter.empty)
    return positional, keywords, required


def _shown(value: Any) -> str:
    """A value as an error message quotes it: lists as lists, cut short."""
    text = repr(list(value) if isinstance(value, tuple) else value)
    return text if len(text) <= 40 else text[:37] + "..."


def _part_node(node: ast.expr, keys: tuple[str | int, ...]) -> ast.expr:
    """The node of ``node[keys[0]][keys[1]]...`` as written, as far as it is written inline."""
    for key in keys:
        found: ast.expr | None = None
        if isinstance(node, ast.Dict):
            pairs = zip(node.keys, node.values, strict=True)
            found = next((v for k, v in pairs if isinstance(k, ast.Constant) and k.value == key), None)
        elif isinstance(node, (ast.List, ast.Tuple)) and isinstance(key, int) and key < len(node.elts):
            found = node.elts[key]
        if found is None:
            return node
        node = found
    return node


def _called_name(func: ast.expr) -> str | None:
    """``param``, ``spec.param`` and ``bindref.spec.param`` all name ``param``."""
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None
