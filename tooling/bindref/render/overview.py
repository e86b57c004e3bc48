"""Extension overview tables: every binding's names per language, and example coverage.

An extension's overview page lists its bindings; hand-written, that table drifts like
every other. These render it from the catalog, and the coverage matrix from the same
data ``bindref coverage`` prints.
"""

from __future__ import annotations

from bindref.languages import PROFILES, Language
from bindref.model import Binding
from bindref.render.filters import code_span
from bindref.render.project import Project

_SYMBOLS = {"example": "✓", "no example": "–", "not available": "n/a", "missing": "✗"}
LEGEND = (
    "✓ example · – no example, with the reason on the binding's page · n/a not in that language · ✗ missing"
)


# Columns of the bindings table: the languages that name a binding with an SDK symbol.
# JavaScript, TypeScript and function.json use the type string itself (the first column).
_NAMED = (Language.CSHARP_ISOLATED, Language.CSHARP_INPROCESS, Language.JAVA, Language.PYTHON)
_GENERIC = (Language.JAVASCRIPT, Language.TYPESCRIPT)


def bindings_table(project: Project, extension: str) -> str:
    """One row per binding of ``extension``: direction and its name in each language."""
    enabled = project.settings.languages
    columns = {
        PROFILES[lang].label if lang in _NAMED[2:] else f"C# {PROFILES[lang].label.lower()}": lang
        for lang in _NAMED
        if lang in enabled
    }
    generic = [lang for lang in _GENERIC if lang in enabled]
    rows = []
    for binding in _bindings(project, extension):
        names = {label: _name(binding, lang) for label, lang in columns.items()}
        if generic:
            call = binding.names[generic[0]].split("(")[0]  # input.generic(...): the type is column one
            names["JavaScript / TypeScript"] = (
                code_span(f"{call}(...)") if binding.is_available(generic[0]) else "—"
            )
        rows.append((binding, names))
    tabs = [*columns, *(["JavaScript / TypeScript"] if generic else [])]
    return project.renderer.render_template("bindings_table.md.j2", None, rows=rows, tabs=tabs)


def _name(binding: Binding, language: Language) -> str:
    if not binding.is_available(language):
        return "—"
    name = binding.names[language]
    if language in (Language.CSHARP_ISOLATED, Language.CSHARP_INPROCESS):
        name = f"[{name}]"
    elif language is Language.JAVA:
        name = f"@{name}"
    return code_span(name)


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
