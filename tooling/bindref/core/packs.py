"""Pack files: the bytes of one kind of cache entries, and how several processes write them.

A pack is a header line, a random token and a pickle. The token tells one writing of a file
from another: a writer that holds the kind's ``flock`` and finds another token than the one
it read knows that another process replaced the file since, and merges instead of
replacing (:meth:`bindref.core.cache.Cache.flush`). Reading never trusts a file: only
bindref's own classes unpickle, and anything else reads as an empty pack.
"""

from __future__ import annotations

import gc
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bindref.core.snapshot import read_file

if sys.platform != "win32":
    import fcntl

_MAGIC = b"bindref-cache 2\n"  # then the pack's token and a newline, then the pickle
TOKEN_LENGTH = 32
_BUILTINS = frozenset({"frozenset", "set", "complex", "bytearray", "slice", "range"})


def new_token() -> bytes:
    """A token no other writing of a pack has."""
    return os.urandom(TOKEN_LENGTH // 2).hex().encode()


class _SafeUnpickler(pickle.Unpickler):
    """Only bindref's classes and plain containers: a foreign pack cannot call anything else."""

    def find_class(self, module: str, name: str) -> Any:
        if (module == "bindref" or module.startswith("bindref.")) or (
            module == "builtins" and name in _BUILTINS
        ):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a bindref cache")


def pack_bytes(pack: dict[str, object], token: bytes) -> bytes:
    """A pack file's bytes: the header, the token that tells one writing of it from another, the pickle."""
    return _MAGIC + token + b"\n" + pickle.dumps(pack, protocol=pickle.HIGHEST_PROTOCOL)


def pack_entries(path: Path) -> dict[str, object]:
    """The entries of the pack file at ``path``: none for anything that is not a sound pack."""
    return read_pack(path)[0]


def replace_file(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all: a reader sees the old file or the new one, never half."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def locked(folder: Path, kind: str) -> Iterator[None]:
    """One writer of a kind at a time, across processes (no lock where ``flock`` is missing)."""
    if sys.platform == "win32":
        yield
        return
    handle = os.open(folder / f".{kind}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # and with it the lock


def token_of(path: Path) -> bytes:
    """The token of the pack file at ``path``; empty when it is missing or not a pack."""
    try:
        head = read_file(path, len(_MAGIC) + TOKEN_LENGTH)
    except OSError:
        return b""
    whole = head.startswith(_MAGIC) and len(head) == len(_MAGIC) + TOKEN_LENGTH
    return head[len(_MAGIC) :] if whole else b""


def read_pack(path: Path) -> tuple[dict[str, object], bytes]:
    """The pack at ``path`` and its token; an empty one for anything missing, corrupt or foreign."""
    try:
        data = read_file(path)
    except OSError:
        return {}, b""
    start = len(_MAGIC) + TOKEN_LENGTH + 1
    if not data.startswith(_MAGIC) or data[start - 1 : start] != b"\n":
        return {}, b""
    collecting = gc.isenabled()
    gc.disable()  # each new object would count toward a collection that finds no garbage: 5x slower
    try:
        pack = _SafeUnpickler(io.BytesIO(data[start:])).load()
    except Exception:  # any damage at all: rebuild, never trust
        return {}, b""
    finally:
        if collecting:
            gc.enable()
    if not isinstance(pack, dict) or not all(isinstance(key, str) for key in pack):
        return {}, b""
    # No gc.freeze() here: reading a pack does not decide how the process collects. It once
    # froze every object then alive, the caller's included, which left a 100-page MkDocs
    # build 5% more instructions to execute (50.1 G against 47.5 G, callgrind) for nothing:
    # the CLI runs without the collector, and a preview freezes its last whole build itself.
    return pack, data[len(_MAGIC) : start - 1]
