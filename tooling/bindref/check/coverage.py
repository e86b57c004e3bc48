"""Examples coverage: every binding x language has an example or a reasoned absence.

Also extracts every example region (a broken or missing region is BR002 at the
definition's ``example(...)`` line) and lists regions that nothing uses (BR202).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from bindref.check.context import CheckContext
from bindref.check.file_results import FileResults, valid_findings
from bindref.check.findings import Finding, finding_from_error
from bindref.check.page_scan import snippet_regions
from bindref.check.placeholders import PLACEHOLDER_WORD
from bindref.core.errors import BindrefError, BindrefErrors
from bindref.core.model import Binding, ExampleRef
from bindref.languages import Language
from bindref.samples.files import sample_entries
from bindref.samples.paths import name_suffix
from bindref.samples.regions import SampleReader, Snippet

if TYPE_CHECKING:
    from bindref.core.config import Settings
    from bindref.render.project import Project

SAMPLE_SUFFIXES = frozenset({".cs", ".java", ".js", ".mjs", ".cjs", ".ts", ".py", ".ps1", ".json", ".xml"})


@dataclass(frozen=True, kw_only=True)
class Cell:
    """One binding x language entry of the coverage matrix."""

    status: str  # "example" | "not available" | "no example" | "missing"
    detail: str


def coverage_matrix(context: CheckContext) -> dict[str, dict[Language, Cell]]:
    """``{binding key: {language: cell}}`` for the enabled languages."""
    languages = context.project.settings.languages
    return {key: {lang: _cell(b, lang) for lang in languages} for key, b in context.catalog.bindings.items()}


def _cell(binding: Binding, language: Language) -> Cell:
    status = binding.example_status(language)
    details = {
        "not available": lambda: binding.unavailable[language].reason,
        "no example": lambda: binding.no_examples[language].reason,
        "example": lambda: ", ".join(
            f"{ref.path}#{ref.region}" if ref.region else ref.path for ref in binding.examples[language]
        ),
    }
    return Cell(status=status, detail=details[status]() if status in details else "")


def check_coverage(context: CheckContext) -> list[Finding]:
    """BR201 for gaps, BR002 for examples that cannot be extracted, BR202 for unused regions.

    A region is used when a definition's example or a page's ``snippet()`` names it; while a
    page cannot be read (BR105), its snippets are unknown, so no region is called unused.
    """
    findings: list[Finding] = []
    used_regions = snippet_regions(context.pages, context.project.settings.samples)
    reader = context.project.reader
    examples = FileResults[tuple[Finding, ...]](context.project.cache, "example-findings", valid_findings)
    for key, row in coverage_matrix(context).items():
        binding = context.catalog.bindings[key]
        for language, cell in row.items():
            if cell.status == "missing":
                findings.append(
                    Finding(
                        code="BR201",
                        message=f"binding '{key}' has no example for '{language.value}'",
                        path=binding.location.path,
                        line=binding.location.line,
                        hint=f"add example('{language.value}', ...) or "
                        f"no_example('{language.value}', reason)",
                    )
                )
        for refs in binding.examples.values():
            for ref in refs:
                where = (ref.location.path, ref.location.line)
                try:  # a file that cannot be read is said so anew each time, never cached
                    text = reader.text(ref.path, referenced_from=where)
                except BindrefError as error:
                    findings.extend(_region_findings(error))
                else:
                    inputs = (ref.path, repr(ref.region), where[0], str(where[1]), text)
                    findings.extend(examples.get(partial(_example_findings, reader, ref), *inputs))
                if ref.region:
                    used_regions.add((ref.path, ref.region))
    if not any(page.error for page in context.pages):
        findings.extend(_unused_regions(context, used_regions))
    return findings


def _example_findings(reader: SampleReader, ref: ExampleRef) -> tuple[Finding, ...]:
    """BR002 for an example that cannot be extracted, else BR203 for its placeholders."""
    try:
        snippet = reader.extract(ref.path, ref.region, referenced_from=(ref.location.path, ref.location.line))
    except BindrefError as error:
        return tuple(_region_findings(error))
    return tuple(_sample_placeholders(snippet))


def _sample_placeholders(snippet: Snippet) -> list[Finding]:
    """BR203 for TODO-style words left in code a page shows (``bindref new`` writes them)."""
    what = f"example region '{snippet.region}'" if snippet.region else "the example file"
    return [
        Finding(
            code="BR203",
            message=f"placeholder '{match.group(0)}' in {what}",
            path=snippet.path,
            line=snippet.start_line + snippet.code.count("\n", 0, match.start()),
            hint="write the sample code: readers copy it",
        )
        for match in PLACEHOLDER_WORD.finditer(snippet.code)
    ]


def _region_findings(error: BindrefError) -> Iterable[Finding]:
    errors = error.errors if isinstance(error, BindrefErrors) else (error,)
    return [finding_from_error(e, "BR002") for e in errors]


def index_sample_regions(project: Project) -> None:
    """The region index of every sample, made now: the reader keeps the parses for whatever extracts one.

    A check does it while its definitions are read, before the pages and this check are
    shared out between processes, so that no two processes parse a sample's regions (a
    sample indexed by an earlier run is not parsed: what depends on its text alone is cached).
    """
    reader = project.reader
    index = _region_indexes(project)
    for relative in _sample_files(project.settings):
        with contextlib.suppress(BindrefError):  # raised again, and reported, by _unused_regions
            index.get(partial(_region_index, reader, relative), relative, reader.text(relative))


def _region_indexes(project: Project) -> FileResults[_RegionIndex]:
    return FileResults[_RegionIndex](project.cache, "region-index", _valid_index)


def _sample_files(settings: Settings) -> Iterator[str]:
    """Every file under the sample folders that may hold regions, as a path relative to the root."""
    for relative, entry in (
        e for folder in settings.sample_roots() for e in sample_entries(settings.root, folder)
    ):
        if name_suffix(entry.name).lower() in SAMPLE_SUFFIXES and _is_file(entry):
            yield relative  # a broken or looping link is reported where an example names it


def _unused_regions(context: CheckContext, used: set[tuple[str, str]]) -> list[Finding]:
    reader = context.project.reader
    index = _region_indexes(context.project)
    findings: list[Finding] = []
    for relative in _sample_files(context.project.settings):
        try:  # a file that cannot be read is said so anew each time, never cached
            text = reader.text(relative)
        except BindrefError as error:
            findings.extend(_region_findings(error))
            continue
        regions, errors = index.get(partial(_region_index, reader, relative), relative, text)
        findings.extend(errors)
        findings.extend(
            Finding(
                code="BR202",
                message=f"region '{name}' is used nowhere",
                path=relative,
                line=line,
                hint="reference it from a definition's example() or a page's snippet(), "
                "or remove its markers",
            )
            for name, line in regions
            if (relative, name) not in used
        )
    return findings


# The named regions of a file with the lines they open on, or the marker errors that keep it from having any.
_RegionIndex = tuple[tuple[tuple[str, int], ...], tuple[Finding, ...]]


def _region_index(reader: SampleReader, relative: str) -> _RegionIndex:
    try:
        regions = reader.regions(relative)
    except BindrefError as error:
        return (), tuple(_region_findings(error))
    return tuple((name, span.start_line) for name, span in regions.items()), ()


def _valid_index(value: object) -> bool:
    if not isinstance(value, tuple) or len(value) != 2 or not valid_findings(value[1]):
        return False
    regions = value[0]
    return isinstance(regions, tuple) and all(
        isinstance(r, tuple) and len(r) == 2 and isinstance(r[0], str) and isinstance(r[1], int)
        for r in regions
    )


def _is_file(entry: os.DirEntry[str]) -> bool:
    """A regular file, or a link to one (as ``Path.is_file``: a loop or a dangling link is not)."""
    try:
        return entry.is_file()
    except OSError:
        return False
