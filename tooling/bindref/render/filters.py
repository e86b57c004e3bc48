"""Escaping and formatting filters for the Markdown templates.

Every value that lands in a Markdown table cell goes through :func:`escape_cell`,
so a description with ``|``, a newline, ``<script>``, a backtick or ``{...}`` can never
break a table, inject HTML or attributes, or lose its visible text. Each filter is small
and unit-tested on its own.
"""

from __future__ import annotations

import functools
import html
import re

# A Markdown code span: a run of backticks, content, the same run of backticks (one paragraph).
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)([^\x00]+?)(?<!`)\1(?!`)")
_BLANK_LINES = re.compile(r"\n\s*\n")
_NOT_ANCHOR = re.compile(r"[^a-z0-9]+")
_PARAGRAPH = "\x00"  # stands for a paragraph break until the cell is assembled


@functools.lru_cache(maxsize=8192)  # the same descriptions recur in every language's table
def escape_cell(text: str) -> str:
    r"""Make ``text`` safe for one Markdown table cell, keeping its visible text.

    Paragraph breaks become ``<br><br>``, other line breaks a space. Outside code spans,
    HTML is escaped and ``\``, ``|``, stray backticks and ``{`` get a backslash (``{`` would
    start an ``attr_list`` attribute list). Code spans stay code: Python-Markdown and Markdig
    (Microsoft Learn) keep a ``|`` inside one in its cell but show a ``\|`` literally, and a
    backslash before the closing backtick confuses their cell splitting, so a span holding
    ``|`` or ``\`` is written as ``<code>`` with character references instead.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    text = " ".join(_BLANK_LINES.sub(_PARAGRAPH, text).split("\n"))
    pieces: list[str] = []
    position = 0
    for match in _CODE_SPAN.finditer(text):
        pieces.append(_escape_prose(text[position : match.start()]))
        pieces.append(_code_in_cell(match.group(0), match.group(2)))
        position = match.end()
    pieces.append(_escape_prose(text[position:]))
    return "".join(pieces).replace(_PARAGRAPH, "<br><br>")


def _escape_prose(text: str) -> str:
    # The stray backslash goes first, so the backslashes we add stay escapes.
    escaped = html.escape(text, quote=False).replace("\\", "\\\\")
    return escaped.replace("|", "\\|").replace("`", "\\`").replace("{", "\\{")


def _code_in_cell(span: str, content: str) -> str:
    if "|" not in content and "\\" not in content:
        return span
    # Markdown trims a code span; every ASCII punctuation mark becomes a reference, so no
    # renderer reads Markdown (or a cell border) inside.
    return "<code>" + "".join(_reference(c) for c in content.strip()) + "</code>"


def _reference(char: str) -> str:
    return f"&#{ord(char)};" if char.isascii() and not (char.isalnum() or char == " ") else char


def code_span(text: str) -> str:
    """Wrap ``text`` in a code span that survives backticks inside it."""
    if not text:
        return "` `"
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


@functools.lru_cache(maxsize=8192)
def code_cell(text: str) -> str:
    """A code span made safe for a table cell."""
    return escape_cell(code_span(text))


def indent_block(text: str, width: int = 4, *, first: bool = True) -> str:
    """Indent every non-blank line, so generated Markdown nests inside tabs and lists."""
    prefix = " " * width
    lines = text.split("\n")
    # ``not line.isspace()`` is ``line.strip()`` without building the stripped copy of every line
    out = [
        (prefix + line) if line and not line.isspace() and (index or first) else line
        for index, line in enumerate(lines)
    ]
    return "\n".join(out)


def tab_label(text: str) -> str:
    """A content-tab label: double quotes would end the ``=== "..."`` syntax early."""
    return text.replace('"', "'")


@functools.lru_cache(maxsize=4096)
def escape_prose(text: str) -> str:
    """Show definition prose as text: HTML outside code spans is escaped, Markdown stays.

    Summaries, usage notes and example descriptions are Markdown (backticks, links), but a
    ``<script>`` in them must be shown, never become an element of the page.
    """
    pieces: list[str] = []
    position = 0
    for match in _CODE_SPAN.finditer(text):
        pieces.append(html.escape(text[position : match.start()], quote=False))
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(html.escape(text[position:], quote=False))
    return "".join(pieces)


def heading_anchor(text: str) -> str:
    """A stable heading id: ``assistantPost-C#-Attributes`` -> ``assistantpost-csharp-attributes``."""
    return _NOT_ANCHOR.sub("-", text.lower().replace("#", "sharp")).strip("-")
