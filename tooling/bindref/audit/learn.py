"""``bindref audit learn``: what a hand-written Microsoft Learn binding page gets wrong.

The OpenAI binding pages shipped with template placeholders, ``range=`` references that
drifted off the samples, source paths that no longer exist and tables naming parameters
that never existed (``PostUserQuery``, ``model``). This reads such a page as Learn does
(zones, tabs, includes), tells which binding it documents and what kind of page it is, and
reports each problem at its line, one finding per cause, comparing tables and prose with
the bindref definition, so a page can be fixed, or replaced by ``bindref export learn``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from bindref.audit import page as learnpage
from bindref.audit.binding import choose_binding, direction_words, page_kind, skipped_note
from bindref.audit.context import PageAudit
from bindref.audit.examples import missing_examples
from bindref.audit.prose import Section, prose_findings
from bindref.audit.references import code_references
from bindref.audit.sources import source_roots
from bindref.audit.tables import TableScope, table_findings
from bindref.check.findings import Finding
from bindref.check.placeholders import find_placeholders
from bindref.core.errors import ConfigError, read_text_file
from bindref.languages import PROFILES, languages_of_section, learn_pivots
from bindref.render.project import Project

# Learn's pivot names (programming-language-X) and the languages each one shows.
_PIVOTS = learn_pivots()
_LABELS = {pivot: PROFILES[languages[0]].tab for pivot, languages in _PIVOTS.items()}


def _section_pivot(title: str) -> str:
    """The one pivot whose languages title their reference section ``title``, else ''."""
    pivots = {PROFILES[lang].learn_pivot for lang in languages_of_section(title)}
    return pivots.pop() if len(pivots) == 1 else ""


# Reference section titles and the pivot each implies; one several pivots share ("Configuration":
# PowerShell, JS/TS) takes its languages from its zone.
_SECTIONS = {p.section_title.lower(): _section_pivot(p.section_title) for p in PROFILES.values()}


def audit_learn_page(
    project: Project,
    page: Path,
    *,
    samples: Path | Sequence[str | Path] | None = None,
    binding_key: str | None = None,
) -> list[Finding]:
    """Every BR6xx finding on a hand-written Learn page, sorted by line.

    ``samples``: ``DIR`` and ``ALIAS=DIR`` values, the folders ``~/<alias>/`` in ``source=``
    stands for (default: the extensions' ``learn_aliases``, else the project's samples
    folder); ``binding_key`` names the binding, else it is inferred.
    """
    root = project.settings.root.resolve()
    if not page.is_file():  # the command line names a page that is not there: a usage error
        problem = "a folder" if page.is_dir() else "a broken symlink" if page.is_symlink() else "missing"
        raise ConfigError(f"cannot read page '{page}'", hint=f"it is {problem}; name a Markdown file")
    values = [samples] if isinstance(samples, Path) else list(samples or [])
    aliases = {a: f for e in project.settings.extensions.values() for a, f in e.learn_aliases.items()}
    roots = source_roots(values, root / project.settings.samples, aliases, root)
    inside = page.resolve().is_relative_to(root)
    relative = page.resolve().relative_to(root).as_posix() if inside else str(page)
    text = read_text_file(page, relative)  # a page that is there but not text: at its line, exit 3
    audit = PageAudit(
        project=project,
        page=learnpage.parse_learn_page(text),
        path=relative,
        page_folder=Path(relative).parent.as_posix() if inside else None,
        roots=roots,
    )
    found = [*_placeholders(audit)]
    kind = page_kind(audit)
    if kind.name != "binding" and binding_key is None:
        found += [*code_references(audit), skipped_note(audit, kind)]
    else:
        audit.binding, notes = choose_binding(audit, binding_key, page.name)
        found += [*notes, *code_references(audit), *missing_examples(audit)]
        if audit.binding is not None:
            found += [*direction_words(audit, audit.binding), *_references(audit)]
    return sorted(found, key=lambda f: (f.line, f.column, f.code, f.message))


def _placeholders(audit: PageAudit) -> Iterator[Finding]:
    references = {ref.line: ref for ref in audit.page.code_references}
    end = -1
    for offset, text in find_placeholders(audit.page.visible, template_code=False):
        if offset < end:
            continue  # 'TODO' inside '{{TODO}}': one placeholder
        end = offset + len(text)
        line, column = audit.page.position(offset)
        attribute = references[line].attribute_at(column) if line in references else None
        where = f" in :::code {attribute}=" if attribute else ""
        yield audit.finding("BR601", f"placeholder '{text}'{where}", line, column=column)


def _references(audit: PageAudit) -> Iterator[Finding]:
    """The reference sections (Attributes, Annotations, ...): their prose and their tables."""
    binding, page = audit.binding, audit.page
    assert binding is not None  # noqa: S101  # the caller audits references of a known binding only
    sections, scopes = [], []
    for heading in (h for h in page.headings if h.level == 2 and h.title.lower() in _SECTIONS):
        zone = page.zone_at(heading.line)
        implied = (_SECTIONS[heading.title.lower()],)
        pivots = tuple(p for p in (zone.pivots if zone else implied) if p in _PIVOTS)
        end = min(page.section_end(heading), zone.end_line if zone else len(page.lines) + 1)
        if not pivots:
            continue
        languages = tuple(lang for pivot in pivots for lang in _PIVOTS[pivot])
        label = "/".join(_LABELS[p] for p in pivots)
        sections.append(Section(heading.line, end, label, languages))
        scopes += [TableScope(t, languages, label) for t in page.tables if heading.line < t.line < end]
    yield from prose_findings(audit, binding, sections)
    yield from table_findings(audit, binding, scopes)
