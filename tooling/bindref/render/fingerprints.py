"""File fingerprints: how the project and the preview tracker tell that an input changed.

A fingerprint is ``(mtime_ns, size)``; a missing or unreadable file has ``(0, -1)``, so
its deletion is a change too. It lives below the hosts so that the render stage's
project cache and the preview tracker share one definition without an upward import.
"""

from __future__ import annotations

from pathlib import Path

Fingerprint = tuple[int, int]


def fingerprint(path: Path) -> Fingerprint:
    """``(mtime_ns, size)`` of ``path``, or ``(0, -1)`` when it cannot be stat'ed."""
    try:
        stat = path.stat()
    except OSError:
        return (0, -1)
    return (stat.st_mtime_ns, stat.st_size)
