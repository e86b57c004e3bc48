"""One rule for telling a rename from a removal plus an addition (BR403 and the lock's BR426).

A parameter that disappears while a similar name appears is one rename, reported once; the
SDK comparison and the lock comparison pair names the same way.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from typing import TypeVar

RENAME_CUTOFF = 0.6  # difflib ratio above which a missing and an extra name are one rename

_Old = TypeVar("_Old")
_New = TypeVar("_New")


def spelling_key(name: str) -> str:
    """``timeStampUtc``, ``timestamp_utc`` and ``TimestampUtc`` are one spelling apart."""
    return name.replace("_", "").lower()


def pair_renames(
    old: Sequence[_Old],
    new: Sequence[_New],
    old_name: Callable[[_Old], str],
    new_name: Callable[[_New], str],
) -> list[tuple[_Old, _New]]:
    """Pair each old name with the closest new one, each new name used once."""
    left = {spelling_key(new_name(item)): item for item in new}
    pairs: list[tuple[_Old, _New]] = []
    for item in old:
        close = difflib.get_close_matches(spelling_key(old_name(item)), list(left), n=1, cutoff=RENAME_CUTOFF)
        if close:
            pairs.append((item, left.pop(close[0])))
    return pairs
