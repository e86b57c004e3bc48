"""``bindref check``: every drift check, one pass, findings instead of exceptions.

Each check is a small function from a :class:`CheckContext` to findings. Checks only
read: nothing here writes a file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from bindref.check.context import CheckContext, CheckOptions
from bindref.check.findings import Finding, finding_from_error
from bindref.check.memo import memoized_check
from bindref.check.scope import catalog_of, findings_of
from bindref.core.cache import CacheNews
from bindref.core.errors import BindrefError, BindrefErrors, ConfigError
from bindref.core.model import Catalog
from bindref.core.parallel import MIN_PER_WORKER, Turns, can_fork, chunked, fork_map, take_turns
from bindref.render.project import Project

if TYPE_CHECKING:
    from bindref.check.page_scan import ScannedPage
    from bindref.check.pages import Said

__all__ = ["CheckContext", "CheckOptions", "run_checks"]
_Check = Callable[[CheckContext, list[str]], list[Finding]]  # a check, and the diffs it may add
# A process's findings, diffs, rendered and judged parts (by chunk), and cache news.
_GroupResult: TypeAlias = (
    "tuple[list[Finding], list[str], dict[int, list[list[Said]]], dict[int, list[Finding]], CacheNews]"
)


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

    ahead = _Ahead(project)
    try:
        catalog = project.catalog(alongside=ahead)
    except ConfigError:
        raise
    except BindrefError as error:
        errors = error.errors if isinstance(error, BindrefErrors) else (error,)
        return [finding_from_error(e, "BR001") for e in errors]
    if options.extension:
        catalog = catalog_of(catalog, options.extension)
    context = CheckContext(project=project, catalog=catalog, options=options, scanned=ahead.pages)
    findings = [finding_from_error(error, "BR001") for error in catalog.errors()]
    if project.workers > 1 and len(catalog.bindings) >= MIN_PER_WORKER and can_fork():
        here = [_ignoring_diffs(check) for check in (check_coverage, check_sdks, check_sdk_lock)]
        forked = [_ignoring_diffs(check_definitions), check_exports]
        findings += _shared_out(context, diffs, [here, forked])
    else:
        checks = (check_coverage, check_definitions, check_pages, check_samples, check_sdks, check_sdk_lock)
        findings += [finding for check in checks for finding in check(context)]
        findings += check_exports(context, diffs)
    findings = _without_broken_samples(findings, project, catalog)
    if options.extension:
        exported = _export_paths(project, catalog)
        findings = findings_of(findings, options.extension, project.settings, context.pages, exported)
    return _unique(findings)


class _Ahead:
    """What the checks need whatever the catalog holds, made while the definitions are read.

    The loader calls it in this process while forked ones read definitions
    (:meth:`bindref.render.project.Project.catalog`), so it costs half its time there, and
    all it leaves in memory is inherited by the processes the checks fork later: the scanned
    pages, every sample's regions (:func:`bindref.check.coverage.index_sample_regions`) and
    the compiled site templates. Forked after it, the checks had each done it again: the
    region parses and template compiles twice, the page scan in this process alone, between
    the two forks. A catalog from the cache runs none of it: the checks do it as they go,
    as they do what this could not (a setting that keeps it from working is raised by the
    check that needs it, after the definitions' own errors, as without it).
    """

    def __init__(self, project: Project) -> None:
        self.project = project
        self.pages: tuple[ScannedPage, ...] | None = None

    def __call__(self) -> None:
        from bindref.check.coverage import index_sample_regions  # noqa: PLC0415  # see _run
        from bindref.check.page_scan import scan_pages  # noqa: PLC0415
        from bindref.render.template_paths import SITE  # noqa: PLC0415

        project = self.project
        with contextlib.suppress(BindrefError):
            self.pages = scan_pages(project.settings)
            index_sample_regions(project)
            project.renderer.templates.prepare(SITE, project.settings.languages)


def _shared_out(context: CheckContext, diffs: list[str], own: list[list[_Check]]) -> list[Finding]:
    """Every check, in this process and a forked one, which finish together.

    Each process runs the small checks of its group in ``own``, then takes parts of the pages to render
    and of the samples to judge as they come (:class:`bindref.core.parallel.Turns`): this one
    the samples first, the forked one the pages, each the other's once its own are done. A
    fixed split left one process idle while the other worked, by 0.1 to 0.3 s at 1000
    bindings. Each process writes what it cached when it is done, while the other may still
    work. The parts come back in order, so the findings are those of one process.
    """
    from bindref.check.pages import PageWork  # noqa: PLC0415  # see _run
    from bindref.check.samples import SampleWork  # noqa: PLC0415

    project = context.project
    pages, samples = PageWork(context), SampleWork(context)
    # About a hundred parts of each: small enough for the two to finish together.
    page_chunks = chunked(len(pages), max(1, len(pages) // 100))
    sample_chunks = chunked(len(samples), max(1, len(samples) // 100))
    page_turns, sample_turns = Turns(), Turns()
    project.cache.take_news()  # what this process cached so far stays here; forked ones send theirs

    def run_group(index: int) -> _GroupResult:
        found: list[Finding] = []
        group_diffs: list[str] = []
        for check in own[index]:
            found += check(context, group_diffs)
        if index == 0:
            judged = take_turns(sample_turns, sample_chunks, samples.judge)
            rendered = take_turns(page_turns, page_chunks, pages.render)
            project.cache.write_added()
            return found, group_diffs, rendered, judged, CacheNews(added={}, used={})
        rendered = take_turns(page_turns, page_chunks, pages.render)
        judged = take_turns(sample_turns, sample_chunks, samples.judge)
        return found, group_diffs, rendered, judged, project.cache.hand_over()

    findings: list[Finding] = []
    rendered: dict[int, list[list[Said]]] = {}
    judged: dict[int, list[Finding]] = {}
    for found, group_diffs, group_rendered, group_judged, news in fork_map(run_group, range(2)):
        findings += found
        diffs += group_diffs
        rendered.update(group_rendered)
        judged.update(group_judged)
        project.cache.merge(news)
    findings += pages.outcome(rendered[chunk] for chunk in range(len(page_chunks)))
    findings += samples.outcome(judged[chunk] for chunk in range(len(sample_chunks)))
    return findings


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
