"""Reads a hand-written Microsoft Learn page, and the sample lines its ``range=`` shows.

Learn Markdown adds DocFX blocks (``::: zone pivot="..."``, ``:::code ...:::``) that no
Markdown library we depend on understands, and every finding needs a line number, so
this is a small line-based reader. HTML comments and fenced code are blanked out first
(newlines kept): a commented-out ``:::code`` or an editor's note is not page content, but
the commented-out references are kept apart, so the audit can say that examples exist.
Learn's content tabs (``# [Isolated worker model](#tab/isolated-process)``) look like
headings of any level but only switch a tab inside a zone, so they are tabs here, never
headings that would end a section; ``[!INCLUDE [...](...)]`` lines are kept with their target.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate

_HIDDEN = re.compile(r"<!--.*?(?:-->|\Z)|^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$", re.DOTALL | re.MULTILINE)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_TAB = re.compile(r"^\[([^\]]*)\]\(#tab/([\w.-]+)\)\s*$")  # the title of a tab "heading"
_INCLUDE = re.compile(r"\[!INCLUDE\s*\[([^\]]*)\]\(([^)]*)\)\s*\]", re.I)
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.*?)[ \t]*$", re.M)
_FRONT_GROUP = re.compile(r"^zone_pivot_groups:[ \t]*(.*?)[ \t]*$", re.M)
_ZONE_START = re.compile(r"^[ \t]*:::[ \t]*zone[ \t]+(.*)$")
_ZONE_END = re.compile(r"^[ \t]*:::[ \t]*zone-end\b")
_PIVOT = re.compile(r"programming-language-([a-z]+)")
_CODE = re.compile(r":::code\b(.*?):::")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
_SEPARATOR = re.compile(r"^\|?(?:\s*:?-+:?\s*\|)*\s*:?-+:?\s*\|?$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_LINE_RANGE = re.compile(r"^(\d+)(?:-(\d+))?$")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


@dataclass(frozen=True, kw_only=True)
class Heading:
    """A Markdown ATX heading."""

    line: int
    level: int
    title: str


@dataclass(frozen=True, kw_only=True)
class Tab:
    """A Learn content tab (``### [In-process](#tab/in-process)``); ``---`` ends the tab set."""

    line: int
    title: str
    tab_id: str


@dataclass(frozen=True, kw_only=True)
class Include:
    """An ``[!INCLUDE [name](target)]`` line."""

    line: int
    name: str
    target: str


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
    title: str = ""  # the front matter's title, else the H1
    pivot_group: str = ""  # the front matter's zone_pivot_groups
    tabs: tuple[Tab, ...] = ()
    includes: tuple[Include, ...] = ()
    commented_references: tuple[CodeReference, ...] = ()  # inside HTML comments
    fences: tuple[int, ...] = ()  # the opening line of each fenced code block (an inline example)

    def tab_at(self, line: int) -> Tab | None:
        """The tab whose body holds ``line``: the last tab line above it in its zone, before a ``---``."""
        zone = self.zone_at(line)
        start = zone.line if zone else 0
        above = [t for t in self.tabs if start < t.line < line]
        if not above:
            return None
        closed = any(self.lines[n - 1].strip() == "---" for n in range(above[-1].line + 1, line))
        return None if closed else above[-1]

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
    found = [(n, m) for n, line in enumerate(lines, 1) if (m := _HEADING.match(line))]
    headings = tuple(Heading(line=n, level=len(m[1]), title=m[2]) for n, m in found if not _TAB.match(m[2]))
    tabs = tuple(Tab(line=n, title=t[1], tab_id=t[2]) for n, m in found if (t := _TAB.match(m[2])))
    raw = text.split("\n")
    hidden = [
        (n, line) for n, line in enumerate(raw, 1) if ":::code" in line and ":::code" not in lines[n - 1]
    ]
    front = _FRONT_MATTER.match(text)
    title = _FRONT_TITLE.search(front[1]) if front else None
    h1 = next((h.title for h in headings if h.level == 1), "")
    group = _FRONT_GROUP.search(front[1]) if front else None
    fences = tuple(text.count("\n", 0, m.start()) + 1 for m in _HIDDEN.finditer(text) if m[1])
    return LearnPage(
        fences=fences,
        title=title[1].strip("'\"") if title else h1,
        pivot_group=group[1] if group else "",
        tabs=tabs,
        includes=tuple(
            Include(line=n, name=m[1].strip(), target=m[2].strip())
            for n, line in enumerate(lines, 1)
            for m in _INCLUDE.finditer(line)
        ),
        commented_references=tuple(ref for n, line in hidden for ref in _code_references(n, line)),
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
