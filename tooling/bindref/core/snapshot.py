"""The bytes a check hashed before it ran, for its stages to read instead of the disk.

A check hashes every file it can read before it runs (:mod:`bindref.check.memo`), then
its stages read the same files again: a thousand definitions and six thousand samples,
each opened twice, and the samples once more in the forked process that renders pages.
While a snapshot is taken, the bytes hashed are kept, and every stage reads a project file
through :func:`read_bytes`, which takes them from it. The run then also sees exactly the
content its memo key was made of, even if a file is saved meanwhile. Outside a check
nothing is kept and every read goes to the disk.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

KEPT_MAX = 1 << 20  # a larger file is read from disk when a stage needs it
# At most this much is kept in all, so a docs folder of screenshots (hashed, never read as
# text) cannot fill the memory: what is not kept is read from disk, as outside a check.
KEPT_TOTAL = 64 << 20


@dataclass
class _Snapshot:
    files: dict[str, bytes] = field(default_factory=dict)
    size: int = 0  # the bytes it holds


_TAKEN: list[_Snapshot] = []  # the snapshot being taken, if any


@contextlib.contextmanager
def taken() -> Iterator[None]:
    """Keep what :func:`keep` is given until the block ends."""
    _TAKEN.append(_Snapshot())
    try:
        yield
    finally:
        _TAKEN.pop()


def keep(path: bytes | str, data: bytes) -> None:
    """Remember ``data`` as the content of ``path`` (an absolute path), while a snapshot is taken."""
    if _TAKEN and len(data) <= KEPT_MAX and _TAKEN[-1].size + len(data) <= KEPT_TOTAL:
        _TAKEN[-1].files[os.fsdecode(path)] = data
        _TAKEN[-1].size += len(data)


def kept(path: str) -> bytes | None:
    """The bytes kept for ``path`` (as :func:`keep` was given it), or ``None``."""
    return _TAKEN[-1].files.get(path) if _TAKEN else None


def read_bytes(path: str | Path, limit: int = -1) -> bytes:
    """The file's bytes as the check hashed them, else as they are now (at most ``limit``).

    The one way a stage reads a project file; raises OSError as ``open`` does.
    """
    data = kept(str(path))
    if data is None:
        with open(path, "rb") as handle:  # a str path from the sample walker: no Path object made
            data = handle.read(limit)
    return data
