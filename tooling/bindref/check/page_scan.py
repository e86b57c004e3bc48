"""The docs pages as the checks see them: read once, with every literal macro call found.

Several checks need the pages (rendering their macro calls, bindings without a page,
regions no page uses). They used to learn about the pages from each other through shared
sets, so one had to run before another; now the pages are scanned once, read-only, into
:class:`ScannedPage` values that every check reads in any order.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bindref.check.placeholders import plain_call
from bindref.core.config import Settings
from bindref.core.errors import BindrefError, read_text_file
from bindref.render.macros import MACRO_NAMES, PAGE_MACROS

_EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.DOTALL)


@dataclass(frozen=True, kw_only=True)
class MacroCall:
    """One call of a bindref macro on a page, with literal arguments."""

    name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    path: str
    line: int


@dataclass(frozen=True, kw_only=True)
class ScannedPage:
    """One page under the docs folder: its text and macro calls, or why it cannot be read."""

    path: str  # repo-relative
    text: str = ""
    calls: tuple[MacroCall, ...] = ()
    error: BindrefError | None = None


def scan_pages(settings: Settings) -> tuple[ScannedPage, ...]:
    """Every ``*.md`` page under the docs folder, in path order (folders named ``x.md`` hold pages)."""
    docs = settings.root / settings.docs
    pages: list[ScannedPage] = []
    for page in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        if page.is_dir():
            continue
        relative = page.relative_to(settings.root).as_posix()
        try:
            text = read_text_file(page, relative)
        except BindrefError as error:
            pages.append(ScannedPage(path=relative, error=error))
            continue
        pages.append(ScannedPage(path=relative, text=text, calls=tuple(macro_calls(relative, text))))
    return tuple(pages)


def shown_references(pages: tuple[ScannedPage, ...]) -> set[str]:
    """The binding references (keys or type strings) that some page shows a reference of."""
    return {str(c.args[0]) for p in pages for c in p.calls if c.name in PAGE_MACROS and c.args}


def snippet_regions(pages: tuple[ScannedPage, ...], samples: str) -> set[tuple[str, str]]:
    """``(sample path, region)`` for every ``snippet(path, region)`` call on a page."""
    return {
        (f"{samples}/{call.args[0]}", str(call.args[1]))
        for page in pages
        for call in page.calls
        if call.name == "snippet" and len(call.args) > 1 and call.args[1]
    }


def macro_calls(path: str, text: str) -> Iterator[MacroCall]:
    """The bindref macro calls of a page whose arguments are literals (outside raw blocks)."""
    for match in _EXPRESSION.finditer(blank_out(text, RAW)):
        call = _literal_call(match.group(1))
        if call is not None and call[0] in MACRO_NAMES:
            line = text.count("\n", 0, match.start()) + 1
            yield MacroCall(name=call[0], args=call[1], kwargs=call[2], path=path, line=line)


def _literal_call(source: str) -> tuple[str, tuple[Any, ...], dict[str, Any]] | None:
    """``(name, arguments, keyword arguments)`` of a call of a name with literal arguments, else None."""
    plain = plain_call(source)  # most calls: no parse (see plain_call)
    if plain is not None:
        name, arguments = plain
        return None if arguments is None else (name, arguments, {})
    try:
        node = ast.parse(source.strip(), mode="eval").body
    except SyntaxError:
        return None
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
        return None
    try:
        args = tuple(ast.literal_eval(arg) for arg in node.args)
        kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in node.keywords if kw.arg}
    except ValueError:
        return None  # computed arguments: only the site build can evaluate them
    return node.func.id, args, kwargs


def blank_out(text: str, pattern: re.Pattern[str]) -> str:
    """Replace matches with as many newlines, so offsets still map to the same lines."""
    return pattern.sub(lambda m: "\n" * m.group(0).count("\n"), text)
