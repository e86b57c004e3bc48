"""The parse cache (.bindref_cache/): it only saves time, it never changes a result.

Each damage case deletes, truncates, fills with garbage or replaces the cache with a
foreign pickle, then runs the same commands: their output must equal a run with
``--no-cache``. The staleness cases edit each kind of input after a warm run and expect
the edit to show.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from bindref.core import cache as cache_module
from bindref.core.cache import CACHE_DIR, ENV_NO_CACHE, Cache, digest, tool_hash
from bindref.core.packs import pack_bytes
from bindref.render.macros import PageMacros
from bindref.render.project import Project
from conftest import INPUT_EDITS, WIDGET_DEFINITION, ProjectFactory, edit_file, modules_of_two_runs
from corpus import run_cli

# A drift finding (the C# sample passes an argument the definition lacks) makes results non-trivial.
DRIFT = {
    "samples/widgets/Widget.cs": """\
public static class Widgets
{
    // <widget>
    [Function("Read")]
    public static string Read([WidgetInput("{id}", Colour = "red")] string widget) => widget;
    // </widget>
}
""",
}
COMMANDS = (
    ["check", "--no-python-sdk", "--no-java-sdk"],
    ["render", "widgets/widgetIn", "--section", "examples"],
)


class _Exploit:
    """Unpickling this would run a command: the cache must refuse it."""

    def __reduce__(self) -> tuple[Callable[..., object], tuple[str]]:
        return (os.system, ("touch pwned",))


def _packs(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIR).glob("*.pickle"))


def _truncate(root: Path) -> None:
    for pack in _packs(root):
        pack.write_bytes(pack.read_bytes()[: pack.stat().st_size // 2])


def _garbage(root: Path) -> None:
    for pack in _packs(root):
        pack.write_bytes(os.urandom(4096))
    (root / CACHE_DIR / "unrelated.pickle").write_bytes(b"\x80\x05junk")


def _foreign(root: Path) -> None:
    for pack in _packs(root):  # right header, a value that would execute code
        pack.write_bytes(pack_bytes({"x": _Exploit()}, b"0" * 32))


def _wrong_shapes(root: Path) -> None:
    for pack in _packs(root):  # right header, allowed types, every entry the wrong shape
        keys = pickle.loads(pack.read_bytes().split(b"\n", 2)[2])  # noqa: S301  # our own file
        pack.write_bytes(pack_bytes(dict.fromkeys(keys, ("not", "it")), b"0" * 32))


def _delete(root: Path) -> None:
    shutil.rmtree(root / CACHE_DIR)


def _unreadable_folder(root: Path) -> None:
    _delete(root)
    (root / CACHE_DIR).write_text("a file where the folder should be\n", encoding="utf-8")


DAMAGE = {
    "deleted": _delete,
    "truncated": _truncate,
    "garbage": _garbage,
    "foreign": _foreign,
    "wrong-shapes": _wrong_shapes,
    "not-a-folder": _unreadable_folder,
}


def _outputs(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[tuple[int, str, str]]:
    outcomes = [run_cli(["--root", str(root), *command, *extra], capsys) for command in COMMANDS]
    return [(o.exit_code, o.out, o.err) for o in outcomes]


@pytest.mark.parametrize("damage", list(DAMAGE.values()), ids=list(DAMAGE))
def test_a_damaged_cache_changes_no_result(
    damage: Callable[[Path], None], make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(DRIFT).settings.root
    expected = _outputs(root, capsys, "--no-cache")
    assert not (root / CACHE_DIR).exists(), "--no-cache wrote a cache"
    assert expected[0][0] == 1  # the drift is found
    assert "Colour" in expected[0][1]
    assert _outputs(root, capsys) == expected  # cold: fills the cache
    assert _packs(root), "nothing was cached"
    assert _outputs(root, capsys) == expected  # warm
    damage(root)
    assert _outputs(root, capsys) == expected  # damaged: ignored and rebuilt
    assert _outputs(root, capsys) == expected  # and again, from what was rebuilt
    assert not (root / "pwned").exists()


def test_the_cache_folder_ignores_itself(
    make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project().settings.root
    run_cli(["--root", str(root), *COMMANDS[0]], capsys)
    assert (root / CACHE_DIR / ".gitignore").read_text(encoding="utf-8") == "*\n"
    assert (
        (root / CACHE_DIR / "CACHEDIR.TAG")
        .read_text(encoding="utf-8")
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )


def test_the_environment_turns_the_cache_off(
    make_project: ProjectFactory, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project().settings.root
    monkeypatch.setenv(ENV_NO_CACHE, "1")
    run_cli(["--root", str(root), *COMMANDS[0]], capsys)
    assert not (root / CACHE_DIR).exists()
    assert Cache.for_project(root, "").folder is None


@pytest.mark.parametrize("same_process", [True, False], ids=["preview", "new-run"])
@pytest.mark.parametrize("edit", list(INPUT_EDITS.values()), ids=list(INPUT_EDITS))
def test_an_edit_is_never_served_from_the_cache(
    edit: tuple[str, str, str, str], same_process: bool, make_project: ProjectFactory
) -> None:
    relative, old, new, shown = edit
    root = make_project().settings.root
    for _ in range(2):  # cold, then warm
        project = Project.at(root)
        before = PageMacros(project).binding_examples("widgets/widgetIn")
        project.cache.flush()
    assert shown not in before
    edit_file(root, relative, old, new)
    if same_process:  # a preview server keeps its project and refreshes it per build
        project.refresh()
    else:
        project = Project.at(root)
    assert shown in PageMacros(project).binding_examples("widgets/widgetIn")


@pytest.mark.parametrize("same_process", [True, False], ids=["preview", "new-run"])
def test_an_edit_in_an_imported_module_is_never_served_from_the_cache(
    same_process: bool, make_project: ProjectFactory
) -> None:
    """A binding's calls are cached by the files it was read from: its module and what that imports."""
    definition = WIDGET_DEFINITION.replace('description="C# widget."', "description=CS_DESCRIPTION").replace(
        "from bindref.spec import",
        "from binding_defs.widgets.common import CS_DESCRIPTION\nfrom bindref.spec import",
    )
    root = make_project(
        {"binding_defs/widgets/common.py": 'CS_DESCRIPTION = "C# widget."\n'}, definition=definition
    ).settings.root
    for _ in range(2):  # cold, then warm
        project = Project.at(root)
        assert "C# widget." in PageMacros(project).binding_examples("widgets/widgetIn")
        project.cache.flush()
    (root / "binding_defs/widgets/common.py").write_text('CS_DESCRIPTION = "C# gadget."\n', encoding="utf-8")
    if same_process:
        project.refresh()
    else:
        project = Project.at(root)
    assert "C# gadget." in PageMacros(project).binding_examples("widgets/widgetIn")


def _valid(_value: object) -> bool:
    return True


@pytest.mark.parametrize("first", ["a", "b"])
def test_two_writers_of_one_pack_keep_each_others_entries(tmp_path: Path, first: str) -> None:
    """Two processes (the halves of a check, a check beside a preview) each add to one pack."""
    writers = {name: Cache(tmp_path / CACHE_DIR) for name in "ab"}
    for name, cache in writers.items():
        assert cache.get("render", "old", _valid) is None  # both read the pack before either writes
        cache.put("render", name, f"from {name}")
    writers[first].flush()
    writers["b" if first == "a" else "a"].flush()
    reader = Cache(tmp_path / CACHE_DIR)
    assert {name: reader.get("render", name, _valid) for name in "ab"} == {"a": "from a", "b": "from b"}


def test_a_writer_that_wrote_last_keeps_its_own_later_entries(tmp_path: Path) -> None:
    one, other = Cache(tmp_path / CACHE_DIR), Cache(tmp_path / CACHE_DIR)
    one.put("render", "first", 1)
    one.flush()
    other.put("render", "other", 2)
    other.flush()
    one.put("render", "second", 3)  # 'one' wrote before, then 'other' replaced the file
    one.flush()
    reader = Cache(tmp_path / CACHE_DIR)
    assert [reader.get("render", key, _valid) for key in ("first", "other", "second")] == [1, 2, 3]


def test_a_forked_half_writes_its_entries_and_the_parent_reads_them_back(tmp_path: Path) -> None:
    parent = Cache(tmp_path / CACHE_DIR)
    parent.put("catalog", "c", "made before the fork")
    parent.take_news()
    forked = Cache(tmp_path / CACHE_DIR)  # stands for the forked copy: what came before, and its own
    forked.put("catalog", "c", "made before the fork")
    forked.take_news()
    forked.put("render", "r", "markdown")
    parent.put("usages", "u", "parsed")
    parent.write_added()
    news = forked.hand_over()
    assert (news.added, news.written) == ({}, frozenset({"catalog", "render"}))  # written, not sent
    parent.merge(news)
    assert parent.get("render", "r", _valid) == "markdown"
    written: list[str] = []
    parent._write = lambda _folder, kind: written.append(kind)  # type: ignore[method-assign]
    parent.flush()
    assert written == []  # each kind was written once, by one of the two
    reader = Cache(tmp_path / CACHE_DIR)
    assert [
        reader.get(kind, key, _valid) for kind, key in (("catalog", "c"), ("render", "r"), ("usages", "u"))
    ] == [
        "made before the fork",
        "markdown",
        "parsed",
    ]


def test_a_forked_half_writes_what_it_made_before_what_only_it_writes(tmp_path: Path) -> None:
    """Its parent writes the kinds both made meanwhile: the two meet on small packs, not whole ones."""
    forked = Cache(tmp_path / CACHE_DIR)
    forked.put("catalog", "c", "made before the fork, by the parent")
    forked.take_news()
    for index in range(3):
        forked.put("render", f"r{index}", "markdown")
    forked.put("usages", "u", "parsed")
    written: list[str] = []
    forked._write = lambda _folder, kind: written.append(kind)  # type: ignore[method-assign]
    forked.hand_over()
    assert written == ["usages", "render", "catalog"]  # its own, fewest first; then the catalog


def test_a_forked_half_that_cannot_write_sends_its_entries(tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    forked = Cache(tmp_path / "not-a-folder")
    forked.put("render", "r", "markdown")
    news = forked.hand_over()
    assert (news.added, news.written) == ({"render": {"r": "markdown"}}, frozenset())


def _add_entries(folder: Path, name: str, count: int) -> None:
    cache = Cache(folder)
    for index in range(count):
        cache.put("render", f"{name}{index}", index)
        cache.flush()  # a write after every entry: as many chances to overwrite the other as there are


def test_processes_writing_at_once_lose_no_entry(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_add_entries, args=(tmp_path / CACHE_DIR, name, 40)) for name in "ab"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert [worker.exitcode for worker in workers] == [0, 0]
    reader = Cache(tmp_path / CACHE_DIR)
    assert (
        sum(reader.get("render", f"{name}{i}", _valid) is not None for name in "ab" for i in range(40)) == 80
    )


def test_a_key_is_the_digest_of_the_tool_the_settings_the_kind_and_the_parts(tmp_path: Path) -> None:
    """Keys are made from a per-kind start that is copied: the same digest as hashing it all."""
    cache = Cache(tmp_path / CACHE_DIR, "settings")
    for kind, parts in [("usages", ("csharp", "text")), ("render", ("a", b"b")), ("usages", ("java", ""))]:
        assert cache.key(kind, *parts) == digest(tool_hash(), "settings", kind, *parts)
    assert cache.key("usages", "x") != Cache(tmp_path / CACHE_DIR, "other settings").key("usages", "x")


def test_the_tool_hash_covers_every_source_and_template_of_bindref() -> None:
    """The walk finds what ``rglob`` finds (``.py`` and ``.j2`` files, no bytecode), hashed in path order."""
    package = Path(cache_module.__file__).resolve().parents[1]
    files = [p for p in package.rglob("*") if p.suffix in (".py", ".j2") and p.is_file()]
    hashed = hashlib.sha256()
    for file in sorted(files, key=lambda p: p.relative_to(package).as_posix()):
        hashed.update(file.relative_to(package).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    assert any(file.suffix == ".j2" for file in files)
    assert tool_hash() == hashed.hexdigest()


def test_the_source_walk_skips_bytecode_and_other_files(tmp_path: Path) -> None:
    for relative in (
        "a.py",
        "b.txt",
        "t/x.j2",
        "t/__pycache__/a.cpython-311.pyc",
        "__pycache__/y.py",
        "u/v/w.py",
    ):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("x", encoding="utf-8")
    found = sorted(cache_module._sources(str(tmp_path), ""))
    assert found == [(name, str(tmp_path / name)) for name in ("a.py", "t/x.j2", "u/v/w.py")]


def test_a_page_from_a_warm_cache_loads_no_rendering_or_parsing_code(make_project: ProjectFactory) -> None:
    """A build whose every call is cached imports no renderer, griffe or tree-sitter: it needs none."""
    root = make_project().settings.root
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from bindref.render.macros import PageMacros\n"
        "from bindref.render.project import Project\n"
        f"macros = PageMacros(Project.at(Path({str(root)!r})))\n"
        "for call in ('binding_examples', 'binding_reference', 'binding_usage', 'binding_summary'):\n"
        "    getattr(macros, call)('widgets/widgetIn')\n"
        "macros.project.cache.flush()\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    cold, warm = modules_of_two_runs(script)
    assert {"bindref.render.renderer", "griffe"} <= cold  # what the first run needed
    assert [
        module for module in warm if module.startswith(("bindref.render.renderer", "griffe", "tree_sitter"))
    ] == []
