"""Preview: the pages a save made stale, built again with the last whole build's objects.

:class:`bindref.hosts.mkdocs_refresh.QuickRefresh` queues the stale pages on an
:class:`bindref.core.on_demand.OnDemandQueue`; this module builds one page through MkDocs'
own two page steps (read and convert, then place in the theme and write) with the
configuration, navigation and theme of the last whole build (:mod:`bindref.hosts.mkdocs_requests`
puts the queue in front of the server's requests).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from bindref.core.on_demand import OnDemandQueue

try:  # MkDocs' two page steps; private, so an MkDocs without them gets its own rebuild
    from mkdocs.commands.build import _build_page, _populate_page

    PAGE_STEPS: tuple[Callable[..., None], Callable[..., None]] | None = (_populate_page, _build_page)
except ImportError:  # pragma: no cover  # MkDocs 1.6 has both
    PAGE_STEPS = None

log = logging.getLogger("mkdocs.plugins.bindref")


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of the preview server."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


THEME_BYTECODE = _MemoryBytecodeCache()


@dataclass(frozen=True)
class LastBuild:
    """What the last whole build made, to build some of its pages again."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Any  # the theme's jinja2 environment
    # Each search plugin's list of entries and its length: a page built again adds its entry
    # anew, which is cut off (the index was written by the whole build and is not again).
    search: tuple[tuple[list[Any], int], ...] = ()

    @classmethod
    def of(cls, config: MkDocsConfig, files: Files, nav: Navigation, env: Any) -> LastBuild:
        """The build, with where its search plugins keep their entries (MkDocs' and Material's)."""
        lists = [
            getattr(getattr(plugin, "search_index", None), name, None)
            for plugin in config.plugins.values()
            for name in ("_entries", "entries")
        ]
        return cls(
            config,
            files,
            nav,
            env,
            tuple((entries, len(entries)) for entries in lists if isinstance(entries, list)),
        )

    @functools.cached_property
    def doc_files(self) -> Any:
        """The pages a build in serve mode builds, listed once for every page built again."""
        return self.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)

    def pages_by_output(self) -> dict[str, Any]:
        """The build's pages by the file each is written to (normalized)."""
        return {output_key(f.abs_dest_path): f.page for f in self.files.documentation_pages()}


def output_key(path: str | os.PathLike[str]) -> str:
    """A built file's path as the queue and the server's requests both spell it."""
    return os.path.normcase(os.path.normpath(path))


def build_page(last: LastBuild, page: Any) -> None:
    """Read, convert, place in the theme and write ``page``, as the last build did."""
    if PAGE_STEPS is None:  # pragma: no cover  # the refresh falls back to MkDocs' rebuild first
        raise LookupError("this MkDocs has no page steps")
    populate, build = PAGE_STEPS
    config, files = last.config, last.files
    populate(page, config, files)
    build(page, config, last.doc_files, last.nav, last.env, excluded=page.file.inclusion.is_excluded())
    page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    for entries, count in last.search:
        del entries[count:]
    FAILED.discard(output_key(page.file.abs_dest_path))


FAILED: set[str] = set()  # outputs of pages that failed to build again: queued on the next save


def page_queue() -> OnDemandQueue[LastBuild, Any]:
    """The queue of stale pages: built with the last build, a page that fails loses its file."""
    return OnDemandQueue(build_page, _failed, _done, name="bindref-refresh")


def _failed(page: Any, error: BaseException) -> None:
    """Never served stale: without its file the page is a 404 until the next save builds it."""
    log.error("bindref: %s could not be built again; save to retry", page.file.src_uri, exc_info=error)
    FAILED.add(output_key(page.file.abs_dest_path))
    with contextlib.suppress(OSError):
        os.unlink(page.file.abs_dest_path)


def _done(count: int, seconds: float) -> None:
    log.info("bindref: refreshed %d page(s) built from the changed files in %.2f s", count, seconds)


def settle(queue: OnDemandQueue[LastBuild, Any], last: LastBuild) -> None:
    """Keep a whole build for the queue, its objects out of the garbage collector's walks.

    A collection during a refresh walked a 1000-page site's millions of objects (0.2 s became
    1 s); the next whole build unfreezes them, so that the replaced build is collected.
    """
    queue.resume(last)
    gc.freeze()
