"""The whole-check memo: a remembered check gives exactly what a fresh one gives, never a stale one.

Each case runs ``bindref check`` twice (the second run is answered from the memo), then
changes one kind of input the checks read, and expects the third run to equal a
``--no-cache`` run of the changed project, and to differ from the first.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from bindref.core.cache import CACHE_DIR
from bindref.core.packs import pack_entries
from conftest import ProjectFactory
from corpus import run_cli

CHECK = ["check", "--no-python-sdk", "--no-java-sdk", "--diff"]
EXPORTED = "learn"  # the Learn export folder the cases keep in sync
SAMPLE = "samples/widgets/widget.js"
PAGE = "docs/widget.md"
DEFINITION = "binding_defs/widgets/widget.py"


def _replace(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _append(relative: str, text: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as out:
            out.write(text)

    return edit


def _delete(relative: str) -> Callable[[Path], None]:
    return lambda root: (root / relative).unlink()


def _symlink_elsewhere(root: Path) -> None:
    """The sample becomes a symlink to a copy outside the project (the samples check refuses it)."""
    outside = root.parent / f"{root.name}-outside.js"
    shutil.copy(root / SAMPLE, outside)
    (root / SAMPLE).unlink()
    os.symlink(outside, root / SAMPLE)


# Each kind of input the checks read, changed after a remembered run.
EDITS: dict[str, Callable[[Path], None]] = {
    "definition description": _replace(DEFINITION, "C# widget.", "C# widget. TODO"),
    "definition added": _append("binding_defs/widgets/broken.py", "x = \n"),
    "sample argument": _replace(SAMPLE, "widgetId: '{id}'", "widgetId: '{id}', colour: 'red'"),
    "sample deleted": _delete(SAMPLE),
    "sample symlinked outside": _symlink_elsewhere,
    "sample added": _append("samples/widgets/extra.js", "// <unused>\nconst x = 1;\n// </unused>\n"),
    "page placeholder": _append(PAGE, "\n{{To be added}}\n"),
    "page added": _append("docs/other.md", "# Other\n\n{{ binding_reference('widgets/nothing') }}\n"),
    "template override": _append(
        "docs/overrides/bindref/site/_default/tabs.md.j2", "{{ undefined_name() }}\n"
    ),
    "export edited": _append(
        f"{EXPORTED}/functions-bindings-widgets-widgetin-input.md", "\nEdited by hand.\n"
    ),
    "settings": _replace("pyproject.toml", 'learn_export = "learn"', 'learn_export = "elsewhere"'),
}
PYPROJECT = f"""\
[project]
name = "fixture"

[tool.bindref]
source_base_url = "https://example.test/repo/blob/main"
learn_export = "{EXPORTED}"
"""


def _check(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    outcome = run_cli(["--root", str(root), *CHECK, *extra], capsys)
    return outcome.exit_code, outcome.out, outcome.err


def _remembered(root: Path) -> int:
    """How many whole-check results the cache holds."""
    packs = list((root / CACHE_DIR).glob("check-*.pickle"))
    if not packs:
        return 0
    return len(pack_entries(packs[0]))


@pytest.fixture
def exported_project(make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]) -> Path:
    """The widget project with its Learn export written, so the export check has a folder to compare."""
    root = make_project(pyproject=PYPROJECT).settings.root
    outcome = run_cli(["--root", str(root), "export", "learn", "--out", str(root / EXPORTED)], capsys)
    assert outcome.exit_code == 0, outcome.err
    assert (root / EXPORTED / "functions-bindings-widgets-widgetin-input.md").is_file()
    return root


@pytest.mark.parametrize("edit", list(EDITS.values()), ids=list(EDITS))
def test_a_remembered_check_never_hides_an_edit(
    edit: Callable[[Path], None], exported_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = exported_project
    first = _check(root, capsys)
    assert _check(root, capsys) == first  # answered from the memo
    assert _remembered(root) == 1
    edit(root)
    expected = _check(root, capsys, "--no-cache")
    assert expected != first, "the edit changes no finding: the case proves nothing"
    assert _check(root, capsys) == expected
    assert _check(root, capsys) == expected  # and remembered again


def test_a_remembered_check_gives_its_diffs_back(
    exported_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = exported_project
    EDITS["export edited"](root)
    first = _check(root, capsys)
    assert first[0] == 1
    assert "Edited by hand." in first[1]  # the unified diff of the export
    assert _check(root, capsys) == first


def test_a_check_against_a_source_checkout_is_not_remembered_whole(
    exported_project: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    _check(exported_project, capsys, "--sdk-source", f"csharp={checkout}")
    assert _remembered(exported_project) == 0
    _check(exported_project, capsys)
    assert _remembered(exported_project) == 1


@pytest.mark.parametrize("edit", ["definition description", "sample argument"])
def test_a_check_reads_the_bytes_it_hashed_even_if_a_file_is_saved_meanwhile(
    edit: str, exported_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from bindref.check import memo  # noqa: PLC0415  # its key step, wrapped for this test only

    root = exported_project
    first = _check(root, capsys, "--no-cache")
    shutil.rmtree(root / CACHE_DIR, ignore_errors=True)
    hashed = memo._key

    def key_then_save(*args: object) -> str | None:
        key = hashed(*args)  # type: ignore[arg-type]
        EDITS[edit](root)  # saved after the key was taken, before the checks read anything
        return key

    monkeypatch.setattr(memo, "_key", key_then_save)
    assert _check(root, capsys) == first  # the run is the one its key says: the old content
    monkeypatch.setattr(memo, "_key", hashed)
    expected = _check(root, capsys, "--no-cache")
    assert expected != first, "the edit changes no finding: the case proves nothing"
    assert _check(root, capsys) == expected  # the next run sees the saved file


def test_a_snapshot_keeps_at_most_its_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    from bindref.core import snapshot  # noqa: PLC0415  # its limits, lowered for this test only

    monkeypatch.setattr(snapshot, "KEPT_TOTAL", 10)
    with snapshot.taken():
        snapshot.keep(b"/p/a", b"123456")
        snapshot.keep(b"/p/b", b"123456")  # over the budget: read from disk when needed
        snapshot.keep("/p/c", b"1234")
        kept = [snapshot.kept(path) for path in ("/p/a", "/p/b", "/p/c")]
    assert kept == [b"123456", None, b"1234"]
    assert snapshot.kept("/p/a") is None  # nothing is kept outside a check
