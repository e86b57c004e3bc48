"""Golden files: compare rendered output to ``tests/snapshots/``; rewrite only on request.

``nox -s update_snapshots`` sets ``BINDREF_UPDATE_SNAPSHOTS=1``; review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

SNAPSHOTS = Path(__file__).parent / "snapshots"


def assert_matches_snapshot(actual: str, name: str) -> None:
    """Fail with a pointer to the update session when ``actual`` differs from the golden file."""
    path = SNAPSHOTS / name
    text = actual if actual.endswith("\n") else actual + "\n"
    if os.environ.get("BINDREF_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.is_file(), f"no golden file {path}; run: nox -s update_snapshots"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its golden file; run: nox -s update_snapshots"
