"""Code blocks pulled from samples, and their injection after template rendering.

Templates only ever see a slot token for the code. :func:`inject_code` swaps the
real code in afterwards, indented to the token's column, so ``{{ }}``,
``{queueTrigger}`` or ``%Setting%`` in a sample is shown, never evaluated, and a
block nested in a tab stays inside it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from bindref.samples.regions import Snippet

_SLOT_OPEN = "\u27e6"
_SLOT = re.compile(_SLOT_OPEN + r"bindref-code-(\d+)\u27e7")
# The highlight language of a sample by file suffix: the site's fence and Learn's :::code language=
# (a file type, not the page's language: a PowerShell function's bindings are in its function.json).
_FENCE_BY_SUFFIX = {
    ".cs": "csharp",
    ".java": "java",
    ".js": "javascript",
    ".ts": "typescript",
    ".py": "python",
    ".ps1": "powershell",
    ".json": "json",
    ".xml": "xml",
}


@dataclass(frozen=True, kw_only=True)
class CodeBlock:
    """A sample shown on a page: where it came from, and its slot token."""

    snippet: Snippet
    fence: str
    title: str
    url: str
    slot: str
    description: str = ""


def slot_token(index: int) -> str:
    """The placeholder a template prints where code block ``index`` goes."""
    return f"{_SLOT_OPEN}bindref-code-{index}\u27e7"


def file_name(path: str) -> str:
    """``PurePosixPath(path).name`` without building a path object for every code block of a page."""
    name = path.rpartition("/")[2]
    return name if name and name != "." else PurePosixPath(path).name


def fence_for(path: str) -> str:
    """The highlight language of a sample, from its file suffix (as ``PurePosixPath.suffix``)."""
    name = file_name(path)
    dot = name.rfind(".")
    suffix = name[dot:] if 0 < dot < len(name) - 1 else ""
    return _FENCE_BY_SUFFIX.get(suffix.lower(), "text")


def inject_code(text: str, slots: Sequence[CodeBlock]) -> str:
    """Replace each slot token's line with the sample code, indented like the token."""
    by_token: Mapping[str, CodeBlock] = {block.slot: block for block in slots}
    out: list[str] = []
    for line in text.split("\n"):
        match = _SLOT.search(line) if _SLOT_OPEN in line else None
        if match is None:
            out.append(line)
            continue
        prefix = line[: match.start()]
        code = by_token[match.group(0)].snippet.code
        out.extend((prefix + code_line) if code_line.strip() else "" for code_line in code.split("\n"))
    return "\n".join(out)
