"""Reads a hand-written Microsoft Learn page, and the sample lines its ``range=`` shows.

Learn Markdown adds DocFX blocks (``::: zone pivot="..."``, ``:::code ...:::``) that no
Markdown library we depend on understands, and every finding needs a line number, so
this is a small line-based reader. HTML comments and fenced code are blanked out first
(newlines kept): a commented-out ``:::code`` or an editor's note is not page content.
The range helpers judge, language-agnostically, whether a line range still shows whole
blocks of a sample, and which region name could replace it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate
from pathlib import PurePosixPath

from bindref.languages import snake_case
from bindref.samples.regions import RegionSpan

_HIDDEN = re.compile(r"<!--.*?(?:-->|\Z)|^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$", re.DOTALL | re.MULTILINE)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_ZONE_START = re.compile(r"^[ \t]*:::[ \t]*zone[ \t]+(.*)$")
_ZONE_END = re.compile(r"^[ \t]*:::[ \t]*zone-end\b")
_PIVOT = re.compile(r"programming-language-([a-z]+)")
_CODE = re.compile(r":::code\b(.*?):::")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
_SEPARATOR = re.compile(r"^\|?(?:\s*:?-+:?\s*\|)*\s*:?-+:?\s*\|?$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_LINE_RANGE = re.compile(r"^(\d+)(?:-(\d+))?$")


@dataclass(frozen=True, kw_only=True)
class Heading:
    """A Markdown ATX heading."""

    line: int
    level: int
    title: str


@dataclass(frozen=True, kw_only=True)
class Zone:
    """A ``::: zone`` block, from its opening line to its ``::: zone-end`` line."""

    line: int
    end_line: int
    pivots: tuple[str, ...]  # the X of each programming-language-X

    def contains(self, line: int) -> bool:
        """Whether ``line`` is inside the zone's body."""
        return self.line < line < self.end_line


@dataclass(frozen=True, kw_only=True)
class CodeReference:
    """One ``:::code ...:::`` reference and its attributes, with their columns (1-based)."""

    line: int
    attributes: Mapping[str, str]
    columns: Mapping[str, tuple[int, int]]  # attribute -> (first, last) column of its value

    def attribute_at(self, column: int) -> str | None:
        """The attribute whose value holds ``column``, if any."""
        return next((name for name, (a, b) in self.columns.items() if a <= column <= b), None)


@dataclass(frozen=True, kw_only=True)
class TableRow:
    """A table row whose first cell is a name (``**name**`` or `` `name` ``)."""

    line: int
    name: str
    description: str


@dataclass(frozen=True, kw_only=True)
class Table:
    """A pipe table; ``line`` is its header line."""

    line: int
    rows: tuple[TableRow, ...]


@dataclass(frozen=True, kw_only=True)
class LearnPage:
    """The visible text of a page and the structure found in it."""

    visible: str
    lines: tuple[str, ...]
    headings: tuple[Heading, ...]
    zones: tuple[Zone, ...]
    code_references: tuple[CodeReference, ...]
    tables: tuple[Table, ...]
    line_starts: tuple[int, ...]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of a character offset in :attr:`visible`."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def zone_at(self, line: int) -> Zone | None:
        """The zone whose body holds ``line``."""
        return next((zone for zone in self.zones if zone.contains(line)), None)

    def section_end(self, heading: Heading) -> int:
        """The line of the next heading at the same or a higher level (past the end if none)."""
        later = (h.line for h in self.headings if h.line > heading.line and h.level <= heading.level)
        return next(later, len(self.lines) + 1)


def parse_learn_page(text: str) -> LearnPage:
    """Headings, zones, code references and tables of a Learn page, by line."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    visible = _HIDDEN.sub(lambda hidden: re.sub(r"[^\n]", " ", hidden[0]), text)
    lines = tuple(visible.split("\n"))
    headings = tuple(
        Heading(line=n, level=len(m[1]), title=m[2])
        for n, line in enumerate(lines, 1)
        if (m := _HEADING.match(line))
    )
    return LearnPage(
        visible=visible,
        lines=lines,
        headings=headings,
        zones=_zones(lines),
        code_references=tuple(ref for n, line in enumerate(lines, 1) for ref in _code_references(n, line)),
        tables=_tables(lines),
        line_starts=(0, *accumulate(len(line) + 1 for line in lines[:-1])),
    )


def _zones(lines: tuple[str, ...]) -> tuple[Zone, ...]:
    zones: list[Zone] = []
    start: tuple[int, tuple[str, ...]] | None = None
    for number, line in enumerate(lines, 1):
        if _ZONE_END.match(line):
            if start:
                zones.append(Zone(line=start[0], end_line=number, pivots=start[1]))
            start = None
        elif match := _ZONE_START.match(line):
            pivot = re.search(r'pivot="([^"]*)"', match[1])
            start = (number, tuple(_PIVOT.findall(pivot[1])) if pivot else ())
    if start:
        zones.append(Zone(line=start[0], end_line=len(lines) + 1, pivots=start[1]))
    return tuple(zones)


def _code_references(number: int, line: str) -> list[CodeReference]:
    references = []
    for match in _CODE.finditer(line):
        found, offset = list(_ATTRIBUTE.finditer(match[1])), match.start(1) + 1
        columns = {m[1]: (offset + m.start(2), offset + m.end(2)) for m in found}
        references.append(CodeReference(line=number, attributes={m[1]: m[2] for m in found}, columns=columns))
    return references


def _tables(lines: tuple[str, ...]) -> tuple[Table, ...]:
    """Runs of lines starting with ``|`` whose second line is a ``| --- |`` separator."""
    tables: list[Table] = []
    block: list[int] = []
    for number, line in enumerate([*lines, ""], 1):
        if line.strip().startswith("|"):
            block.append(number)
            continue
        if len(block) > 1 and _SEPARATOR.match(lines[block[1] - 1].strip()):
            rows = (row for n in block[2:] for row in _row(n, lines[n - 1]))
            tables.append(Table(line=block[0], rows=tuple(rows)))
        block = []
    return tuple(tables)


def _row(number: int, line: str) -> list[TableRow]:
    cells = [cell.strip() for cell in _CELL_SPLIT.split(line.strip().strip("|"))]
    name = re.fullmatch(r"\*\*`?(.+?)`?\*\*|`([^`]+)`", cells[0])
    if not name:
        return []
    return [TableRow(line=number, name=(name[1] or name[2]).strip(), description=" | ".join(cells[1:]))]


def parse_line_ranges(text: str) -> tuple[tuple[int, int], ...] | None:
    """``"4-5,36-60"`` -> ``((4, 5), (36, 60))``; None unless every part is ``a`` or ``a-b`` with a <= b."""
    matches = [_LINE_RANGE.match(part) for part in text.replace(" ", "").split(",")]
    spans = tuple((int(m[1]), int(m[2] or m[1])) for m in matches if m)
    return spans if len(spans) == len(matches) and all(0 < a <= b for a, b in spans) else None


# What a range= shows ----------------------------------------------------------------------

_STRING = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|`(?:\\.|[^`\\])*`')
_CLOSERS = ")]}"  # depth only: a ')' closing a '{' is a syntax error, not a cut
_COMMENT = {".py": "#", ".ps1": "#"}  # the rest of the sample languages comment with //
_PYTHON_BLOCK = re.compile(r"^([ \t]*)(?:@|(?:async\s+)?def\s|class\s)")
_FUNCTION_NAMES = (
    re.compile(r"^\s*(?:async\s+)?def\s+(\w+)"),  # Python
    re.compile(r"\bapp\.\w+\(\s*['\"]([\w-]+)['\"]"),  # app.http('Name', ...), @app.function_name("Name")
    re.compile(r"\bfunction\s*\*?\s*([A-Za-z_][\w-]*)"),  # JavaScript, PowerShell
    re.compile(r"\b(?:public|private|protected|internal|static)\b[^=;(]*?\b(\w+)\s*\("),  # C#, Java
    re.compile(r"\b(?:const|let|var)\s+(\w+)\s*=\s*(?:async\s*)?(?:\(|function\b|\w+\s*=>)"),
)


def sample_lines(text: str) -> list[str]:
    """A sample's lines, numbered as editors and Learn number them (only a line feed ends a line)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    return text.removesuffix("\n").split("\n")


def why_range_cuts(lines: list[str], spans: tuple[tuple[int, int], ...], suffix: str) -> str | None:
    """Why the spans do not show whole blocks, or None when they look whole."""
    for first, last in spans:
        if last > len(lines):
            return f"the file has only {len(lines)} lines"
        if not lines[first - 1].strip():
            return f"it starts on blank line {first}"
        if not lines[last - 1].strip():
            return f"it ends on blank line {last}"
        reason = _unbalanced(lines, first, last, _COMMENT.get(suffix, "//"))
        if reason is None and suffix == ".py":
            reason = _python_body_continues(lines, first, last)
        if reason:
            return reason
    return None


def _unbalanced(lines: list[str], first: int, last: int, comment: str) -> str | None:
    """Brackets outside strings and comments that open or close outside the span."""
    opened: list[tuple[str, int]] = []
    for number in range(first, last + 1):
        code = _STRING.sub('""', lines[number - 1]).split(comment, 1)[0]
        for char in code:
            if char in "([{":
                opened.append((char, number))
            elif char in _CLOSERS and not opened:
                return f"'{char}' on line {number} closes a block opened before line {first}"
            elif char in _CLOSERS:
                opened.pop()
    if opened:
        char, number = opened[0]
        return f"'{char}' on line {number} is closed after line {last}"
    return None


def _python_body_continues(lines: list[str], first: int, last: int) -> str | None:
    """A decorator, def or class in the span whose indented body goes on after it."""
    blocks = [(len(m[1]), n) for n in range(first, last + 1) if (m := _PYTHON_BLOCK.match(lines[n - 1]))]
    after = next((line for line in lines[last:] if line.strip()), None)
    if not blocks or after is None:
        return None
    indent, number = min(blocks)
    if len(after) - len(after.lstrip()) > indent:
        return f"the block that starts on line {number} continues after line {last}"
    return None


def region_suggestion(
    lines: list[str], spans: tuple[tuple[int, int], ...], regions: Mapping[str, RegionSpan], path: str
) -> str:
    """``use id="x"`` for the region that best covers the spans, else how to tag one."""
    shown = {n for first, last in spans for n in range(first, last + 1)}

    def overlap(region: RegionSpan) -> int:
        return len(shown.intersection(range(region.start_line + 1, region.end_line)))

    best = max(regions.values(), key=lambda r: (overlap(r), r.start_line - r.end_line), default=None)
    if best and overlap(best):
        return f'use id="{best.name}"'
    name = _function_name(lines, spans[0][0], min(spans[0][1], len(lines))) or PurePosixPath(path).stem
    return tag_hint(path, snake_case(name).replace("-", "_"))


def tag_hint(path: str, name: str) -> str:
    """How to wrap code in Learn region tags, in the comment syntax of ``path``'s language."""
    suffix = PurePosixPath(path).suffix
    if suffix == ".json":
        return "JSON has no comments to tag: drop range= to show the whole file"
    leader = _COMMENT.get(suffix, "//")
    return f"wrap the code in '{leader} <{name}>' ... '{leader} </{name}>' tags and use id=\"{name}\""


def _function_name(lines: list[str], first: int, last: int) -> str | None:
    """The first function named in the span, else the nearest one above it."""
    for number in [*range(first, last + 1), *range(first - 1, 0, -1)]:
        for pattern in _FUNCTION_NAMES:
            if match := pattern.search(lines[number - 1]):
                return match[1]
    return None
