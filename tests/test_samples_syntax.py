"""Every sample parses: C# and Java without syntax errors (tree-sitter), function.json as JSON.

The Functions SDKs for C# and Java cannot be built here (no .NET SDK, no Maven Central),
so syntax is what can be proven; names, types and directions are the drift check's job.
These walk whatever samples the repository has, so another extension only adds cases; the
Learn export is tested on fixture sites in ``test_learn.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
    for path in sorted(SAMPLES.rglob("function.json")):
        assert isinstance(json.loads(path.read_text(encoding="utf-8"))["bindings"], list), path
