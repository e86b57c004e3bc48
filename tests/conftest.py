"""Shared helpers: tests build their inputs in code, in ``tmp_path``."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from bindref.render.project import Project
from snapshots import assert_matches_snapshot

REPO_ROOT = Path(__file__).resolve().parent.parent

PYPROJECT = """\
[project]
name = "fixture"

[tool.bindref]
source_base_url = "https://example.test/repo/blob/main"
"""

# A small but complete binding: every language named, one example per language.
WIDGET_DEFINITION = '''\
"""Widget binding for tests."""

from __future__ import annotations

from dataclasses import dataclass

from bindref.spec import binding, code, example, lang, no_example, param


@binding(
    type="widgetIn", key="widgetIn",
    direction="in",
    title="Widget input binding",
    names={
        "csharp_isolated": "WidgetInput",
        "csharp_inprocess": "Widget",
        "java": "WidgetInput",
        "python": "widget_input",
    },
    usage={
        "csharp": "Bind to `Widget`.",
        "java": "Annotate a `Widget` parameter.",
        "node": "Read it from `context.extraInputs`.",
        "powershell": "A hashtable.",
        "python": "A JSON string.",
    },
    examples=[
        example("csharp_isolated", "widgets/Widget.cs", region="widget", description="C# widget."),
        no_example("csharp_inprocess", "Isolated worker only."),
        example("java", "widgets/Widget.java", region="widget"),
        example("node", "widgets/widget.js", region="widget"),
        example("powershell", "widgets/function.json"),
        example("python", "widgets/function_app.py", region="widget", description="Python widget."),
    ],
)
@dataclass(frozen=True, kw_only=True)
class Widget:
    """Reads a widget."""

    widget_id: str = param(required=True)
    """The widget to read. See [[max_size]]."""

    max_size: int = param(default=8 * 1024, languages={"java": lang(name="maxLength")})
    """The largest widget, in bytes."""

    chat_model: str = param(
        default="gpt-4",
        languages={
            "csharp_isolated": lang(type="string?", default=None, note="Null means gpt-4."),
            "python": lang(default=code("Models.Default")),
        },
    )
    """The model."""

    ai_connection_name: str = param(default="", names={"csharp": "AIConnectionName"})
    """The AI connection | with a pipe."""
'''

# A second widget binding: not in Java, no PowerShell example (for overviews and coverage).
WIDGET_OUT_DEFINITION = '''\
"""Second widget binding."""

from __future__ import annotations

from dataclasses import dataclass

from bindref.spec import binding, example, no_example, param


@binding(
    type="widgetOut", key="widgetOut",
    direction="out",
    title="Widget output binding",
    names={
        "csharp_isolated": "WidgetOutput",
        "csharp_inprocess": "Widget",
        "java": "WidgetOutput",
        "python": "widget_output",
    },
    unavailable={"java": "The Java library cannot write widgets."},
    usage={"csharp": "x", "node": "x", "powershell": "x", "python": "x"},
    examples=[
        example("csharp_isolated", "widgets/Widget.cs", region="widget"),
        no_example("csharp_inprocess", "Isolated worker only."),
        example("javascript", "widgets/widget.js", region="widget"),
        example("python", "widgets/function_app.py", region="widget"),
    ],
)
@dataclass(frozen=True, kw_only=True)
class WidgetOut:
    """Writes a widget."""

    widget_id: str = param(required=True)
    """The widget to write."""
'''

WIDGET_SAMPLES: Mapping[str, str] = {
    "samples/widgets/Widget.cs": """\
using System;

public static class Widgets
{
    // <widget>
    [Function("Read")]
    public static string Read([WidgetInput("{id}")] string widget) => $"{{widget}} %Setting%";
    // </widget>
}
""",
    "samples/widgets/Widget.java": """\
public class Widgets {
    // <widget>
    @FunctionName("Read")
    public String read(@WidgetInput(name = "w", widgetId = "{id}") String w) { return w; }
    // </widget>
}
""",
    "samples/widgets/widget.js": """\
const { app, input } = require('@azure/functions');
// <widget>
const widget = input.generic({ type: 'widgetIn', widgetId: '{id}' });
// </widget>
""",
    "samples/widgets/function.json": (
        '{\n  "bindings": [{"type": "widgetIn", "direction": "in", "name": "w", "widgetId": "{id}"}]\n}\n'
    ),
    "samples/widgets/function_app.py": """\
import azure.functions as func

app = func.FunctionApp()


# <widget>
@app.function_name("Read")
def read(widget: str) -> str:
    return "{{ not_a_variable }} {% if x %}"
# </widget>
""",
}

WIDGET_PAGE = """\
# Widget input binding

{{ binding_summary("widgets/widgetIn") }}

## Example

{{ binding_examples("widgets/widgetIn") }}

## Reference

{{ binding_reference("widgets/widgetIn") }}
"""

# A site like the repository's, for whole-site tests: Material tabs, the bindref plugin, macros.
FIXTURE_MKDOCS = """\
site_name: fixture
docs_dir: docs
strict: true
theme:
  name: material
  features: [content.tabs.link]
markdown_extensions:
  - admonition
  - attr_list
  - tables
  - pymdownx.highlight
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
plugins:
  - bindref
  - macros:
      modules: [bindref.hosts.mkdocs_macros]
      on_undefined: strict
      on_error_fail: true
"""

ProjectFactory = Callable[..., Project]
Golden = Callable[[str, str], None]

GOLDEN_MARKER = (
    "golden: compares output with a file in tests/snapshots/; rewritten by nox -s update_snapshots"
)


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``golden`` marker that every test using the ``golden`` fixture gets."""
    config.addinivalue_line("markers", GOLDEN_MARKER)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses ``golden``, so ``pytest -m golden`` finds them all."""
    for item in items:
        if "golden" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.golden)


@pytest.fixture
def golden() -> Golden:
    """``golden(text, name)``: ``text`` must equal ``tests/snapshots/<name>`` (see snapshots.py)."""
    return assert_matches_snapshot


def write_files(root: Path, files: Mapping[str, str]) -> None:
    """Write ``files`` (repo-relative path -> text) under ``root``."""
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


# Each kind of input a cached result is made from, edited in the fixture project after a warm
# run: (file, old text, new text, what the next output must show). An empty old text creates
# the file (a project override of a packaged template).
INPUT_EDITS: dict[str, tuple[str, str, str, str]] = {
    "definition": ("binding_defs/widgets/widget.py", "C# widget.", "C# gadget.", "C# gadget."),
    "sample": ("samples/widgets/widget.js", "widgetId: '{id}'", "widgetId: '{id}', edited: 1", "edited: 1"),
    "template": (
        "docs/overrides/bindref/site/_default/tabs.md.j2",
        "",
        "EDITED TEMPLATE\n",
        "EDITED TEMPLATE",
    ),
}


def modules_of_two_runs(script: str) -> tuple[set[str], set[str]]:
    """The modules a script has imported when it ends, in a cold run and in the warm one after it.

    The script prints ``sys.modules``; each run is a fresh interpreter, so what the second
    imports is what a warm cache leaves to load.
    """
    command = [sys.executable, "-c", script]
    cold, warm = (
        set(subprocess.run(command, capture_output=True, text=True, check=True).stdout.split())  # noqa: S603
        for _ in range(2)
    )
    return cold, warm


def edit_file(root: Path, relative: str, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in a project file, or create it with ``new`` when ``old`` is empty.

    Fails when ``old`` is not in the file, so that an edit table whose text no longer matches
    the fixture cannot pass by editing nothing.
    """
    path = root / relative
    if old:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{relative} has no {old!r} to edit"
        path.write_text(text.replace(old, new), encoding="utf-8")
    else:
        write_files(root, {relative: new})


@pytest.fixture
def make_project(tmp_path: Path) -> ProjectFactory:
    """Build a project in ``tmp_path`` from files; the widget binding unless told otherwise."""

    def make(
        files: Mapping[str, str] | None = None,
        *,
        definition: str | None = WIDGET_DEFINITION,
        pyproject: str = PYPROJECT,
    ) -> Project:
        contents = {"pyproject.toml": pyproject, "docs/widget.md": WIDGET_PAGE, **WIDGET_SAMPLES}
        if definition is not None:
            contents["binding_defs/widgets/widget.py"] = definition
        contents.update(files or {})
        write_files(tmp_path, contents)
        return Project.at(tmp_path)

    return make


def copy_extension(root: Path, extension: str = "openai") -> Path:
    """One shipped extension, alone: its definitions, samples and pages, and the settings.

    Tests that need real content (seeded faults in real samples) copy just the extension they
    are about, so another extension in the repository can never change what they find.
    """
    shutil.copy(REPO_ROOT / "pyproject.toml", root / "pyproject.toml")
    (root / "binding_defs").mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO_ROOT / "binding_defs/__init__.py", root / "binding_defs/__init__.py")
    for folder in ("binding_defs", "samples", "docs"):
        shutil.copytree(
            REPO_ROOT / folder / extension,
            root / folder / extension,
            ignore=shutil.ignore_patterns("__pycache__", "node_modules"),
        )
    return root


def dedent(text: str) -> str:
    """Strip the indentation of an inline test text block."""
    return textwrap.dedent(text)
