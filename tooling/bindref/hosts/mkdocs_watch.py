"""Preview watching: native file events where the system has them, each told to the quick refresh.

MkDocs polls every 0.5 s. Polling thousands of sample files that often holds the GIL the
rebuild needs (a poll of 7000 files takes ~0.1 s), so a save waited for the watcher twice:
to be seen, then to be built. Native events (inotify, FSEvents, ReadDirectoryChangesW) cost
nothing between saves; where there are none, the polling is made faster instead. Every
event is also noted for :class:`bindref.hosts.mkdocs_refresh.QuickRefresh`, which needs
to know which files changed, where MkDocs only asks whether one did.
"""

from __future__ import annotations

import functools
import inspect
import os
from typing import Any

import watchdog.events
import watchdog.observers
import watchdog.observers.polling

from bindref.hosts.mkdocs_refresh import QuickRefresh

_POLL_SECONDS = 0.1
_CHANGES: list[type[watchdog.events.FileSystemEvent]] = [
    watchdog.events.FileCreatedEvent,
    watchdog.events.FileModifiedEvent,
    watchdog.events.FileAttribEvent,  # touch
    watchdog.events.FileClosedEvent,  # closed after a write
    watchdog.events.FileDeletedEvent,
    watchdog.events.FileMovedEvent,  # an editor's save by rename
    watchdog.events.DirCreatedEvent,
    watchdog.events.DirDeletedEvent,
    watchdog.events.DirMovedEvent,
]
# MkDocs waits 0.1 s after an event for more of the same save; native events of one save (a
# write, or an editor's write and rename) arrive within milliseconds of each other.
_NATIVE_DELAY = 0.05
_POLL_ENV = "BINDREF_PREVIEW_POLL"  # set: poll as MkDocs does (a network drive without file events)


def rewatch(server: Any, refresh: QuickRefresh | None) -> bool:
    """Watch with native events where there are some (else poll faster), each event told to ``refresh``.

    Only before the server starts (``on_serve``): the watches made so far (docs, mkdocs.yml)
    are unwatched and watched again through the new ``schedule``, and so are later ones.
    False when this server cannot be rewatched: its observer then only polls faster.
    """
    observer = _native_observer() or getattr(server, "observer", None)
    if observer is not None and not _native(observer) and hasattr(observer, "_timeout"):
        observer._timeout = _POLL_SECONDS  # watchdog has no public setter; later watches use it
    watched = getattr(server, "_watched_paths", None)
    if observer is None or not isinstance(watched, dict) or not hasattr(server, "unwatch"):
        return False
    schedule = observer.schedule

    def scheduled(handler: Any, path: str, **options: Any) -> Any:
        if refresh is not None:
            handler = RecordingHandler(handler, refresh)
        if os.path.isfile(path):  # a native watch of a file ends when a save replaces it: watch its folder
            handler, options = _OneFile(handler, path), {**options, "recursive": False}
            path = os.path.dirname(path) or "."
        return schedule(handler, path, **options)

    observer.schedule = scheduled
    if _native(observer) and hasattr(server, "build_delay"):
        server.build_delay = _NATIVE_DELAY
    paths = [path for path, count in watched.items() for _ in range(count)]
    for path in paths:
        server.unwatch(path)
    server.observer = observer
    for path in paths:
        server.watch(path)
    return True


def _native(observer: Any) -> bool:
    return not isinstance(observer, watchdog.observers.polling.PollingObserver)


def _native_observer() -> Any:
    """Watchdog's native observer, changes only; None where it only polls or polling is asked for."""
    native = watchdog.observers.Observer()
    if (
        not _native(native)
        or "event_filter" not in inspect.signature(native.schedule).parameters  # watchdog < 4
        or os.environ.get(_POLL_ENV)
    ):
        return None
    # Native observers also report a file opened or closed unwritten, and MkDocs rebuilds on any
    # event: unfiltered, a 1000-page server was seen rebuilding for ever. Changes only, as polled.
    native.schedule = functools.partial(native.schedule, event_filter=_CHANGES)  # type: ignore[method-assign]
    return native


class RecordingHandler(watchdog.events.FileSystemEventHandler):
    """A watch handler that tells the quick refresh what changed, then does what it did."""

    def __init__(self, inner: watchdog.events.FileSystemEventHandler, refresh: QuickRefresh) -> None:
        self.inner = inner
        self.refresh = refresh

    def dispatch(self, event: watchdog.events.FileSystemEvent) -> None:
        """Record a file's event (MkDocs ignores folders'), then hand it to MkDocs' handler."""
        if not event.is_directory:
            self.refresh.record(event.src_path, getattr(event, "dest_path", ""))
        self.inner.dispatch(event)


class _OneFile(watchdog.events.FileSystemEventHandler):
    """The events of one file, from a watch of its folder."""

    def __init__(self, inner: watchdog.events.FileSystemEventHandler, path: str) -> None:
        self.inner = inner
        self.path = os.path.abspath(path)

    def dispatch(self, event: watchdog.events.FileSystemEvent) -> None:
        """Hand on the events that name the file (as written, or as the name a rename gave)."""
        named = (event.src_path, getattr(event, "dest_path", ""))
        if self.path in (os.path.abspath(os.fsdecode(name)) for name in named if name):
            self.inner.dispatch(event)
