"""Share a list of files out between this process and forked ones, and put the results back in order.

Reading a thousand definitions is mostly parsing, interpreted Python that one core runs
at a time; on the two cores of a CI machine, a forked process reading the second half
halves it. Only the small results come back (read bindings and errors pickle in tens of
milliseconds; syntax trees would cost more than parsing them again), and the parts are
contiguous and concatenated in order, so the outcome is the one a single process gives.

Forking is used only where it is safe and pays: a caller asks for ``workers`` (the CLI
does; a docs server, whose threads make forking unsafe, does not), the platform can fork,
and there are at least :data:`MIN_PER_WORKER` items per process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

_In = TypeVar("_In")
_Out = TypeVar("_Out")
MIN_PER_WORKER = 100  # below this a process costs more (start, pickling) than it saves


def available_workers() -> int:
    """The cores this process may run on (its CPU affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def in_shards(work: Callable[[_In, range], _Out], inputs: _In, count: int, workers: int) -> list[_Out]:
    """``work(inputs, indexes)`` over ``range(count)`` in contiguous parts, in order.

    This process does the first part while the forked ones do the rest.
    """
    workers = max(1, min(workers, count // MIN_PER_WORKER))
    if workers == 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [work(inputs, range(count))]
    size = -(-count // workers)
    ranges = [range(start, min(start + size, count)) for start in range(0, count, size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=len(ranges) - 1, mp_context=context) as pool:
        others = [pool.submit(work, inputs, indexes) for indexes in ranges[1:]]
        first = work(inputs, ranges[0])
        return [first, *(future.result() for future in others)]
