"""Placeholder text that must never reach readers: ``{{do something}}``, TODO, TBD.

Real pages shipped ``{{placeholders}}`` and ``range="{{31-43}}"``; this finds them in
definitions and pages alike. A ``{{ ... }}`` that parses as an expression is template
code (a macro call, a variable), not a placeholder.
"""

from __future__ import annotations

import ast
import keyword
import re
from collections.abc import Iterator

PLACEHOLDER_WORD = re.compile(r"\b(TODO|TBD|FIXME)\b")
_BRACES = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
# A name, or a call of a name with string and number literals only: an expression for sure.
_LITERAL = r"""(?:"[^"\\\n]*"|'[^'\\\n]*'|0|[1-9][0-9]*)"""
_ARGUMENTS = rf"\(\s*(?:{_LITERAL}(?:\s*,\s*{_LITERAL})*)?\s*\)"
_PLAIN_CALL = re.compile(rf"\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?P<arguments>{_ARGUMENTS})?\s*")
_ONE_LITERAL = re.compile(_LITERAL)


def find_placeholders(text: str, *, template_code: bool = True) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, placeholder)`` for every placeholder in ``text``.

    In a page (``template_code``), a ``{{ ... }}`` that parses as an expression is a macro
    call or variable; in prose from a definition every ``{{...}}`` is a placeholder.
    """
    for match in _BRACES.finditer(text):
        if not (template_code and _is_expression(match.group(1))):
            yield match.start(), match.group(0)
    for match in PLACEHOLDER_WORD.finditer(text):
        yield match.start(), match.group(0)


def plain_call(source: str) -> tuple[str, tuple[str | int, ...] | None] | None:
    """``(name, arguments)`` of a name (arguments None) or a call of one with plain literals.

    None for anything else, which only a parser can judge. Most pages hold only such calls:
    a thousand of them were a thousand parses. A keyword is no name (``if``), and a string
    with a backslash or a number with a leading zero is left to the parser, so what this
    accepts Python reads the same way.
    """
    plain = _PLAIN_CALL.fullmatch(source)
    if plain is None or keyword.iskeyword(plain["name"]):
        return None
    if plain["arguments"] is None:
        return plain["name"], None
    literals = _ONE_LITERAL.findall(plain["arguments"])
    return plain["name"], tuple(int(item) if item[0].isdigit() else item[1:-1] for item in literals)


def _is_expression(source: str) -> bool:
    if plain_call(source) is not None:
        return True
    try:
        ast.parse(source.strip(), mode="eval")
    except SyntaxError:
        return False
    return bool(source.strip())
