"""The fast paths of the sample checks give the answers of the plain ones, and their caches are never stale.

The sample checks read thousands of files, so they resolve paths on strings, walk folders
with ``os.scandir``, find usages with tree-sitter queries, test for binding names with a
trie regex and cache each file's findings by its text. Each fast path is compared here with
the plain way of asking the same question, and each cache with a run that has none.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from bindref.check.context import CheckContext, CheckOptions
from bindref.check.coverage import check_coverage
from bindref.check.samples import check_samples
from bindref.core.model import Catalog
from bindref.core.paths import is_anchored
from bindref.render.project import Project
from bindref.samples.files import SKIPPED_FOLDERS, prefilter, sample_entries, sample_paths
from bindref.samples.paths import name_suffix
from bindref.samples.treesitter import Grammar, find_nodes, parse, walk
from conftest import ProjectFactory, edit_file

# --- fast paths against the plain ones ----------------------------------------------------------

PATHS = [
    "a.py",
    "/a.py",
    "\\a.py",
    "C:/a.py",
    "c:a.py",
    "1:a.py",
    "//server/share/a",
    "\\\\server\\share",
    "",
]
PATHS += [":a", "a:b", "ab:/c", "./a", "..\\a", "é:/a", "Z:", "a/C:/b"]


@pytest.mark.parametrize("path", PATHS)
def test_an_anchored_path_is_what_pathlib_says(path: str) -> None:
    assert is_anchored(path) == (PurePosixPath(path).is_absolute() or bool(PureWindowsPath(path).anchor))


@pytest.mark.parametrize("name", ["a.cs", "a.d.ts", ".env", "a.", "a", "a..b", "..", ".a.b", "x.JSON"])
def test_a_name_suffix_is_what_pathlib_says(name: str) -> None:
    assert name_suffix(name) == PurePosixPath(name).suffix


def _walked(base: Path) -> list[Path]:
    """The walk as it was written with os.walk."""
    found: list[Path] = []
    for folder, subfolders, files in os.walk(base):
        subfolders[:] = sorted(f for f in subfolders if f not in SKIPPED_FOLDERS and not f.startswith("."))
        found.extend(Path(folder, name) for name in sorted(files))
    return found


def test_the_walk_finds_what_os_walk_finds_in_the_same_order(tmp_path: Path) -> None:
    names = [
        "b/x.cs",
        "a/z.py",
        "a/b/c.js",
        "a.txt",
        "B.txt",
        ".hidden/x.py",
        "node_modules/x.js",
        "bin/y.cs",
    ]
    names += ["a/.git/config", "c/obj/z.py", "c/ok/z.py", "ß/u.py"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "a", target_is_directory=True)  # listed, never followed
    (tmp_path / "a" / "file-link.py").symlink_to(tmp_path / "a.txt")
    (tmp_path / "a" / "dangling.py").symlink_to(tmp_path / "nowhere")
    (tmp_path / "a" / "loop.py").symlink_to(tmp_path / "a" / "loop.py")
    assert list(sample_paths(tmp_path)) == _walked(tmp_path)
    relative = [r for r, _ in sample_entries(tmp_path.parent, tmp_path.name)]
    assert relative == [p.relative_to(tmp_path.parent).as_posix() for p in _walked(tmp_path)]
    assert [r for r, _ in sample_entries(tmp_path, ".")] == [
        p.relative_to(tmp_path).as_posix() for p in _walked(tmp_path)
    ]


SYMBOLS = [
    ["Widget", "WidgetInput", "WidgetOutput", "Gadget"],
    ["input.sql", "app.sql", "generic", "a+b", "x|y", "(z)"],
    ["synth0001_input", "synth0010_input", "synth0100_input", "synth1000_input"],
    [""],
]
TEXTS = [
    "",
    "[WidgetInput(1)]",
    "Widge",
    "a Gadge t",
    "input.sq",
    "input.sql(",
    "app_sql",
    "a+b",
    "xy",
    "x|y",
]
TEXTS += ["(z", "(z)", "synth0100_inpu", "synth0100_input", "xsynth1000_inputx", "[Gadget]"]


@pytest.mark.parametrize("symbols", SYMBOLS, ids=lambda s: ",".join(s) or "empty")
def test_the_trie_prefilter_matches_where_the_list_of_names_matches(symbols: list[str]) -> None:
    trie = prefilter(symbols)
    listed = re.compile("|".join(map(re.escape, sorted(symbols, key=len, reverse=True))))
    assert trie is not None
    assert [bool(trie.search(t)) for t in TEXTS] == [bool(listed.search(t)) for t in TEXTS]


def test_no_names_make_no_prefilter() -> None:
    assert prefilter([]) is None


CODE = {
    Grammar.CSHARP: ('[A][B(1, [C] x)] class X { [D("[E]")] void F([G] int y) {} }', ("attribute",)),
    Grammar.JAVA: (
        "@A @B(x = @C) class X { @D void f(@E(1) int y) {} }",
        ("annotation", "marker_annotation"),
    ),
    Grammar.PYTHON: ("@a\n@b(c)\n@d.e(f=g)\ndef h(): pass\n@i(\n", ("decorator",)),
    Grammar.TYPESCRIPT: ("a(b(c()))(d); input.generic({ type: e(f) }); g(", ("call_expression",)),
    Grammar.JAVASCRIPT: ("a.b(c => d(e))(f)(g); new H(i()); j`k${l()}`", ("call_expression",)),
}


@pytest.mark.parametrize("grammar", list(CODE), ids=str)
def test_a_query_finds_the_nodes_a_walk_finds_in_the_same_order(grammar: Grammar) -> None:
    text, types = CODE[grammar]
    for variant in (text, text[: len(text) // 2], text.replace("(", "", 1), text * 3):
        root = parse(variant.encode(), grammar)
        walked = [(n.start_byte, n.end_byte, n.type) for n in walk(root) if n.type in types]
        found = [(n.start_byte, n.end_byte, n.type) for n in find_nodes(root, grammar, types)]
        assert found == walked
        assert found, "the case finds nothing"


# --- cached findings against a run without a cache ----------------------------------------------

CS = "samples/widgets/Widget.cs"
DEFINITION = "binding_defs/widgets/widget.py"


def _replace(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        edit_file(root, relative, old, new)

    return edit


def _script_beside(root: Path) -> None:  # the function.json now configures a Node.js v3 function (BR304)
    (root / "samples/widgets/index.js").write_text("module.exports = async () => {};\n", encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "misspelled-argument": _replace(CS, '[WidgetInput("{id}")]', '[WidgetInput("{id}", Colur = "red")]'),
    "region-end-removed": _replace(CS, "    // </widget>\n", ""),
    "sample-deleted": lambda root: (root / CS).unlink(),
    "definition-edited": _replace(
        DEFINITION, "widget_id: str = param(required=True)", "widget_key: str = param()"
    ),
    "unused-region-added": _replace(
        CS, "using System;\n", "using System;\n// <extra>\nint x;\n// </extra>\n"
    ),
    "script-beside-function-json": _script_beside,
}


def _results(project: Project) -> list[str]:
    context = CheckContext(project=project, catalog=project.catalog(), options=CheckOptions())
    return [f.render() for f in (*check_coverage(context), *check_samples(context))]


@pytest.mark.parametrize("same_process", [True, False], ids=["preview", "new-run"])
@pytest.mark.parametrize("edit", list(EDITS.values()), ids=list(EDITS))
def test_an_edit_shows_in_cached_findings(
    edit: Callable[[Path], None], same_process: bool, make_project: ProjectFactory
) -> None:
    root = make_project().settings.root
    for _ in range(2):  # cold, then warm
        project = Project.at(root)
        before = _results(project)
        project.cache.flush()
    assert before == _results(Project.at(root, use_cache=False))
    edit(root)
    if same_process:  # a preview server keeps its project and refreshes it per build
        project.refresh()
    else:
        project = Project.at(root)
    after = _results(project)
    assert after == _results(Project.at(root, use_cache=False))
    assert after != before


def test_a_catalog_made_up_in_code_is_never_served_from_the_cache(make_project: ProjectFactory) -> None:
    drift = (
        'public static class W { [Function("F")] static void F([WidgetInput("{id}", Colur = 1)] int w) {} }'
    )
    project = make_project({CS: drift})
    full = project.catalog()
    assert project.catalog_key(full)
    context = CheckContext(project=project, catalog=full, options=CheckOptions())
    assert any("Colur" in f.message for f in check_samples(context))
    project.cache.flush()
    empty = Catalog(bindings={}, problems={})
    assert project.catalog_key(empty)  # a part of the project's catalog: keyed, and nothing to find
    made_up = Catalog(bindings=dict(Project.at(project.settings.root).catalog().bindings))
    assert project.catalog_key(made_up) == ""  # equal bindings, but not the project's own objects
    assert check_samples(CheckContext(project=project, catalog=empty, options=CheckOptions())) == []
