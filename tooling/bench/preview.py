"""Preview latency: from saving a definition, a sample or a template to the changed page being served.

Starts ``mkdocs serve`` on the synthetic site, edits one input of one page (a definition's
description, a line of a sample region, the project's tab template), and polls the served
page until the new text appears. Run with ``--dirty`` (bindref
rebuilds only the pages that use the changed file) and without (MkDocs rebuilds the
whole site), side by side.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from synthetic import TEMPLATE, TEMPLATE_MARK

PAGE = "alpha/synth0000/"
# Each kind of input a page is made of: the file, the text to replace and what replaces it
# ({marker} is the text the served page must then show).
EDITS = {
    "definition": (
        "binding_defs/alpha/synth0000.py",
        '"""The connection of the item."""',
        '"""The connection of the item. {marker}"""',
    ),
    "sample": ("samples/alpha/csharp/Synth0000.cs", "=> item;", "=> item; // {marker}"),
    "template": (TEMPLATE, TEMPLATE_MARK, TEMPLATE_MARK + "\n{marker}"),
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310  # our local server
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait(url: str, condition: Callable[[str], bool], timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if condition(_page(url)):
            return time.perf_counter() - start
        time.sleep(0.02)
    raise SystemExit(f"{url} did not change as expected within {timeout:.0f} s")


def save_to_served(
    root: Path, *, dirty: bool, edits: int | Mapping[str, int], kinds: Iterable[str]
) -> dict[str, float]:
    """Median seconds, per kind of input, from a save to the served page showing the change.

    ``edits`` is the number of saves per kind, or a number for each kind.
    """
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-a",
        f"127.0.0.1:{port}",
        *(["--dirty"] if dirty else []),
    ]
    server = subprocess.Popen(  # noqa: S603  # mkdocs from this environment
        command,
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    url = f"http://127.0.0.1:{port}/{PAGE}"
    try:
        _wait(url, lambda page: "The connection of the item." in page, timeout=1200)
        results: dict[str, float] = {}
        for kind in kinds:
            relative, old, new = EDITS[kind]
            path = root / relative
            times = []
            count = edits if isinstance(edits, int) else edits.get(kind, 1)
            for edit in range(1, count + 1):
                time.sleep(1.0)  # let the watcher settle between saves
                marker = f"Edited {edit} times."
                text = path.read_text(encoding="utf-8")
                path.write_text(text.replace(old, new.replace("{marker}", marker), 1), encoding="utf-8")
                times.append(_wait(url, lambda page, m=marker: m in page, timeout=1200))  # type: ignore[misc]
                path.write_text(text, encoding="utf-8")
                _wait(url, lambda page, m=marker: bool(page) and m not in page, timeout=1200)  # type: ignore[misc]
            results[kind] = round(statistics.median(times), 3)
        return results
    finally:
        server.terminate()
        server.wait(timeout=30)
