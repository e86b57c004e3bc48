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
CHUNK = 25  # items a process takes at a time: small enough to even out, large enough to cost nothing


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


class Turns:
    """The numbers 0, 1, 2, ... handed out once each across the processes forked after it is made.

    Made before a :func:`fork_map`, it lets those processes share out a list as they go: each
    takes the next number not taken yet and does that item, so they finish together.
    """

    def __init__(self) -> None:
        self._next = multiprocessing.get_context("fork").Value("i", 0)  # in memory shared on fork

    def take(self) -> int:
        """The next number nobody has taken."""
        with self._next.get_lock():
            taken = int(self._next.value)
            self._next.value = taken + 1
        return taken


def in_shards(
    work: Callable[[_In, range], _Out],
    inputs: _In,
    count: int,
    workers: int,
    *,
    chunk: int = CHUNK,
    first: Callable[[], object] | None = None,
) -> list[_Out]:
    """``work(inputs, indexes)`` over ``range(count)``, in order: one part, or chunks shared out.

    With more than one worker (at most ``workers``, each with at least :data:`MIN_PER_WORKER`
    items), the items are cut into chunks of ``chunk`` and each process takes the next chunk
    not yet taken until none is left, so they all finish together: halves fixed in advance
    ended up to 0.45 s apart, the machine's speed and the files' sizes being what they are.
    The results come back in chunk order, so the outcome is the one a single process gives.

    ``first`` is other work for this process, done before it takes its chunks: the forked
    ones take more of them meanwhile, so it costs half its time, and what it leaves in
    memory (parsed files, compiled templates) is this process's, and that of every process
    it forks later. In one process it is simply done first.
    """
    workers = max(1, min(workers, count // MIN_PER_WORKER))
    if workers == 1 or not can_fork():
        if first is not None:
            first()
        return [work(inputs, range(count))]
    chunks = chunked(count, chunk)
    turns = Turns()

    def take_chunks(worker: int) -> dict[int, _Out]:
        if worker == 0 and first is not None:  # worker 0 is this process (see fork_map)
            first()
        return take_turns(turns, chunks, lambda indexes: work(inputs, indexes))

    finished = {
        index: result for part in fork_map(take_chunks, range(workers)) for index, result in part.items()
    }
    return [finished[index] for index in range(len(chunks))]


def chunked(count: int, size: int) -> list[range]:
    """``range(count)`` cut into ranges of ``size`` (the last one shorter)."""
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def take_turns(turns: Turns, chunks: Sequence[range], work: Callable[[range], _Out]) -> dict[int, _Out]:
    """``work`` of each chunk that no other process has taken, by chunk number, until none is left."""
    done: dict[int, _Out] = {}
    while (index := turns.take()) < len(chunks):
        done[index] = work(chunks[index])
    return done
