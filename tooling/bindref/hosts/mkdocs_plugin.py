"""The MkDocs plugin: live preview that watches what bindref pages are made of.

``mkdocs serve`` watches ``docs/`` only. This plugin also watches the definitions,
the samples and the templates (packaged and project overrides), and with
``mkdocs serve --dirty`` drops exactly the built pages whose inputs changed, so a
save rebuilds one page, not the site; a save of bindref inputs alone does not even
rebuild the site around that page (:mod:`bindref.hosts.mkdocs_refresh`). During preview,
errors show as a box on the page and the server keeps running; ``mkdocs build`` fails,
with or without ``--strict`` (which stays off in ``mkdocs.yml`` because ``serve --dirty`` warns).
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from bindref.core.config import find_project_root, load_settings
from bindref.hosts.mkdocs_direct import KNOWN_PLUGINS, expand, restore
from bindref.hosts.mkdocs_macros import flush_caches, report_unshown_problems
from bindref.hosts.preview import TRACKER
from bindref.render.template_paths import PACKAGED_TEMPLATES


class BindrefPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]  # no options; MkDocs is untyped here
    """Registered as ``bindref`` in ``mkdocs.yml`` (``plugins: [bindref, macros]``)."""

    # What this build made, for a quick refresh of its pages after a save (hosts.mkdocs_refresh).
    _nav: Navigation
    _env: jinja2.Environment
    _files: Files

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember once per process whether this is a preview; MkDocs re-creates plugins per build."""
        TRACKER.serving = command == "serve"
        TRACKER.dirty = dirty

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Drop the built pages whose definitions, samples or templates changed."""
        TRACKER.errors = 0
        TRACKER.reported.clear()
        if TRACKER.serving and TRACKER.dirty:
            gc.unfreeze()  # the last whole build may be collected now (see mkdocs_pages.settle)
            for output in TRACKER.stale_outputs():
                output.unlink(missing_ok=True)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Keep the navigation, for a quick refresh of this build's pages (hosts.mkdocs_refresh)."""
        self._nav = nav
        return nav

    @event_priority(50)  # before mkdocs-macros, wherever mkdocs.yml lists it
    def _expand(self, markdown: str, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        """A page of bindref macro calls only, expanded without a template (hosts.mkdocs_direct)."""
        macros = config.plugins.get("macros")
        if macros is None or not set(config.plugins) <= KNOWN_PLUGINS:
            return markdown
        expanded = expand(markdown, page, macros)
        return markdown if expanded is None else expanded

    @event_priority(-50)  # after mkdocs-macros
    def _restore(self, markdown: str, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        restore(page)
        return markdown

    on_page_markdown = CombinedEvent(_expand, _restore)

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """In preview, keep the theme's compiled templates between rebuilds (MkDocs recompiles them)."""
        if TRACKER.serving:
            from bindref.hosts.mkdocs_pages import THEME_BYTECODE  # noqa: PLC0415  # a preview's only

            env.bytecode_cache = THEME_BYTECODE
        self._env, self._files = env, files
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
        if TRACKER.serving and TRACKER.dirty:
            from bindref.hosts import mkdocs_pages, mkdocs_refresh  # noqa: PLC0415  # a preview's only

            mkdocs_pages.settle(
                mkdocs_refresh.QUEUE, mkdocs_pages.LastBuild.of(config, self._files, self._nav, self._env)
            )

    def on_shutdown(self) -> None:
        """Stop building queued pages: the server removes its site folder next."""
        if TRACKER.serving:
            from bindref.hosts import mkdocs_refresh  # noqa: PLC0415  # a build never loads the preview

            mkdocs_refresh.QUEUE.drop()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Watch every folder a bindref page is made of, and refresh pages quickly after a save.

        Watching uses the system's file events where it has them (:mod:`bindref.hosts.mkdocs_watch`);
        with ``--dirty``, the server's builder becomes the quick refresh, which calls MkDocs'
        own builder whenever the quick path would not be exact.
        """
        from bindref.hosts import mkdocs_refresh, mkdocs_requests  # noqa: PLC0415  # see on_shutdown
        from bindref.hosts.mkdocs_watch import rewatch  # noqa: PLC0415

        project_dir = Path(config.config_file_path or ".").resolve().parent
        root = find_project_root(project_dir)
        settings = load_settings(root)
        # Each folder a page is made of, with the suffix of the files read there ('' for any).
        inputs = [(root / settings.definitions, ".py"), *((root / s, "") for s in settings.sample_roots())]
        inputs += [(root / settings.templates, ".j2"), (PACKAGED_TEMPLATES, ".j2")]
        refresh = None
        # A save of bindref inputs refreshes the pages built from them, where that can be exact;
        # another plugin may watch with MkDocs' own builder, which must stay the server's then.
        if TRACKER.dirty and set(config.plugins) <= KNOWN_PLUGINS:
            refresh = mkdocs_refresh.QuickRefresh(server.builder, config, inputs)
        if rewatch(server, refresh) and refresh is not None:
            server.builder = refresh  # every event is told to it first (see rewatch)
            mkdocs_requests.serve_fresh(server, mkdocs_refresh.QUEUE)
        for folder, _suffix in inputs:
            path = folder
            while not path.is_dir() and path != root:  # an override folder not created yet
                path = path.parent
            server.watch(str(path))
        return server
