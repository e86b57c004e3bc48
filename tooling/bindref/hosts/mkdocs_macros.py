"""The mkdocs-macros adapter: registers bindref's page macros, for MkDocs and for Zensical.

Load it from ``mkdocs.yml``::

    plugins:
      - macros:
          modules: [bindref.hosts.mkdocs_macros]
          on_undefined: strict
          on_error_fail: true

The macros live in :mod:`bindref.render.macros`, shared with ``bindref check``; a page of
them alone is expanded by :mod:`bindref.hosts.mkdocs_direct`. A bindref error is logged as
an MkDocs error (``page: path:line: problem (hint)``, no traceback), which fails the build,
and the page gets an error box in place of the content. Zensical runs this module through
its own macros support: :mod:`bindref.hosts.zensical` says what differs there.
"""

from __future__ import annotations

import functools
import html
import logging
import operator
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from bindref.core.errors import BindrefError, BindrefErrors
from bindref.hosts import zensical
from bindref.hosts.mkdocs_direct import MACRO_MARK, page_of
from bindref.hosts.preview import TRACKER
from bindref.render.call_memo import CallMemo
from bindref.render.filters import code_span
from bindref.render.fingerprints import Fingerprint
from bindref.render.macros import MACRO_NAMES, PageMacros, inputs_of
from bindref.render.project import Project

log = logging.getLogger("mkdocs.plugins.bindref")


def error_box(error: BindrefError) -> str:
    """A Material admonition that shows the problem where the content should be."""
    lines = html.escape(error.render(), quote=False).splitlines()
    body = "\n".join(f"    {code_span(line)}  " for line in lines)
    return f'!!! failure "bindref could not render this"\n\n{body}\n'


# One project per folder for the life of the process: a preview server keeps its parsed
# definitions, samples and templates between rebuilds and re-reads only what changed.
_PROJECTS: dict[Path, Project] = {}


def project_for(folder: Path) -> Project:
    """The cached project of ``folder``, refreshed for this build."""
    root = folder.resolve()
    if root not in _PROJECTS:
        _PROJECTS[root] = Project.at(root, live=TRACKER.serving and TRACKER.dirty)
    project = _PROJECTS[root]
    project.refresh()
    return project


def page_location(page: Any) -> str:
    """The page's docs-relative source: MkDocs' ``page.file.src_path``, or Zensical's page."""
    if page is None:
        return "?"
    file = getattr(page, "file", None)
    return str(file.src_path) if file is not None else zensical.page_path(page)


def log_once(where: str, error: BindrefError) -> None:
    """Log ``error`` in full the first time in a build; later pages it breaks only point at it.

    One broken definition breaks every page of its extension: its text is printed once.
    """
    text = error.render()
    if text in TRACKER.reported:
        if f"{where}\0{text}" not in TRACKER.reported:  # once per page, however many macros it has
            TRACKER.reported.add(f"{where}\0{text}")
            log.error("bindref: %s: not rendered because of the error(s) above", where)
        return
    TRACKER.reported.add(text)
    log.error("bindref: %s: %s", where, text.replace("\n", "\n  "))


def report_unshown_problems(folder: Path) -> None:
    """Log the definition errors of extensions that no page of this build showed."""
    if (project := _PROJECTS.get(folder.resolve())) is None:
        return
    try:
        problems = project.catalog_problems()  # reads no catalog known to have none
    except BindrefError:  # a problem no extension owns failed every page already
        return
    for errors in problems.values():
        error = errors[0] if len(errors) == 1 else BindrefErrors(errors)
        if error.render() not in TRACKER.reported:
            TRACKER.errors += 1
            log_once(project.settings.definitions, error)


def flush_caches() -> None:
    """Keep what this build parsed and rendered in each project's cache (``BINDREF_NO_CACHE=1``: nothing)."""
    for project in _PROJECTS.values():
        project.cache.flush()


_LOADED: list[tuple[tuple[object, ...], dict[Path, Fingerprint]]] = []  # the last signature, as a mapping


def loaded_files(project: Project) -> Mapping[Path, Fingerprint]:
    """Each definition and template file's state when the project read it (see PreviewTracker.record)."""
    signature = project.loaded_signature()
    if not _LOADED or any(map(operator.is_not, _LOADED[0][0], signature)):
        states = {Path(path): (mtime, size) for path, mtime, size in (*signature[0], *signature[1])}
        _LOADED[:] = [(signature, states)]
    return _LOADED[0][1]


def define_env(env: Any) -> None:
    """Called once per build by mkdocs-macros, per page by Zensical; ``env.project_dir`` holds mkdocs.yml."""
    macros = PageMacros(project := project_for(Path(env.project_dir)))
    under_zensical = zensical.runs_zensical(env)
    memo = CallMemo(project, off=TRACKER.serving)  # a preview's project is warm; TRACKER knows its reads

    def reported(name: str, macro: Callable[..., str]) -> Callable[..., str]:
        @functools.wraps(macro)
        def guarded(*args: Any, **kwargs: Any) -> str:
            page = page_of(env)
            if TRACKER.serving and page is not None:
                used = inputs_of(project, name, args)  # loads the catalog: what loaded_files then says
                TRACKER.record(Path(page.file.abs_dest_path), used, loaded_files(project))
            if under_zensical:
                zensical.warn_unwatched(env, project.settings.root, inputs_of(project, name, args))
            try:
                return memo.call(name, macro, args, kwargs)
            except BindrefError as error:
                TRACKER.errors += 1
                if under_zensical:  # each page is its own build there: nothing to print once across
                    log.error("bindref: %s: %s", page_location(page), error.render().replace("\n", "\n  "))
                else:
                    log_once(page_location(page), error)
                if under_zensical:
                    zensical.fail_page(env, error)
                return error_box(error)

        setattr(guarded, MACRO_MARK, name)  # how hosts.mkdocs_direct knows bindref's macros
        return guarded

    for name in MACRO_NAMES:
        env.macro(reported(name, getattr(macros, name)), name)
