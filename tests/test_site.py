"""Whole-site builds, in process: the HTML readers get, not only the Markdown we emit.

The site is built in code (the widget binding of ``conftest.py``); every expected value is a
literal, looked for in the element where a reader sees it.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import FIXTURE_MKDOCS, ProjectFactory
from html_tree import Element, first_column, parse_html, tab_blocks, tab_labels

WIDGET_PAGE = """\
# Widget

{{ binding_summary("widgets/widgetIn") }}

## Example

{{ binding_examples("widgets/widgetIn") }}

## Reference

{{ binding_reference("widgets/widgetIn") }}

## Usage

{{ binding_usage("widgets/widgetIn") }}

## By hand, inside tabs

=== "Python"

    {{ parameter_table("widgetIn", "python", indent=4) }}

=== "Snippet"

    {{ snippet("widgets/function_app.py", "widget", indent=4) }}
"""
TABS = ["C#", "Java", "JavaScript", "TypeScript", "PowerShell", "Python"]
MODELS = ["Isolated worker model", "In-process model"]


def build_site(root: Path, out: Path, caplog: pytest.LogCaptureFixture, *, strict: bool = True) -> None:
    """Build like ``mkdocs build [--strict]`` does, in this process."""
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out), strict=strict)
    with caplog.at_level(logging.WARNING):
        build(config)


def built_article(root: Path, page: str = "index.html") -> Element:
    html = parse_html((root / "site" / page).read_text(encoding="utf-8"))
    return html.find_all("article")[0]


@pytest.fixture
def widget_site(make_project: ProjectFactory, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> Element:
    make_project({"mkdocs.yml": FIXTURE_MKDOCS, "docs/index.md": WIDGET_PAGE})
    build_site(tmp_path, tmp_path / "site", caplog)
    return built_article(tmp_path)


def top_level_tab_sets(page: Element) -> list[Element]:
    return [s for s in page.find_all("div", "tabbed-set") if not s.inside("tabbed-set")]


def reference_blocks(page: Element) -> dict[str, Element]:
    """The reference group's tabs, the C# models as "C# / <model>"."""
    blocks: dict[str, Element] = {}
    for label, block in tab_blocks(top_level_tab_sets(page)[1]).items():
        nested = block.find_all("div", "tabbed-set")
        if nested:
            blocks.update({f"{label} / {model}": b for model, b in tab_blocks(nested[0]).items()})
        else:
            blocks[label] = block
    return blocks


# Each reference tab: its table's first column, and the code in the sentence above the table.
REFERENCE = {
    "C# / Isolated worker model": (
        ["WidgetId", "MaxSize", "ChatModel", "AIConnectionName"],
        ["[WidgetInput]"],
    ),
    "C# / In-process model": (["WidgetId", "MaxSize", "ChatModel", "AIConnectionName"], ["[Widget]"]),
    "Java": (["name", "widgetId", "maxLength", "chatModel", "aiConnectionName"], ["@WidgetInput"]),
    "JavaScript": (
        ["type", "widgetId", "maxSize", "chatModel", "aiConnectionName"],
        ["input.generic({ type: 'widgetIn' })", "extraInputs"],
    ),
    "TypeScript": (
        ["type", "widgetId", "maxSize", "chatModel", "aiConnectionName"],
        ["input.generic({ type: 'widgetIn' })", "extraInputs"],
    ),
    "PowerShell": (
        ["type", "direction", "name", "widgetId", "maxSize", "chatModel", "aiConnectionName"],
        ["function.json"],
    ),
    "Python": (
        ["arg_name", "widget_id", "max_size", "chat_model", "ai_connection_name", "data_type"],
        ["@app.widget_input", "FunctionApp", "Blueprint"],
    ),
}


def test_each_reference_tab_spells_the_parameters_and_the_binding_its_own_way(widget_site: Element) -> None:
    blocks = reference_blocks(widget_site)
    assert list(blocks) == list(REFERENCE)
    for label, (names, intro_code) in REFERENCE.items():
        tables = blocks[label].find_all("table")
        assert [first_column(table) for table in tables] == [names], label
        intro = blocks[label].find_all("p")[0]
        assert [code.all_text() for code in intro.find_all("code")] == intro_code, label


def test_reference_headings_carry_stable_ids_inside_their_tabs(widget_site: Element) -> None:
    blocks = tab_blocks(top_level_tab_sets(widget_site)[1])
    headings = {
        label: [(h.attrs.get("id"), h.all_text()) for h in b.find_all("h3")] for label, b in blocks.items()
    }
    assert headings == {
        "C#": [("widgetin-csharp-attributes", "Attributes")],
        "Java": [("widgetin-java-annotations", "Annotations")],
        "JavaScript": [("widgetin-javascript-configuration", "Configuration")],
        "TypeScript": [("widgetin-typescript-configuration", "Configuration")],
        "PowerShell": [("widgetin-powershell-configuration", "Configuration")],
        "Python": [("widgetin-python-decorators", "Decorators")],
    }


def test_generated_tab_groups_stay_whole(widget_site: Element) -> None:
    examples, reference, usage, by_hand = top_level_tab_sets(widget_site)
    assert tab_labels(examples) == TABS
    assert tab_labels(reference) == TABS
    assert tab_labels(usage) == TABS
    assert tab_labels(by_hand) == ["Python", "Snippet"]
    for group in (examples, reference, usage):
        assert [tab_labels(s) for s in group.find_all("div", "tabbed-set")] == [MODELS]
    # every code block and table sits inside a tab, none leaked out of a group
    for element in widget_site.find_all("pre") + widget_site.find_all("table"):
        assert element.inside("tabbed-block"), element.all_text()[:80]


def test_no_tab_is_empty_and_no_template_syntax_or_placeholder_shows(widget_site: Element) -> None:
    for block in widget_site.find_all("div", "tabbed-block"):
        assert block.all_text().strip(), "empty tab"
    code = "".join(pre.all_text() for pre in widget_site.find_all("pre"))
    prose = widget_site.all_text()
    for pre_text in (pre.all_text() for pre in widget_site.find_all("pre")):
        prose = prose.replace(pre_text, "")
    assert "{{" in code  # the sample's own braces are shown, in its code block only
    assert "{{" not in prose
    assert "{%" not in prose
    assert not re.search(r"\bTODO\b|\bTBD\b", prose)


def test_usage_tabs_show_each_languages_text(widget_site: Element) -> None:
    usage = tab_blocks(top_level_tab_sets(widget_site)[2])
    csharp = tab_blocks(usage["C#"].find_all("div", "tabbed-set")[0])
    assert {model: block.all_text().strip() for model, block in csharp.items()} == {
        "Isolated worker model": "Bind to Widget.",
        "In-process model": "Bind to Widget.",
    }
    assert {label: usage[label].all_text().strip() for label in TABS[1:]} == {
        "Java": "Annotate a Widget parameter.",
        "JavaScript": "Read it from context.extraInputs.",
        "TypeScript": "Read it from context.extraInputs.",
        "PowerShell": "A hashtable.",
        "Python": "A JSON string.",
    }


def test_sample_code_is_shown_never_evaluated(widget_site: Element) -> None:
    codes = [pre.all_text() for pre in widget_site.find_all("pre")]
    assert any('return "{{ not_a_variable }} {% if x %}"' in code for code in codes)
    assert any('$"{{widget}} %Setting%"' in code for code in codes)
    assert not any("// <widget>" in code or "# </widget>" in code for code in codes)


def test_cells_with_pipes_stay_in_their_column(widget_site: Element) -> None:
    rows = [row for table in widget_site.find_all("table") for row in table.find_all("tr")]
    pipe_rows = [row for row in rows if "with a pipe" in row.all_text()]
    # seven reference tables (both C# models) and the Python table written by hand
    assert len(pipe_rows) == 8
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
    article = built_article(tmp_path)
    # the hand-written group falls apart: the Python tab keeps only the sentence, the table
    # lands between the tab sets, and "Snippet" starts a group of its own
    assert [tab_labels(s) for s in top_level_tab_sets(article)][3:] == [["Python"], ["Snippet"]]
    leaked = [t for t in article.find_all("table") if not t.inside("tabbed-block")]
    assert [first_column(t) for t in leaked] == [
        ["arg_name", "widget_id", "max_size", "chat_model", "ai_connection_name", "data_type"]
    ]
    python_tab = tab_blocks(top_level_tab_sets(article)[3])["Python"]
    assert python_tab.find_all("table") == []


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
    # the examples and the by-hand snippet on index.md, the examples on widget.md: three errors,
    # the text printed once and pointed at from each page that it breaks again
    again = "bindref: {page}: not rendered because of the error(s) above"
    assert messages == [
        expected.format(page="index.md"),
        again.format(page="index.md"),
        again.format(page="widget.md"),
    ]
    assert "Traceback" not in caplog.text


def test_broken_region_fails_a_non_strict_build_too(
    make_project: ProjectFactory, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    make_project({"mkdocs.yml": FIXTURE_MKDOCS.replace("strict: true\n", ""), "docs/index.md": WIDGET_PAGE})
    sample = tmp_path / "samples/widgets/Widget.java"
    sample.write_text(sample.read_text(encoding="utf-8").replace("    // </widget>\n", ""), encoding="utf-8")
    with pytest.raises(Abort, match=r"Aborted: 2 bindref error\(s\)"):
        build_site(tmp_path, tmp_path / "site", caplog, strict=False)
