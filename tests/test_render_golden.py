"""Golden files of the rendered Markdown: one file per binding x language (and per section)."""

from __future__ import annotations

import pytest

from bindref.languages import Language
from bindref.render.project import Project
from conftest import REPO_ROOT, ProjectFactory
from snapshots import assert_matches_snapshot

LANGUAGES = [lang.value for lang in Language]


@pytest.fixture(scope="module")
def repo_project() -> Project:
    return Project.at(REPO_ROOT)


@pytest.mark.parametrize("language", LANGUAGES)
def test_assistant_post_table(repo_project: Project, language: str) -> None:
    binding = repo_project.binding("openai/assistantPost")
    table = repo_project.renderer.parameter_table(binding, Language(language))
    assert_matches_snapshot(table, f"openai-assistantPost/table-{language}.md")


@pytest.mark.parametrize("section", ["examples", "reference", "usage"])
def test_assistant_post_sections(repo_project: Project, section: str) -> None:
    binding = repo_project.binding("openai/assistantPost")
    rendered = getattr(repo_project.renderer, section)(binding)
    assert_matches_snapshot(rendered, f"openai-assistantPost/{section}.md")


@pytest.mark.parametrize("language", LANGUAGES)
def test_widget_table(make_project: ProjectFactory, language: str) -> None:
    project = make_project()
    table = project.renderer.parameter_table(project.binding("widgetIn"), Language(language))
    assert_matches_snapshot(table, f"widgets-widgetIn/table-{language}.md")


def test_widget_examples(make_project: ProjectFactory) -> None:
    project = make_project()
    assert_matches_snapshot(
        project.renderer.examples(project.binding("widgetIn")), "widgets-widgetIn/examples.md"
    )
