"""Extension overview tables: every binding's names per language, and example coverage.

An extension's overview page lists its bindings; hand-written, that table drifts like
every other. These render it from the catalog, and the coverage matrix from the same
data ``bindref coverage`` prints.
"""

from __future__ import annotations

from bindref.filters import code_span
from bindref.languages import PROFILES, TAB_ORDER, Language, languages_in_tab
from bindref.model import Binding
from bindref.project import Project

_SYMBOLS = {"example": "✓", "no example": "–", "not available": "n/a", "missing": "✗"}
LEGEND = (
    "✓ example · – no example, with the reason on the binding's page · n/a not in that language · ✗ missing"
)


def bindings_table(project: Project, extension: str) -> str:
    """One row per binding of ``extension``: direction and its name in each language tab."""
    bindings = _bindings(project, extension)
    tabs = [tab for tab in TAB_ORDER if _enabled(project, languages_in_tab(tab))]
    rows = [(binding, {tab: _names(project, binding, tab) for tab in tabs}) for binding in bindings]
    return project.renderer.render_template("bindings_table.md.j2", None, rows=rows, tabs=tabs)


def coverage_table(project: Project, extension: str) -> str:
    """The binding x language example matrix of ``extension``."""
    languages = project.settings.languages
    rows = []
    for binding in _bindings(project, extension):
        cells = {PROFILES[lang].label: _SYMBOLS[_status(binding, lang)] for lang in languages}
        rows.append((binding.key, cells))
    labels = [PROFILES[lang].label for lang in languages]
    return project.renderer.render_template(
        "coverage_table.md.j2", None, rows=rows, labels=labels, legend=LEGEND
    )


def _bindings(project: Project, extension: str) -> list[Binding]:
    found = [b for b in project.catalog().bindings.values() if b.extension == extension]
    if not found:
        from bindref.errors import NotFoundError, choices_hint  # noqa: PLC0415  # error path only

        known = {b.extension for b in project.catalog().bindings.values()}
        raise NotFoundError(
            f"no extension '{extension}'", hint=choices_hint(extension, known, noun="extensions")
        )
    return found


def _enabled(project: Project, languages: tuple[Language, ...]) -> list[Language]:
    return [lang for lang in languages if lang in project.settings.languages]


def _names(project: Project, binding: Binding, tab: str) -> str:
    names = []
    for lang in _enabled(project, languages_in_tab(tab)):
        if not binding.is_available(lang):
            names.append("—")
        elif lang in (Language.CSHARP_ISOLATED, Language.CSHARP_INPROCESS):
            model = "isolated" if lang is Language.CSHARP_ISOLATED else "in-process"
            names.append(f"{code_span(f'[{binding.names[lang]}]')} ({model})")
        else:
            names.append(code_span(binding.names[lang]))
    return ", ".join(dict.fromkeys(names))


def _status(binding: Binding, language: Language) -> str:
    if language in binding.unavailable:
        return "not available"
    if binding.examples.get(language):
        return "example"
    return "no example" if language in binding.no_examples else "missing"
