"""The house rules that keep the pipeline swappable: who imports what, and module sizes."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "tooling" / "bindref"
MODULES = sorted(PACKAGE.rglob("*.py"))

# Only the loading layer reads Python statically; only the adapter layer knows MkDocs.
ALLOWED_IMPORTERS = {
    "griffe": {"loader.py", "sdk_python.py"},
    "mkdocs": {"macros.py", "mkdocs_plugin.py"},
    "mkdocs_macros": {"macros.py"},
    "tree_sitter": {"treesitter.py", "sdk_sources.py"},
}
ADAPTERS = {"macros.py", "cli.py", "mkdocs_plugin.py"}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("dependency", sorted(ALLOWED_IMPORTERS))
def test_dependency_stays_in_its_layer(dependency: str) -> None:
    importers = {path.name for path in MODULES if dependency in imported_roots(path)}
    assert importers <= ALLOWED_IMPORTERS[dependency]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_module_size_and_docstring(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    limit = 150 if path.name in ADAPTERS else 300
    assert len(text.splitlines()) <= limit
    assert ast.get_docstring(ast.parse(text)), f"{path.name} needs a purpose docstring"


def test_nothing_below_the_cli_exits_the_process() -> None:
    for path in MODULES:
        if path.name == "cli.py":
            continue
        assert "sys.exit" not in path.read_text(encoding="utf-8"), path.name
