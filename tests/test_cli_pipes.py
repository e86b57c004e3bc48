"""A closed output pipe (``bindref list | head -1``) ends bindref quietly, with exit code 141.

The console script runs in a child process whose stdout (or stderr) is a pipe with no
reader left, so the first write fails exactly as it does once ``head`` has exited: no
traceback, no "Exception ignored" at shutdown, and 141 (128 + SIGPIPE), the code the
shell gives a writer whose reader went away.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ProjectFactory

CONSOLE_SCRIPT = "import sys; from bindref.cli.main import entry; sys.exit(entry())"  # as pip writes it


def run_into_closed_pipe(args: list[str], *, stderr_too: bool = False) -> tuple[int, str]:
    """Run ``bindref ARGS`` with stdout (and stderr) a pipe nobody reads; its exit code and stderr."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first write, as after `head -1` exits
    try:
        done = subprocess.run(  # noqa: S603  # our own interpreter, fixed arguments
            [sys.executable, "-c", CONSOLE_SCRIPT, *args],
            stdout=write_end,
            stderr=write_end if stderr_too else subprocess.PIPE,
            check=False,
            timeout=120,
        )
    finally:
        os.close(write_end)
    return done.returncode, (done.stderr or b"").decode()


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["list"], id="list"),
        pytest.param(["render", "widgets/widgetIn", "--section", "reference"], id="render"),
        pytest.param(["check", "--no-python-sdk"], id="check"),
        pytest.param(["codes"], id="codes"),
    ],
)
def test_closed_stdout_ends_quietly(args: list[str], make_project: ProjectFactory, tmp_path: Path) -> None:
    make_project()
    assert run_into_closed_pipe(["--root", str(tmp_path), *args]) == (141, "")


def test_closed_stdout_for_help_ends_quietly_in_argparse(
    make_project: ProjectFactory, tmp_path: Path
) -> None:
    """argparse drops its own write error for ``--help``, so that one ends as help does: exit 0."""
    make_project()
    assert run_into_closed_pipe(["--root", str(tmp_path), "--help"]) == (0, "")


def test_closed_pipe_for_errors_too_ends_quietly(make_project: ProjectFactory, tmp_path: Path) -> None:
    """``bindref render nope 2>&1 | head -0``: the error message meets the closed pipe."""
    make_project()
    assert run_into_closed_pipe(["--root", str(tmp_path), "render", "nope"], stderr_too=True) == (141, "")


def test_open_pipe_keeps_the_exit_code(make_project: ProjectFactory, tmp_path: Path) -> None:
    """A reader that reads everything sees all of it, and the command's own exit code."""
    make_project({"docs/other.md": "# Other\n\nTODO\n"})
    done = subprocess.run(  # noqa: S603  # our own interpreter, fixed arguments
        [sys.executable, "-c", CONSOLE_SCRIPT, "--root", str(tmp_path), "check", "--no-python-sdk"],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (1, b"")
    assert done.stdout.decode().splitlines()[0] == (
        "docs/other.md:3: [BR102] placeholder 'TODO' in the page (write the real text before publishing)"
    )
