"""``difflib.get_close_matches`` for many words against one fixed list of names.

The SDK check asks, for each binding the SDK does not have, which SDK names come closest
(a hint for a typo). ``get_close_matches`` counts each candidate's letters again for every
word, and that was 0.5 s of a check at 1000 bindings whose names the SDK does not know.
:class:`SimilarNames` counts them once, as a big integer holding each letter's count in
unary: the letters two names share are then the bits of one ``&``, counted by one
``bit_count``. That is difflib's own ``quick_ratio`` bound, computed exactly, so the same
candidates reach ``SequenceMatcher.ratio`` and the answer is ``get_close_matches``'s, in its
order (a property test compares the two).
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from difflib import SequenceMatcher


class SimilarNames:
    """Names to find close matches among, their letters counted once."""

    def __init__(self, names: Iterable[str]) -> None:
        listed = list(names)
        counts = [Counter(name) for name in listed]
        letters = sorted({letter for count in counts for letter in count})
        self._field = {letter: place for place, letter in enumerate(letters)}
        # Bits per letter: enough for the most times any name repeats one.
        self._width = max((max(count.values()) for count in counts if count), default=1)
        self._packed = [
            (name, len(name), self._pack(count)) for name, count in zip(listed, counts, strict=True)
        ]

    def _pack(self, count: Counter[str]) -> int:
        """Each letter's count in unary, in that letter's field: ``a & b`` keeps the smaller count."""
        packed = 0
        for letter, times in count.items():
            place = self._field.get(letter)
            if place is not None:  # a letter no candidate has matches nothing
                packed |= ((1 << min(times, self._width)) - 1) << (place * self._width)
        return packed

    def closest(self, word: str, n: int = 3, cutoff: float = 0.6) -> list[str]:
        """What ``difflib.get_close_matches(word, names, n, cutoff)`` returns, best first."""
        if n <= 0:
            raise ValueError(f"n must be > 0: {n!r}")
        if not 0.0 <= cutoff <= 1.0:
            raise ValueError(f"cutoff must be in [0.0, 1.0]: {cutoff!r}")
        matcher = SequenceMatcher()
        matcher.set_seq2(word)
        letters, length = self._pack(Counter(word)), len(word)
        scored: list[tuple[float, str]] = []
        for name, name_length, name_letters in self._packed:
            total = length + name_length
            # difflib's real_quick_ratio, then quick_ratio: the same floats, the same comparisons.
            if _ratio(min(length, name_length), total) < cutoff:
                continue
            if _ratio((letters & name_letters).bit_count(), total) < cutoff:
                continue
            matcher.set_seq1(name)
            if (score := matcher.ratio()) >= cutoff:
                scored.append((score, name))
        return [name for _score, name in heapq.nlargest(n, scored)]


def _ratio(matches: int, length: int) -> float:
    """The score ``difflib`` gives ``matches`` letters of two names ``length`` long in all."""
    return 2.0 * matches / length if length else 1.0
