"""Every sample parses: C# and Java without syntax errors (tree-sitter), function.json as JSON.

The Functions SDKs for C# and Java cannot be built here (no .NET SDK, no Maven Central),
so syntax is what can be proven; names, types and directions are the drift check's job.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bindref.export.learn import render_learn_pages
from bindref.render.project import Project
from bindref.samples.treesitter import Grammar, parse
from conftest import REPO_ROOT

SAMPLES = REPO_ROOT / "samples"
GRAMMARS = {".cs": Grammar.CSHARP, ".java": Grammar.JAVA}
SOURCES = sorted(p for p in SAMPLES.rglob("*") if p.suffix in GRAMMARS)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(SAMPLES).as_posix())
def test_csharp_and_java_samples_parse_without_errors(path: Path) -> None:
    root = parse(path.read_bytes(), GRAMMARS[path.suffix])
    assert not root.has_error


def test_every_function_json_is_json() -> None:
    files = sorted(SAMPLES.rglob("function.json"))
    assert len(files) >= 8
    for path in files:
        assert isinstance(json.loads(path.read_text(encoding="utf-8"))["bindings"], list), path


def test_learn_export_of_this_repository_resolves_every_id() -> None:
    project = Project.at(REPO_ROOT)
    pages = render_learn_pages(project)
    assert len(pages) == 8
    assert render_learn_pages(Project.at(REPO_ROOT)) == pages  # byte-stable
    pattern = re.compile(r':::code language="\w+" source="~/samples/([^"]+)"(?: id="([^"]+)")?:::')
    references = [match for page in pages.values() for match in pattern.findall(page)]
    assert len(references) >= 8 * 6
    for path, region in references:
        assert project.reader.extract(f"samples/{path}", region or None).code
