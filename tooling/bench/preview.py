"""Preview latency: from saving a definition to the changed page being served.

Starts ``mkdocs serve`` on the synthetic site, edits one definition's description,
and polls the served page until the new text appears. Run with ``--dirty`` (bindref
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
from pathlib import Path

DEFINITION = "binding_defs/synth/synth0000.py"
PAGE = "synth/synth0000/"
ORIGINAL = '"""The connection of the item."""'


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


def _wait(url: str, text: str, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in _page(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {text!r} within {timeout:.0f} s")


def save_to_served(root: Path, *, dirty: bool, edits: int) -> dict[str, float]:
    """Median seconds from a definition save to the served page showing the change."""
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
    definition = root / DEFINITION
    try:
        _wait(url, "The connection of the item.", timeout=600)
        times = []
        for edit in range(1, edits + 1):
            time.sleep(1.0)  # let the watcher settle between saves
            marker = f"Edited {edit} times."
            text = definition.read_text(encoding="utf-8")
            definition.write_text(
                text.replace(ORIGINAL, f'"""The connection of the item. {marker}"""'), "utf-8"
            )
            times.append(_wait(url, marker, timeout=600))
            definition.write_text(text, encoding="utf-8")
            _wait(url, "The connection of the item.</td>", timeout=600)
        return {"seconds": round(statistics.median(times), 3), "peak_mib": 0.0}
    finally:
        server.terminate()
        server.wait(timeout=30)
