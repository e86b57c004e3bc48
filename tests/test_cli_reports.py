"""The report commands: ``bindref coverage`` (text and JSON) and ``bindref codes``, exact output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bindref.cli.main import main
from bindref.core.codes import CODES
from conftest import PYPROJECT, WIDGET_OUT_DEFINITION, ProjectFactory

# Two bindings (widgetOut: not in Java, no PowerShell example); TypeScript is disabled.
WITHOUT_TYPESCRIPT = (
    PYPROJECT
    + 'languages = ["csharp_isolated", "csharp_inprocess", "java", "javascript", "powershell", "python"]\n'
)


@pytest.fixture
def root(make_project: ProjectFactory, tmp_path: Path) -> Path:
    make_project({"binding_defs/widgets/widget_out.py": WIDGET_OUT_DEFINITION}, pyproject=WITHOUT_TYPESCRIPT)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_coverage_text(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--root", str(root), "coverage") == (
        0,
        "binding            csharp_isolated  csharp_inprocess  java  javascript  powershell  python\n"
        "widgets/widgetIn   yes              none              yes   yes         yes         yes\n"
        "widgets/widgetOut  yes              none              n/a   yes         MISSING     yes\n"
        "yes: example  none: reasoned no_example()  n/a: binding not in that language  MISSING: gap\n",
        "",
    )


def test_coverage_json(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--root", str(root), "coverage", "--format", "json")
    assert (code, err) == (0, "")
    assert out.splitlines()[:6] == [
        "{",
        '  "widgets/widgetIn": {',
        '    "csharp_inprocess": {',
        '      "detail": "Isolated worker only.",',
        '      "status": "no example"',
        "    },",
    ]
    example = "example"
    assert json.loads(out) == {
        "widgets/widgetIn": {
            "csharp_inprocess": {"detail": "Isolated worker only.", "status": "no example"},
            "csharp_isolated": {"detail": "samples/widgets/Widget.cs#widget", "status": example},
            "java": {"detail": "samples/widgets/Widget.java#widget", "status": example},
            "javascript": {"detail": "samples/widgets/widget.js#widget", "status": example},
            "powershell": {"detail": "samples/widgets/function.json", "status": example},
            "python": {"detail": "samples/widgets/function_app.py#widget", "status": example},
        },
        "widgets/widgetOut": {
            "csharp_inprocess": {"detail": "Isolated worker only.", "status": "no example"},
            "csharp_isolated": {"detail": "samples/widgets/Widget.cs#widget", "status": example},
            "java": {"detail": "The Java library cannot write widgets.", "status": "not available"},
            "javascript": {"detail": "samples/widgets/widget.js#widget", "status": example},
            "powershell": {"detail": "", "status": "missing"},
            "python": {"detail": "samples/widgets/function_app.py#widget", "status": example},
        },
    }


def test_codes_lists_every_code_with_its_meaning_and_fix(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--root", str(root), "codes")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:6] == [
        "BR001  definition-error  (error)",
        "    A binding definition cannot be read (syntax error, non-literal value, unknown language key, "
        "missing docstring, two parameters with one name).",
        "    fix: Write the value as a literal or a bindref.spec helper call, as the hint says.",
        "BR002  region-error  (error)",
        "    A sample file or named region cannot be extracted (missing, unclosed, mismatched, duplicate or "
        "empty region, path outside the repository).",
        "    fix: Close or rename the region marker, or point the example at an existing region.",
    ]
    headings = [line.split("  ")[0] for line in lines if not line.startswith(" ")]
    assert headings == list(CODES)
    assert len(lines) == 3 * len(CODES)  # a heading, the meaning and the fix per code


@pytest.mark.parametrize("command", ["codes", "coverage"])
def test_a_closed_pipe_gives_no_traceback(root: Path, command: str) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # like `| head` that has already exited
    bindref = Path(sys.executable).parent / "bindref"
    try:
        result = subprocess.run(  # noqa: S603  # the installed console script
            [str(bindref), "--root", str(root), command],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(writer)
    assert "Traceback" not in result.stderr
    assert "BrokenPipeError" not in result.stderr
    assert result.returncode == 141  # 128 + SIGPIPE, as the shell reports a closed pipe
