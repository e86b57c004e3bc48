"""A page as jinja2 reads it, when its only template syntax is literal macro calls.

A bindref page is mostly text and a few calls such as ``{{ binding_reference("x", indent=4) }}``.
Split into its text and its calls, such a page renders to the text with each call replaced by
what it returns, which is all jinja2 would do with it (see :mod:`bindref.hosts.mkdocs_direct`).
The grammar is deliberately narrow: any tag that is not such a call makes the page not
splittable, and the caller leaves it to jinja2.
"""

from __future__ import annotations

import re

TAG_START = re.compile(r"\{[{%#]")  # jinja2's default variable, block and comment starts
_NAME = r"[A-Za-z_]\w*"
_VALUE = r"""(?:"[^"\\\r\n]*"|'[^'\\\r\n]*'|0|[1-9]\d*)"""  # jinja2 reads these as Python does
_ARGUMENT = re.compile(rf"(?:({_NAME})\s*=\s*)?({_VALUE})\s*")
_ONE = rf"(?:{_NAME}\s*=\s*)?{_VALUE}\s*"
_CALL = re.compile(rf"\{{\{{\s*({_NAME})\s*\(\s*((?:{_ONE}(?:,\s*{_ONE})*)?)\)\s*\}}\}}")

Call = tuple[str, tuple[object, ...], dict[str, object]]


def split_calls(source: str) -> tuple[list[str], list[Call]] | None:
    """The texts around the calls (one more than the calls) and the calls, or ``None``.

    ``None`` when some ``{{``, ``{%`` or ``{#`` does not start a call of a plain name whose
    arguments are strings without backslashes or line breaks, or whole numbers, positional
    ones first, with no trailing comma and no whitespace control.
    """
    texts: list[str] = []
    calls: list[Call] = []
    position = 0
    while (tag := TAG_START.search(source, position)) is not None:
        texts.append(source[position : tag.start()])
        parsed = _call_at(source, tag.start())
        if parsed is None:
            return None
        calls.append(parsed[0])
        position = parsed[1]
    texts.append(source[position:])
    return texts, calls


def _call_at(source: str, start: int) -> tuple[Call, int] | None:
    """The call that starts at ``start`` and where it ends, if it is a literal call."""
    call = _CALL.match(source, start)
    if call is None:
        return None
    args: list[object] = []
    kwargs: dict[str, object] = {}
    for argument in _ARGUMENT.finditer(call.group(2)):  # the call's grammar put them one after another
        keyword, text = argument.groups()
        value: object = text[1:-1] if text[0] in "\"'" else int(text)
        if keyword is None:
            if kwargs:  # a positional argument after a keyword one: jinja2 refuses it
                return None
            args.append(value)
        elif keyword in kwargs:
            return None
        else:
            kwargs[keyword] = value
    return (call.group(1), tuple(args), kwargs), call.end()
