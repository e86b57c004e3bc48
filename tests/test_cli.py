"""The command line: output, exact error text and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindref.cli.commands import FIX_COMMAND
from bindref.cli.main import main
from conftest import ProjectFactory


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_help_documents_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--help"], capsys)
    assert code == 0
    assert "exit codes:\n  0  success" in out
    assert "3  definition, region or template error" in out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["frobnicate"], capsys)
    assert code == 2
    assert "invalid choice: 'frobnicate'" in err


def test_list_and_render(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_project()
    code, out, _ = run(["--root", str(tmp_path), "list"], capsys)
    assert (code, out.split("  ")[0]) == (0, "widgets/widgetIn")
    code, out, _ = run(
        ["--root", str(tmp_path), "render", "widgetIn", "--section", "table", "--language", "java"], capsys
    )
    assert code == 0
    assert "| `maxLength` | `int` | Optional, default `8192` |" in out


def test_check_clean(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_project()
    assert run(["--root", str(tmp_path), "check", "--no-python-sdk"], capsys) == (
        0,
        "bindref check: no drift found\n",
        "",
    )


def test_check_reports_every_problem_and_exits_3(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_project()
    for name, marker in (("function_app.py", "# </widget>\n"), ("Widget.java", "    // </widget>\n")):
        sample = tmp_path / "samples/widgets" / name
        sample.write_text(sample.read_text(encoding="utf-8").replace(marker, ""), encoding="utf-8")
    code, out, err = run(["--root", str(tmp_path), "check", "--no-python-sdk"], capsys)
    assert (code, err) == (3, "")
    assert out.splitlines() == [
        "samples/widgets/Widget.java:2: [BR002] region 'widget' is never closed (opened here; close it with "
        "'// </widget>')",
        "samples/widgets/function_app.py:6: [BR002] region 'widget' is never closed (opened here; close it "
        "with '# </widget>')",
        "bindref check: 2 errors, 0 warnings, 0 notes",
        FIX_COMMAND,
    ]


def test_config_error_exits_2(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_project()
    (tmp_path / "pyproject.toml").write_text("[tool.bindref]\nlanguages = []\n", encoding="utf-8")
    code, _, err = run(["--root", str(tmp_path), "list"], capsys)
    assert code == 2
    assert err.startswith(
        "pyproject.toml:2: 'languages' must be a non-empty list (languages: csharp_isolated,"
    )


def test_audit_learn_reports_and_exits_1(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_project()
    page = tmp_path / "articles/widget.md"
    page.parent.mkdir()
    page.write_text("# Widget\n\n{{To be added}}\n", encoding="utf-8")
    code, out, _ = run(
        ["--root", str(tmp_path), "audit", "learn", str(page), "--binding", "widgetIn"], capsys
    )
    assert code == 1
    assert "articles/widget.md:3: [BR601] placeholder '{{To be added}}'" in out
    assert out.splitlines()[-2].startswith("bindref audit: ")
