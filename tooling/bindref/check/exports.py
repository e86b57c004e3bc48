"""Generated files kept in the repository must be what bindref renders now.

A project that commits an export (for the Microsoft Learn export, ``[tool.bindref]
learn_export``) gets BR501 for every page that is missing, out of date, or no longer
generated, and ``--diff`` shows the unified diff. The check asks the export's own writer
in check mode (:func:`bindref.export.writes.sync_files`), so it reports exactly what
``bindref export`` would change, and it never writes.
"""

from __future__ import annotations

import difflib

from bindref.check.context import CheckContext
from bindref.check.findings import Finding, code_for_error
from bindref.core.errors import (
    BindrefError,
    BindrefErrors,
    MissingExampleError,
)
from bindref.export.registry import EXPORTERS, Exporter
from bindref.export.writes import Change, Mode, sync_files

FIX = "run 'bindref export {name} --out {folder}'"
# Why an export cannot be rendered, as the page checks code it (BR501 for anything else).


def check_exports(context: CheckContext, diffs: list[str]) -> list[Finding]:
    """BR501 per out-of-date file of every checked export; unified diffs are appended to ``diffs``."""
    findings: list[Finding] = []
    for exporter in EXPORTERS.values():
        if exporter.checked_folder(context.project.settings):
            findings.extend(_check_export(context, exporter, diffs))
    return findings


def _check_export(context: CheckContext, exporter: Exporter, diffs: list[str]) -> list[Finding]:
    settings = context.project.settings
    relative_folder = exporter.checked_folder(settings)
    try:
        pages = exporter.render_pages(context.project)
    except BindrefError as raised:
        errors = raised.errors if isinstance(raised, BindrefErrors) else (raised,)
        # a missing example is the definition's gap, reported once by the coverage check (BR201)
        return [_unrenderable(exporter, e) for e in errors if not isinstance(e, MissingExampleError)]
    findings = []
    for change in sync_files(pages, settings.root / relative_folder, Mode.CHECK, pattern=exporter.pattern):
        relative = f"{relative_folder}/{change.name}"
        findings.append(_finding(change, relative, FIX.format(name=exporter.name, folder=relative_folder)))
        diffs.append(_diff(relative, change.current or "", change.expected or ""))
    return findings


def _finding(change: Change, relative: str, fix: str) -> Finding:
    if change.expected is None:
        return Finding(
            code="BR501",
            message="generated page is no longer produced by any binding",
            path=relative,
            line=1,
            hint="delete it, or restore its binding",
        )
    if change.current is None:
        return Finding(code="BR501", message="generated page is missing", path=relative, line=0, hint=fix)
    line = _first_difference(change.current, change.expected)
    return Finding(code="BR501", message="generated page is out of date", path=relative, line=line, hint=fix)


def _unrenderable(exporter: Exporter, error: BindrefError) -> Finding:
    """An export that cannot be rendered cannot be checked: say why, where the cause is."""
    code = code_for_error(error, "")
    if code:
        return Finding(code=code, message=error.message, path=error.path, line=error.line, hint=error.hint)
    return Finding(
        code="BR501",
        message=f"the {exporter.name} export cannot be rendered: {error.message}",
        path=error.path,
        line=error.line,
        hint=error.hint,
    )


def _first_difference(current: str, expected: str) -> int:
    pairs = zip(current.splitlines(), expected.splitlines(), strict=False)
    return next(
        (n for n, (a, b) in enumerate(pairs, 1) if a != b), min(len(current.splitlines()) + 1, 1 << 30)
    )


def _diff(relative: str, current: str, expected: str) -> str:
    lines = difflib.unified_diff(
        current.splitlines(keepends=True),
        expected.splitlines(keepends=True),
        fromfile=f"a/{relative}",
        tofile=f"b/{relative}",
    )
    return "".join(lines)
