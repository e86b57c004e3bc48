"""The bytes a check hashed before it ran, for its stages to read instead of the disk.

A check hashes every file it can read before it runs (:mod:`bindref.check.memo`), then
its stages read the same files again: a thousand definitions and six thousand samples,
each opened twice, and the samples once more in the forked process that renders pages.
While a snapshot is taken, the bytes hashed are kept, and the two readers every stage
goes through (:func:`bindref.core.errors.read_text_file` and
:func:`bindref.samples.files.read_sample_text`) take a file's bytes from it. The run then
also sees exactly the content its memo key was made of, even if a file is saved
meanwhile. Outside a check nothing is kept and every read goes to the disk.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

KEPT_MAX = 1 << 20  # larger files are read from disk when needed (samples stop at this size too)
# At most this much is kept in all, so a docs folder of screenshots (hashed, never read as
# text) cannot fill the memory: what is not kept is read from disk, as outside a check.
KEPT_TOTAL = 64 << 20
_FILES: list[dict[str, bytes]] = []  # the snapshot being taken, if any
_SIZES: list[int] = []  # the bytes it holds


@contextlib.contextmanager
def taken() -> Iterator[None]:
    """Keep what :func:`keep` is given until the block ends."""
    _FILES.append({})
    _SIZES.append(0)
    try:
        yield
    finally:
        _FILES.pop()
        _SIZES.pop()


def keep(path: bytes | str, data: bytes) -> None:
    """Remember ``data`` as the content of ``path`` (an absolute path), while a snapshot is taken."""
    if _FILES and len(data) <= KEPT_MAX and _SIZES[-1] + len(data) <= KEPT_TOTAL:
        _FILES[-1][os.fsdecode(path)] = data
        _SIZES[-1] += len(data)


def kept(path: str) -> bytes | None:
    """The bytes kept for ``path`` (as :func:`keep` was given it), or ``None``."""
    return _FILES[-1].get(path) if _FILES else None
