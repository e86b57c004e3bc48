"""``bindref check``: every drift check, one pass, findings instead of exceptions.

Each check is a small function from a :class:`CheckContext` to findings. Checks only
read: nothing here writes a file.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from bindref.check.context import CheckContext, CheckOptions
from bindref.check.findings import Finding, finding_from_error
from bindref.check.memo import memoized_check
from bindref.check.scope import catalog_of, findings_of
from bindref.core.cache import CacheNews
from bindref.core.errors import BindrefError, BindrefErrors, ConfigError
from bindref.core.model import Catalog
from bindref.core.parallel import MIN_PER_WORKER, fork_map
from bindref.render.project import Project

__all__ = ["CheckContext", "CheckOptions", "run_checks"]
_Check = Callable[[CheckContext, list[str]], list[Finding]]  # a check, and the diffs it may add


def run_checks(project: Project, options: CheckOptions, diffs: list[str] | None = None) -> list[Finding]:
    """All findings for the project, deduplicated, in a stable order.

    A run of an unchanged project is remembered whole (:mod:`bindref.check.memo`).
    """
    return memoized_check(project, options, [] if diffs is None else diffs, partial(_run, project, options))


def _run(project: Project, options: CheckOptions, diffs: list[str]) -> list[Finding]:
    """Every check, once.

    Definitions that cannot be loaded stop the run after reporting them (BR001): every
    other check needs the catalog.

    The checks are imported here, when a run is not remembered: a remembered one loads
    none of the stages they use.
    """
    from bindref.check.coverage import check_coverage  # noqa: PLC0415  # see the docstring
    from bindref.check.definitions import check_definitions  # noqa: PLC0415
    from bindref.check.exports import check_exports  # noqa: PLC0415
    from bindref.check.pages import check_pages  # noqa: PLC0415
    from bindref.check.samples import check_samples  # noqa: PLC0415
    from bindref.check.sdk import check_sdks  # noqa: PLC0415
    from bindref.check.sdk_lock import check_sdk_lock  # noqa: PLC0415

    try:
        catalog = project.catalog()
    except ConfigError:
        raise
    except BindrefError as error:
        errors = error.errors if isinstance(error, BindrefErrors) else (error,)
        return [finding_from_error(e, "BR001") for e in errors]
    if options.extension:
        catalog = catalog_of(catalog, options.extension)
    context = CheckContext(project=project, catalog=catalog, options=options)
    findings = [finding_from_error(error, "BR001") for error in catalog.errors()]
    # Independent: each check reads the context, none depends on another. On a big project
    # the rendering checks run in a forked process beside the others (bindref.core.parallel):
    # what they send back is Markdown, quick to pickle, where the sample checks' parsed
    # usages took longer to send than to make. The two groups take about as long.
    rendering: list[_Check] = [_ignoring_diffs(c) for c in (check_pages, check_definitions)] + [check_exports]
    reading: list[_Check] = [_ignoring_diffs(c) for c in (check_coverage, check_samples)]
    reading += [_ignoring_diffs(check_sdks), _ignoring_diffs(check_sdk_lock)]
    parallel = project.workers > 1 and len(catalog.bindings) >= MIN_PER_WORKER
    groups = [reading, rendering] if parallel else [[*rendering, *reading]]
    project.cache.take_news()  # what this process cached so far stays here; forked ones send theirs

    def run_group(index: int) -> tuple[list[Finding], list[str], CacheNews]:
        found: list[Finding] = []
        group_diffs: list[str] = []
        for check in groups[index]:
            found += check(context, group_diffs)
        # Each process writes what it cached while the other may still work, so that the
        # pickling is not left for the end; the first group runs here, the others forked.
        if not parallel:
            return found, group_diffs, CacheNews(added={}, used={})
        if index == 0:
            project.cache.write_added()
            return found, group_diffs, CacheNews(added={}, used={})
        return found, group_diffs, project.cache.hand_over()

    for found, group_diffs, news in fork_map(run_group, range(len(groups))):
        findings += found
        diffs += group_diffs
        project.cache.merge(news)
    findings = _without_broken_samples(findings, project, catalog)
    if options.extension:
        exported = _export_paths(project, catalog)
        findings = findings_of(findings, options.extension, project.settings, context.pages, exported)
    return _unique(findings)


def _ignoring_diffs(check: Callable[[CheckContext], list[Finding]]) -> _Check:
    return lambda context, _diffs: check(context)


def _export_paths(project: Project, catalog: Catalog) -> list[str]:
    """Where the Learn files of ``catalog``'s bindings are kept in sync, if anywhere."""
    from bindref.export.learn import page_name  # noqa: PLC0415  # see _run

    folder = project.settings.learn_export
    return [f"{folder}/{page_name(b, project.settings)}" for b in catalog.bindings.values()] if folder else []


def _without_broken_samples(findings: list[Finding], project: Project, catalog: Catalog) -> list[Finding]:
    """Leave out what an extension's samples say while its definitions fail to load.

    Its regions look unused and its usages unknown only because its bindings are missing:
    the BR001 errors that caused it are the findings to fix first, and they fail the run.
    """
    folders = [project.settings.sample_folder_of(name) for name in catalog.problems]
    return [
        f
        for f in findings
        if f.code == "BR001" or not any(Path(f.path).is_relative_to(folder) for folder in folders)
    ]


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, str, int, str]] = set()
    unique: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.path, f.line, f.code, f.message)):
        key = (finding.code, finding.path, finding.line, finding.message)
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique
