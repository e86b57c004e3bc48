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
    assert {f["code"] for f in findings} == {"BR101", "BR102", "BR203"}
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
        (["new", "AssistantPost"],
         "'AssistantPost' is not EXTENSION/BINDING (lowercase, like openai/assistant_post)"),
        (["new", "openai/x", "--from-sdk", "java:X"], "--from-sdk 'java:X' is not python:<decorator>"),
        (["new", "openai/x", "--from-sdk", "python:assistant_post_inputs"],
         "azure-functions has no decorator 'assistant_post_inputs' (did you mean 'assistant_post_input'?"),
        (["templates", "eject", "python/table.md.j2"],
         "no packaged template 'python/table.md.j2' (did you mean 'python/parameter_table.md.j2'?"),
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
    assert "python/parameter_table.md.j2" in capsys.readouterr().out.splitlines()
    assert main(["--root", str(empty), "templates", "eject", "python/parameter_table.md.j2"]) == 0
    copied = empty / "docs/overrides/bindref/python/parameter_table.md.j2"
    assert copied.read_text(encoding="utf-8").startswith("{#- Python v2 model")
    copied.write_text("mine\n", encoding="utf-8")
    assert main(["--root", str(empty), "templates", "eject", "python/parameter_table.md.j2"]) == 2
    assert copied.read_text(encoding="utf-8") == "mine\n"
