"""BR602 and BR603: ``:::code`` references whose source is missing or whose range drifts.

A ``range=`` selects lines by number, and numbers drift when a sample changes; this says
when a range cuts a block in half (and which region tag would replace it), and resolves
``source=`` (``~/<alias>/...`` under ``--samples``, else the project) without ever leaving
the folder it resolves in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from bindref.audit import page as learnpage
from bindref.audit.context import PageAudit
from bindref.audit.page import CodeReference
from bindref.check.findings import Finding
from bindref.check.placeholders import find_placeholders
from bindref.core.errors import BindrefError
from bindref.samples.regions import SampleReader, resolve_inside

ALIAS = re.compile(r"^~/([^/]+)/")


def code_references(audit: PageAudit) -> Iterator[Finding]:
    for reference in audit.page.code_references:
        source, lines = reference.attributes.get("source"), reference.attributes.get("range")
        if source is None or any(find_placeholders(source, template_code=False)):
            continue  # a placeholder is BR601's finding
        resolved = _resolve_source(audit, reference, source)
        if isinstance(resolved, Finding):
            yield resolved
        if lines is not None and not any(find_placeholders(lines, template_code=False)):
            yield _range_finding(audit, reference, None if isinstance(resolved, Finding) else resolved)


def _candidates(audit: PageAudit, source: str) -> list[tuple[Path, str]]:
    """Where ``source`` may live: ``~/<alias>/rest`` under the samples folder, else the project."""
    if alias := ALIAS.match(source):
        rest = source[alias.end() :]
        first, _, tail = rest.partition("/")  # ~/repo/samples/x when --samples is that samples folder
        return [(audit.samples, rest)] + ([(audit.samples, tail)] if first == audit.samples.name else [])
    root = audit.project.settings.root
    beside = [(root, f"{audit.page_folder}/{source}")] if audit.page_folder not in (None, ".") else []
    return [(root, source), *beside]


def _resolve_source(audit: PageAudit, reference: CodeReference, source: str) -> tuple[Path, str] | Finding:
    """The first candidate that resolves, or the BR603 finding; resolve_inside never leaves its base."""
    candidates, errors = _candidates(audit, source), []
    for base, relative in candidates:
        try:
            resolve_inside(base, relative)
            return base, relative
        except BindrefError as error:
            errors.append(error)
    unsafe = next((e for e in errors if e.message != "file does not exist"), None)
    if unsafe:  # "path must not contain '..'", "path resolves outside the repository", ...
        problem = unsafe.message.partition(" ")[2]
        return audit.finding("BR603", f"source '{source}' {problem}", reference.line, unsafe.hint)
    root = audit.project.settings.root.resolve()
    shown = [
        (b.resolve().relative_to(root).as_posix() if b.resolve().is_relative_to(root) else str(b), r)
        for b, r in candidates
    ]
    hint = "looked for " + " and ".join(f"'{r}'" if b == "." else f"'{b}/{r}'" for b, r in shown)
    if alias := ALIAS.match(source):
        hint += f"; --samples sets the folder '~/{alias[1]}/' stands for"
    return audit.finding("BR603", f"source '{source}' does not exist", reference.line, hint)


def _range_finding(audit: PageAudit, reference: CodeReference, resolved: tuple[Path, str] | None) -> Finding:
    source, text = reference.attributes["source"], reference.attributes["range"]
    shown = source[m.end() :] if (m := ALIAS.match(source)) else source
    spans = learnpage.parse_line_ranges(text)
    if spans is None:
        message = f"range '{text}' of {shown} is not a line range such as '12-30' or '4-5,36-60'"
        return audit.finding("BR602", message, reference.line)
    drift = f"range '{text}' of {shown} selects lines by number, which drift when the sample changes"
    if resolved is None:
        return audit.finding("BR602", drift, reference.line, learnpage.tag_hint(source, "name"))
    base, relative = resolved
    reader = SampleReader(base)  # the reader every stage uses, so its rules are the same here
    try:
        lines = learnpage.sample_lines(reader.text(relative))
    except BindrefError as error:  # not text: the range cannot be judged, and the page cannot show it
        return audit.finding("BR603", f"source '{source}' {error.message}", reference.line, error.hint)
    try:
        regions = reader.regions(relative)
    except BindrefError:  # broken markers are `bindref check`'s finding (BR002), not this page's
        regions = {}
    hint = learnpage.region_suggestion(lines, spans, regions, relative)
    reason = learnpage.why_range_cuts(lines, spans, Path(relative).suffix)
    message = f"range '{text}' of {shown} cuts a block in half: {reason}" if reason else drift
    return audit.finding("BR602", message, reference.line, hint)
