"""What a ``range=`` shows: whole blocks or not, and the range that would.

Every span of a multi-span range is judged on its own (``4-5,36-60``: the imports, then
the function), language-agnostically: brackets outside strings and comments must open and
close inside the span, a span must not start or end mid-statement, nor run past the end of
the file, and in a language whose blocks are indented a block's body must not go on after
it. Blank lines at a span's edges are harmless (Learn shows them as they are). When a span
is cut, the fix is the span widened to the block it cuts, so a finding can say what the
range should be.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from bindref.languages import PROFILES, LanguageProfile, snake_case
from bindref.samples.regions import RegionSpan

_STRING = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|`(?:\\.|[^`\\])*`')
_OPENERS, _CLOSERS = "([{", ")]}"  # depth only: a ')' closing a '{' is a syntax error, not a cut
_ENDS_OPEN = re.compile(r"(?:[=+\-*/,.\\&|]|=>|&&|\|\|)\s*$")  # a statement that goes on
_STARTS_OPEN = re.compile(r"^\s*(?:\.(?!\.)|\?\.|=>|&&|\|\||[+*/])")
_BLOCK = re.compile(r"^([ \t]*)(?:@|(?:async\s+)?def\s|class\s)")
# Lines that register a function, with its name: where a function's code starts.
_REGISTRATIONS = (
    re.compile(
        r"\b\w*(?:app|apis|bp)\.\w+\(\s*['\"]([\w-]+)['\"]"
    ),  # app.http('Name', ...), @bp.function_name("Name")
    re.compile(r"\[Function(?:Name)?\(\s*(?:nameof\()?\"?(\w+)"),  # [Function(nameof(Name))]
    re.compile(r"@FunctionName\(\s*\"(\w+)\""),  # @FunctionName("Name")
)
_FUNCTION_NAMES = (
    re.compile(r"^\s*(?:async\s+)?def\s+(\w+)"),  # def name(
    *_REGISTRATIONS,
    re.compile(r"\bfunction\b\s*\*?\s*([A-Za-z_][\w-]*)"),  # function name(
    re.compile(r"\b(?:public|private|protected|internal|static)\b[^=;(]*?\b(\w+)\s*\("),  # method(
    re.compile(r"\b(?:const|let|var)\s+(\w+)\s*=\s*(?:async\s*)?(?:\(|function\b|\w+\s*=>)"),
)
Spans = tuple[tuple[int, int], ...]


def profile_of(path: str) -> LanguageProfile | None:
    """The first profile whose sample files end like ``path`` (``.cs``, ``.py``), if any."""
    suffix = PurePosixPath(path).suffix
    return next((p for p in PROFILES.values() if p.sample_file and p.sample_file.endswith(suffix)), None)


def comment_leader(path: str) -> str:
    """How a line comment starts in ``path``'s language (``//`` when no profile says otherwise)."""
    profile = profile_of(path)
    return profile.comment_leader if profile and profile.comment_leader else "//"


def sample_lines(text: str) -> list[str]:
    """A sample's lines, numbered as editors and Learn number them (only a line feed ends a line)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    return text.removesuffix("\n").split("\n")


@dataclass(frozen=True)
class Cut:
    """Why one span does not show a whole block, and the span that would."""

    reason: str
    fixed: tuple[int, int]
    span: tuple[int, int]  # the span as the page gives it


def cuts(lines: list[str], spans: Spans, path: str) -> list[Cut]:
    """Every span that cuts a block, starts or ends mid-statement, or runs past the end of the file."""
    code = _code_lines(lines, comment_leader(path))
    pairs = _bracket_pairs(code)
    profile = profile_of(path)
    indented = bool(profile and profile.indented_blocks)
    found = []
    for given in spans:
        first, last = given
        if last > len(lines):
            first = min(first, len(lines))
            whole = function_span(lines, _registration(lines, first, len(lines)), path)
            fixed = whole or _widen(code, pairs, first, len(lines))
            found.append(Cut(f"the file has only {len(lines)} lines", fixed, given))
            continue
        first, last = _trim(lines, first, last)
        reason = _unbalanced(pairs, first, last) or _mid_statement(code, first, last)
        if reason is None and indented:
            reason = _body_continues(lines, first, last)
        if reason:
            whole = function_span(lines, _registration(lines, first, last), path)
            fixed = whole or _widen(code, pairs, first, last, indented=indented, lines=lines)
            found.append(Cut(reason, fixed, given))
    return found


_BLOCK_COMMENT = re.compile(r"/\*.*?(?:\*/|$)|^\s*\*.*$")  # /* ... */ and the * lines of a doc comment


def _code_lines(lines: list[str], comment: str) -> list[str]:
    """Each line with strings emptied and its comments cut off."""
    code = [_STRING.sub('""', line).split(comment, 1)[0] for line in lines]
    return [_BLOCK_COMMENT.sub("", line) for line in code] if comment == "//" else code


def _bracket_pairs(code: list[str]) -> list[tuple[int, int]]:
    """(opening line, closing line) of every bracket pair; an unmatched one pairs with 0."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for number, line in enumerate(code, 1):
        for char in line:
            if char in _OPENERS:
                stack.append(number)
            elif char in _CLOSERS:
                pairs.append((stack.pop() if stack else 0, number))
    return pairs + [(opened, len(code) + 1) for opened in stack]


def _trim(lines: list[str], first: int, last: int) -> tuple[int, int]:
    while first < last and not lines[first - 1].strip():
        first += 1
    while last > first and not lines[last - 1].strip():
        last -= 1
    return first, last


def _unbalanced(pairs: list[tuple[int, int]], first: int, last: int) -> str | None:
    before = [(o, c) for o, c in pairs if o < first <= c <= last]
    if before:
        return f"line {before[0][1]} closes a block opened before line {first}"
    after = sorted((o, c) for o, c in pairs if first <= o <= last < c)
    if not after:
        return None
    opened, closed = after[0]
    return f"the block opened on line {opened} closes on line {closed}, after the range"


def _mid_statement(code: list[str], first: int, last: int) -> str | None:
    above = next((code[n - 1] for n in range(first - 1, 0, -1) if code[n - 1].strip()), "")
    if _STARTS_OPEN.match(code[first - 1]) or (above and _ENDS_OPEN.search(above)):
        return f"it starts mid-statement on line {first}"
    if _ENDS_OPEN.search(code[last - 1]) and not code[last - 1].rstrip().endswith(("*/", "//")):
        return f"it ends mid-statement on line {last}"
    return None


def _body_continues(lines: list[str], first: int, last: int) -> str | None:
    """A decorator, def or class in the span whose indented body goes on after it."""
    blocks = [(len(m[1]), n) for n in range(first, last + 1) if (m := _BLOCK.match(lines[n - 1]))]
    after = next((n for n in range(last + 1, len(lines) + 1) if lines[n - 1].strip()), None)
    if not blocks or after is None:
        return None
    indent, number = min(blocks)
    if _indent(lines[after - 1]) > indent:
        return f"the block that starts on line {number} continues after line {last}"
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _widen(
    code: list[str],
    pairs: list[tuple[int, int]],
    first: int,
    last: int,
    *,
    indented: bool = False,
    lines: list[str] | None = None,
) -> tuple[int, int]:
    """The smallest span around ``first-last`` that holds whole blocks and statements."""
    for _ in range(len(code)):
        start, end = first, last
        first = min([first, *(o for o, c in pairs if o and o < first <= c <= last)])
        last = max([last, *(min(c, len(code)) for o, c in pairs if first <= o <= last < c)])
        while first > 1 and (_STARTS_OPEN.match(code[first - 1]) or _ENDS_OPEN.search(code[first - 2])):
            first -= 1
        while last < len(code) and _ENDS_OPEN.search(code[last - 1]):
            last += 1
        if indented and lines is not None:
            last = _block_end(lines, first, last)
        if (start, end) == (first, last):
            break
    return first, last


def _block_end(lines: list[str], first: int, last: int) -> int:
    """The last line of the indented body of the outermost block started in the span."""
    blocks = [_indent(lines[n - 1]) for n in range(first, last + 1) if _BLOCK.match(lines[n - 1])]
    if not blocks:
        return last
    indent, end = min(blocks), last
    tops = [n for n in range(first, last + 1) if lines[n - 1].strip() and _indent(lines[n - 1]) <= indent]
    waiting = _awaits_def(lines[tops[-1] - 1]) if tops else True
    for number in range(last + 1, len(lines) + 1):
        line = lines[number - 1]
        if not line.strip():
            continue
        if _indent(line) <= indent:  # back at the block's indent: the end, unless a decorator waits
            if not waiting and not line.lstrip().startswith(")"):
                break
            waiting = _awaits_def(line)
        end = number
    return end


def _awaits_def(line: str) -> bool:
    """A decorator line, or the line closing a decorator's call: a def still follows."""
    return line.lstrip().startswith(("@", ")"))


def region_suggestion(lines: list[str], spans: Spans, regions: Mapping[str, RegionSpan], path: str) -> str:
    """``id="x"`` for the region that best covers the spans, else the id to tag one with."""
    shown = {n for first, last in spans for n in range(first, last + 1)}

    def overlap(region: RegionSpan) -> int:
        return len(shown.intersection(range(region.start_line + 1, region.end_line)))

    best = max(regions.values(), key=lambda r: (overlap(r), r.start_line - r.end_line), default=None)
    if best and overlap(best):
        return best.name
    first, last = spans[-1]  # the last span is the function; the first ones, its imports
    return region_id(lines, first, min(last, len(lines)), path) or snake_case(PurePosixPath(path).stem)


def region_id(lines: list[str], first: int, last: int, path: str) -> str | None:
    """A region id from the first function named in the span, else just below, else above it."""
    code = [_STRING.sub(lambda m: m[0][0] + "x" * (len(m[0]) - 2) + m[0][0], line) for line in lines]
    code = [line.split(comment_leader(path), 1)[0] for line in code]  # names in comments are prose
    below = range(last + 1, min(last + 15, len(lines)) + 1)  # a decorator chain names it after the span
    for number in [*range(first, last + 1), *below, *range(first - 1, 0, -1)]:
        for pattern in _FUNCTION_NAMES:
            if pattern.search(code[number - 1]) and (match := pattern.search(lines[number - 1])):
                return snake_case(match[1]).replace("-", "_")
    return None


def tag_hint(path: str, name: str) -> str:
    """How to wrap code in Learn region tags, in the comment syntax of ``path``'s language."""
    if PurePosixPath(path).suffix == ".json":
        return "JSON has no comments to tag: drop range= to show the whole file"
    leader = comment_leader(path)
    return f"wrap the code in '{leader} <{name}>' ... '{leader} </{name}>' tags and use id=\"{name}\""


def shows(lines: list[str], spans: Spans, words: tuple[str, ...]) -> bool:
    """Whether any shown line holds one of ``words`` (a binding's attribute, decorator or type)."""
    text = "\n".join(lines[n - 1] for first, last in spans for n in range(first, min(last, len(lines)) + 1))
    return any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) for word in words)


def format_spans(spans: Spans) -> str:
    """``((4, 5), (36, 61))`` -> ``4-5,36-61``."""
    return ",".join(f"{a}-{b}" if a != b else str(a) for a, b in spans)


def _registration(lines: list[str], first: int, last: int) -> int:
    """The first line in the span that registers a function, else the span's first line."""
    found = (n for n in range(first, last + 1) if any(p.search(lines[n - 1]) for p in _REGISTRATIONS))
    return next(found, first)


def function_span(lines: list[str], line: int, path: str) -> tuple[int, int] | None:
    """The whole function whose code holds ``line``: from its registration to its block's end."""
    profile = profile_of(path)
    if profile is not None and profile.indented_blocks:  # the decorators above the line, then the def
        top = line
        while top > 1 and lines[top - 2].strip() and (_awaits_def(lines[top - 2]) or _indent(lines[top - 2])):
            top -= 1
        return (top, _block_end(lines, top, line)) if _BLOCK.match(lines[top - 1]) else None
    registered = (n for n in range(line, 0, -1) if any(p.search(lines[n - 1]) for p in _REGISTRATIONS))
    start = next(registered, 0)
    if not start:
        return None
    code = _code_lines(lines, comment_leader(path))
    pairs = _bracket_pairs(code)
    braces = [c for o, c in pairs if o >= start and c >= line and "{" in code[o - 1]]
    return (start, min(*braces, len(lines))) if braces else None
