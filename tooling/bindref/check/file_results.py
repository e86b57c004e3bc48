"""Results that follow from one sample file's text, cached by everything else they depend on.

A warm check reads every sample and looks up what it found in it last time, rather than
parsing it again: an entry is keyed by the file's text and by every other input of the
result (its path, the catalog, the region asked for), so an edit makes a new key and an
entry is never stale. Errors about reading the file itself are never cached: the caller
reads the text first, and such an error is raised anew each time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from bindref.check.findings import Finding
from bindref.core.cache import Cache, digest

T = TypeVar("T")


class FileResults(Generic[T]):
    """One kind of per-file result: ``get`` returns the cached one or computes and keeps it."""

    def __init__(self, cache: Cache, kind: str, valid: Callable[[object], bool], *shared: str) -> None:
        self._cache, self._kind, self._valid = cache, kind, valid
        # The tool, the settings and what every entry of this check shares, hashed once.
        self._prefix = cache.key(kind, *shared) if cache.folder is not None else ""

    def get(self, compute: Callable[[], T], *inputs: str) -> T:
        """The result for ``inputs`` (the text among them), computed only when not cached."""
        if not self._prefix:
            return compute()
        key = digest(self._prefix, *inputs)
        found: T | None = self._cache.get(self._kind, key, self._valid)
        if found is None:
            found = compute()
            self._cache.put(self._kind, key, found)
        return found


def valid_findings(value: object) -> bool:
    """A cached tuple of findings."""
    return isinstance(value, tuple) and all(isinstance(finding, Finding) for finding in value)
