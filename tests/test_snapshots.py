"""The golden-file mechanism itself: a missing or different file fails with the way to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Golden
from snapshots import UPDATE_VARIABLE, assert_matches_snapshot


def test_a_missing_golden_file_says_to_run_the_update_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(UPDATE_VARIABLE, raising=False)
    with pytest.raises(AssertionError) as caught:
        assert_matches_snapshot("text\n", "render/x/y/java.table.md", root=tmp_path)
    assert str(caught.value) == (
        f"no golden file {tmp_path}/render/x/y/java.table.md; run: nox -s update_snapshots"
    )


def test_a_different_output_says_which_file_and_how_to_update(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(UPDATE_VARIABLE, raising=False)
    (tmp_path / "a.md").write_text("old\n", encoding="utf-8")
    with pytest.raises(AssertionError) as caught:
        assert_matches_snapshot("new", "a.md", root=tmp_path)
    assert str(caught.value) == f"{tmp_path}/a.md differs from the output; run: nox -s update_snapshots"
    assert_matches_snapshot("old", "a.md", root=tmp_path)  # a final newline is added before comparing


def test_the_update_variable_rewrites_instead_of_comparing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.md").write_text("old\n", encoding="utf-8")
    monkeypatch.setenv(UPDATE_VARIABLE, "1")
    assert_matches_snapshot("new", "a.md", root=tmp_path)
    assert_matches_snapshot("first", "deeper/b.md", root=tmp_path)
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "new\n"
    assert (tmp_path / "deeper/b.md").read_text(encoding="utf-8") == "first\n"
    monkeypatch.setenv(UPDATE_VARIABLE, "0")  # only "1" rewrites
    with pytest.raises(AssertionError, match="differs"):
        assert_matches_snapshot("newer", "a.md", root=tmp_path)


def test_a_test_using_the_golden_fixture_is_marked_for_the_update_session(
    golden: Golden, request: pytest.FixtureRequest
) -> None:
    # nox -s update_snapshots runs `pytest -m golden`: this marker is what selects a test
    assert request.node.get_closest_marker("golden") is not None
    assert golden is assert_matches_snapshot
