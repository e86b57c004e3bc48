"""``nox -s bench``: measured speed and memory, side by side in one run.

Writes ``bench/results.json`` (a flat list of records ``{"figure", "bindings", "value",
"unit"}``, plus ``site`` and, for preview, ``input``) and ``bench/results.md``, and
prints the Markdown table. Each time is the median of several runs of a fresh process
(wall time, start-up included, as a user feels it); memory is the peak resident size of
that process. A cold check runs with the cache folder deleted first, a warm one after a
run that filled it.
"""

from __future__ import annotations

import argparse
import compileall
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from builds import floor_command, prerender, static_copy
from preview import EDITS, save_to_served
from synthetic import generate, write

REPO = Path(__file__).resolve().parents[2]
BINDREF = [sys.executable, "-c", "from bindref.cli.main import entry; entry()"]
CHECK = [*BINDREF, "check", "--no-python-sdk", "--no-java-sdk"]
MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
CACHE = ".bindref_cache"
# Pairs of builds behind the build overhead: one pair's ratio varies by +-1.5% on the reference
# machine, so the median of 7 still moved by a few percent between runs of the same code.
_BUILD_PAIRS = 11
Record = dict[str, Any]


def _status_mib(pid: int, field: str) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _descendants(pid: int) -> list[int]:
    """``pid`` and every process it started, still running (bindref forks to read in parallel)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text(encoding="utf-8")
        except OSError:
            continue
        pending.extend(int(child) for child in children.split())
    return found


def _pss_mib(pid: int) -> float:
    """The proportional set size of a process: its own pages, plus its share of pages it shares."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="utf-8")
    except OSError:
        return 0.0
    for line in rollup.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _peak_mib(pid: int, peaks: dict[int, float]) -> float:
    """The memory of the process tree now: the larger of its PSS sum and the parent's own peak.

    A forked process shares its parent's pages until it writes them, so adding up each
    process's resident size would count those pages twice; the proportional set size
    counts each page once, split between the processes that share it. The parent's own
    peak resident size (``VmHWM``) catches a peak between two samples.
    """
    peaks[pid] = max(peaks.get(pid, 0.0), _status_mib(pid, "VmHWM"))
    return max(peaks[pid], sum(_pss_mib(process) for process in _descendants(pid)))


def measure(
    command: list[str], cwd: Path, runs: int, *, cold: bool = False, memory: bool = False
) -> tuple[float, float]:
    """Median wall seconds of ``command`` over ``runs`` fresh processes, and with ``memory`` its peak MiB.

    Time and memory are not measured in the same run: reading ``/proc`` every 10 ms (the
    process tree's proportional set size walks its page tables) took a core's share from
    the process measured, and made a cold check at 1000 bindings 1.7 s slower.
    """
    seconds: list[float] = []
    peak = 0.0
    for _ in range(runs):
        if cold:
            shutil.rmtree(cwd / CACHE, ignore_errors=True)
        start = time.perf_counter()
        process = subprocess.Popen(  # noqa: S603  # our own commands, built above
            command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        peaks: dict[int, float] = {}
        while memory and process.poll() is None:
            peak = max(peak, _peak_mib(process.pid, peaks))
            time.sleep(0.01)
        _, stderr_bytes = process.communicate()
        seconds.append(time.perf_counter() - start)
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{stderr_bytes.decode()}")
    return round(statistics.median(seconds), 3), round(peak, 1)


def record(figure: str, bindings: int, value: float, unit: str, site: str, **extra: str) -> Record:
    """One flat result: CI and reviewers read these without knowing the bench's layout."""
    return {"figure": figure, "bindings": bindings, "value": value, "unit": unit, "site": site, **extra}


def measure_edited(root: Path, kind: str, runs: int) -> float:
    """Median seconds of a check right after one edit of ``kind`` (a new edit before each run)."""
    relative, old, new = EDITS[kind]
    path = root / relative
    original = path.read_text(encoding="utf-8")
    seconds = []
    try:
        for run in range(runs):
            edited = original.replace(old, new.replace("{marker}", f"Edit {run}."), 1)
            path.write_text(edited, encoding="utf-8")
            seconds.append(measure(CHECK, root, 1)[0])
    finally:
        path.write_text(original, encoding="utf-8")
    return round(statistics.median(seconds), 3)


def bench_check(root: Path, pages: Path, bindings: int, site: str, runs: int) -> list[Record]:
    """Cold and warm ``bindref check`` against the floor (read every input, render with jinja2).

    On a synthetic site, also a check right after one edit of a definition and of a sample:
    what the finer caches (not the whole-check memo) leave to redo.
    """
    cold, _ = measure(CHECK, root, runs, cold=True)
    _, peak = measure(CHECK, root, 1, cold=True, memory=True)
    warm, _ = measure(CHECK, root, runs)  # the cache filled by the run before
    _, warm_peak = measure(CHECK, root, 1, memory=True)
    floor, _ = measure(floor_command(root, pages), root, runs)
    edited = []
    if site == "synthetic":
        for kind in ("definition", "sample"):
            seconds = measure_edited(root, kind, runs)
            edited.append(record("check_edited_s", bindings, seconds, "s", site, input=kind))
    return [
        *edited,
        record("check_cold_s", bindings, cold, "s", site),
        record("check_warm_s", bindings, warm, "s", site),
        record("floor_s", bindings, floor, "s", site),
        record("check_cold_over_floor", bindings, round(cold / floor, 2), "ratio", site),
        record("check_warm_over_floor", bindings, round(warm / floor, 2), "ratio", site),
        record("check_peak_mib", bindings, max(peak, warm_peak), "MiB", site),
    ]


def bench_build(root: Path, workdir: Path, bindings: int, runs: int) -> list[Record]:
    """``mkdocs build`` with bindref's macros (warm cache) vs the same pages pre-rendered.

    The two builds alternate, each pair in the other order than the last, because this
    machine's speed drifts by more than the few percent measured, and within a pair both
    builds meet about the same drift: the overhead is the median of the per-pair ratios.
    The ratio of the fastest build of each is recorded beside it; it is the better figure
    when noise only adds time, and the worse one when the machine's speed changes for
    whole minutes (one run gave 1.22 where the pairs' median was 1.01).
    """
    static = static_copy(root, workdir / f"static-{bindings}")
    measure(MKDOCS, root, 1)  # fill the cache, as any second build finds it
    pairs: list[tuple[float, float]] = []
    for run in range(max(runs, _BUILD_PAIRS)):
        if run % 2:
            plain = measure(MKDOCS, static, 1)[0]
            pairs.append((measure(MKDOCS, root, 1)[0], plain))
        else:
            pairs.append((measure(MKDOCS, root, 1)[0], measure(MKDOCS, static, 1)[0]))
    bindref = statistics.median(pair[0] for pair in pairs)
    plain = statistics.median(pair[1] for pair in pairs)
    paired = statistics.median(pair[0] / pair[1] for pair in pairs)
    fastest = min(pair[0] for pair in pairs) / min(pair[1] for pair in pairs)
    return [
        record("build_s", bindings, round(bindref, 3), "s", "synthetic"),
        record("build_static_s", bindings, round(plain, 3), "s", "synthetic"),
        record("build_overhead", bindings, round(paired, 3), "ratio", "synthetic"),
        record("build_overhead_fastest", bindings, round(fastest, 3), "ratio", "synthetic"),
    ]


def bench_preview(root: Path, bindings: int, edits: int, template_edits: int) -> list[Record]:
    """Save-to-served seconds per kind of input: bindref's preview vs MkDocs' full rebuild.

    A template every page uses rebuilds every page (a full rebuild by nature), so it may
    be saved fewer times than the other inputs (``--template-edits``).
    """
    kinds = list(EDITS)
    counts = {kind: template_edits if kind == "template" else edits for kind in kinds}
    fast = save_to_served(root, dirty=True, edits=counts, kinds=kinds)
    full = save_to_served(root, dirty=False, edits=1, kinds=kinds[:1])["definition"]
    records = [record("preview_full_rebuild_s", bindings, full, "s", "synthetic")]
    for kind, seconds in fast.items():
        records.append(record("preview_s", bindings, seconds, "s", "synthetic", input=kind))
        speedup = round(full / seconds, 1)
        records.append(record("preview_speedup", bindings, speedup, "ratio", "synthetic", input=kind))
    return records


def markdown(records: list[Record]) -> str:
    """The results as a Markdown table, one row per record."""
    rows = ["| site | bindings | figure | input | value | unit |", "| --- | ---: | --- | --- | ---: | --- |"]
    for r in records:
        cells = (r["site"], r["bindings"], r["figure"], r.get("input", ""), r["value"], r["unit"])
        rows.append("| " + " | ".join(map(str, cells)) + " |")
    return "\n".join(rows)


def _repository_bindings() -> int:
    listing = subprocess.run(  # noqa: S603  # our own command
        [*BINDREF, "list"], cwd=REPO, capture_output=True, text=True, check=True
    )
    return len(listing.stdout.splitlines())


def compile_bindref() -> None:
    """Byte-compile bindref's sources first, as installing a package does.

    Python keeps a module's bytecode beside its source after the first import, unless told not
    to (``PYTHONDONTWRITEBYTECODE``, which this machine sets): an editable install then compiles
    bindref's modules again in every process, 0.1 s of a check and 0.13 s of a build, while the
    packages it is compared with (MkDocs, mkdocs-macros, installed by pip) come compiled. The
    bench measures bindref as it runs once its bytecode is cached.
    """
    compileall.compile_dir(REPO / "tooling" / "bindref", quiet=1)


def main() -> None:
    """Run every benchmark and write the results."""
    parser = argparse.ArgumentParser(description="bindref benchmarks")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=REPO / "bench")
    parser.add_argument("--build-sizes", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--preview-sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--template-edits", type=int, default=1, help="saves of the template every page uses")
    parser.add_argument("--no-repository", action="store_true", help="synthetic sites only")
    args = parser.parse_args()
    compile_bindref()
    records: list[Record] = []
    with tempfile.TemporaryDirectory(prefix="bindref-bench-") as temporary:
        workdir = Path(temporary)
        if not args.no_repository:  # the OpenAI, SQL and Blob extensions together
            records += bench_check(REPO, REPO / "docs", _repository_bindings(), "repository", args.runs)
        for size in sorted({*args.sizes, *args.build_sizes, *args.preview_sizes}):
            root = generate(workdir / f"site-{size}", size)
            if size in args.sizes:
                for relative, text in prerender(root).items():
                    write(root / "static" / relative, text)
                records += bench_check(root, root / "static", size, "synthetic", args.runs)
            if size in args.build_sizes:
                records += bench_build(root, workdir, size, args.runs)
            if size in args.preview_sizes:
                records += bench_preview(root, size, args.edits, args.template_edits)
            print(markdown([r for r in records if r["bindings"] == size and r["site"] == "synthetic"]))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(records, indent=1) + "\n", encoding="utf-8")
    table = markdown(records)
    (args.out / "results.md").write_text(table + "\n", encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
