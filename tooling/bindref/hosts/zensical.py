"""The Zensical host: what the macros pluglet does differently when Zensical runs it.

Zensical (0.0.73) reads ``mkdocs.yml`` and runs ``bindref.hosts.mkdocs_macros`` through
its own macros support (``zensical.extensions.macros``), calling ``define_env`` once per
page with a ``MacroEnv``; it runs no MkDocs plugin, so nothing of ``mkdocs_plugin.py``
happens there. Three things differ, and this module handles them.

**Where.** The page is Zensical's own ``zensical.extensions.context.Page``: ``path`` is
the docs-relative source (what MkDocs calls ``page.file.src_path``), and there is no
``file``.

**Failing the build.** With no plugin there is no end-of-build hook to abort in. Zensical
renders every page even after one raised, then fails with the first exception as
``RuntimeError: Python error: ...`` plus a traceback, exit code 1. So during ``zensical
build`` the pluglet logs each error exactly as under MkDocs (``bindref: page: path:line:
problem (hint)``; Zensical sets up no logging handler, so Python's last-resort handler
prints it on stderr) and :func:`fail_page` raises :class:`ZensicalPageError`: every
failing page reports its first error (MkDocs reports all of them), and the build exits 1.
A ``sys.excepthook`` prints the MkDocs plugin's one-line ``Aborted: ...`` summary in place
of the traceback of that one exception; any other crash keeps its traceback. Raising
needs ``on_error_fail: true`` (else Zensical turns the exception into a page), so without
it the error stays a box and one warning says the build will not fail. ``zensical serve``
shows the box and keeps serving, as ``mkdocs serve`` does. Zensical tells a macros module
neither which command runs nor when a build ends: the command line is the one witness.

**No stale page.** Zensical caches each page's rendered Markdown in ``.cache/``, keyed on
(configuration hash, Markdown source, URL). The configuration hash covers its
``watched_files``: path and whole-second mtime of every file under the ``watch`` setting,
of the macros modules and of the docs folder (the macros ``include_dir``); ``serve``
restarts its pipeline when one of them changes. It has no per-page dependency API and no
hooks, so ``watch`` is the supported way in: template overrides live under ``docs/`` and
are covered, and ``mkdocs.yml`` lists the definitions and samples under ``watch`` (MkDocs
watches those folders already, through the plugin, which schedules them first).
:func:`warn_unwatched` names, once each, the folders of inputs that a macro read and that
Zensical does not watch. Limits: mtimes are compared in whole seconds (a second save
within one second goes unseen until the next change), and an edit to bindref's packaged
templates (an editable install) needs ``zensical build --clean``.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar

from bindref.core.errors import BindrefError
from bindref.render.template_paths import PACKAGED_TEMPLATES

log = logging.getLogger("mkdocs.plugins.bindref")


class ZensicalPageError(Exception):
    """Raised into Zensical to fail a page; the located error was logged just before it."""


class _State:
    """What one Zensical process has seen: errors raised, inputs already checked."""

    failed: ClassVar[int] = 0
    checked: ClassVar[set[Path]] = set()
    warned: ClassVar[set[str]] = set()


def runs_zensical(env: Any) -> bool:
    """Whether ``env`` is Zensical's ``MacroEnv`` (mkdocs-macros hands its plugin instead)."""
    return type(env).__module__.partition(".")[0] == "zensical"


def page_path(page: Any) -> str:
    """The docs-relative source path of a Zensical page."""
    return str(page.path)


def zensical_command() -> str:
    """The Zensical subcommand of this process (``build``, ``serve``), from its command line."""
    return next((arg for arg in sys.argv[1:] if not arg.startswith("-")), "")


def fail_page(env: Any, error: BindrefError) -> None:
    """During ``zensical build``, raise so that the build fails; in preview, do nothing."""
    if zensical_command() == "serve":
        return
    if not env.config.get("on_error_fail"):
        _warn_once(
            "on_error_fail",
            "bindref: bindref errors do not fail this Zensical build "
            "(set 'on_error_fail: true' for the macros plugin in mkdocs.yml)",
        )
        return
    _State.failed += 1
    if not getattr(sys.excepthook, "bindref_summary", False):
        sys.excepthook = _summary_hook(sys.excepthook)
    raise ZensicalPageError(error.render())


def _summary_hook(previous: Any) -> Any:
    """An excepthook that replaces the traceback of our own page failure with one line."""

    def summary(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, RuntimeError) and f"{ZensicalPageError.__name__}: " in str(value):
            failed = _State.failed
            sys.stderr.write(f"Aborted: {failed} bindref error(s), listed above with their file and line\n")
            return
        previous(kind, value, trace)

    summary.bindref_summary = True  # type: ignore[attr-defined]  # marks the hook as installed
    return summary


def warn_unwatched(env: Any, root: Path, inputs: Iterable[Path]) -> None:
    """Warn once per folder holding inputs that Zensical does not watch (its pages would go stale)."""
    base = Path(env.conf.get("root_dir", ".")).resolve()
    entries = [*(env.conf.get("watch") or []), env.conf.get("docs_dir", "docs")]
    watched = [(base / str(entry)).resolve() for entry in entries]
    skipped = PACKAGED_TEMPLATES.resolve()  # they change with bindref, whose modules are watched
    for path in {path.resolve() for path in inputs} - _State.checked:
        _State.checked.add(path)
        if path.is_dir() or any(path.is_relative_to(folder) for folder in [skipped, *watched]):
            continue
        folder = path.relative_to(root).parts[0] if path.is_relative_to(root) else str(path.parent)
        _warn_once(
            folder,
            f"bindref: {folder}: Zensical does not watch this folder, so an edit in it leaves pages "
            f"stale until 'zensical build --clean' (add '{folder}' to 'watch' in mkdocs.yml)",
        )


def _warn_once(key: str, message: str) -> None:
    if key not in _State.warned:
        _State.warned.add(key)
        log.warning(message)
