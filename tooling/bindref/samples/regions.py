"""Named-region extraction from sample files, so docs include code by name, never by line range.

Line ranges drift when a sample changes; names move with the code, and a bad marker is a path:line error.
"""

from __future__ import annotations

import contextlib
import os
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from bindref.core.errors import BindrefError, RegionError, choices_hint, raise_all
from bindref.samples.files import SampleTextError, read_sample_text
from bindref.samples.paths import SampleRef, Where, locate_sample, resolve_inside

__all__ = [
    "RegionSpan",
    "SampleReader",
    "Snippet",
    "Where",
    "extract_region",
    "resolve_inside",
    "scan_regions",
]


_NAME = r"[A-Za-z_][A-Za-z0-9_.-]*"
_NAME_RE = re.compile(_NAME)
# A marker is a whole line: leader, marker, nothing else. `//` must be followed by blanks
# or the marker, so `/// <summary>` never matches; `(?(html)-->)` closes `<!--` on the line.
_LEAD = r"^[ \t]*(?:(?P<html><!--)[ \t]*|(?://|#)[ \t]*)"
_TAIL = r"[ \t]*(?(html)-->[ \t]*)$"
_TAG_RE = re.compile(rf"{_LEAD}<(?P<close>/?)(?P<name>{_NAME})>{_TAIL}")
_SNIPPET_RE = re.compile(rf"{_LEAD}?--8<--[ \t]*\[(?P<kind>start|end):(?P<name>{_NAME})\]{_TAIL}")
_REGION_RE = re.compile(
    r"^[ \t]*(?:(?P<html><!--)[ \t]*|//[ \t]*)?#(?P<gap>[ \t]*)(?P<end>end)?region"
    rf"(?:[ \t]+(?P<label>.*?))?{_TAIL}"
)


@dataclass(frozen=True, kw_only=True)
class Snippet:
    """Code ready for a fenced block, with the original lines it came from."""

    path: str
    region: str | None
    code: str
    start_line: int
    end_line: int


@dataclass(frozen=True, kw_only=True)
class RegionSpan:
    """Where a named region sits: the lines of its opening and closing markers."""

    name: str
    start_line: int
    end_line: int


class _Dialect(Enum):  # each dialect's opening and closing token, to spell the marker that pairs
    TAG = ("<{}>", "</{}>")
    REGION = ("region", "endregion")
    SNIPPET = ("[start:", "[end:")


@dataclass(frozen=True)
class _Marker:
    dialect: _Dialect
    opens: bool
    name: str  # for #region: the label after the keyword (free text or "" allowed)
    text: str  # the stripped marker line, quoted in messages
    line: int

    @property
    def named(self) -> bool:
        """Tell extractable regions from a free-text ``#region``, which only folds code."""
        return self.dialect is not _Dialect.REGION or bool(_NAME_RE.fullmatch(self.name))

    def counterpart(self) -> str:
        """Spell the marker that pairs with this one, in the same dialect and leader."""
        start, end = (token.format(self.name) for token in self.dialect.value)
        return self.text.replace(*((start, end) if self.opens else (end, start)), 1)

    def closes(self, opener: _Marker) -> bool:
        """Tags and snippets close by name, so they may overlap; ``#endregion`` closes the innermost."""
        by_name = self.dialect is not _Dialect.REGION
        return opener.dialect is self.dialect and (opener.name == self.name or not by_name)


def _classify(text: str, line: int) -> _Marker | None:
    """Return the marker on this line, or None for code."""
    if match := _TAG_RE.match(text):
        return _Marker(_Dialect.TAG, not match["close"], match["name"], text.strip(), line)
    if match := _SNIPPET_RE.match(text):
        return _Marker(_Dialect.SNIPPET, match["kind"] == "start", match["name"], text.strip(), line)
    match = _REGION_RE.match(text)
    # `#region Helper methods` (C# free text) is a marker; `# region of interest` is a comment.
    if match and (not match["gap"] or _NAME_RE.fullmatch(match["label"] or "_")):
        return _Marker(_Dialect.REGION, not match["end"], match["label"] or "", text.strip(), line)
    return None


@dataclass
class _Scanner:
    """Pair markers in file order, collecting every problem instead of stopping at the first."""

    path: str
    code_lines: list[int]
    open_markers: list[_Marker] = field(default_factory=list)
    first_seen: dict[str, int] = field(default_factory=dict)
    spans: dict[str, RegionSpan] = field(default_factory=dict)
    errors: list[BindrefError] = field(default_factory=list)

    def open(self, marker: _Marker) -> None:
        first = self.first_seen.setdefault(marker.name, marker.line)
        if marker.named and first != marker.line:
            hint = f"first opened at line {first}; names must be unique within a file"
            self._fail(marker.line, f"region '{marker.name}' is already defined", hint)
        self.open_markers.append(marker)

    def close(self, closer: _Marker) -> None:
        opener = next((marker for marker in reversed(self.open_markers) if closer.closes(marker)), None)
        if opener is None:
            hint = f"add '{closer.counterpart()}' before it"
            self._fail(closer.line, f"closing marker '{closer.text}' has no opening marker", hint)
            return
        self.open_markers.remove(opener)
        if closer.name and closer.name != opener.name:
            hint = f"opened at line {opener.line}; close it with '{opener.counterpart()}'"
            self._fail(closer.line, f"'{closer.text}' does not match the innermost '{opener.text}'", hint)
        elif opener.named:
            self._record(opener, closer)

    def finish(self) -> list[BindrefError]:
        for opener in self.open_markers:
            what = f"region '{opener.name}'" if opener.name else "unnamed region"
            hint = f"opened here; close it with '{opener.counterpart()}'"
            self._fail(opener.line, f"{what} is never closed", hint)
        return self.errors

    def _fail(self, line: int, message: str, hint: str) -> None:
        self.errors.append(RegionError(message, path=self.path, line=line, hint=hint))

    def _record(self, opener: _Marker, closer: _Marker) -> None:
        start, end = opener.line, closer.line
        if bisect_right(self.code_lines, start) == bisect_right(self.code_lines, end):
            hint = f"no code between its markers on lines {start} and {end}"
            self._fail(start, f"region '{opener.name}' is empty", hint)
        elif self.first_seen[opener.name] == start:
            self.spans[opener.name] = RegionSpan(name=opener.name, start_line=start, end_line=end)


@dataclass(frozen=True)
class _ParsedSample:
    lines: tuple[str, ...]
    marker_lines: frozenset[int]
    spans: dict[str, RegionSpan]


def _parse(path_for_messages: str, text: str) -> _ParsedSample:
    # Only "\n" splits (not str.splitlines), so line numbers match what editors show.
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").removesuffix("\n").split("\n")
    # Every marker holds a "<" (tags, snippets) or "region": the regexes see only those lines.
    markers = [
        m
        for n, line in enumerate(lines, 1)
        if ("<" in line or "region" in line) and (m := _classify(line, n))
    ]
    skip = frozenset(m.line for m in markers)
    code_lines = [n for n, line in enumerate(lines, 1) if n not in skip and line.strip()]
    scanner = _Scanner(path_for_messages, code_lines)
    for marker in markers:
        (scanner.open if marker.opens else scanner.close)(marker)
    raise_all(scanner.finish())
    return _ParsedSample(lines=tuple(lines), marker_lines=skip, spans=scanner.spans)


def scan_regions(path_for_messages: str, text: str) -> dict[str, RegionSpan]:
    """All named regions in ``text``; every marker problem is raised together."""
    return _parse(path_for_messages, text).spans


def _dedent(lines: list[str]) -> str:
    """Remove the common leading whitespace *string*: a tab never counts as spaces."""
    indents = [line[: len(line) - len(line.lstrip(" \t"))] for line in lines if line.strip()]
    prefix = os.path.commonprefix(indents)  # noqa: RUF071 - a character prefix is what is meant
    return "\n".join(line[len(prefix) :] if line.strip() else "" for line in lines)


@dataclass(frozen=True)
class _Target(SampleRef):
    """A sample asked for, and how its lines become a snippet."""

    def snippet(self, region: str | None, parsed: _ParsedSample, span: range) -> Snippet:
        """Lines in ``span`` without markers, blank edges trimmed, dedented."""
        kept = [n for n in span if n not in parsed.marker_lines]
        code = [n for n in kept if parsed.lines[n - 1].strip()]
        if not code:
            raise self.error("file", "has no code", "it is empty or holds only region markers")
        text = _dedent([parsed.lines[n - 1] for n in kept if code[0] <= n <= code[-1]])
        return Snippet(path=self.path, region=region, code=text, start_line=code[0], end_line=code[-1])


class SampleReader:
    """Read samples under ``root``, parsing each file once per version of its content.

    A build pulls many regions from one file and a live-preview server keeps one reader across rebuilds,
    so parses are cached by resolved path and redone when ``(st_mtime_ns, st_size)`` changes.
    A ``settled`` reader (a check, a build with no preview) looks at each file once per :meth:`refresh`:
    a check of a thousand bindings reads each sample seven times, and a stat each time cost 0.5 s.
    """

    def __init__(self, root: Path, *, settled: bool = False) -> None:
        self.root = root
        self.settled = settled
        self._real_root = str(root.resolve())
        self._cache: dict[str, tuple[tuple[int, int], _ParsedSample]] = {}
        self._texts: dict[str, tuple[tuple[int, int], str]] = {}
        self._resolved: dict[str, str] = {}  # relative path -> real file, until refresh()
        self._folders: dict[str, bool] = {}  # folder -> real (not a link), until refresh()
        self._recordings: list[set[str]] = []  # the paths read in each open recording() block

    def refresh(self) -> None:
        """Resolve paths anew (once per build or check): a symlink may point elsewhere now."""
        self._resolved.clear()
        self._folders.clear()

    @contextlib.contextmanager
    def recording(self) -> Iterator[set[str]]:
        """The sample paths read (as asked for) inside the block: what a call's output depends on."""
        self._recordings.append(paths := set[str]())
        try:
            yield paths
        finally:
            self._recordings.remove(paths)

    def regions(self, relative_path: str, *, referenced_from: Where = None) -> dict[str, RegionSpan]:
        """Every named region in the file, by name."""
        return dict(self._load(_Target(relative_path, referenced_from)).spans)

    def extract(self, relative_path: str, region: str | None, *, referenced_from: Where = None) -> Snippet:
        """One region (the whole file for ``None``), with every marker line stripped."""
        target = _Target(relative_path, referenced_from)
        parsed = self._load(target)
        if region is None:
            return target.snippet(None, parsed, range(1, len(parsed.lines) + 1))
        if (span := parsed.spans.get(region)) is None:
            hint = choices_hint(region, parsed.spans, noun="regions in this file")
            raise target.error("file", f"has no region '{region}'", hint)
        return target.snippet(region, parsed, range(span.start_line, span.end_line))

    def text(self, relative_path: str, *, referenced_from: Where = None) -> str:
        """The file's text as every stage reads a sample: UTF-8, size-limited, not binary."""
        return self._read(_Target(relative_path, referenced_from))[2]

    def _read(self, target: _Target) -> tuple[str, tuple[int, int], str]:
        """The resolved path, its version and its text; read again only when the file changed."""
        for paths in self._recordings:  # before the read: a file that fails is one the call needs too
            paths.add(target.path)
        known = self._resolved.get(target.path)
        if known is not None and self.settled:
            version, text = self._texts[known]
            return known, version, text
        try:
            if known is None:
                path, status = locate_sample(self._real_root, target, self._folders)
            else:
                path, status = known, os.stat(known)
            version = (status.st_mtime_ns, status.st_size)
            if (cached := self._texts.get(path)) and cached[0] == version:
                self._resolved[target.path] = path
                return path, version, cached[1]
            text = read_sample_text(path, status.st_size)
        except OSError as exc:
            if known is not None:  # gone since it was resolved: say why, as a first read would
                del self._resolved[target.path]
                return self._read(target)
            raise target.error("file", "cannot be read", exc.strerror or str(exc)) from None
        except SampleTextError as exc:
            raise target.error("file", exc.problem, exc.hint) from None
        self._texts[path] = (version, text)
        self._resolved[target.path] = path
        return path, version, text

    def _load(self, target: _Target) -> _ParsedSample:
        path, version, text = self._read(target)
        if (cached := self._cache.get(path)) is None or cached[0] != version:
            cached = self._cache[path] = (version, _parse(target.path, text))
        return cached[1]


def extract_region(root: Path, relative_path: str, region: str | None) -> Snippet:
    """One-off extraction; a build should share one :class:`SampleReader` instead."""
    return SampleReader(root).extract(relative_path, region)
