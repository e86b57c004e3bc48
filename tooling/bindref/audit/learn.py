"""``bindref audit learn``: what a hand-written Microsoft Learn binding page gets wrong.

The OpenAI binding pages shipped with template placeholders, ``range=`` references that
drifted off the samples, source paths that no longer exist and tables naming parameters
that never existed (``PostUserQuery``, ``model``). This reads such a page and reports each
problem at its line (BR601-BR605), comparing the tables with the bindref definition, so a
page can be fixed, or replaced by ``bindref export learn``, with a list in hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import get_close_matches
from pathlib import Path

from bindref.audit import page as learnpage
from bindref.audit.context import PageAudit
from bindref.audit.page import LearnPage, Table, TableRow, Zone
from bindref.audit.references import code_references
from bindref.check.findings import Finding
from bindref.check.placeholders import find_placeholders
from bindref.core.errors import ConfigError, NotFoundError, read_text_file
from bindref.core.model import Binding
from bindref.export.learn import page_name
from bindref.languages import PROFILES, Language, languages_of_section, learn_pivots
from bindref.render.project import Project
from bindref.render.tables import Row, rows_for

# Learn's pivot names (programming-language-X) and the languages each one shows.
_PIVOTS = learn_pivots()
_LABELS = {pivot: PROFILES[languages[0]].tab for pivot, languages in _PIVOTS.items()}
# Reference section titles and the pivot each implies; one several pivots share ("Configuration":
# PowerShell, JS/TS) takes its languages from its zone.


def _section_pivot(title: str) -> str:
    """The one pivot whose languages title their reference section ``title``, else ''."""
    pivots = {PROFILES[lang].learn_pivot for lang in languages_of_section(title)}
    return pivots.pop() if len(pivots) == 1 else ""


_SECTIONS = {p.section_title.lower(): _section_pivot(p.section_title) for p in PROFILES.values()}
_KIND = {p.learn_pivot: p.symbol_kind for p in PROFILES.values() if p.symbol_kind}
_NAMED = frozenset(lang for lang, p in PROFILES.items() if p.names_binding_by_symbol)  # the rest: type
_NO_EXAMPLE = re.compile(r"(?:not|n't) (?:yet )?(?:supported|available)|no examples?\b", re.I)
_NAME = r"`@?\[?(?:\w+\.)*(\w+)\]?`"  # `X`, `@X`, `[X]`, `@app.x`: how prose names an attribute or decorator
_BACKTICKED = re.compile(_NAME)
_IN_PROSE = re.compile(rf"\bapply\s+(?:the\s+)?{_NAME}|{_NAME}\s+(?:attribute|annotation|decorator)\b", re.I)
_MUST_BE = re.compile(r"[Mm]ust be `([^`]*)`")
_SQUASH = re.compile(r"[\s_]")  # is_reasoning _model, time_stamp_utc: misspellings, not new names
Pivots = tuple[str, ...]


def audit_learn_page(
    project: Project, page: Path, *, samples: Path | None = None, binding_key: str | None = None
) -> list[Finding]:
    """Every BR601-BR605 finding on a hand-written Learn page, sorted by line.

    ``samples`` is the folder that ``~/<alias>/`` in ``source=`` stands for (default: the
    project's samples folder); ``binding_key`` names the binding, else it is inferred.
    """
    root = project.settings.root.resolve()
    if not page.is_file():  # the command line names a page that is not there: a usage error
        problem = "a folder" if page.is_dir() else "a broken symlink" if page.is_symlink() else "missing"
        raise ConfigError(f"cannot read page '{page}'", hint=f"it is {problem}; name a Markdown file")
    inside = page.resolve().is_relative_to(root)
    relative = page.resolve().relative_to(root).as_posix() if inside else str(page)
    text = read_text_file(page, relative)  # a page that is there but not text: at its line, exit 3
    audit = PageAudit(
        project=project,
        page=learnpage.parse_learn_page(text),
        path=relative,
        page_folder=Path(relative).parent.as_posix() if inside else None,
        samples=samples or root / project.settings.samples,
    )
    audit.binding = _binding(audit, binding_key, page.name)
    found = [*_placeholders(audit), *code_references(audit), *_missing_examples(audit), *_tables(audit)]
    return sorted(found, key=lambda f: (f.line, f.column, f.code, f.message))


def _placeholders(audit: PageAudit) -> Iterator[Finding]:
    references = {ref.line: ref for ref in audit.page.code_references}
    for offset, text in find_placeholders(audit.page.visible, template_code=False):
        line, column = audit.page.position(offset)
        attribute = references[line].attribute_at(column) if line in references else None
        where = f" in :::code {attribute}=" if attribute else ""
        yield audit.finding("BR601", f"placeholder '{text}'{where}", line, column=column)


# BR604: languages without an example ------------------------------------------------------
def _missing_examples(audit: PageAudit) -> Iterator[Finding]:
    page = audit.page
    heading = next((h for h in page.headings if h.level == 2 and re.fullmatch(r"Examples?", h.title)), None)
    if heading is None:
        yield audit.finding("BR604", "the page has no '## Example' section", 1)
        return
    end = page.section_end(heading)
    sections = [h.line for h in page.headings if h.level <= 2]  # a zone holding one is a reference zone
    zones = [z for z in page.zones if heading.line < z.line < end and not any(map(z.contains, sections))]
    for pivot, languages in _PIVOTS.items():
        if audit.binding and not any(audit.binding.is_available(lang) for lang in languages):
            continue
        own = [zone for zone in zones if pivot in zone.pivots]
        if not own:
            message = f"the Example section has no programming-language-{pivot} zone"
            yield audit.finding("BR604", message, heading.line, "add a zone with a :::code reference")
        elif not any(_has_example(page, zone) for zone in own):
            message = f"the programming-language-{pivot} zone has no example"
            hint = "add a :::code reference to a sample region, or say that the language has none"
            yield audit.finding("BR604", message, own[0].line, hint)


def _has_example(page: LearnPage, zone: Zone) -> bool:
    """A :::code reference, or a sentence saying the language has none."""
    text = "\n".join(page.lines[zone.line : zone.end_line - 1])
    return any(zone.contains(ref.line) for ref in page.code_references) or bool(_NO_EXAMPLE.search(text))


# BR605: reference tables ------------------------------------------------------------------
def _binding(audit: PageAudit, key: str | None, file_name: str) -> Binding | None:
    """``--binding``, else the page's type row, an attribute name it uses, or its file name."""
    if key is not None:
        try:
            return audit.project.binding(key)
        except NotFoundError as error:
            raise ConfigError(error.message, hint=error.hint) from None
    bindings = list(audit.project.catalog().bindings.values())
    settings = audit.project.settings
    if exact := next((b for b in bindings if page_name(b, settings) == file_name), None):
        return exact  # the file bindref exports it to: the one binding it can be
    by_type = {b.type_name.lower(): b for b in bindings}
    by_name = {name: b for b in reversed(bindings) for lang, name in b.names.items() if lang in _NAMED}
    rows = [row for table in audit.page.tables for row in table.rows if row.name == "type"]
    typed = [by_type.get(m[1].lower()) for row in rows if (m := _MUST_BE.search(row.description))]
    named = [by_name.get(name.removesuffix("Attribute")) for name in _BACKTICKED.findall(audit.page.visible)]
    if found := next((b for b in [*typed, *named] if b), None):
        return found
    by_file = [b for b in bindings if b.type_name.lower() in file_name.lower()]
    return max(by_file, key=lambda b: len(b.type_name), default=None)


def _tables(audit: PageAudit) -> Iterator[Finding]:
    page = audit.page
    for heading in (h for h in page.headings if h.level == 2 and h.title.lower() in _SECTIONS):
        zone = page.zone_at(heading.line)
        implied = (_SECTIONS[heading.title.lower()],)
        pivots = tuple(p for p in (zone.pivots if zone else implied) if p in _PIVOTS)
        end = min(page.section_end(heading), zone.end_line if zone else len(page.lines) + 1)
        tables = [t for t in page.tables if heading.line < t.line < end]
        if not pivots or not tables:
            continue
        if audit.binding is None:
            hint = f"pass --binding with one of: {', '.join(audit.project.catalog().bindings)}"
            yield audit.finding("BR605", "cannot tell which binding the page documents", heading.line, hint)
            return
        yield from _prose_names(audit, audit.binding, pivots, heading.line, tables[0].line)
        for table in tables:
            yield from _table_rows(audit, audit.binding, pivots, table)


def _languages(binding: Binding, pivots: Pivots, *, named: bool = False) -> list[Language]:
    """The pivots' languages the binding has; ``named``: only those with an attribute-like name."""
    languages = [lang for pivot in pivots for lang in _PIVOTS[pivot] if binding.is_available(lang)]
    return [lang for lang in languages if lang in binding.names and lang in _NAMED] if named else languages


def _prose_names(
    audit: PageAudit, binding: Binding, pivots: Pivots, first: int, last: int
) -> Iterator[Finding]:
    languages, kinds = _languages(binding, pivots, named=True), {_KIND[p] for p in pivots if p in _KIND}
    if len(kinds) != 1 or not languages:
        return
    valid, kind, label = {binding.names[lang] for lang in languages}, kinds.pop(), _LABELS[pivots[0]]
    model = {lang: f" ({PROFILES[lang].label.lower()})" if len(valid) > 1 else "" for lang in languages}  # C#
    expected = " or ".join(f"'{binding.names[lang]}'{model[lang]}" for lang in languages)
    for number in range(first + 1, last):
        for match in _IN_PROSE.finditer(audit.page.lines[number - 1]):
            name = match[1] or match[2]
            if name not in valid and name.removesuffix("Attribute") not in valid:
                message = f"{label} text names the {kind} '{name}', but it is {expected}"
                yield audit.finding("BR605", message, number, column=match.start() + 1)


def _table_rows(audit: PageAudit, binding: Binding, pivots: Pivots, table: Table) -> Iterator[Finding]:
    expected = {row.name: row for lang in _languages(binding, pivots) for row in rows_for(binding, lang)}
    languages = _languages(binding, pivots, named=True)
    names = [PROFILES[lang].symbol(binding.names[lang]) for lang in languages]  # as code writes it
    surface = " or ".join(f"'{name}'" for name in dict.fromkeys(names)) or f"'{binding.type_name}'"
    label = "/".join(_LABELS[p] for p in pivots)
    if not _languages(binding, pivots):  # a table for languages that do not have the binding at all
        reasons = dict.fromkeys(binding.unavailable[lang].reason for p in pivots for lang in _PIVOTS[p])
        message = f"{label} table documents '{binding.key}', which {label} does not have"
        yield audit.finding("BR605", message, table.line, "; ".join(reasons))
        return
    listed = {row.name for row in table.rows}
    unlisted = [name for name in expected if name not in listed]
    for row in table.rows:
        if row.name in expected:
            yield from _must_be(audit, label, row, expected[row.name])
            continue
        guess = _closest(row.name, unlisted)
        unlisted = [name for name in unlisted if name != guess]
        hint = f"did you mean '{guess}'?" if guess else "remove the row, or add it to the definition"
        message = f"{label} table lists '{row.name}', which {surface} does not have"
        yield audit.finding("BR605", message, row.line, hint)
    if unlisted:
        message = f"{label} table leaves out {', '.join(map(repr, unlisted))}, which {surface} has"
        yield audit.finding("BR605", message, table.line, "add a row for each")


def _closest(name: str, candidates: list[str]) -> str | None:
    """A close spelling: equal but for case, blanks and underscores, else a difflib match."""
    key, by_key = _SQUASH.sub("", name).lower(), {_SQUASH.sub("", c).lower(): c for c in candidates}
    close = get_close_matches(key, list(by_key), n=1, cutoff=0.6)
    return by_key.get(key) or (by_key[close[0]] if close else None)


def _must_be(audit: PageAudit, label: str, row: TableRow, expected: Row) -> Iterator[Finding]:
    """``type`` and ``direction`` rows say "Must be `x`": the value must be the binding's."""
    want, said = _MUST_BE.search(expected.description), _MUST_BE.search(row.description)
    if want and said and want[1] != said[1]:
        message = f"{label} table says '{row.name}' must be '{said[1]}', but it is '{want[1]}'"
        yield audit.finding("BR605", message, row.line, f"write Must be `{want[1]}`.")
