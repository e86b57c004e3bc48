"""Preview: a save that changes only bindref inputs re-renders only the pages built from them.

MkDocs' own rebuild, even ``serve --dirty``, first reloads ``mkdocs.yml``, lists the
theme's files, makes the navigation again and writes 404, sitemap and search index: at a
thousand pages that is about half a second before one page is rendered. When every file
changed since the last build is a definition, sample or template that some page was built
from (the preview tracker knows them all), the pages to rebuild are known exactly, and
nothing else of the site can change: the configuration, the files, the navigation and
the other pages are those of the last build. So those pages go through MkDocs' own two
page steps again (read and convert, then place in the theme and write), with the last
build's configuration, navigation and theme environment, and nothing more.

Everything else gets MkDocs' rebuild: a page, ``mkdocs.yml`` or any other watched file
changed, a new file (a new definition adds a binding to overview pages that never read it),
a site with a plugin this module does not know (its page hooks might expect a whole build),
an MkDocs without the two page steps, and any failure of the quick path. The search index
keeps the last rebuild's text of a refreshed page until the next rebuild.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from bindref.hosts.mkdocs_macros import project_for, report_unshown_problems
from bindref.hosts.preview import TRACKER

try:  # MkDocs' two page steps; private, so an MkDocs without them gets its own rebuild
    from mkdocs.commands.build import _build_page, _populate_page

    PAGE_STEPS: tuple[Callable[..., None], Callable[..., None]] | None = (_populate_page, _build_page)
except ImportError:  # pragma: no cover  # MkDocs 1.6 has both
    PAGE_STEPS = None

log = logging.getLogger("mkdocs.plugins.bindref")

# Plugins whose page hooks are known to be right when one page is built again on its own.
KNOWN_PLUGINS = frozenset({"bindref", "macros", "search", "material/search"})


@dataclass(frozen=True)
class LastBuild:
    """What the last whole build made, to build some of its pages again."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Any  # the theme's jinja2 environment


LAST_BUILD: LastBuild | None = None  # set by the plugin after each whole preview build


class QuickRefresh:
    """The server's builder: the quick path when it is exact, MkDocs' rebuild otherwise."""

    def __init__(
        self, rebuild: Callable[[], None], project_dir: Path, bindref_folders: Iterable[Path]
    ) -> None:
        self.rebuild = rebuild
        self.project_dir = project_dir
        self.folders = [folder.resolve() for folder in bindref_folders]
        self._changed: set[Path] = set()
        self._lock = threading.Lock()

    def record(self, *paths: str | bytes) -> None:
        """Note the paths an event names (called from the watcher's thread)."""
        with self._lock:
            self._changed.update(Path(os.fsdecode(path)).resolve() for path in paths if path)

    def __call__(self) -> None:
        """Build after a change: the pages it touched if that is exact, else the whole site."""
        global LAST_BUILD  # noqa: PLW0603  # one server per process; set by each whole build
        with self._lock:
            changed, self._changed = self._changed, set()
        last, LAST_BUILD = LAST_BUILD, None  # a whole build sets it again; a failed one leaves none
        if last is None or not self._quick_is_exact(last, changed):
            self.rebuild()
            return
        stale = TRACKER.stale_outputs()  # forgets them: from here on they are built or dropped
        by_output = {Path(f.abs_dest_path): f.page for f in last.files.documentation_pages()}
        started = time.perf_counter()
        try:
            if not stale <= by_output.keys():  # recorded by an earlier build: only a rebuild knows it
                raise LookupError("a stale page is not a page of the last build")
            refresh_pages(last, [by_output[output] for output in sorted(stale)], self.project_dir)
        except Exception:  # a page step failed: the rebuild (of the dropped pages) says what
            log.warning("bindref: the quick refresh failed; rebuilding", exc_info=True)
            for output in stale:  # as the plugin's on_pre_build would have: built again, not served stale
                output.unlink(missing_ok=True)
            self.rebuild()
            return
        LAST_BUILD = last
        seconds = time.perf_counter() - started
        log.info("bindref: refreshed %d page(s) built from the changed files in %.2f s", len(stale), seconds)

    def _quick_is_exact(self, last: LastBuild, changed: set[Path]) -> bool:
        """Whether every change is a bindref input some page was built from (see the module)."""
        if PAGE_STEPS is None or not changed or not set(last.config.plugins) <= KNOWN_PLUGINS:
            return False
        known = set(TRACKER.seen)
        for path in changed:
            if path in known:
                continue
            inside = any(path.is_relative_to(folder) for folder in self.folders)
            if not inside or path.exists():  # another watched file, or a file no page has read yet
                return False
            # gone and never read: an editor's temporary file, or a file no page used
        return True


def refresh_pages(last: LastBuild, pages: list[Any], project_dir: Path) -> None:
    """Build ``pages`` again as the last build did, and write them; nothing else is touched."""
    if PAGE_STEPS is None:  # pragma: no cover  # checked by the caller
        raise LookupError("this MkDocs has no page steps")
    populate, build = PAGE_STEPS
    TRACKER.errors = 0
    TRACKER.reported.clear()
    project_for(project_dir)  # the project reloads what changed, as define_env does per build
    config, files = last.config, last.files
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    for page in pages:
        populate(page, config, files)
    for page in pages:
        build(page, config, doc_files, last.nav, last.env, excluded=page.file.inclusion.is_excluded())
        page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    report_unshown_problems(project_dir)
