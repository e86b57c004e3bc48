"""Escaping and formatting filters for the Markdown templates.

Every value that lands in a Markdown table cell goes through :func:`escape_cell`,
so a description with ``|``, a newline, ``<script>`` or a backtick can never break a
table or inject HTML. Each filter is small and unit-tested on its own.
"""

from __future__ import annotations

import functools
import html
import re

# A Markdown code span: a run of backticks, content, the same run of backticks.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_BLANK_LINES = re.compile(r"\n\s*\n")


@functools.lru_cache(maxsize=8192)  # the same descriptions recur in every language's table
def escape_cell(text: str) -> str:
    r"""Make ``text`` safe for one Markdown table cell, keeping its visible text.

    Paragraph breaks become ``<br><br>``, other line breaks a space; ``|`` becomes
    ``\\|`` (also inside code spans, which the table parser splits first); HTML
    outside code spans is escaped. Code spans stay code: their ``<`` is already
    shown literally by Markdown.
    """
    text = _BLANK_LINES.sub("\x00", text.strip()).replace("\r", "")
    text = " ".join(text.split("\n"))
    pieces: list[str] = []
    position = 0
    for match in _CODE_SPAN.finditer(text):
        pieces.append(_escape_prose(text[position : match.start()]))
        pieces.append(match.group(0).replace("|", "\\|"))
        position = match.end()
    pieces.append(_escape_prose(text[position:]))
    return "".join(pieces).replace("\x00", "<br><br>")


def _escape_prose(text: str) -> str:
    # The stray backslash goes first, so the ``\\|`` we add stays an escaped pipe.
    return html.escape(text, quote=False).replace("\\", "\\\\").replace("|", "\\|")


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
    out = [(prefix + line) if line.strip() and (index or first) else line for index, line in enumerate(lines)]
    return "\n".join(out)


def tab_label(text: str) -> str:
    """A content-tab label: double quotes would end the ``=== "..."`` syntax early."""
    return text.replace('"', "'")
