"""The MkDocs plugin: live preview that watches what bindref pages are made of.

``mkdocs serve`` watches ``docs/`` only. This plugin also watches the definitions,
the samples and the templates (packaged and project overrides), and with
``mkdocs serve --dirty`` drops exactly the built pages whose inputs changed, so a
save rebuilds one page, not the site. During preview, errors show as a box on the
page and the server keeps running; ``mkdocs build`` fails, with or without
``--strict`` (which stays off in ``mkdocs.yml`` because ``serve --dirty`` warns).
"""

from __future__ import annotations

import functools
import inspect
import os
from pathlib import Path
from typing import Any

import jinja2
import watchdog.events
import watchdog.observers
import watchdog.observers.polling
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin

from bindref.core.config import find_project_root, load_settings
from bindref.hosts.mkdocs_macros import flush_caches, report_unshown_problems
from bindref.hosts.preview import TRACKER
from bindref.render.template_set import PACKAGED_TEMPLATES


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of the preview server."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_THEME_BYTECODE = _MemoryBytecodeCache()
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
_POLL_ENV = "BINDREF_PREVIEW_POLL"  # set: poll as MkDocs does (a network drive without file events)


class BindrefPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]  # no options; MkDocs is untyped here
    """Registered as ``bindref`` in ``mkdocs.yml`` (``plugins: [bindref, macros]``)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember once per process whether this is a preview; MkDocs re-creates plugins per build."""
        TRACKER.serving = command == "serve"
        TRACKER.dirty = dirty

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Drop the built pages whose definitions, samples or templates changed."""
        TRACKER.errors = 0
        TRACKER.reported.clear()
        if TRACKER.serving and TRACKER.dirty:
            for output in TRACKER.stale_outputs():
                output.unlink(missing_ok=True)

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Any) -> jinja2.Environment:
        """In preview, keep the theme's compiled templates between rebuilds (MkDocs recompiles them)."""
        if TRACKER.serving:
            env.bytecode_cache = _THEME_BYTECODE
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """A build with bindref errors fails, strict or not; a preview shows them and goes on.

        An extension whose definitions fail to load fails the build even when no page shows it.
        """
        report_unshown_problems(Path(config.config_file_path or ".").resolve().parent)
        if not (TRACKER.serving and TRACKER.cached):  # a preview saves once: a save must not wait for it
            flush_caches()
            TRACKER.cached = True
        if TRACKER.errors and not TRACKER.serving:
            raise Abort(f"Aborted: {TRACKER.errors} bindref error(s), listed above with their file and line")

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Watch every folder a bindref page is made of, with the system's file events if it has them.

        MkDocs polls every 0.5 s. Polling thousands of sample files that often holds the GIL the
        rebuild needs (a poll of 7000 files takes ~0.1 s), so a save waited for the watcher twice:
        to be seen, then to be built. Native events (inotify, FSEvents, ReadDirectoryChangesW) cost
        nothing between saves; where there are none, the polling is made faster instead.
        """
        if not _use_native_events(server):
            observer = getattr(server, "observer", None)
            if observer is not None and hasattr(observer, "_timeout"):
                observer._timeout = _POLL_SECONDS  # watchdog has no public setter; later watches use it
        root = find_project_root(Path(config.config_file_path or ".").resolve().parent)
        settings = load_settings(root)
        for folder in (settings.definitions, *settings.sample_roots(), settings.templates):
            path = root / folder
            while not path.is_dir() and path != root:  # an override folder not created yet
                path = path.parent
            server.watch(str(path))
        server.watch(str(PACKAGED_TEMPLATES))
        return server


def _use_native_events(server: Any) -> bool:
    """Move the server's watches to watchdog's native observer; False where it only polls.

    Only before the server starts (``on_serve``): the watches made so far (docs, mkdocs.yml)
    are unwatched on the polling observer and watched again on the native one.
    """
    watched = getattr(server, "_watched_paths", None)
    if not isinstance(watched, dict) or not hasattr(server, "observer") or not hasattr(server, "unwatch"):
        return False
    native = watchdog.observers.Observer()
    if (
        isinstance(native, watchdog.observers.polling.PollingObserver)
        or "event_filter" not in inspect.signature(native.schedule).parameters  # watchdog < 4
        or os.environ.get(_POLL_ENV)
    ):
        return False
    # Native observers also report a file opened or closed unwritten, and MkDocs rebuilds on any
    # event: unfiltered, a 1000-page server was seen rebuilding for ever. Changes only, as polled.
    native.schedule = functools.partial(native.schedule, event_filter=_CHANGES)  # type: ignore[method-assign]
    paths = [path for path, count in watched.items() for _ in range(count)]
    for path in paths:
        server.unwatch(path)
    server.observer = native
    for path in paths:
        server.watch(path)
    return True
