"""The bad-input corpus: break the widget project one way, run the CLI in process, judge the result.

Each case is one row of a table (``tests/test_bad_input_*.py``): what to break, which
command to run, and the exact exit code and output a user must get. :func:`run_case`
also checks what every row owes a user: no traceback, and no file under the project
created, changed or deleted. A row whose gap lies in a module this corpus cannot fix
carries ``gap`` (the module and the fix) and is a strict xfail, so fixing it flips it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bindref.cli.commands import FIX_COMMAND
from bindref.cli.main import main
from bindref.core.cache import CACHE_DIR
from bindref.core.errors import BindrefError
from conftest import PYPROJECT, WIDGET_DEFINITION, ProjectFactory

CHECK = ("check", "--no-python-sdk")
DEF_PATH = "binding_defs/widgets/widget.py"
CLEAN = ("bindref check: no drift found",)
OUTSIDE = "<outside>"  # stands for the resolved folder outside the project in arguments and expected text
ROOT = "<root>"  # stands for the resolved project folder in arguments and expected text

# (project root, a folder outside it): for what files cannot say, such as symlinks and sparse files.
Setup = Callable[[Path, Path], None]


@dataclass(frozen=True, kw_only=True)
class Case:
    """One bad input and everything the user must see."""

    id: str
    exit_code: int
    out: tuple[str, ...] = ()
    err: tuple[str, ...] = ()
    files: Mapping[str, str | bytes] = field(default_factory=dict)  # written over the widget project
    definition: str | None = WIDGET_DEFINITION
    pyproject: str = PYPROJECT
    setup: Setup | None = None
    args: tuple[str, ...] = CHECK
    root: str = ""  # run with --root at this path under the project instead of the project itself
    gap: str = ""  # why this row cannot pass yet: the module to fix, outside this corpus's reach


@dataclass(frozen=True)
class Outcome:
    """What one run did."""

    exit_code: int
    out: str
    err: str


def findings(*lines: str, summary: str = "1 error, 0 warnings, 0 notes") -> tuple[str, ...]:
    """What ``bindref check`` prints: the findings, the count, and how to fix them."""
    return (*lines, f"bindref check: {summary}", FIX_COMMAND)


def errors(*lines: str) -> tuple[str, ...]:
    """What a command prints on stderr when it stops at errors."""
    return (*lines, f"bindref: {len(lines)} problem(s) found")


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line of ``text`` that contains ``needle``."""
    found = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return found[occurrence - 1]


def params(cases: Iterable[Case]) -> list[Any]:
    """Parameters with readable ids; a row with a ``gap`` is a strict xfail."""
    return [
        pytest.param(
            case, id=case.id, marks=[pytest.mark.xfail(reason=case.gap, strict=True)] if case.gap else []
        )
        for case in cases
    ]


def tree_hashes(root: Path) -> dict[str, str]:
    """Every file and symlink under ``root`` (symlinks not followed), by relative path.

    The cache folder is left out: it is bindref's, ignored by git, and no project file.
    """
    hashes: dict[str, str] = {}
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [s for s in subfolders if not (folder == str(root) and s == CACHE_DIR)]
        for name in (*files, *(s for s in subfolders if Path(folder, s).is_symlink())):
            path = Path(folder, name)
            relative = path.relative_to(root).as_posix()
            if path.is_symlink():
                hashes[relative] = "-> " + os.readlink(path)
                continue
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
            hashes[relative] = digest.hexdigest()
    return hashes


def build(case: Case, make_project: ProjectFactory, root: Path, outside: Path) -> None:
    """Write the widget project with the case's files over it, then run its setup."""
    texts = {path: data for path, data in case.files.items() if isinstance(data, str)}
    with contextlib.suppress(BindrefError):  # make_project writes the files, then reads the settings
        make_project(texts, definition=case.definition, pyproject=case.pyproject)
    for relative, data in case.files.items():
        if isinstance(data, bytes):
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            (root / relative).write_bytes(data)
    if case.setup is not None:
        case.setup(root, outside)


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> Outcome:
    """``bindref ARGS`` in this process, as the console script would run it."""
    try:
        code = main(args)
    except Exception:  # the console script would print this and exit 1
        print(traceback.format_exc(), file=sys.stderr)
        code = 1
    out, err = capsys.readouterr()
    return Outcome(code, out, err)


def run_case(
    case: Case, make_project: ProjectFactory, root: Path, outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Build, run and judge one case: safe first (no traceback, nothing written), then clear."""
    build(case, make_project, root, outside)
    before = tree_hashes(root)
    places = {OUTSIDE: str(outside.resolve()), ROOT: str(root.resolve())}
    args = [_placed(arg, places) for arg in case.args]  # such as audit learn <root>/docs/page.md
    outcome = run_cli(["--root", str(root / case.root), *args], capsys)
    shown = f"exit {outcome.exit_code}\nstdout:\n{outcome.out}\nstderr:\n{outcome.err}"
    assert "Traceback" not in outcome.out + outcome.err, shown
    assert tree_hashes(root) == before, "the command changed, created or deleted a file"
    assert outcome.exit_code == case.exit_code, shown
    assert outcome.out.splitlines() == [_placed(line, places) for line in case.out], shown
    assert outcome.err.splitlines() == [_placed(line, places) for line in case.err], shown


def _placed(line: str, places: Mapping[str, str]) -> str:
    for token, place in places.items():
        line = line.replace(token, place)
    return line
