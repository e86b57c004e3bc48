"""The mkdocs-macros adapter, driven by a stand-in for its ``env``."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bindref.hosts.mkdocs_macros import define_env
from conftest import ProjectFactory


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


def test_registers_the_documented_macros(macros: dict[str, Callable[..., Any]]) -> None:
    assert sorted(macros) == [
        "binding_examples",
        "binding_name",
        "binding_payload",
        "binding_reference",
        "binding_summary",
        "binding_usage",
        "extension_bindings",
        "extension_coverage",
        "finding_codes",
        "parameter_table",
        "snippet",
    ]


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
