"""The call memo of a site build: warm calls read no catalog, and nothing stale is ever shown.

Each "build" here is what a fresh ``mkdocs build`` process does with bindref: a new project
(``define_env``), the macro calls of its pages, the post-build report and the cache flush.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from bindref.core.cache import CACHE_DIR, ENV_NO_CACHE
from bindref.core.packs import pack_bytes
from bindref.hosts import mkdocs_macros
from bindref.hosts.preview import TRACKER
from bindref.render.call_memo import KIND, MEMOIZED, CallMemo
from bindref.render.project import Project
from conftest import INPUT_EDITS, ProjectFactory, edit_file, modules_of_two_runs

BINDING = "widgets/widgetIn"
# Every remembered macro, called as a page would call it.
CALLS: tuple[tuple[str, tuple[object, ...]], ...] = (
    ("binding_summary", (BINDING,)),
    ("binding_name", (BINDING, "python")),
    ("binding_examples", (BINDING,)),
    ("binding_reference", (BINDING, 4)),
    ("binding_usage", (BINDING,)),
    ("parameter_table", (BINDING, "csharp_isolated")),
    ("snippet", ("widgets/widget.js", "widget")),
)
EDITS = {  # each kind of input a remembered call reads: (file, old text, new text, what must show)
    **INPUT_EDITS,
    "settings": (
        "pyproject.toml",
        "https://example.test/repo",
        "https://example.test/other",
        "example.test/other",
    ),
}


class _Env:
    """What ``define_env`` uses of mkdocs-macros' env: the project folder, the page, ``macro``."""

    def __init__(self, root: Path) -> None:
        self.project_dir = str(root)
        self.page = SimpleNamespace(
            file=SimpleNamespace(src_path="widget.md", abs_dest_path="/site/w/index.html")
        )
        self.macros: dict[str, Callable[..., str]] = {}

    def macro(self, function: Callable[..., str], name: str) -> None:
        self.macros[name] = function


@pytest.fixture(autouse=True)
def _fresh_tracker() -> Iterator[None]:
    yield
    TRACKER.serving = TRACKER.dirty = False
    TRACKER.errors = 0
    TRACKER.reported.clear()


def _build(
    root: Path, calls: tuple[tuple[str, tuple[object, ...]], ...] = CALLS
) -> tuple[list[str], Project]:
    """One build in a new process: what each call gave, and the project (to see what it read)."""
    mkdocs_macros._PROJECTS.pop(root.resolve(), None)
    TRACKER.errors = 0
    TRACKER.reported.clear()
    env = _Env(root)
    mkdocs_macros.define_env(env)
    outputs = [env.macros[name](*args) for name, args in calls]
    mkdocs_macros.report_unshown_problems(root)
    mkdocs_macros.flush_caches()
    return outputs, mkdocs_macros._PROJECTS[root.resolve()]


def test_the_memo_remembers_exactly_the_calls_it_lists() -> None:
    assert {name for name, _ in CALLS} == MEMOIZED


def test_a_warm_build_answers_every_call_without_reading_the_catalog(make_project: ProjectFactory) -> None:
    root = make_project().settings.root
    cold, cold_project = _build(root)
    assert TRACKER.errors == 0
    assert cold_project._catalog is not None  # the first build had to read it
    warm, warm_project = _build(root)
    assert warm == cold
    assert warm_project._catalog is None
    assert TRACKER.errors == 0
    assert list((root / CACHE_DIR).glob(f"{KIND}-*.pickle"))


@pytest.mark.parametrize("edit", list(EDITS.values()), ids=list(EDITS))
def test_an_edit_is_never_answered_from_the_memo(
    edit: tuple[str, str, str, str], make_project: ProjectFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    relative, old, new, shown = edit
    root = make_project().settings.root
    _build(root)
    before, _ = _build(root)
    assert not any(shown in output for output in before)
    edit_file(root, relative, old, new)
    after, _ = _build(root)
    assert any(shown in output for output in after)
    assert after == _build(root)[0]  # and the new output is what is remembered next
    monkeypatch.setenv(ENV_NO_CACHE, "1")
    assert after == _build(root)[0]  # what a build without the cache renders


@pytest.mark.parametrize("damage", ["truncated", "garbage", "wrong-shapes", "deleted"])
def test_a_damaged_memo_changes_no_output(damage: str, make_project: ProjectFactory) -> None:
    root = make_project().settings.root
    expected, _ = _build(root)
    _build(root)
    for pack in (root / CACHE_DIR).glob(f"{KIND}-*.pickle"):
        data = pack.read_bytes()
        if damage == "deleted":
            pack.unlink()
        elif damage == "wrong-shapes":  # right header, allowed types, every entry the wrong shape
            keys = pickle.loads(data.split(b"\n", 2)[2])  # noqa: S301  # our own file
            pack.write_bytes(pack_bytes(dict.fromkeys(keys, ("not", "it")), b"0" * 32))
        else:
            pack.write_bytes(data[: len(data) // 2] if damage == "truncated" else os.urandom(len(data)))
    assert _build(root)[0] == expected
    assert _build(root)[0] == expected


def test_a_failing_call_is_raised_anew_every_time(make_project: ProjectFactory) -> None:
    root = make_project().settings.root
    _build(root)
    (root / "samples/widgets/widget.js").unlink()
    for _ in range(2):
        outputs, _ = _build(root, (("snippet", ("widgets/widget.js", "widget")),))
        assert "bindref could not render this" in outputs[0]
        assert TRACKER.errors == 1


def test_a_broken_extension_fails_a_build_whose_calls_are_all_remembered(
    make_project: ProjectFactory,
) -> None:
    root = make_project(
        {"binding_defs/broken/__init__.py": "", "binding_defs/broken/bad.py": "def (:\n"}
    ).settings.root
    first, _ = _build(root)
    assert TRACKER.errors == 1  # no page shows the broken extension: the report does
    second, _ = _build(root)
    assert second == first
    assert TRACKER.errors == 1
    assert any("binding_defs/broken/bad.py" in text for text in TRACKER.reported)


def test_a_preview_does_not_use_the_memo(make_project: ProjectFactory) -> None:
    root = make_project().settings.root
    TRACKER.serving = True
    _build(root)
    assert not list((root / CACHE_DIR).glob(f"{KIND}-*.pickle"))


@pytest.mark.parametrize("argument", [2.0, ["x"], SimpleNamespace()], ids=["float", "list", "object"])
def test_a_call_with_an_argument_that_is_not_plain_is_never_remembered(
    argument: object, make_project: ProjectFactory
) -> None:
    project = make_project()
    memo, made = CallMemo(project), []

    def macro(*args: object) -> str:
        made.append(args)
        return "markdown"

    for _ in range(2):
        assert memo.call("binding_summary", macro, (BINDING, argument), {}) == "markdown"
    assert len(made) == 2
    assert memo.call("binding_summary", macro, (BINDING,), {}) == "markdown"
    assert memo.call("binding_summary", macro, (BINDING,), {}) == "markdown"
    assert len(made) == 3  # a plain call is made once


def test_a_macro_the_memo_does_not_list_always_runs(make_project: ProjectFactory) -> None:
    project = make_project()
    memo, made = CallMemo(project), []
    for _ in range(2):
        memo.call("extension_bindings", lambda *args: made.append(args) or "table", ("widgets",), {})
    assert len(made) == 2


def test_a_warm_build_imports_neither_the_model_nor_the_renderer(make_project: ProjectFactory) -> None:
    """What a remembered call needs is the cache and the sample text: the rest stays unimported."""
    root = make_project().settings.root
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from types import SimpleNamespace\n"
        "from bindref.hosts import mkdocs_macros\n"
        "class Env:\n"
        f"    project_dir = {str(root)!r}\n"
        "    page = SimpleNamespace(file=SimpleNamespace(src_path='widget.md'))\n"
        "    macros = {}\n"
        "    def macro(self, function, name):\n"
        "        self.macros[name] = function\n"
        "env = Env()\n"
        "mkdocs_macros.define_env(env)\n"
        f"for name, args in {CALLS!r}:\n"
        "    env.macros[name](*args)\n"
        f"mkdocs_macros.report_unshown_problems(Path({str(root)!r}))\n"
        "mkdocs_macros.flush_caches()\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    cold, warm = modules_of_two_runs(script)
    heavy = {
        "bindref.core.model",
        "bindref.render.renderer",
        "bindref.render.template_set",
        "griffe",
        "difflib",
    }
    assert heavy - {"difflib"} <= cold  # what the first build needed
    assert heavy & warm == set()
