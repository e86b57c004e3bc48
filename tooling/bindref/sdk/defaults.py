"""Whether two defaults written as source, in any of the SDK languages, are the same value.

A definition writes ``8 * 1024`` where the C# source says ``8192`` and Java ``8192L``;
Python says ``None`` where C# says ``null``. Comparing the text would report drift that
is not there, so both sides are evaluated as literals (never executed) and compared as
tagged values; anything that is not a literal is compared as normalised source text.
"""

from __future__ import annotations

import ast
import operator
import re
import warnings
from collections.abc import Callable, Mapping

from bindref.sdk.sources import SdkParameter

# Spellings of the same value across C#, Java and Python, beyond what Python's syntax reads.
_NAMED_VALUES: Mapping[str, object] = {
    "true": True,
    "false": False,
    "null": None,
    "string.Empty": "",
    "String.Empty": "",
}
_NUMBER_SUFFIX = re.compile(r"(?<=[0-9])[lLfFdDmM]\b")  # 100L, 0.5f, 1.5m: C#/Java number types
_ARITHMETIC: Mapping[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
}


def same_default(definition: str | None, sdk: str | None) -> bool:
    """Whether two defaults, written as source in any of the languages, are the same value.

    ``"0.5"`` and ``'0.5'``, ``8192`` and ``8 * 1024``, ``False`` and ``false``, no default
    and ``None``/``null`` are equal; anything not a literal is compared as source text.
    """
    return _value_of(definition) == _value_of(sdk)


def same_sdk_default(definition: str | None, parameter: SdkParameter) -> bool:
    """The SDK's default as its source writes it, or as the host receives it.

    A definition may document ``OpenAIModels.DefaultChatModel`` or ``"DefaultChatModel"``,
    which azure-functions writes to function.json for it; never ``"gpt-3.5-turbo"``.
    """
    host = parameter.host_value
    return same_default(definition, parameter.default) or (
        host is not None and same_default(definition, host)
    )


def shown_default(parameter: SdkParameter) -> str:
    """An SDK default as hints print it, with the constant it names or what the host receives."""
    shown = parameter.default or "not set"
    if parameter.written_as:
        return f"{shown} ({parameter.written_as})"
    if parameter.host_value is not None:
        return f"{shown} (function.json: {parameter.host_value})"
    return shown


def _value_of(source: str | None) -> tuple[str, object]:
    """A tagged value, so ``1`` never equals ``true`` and ``"x"`` never equals source ``x``."""
    text = " ".join((source or "null").split())
    if not {'"', "'"} & set(text):
        text = _NUMBER_SUFFIX.sub("", text)
    try:
        value = _NAMED_VALUES[text] if text in _NAMED_VALUES else _evaluate(_parse_expression(text))
    except (SyntaxError, ValueError, ArithmeticError, RecursionError):
        return ("source", text)
    if value is None or isinstance(value, (bool, str)):
        return (type(value).__name__, value)
    return ("number", value)


def _parse_expression(text: str) -> ast.expr:
    """Python syntax reads C# and Java literals too; their escapes are not worth a warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SyntaxWarning, or DeprecationWarning before 3.12
        return ast.parse(text, mode="eval").body


def _evaluate(node: ast.expr) -> object:
    """Literals and arithmetic on them, nothing else (``8 * 1024``, ``-1``, ``"a" + "b"``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, int, float, type(None))):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        operand = _evaluate(node.operand)
        if isinstance(operand, (int, float)) and not isinstance(operand, bool):
            return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
        left, right = _evaluate(node.left), _evaluate(node.right)
        if _numbers(left, right) or (isinstance(node.op, ast.Add) and _strings(left, right)):
            return _ARITHMETIC[type(node.op)](left, right)  # type: ignore[arg-type]  # checked above
    raise ValueError(ast.dump(node))


def _numbers(*values: object) -> bool:
    return all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)


def _strings(*values: object) -> bool:
    return all(isinstance(v, str) for v in values)
