"""``nox -s bench``: measured speed and memory, side by side in one run.

Writes ``bench/results.json`` and ``bench/results.md`` and prints the Markdown table.
Each figure is the median of several runs of a fresh process (wall time) and the
peak resident memory of that process (``ru_maxrss`` from ``wait4``), so start-up
costs count as a user would feel them.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from builds import floor_command, prerender, static_copy
from preview import save_to_served
from synthetic import generate, write

REPO = Path(__file__).resolve().parents[2]
BINDREF = [sys.executable, "-m", "bindref.cli.main"]


def _peak_mib(pid: int) -> float:
    """The process's peak resident memory so far (``VmHWM``: per program, reset by exec).

    ``ru_maxrss`` from ``wait4`` would also count the memory the benchmark itself had
    when it forked, so it is polled from /proc instead.
    """
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(command: list[str], cwd: Path, runs: int) -> dict[str, float]:
    """Median wall seconds and peak MiB of ``command`` over ``runs`` fresh processes."""
    seconds: list[float] = []
    peaks: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(  # noqa: S603  # our own commands, built above
            command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        peak = 0.0
        while process.poll() is None:
            peak = max(peak, _peak_mib(process.pid))
            time.sleep(0.02)
        seconds.append(time.perf_counter() - start)
        peaks.append(peak)
        stderr = process.stderr.read().decode() if process.stderr else ""
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{stderr}")
    return {"seconds": round(statistics.median(seconds), 3), "peak_mib": round(max(peaks), 1)}


def bench_check(sizes: list[int], workdir: Path, runs: int) -> dict[str, dict[str, float]]:
    """``bindref check`` on this repository and on synthetic repositories of each size."""
    results = {"repository": measure([*BINDREF, "check"], REPO, runs)}
    for size in sizes:
        root = generate(workdir / f"check-{size}", size)
        results[f"synthetic-{size}"] = measure([*BINDREF, "check", "--no-python-sdk"], root, runs)
    return results


def bench_builds(sizes: list[int], workdir: Path, runs: int) -> dict[str, dict[str, float]]:
    """``mkdocs build`` with bindref's macros vs the same pages pre-rendered; and the jinja2 floor."""
    results: dict[str, dict[str, float]] = {}
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    for size in sizes:
        root = generate(workdir / f"build-{size}", size)
        static = static_copy(root, workdir / f"static-{size}")
        results[f"bindref site {size}"] = measure(mkdocs, root, runs)
        results[f"static site {size}"] = measure(mkdocs, static, runs)
        ratio = results[f"bindref site {size}"]["seconds"] / results[f"static site {size}"]["seconds"]
        results[f"overhead ratio {size}"] = {"seconds": round(ratio, 3), "peak_mib": 0.0}
    return results


def bench_floor(sizes: list[int], workdir: Path, runs: int) -> dict[str, dict[str, float]]:
    """``bindref check`` against the floor: reading the inputs and rendering with jinja2 alone."""
    results: dict[str, dict[str, float]] = {}
    for size in sizes:
        root = workdir / f"check-{size}"
        for relative, text in prerender(root).items():
            write(root / "static" / relative, text)
        check = measure([*BINDREF, "check", "--no-python-sdk"], root, runs)
        floor = measure(floor_command(root), root, runs)
        results[f"floor {size}"] = floor
        results[f"check / floor {size}"] = {
            "seconds": round(check["seconds"] / floor["seconds"], 2),
            "peak_mib": 0.0,
        }
    return results


def bench_preview(size: int, workdir: Path, edits: int) -> dict[str, dict[str, float]]:
    """Save-to-served seconds: bindref preview (serve --dirty) vs the plain full rebuild."""
    root = generate(workdir / f"preview-{size}", size)
    fast = save_to_served(root, dirty=True, edits=edits)
    full = save_to_served(root, dirty=False, edits=max(1, edits - 1))
    ratio = full["seconds"] / fast["seconds"]
    return {
        f"bindref preview {size}": fast,
        f"plain full rebuild {size}": full,
        f"speed-up {size}": {"seconds": round(ratio, 1), "peak_mib": 0.0},
    }


def markdown(results: dict[str, dict[str, dict[str, float]]]) -> str:
    """The results as a Markdown table, one row per measurement."""
    rows = ["| benchmark | case | wall seconds (median) | peak MiB |", "| --- | --- | ---: | ---: |"]
    for benchmark, cases in results.items():
        rows.extend(
            f"| {benchmark} | {case} | {figures['seconds']:.3f} | {figures['peak_mib']:.1f} |"
            for case, figures in cases.items()
        )
    return "\n".join(rows)


def main() -> None:
    """Run every benchmark and write the results."""
    parser = argparse.ArgumentParser(description="bindref benchmarks")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=REPO / "bench")
    parser.add_argument("--build-sizes", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--preview-size", type=int, default=100)
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bindref-bench-") as temporary:
        workdir = Path(temporary)
        results = {"bindref check": bench_check(args.sizes, workdir, args.runs)}
        results["check vs floor"] = bench_floor(args.sizes, workdir, args.runs)
        results["mkdocs build"] = bench_builds(args.build_sizes, workdir, args.runs)
        results["preview"] = bench_preview(args.preview_size, workdir, args.edits)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(
        json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    table = markdown(results)
    (args.out / "results.md").write_text(table + "\n", encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
