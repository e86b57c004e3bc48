"""Work shared out between this process and forked ones, the results put back in order.

Reading a thousand definitions, or rendering and checking their pages, is interpreted
Python that one core runs at a time; on the two cores of a CI machine a forked process
doing half of it halves the time. Only results come back (read bindings, findings,
rendered Markdown: tens of milliseconds to pickle; syntax trees would cost more than
parsing them again), in the order of the work, so the outcome is the one a single
process gives.

Forking is used only where it is safe and pays: a caller asks for ``workers`` (the CLI
does; a docs server, whose threads make forking unsafe, does not), the platform can
fork, and the caller has enough work (see :data:`MIN_PER_WORKER`).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

_In = TypeVar("_In")
_Item = TypeVar("_Item")
_Out = TypeVar("_Out")
MIN_PER_WORKER = 100  # files or bindings: below this a process costs more (start, pickling) than it saves


def available_workers() -> int:
    """The cores this process may run on (its CPU affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether this platform starts processes by forking (a copy of this one, nothing re-imported)."""
    return "fork" in multiprocessing.get_all_start_methods()


# The work of the current fork_map: forked processes inherit it, so neither the function
# nor what it closes over (a whole catalog) is ever pickled; only an item's index is sent.
_SHARED: list[tuple[Callable[[Any], Any], Sequence[Any]]] = []


def fork_map(work: Callable[[_Item], _Out], items: Sequence[_Item]) -> list[_Out]:
    """``work(item)`` for each item, the first here and the others in forked processes, in order."""
    if len(items) < 2 or not can_fork():  # one item needs no other process
        return [work(item) for item in items]
    context = multiprocessing.get_context("fork")
    _SHARED.append((work, items))
    try:
        with ProcessPoolExecutor(max_workers=len(items) - 1, mp_context=context) as pool:
            others = [pool.submit(_shared_item, index) for index in range(1, len(items))]
            first = work(items[0])
            return [first, *(future.result() for future in others)]
    finally:
        _SHARED.pop()


def _shared_item(index: int) -> Any:
    work, items = _SHARED[-1]
    return work(items[index])


def in_shards(work: Callable[[_In, range], _Out], inputs: _In, count: int, workers: int) -> list[_Out]:
    """``work(inputs, indexes)`` over ``range(count)`` in contiguous parts, in order.

    At most ``workers`` parts, each of at least :data:`MIN_PER_WORKER` items.
    """
    workers = max(1, min(workers, count // MIN_PER_WORKER))
    size = -(-count // workers) if count else 1
    ranges = [range(start, min(start + size, count)) for start in range(0, count, size)] or [range(0)]
    return fork_map(lambda indexes: work(inputs, indexes), ranges)
