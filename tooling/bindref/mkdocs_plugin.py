"""The MkDocs plugin: live preview that watches what bindref pages are made of.

``mkdocs serve`` watches ``docs/`` only. This plugin also watches the definitions,
the samples and the templates (packaged and project overrides), and with
``mkdocs serve --dirty`` drops exactly the built pages whose inputs changed, so a
save rebuilds one page, not the site. During preview, errors show as a box on the
page and the server keeps running; ``mkdocs build`` fails, with or without
``--strict`` (which stays off in ``mkdocs.yml`` because ``serve --dirty`` warns).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin

from bindref.config import find_project_root, load_settings
from bindref.preview import TRACKER
from bindref.render import PACKAGED_TEMPLATES


class BindrefPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]  # no options; MkDocs is untyped here
    """Registered as ``bindref`` in ``mkdocs.yml`` (``plugins: [bindref, macros]``)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember once per process whether this is a preview; MkDocs re-creates plugins per build."""
        TRACKER.serving = command == "serve"
        TRACKER.dirty = dirty

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Drop the built pages whose definitions, samples or templates changed."""
        TRACKER.errors = 0
        if TRACKER.serving and TRACKER.dirty:
            for output in TRACKER.stale_outputs():
                output.unlink(missing_ok=True)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """A build with bindref errors fails, strict or not; a preview shows them and goes on."""
        if TRACKER.errors and not TRACKER.serving:
            raise Abort(f"Aborted: {TRACKER.errors} bindref error(s), listed above with their file and line")

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Watch every folder a bindref page is made of."""
        root = find_project_root(Path(config.config_file_path or ".").resolve().parent)
        settings = load_settings(root)
        for folder in (settings.definitions, settings.samples, settings.templates):
            path = root / folder
            while not path.is_dir() and path != root:  # an override folder not created yet
                path = path.parent
            server.watch(str(path))
        server.watch(str(PACKAGED_TEMPLATES))
        return server
