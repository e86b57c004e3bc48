"""Definitions read by several processes give what one process gives, in the same order.

The project is built in code with enough files to be shared out (see
bindref.definitions.shards), and with the ways reading can go wrong spread over both
halves: a syntax error, a helper imported from nowhere, a constant and a base class that
live in a file of the other half, and a base class that is broken for every binding using it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bindref.definitions import loader, shards
from bindref.definitions.loader import load_raw_bindings
from conftest import write_files

COUNT = 2 * shards.MIN_PER_WORKER + 10

DEFINITION = '''\
"""Binding {index}."""

from __future__ import annotations

from dataclasses import dataclass

{imports}


@binding(type="thing{index}", direction="in", title="Thing {index}", key="thing{index}")
@dataclass(frozen=True, kw_only=True)
class Thing{index}({base}):
    """Reads thing {index}."""

    connection: str = param(required=True, default={default})
    """The connection of thing {index}."""
'''
SPEC_IMPORT = "from bindref.spec import binding, param"


def _definition(index: int) -> str:
    imports, base, default = SPEC_IMPORT, "", "None"
    if index % 50 == 7:  # a constant from a file near the end, in the other half
        imports += f"\nfrom binding_defs.things.thing{COUNT - 3:04d} import SHARED"
        default = "SHARED"
    if index % 50 == 11:  # a base class written in the other half
        imports += f"\nfrom binding_defs.things.thing{COUNT - 5:04d} import Base"
        base = "Base"
    if index % 70 == 13:  # a base class that is no definition class
        imports += "\nfrom binding_defs.things.broken import Broken"
        base = "Broken"
    if index == COUNT - 20:
        imports = "from bindref.spec import binding\nfrom nowhere import param"
    text = DEFINITION.format(index=f"{index:04d}", imports=imports, base=base, default=default)
    if index == COUNT - 3:
        text += '\nSHARED = "shared-connection"\n'
    if index == COUNT - 5:
        text += '\n@dataclass(frozen=True, kw_only=True)\nclass Base:\n    """Shared."""\n\n'
        text += '    region: str = param(default="west")\n    """The region."""\n'
    return text


def _files() -> dict[str, str]:
    files = {f"binding_defs/things/thing{index:04d}.py": _definition(index) for index in range(COUNT)}
    files["binding_defs/things/thing0042.py"] = "def broken(:\n"  # a syntax error in the first half
    files["binding_defs/things/broken.py"] = "Broken = 3\n"
    files["binding_defs/__init__.py"] = ""
    return files


def _outcome(root: Path, workers: int) -> tuple[list[object], list[str]]:
    loader._PARSED.clear()  # each process parses for itself, as in a new run
    bindings, errors = load_raw_bindings(root, "binding_defs", workers=workers)
    return list(bindings), [error.render() for error in errors]


@pytest.mark.parametrize("workers", [2, 3])
def test_shared_out_reading_equals_reading_in_one_process(tmp_path: Path, workers: int) -> None:
    write_files(tmp_path, _files())
    alone = _outcome(tmp_path, 1)
    assert len(alone[0]) > COUNT - 10
    assert any("syntax error" in error for error in alone[1])
    assert any("nowhere" in error for error in alone[1])
    assert sum("base class 'Broken'" in error for error in alone[1]) == 3
    assert not any("SHARED" in error or "'Base'" in error for error in alone[1]), alone[1]
    assert _outcome(tmp_path, workers) == alone


def test_too_few_files_are_read_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a process was started for a handful of files")

    monkeypatch.setattr(shards, "ProcessPoolExecutor", no_pool)
    write_files(tmp_path, {k: v for k, v in _files().items() if "thing00" in k or "broken" in k})
    bindings, _errors = load_raw_bindings(tmp_path, "binding_defs", workers=8)
    assert bindings
