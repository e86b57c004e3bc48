"""Preview: the pages a save made stale, built again with the last whole build's objects.

:class:`bindref.hosts.mkdocs_refresh.QuickRefresh` queues the stale pages on an
:class:`bindref.core.on_demand.OnDemandQueue`; this module builds one page through MkDocs'
own two page steps (read and convert, then place in the theme and write) with the
configuration, navigation and theme of the last whole build, and puts the queue in front of
the server: a request for a queued page builds it before it is served, and a browser's
live-reload requests name the pages it shows, which are built first.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

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


@dataclass(frozen=True)
class LastBuild:
    """What the last whole build made, to build some of its pages again."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Any  # the theme's jinja2 environment

    def pages_by_output(self) -> dict[str, Any]:
        """The build's pages by the file each is written to (normalized)."""
        return {os.path.normpath(f.abs_dest_path): f.page for f in self.files.documentation_pages()}


def build_page(last: LastBuild, page: Any) -> None:
    """Read, convert, place in the theme and write ``page``, as the last build did."""
    if PAGE_STEPS is None:  # pragma: no cover  # the refresh falls back to MkDocs' rebuild first
        raise LookupError("this MkDocs has no page steps")
    populate, build = PAGE_STEPS
    config, files = last.config, last.files
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    populate(page, config, files)
    build(page, config, doc_files, last.nav, last.env, excluded=page.file.inclusion.is_excluded())
    page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)


def page_queue() -> OnDemandQueue[LastBuild, Any]:
    """The queue of stale pages: built with the last build, a page that fails loses its file."""
    return OnDemandQueue(build_page, _failed, _done, name="bindref-refresh")


def _failed(page: Any, error: Exception) -> None:
    """Never served stale: without its file the page is a 404 until the next save."""
    log.error("bindref: %s could not be built again; save to retry", page.file.src_uri, exc_info=error)
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


def serve_fresh(server: Any, queue: OnDemandQueue[LastBuild, Any]) -> None:
    """Put ``queue`` in front of the server's pages: a queued page is built before it is served."""
    serve = server.serve_request
    mount = getattr(server, "mount_path", "/")

    def output_of(path: str) -> str | None:
        if not (path + "/").startswith(mount):
            return None
        relative = path[len(mount) :] + ("index.html" if path.endswith("/") else "")
        return os.path.normpath(os.path.join(server.root, posixpath.normpath("/" + relative).lstrip("/")))

    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "ignore")
        if path.startswith("/livereload/"):
            shown = output_of(urlsplit(environ.get("HTTP_REFERER", "")).path or "")
            if shown:
                queue.opened(shown)
        else:
            output = output_of(path)
            if output:
                queue.ensure(output)
        result: Iterable[bytes] = serve(environ, start_response)
        return result

    server.set_app(app)
