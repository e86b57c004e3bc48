"""Definitions read by several processes give what one process gives, in the same order.

The project is built in code with enough files to be shared out (see
bindref.core.parallel), and with the ways reading can go wrong spread over both
halves: a syntax error, a helper imported from nowhere, a constant and a base class that
live in a file of the other half, and a base class that is broken for every binding using it.
"""

from __future__ import annotations

import importlib
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from bindref.core import parallel as shards
from bindref.core.config import load_settings
from bindref.core.errors import BindrefErrors
from bindref.definitions import loader, resolve
from bindref.definitions.loader import load_raw_bindings
from conftest import PYPROJECT, WIDGET_DEFINITION, WIDGET_PAGE, WIDGET_SAMPLES, ProjectFactory, write_files
from corpus import run_cli

COUNT = 2 * shards.MIN_PER_WORKER + 10
cli_main = importlib.import_module("bindref.cli.main")
check_run = importlib.import_module("bindref.check.run")  # the module (the package exports its main())

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
def test_shared_out_reading_equals_reading_in_one_process(
    tmp_path: Path, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[int] = []

    class CountingPool(ProcessPoolExecutor):
        def submit(self, *args: Any, **kwargs: Any) -> Any:
            started.append(1)
            return super().submit(*args, **kwargs)

    monkeypatch.setattr(shards, "ProcessPoolExecutor", CountingPool)
    write_files(tmp_path, _files())
    alone = _outcome(tmp_path, 1)
    assert len(alone[0]) > COUNT - 10
    assert any("syntax error" in error for error in alone[1])
    assert any("nowhere" in error for error in alone[1])
    assert sum("base class 'Broken'" in error for error in alone[1]) == 3
    assert not any("SHARED" in error or "'Base'" in error for error in alone[1]), alone[1]
    assert not started
    assert _outcome(tmp_path, workers) == alone
    assert len(started) == min(workers, COUNT // shards.MIN_PER_WORKER) - 1  # this process reads one part


def test_bindings_resolved_where_they_were_read_equal_resolving_them_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each part resolves its own bindings; the catalog built from them is the one-process one.

    The forked part's results are used, not made again: resolving here is turned into a
    failure for every binding of that part.
    """
    write_files(tmp_path, {**_files(), "pyproject.toml": PYPROJECT})
    settings = load_settings(tmp_path)
    loader._PARSED.clear()
    resolve._BUILT.clear()
    raw_alone, _ = load_raw_bindings(tmp_path, "binding_defs", workers=1)
    alone = _catalog(raw_alone, settings)
    loader._PARSED.clear()
    resolve._BUILT.clear()
    raw_shared, _ = load_raw_bindings(tmp_path, "binding_defs", workers=2, settings=settings)
    second_half = {raw.path for raw in raw_shared[len(raw_shared) // 2 + 20 :]}
    original = resolve._build_binding

    def not_again(raw: Any, *args: Any) -> Any:
        assert raw.path not in second_half, f"{raw.path} was resolved again"
        return original(raw, *args)

    monkeypatch.setattr(resolve, "_build_binding", not_again)
    assert _catalog(raw_shared, settings) == alone


def _catalog(raw_bindings: list[Any], settings: Any) -> tuple[list[str], list[str]]:
    """The resolved bindings (their repr: every field) and the problems, extension by extension."""
    bindings, problems = [], []
    for extension in sorted({raw.extension for raw in raw_bindings}):
        try:
            part = resolve.build_catalog([r for r in raw_bindings if r.extension == extension], settings)
        except BindrefErrors as errors:
            problems += [error.render() for error in errors.errors]
        else:
            bindings += [repr(binding) for binding in part.bindings.values()]
    return bindings, problems


def test_too_few_files_are_read_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a process was started for a handful of files")

    monkeypatch.setattr(shards, "ProcessPoolExecutor", no_pool)
    write_files(tmp_path, {k: v for k, v in _files().items() if "thing00" in k or "broken" in k})
    bindings, _errors = load_raw_bindings(tmp_path, "binding_defs", workers=8)
    assert bindings


def _many_widgets() -> dict[str, str]:
    """Enough widget bindings for a check to share its work out, each with its page."""
    files: dict[str, str] = {}
    for index in range(shards.MIN_PER_WORKER + 5):
        key = f"widgetIn{index}"
        definition = WIDGET_DEFINITION.replace('"widgetIn"', f'"{key}"').replace(
            "class Widget:", f"class W{index}:"
        )
        files[f"binding_defs/widgets/w{index:03d}.py"] = definition
        files[f"docs/w{index:03d}.md"] = WIDGET_PAGE.replace("widgets/widgetIn", f"widgets/{key}")
    files["docs/w007.md"] += "\n{{To be added}}\n"  # a finding on a page, found by the rendering part
    files["samples/widgets/widget.js"] = WIDGET_SAMPLES["samples/widgets/widget.js"].replace(
        "widgetId: '{id}'", "widgetId: '{id}', colour: 'red'"
    )  # a finding in a sample, found by the other part
    return files


def test_a_shared_out_check_equals_a_check_in_one_process(
    make_project: ProjectFactory, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = PYPROJECT + 'learn_export = "learn"\n'
    root = make_project(_many_widgets(), definition=None, pyproject=pyproject).settings.root
    (root / "learn").mkdir()
    (root / "learn" / "stale.md").write_text("written by hand\n", encoding="utf-8")
    check = ["--root", str(root), "check", "--no-python-sdk", "--no-java-sdk", "--diff", "--no-cache"]
    monkeypatch.setattr(cli_main, "available_workers", lambda: 1)
    alone = run_cli(check, capsys)
    assert alone.exit_code == 1
    for found in ("BR501", "BR302", "docs/w007.md", "+++ b/learn/"):  # from both parts, and diffs
        assert found in alone.out, (found, alone.out[-2000:])
    monkeypatch.setattr(cli_main, "available_workers", lambda: 2)
    shared = run_cli(check, capsys)
    assert (shared.exit_code, shared.out, shared.err) == (alone.exit_code, alone.out, alone.err)
    for module in (shards, check_run):  # a platform that cannot fork (Windows): one process, same output
        monkeypatch.setattr(module, "can_fork", lambda: False)
    monkeypatch.setattr(shards, "Turns", None)  # never made: it needs fork's shared memory
    monkeypatch.setattr(check_run, "Turns", None)
    unforked = run_cli(check, capsys)
    assert (unforked.exit_code, unforked.out, unforked.err) == (alone.exit_code, alone.out, alone.err)


@pytest.mark.parametrize("resolved", [True, False], ids=["resolved", "read only"])
def test_a_part_sent_back_carries_what_its_taker_needs(tmp_path: Path, resolved: bool) -> None:
    """Resolved bindings travel as their place only, the same object in both lists; others whole."""
    write_files(tmp_path, {**_files(), "pyproject.toml": PYPROJECT})
    settings = load_settings(tmp_path)
    base = tmp_path / "binding_defs"
    files = sorted(base.rglob("*.py"))
    names = {loader._module_name(file, base): file for file in files}
    inputs = (tmp_path, "binding_defs", files, settings if resolved else None, names)
    part = loader.read_part(inputs, range(len(files)))
    sent = pickle.loads(pickle.dumps(part))  # noqa: S301  # made just above
    assert [(r.path, r.class_name, r.extension, r.line) for r in sent.bindings] == [
        (r.path, r.class_name, r.extension, r.line) for r in part.bindings
    ]
    if resolved:
        assert all(raw.fields == () and raw.options == {} for raw in sent.bindings)
        assert [entry[0] for entry in sent.resolved] == sent.bindings
        assert all(a is b for a, b in zip((entry[0] for entry in sent.resolved), sent.bindings, strict=True))
        assert [repr(entry[2]) for entry in sent.resolved] == [repr(entry[2]) for entry in part.resolved]
    else:
        assert sent.bindings == part.bindings


def test_a_shared_out_check_parses_each_sample_and_scans_the_pages_once(
    make_project: ProjectFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """What every part needs is made before the parts are forked, never again in each of them."""
    root = make_project(_many_widgets(), definition=None).settings.root
    log = tmp_path / "calls.log"  # appended to by every process, forked ones included
    regions = importlib.import_module("bindref.samples.regions")
    page_scan = importlib.import_module("bindref.check.page_scan")
    parse, scan = regions._parse, page_scan.scan_pages

    def logged(name: str, call: Any) -> Any:
        def run(*args: Any) -> Any:
            with log.open("a", encoding="utf-8") as out:
                out.write(f"{name} {args[0] if name == 'parse' else ''}\n")
            return call(*args)

        return run

    monkeypatch.setattr(regions, "_parse", logged("parse", parse))
    monkeypatch.setattr(page_scan, "scan_pages", logged("scan", scan))
    monkeypatch.setattr(cli_main, "available_workers", lambda: 2)
    result = run_cli(["--root", str(root), "check", "--no-python-sdk", "--no-java-sdk", "--no-cache"], capsys)
    assert result.exit_code == 1, result.err
    calls = log.read_text(encoding="utf-8").splitlines()
    parsed = [call for call in calls if call.startswith("parse ")]
    assert calls.count("scan ") == 1
    assert len(parsed) == len(set(parsed)) >= len(WIDGET_SAMPLES) - 1  # every sample with regions, once
