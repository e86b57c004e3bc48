"""The on-demand queue: a thread builds what is queued, a caller that needs an item jumps the queue.

Builds are made to wait on events the test sets, so each order and each wait is forced, not
left to timing: what a request gets while the thread builds another item, while the queue is
paused, for an item that fails, and which items go first.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from bindref.core.on_demand import OnDemandQueue

WAIT = 10.0  # seconds any step may take before the test fails instead of hanging


@dataclass
class Builds:
    """What was built, by which thread, and the gates that hold chosen builds back."""

    order: list[str] = field(default_factory=list)
    threads: dict[str, str] = field(default_factory=dict)
    gates: dict[str, threading.Event] = field(default_factory=dict)
    started: dict[str, threading.Event] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    done: list[int] = field(default_factory=list)

    def build(self, context: str, item: str) -> None:
        self.started.setdefault(item, threading.Event()).set()
        gate = self.gates.get(item)
        if gate is not None:
            assert gate.wait(WAIT)
        if item.startswith("broken"):
            raise ValueError(item)
        if item.startswith("exit"):  # mkdocs-macros calls exit() on an error it does not know
            raise SystemExit(item)
        self.order.append(f"{context}:{item}")
        self.threads[item] = threading.current_thread().name

    def failed(self, item: str, error: Exception) -> None:
        self.failures.append(f"{item}: {error}")

    def finished(self, count: int, _seconds: float) -> None:
        self.done.append(count)

    def hold(self, item: str) -> threading.Event:
        self.started[item] = threading.Event()
        self.gates[item] = threading.Event()
        return self.gates[item]


@pytest.fixture
def builds() -> Builds:
    return Builds()


@pytest.fixture
def queue(builds: Builds) -> Iterator[OnDemandQueue[str, str]]:
    made = OnDemandQueue(builds.build, builds.failed, builds.finished, name="test-queue")
    yield made
    for gate in builds.gates.values():
        gate.set()
    made.drop()


def _until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        time.sleep(0.005)


def _finish(queue: OnDemandQueue[str, str]) -> list[str]:
    """Wait until the thread has built everything; what is left queued (nothing)."""
    worker = queue._worker
    if worker is not None:
        worker.join(WAIT)
        assert not worker.is_alive()
    return queue.pause()


def test_the_thread_builds_every_queued_item_once_with_the_context(
    queue: OnDemandQueue[str, str], builds: Builds
) -> None:
    queue.resume("build1", {"a": "a", "b": "b", "c": "c"})
    assert _finish(queue) == []
    assert sorted(builds.order) == ["build1:a", "build1:b", "build1:c"]
    assert set(builds.threads.values()) == {"test-queue"}
    assert builds.done == [3]


def test_a_caller_builds_a_queued_item_itself_and_the_thread_does_not(
    queue: OnDemandQueue[str, str], builds: Builds
) -> None:
    gate = builds.hold("a")  # the thread is held on its first item
    queue.resume("build1", {"a": "a", "b": "b"})
    assert builds.started["a"].wait(WAIT)
    asker = threading.Thread(target=queue.ensure, args=("b",), name="request")
    asker.start()
    _until(lambda: queue._wanted == 1)  # the caller waits for the item being built
    gate.set()  # the thread finishes a; the waiting caller goes before it takes b
    asker.join(WAIT)
    assert builds.threads == {"a": "test-queue", "b": "request"}
    assert _finish(queue) == []
    assert builds.order.count("build1:b") == 1


def test_a_caller_waits_while_the_queue_is_paused_then_gets_the_new_build(
    queue: OnDemandQueue[str, str], builds: Builds
) -> None:
    queue.resume("build1", {})
    assert queue.pause() == []
    asker = threading.Thread(target=queue.ensure, args=("a",), name="request")
    asker.start()
    asker.join(0.2)
    assert asker.is_alive()  # paused: the server's own build is at work
    builds.hold("a")  # the thread must not take it before the waiting request
    queue.resume("build2", {"a": "a"})
    builds.gates["a"].set()
    asker.join(WAIT)
    assert not asker.is_alive()
    assert builds.order == ["build2:a"]


def test_an_item_that_is_not_queued_is_served_at_once(queue: OnDemandQueue[str, str], builds: Builds) -> None:
    queue.resume("build1", {})
    queue.ensure("never-queued")
    assert builds.order == []


def test_items_asked_for_soon_go_first(queue: OnDemandQueue[str, str], builds: Builds) -> None:
    queue.opened("c")
    queue.opened("b")  # the latest first
    queue.resume("build1", {"a": "a", "b": "b", "c": "c"})
    _finish(queue)
    assert builds.order == ["build1:b", "build1:c", "build1:a"]


def test_a_failing_item_is_reported_and_the_others_are_built(
    queue: OnDemandQueue[str, str], builds: Builds
) -> None:
    queue.resume("build1", {"a": "a", "broken": "broken", "exit": "exit", "c": "c"})
    _finish(queue)
    assert builds.failures == ["broken: broken", "exit: exit"]
    assert sorted(builds.order) == ["build1:a", "build1:c"]


def test_pause_gives_back_what_is_left_and_drop_forgets_it(
    queue: OnDemandQueue[str, str], builds: Builds
) -> None:
    gate = builds.hold("a")
    queue.resume("build1", {"a": "a", "b": "b"})
    assert builds.started["a"].wait(WAIT)
    pausing = threading.Thread(target=lambda: builds.done.append(len(queue.pause())))
    pausing.start()
    pausing.join(0.2)
    assert pausing.is_alive()  # pause waits for the item being built
    gate.set()
    pausing.join(WAIT)
    assert builds.done == [1]  # b is still queued
    assert queue.drop() == ["b"]
    assert queue.last is None
    queue.resume("build2", {})
    queue.ensure("b")  # forgotten: nothing to build
    assert builds.order == ["build1:a"]


def test_a_caller_that_needs_the_item_being_built_waits_for_it(
    queue: OnDemandQueue[str, str], builds: Builds
) -> None:
    """Not served from the file being replaced: the caller returns once the build is done."""
    gate = builds.hold("a")
    queue.resume("build1", {"a": "a"})
    assert builds.started["a"].wait(WAIT)  # the thread took a off the queue and builds it
    asker = threading.Thread(target=queue.ensure, args=("a",), name="request")
    asker.start()
    asker.join(0.2)
    assert asker.is_alive()
    gate.set()
    asker.join(WAIT)
    assert not asker.is_alive()
    assert builds.order == ["build1:a"]
