"""Work built on demand: a thread builds the queued items, and a caller that needs one jumps the queue.

The preview's stale pages are such work (:mod:`bindref.hosts.mkdocs_pages`): after a save
the server is ready at once, a thread builds the pages the save made stale, those a
browser shows first, and a request for a page still queued builds that page before it is
served. So a template every page uses costs the page being read one page's time, and a
stale page is never served. One item is built at a time, never while the queue is paused
(the server's own build), and a request that arrives then waits for it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

_Context = TypeVar("_Context")
_Item = TypeVar("_Item")
_OPEN = 20  # keys named as asked for soon that are remembered


class OnDemandQueue(Generic[_Context, _Item]):
    """Items to build, by a thread or by the caller that needs one; see the module.

    ``build(context, item)`` builds one, ``failed(item, error)`` is told when that raised (the
    queue goes on), and ``done(count, seconds)`` when the queue has run dry.
    """

    def __init__(
        self,
        build: Callable[[_Context, _Item], None],
        failed: Callable[[_Item, BaseException], None],
        done: Callable[[int, float], None],
        name: str,
    ) -> None:
        self.last: _Context | None = None  # what items are built with
        self._build_one, self._failed, self._done, self._name = build, failed, done, name
        self._pending: dict[str, _Item] = {}  # key -> item
        self._open: dict[str, None] = {}  # keys asked for soon, latest last
        self._cond = threading.Condition()
        self._building: str | None = None  # the key of the item being built: its caller waits for it
        self._paused = True  # the server's build loop is at work: no page may be built or served
        self._wanted = 0  # requests waiting for a page
        self._worker: threading.Thread | None = None
        self._built = 0
        self._started = 0.0
        self.generation = 0  # how many times the queue was paused: a caller's check that it still holds

    def pause(self) -> list[str]:
        """Wait for the page being built, stop building and serving; what is still queued."""
        with self._cond:
            self._paused = True
            self.generation += 1
            self._cond.notify_all()
            self._cond.wait_for(lambda: self._building is None)
        if self._worker is not None:
            self._worker.join()
            self._worker = None
        self._log_done()
        return list(self._pending)

    def drop(self) -> list[str]:
        """Pause and forget the queue and the build (a whole rebuild makes both again)."""
        outputs = self.pause()
        with self._cond:
            self._pending.clear()
            self.last = None
            self._built = 0
        return outputs

    def resume(self, last: _Context | None = None, pages: dict[str, _Item] | None = None) -> None:
        """Queue ``pages`` (with those still queued) for ``last``, and build and serve from now on."""
        with self._cond:
            self.last = last or self.last
            self._pending.update(pages or {})
            if self._pending and not self._built:
                self._started = time.perf_counter()
            self._paused = False
            self._cond.notify_all()
        if self._pending and self.last is not None:
            self._worker = threading.Thread(target=self._work, name=self._name, daemon=True)
            self._worker.start()

    def needs(self, output: str) -> bool:
        """Whether ``output`` is queued or being built: its file is not yet the one to serve."""
        return output in self._pending or output == self._building

    def opened(self, output: str) -> None:
        """``output`` will be asked for soon (a browser shows it): build it first when it is queued."""
        with self._cond:
            self._open.pop(output, None)
            self._open[output] = None
            while len(self._open) > _OPEN:
                self._open.pop(next(iter(self._open)))

    def ensure(self, output: str) -> None:
        """Before ``output`` is served (in a request's thread): build it now if it is queued.

        While the server's build loop is at work, wait for it: a page it queues must not be
        served from the file it is about to replace.
        """
        if not self._paused and not self.needs(output):  # the common case, without the lock
            return
        with self._cond:
            self._wanted += 1
            try:
                self._cond.wait_for(
                    lambda: (
                        not self._paused
                        and output != self._building
                        and (output not in self._pending or self._building is None)
                    )
                )
                page = self._take(output) if output in self._pending else None
            finally:
                self._wanted -= 1
                self._cond.notify_all()
        self._build(page)

    def _work(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._paused or (self._building is None and not self._wanted))
                if self._paused or not self._pending:
                    break
                first = next((o for o in reversed(self._open) if o in self._pending), None)
                page = self._take(first or next(iter(self._pending)))
            self._build(page)
        self._log_done()

    def _take(self, output: str) -> _Item:
        """The page of queued ``output``, now being built (the condition is held)."""
        self._building = output
        return self._pending.pop(output)

    def _build(self, page: _Item | None) -> None:
        if page is None:
            return
        try:
            if self.last is None:  # pragma: no cover  # items are queued with their context
                raise LookupError("nothing to build the item with")
            self._build_one(self.last, page)
            self._built += 1
        except BaseException as error:  # the item's own error, even an exit() in user code: not fatal
            self._failed(page, error)
            if isinstance(error, KeyboardInterrupt):
                raise
        finally:
            with self._cond:
                self._building = None
                self._cond.notify_all()

    def _log_done(self) -> None:
        with self._cond:
            if not self._built or self._pending:
                return
            seconds, self._built, built = time.perf_counter() - self._started, 0, self._built
        self._done(built, seconds)
