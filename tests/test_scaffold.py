"""``bindref new`` and ``bindref templates``: stubs that check lists, and never an overwrite."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from bindref.cli.main import main
from bindref.languages import Language
from bindref.render.project import Project


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    return tmp_path


def tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_new_from_sdk_writes_stubs_that_check_lists(empty: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--root", str(empty), "new", "openai/assistant_post", "--from-sdk", "python:assistant_post_input"]
    assert main(args) == 0
    assert capsys.readouterr().out.splitlines()[:3] == [
        "wrote binding_defs/__init__.py",
        "wrote binding_defs/openai/__init__.py",
        "wrote binding_defs/openai/assistant_post.py",
    ]
    binding = Project.at(empty).binding("openai/assistantPost")
    python = {
        p.name: (p.required, p.default.source if p.default else None)
        for p in binding.parameters_for(Language.PYTHON)
    }
    assert python["id"] == (True, None)
    assert python["chat_model"] == (False, "OpenAIModels.DefaultChatModel")
    assert python["max_tokens"] == (False, '"100"')
    assert python["top_p"] == (False, "None")
    assert main(["--root", str(empty), "check", "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    # only what the author must write: no SDK drift, no region or coverage problem
    assert {f["code"] for f in findings} == {"BR101", "BR102", "BR203", "BR421"}  # BR421: lock it next
    assert len([f for f in findings if f["code"] == "BR203"]) == 6


def test_new_never_overwrites_and_writes_nothing_when_refusing(
    empty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = empty / "docs/openai/assistant-post.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Mine\n", encoding="utf-8")
    before = tree(empty)
    assert main(["--root", str(empty), "new", "openai/assistant_post"]) == 2
    assert capsys.readouterr().err.startswith(
        "refusing to overwrite docs/openai/assistant-post.md (choose another name, or move those files away)"
    )
    assert tree(empty) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", "AssistantPost"], "'AssistantPost' is not EXTENSION/KEY (lowercase, like tables/input)"),
        (["new", "openai/x", "--from-sdk", "java:X"],
         "--from-sdk 'java:X' needs a source checkout (java=ROOT:X)"),
        (["new", "openai/x", "--from-sdk", "go:X"],
         "--from-sdk 'go:X' is not FAMILY:NAME (installed: python) or FAMILY=ROOT:NAME (source checkout: "
         "csharp|java) (e.g. python:table_input)"),
        (["new", "openai/x", "--from-sdk", "python:assistant_post_inputs"],
         "azure-functions has no decorator 'assistant_post_inputs' (did you mean 'assistant_post_input'?"),
        (["templates", "eject", "python/parameter_table.md.j2"],
         "no packaged template 'python/parameter_table.md.j2' (did you mean "
         "'site/python/parameter_table.md.j2'?"),
        (["templates", "eject", "site/python/table.md.j2"],
         "no packaged template 'site/python/table.md.j2' (did you mean 'site/python/parameter_table.md.j2'?"),
    ],
)  # fmt: skip
def test_bad_requests_exit_2(
    empty: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = tree(empty)
    assert main(["--root", str(empty), *args]) == 2
    assert capsys.readouterr().err.startswith(message)
    assert tree(empty) == before


def test_templates_eject_copies_once(empty: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(empty), "templates", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert {
        "site/python/parameter_table.md.j2",
        "learn/_default/page.md.j2",
        "scaffold/python/sample.j2",
    } <= set(listed)
    assert main(["--root", str(empty), "templates", "eject", "site/python/parameter_table.md.j2"]) == 0
    copied = empty / "docs/overrides/bindref/site/python/parameter_table.md.j2"
    assert copied.read_text(encoding="utf-8").startswith("{#- Python v2 model")
    copied.write_text("mine\n", encoding="utf-8")
    assert main(["--root", str(empty), "templates", "eject", "site/python/parameter_table.md.j2"]) == 2
    assert copied.read_text(encoding="utf-8") == "mine\n"


def test_new_writes_the_stubs_literally(empty: Path) -> None:
    assert main(["--root", str(empty), "new", "openai/store_thing", "--direction", "out"]) == 0
    samples = empty / "samples/openai"
    assert {
        p.relative_to(samples).as_posix(): p.read_text(encoding="utf-8") for p in samples.rglob("*.*")
    } == {
        "csharp/StoreThingFunctions.cs": (
            "// <store_thing>\n// TODO: a function that uses [StoreThingOutput(...)]\n// </store_thing>\n"
        ),
        "java/StoreThingFunctions.java": (
            "// <store_thing>\n// TODO: a function that uses @StoreThingOutput(...)\n// </store_thing>\n"
        ),
        "javascript/storeThing.js": (
            "// <store_thing>\n// TODO: output.generic({ type: 'storeThing', ... })\n// </store_thing>\n"
        ),
        "typescript/storeThing.ts": (
            "// <store_thing>\n// TODO: output.generic({ type: 'storeThing', ... })\n// </store_thing>\n"
        ),
        "powershell/StoreThing/run.ps1": (
            "# <store_thing>\n"
            "# TODO: the function body; its function.json declares 'storeThing'\n"
            "# </store_thing>\n"
        ),
        "python/store_thing.py": (
            "# <store_thing>\n"
            "# TODO: a function decorated with @app.store_thing_output(...)\n"
            "# </store_thing>\n"
        ),
    }
    assert (empty / "docs/openai/store-thing.md").read_text(encoding="utf-8") == (
        '# TODO: the page title\n\n{{ binding_summary("openai/storeThing") }}\n\n'
        "TODO: a paragraph on when to use this binding.\n\n"
        '## Example\n\n{{ binding_examples("openai/storeThing") }}\n\n'
        '## Reference\n\n{{ binding_reference("openai/storeThing") }}\n\n'
        '## Usage\n\n{{ binding_usage("openai/storeThing") }}\n'
    )
    assert (empty / "binding_defs/openai/__init__.py").read_text(encoding="utf-8") == (
        '"""Binding definitions: openai."""\n'
    )
    definition = (empty / "binding_defs/openai/store_thing.py").read_text(encoding="utf-8")
    assert (
        "    names={\n"
        '        "csharp_isolated": "StoreThingOutput",  '
        "# naming-convention guess: no Isolated worker model SDK read\n"
        '        "csharp_inprocess": "StoreThing",  # naming-convention guess: no In-process model SDK read\n'
        '        "java": "StoreThingOutput",  # naming-convention guess: no Java SDK read\n'
        '        "python": "store_thing_output",  # naming-convention guess: no Python SDK read\n'
        "    },\n"
    ) in definition
    assert definition.endswith(
        "class StoreThing:\n"
        '    """TODO: what the binding does, in one or two sentences."""\n\n'
        "    example: str = param(required=True)\n"
        '    """TODO: describe this parameter, or replace it."""\n'
    )


def test_a_project_override_changes_one_languages_sample_stub(empty: Path) -> None:
    override = empty / "docs/overrides/bindref/scaffold/python/sample.j2"
    override.parent.mkdir(parents=True)
    override.write_text(
        '{% extends "scaffold/_default/sample.j2" %}\n{% block todo %}write {{ name }} here{% endblock %}\n',
        encoding="utf-8",
    )
    assert main(["--root", str(empty), "new", "widgets/on_widget", "--direction", "trigger"]) == 0
    samples = empty / "samples/widgets"
    assert (samples / "python/on_widget.py").read_text(encoding="utf-8") == (
        "# <on_widget>\n# TODO: write on_widget here\n# </on_widget>\n"
    )
    assert (samples / "java/OnWidgetFunctions.java").read_text(encoding="utf-8") == (
        "// <on_widget>\n// TODO: a function that uses @OnWidget(...)\n// </on_widget>\n"
    )
