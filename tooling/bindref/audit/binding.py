"""Which binding a page documents (BR607, BR608), and what kind of page it is.

A hand-written page rarely says its binding in one place: its file name may be the one
bindref exports to, its title names the type in words ("assistant post"), its tables say
"Must be `x`" and its prose names attributes and decorators. Each of these is evidence;
the binding with the strongest evidence wins, the direction and extension words in the
title only break ties. Where the page's own words disagree with the definition (the title
says "output", the definition says input) that is a finding; a tie names the candidates
and why; a page no definition fits gets one note that only the generic checks ran.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bindref.audit.context import PageAudit
from bindref.check.findings import Finding
from bindref.core.errors import ConfigError, NotFoundError
from bindref.core.model import Binding
from bindref.export.learn import page_name
from bindref.languages import DIRECTION_KIND, PROFILES

_MUST_BE = re.compile(r"[Mm]ust be `([^`]*)`")
_NAMED = re.compile(r"`@?\[?(?:\w+\.)*(\w+)\]?(?:\(\))?`")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_KINDS = "|".join(DIRECTION_KIND.values())
REFERENCE_TITLES = frozenset(p.section_title.lower() for p in PROFILES.values())
_GENERIC_CHECKS = "placeholders, code references, ranges and example zones"


@dataclass(frozen=True)
class PageKind:
    """A binding page, an extension overview or an include-only page, and why."""

    name: str
    reason: str = ""


def page_kind(audit: PageAudit) -> PageKind:
    """A page with an Example or reference section documents a binding; others are audited generically."""
    page = audit.page
    titles = {h.title.strip().lower() for h in page.headings if h.level == 2}
    if titles & ({"example", "examples"} | REFERENCE_TITLES):
        return PageKind("binding")
    start = page.lines.index("---", 1) + 1 if page.lines[0] == "---" and "---" in page.lines[1:] else 0
    includes = {include.line for include in page.includes}
    body = [
        n
        for n, line in enumerate(page.lines[start:], start + 1)
        if line.strip() and not line.startswith("#") and n not in includes
    ]
    if includes and len(body) <= 3:
        return PageKind("include", "its body is [!INCLUDE] lines")
    return PageKind("overview", "it has no '## Example' and no reference section")


def skipped_note(audit: PageAudit, kind: PageKind) -> Finding:
    """The note that a page that documents no one binding got the generic checks only."""
    message = f"the page is not a binding reference page ({kind.reason}): "
    message += "only placeholders and code references were checked"
    return audit.finding("BR608", message, 1, "audit each binding's own page for its tables")


def words_of(type_name: str) -> str:
    """``assistantPost`` -> ``assistant post``: how a title spells a type."""
    return _CAMEL.sub(" ", type_name).lower()


def choose_binding(audit: PageAudit, key: str | None, file_name: str) -> tuple[Binding | None, list[Finding]]:
    """``--binding``, else the best-evidenced binding; with the notes on how it was chosen."""
    project = audit.project
    if key is not None:
        try:
            return project.binding(key), []
        except NotFoundError as error:
            raise ConfigError(error.message, hint=error.hint) from None
    bindings = list(project.catalog().bindings.values())
    if exact := next((b for b in bindings if page_name(b, project.settings) == file_name), None):
        return exact, []  # the file bindref exports it to: the one binding it can be
    scored = [(_evidence(audit, b, file_name), b) for b in bindings]
    strong = [(reasons, weak, b) for (reasons, weak), b in scored if reasons]
    if not strong:
        message = f"no bindref definition fits the page: only {_GENERIC_CHECKS} were checked"
        hint = "the tables were not compared; pass --binding KEY when a definition documents it"
        return None, [audit.finding("BR608", message, 1, hint)]
    best = max(len(r) * 2 + w for r, w, _ in strong)
    top = [(r, b) for r, w, b in strong if len(r) * 2 + w == best]
    if len(top) > 1:
        why = "; ".join(f"{b.key}: {', '.join(r)}" for r, b in top)
        message = f"the page fits several bindings ({why}): the tables were not compared"
        hint = f"pass --binding with one of: {', '.join(b.key for _, b in top)}"
        return None, [audit.finding("BR608", message, 1, hint)]
    return top[0][1], []


def _evidence(audit: PageAudit, binding: Binding, file_name: str) -> tuple[list[str], int]:
    """Strong reasons for ``binding`` (title, type rows, names, file name) and a weak tie-break score."""
    page, title = audit.page, audit.page.title.lower()
    reasons = []
    if re.search(rf"\b{re.escape(words_of(binding.type_name))}\b", title):
        reasons.append(f"the title names '{words_of(binding.type_name)}'")
    typed = {
        m[1]
        for t in page.tables
        for row in t.rows
        if row.name == "type"
        for m in [_MUST_BE.search(row.description)]
        if m
    }
    if binding.type_name in typed:
        reasons.append(f"a type row says '{binding.type_name}'")
    symbols = {n for lang, n in binding.names.items() if PROFILES[lang].names_binding_by_symbol}
    used = sorted(symbols & {name.removesuffix("Attribute") for name in _NAMED.findall(page.visible)})
    if used:
        reasons.append(f"the page names {', '.join(map(repr, used))}")
    if binding.type_name.lower() in re.sub(r"[-_]", "", file_name.lower()):
        reasons.append("the file name holds its type")
    weak = int(DIRECTION_KIND[binding.direction] in title)
    extension = audit.project.settings.extension(binding.extension)
    weak += int(bool(extension.title) and extension.title.lower() in title)
    return reasons, weak


def direction_words(audit: PageAudit, binding: Binding) -> Iterator[Finding]:
    """BR607: the page calls the binding an input, output or trigger that the definition is not."""
    words, kind = words_of(binding.type_name), DIRECTION_KIND[binding.direction]
    phrase = re.compile(rf"\b{re.escape(words)}\s+({_KINDS})\b", re.I)
    # in the reference sections, "the output binding" can only be this one
    bare = re.compile(r"\bthe\s+(input|output)\s+binding\b", re.I)
    sections = [h.line for h in audit.page.headings if h.level == 2 and h.title.lower() in REFERENCE_TITLES]
    wrong: dict[str, list[int]] = {}
    for number, line in enumerate(audit.page.lines, 1):
        found = [*phrase.finditer(line), *(bare.finditer(line) if sections and number > sections[0] else [])]
        for match in found:
            if match[1].lower() != kind:
                wrong.setdefault(match[1].lower(), []).append(number)
    for said, lines in wrong.items():
        message = f"the page calls '{binding.key}' {_a(said)} binding, but it is {_a(kind)} binding"
        hint = f"write '{words} {kind}' (the definition's direction is '{binding.direction.value}')"
        yield audit.grouped("BR607", message, lines, hint)


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"
