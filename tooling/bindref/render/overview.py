"""Extension overview tables: every binding's names per language, and example coverage.

An extension's overview page lists its bindings; hand-written, that table drifts like
every other. These render it from the catalog, and the coverage matrix from the same
data ``bindref coverage`` prints.
"""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath

from bindref.core.model import Binding
from bindref.languages import PROFILES, Language
from bindref.render.filters import code_span
from bindref.render.project import Project

_SYMBOLS = {"example": "✓", "no example": "–", "not available": "n/a", "missing": "✗"}
LEGEND = (
    "✓ example · – no example, with the reason on the binding's page · n/a not in that language · ✗ missing"
)


def bindings_table(project: Project, extension: str) -> str:
    """One row per binding of ``extension``: direction and its name in each language's column.

    Each profile names its column; languages that share one (JavaScript / TypeScript) show
    the first one's name, which is a call such as ``input.generic(...)`` for a binding
    named by its type string (the type is the table's first column).
    """
    columns: dict[str, Language] = {}
    by_symbol_first = sorted(project.settings.languages, key=lambda lang: not _by_symbol(lang))
    for language in by_symbol_first:
        columns.setdefault(PROFILES[language].column, language)
    columns.pop("", None)
    rows = []
    for binding in _bindings(project, extension):
        rows.append((binding, {title: _name(binding, lang) for title, lang in columns.items()}))
    return project.renderer.render_template("bindings_table.md.j2", None, rows=rows, tabs=list(columns))


def extensions_table(project: Project, page: str = "") -> str:
    """One row per extension: its title, its bindings by direction, a link to its overview.

    ``page`` is the docs-relative page that shows the table, so the links resolve from it;
    an extension whose definitions fail to load is listed with no bindings and fails the page.
    """
    catalog = project.catalog()
    docs = project.settings.root / project.settings.docs
    here = PurePosixPath(page).parent
    rows = []
    for name in sorted({b.extension for b in catalog.bindings.values()} | set(catalog.problems)):
        project.extension_problems(name)
        overview = docs / name / "index.md"
        link = posixpath.relpath(f"{name}/index.md", here.as_posix() or ".") if overview.is_file() else ""
        bindings = [b for b in catalog.bindings.values() if b.extension == name]
        rows.append((project.settings.extension(name).title or name, name, link, bindings))
    return project.renderer.render_template("extensions_table.md.j2", None, rows=rows)


def _by_symbol(language: Language) -> bool:
    return PROFILES[language].names_binding_by_symbol


def _name(binding: Binding, language: Language) -> str:
    if not binding.is_available(language):
        return "—"
    profile = PROFILES[language]
    name = binding.names[language]
    if not profile.names_binding_by_symbol:
        return code_span(f"{name.split('(')[0]}(...)")
    return code_span(profile.symbol(name))


def coverage_table(project: Project, extension: str) -> str:
    """The binding x language example matrix of ``extension``."""
    languages = project.settings.languages
    rows = []
    for binding in _bindings(project, extension):
        cells = {PROFILES[lang].label: _SYMBOLS[binding.example_status(lang)] for lang in languages}
        rows.append((binding.key, cells))
    labels = [PROFILES[lang].label for lang in languages]
    return project.renderer.render_template(
        "coverage_table.md.j2", None, rows=rows, labels=labels, legend=LEGEND
    )


def _bindings(project: Project, extension: str) -> list[Binding]:
    project.extension_problems(extension)
    found = [b for b in project.catalog().bindings.values() if b.extension == extension]
    if not found:
        from bindref.core.errors import NotFoundError, choices_hint  # noqa: PLC0415  # error path only

        known = {b.extension for b in project.catalog().bindings.values()}
        raise NotFoundError(
            f"no extension '{extension}'", hint=choices_hint(extension, known, noun="extensions")
        )
    return found
