"""Examples coverage: every binding x language has an example or a reasoned absence.

Also extracts every example region (a broken or missing region is BR002 at the
definition's ``example(...)`` line) and lists regions that nothing uses (BR202).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bindref.check.context import CheckContext
from bindref.check.findings import Finding, finding_from_error
from bindref.check.page_scan import snippet_regions
from bindref.check.placeholders import PLACEHOLDER_WORD
from bindref.core.errors import BindrefError, BindrefErrors
from bindref.core.model import Binding
from bindref.languages import Language
from bindref.samples.files import sample_paths
from bindref.samples.regions import Snippet

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
                try:
                    snippet = context.project.reader.extract(
                        ref.path, ref.region, referenced_from=(ref.location.path, ref.location.line)
                    )
                except BindrefError as error:
                    findings.extend(_region_findings(error))
                else:
                    findings.extend(_sample_placeholders(snippet))
                if ref.region:
                    used_regions.add((ref.path, ref.region))
    if not any(page.error for page in context.pages):
        findings.extend(_unused_regions(context, used_regions))
    return findings


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


def _unused_regions(context: CheckContext, used: set[tuple[str, str]]) -> list[Finding]:
    settings = context.project.settings
    root = settings.root
    findings: list[Finding] = []
    for file in (f for folder in settings.sample_roots() for f in sample_paths(root / folder)):
        if file.suffix.lower() not in SAMPLE_SUFFIXES or not file.is_file():
            continue  # a broken or looping link is reported where an example names it
        relative = file.relative_to(root).as_posix()
        try:
            regions = context.project.reader.regions(relative)
        except BindrefError as error:
            findings.extend(_region_findings(error))
            continue
        findings.extend(
            Finding(
                code="BR202",
                message=f"region '{name}' is used nowhere",
                path=relative,
                line=span.start_line,
                hint="reference it from a definition's example() or a page's snippet(), "
                "or remove its markers",
            )
            for name, span in regions.items()
            if (relative, name) not in used
        )
    return findings
