"""The house rules that keep the pipeline visible and swappable, checked on the source itself.

Who imports what (stage layering, third-party dependencies in one place each), module sizes
and docstrings, nothing below the CLI exiting, and no module or template outside
``languages/`` that branches on a specific language.
"""

from __future__ import annotations

import ast
from pathlib import Path

import jinja2
import jinja2.nodes
import pytest

from bindref.languages import LANGUAGE_GROUPS, Language

PACKAGE = Path(__file__).resolve().parent.parent / "tooling" / "bindref"
MODULES = sorted(PACKAGE.rglob("*.py"))
TEMPLATES = sorted((PACKAGE / "render" / "templates").rglob("*.j2"))

# Third-party dependencies, each behind one stage: an upgrade breaks one place.
ALLOWED_IMPORTERS = {
    "griffe": {"definitions", "sdk"},
    "mkdocs": {"hosts"},
    "mkdocs_macros": {"hosts"},
    "zensical": {"hosts"},
    "tree_sitter": {"samples/treesitter.py"},
    "jinja2": {"render", "hosts"},
}
# The stages and what each may import from bindref (core/, languages/ and spec.py are the shared
# vocabulary).
SHARED = {"spec", "core", "languages"}
LAYERS = {
    "languages": set(),
    "core": {"languages"},
    "spec": {"languages"},
    "definitions": SHARED,
    "samples": {"core"},
    "sdk": {"languages", "core", "samples"},
    "render": SHARED | {"definitions", "samples"},
    "export": SHARED | {"definitions", "samples", "render"},
    "check": SHARED | {"definitions", "samples", "sdk", "render", "export"},
    "audit": SHARED | {"samples", "render", "export", "check"},
    "hosts": SHARED | {"render"},
    "cli": SHARED | {"definitions", "samples", "sdk", "render", "export", "check", "audit"},
}
ADAPTER_LINES = 150  # hosts and the CLI entry point stay thin
MODULE_LINES = 300


def stage_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            if node.module == "bindref":
                names.update(f"bindref.{alias.name}" for alias in node.names)
    return names


def owner_key(path: Path) -> set[str]:
    relative = path.relative_to(PACKAGE).as_posix()
    return {relative, stage_of(path)}


def test_top_level_shows_the_stages() -> None:
    entries = sorted(p.name for p in PACKAGE.iterdir() if p.name != "__pycache__")
    assert entries == [
        "__init__.py",
        "audit",
        "check",
        "cli",
        "core",
        "definitions",
        "export",
        "hosts",
        "languages",
        "render",
        "samples",
        "sdk",
        "spec.py",
    ]


@pytest.mark.parametrize("dependency", sorted(ALLOWED_IMPORTERS))
def test_dependency_stays_in_its_stage(dependency: str) -> None:
    importers = {
        path.relative_to(PACKAGE).as_posix()
        for path in MODULES
        if any(name.split(".")[0] == dependency for name in imports_of(path))
    }
    outside = {name for name in importers if not owner_key(PACKAGE / name) & ALLOWED_IMPORTERS[dependency]}
    assert outside == set()


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_stage_imports_only_the_stages_below(path: Path) -> None:
    stage = stage_of(path)
    if stage == "__init__":
        return
    used = {name.split(".")[1] for name in imports_of(path) if name.startswith("bindref.")}
    assert used - {stage} <= LAYERS[stage]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_module_size_and_docstring(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    adapter = stage_of(path) == "hosts" or path.relative_to(PACKAGE).as_posix() == "cli/main.py"
    assert len(text.splitlines()) <= (ADAPTER_LINES if adapter else MODULE_LINES)
    assert ast.get_docstring(ast.parse(text)), "needs a purpose docstring"
    assert "fmt: skip" not in text, "split the statement (or the module) instead of packing it"


def exits_in(path: Path) -> list[int]:
    """Lines that end the process: sys.exit / os._exit / exit() / quit() / raise SystemExit."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            dotted = ast.unparse(func)
            if dotted in {"sys.exit", "os._exit", "exit", "quit", "os.abort"}:
                lines.append(node.lineno)
        elif isinstance(node, ast.Raise) and node.exc is not None:
            raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(raised, ast.Name) and raised.id == "SystemExit":
                lines.append(node.lineno)
    return sorted(lines)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_nothing_below_the_cli_exits_the_process(path: Path) -> None:
    if stage_of(path) == "cli":
        return
    assert exits_in(path) == []


def test_exit_finder_sees_every_spelling(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text("import sys, os\nsys.exit(1)\nos._exit(2)\nraise SystemExit(3)\nx = 'sys.exit'\n")
    assert exits_in(sample) == [2, 3, 4]


# -- no branching on a specific language outside languages/ ---------------------------------
LANGUAGE_WORDS = frozenset({lang.value for lang in Language} | set(LANGUAGE_GROUPS))
MEMBERS = frozenset(Language.__members__)
BRANCH_FREE = {"languages", "spec"}  # the profile itself; the vocabulary authors write


def _is_member(node: ast.AST) -> bool:
    """``Language.JAVA`` and the like."""
    return (
        isinstance(node, ast.Attribute)
        and node.attr in MEMBERS
        and isinstance(node.value, ast.Name)
        and node.value.id == "Language"
    )


def _names_enum(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == "Language"


def _is_word(node: ast.AST) -> bool:
    """A string literal that is a language's key (``"java"``, ``"csharp"``, ``"node"``)."""
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in LANGUAGE_WORDS


def _names_a_language(node: ast.AST) -> bool:
    for part in ast.walk(node):
        if _is_member(part):
            return True
        if isinstance(part, ast.Constant) and isinstance(part.value, str) and part.value in LANGUAGE_WORDS:
            return True
    return False


def _prefix_test(node: ast.AST) -> bool:
    """``name.startswith("csharp")``: a language family tested by its key."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"startswith", "endswith"}
        and any(map(_names_a_language, node.args))
    )


def language_branches(source: str) -> list[int]:
    """Lines that test a language's identity: a member named in code, or a value compared."""
    found: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if _is_member(node):
            found.add(getattr(node, "lineno", 0))  # a specific member anywhere is a language rule
        elif isinstance(node, ast.Compare) and _names_a_language(node):
            found.add(node.lineno)
        elif isinstance(node, ast.match_case) and _names_a_language(node.pattern):
            found.add(node.pattern.lineno)
        elif _prefix_test(node):
            found.add(getattr(node, "lineno", 0))
        elif isinstance(node, ast.Dict) and any(k is not None and _is_word(k) for k in node.keys):
            found.add(node.lineno)  # a lookup table keyed by language is a language rule
        elif isinstance(node, ast.Subscript) and (_is_word(node.slice) or _names_enum(node.value)):
            found.add(node.lineno)  # TABLE["java"], Language["JAVA"]
        elif isinstance(node, ast.Call) and ast.unparse(node.func) == "getattr" and node.args[:1]:
            found.update([node.lineno] if _names_enum(node.args[0]) else [])  # getattr(Language, "JAVA")
    return sorted(found)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_branches_on_a_language(path: Path) -> None:
    if stage_of(path) in BRANCH_FREE:
        return
    branches = language_branches(path.read_text(encoding="utf-8"))
    assert branches == [], "ask the language profile (languages/) instead of testing the language here"


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("if lang is Language.JAVA:\n    pass\n", [1]),
        ("x = lang in (Language.CSHARP_ISOLATED,)\n", [1]),
        ("ok = language.value == 'python'\n", [1]),
        ("match key:\n    case 'node':\n        pass\n", [2]),
        ("flag = name.startswith('csharp')\n", [1]),
        ("TABLE = {Language.PYTHON: 'x'}\n", [1]),
        ("KIND = {'csharp': 'attribute'}\n", [1]),
        ("group = LANGUAGE_GROUPS['csharp']\n", [1]),
        ("member = Language['JAVA']\n", [1]),
        ("member = getattr(Language, name)\n", [1]),
        ("if profile.names_binding_by_symbol:\n    pass\n", []),
        ("hint = \"example('python', ...)\"\n", []),
    ],
)
def test_language_branch_finder(source: str, lines: list[int]) -> None:
    assert language_branches(source) == lines


def template_branches(source: str) -> list[int]:
    """Template lines that compare with a language's key or read ``.language``."""
    tree = jinja2.Environment(autoescape=False).parse(source)  # noqa: S701  # parsed, never rendered
    found = {
        node.lineno
        for node in tree.find_all(jinja2.nodes.Const)
        if isinstance(node.value, str) and node.value in LANGUAGE_WORDS
    }
    found.update(node.lineno for node in tree.find_all(jinja2.nodes.Getattr) if node.attr == "language")
    return sorted(found)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_template_branches_on_a_language(path: Path) -> None:
    branches = template_branches(path.read_text(encoding="utf-8"))
    assert branches == [], "ask the language profile (languages/) instead of testing the language here"


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ('{{ "x" if profile.language.value.startswith("csharp") else "y" }}', [1]),
        ('{% if key == "java" %}x{% endif %}', [1]),
        ("{{ profile.member_noun }}", []),
    ],
)
def test_template_branch_finder(source: str, lines: list[int]) -> None:
    assert template_branches(source) == lines
