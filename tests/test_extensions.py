"""Extensions are independent: their own settings, and one's errors never fail another's pages."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from bindref.cli.main import main
from bindref.core.errors import ConfigError
from conftest import FIXTURE_MKDOCS, PYPROJECT, WIDGET_DEFINITION, WIDGET_PAGE, ProjectFactory

# A second extension: the widget binding under another name, with the same samples.
GADGET_DEFINITION = WIDGET_DEFINITION.replace('"widgetIn"', '"gadgetIn"').replace(
    "Widget input binding", "Gadget input binding"
)
GADGET_PAGE = WIDGET_PAGE.replace("widgets/widgetIn", "gadgets/gadgetIn").replace("Widget", "Gadget")
TWO_EXTENSIONS = {"binding_defs/gadgets/gadget.py": GADGET_DEFINITION, "docs/gadget.md": GADGET_PAGE}
# A field without its docstring: a definition error in the widgets extension only.
BROKEN_WIDGET = WIDGET_DEFINITION.replace('    """The widget to read. See [[max_size]]."""\n', "")
MISSING_DOCSTRING = "parameter 'widget_id' has no docstring"


def run(root: Path, *args: str) -> int:
    return main(["--root", str(root), *args])


def test_a_broken_extension_leaves_the_others_rendering(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert MISSING_DOCSTRING.split("'")[1] in WIDGET_DEFINITION
    make_project(TWO_EXTENSIONS, definition=BROKEN_WIDGET)
    assert run(tmp_path, "render", "gadgets/gadgetIn") == 0
    capsys.readouterr()
    assert run(tmp_path, "render", "widgets/widgetIn") == 3
    err = capsys.readouterr().err
    assert err.count(MISSING_DOCSTRING) == 1
    assert "binding_defs/widgets/widget.py:" in err


def test_check_reports_the_broken_extension_once_and_nothing_else_of_it(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_project(TWO_EXTENSIONS, definition=BROKEN_WIDGET)
    assert run(tmp_path, "check", "--no-python-sdk") == 3
    out = capsys.readouterr().out
    located = [line for line in out.splitlines() if ": [BR" in line]
    assert len(located) == 1, out
    assert located[0].startswith("binding_defs/widgets/widget.py:")
    assert MISSING_DOCSTRING in located[0]


def test_check_and_coverage_of_one_extension(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_project(TWO_EXTENSIONS, definition=BROKEN_WIDGET)
    assert run(tmp_path, "check", "--no-python-sdk", "--extension", "gadgets") == 0
    assert "no drift found" in capsys.readouterr().out
    assert run(tmp_path, "coverage", "--extension", "gadgets") == 0
    out = capsys.readouterr().out
    assert "gadgets/gadgetIn" in out
    assert "widgets/" not in out
    assert run(tmp_path, "coverage", "--extension", "widgets") == 3
    assert MISSING_DOCSTRING in capsys.readouterr().err


def test_an_unknown_extension_names_the_known_ones(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_project(TWO_EXTENSIONS)
    assert run(tmp_path, "check", "--extension", "gadget") == 2
    assert "no extension 'gadget' (did you mean 'gadgets'? extensions: 'gadgets', 'widgets')" in (
        capsys.readouterr().err
    )


def test_the_site_build_fails_naming_only_the_broken_extension_once(
    make_project: ProjectFactory, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    make_project({**TWO_EXTENSIONS, "mkdocs.yml": FIXTURE_MKDOCS}, definition=BROKEN_WIDGET)
    config = load_config(
        config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True
    )
    with pytest.raises(Abort):
        build(config)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert sum(MISSING_DOCSTRING in message for message in errors) == 1
    assert not any("gadget" in message for message in errors)
    gadget = (tmp_path / "site/gadget/index.html").read_text(encoding="utf-8")
    assert "bindref could not render this" not in gadget
    assert "gadgetIn" in gadget


def test_an_extension_nobody_shows_still_fails_the_build(
    make_project: ProjectFactory, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    make_project(
        {**TWO_EXTENSIONS, "mkdocs.yml": FIXTURE_MKDOCS, "docs/widget.md": "# No macros here\n"},
        definition=BROKEN_WIDGET,
    )
    config = load_config(
        config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True
    )
    with pytest.raises(Abort):
        build(config)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert [MISSING_DOCSTRING in message for message in errors] == [True]


EXTENSION_SETTINGS = """
[tool.bindref.extensions.widgets]
title = "Widgets"
samples = "samples/widgets"
source_base_url = "https://example.test/widgets/blob/main/samples"
learn_code_root = "~/widgets-extension"
learn_file = "functions-bindings-widget-{kind}.md"
learn_files = { gadget = "unused.md" }
"""


def test_extension_settings_move_samples_links_and_learn_names(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own_samples = WIDGET_DEFINITION.replace('"widgets/', '"')  # relative to the extension's folder
    make_project(pyproject=PYPROJECT + EXTENSION_SETTINGS, definition=own_samples)
    assert run(tmp_path, "render", "widgets/widgetIn", "--section", "examples") == 0
    out = capsys.readouterr().out
    assert "https://example.test/widgets/blob/main/samples/function_app.py#L" in out
    assert "https://example.test/repo/blob/main" not in out
    assert run(tmp_path, "export", "learn", "--out", str(tmp_path / "learn")) == 0
    exported = sorted(p.name for p in (tmp_path / "learn").iterdir())
    assert exported == ["functions-bindings-widget-input.md"]
    text = (tmp_path / "learn" / exported[0]).read_text(encoding="utf-8")
    assert 'source="~/widgets-extension/function_app.py"' in text


def test_a_per_binding_learn_file_name_wins(make_project: ProjectFactory, tmp_path: Path) -> None:
    settings = '\n[tool.bindref.extensions.widgets]\nlearn_files = { widgetIn = "functions-bindings-w.md" }\n'
    make_project(pyproject=PYPROJECT + settings)
    assert run(tmp_path, "export", "learn", "--out", str(tmp_path / "learn")) == 0
    assert [p.name for p in (tmp_path / "learn").iterdir()] == ["functions-bindings-w.md"]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "samplse = 'samples'",
            "pyproject.toml:{line}: unknown setting 'samplse' in [tool.bindref.extensions.widgets] "
            "(did you mean 'samples'?",
        ),
        ("samples = 'nowhere'", "pyproject.toml:{line}: samples folder 'nowhere' does not exist"),
        ("samples = '../outside'", "pyproject.toml:{line}: 'samples' must be a folder inside the project"),
        (
            "learn_file = 'functions-{name}.md'",
            "pyproject.toml:{line}: unknown field '{{name}}' in learn_file "
            "(fields: 'extension', 'key', 'kind', 'type')",
        ),
        ("learn_file = 'x.txt'", "pyproject.toml:{line}: learn_file must be a file name ending in .md"),
        ("learn_files = 'x.md'", "pyproject.toml:{line}: 'learn_files' must map binding keys to file names"),
        ("title = 3", "pyproject.toml:{line}: 'title' must be a string"),
    ],
    ids=[
        "unknown-key",
        "missing-samples",
        "samples-outside",
        "pattern-field",
        "pattern-suffix",
        "files",
        "type",
    ],
)
def test_bad_extension_settings_are_located(table: str, expected: str, make_project: ProjectFactory) -> None:
    pyproject = PYPROJECT + f"\n[tool.bindref.extensions.widgets]\n{table}\n"
    line = pyproject.splitlines().index(table) + 1
    with pytest.raises(ConfigError) as caught:
        make_project(pyproject=pyproject)
    assert caught.value.render().startswith(expected.format(line=line))
    assert caught.value.exit_code == 2


GADGET_SOURCE = """\
namespace Microsoft.Azure.Functions.Worker;

public sealed class GadgetInputAttribute : InputBindingAttribute
{
    public GadgetInputAttribute(string widgetId) { WidgetId = widgetId; }
    public string WidgetId { get; }
}
"""


def test_sdk_sources_of_one_extension_say_nothing_of_another(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gadget = GADGET_DEFINITION.replace("WidgetInput", "GadgetInput")
    make_project({**TWO_EXTENSIONS, "binding_defs/gadgets/gadget.py": gadget})
    source = tmp_path / "gadget-sdk"
    source.mkdir()
    (source / "GadgetInputAttribute.cs").write_text(GADGET_SOURCE, encoding="utf-8")
    base = ("check", "--no-python-sdk", "--format", "json")

    def paths(*args: str) -> set[str]:
        run(tmp_path, *base, *args)
        return {f["path"] for f in json.loads(capsys.readouterr().out)["findings"]}

    # the checkout compared with every extension: the widget has no attribute in it
    assert "binding_defs/widgets/widget.py" in paths("--sdk-source", f"csharp={source}")
    scoped = paths("--sdk-source", f"gadgets:csharp={source}")
    assert "binding_defs/widgets/widget.py" not in scoped
    # the same, from the extension's own settings
    settings = f"\n[tool.bindref.extensions.gadgets]\ncsharp_sources = '{source}'\n"
    (tmp_path / "pyproject.toml").write_text(PYPROJECT + settings, encoding="utf-8")
    assert paths() == scoped


def test_a_missing_source_folder_of_an_extension_is_a_usage_error(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = "\n[tool.bindref.extensions.widgets]\ncsharp_sources = '../nowhere'\n"
    make_project(pyproject=PYPROJECT + settings)
    assert run(tmp_path, "check", "--no-python-sdk") == 2
    assert (
        "csharp_sources folder '../nowhere' of extension 'widgets' does not exist" in capsys.readouterr().err
    )
