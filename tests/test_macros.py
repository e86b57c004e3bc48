"""The mkdocs-macros adapter, driven by a stand-in for its ``env``; the macros it documents."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bindref.hosts.mkdocs_macros import define_env
from bindref.render.macros import MACRO_NAMES
from conftest import REPO_ROOT, ProjectFactory

# The docs page whose "## Macros" table documents every macro a page can call.
MACROS_PAGE = REPO_ROOT / "docs" / "index.md"


class FakeEnv:
    """Just what define_env uses: project_dir, page and the macro decorator."""

    def __init__(self, project_dir: Path) -> None:
        self.project_dir = str(project_dir)
        self.page = SimpleNamespace(file=SimpleNamespace(src_path="guide/widget.md"))
        self.macros: dict[str, Callable[..., str]] = {}

    def macro(self, function: Callable[..., str], name: str) -> Callable[..., str]:
        self.macros[name] = function
        return function


@pytest.fixture
def macros(make_project: ProjectFactory, tmp_path: Path) -> dict[str, Callable[..., Any]]:
    make_project()
    env = FakeEnv(tmp_path)
    define_env(env)
    return env.macros


def documented_macros(page: str) -> list[str]:
    """The macro names in the first column of the table under ``## Macros``."""
    section = page.split("\n## Macros\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    names = [re.match(r"\| `(\w+)\(", row) for row in rows]
    assert all(names), rows
    return [match.group(1) for match in names if match]


def test_documented_macros_reads_the_table() -> None:
    page = (
        "# x\n\n## Macros\n\n| Macro | Renders |\n| --- | --- |\n| `a(b)` | c |\n| `d()` | e |\n\n## Next\n"
    )
    assert documented_macros(page) == ["a", "d"]


def test_the_docs_document_exactly_the_macros_there_are() -> None:
    documented = documented_macros(MACROS_PAGE.read_text(encoding="utf-8"))
    assert len(documented) == len(set(documented)), documented
    assert sorted(documented) == sorted(MACRO_NAMES)


def test_the_adapter_registers_exactly_the_documented_macros(macros: dict[str, Callable[..., Any]]) -> None:
    documented = documented_macros(MACROS_PAGE.read_text(encoding="utf-8"))
    assert sorted(macros) == sorted(documented)


def test_indent_nests_every_line_after_the_first(macros: dict[str, Callable[..., Any]]) -> None:
    table = macros["parameter_table"]("widgetIn", "java", indent=4)
    lines = table.splitlines()
    assert lines[0].startswith("Apply the `@WidgetInput`")
    assert all(line.startswith("    ") for line in lines[1:] if line)
    assert macros["binding_name"]("widgetIn", "csharp_inprocess") == "`Widget`"


def test_error_becomes_a_logged_error_and_a_visible_box(
    macros: dict[str, Callable[..., Any]], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.bindref"):
        box = macros["snippet"]("widgets/function_app.py", "nope")
    message = "samples/widgets/function_app.py: file has no region 'nope' (regions in this file: 'widget')"
    assert caplog.messages == [f"bindref: guide/widget.md: {message}"]
    assert box == f'!!! failure "bindref could not render this"\n\n    `{message}`  \n'
