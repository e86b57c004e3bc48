"""BR602, BR603, BR606, BR609: ``:::code`` references, their sources, ranges and languages.

A ``range=`` selects lines by number, and numbers drift when a sample changes. A range
that no longer shows whole code (a cut block, a statement cut in half, lines past the end
of the file, or not the binding's own attribute) is an error that says what the range
should be; the general advice to use named regions instead is one note per page. Sources
resolve under the folder their ``~/<alias>/`` stands for (see :mod:`bindref.audit.sources`),
else the project, never leaving the folder they resolve in; an alias with no folder is one
finding, however many references use it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath

from bindref.audit import ranges
from bindref.audit.context import PageAudit
from bindref.audit.page import CodeReference, parse_line_ranges
from bindref.audit.sources import ALIAS
from bindref.check.findings import Finding
from bindref.check.placeholders import find_placeholders
from bindref.core.errors import BindrefError
from bindref.languages import PROFILES, snake_case
from bindref.samples.regions import RegionSpan, SampleReader, resolve_inside

Resolved = tuple[Path, str]


def code_references(audit: PageAudit) -> Iterator[Finding]:
    """Every finding on the page's code references, and the one note on its ranges."""
    unmapped: dict[str, list[int]] = defaultdict(list)
    by_range: list[tuple[int, str]] = []  # (line, region id) of every range= reference
    for reference in audit.page.code_references:
        source, lines = reference.attributes.get("source"), reference.attributes.get("range")
        if source is None or any(find_placeholders(source, template_code=False)):
            continue  # a placeholder is BR601's finding
        yield from _language(audit, reference, source)
        resolved = _resolve_source(audit, reference, source)
        if isinstance(resolved, str):
            unmapped[resolved].append(reference.line)
        elif isinstance(resolved, Finding):
            yield resolved
        if lines is None or any(find_placeholders(lines, template_code=False)):
            continue
        found, region = _range(audit, reference, resolved if isinstance(resolved, tuple) else None)
        yield from found
        by_range.append((reference.line, region))
    for alias, numbers in unmapped.items():
        message = f"no folder for the source alias '~/{alias}/' ({len(numbers)} :::code references)"
        hint = f"map it with --samples {alias}=DIR or learn_aliases in the extension's settings"
        yield audit.grouped("BR603", message, numbers, hint)
    if by_range:
        yield _prefer_regions(audit, by_range)


def _prefer_regions(audit: PageAudit, by_range: list[tuple[int, str]]) -> Finding:
    count = len(by_range)
    message = f"{count} :::code reference{'s select' if count > 1 else ' selects'} sample lines by range=, "
    message += "which drift when the samples change"
    ids = ", ".join(f'line {line}: id="{region}"' for line, region in by_range)
    hint = f"tag named regions in the samples and use id= instead ({ids})"
    return audit.finding("BR602", message, by_range[0][0], hint)


def _language(audit: PageAudit, reference: CodeReference, source: str) -> Iterator[Finding]:
    """``language=`` must be one the file's extension is written in."""
    said = reference.attributes.get("language", "")
    suffix = PurePosixPath(source).suffix
    if suffix == ".json":
        valid = {"json"}
    else:
        profiles = [p for p in PROFILES.values() if p.sample_file and p.sample_file.endswith(suffix)]
        valid = {name for p in profiles for name in (p.fence, p.learn_pivot)} if suffix else set()
    if said and valid and said not in valid:
        expected = " or ".join(f"'{name}'" for name in sorted(valid))
        message = f"language '{said}' of a {suffix} file ({PurePosixPath(source).name})"
        column = reference.columns["language"][0]
        yield audit.finding("BR609", message, reference.line, f"write language={expected}", column)


def _candidates(audit: PageAudit, source: str) -> list[Resolved]:
    """Where ``source`` may live: under its alias's folder, else the project (and beside the page)."""
    if ALIAS.match(source):
        return audit.roots.candidates(source)
    root = audit.project.settings.root
    beside = [(root, f"{audit.page_folder}/{source}")] if audit.page_folder not in (None, ".") else []
    return [(root, source), *beside]


def _resolve_source(audit: PageAudit, reference: CodeReference, source: str) -> Resolved | Finding | str:
    """The first candidate that resolves, the BR603 finding, or the alias that has no folder."""
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
    alias = ALIAS.match(source)
    if alias and not audit.roots.mapped(source) and not audit.roots.given:
        return alias[1]  # the project's own samples folder is not where this alias points
    root = audit.project.settings.root.resolve()
    shown = [
        (b.resolve().relative_to(root).as_posix() if b.resolve().is_relative_to(root) else str(b), r)
        for b, r in candidates
    ]
    hint = "looked for " + " and ".join(f"'{r}'" if b == "." else f"'{b}/{r}'" for b, r in shown)
    if alias:
        hint += f"; --samples {alias[1]}=DIR sets the folder '~/{alias[1]}/' stands for"
    return audit.finding("BR603", f"source '{source}' does not exist", reference.line, hint)


def _range(
    audit: PageAudit, reference: CodeReference, resolved: Resolved | None
) -> tuple[list[Finding], str]:
    """The range's BR606 errors, and the region id the page-wide note suggests for it."""
    source, text = reference.attributes["source"], reference.attributes["range"]
    shown = source[m.end() :] if (m := ALIAS.match(source)) else source
    fallback = snake_case(PurePosixPath(source).stem).replace("-", "_") or "name"
    spans = parse_line_ranges(text)
    if spans is None:
        message = f"range '{text}' of {shown} is not a line range such as '12-30' or '4-5,36-60'"
        return [audit.finding("BR606", message, reference.line)], fallback
    if resolved is None:
        return [], fallback
    base, relative = resolved
    reader = SampleReader(base)  # the reader every stage uses, so its rules are the same here
    try:
        lines = ranges.sample_lines(reader.text(relative))
    except BindrefError as error:  # not text: the range cannot be judged, and the page cannot show it
        return [
            audit.finding("BR603", f"source '{source}' {error.message}", reference.line, error.hint)
        ], fallback
    try:
        regions = reader.regions(relative)
    except BindrefError:  # broken markers are `bindref check`'s finding (BR002), not this page's
        regions = {}
    region = ranges.region_suggestion(lines, spans, regions, relative)
    tag = f'use id="{region}"' if region in regions else ranges.tag_hint(relative, region)
    found = list(_shows_binding(audit, reference, lines, spans, shown, relative, regions))
    if not found and (cuts := ranges.cuts(lines, spans, relative)):  # a range off its function: one cause
        fixed = tuple(next((c.fixed for c in cuts if c.span == span), span) for span in spans)
        reasons = "; ".join(cut.reason for cut in cuts)
        message = f"range '{text}' of {shown} does not show whole code: {reasons}"
        hint = f'make it range="{ranges.format_spans(_merge(fixed))}", or {tag}'
        found.append(audit.finding("BR606", message, reference.line, hint))
    return found, region


def _merge(spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return tuple(merged)


def _shows_binding(
    audit: PageAudit,
    reference: CodeReference,
    lines: list[str],
    spans: tuple[tuple[int, int], ...],
    shown: str,
    relative: str,
    regions: Mapping[str, RegionSpan],
) -> Iterator[Finding]:
    """A range of a binding's example must show the binding: its attribute, decorator or type."""
    binding, suffix = audit.binding, PurePosixPath(relative).suffix
    if binding is None:
        return
    profiles = [p for p in PROFILES.values() if p.sample_file and p.sample_file.endswith(suffix)]
    profiles = [p for p in profiles if binding.is_available(p.language) and p.language in binding.names]
    # a language whose bindings live in function.json: its script does not name them
    if suffix != ".json" and (not profiles or any(p.sample_syntax == p.generic_name for p in profiles)):
        return
    words = {f"'{binding.type_name}'", f'"{binding.type_name}"'}
    for profile in profiles:
        name = binding.names[profile.language]
        words.update([name] if profile.names_binding_by_symbol else [])
        words.update(profile.helper_names(name, binding.direction, binding.type_name))
    if ranges.shows(lines, spans, tuple(words)) or not ranges.shows(lines, ((1, len(lines)),), tuple(words)):
        return  # it shows the binding, or the file is context (a model class, a table script)
    symbols = sorted(w for w in words if not w.startswith(("'", '"')))
    wanted = " or ".join(f"'{w}'" for w in symbols) or f"the type '{binding.type_name}'"
    uses = [n for n, line in enumerate(lines, 1) if ranges.shows([line], ((1, 1),), tuple(words))]
    where = min(uses, key=lambda n: (abs(n - spans[0][0]), n))  # the use nearest the range
    span = ranges.function_span(lines, where, relative)
    hint = f"it is on line {where} of the file"
    if span:
        region = ranges.region_suggestion(lines, (span,), regions, relative)
        tag = f'use id="{region}"' if region in regions else ranges.tag_hint(relative, region)
        hint += f': make it range="{span[0]}-{span[1]}", or {tag}'
    message = f"range '{reference.attributes['range']}' of {shown} does not show {wanted}"
    yield audit.finding("BR606", message, reference.line, hint)
