"""Work shared out between processes as they go: each item done once, results in order."""

from __future__ import annotations

import pytest

from bindref.core import parallel
from bindref.core.parallel import Turns, fork_map, in_shards

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="shared turns need fork")


def test_each_turn_is_taken_by_exactly_one_process() -> None:
    turns = Turns()
    count = 500

    def take(_worker: int) -> list[int]:
        taken: list[int] = []
        while (number := turns.take()) < count:
            taken.append(number)
        return taken

    here, there = fork_map(take, [0, 1])
    assert sorted(here + there) == list(range(count))
    assert not set(here) & set(there)


@pytest.mark.parametrize(("count", "chunk"), [(200, 25), (237, 25), (250, 7), (300, 300)])
def test_chunks_taken_as_they_come_give_the_one_process_result(count: int, chunk: int) -> None:
    def work(inputs: list[int], indexes: range) -> list[int]:
        return [inputs[index] * 2 for index in indexes]

    inputs = list(range(count))
    shared = in_shards(work, inputs, count, workers=2, chunk=chunk)
    alone = in_shards(work, inputs, count, workers=1, chunk=chunk)
    assert [value for part in shared for value in part] == [value * 2 for value in inputs]
    assert [value for part in alone for value in part] == [value * 2 for value in inputs]
    assert len(shared) == -(-count // chunk)  # one result per chunk, in chunk order


@pytest.mark.parametrize("workers", [1, 2])
def test_first_is_done_once_in_this_process_and_changes_no_result(workers: int) -> None:
    done: list[int] = []  # a forked process's appends would not come back here

    def work(inputs: list[int], indexes: range) -> list[int]:
        return [inputs[index] + 1 for index in indexes]

    inputs = list(range(300))
    parts = in_shards(work, inputs, len(inputs), workers, first=lambda: done.append(len(done)))
    assert done == [0]
    assert [value for part in parts for value in part] == [value + 1 for value in inputs]
