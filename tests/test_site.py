"""Whole-site builds, in process: the HTML readers get, not only the Markdown we emit."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from bindref.languages import Language
from bindref.render.project import Project
from conftest import FIXTURE_MKDOCS, REPO_ROOT, ProjectFactory
from html_tree import Element, parse_html, tab_labels

WIDGET_PAGE = """\
# Widget

{{ binding_summary("widgets/widgetIn") }}

## Example

{{ binding_examples("widgets/widgetIn") }}

## Reference

{{ binding_reference("widgets/widgetIn") }}

## By hand, inside tabs

=== "Python"

    {{ parameter_table("widgetIn", "python", indent=4) }}

=== "Snippet"

    {{ snippet("widgets/function_app.py", "widget", indent=4) }}
"""


def build_site(root: Path, out: Path, caplog: pytest.LogCaptureFixture, *, strict: bool = True) -> None:
    """Build like ``mkdocs build [--strict]`` does, in this process."""
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out), strict=strict)
    with caplog.at_level(logging.WARNING):
        build(config)


@pytest.fixture
def widget_site(make_project: ProjectFactory, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> Element:
    make_project({"mkdocs.yml": FIXTURE_MKDOCS, "docs/index.md": WIDGET_PAGE})
    build_site(tmp_path, tmp_path / "site", caplog)
    return parse_html((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))


def top_level_tab_sets(page: Element) -> list[Element]:
    return [s for s in page.find_all("div", "tabbed-set") if not s.inside("tabbed-set")]


def test_every_parameter_in_every_language_spelling(
    widget_site: Element, make_project: ProjectFactory
) -> None:
    binding = make_project().binding("widgetIn")
    text = widget_site.all_text()
    for language in Language:
        for parameter in binding.parameters_for(language):
            assert parameter.name in text, (language, parameter.name)


def test_generated_tab_groups_stay_whole(widget_site: Element) -> None:
    examples, reference, by_hand = top_level_tab_sets(widget_site)
    expected = ["C#", "Java", "JavaScript", "TypeScript", "PowerShell", "Python"]
    assert tab_labels(examples) == expected
    assert tab_labels(reference) == expected
    assert tab_labels(by_hand) == ["Python", "Snippet"]
    nested = examples.find_all("div", "tabbed-set")
    assert [tab_labels(s) for s in nested] == [["Isolated worker model", "In-process model"]]
    # every code block and table sits inside a tab, none leaked out of a group
    for element in widget_site.find_all("pre") + widget_site.find_all("table"):
        assert element.inside("tabbed-block"), element.all_text()[:80]


def test_sample_code_is_shown_never_evaluated(widget_site: Element) -> None:
    codes = [pre.all_text() for pre in widget_site.find_all("pre")]
    assert any('return "{{ not_a_variable }} {% if x %}"' in code for code in codes)
    assert any('$"{{widget}} %Setting%"' in code for code in codes)
    assert not any("// <widget>" in code or "# </widget>" in code for code in codes)


def test_cells_with_pipes_stay_in_their_column(widget_site: Element) -> None:
    rows = [row for table in widget_site.find_all("table") for row in table.find_all("tr")]
    pipe_rows = [row for row in rows if "with a pipe" in row.all_text()]
    assert pipe_rows
    for row in pipe_rows:
        cells = row.find_all("td")
        assert len(cells) == 4
        assert cells[3].all_text() == "The AI connection | with a pipe."


def test_macro_without_indent_inside_a_tab_breaks_the_group(
    make_project: ProjectFactory, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Why ``indent=`` exists: the second line of an unindented result escapes the tab."""
    page = WIDGET_PAGE.replace('"python", indent=4', '"python"')
    make_project({"mkdocs.yml": FIXTURE_MKDOCS, "docs/index.md": page})
    build_site(tmp_path, tmp_path / "site", caplog)
    html = parse_html((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    leaked = [t for t in html.find_all("table") if not t.inside("tabbed-block")]
    assert leaked or any("| --- |" in p.all_text() for p in html.find_all("p"))


def test_broken_region_fails_the_build_with_file_and_line(
    make_project: ProjectFactory, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    make_project({"mkdocs.yml": FIXTURE_MKDOCS, "docs/index.md": WIDGET_PAGE})
    sample = tmp_path / "samples/widgets/function_app.py"
    sample.write_text(sample.read_text(encoding="utf-8").replace("# </widget>\n", ""), encoding="utf-8")
    with pytest.raises(Abort, match=r"Aborted: 3 bindref error\(s\), listed above with their file and line"):
        build_site(tmp_path, tmp_path / "site", caplog)
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    expected = (
        "bindref: {page}: samples/widgets/function_app.py:6: region 'widget' is never closed "
        "(opened here; close it with '# </widget>')"
    )
    # the examples and the by-hand snippet on index.md, the examples on widget.md
    assert sorted(messages) == [expected.format(page=p) for p in ("index.md", "index.md", "widget.md")]
    assert "Traceback" not in caplog.text


@pytest.fixture(scope="module")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built once from a copy of its inputs."""
    root = tmp_path_factory.mktemp("repo")
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy(REPO_ROOT / name, root / name)
    for name in ("docs", "samples", "binding_defs"):
        shutil.copytree(REPO_ROOT / name, root / name)
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True)
    build(config)
    return root / "site"


def test_assistant_post_page_is_complete(repo_site: Path) -> None:
    html_text = (repo_site / "openai/assistant-post/index.html").read_text(encoding="utf-8")
    page = parse_html(html_text)
    article = page.find_all("article")[0]
    visible = article.all_text()
    assert "{{" not in visible.replace("{{ not", "")
    assert not re.search(r"\bTODO\b|\bTBD\b", visible)
    for block in article.find_all("div", "tabbed-block"):
        assert block.all_text().strip(), "empty tab"
    binding = Project.at(REPO_ROOT).binding("openai/assistantPost")
    tables = article.find_all("table")
    first_cells = {
        cell.all_text().strip()
        for table in tables
        for row in table.find_all("tr")
        for cell in row.find_all("td")[:1]
    }
    for language in Language:
        for parameter in binding.parameters_for(language):
            assert parameter.name in first_cells, (language.value, parameter.name)
    # the C# tab names both attributes, each in its own nested tab
    assert "[AssistantPostInput]" in visible
    assert "[AssistantPost]" in visible
    assert "@AssistantPost" in visible
    assert "@app.assistant_post_input" in visible


def test_repo_site_tab_groups(repo_site: Path) -> None:
    page = parse_html((repo_site / "openai/assistant-post/index.html").read_text(encoding="utf-8"))
    article = page.find_all("article")[0]
    groups = [s for s in article.find_all("div", "tabbed-set") if not s.inside("tabbed-set")]
    # examples, reference, usage, and the hand-written group of create_assistant snippets
    assert [tab_labels(g) for g in groups] == [
        ["C#", "Java", "JavaScript", "TypeScript", "PowerShell", "Python"]
    ] * 4
    for element in article.find_all("pre") + article.find_all("table"):
        assert element.inside("tabbed-block")


def test_broken_region_fails_a_non_strict_build_too(
    make_project: ProjectFactory, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    make_project({"mkdocs.yml": FIXTURE_MKDOCS.replace("strict: true\n", ""), "docs/index.md": WIDGET_PAGE})
    sample = tmp_path / "samples/widgets/Widget.java"
    sample.write_text(sample.read_text(encoding="utf-8").replace("    // </widget>\n", ""), encoding="utf-8")
    with pytest.raises(Abort, match=r"Aborted: 2 bindref error\(s\)"):
        build_site(tmp_path, tmp_path / "site", caplog, strict=False)
