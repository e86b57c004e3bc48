"""Preview: a save that changes only bindref inputs rebuilds only the pages built from them.

MkDocs' own rebuild, even ``serve --dirty``, first reloads ``mkdocs.yml``, lists the
theme's files, makes the navigation again and writes 404, sitemap and search index: at a
thousand pages that is about half a second before one page is rendered. When every file
changed since the last build is a definition, sample or template that some page was built
from (the preview tracker knows them all), the pages to rebuild are known exactly, and
nothing else of the site can change: the configuration, the files, the navigation and the
other pages are those of the last build. So those pages alone are built again, by the
queue of :mod:`bindref.hosts.mkdocs_pages` (the ones asked for first).

Everything else gets MkDocs' rebuild: a page, ``mkdocs.yml`` or another watched file changed,
a new file (a new definition adds a binding to overview pages), a plugin this module does not
know (its page hooks might expect a whole build), an MkDocs without the two page steps. The
search index keeps a refreshed page's old text until the next rebuild.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from bindref.hosts.mkdocs_direct import KNOWN_PLUGINS
from bindref.hosts.mkdocs_macros import project_for, report_unshown_problems
from bindref.hosts.mkdocs_pages import FAILED, PAGE_STEPS, LastBuild, output_key, page_queue
from bindref.hosts.preview import TRACKER

QUEUE = page_queue()  # one server per process


class QuickRefresh:
    """The server's builder: the stale pages queued when that is exact, MkDocs' rebuild otherwise."""

    def __init__(
        self, rebuild: Callable[[], None], config: MkDocsConfig, inputs: Iterable[tuple[Path, str]]
    ) -> None:
        """``inputs``: bindref's folders, each with the suffix of the files it reads ('' for any)."""
        self.rebuild = rebuild
        self.config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
        self.project_dir = self.config_file.parent
        self.docs = Path(config.docs_dir).resolve()
        self.inputs = [(folder.resolve(), suffix) for folder, suffix in inputs]
        self._changed: set[Path] = set()
        self._lock = threading.Lock()

    def record(self, *paths: str | bytes) -> None:
        """Note the paths an event names (called from the watcher's thread)."""
        with self._lock:
            self._changed.update(Path(os.fsdecode(path)).resolve() for path in paths if path)

    def __call__(self) -> None:
        """Build after a change: queue the pages it touched if that is exact, else rebuild the site."""
        with self._lock:
            changed, self._changed = self._changed, set()
        queued = QUEUE.pause()  # the page being built is finished; no other starts until resume
        last = QUEUE.last
        if not changed and last is not None:  # an event already taken in by the build before
            QUEUE.resume()
            return
        if last is None or not self._quick_is_exact(last, changed):
            self._rebuild_site(queued)
            return
        stale: set[str] = set()
        try:
            stale = {output_key(output) for output in TRACKER.stale_outputs()}  # forgets them
            stale |= FAILED
            pages = last.pages_by_output()
            if not stale <= pages.keys():  # recorded by an earlier build: only a rebuild knows it
                raise LookupError("a stale page is not a page of the last build")
            TRACKER.errors = 0
            TRACKER.reported.clear()
            project_for(self.project_dir)  # the project reloads what changed, as define_env does
            report_unshown_problems(self.project_dir)
        except Exception:  # the rebuild reports what failed, and builds what was stale
            self._rebuild_site([*queued, *stale])
            return
        QUEUE.resume(last, {output: pages[output] for output in sorted(stale)})

    def _rebuild_site(self, outputs: Iterable[str]) -> None:
        """MkDocs' rebuild, after dropping the queued pages so that it builds them (not serves them)."""
        QUEUE.drop()
        for output in outputs:  # as the plugin's on_pre_build does for stale pages
            with contextlib.suppress(OSError):
                os.unlink(output)
        try:
            self.rebuild()
        finally:
            QUEUE.resume()  # serve again, whether the build worked or not

    def _quick_is_exact(self, last: LastBuild, changed: set[Path]) -> bool:
        """Whether every change is a bindref input some page was built from (see the module)."""
        if PAGE_STEPS is None or not set(last.config.plugins) <= KNOWN_PLUGINS:
            return False
        known = set(TRACKER.seen)
        for path in changed:
            if path == self.config_file or self._mkdocs_file(last, path):
                return False  # MkDocs' own input, even if a page read it too
            if path in known:
                continue
            folders = [(folder, suffix) for folder, suffix in self.inputs if path.is_relative_to(folder)]
            if not folders:
                return False  # another watched file
            if path.exists() and any(_readable(path, folder, suffix) for folder, suffix in folders):
                return False  # a file bindref would read and no page has read yet
            # gone and never read, or a file bindref never reads (an editor's swap file)
        return True

    def _mkdocs_file(self, last: LastBuild, path: Path) -> bool:
        """Whether ``path`` is a page or an asset of the site (there now, or when last built)."""
        if not path.is_relative_to(self.docs):
            return False
        found = last.files.get_file_from_path(path.relative_to(self.docs).as_posix())
        return found is not None and not found.inclusion.is_excluded()  # type: ignore[no-untyped-call]


def _readable(path: Path, folder: Path, suffix: str) -> bool:
    """Whether a stage reads ``path`` from ``folder``: no hidden part, no backup, the right suffix."""
    parts = path.relative_to(folder).parts
    return (
        not any(part.startswith(".") for part in parts)
        and not path.name.endswith("~")
        and (path.name.endswith(suffix))
    )
