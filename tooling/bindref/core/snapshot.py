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
    return read_file(path, limit) if data is None else data


_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
_FIRST_READ = 1 << 16  # most project files fit: one read, then one that finds the end


def read_file(path: str | bytes | Path, limit: int = -1) -> bytes:
    """The bytes of the file at ``path`` as they are now: all of them, or at most ``limit``.

    ``open(path, "rb").read()`` builds a buffered file object and asks the system whether the
    file is a terminal and where it stands: 45 to 60 µs a file here, against 10 µs for these
    three calls. A check reads thousands of files (hashing them for its memo, then reading
    what it did not keep). Raises OSError as ``open`` does (a folder: IsADirectoryError).
    """
    handle = os.open(path, _FLAGS)
    try:
        chunks: list[bytes] = []
        left = limit
        while left:
            chunk = os.read(handle, _FIRST_READ if left < 0 else min(left, _FIRST_READ))
            if not chunk:
                break
            chunks.append(chunk)
            left = left - len(chunk) if left > 0 else left
        return b"".join(chunks)  # one chunk: the very same bytes object
    finally:
        os.close(handle)
