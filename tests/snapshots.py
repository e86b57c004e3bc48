"""Golden files: compare rendered output to ``tests/snapshots/``; rewrite only on request.

A test asks for the ``golden`` fixture (``conftest.py``) and calls it with the text and the
golden file's name; conftest marks every such test ``golden``. ``nox -s update_snapshots``
runs exactly those tests with ``BINDREF_UPDATE_SNAPSHOTS=1``, which makes each one write its
file instead of comparing, after clearing ``tests/snapshots/`` so no stale file survives.
Review the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

SNAPSHOTS = Path(__file__).parent / "snapshots"
_REPO = SNAPSHOTS.parent.parent
UPDATE_VARIABLE = "BINDREF_UPDATE_SNAPSHOTS"
UPDATE_COMMAND = "nox -s update_snapshots"


def updating() -> bool:
    """Whether this run rewrites the golden files (set by ``nox -s update_snapshots``)."""
    return os.environ.get(UPDATE_VARIABLE) == "1"


def assert_matches_snapshot(actual: str, name: str, *, root: Path = SNAPSHOTS) -> None:
    """Fail with a pointer to the update session when ``actual`` differs from the golden file."""
    path = root / name
    shown = path.relative_to(_REPO).as_posix() if path.is_relative_to(_REPO) else str(path)
    text = actual if actual.endswith("\n") else actual + "\n"
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.is_file(), f"no golden file {shown}; run: {UPDATE_COMMAND}"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{shown} differs from the output; run: {UPDATE_COMMAND}"
