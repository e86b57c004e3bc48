"""Seeded faults on a copy of the OpenAI extension: each gives exactly the findings it should.

The acceptance of the drift check: the right file and line, nothing unrelated to the
fault, the documented exit code. The unmodified copy is clean. Only the OpenAI extension
is copied, so another extension in the repository changes nothing here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bindref.cli.main import main
from conftest import copy_extension

ASSISTANT_POST = "binding_defs/openai/assistant_post.py"
PYTHON_SAMPLE = "samples/openai/python/function_app.py"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_extension(tmp_path, "openai")


def edit(repo: Path, relative: str, old: str, new: str) -> None:
    path = repo / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(repo: Path, relative: str, needle: str) -> int:
    lines = (repo / relative).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def check(repo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[tuple[str, str, int]]]:
    """The exit code and every finding but the notes of the runtime differences the definitions record."""
    code = main(["--root", str(repo), "check", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    findings = [f for f in report["findings"] if not f["message"].startswith("accepted runtime difference")]
    return code, [(f["code"], f["path"], f["line"]) for f in findings]


def test_unmodified_copy_is_clean(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(repo, capsys) == (0, [])
    main(["--root", str(repo), "check", "--format", "json"])
    notes = json.loads(capsys.readouterr().out)["findings"]
    query = line_of(repo, "binding_defs/openai/semantic_search.py", "runtime=runtime(")
    assert [(n["code"], n["path"], n["line"]) for n in notes] == [
        ("BR407", "binding_defs/openai/semantic_search.py", query)
    ]
    assert "'query' is required in practice" in notes[0]["message"]
    assert "SemanticSearchConverter.cs#L59-L62" in notes[0]["hint"]


def test_parameter_renamed_in_the_definition(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, ASSISTANT_POST, "    user_message: str", "    user_msg: str")
    code, findings = check(repo, capsys)
    definition_line = line_of(repo, ASSISTANT_POST, "user_msg: str")
    assert code == 1
    assert findings == sorted(
        [
            ("BR403", ASSISTANT_POST, definition_line),  # the SDK still spells it user_message
            ("BR301", "samples/openai/java/src/main/java/com/example/assistant/AssistantApis.java",
             line_of(repo, "samples/openai/java/src/main/java/com/example/assistant/AssistantApis.java",
                     'userMessage = "{Query.message}"')),
            ("BR301", "samples/openai/javascript/src/functions/assistantApis.js",
             line_of(repo, "samples/openai/javascript/src/functions/assistantApis.js", "userMessage:")),
            ("BR301", "samples/openai/powershell/PostUserQuery/function.json",
             line_of(repo, "samples/openai/powershell/PostUserQuery/function.json", '"userMessage"')),
            ("BR301", PYTHON_SAMPLE, line_of(repo, PYTHON_SAMPLE, "user_message=")),
            ("BR301", "samples/openai/typescript/src/functions/assistantApis.ts",
             line_of(repo, "samples/openai/typescript/src/functions/assistantApis.ts", "userMessage:")),
        ],
        key=lambda f: (f[1], f[2], f[0]),
    )  # fmt: skip


def test_parameter_dropped_but_still_used(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, ASSISTANT_POST, '    """The message from the user that the assistant responds to."""\n', "")
    edit(repo, ASSISTANT_POST, "    user_message: str = param(required=True)\n", "")
    code, findings = check(repo, capsys)
    assert code == 1
    assert ("BR401", ASSISTANT_POST, line_of(repo, ASSISTANT_POST, "@binding(")) in findings
    assert ("BR301", PYTHON_SAMPLE, line_of(repo, PYTHON_SAMPLE, "user_message=")) in findings
    assert {code for code, _, _ in findings} == {"BR301", "BR401"}
    # C# passes the message positionally: one positional argument too many
    assert {path for _, path, _ in findings} >= {"samples/openai/csharp/AssistantApis.cs", PYTHON_SAMPLE}


def test_sample_with_a_misspelled_property(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = "samples/openai/javascript/src/functions/assistantApis.js"
    edit(repo, sample, "    chatModel: ", "    chatModle: ")
    assert check(repo, capsys) == (1, [("BR301", sample, line_of(repo, sample, "chatModle"))])


def test_region_removed_from_a_sample(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, PYTHON_SAMPLE, "# <assistant_post>\n", "")
    edit(repo, PYTHON_SAMPLE, "# </assistant_post>\n", "")
    example_line = line_of(repo, ASSISTANT_POST, 'example("python"')
    assert check(repo, capsys) == (3, [("BR002", ASSISTANT_POST, example_line)])


def test_placeholder_left_in_a_page(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = "docs/openai/assistant-query.md"
    edit(repo, page, "## Related content\n", "## Related content\n\n{{To be added}}\n")
    assert check(repo, capsys) == (1, [("BR102", page, line_of(repo, page, "{{To be added}}"))])


def test_decorator_parameter_the_sdk_does_not_have(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extra_field = '    model: str = param(default="")\n    """The deprecated model name."""\n\n'
    edit(repo, ASSISTANT_POST, "    chat_model: str = param(", extra_field + "    chat_model: str = param(")
    assert check(repo, capsys) == (
        1,
        [("BR402", ASSISTANT_POST, line_of(repo, ASSISTANT_POST, "model: str ="))],
    )
