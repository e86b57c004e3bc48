"""Golden files of the rendered Markdown: every binding x language x section, and its Learn page.

Layout under ``tests/snapshots/`` (rewritten only by ``nox -s update_snapshots``):

- ``render/<extension>/<type>/<language>.<section>.md``: one language's section, rendered by
  a project with only that language enabled;
- ``render/<extension>/<type>/all.<section>.md``: the section as a page shows it, every
  language's tab, the two C# models nested;
- ``learn/<extension>/<type>.md``: the Microsoft Learn export page.

Sections: ``examples``, ``reference``, ``usage``, ``table`` (one language only), and
``payload`` for a binding with payload fields. The bindings are the shipped OpenAI ones,
listed below so that a new extension needs no golden files, and the variants built in code
(``conftest.py``'s widget and ``variants.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path

import pytest

from bindref.core.config import load_settings
from bindref.export.learn import render_learn_page
from bindref.languages import Language
from bindref.render.macros import PageMacros
from bindref.render.project import Project
from conftest import PYPROJECT, REPO_ROOT, WIDGET_DEFINITION, WIDGET_SAMPLES, Golden, write_files
from variants import VARIANT_BINDINGS, VARIANT_FILES

# The shipped bindings with golden files, by key, with the type names their page passes to
# binding_payload() (None: no payload). Listed, not discovered: a new extension needs none.
OPENAI_BINDINGS: Mapping[str, Mapping[str, str] | None] = {
    "openai/assistantCreate": {"csharp": "AssistantCreateRequest", "java": "AssistantCreateRequest"},
    "openai/assistantPost": None,
    "openai/assistantQuery": None,
    "openai/assistantSkillTrigger": None,
    "openai/embeddings": None,
    "openai/embeddingsStore": None,
    "openai/semanticSearch": None,
    "openai/textCompletion": None,
}
FIXTURE_BINDINGS: Mapping[str, Mapping[str, str] | None] = {"widgets/widgetIn": None, **VARIANT_BINDINGS}

LANGUAGE_SECTIONS = ("examples", "reference", "usage", "table")
PAGE_SECTIONS = ("examples", "reference", "usage")
ALL = "all"  # the file stem of a section with every language

# A project with every language (None) or with one language enabled.
ProjectFor = Callable[[Language | None], Project]


def section_cases(bindings: Mapping[str, Mapping[str, str] | None]) -> list[object]:
    return list(_section_cases(bindings))


def _section_cases(bindings: Mapping[str, Mapping[str, str] | None]) -> Iterator[object]:
    for key, payload in bindings.items():
        extra = ("payload",) if payload is not None else ()
        for language in Language:
            for section in (*LANGUAGE_SECTIONS, *extra):
                yield pytest.param(key, language.value, section, id=f"{key}/{language.value}.{section}")
        for section in (*PAGE_SECTIONS, *extra):
            yield pytest.param(key, ALL, section, id=f"{key}/{ALL}.{section}")


def render_section(
    projects: ProjectFor, key: str, language: str, section: str, payload: Mapping[str, str] | None
) -> str:
    project = projects(None if language == ALL else Language(language))
    binding = project.binding(key)
    if section == "table":
        return project.renderer.parameter_table(binding, Language(language))
    if section == "payload":
        assert payload is not None
        return PageMacros(project).binding_payload(key, **payload)
    rendered: str = getattr(project.renderer, section)(binding)
    return rendered


def projects_at(root: Path) -> ProjectFor:
    settings = load_settings(root)
    cache: dict[Language | None, Project] = {None: Project(settings)}

    def project_for(language: Language | None) -> Project:
        if language not in cache:
            cache[language] = Project(replace(settings, languages=(language,)))
        return cache[language]

    return project_for


@pytest.fixture(scope="module")
def repository() -> ProjectFor:
    return projects_at(REPO_ROOT)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> ProjectFor:
    root = tmp_path_factory.mktemp("variants")
    files = {"binding_defs/widgets/widget.py": WIDGET_DEFINITION, **WIDGET_SAMPLES, **VARIANT_FILES}
    write_files(root, {"pyproject.toml": PYPROJECT, **files})
    return projects_at(root)


def golden_name(key: str, language: str, section: str) -> str:
    return f"render/{key}/{language}.{section}.md"


@pytest.mark.parametrize(("key", "language", "section"), section_cases(OPENAI_BINDINGS))
def test_openai_section(
    repository: ProjectFor, golden: Golden, key: str, language: str, section: str
) -> None:
    text = render_section(repository, key, language, section, OPENAI_BINDINGS[key])
    golden(text, golden_name(key, language, section))


@pytest.mark.parametrize(("key", "language", "section"), section_cases(FIXTURE_BINDINGS))
def test_variant_section(
    fixture_site: ProjectFor, golden: Golden, key: str, language: str, section: str
) -> None:
    text = render_section(fixture_site, key, language, section, FIXTURE_BINDINGS[key])
    golden(text, golden_name(key, language, section))


@pytest.mark.parametrize("key", OPENAI_BINDINGS)
def test_openai_learn_page(repository: ProjectFor, golden: Golden, key: str) -> None:
    project = repository(None)
    golden(render_learn_page(project, project.binding(key)), f"learn/{key}.md")


@pytest.mark.parametrize("key", FIXTURE_BINDINGS)
def test_variant_learn_page(fixture_site: ProjectFor, golden: Golden, key: str) -> None:
    project = fixture_site(None)
    golden(render_learn_page(project, project.binding(key)), f"learn/{key}.md")
