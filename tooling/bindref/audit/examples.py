"""BR604 and BR610: the languages of the Example section that show no example.

Each Learn pivot needs a zone in the Example section with a ``:::code`` reference, or a
sentence or the standard ``[!INCLUDE [functions-examples-not-available-note]]`` saying the
language has none. A reference whose source is still a placeholder shows nothing, and a
commented-out reference is not shown either: the finding says it is there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bindref.audit.context import PageAudit
from bindref.audit.page import CodeReference, LearnPage, Zone
from bindref.check.findings import Finding
from bindref.check.placeholders import find_placeholders
from bindref.languages import PROFILES, learn_pivots

_PIVOTS = learn_pivots()
_NO_EXAMPLE = re.compile(
    r"(?:not|n't) (?:currently |yet )?(?:supported|available)|only supported|no examples?\b", re.I
)
_NONE_INCLUDE = re.compile(r"examples?-not-(?:yet-)?available|not-supported", re.I)


def _real(reference: CodeReference) -> bool:
    """A reference with a source that is not a placeholder."""
    source = reference.attributes.get("source", "")
    return bool(source) and not any(find_placeholders(source, template_code=False))


def missing_examples(audit: PageAudit) -> Iterator[Finding]:
    """A finding for each pivot whose zone is missing or shows no example."""
    page = audit.page
    heading = next((h for h in page.headings if h.level == 2 and re.fullmatch(r"Examples?", h.title)), None)
    if heading is None:
        yield audit.finding("BR604", "the page has no '## Example' section", 1)
        return
    end = page.section_end(heading)
    sections = [h.line for h in page.headings if h.level <= 2]  # a zone holding one is a reference zone
    zones = [z for z in page.zones if heading.line < z.line < end and not any(map(z.contains, sections))]
    if not zones:  # an older page: a content tab per language instead of zones
        yield from _tabbed(audit, heading.line, end)
        return
    group = audit.page.pivot_group
    yield from _said_none(audit, zones)
    hidden: list[tuple[str, int]] = []
    for pivot, languages in _PIVOTS.items():
        if audit.binding and not any(audit.binding.is_available(lang) for lang in languages):
            continue
        if group and not any(group in PROFILES[lang].learn_pivot_groups for lang in languages):
            continue  # the page's pivot group has no such pivot
        own = [zone for zone in zones if pivot in zone.pivots]
        if not own:
            message = f"the Example section has no programming-language-{pivot} zone"
            yield audit.finding("BR604", message, heading.line, "add a zone with a :::code reference")
        elif not any(_has_example(page, zone) for zone in own):
            commented = [
                r.line for z in own for r in page.commented_references if z.contains(r.line) and _real(r)
            ]
            if commented:  # one cause (the examples were commented out), one finding below
                hidden.append((pivot, commented[0]))
                continue
            message = f"the programming-language-{pivot} zone has no example"
            hint = "add a :::code reference to a sample region, or say that the language has none"
            yield audit.finding("BR604", message, own[0].line, hint)
        else:
            yield from _commented(audit, own)
    if hidden:
        names = ", ".join(PROFILES[_PIVOTS[p][0]].tab for p, _ in hidden)
        message = f"the examples of {names} are commented out, so these zones show none"
        hint = "uncomment them once their sources and ranges are right"
        yield audit.grouped("BR604", message, [line for _, line in hidden], hint)


def _has_example(page: LearnPage, zone: Zone) -> bool:
    """A :::code reference to a real source or a fenced example, or a sentence or include saying "none"."""
    text = "\n".join(page.lines[zone.line : zone.end_line - 1])
    if any(zone.contains(ref.line) and _real(ref) for ref in page.code_references):
        return True
    if any(zone.contains(line) for line in page.fences):
        return True  # an inline example: shown, if not checked against a sample
    said_none = any(zone.contains(i.line) and _NONE_INCLUDE.search(i.name + i.target) for i in page.includes)
    return said_none or bool(_NO_EXAMPLE.search(text))


def _commented(audit: PageAudit, zones: list[Zone]) -> Iterator[Finding]:
    """A zone that says "none" while a real example sits commented out in it."""
    page = audit.page
    for zone in zones:
        if any(zone.contains(ref.line) for ref in page.code_references):
            continue
        for reference in page.commented_references:
            if zone.contains(reference.line) and _real(reference):
                message = f"the example of {reference.attributes['source']} is commented out"
                hint = "uncomment it if the sample is ready, or remove it"
                yield audit.finding("BR610", message, reference.line, hint)


def _said_none(audit: PageAudit, zones: list[Zone]) -> Iterator[Finding]:
    """Zones that say their languages have no example, where the binding has one: one finding a zone."""
    page, binding = audit.page, audit.binding
    if binding is None:
        return
    for zone in zones:
        yield from _tab_said_none(audit, zone)
        if any(zone.contains(tab.line) for tab in page.tabs):
            continue  # its tabs say it, each for its own worker model
        if any(zone.contains(r.line) and _real(r) for r in page.code_references) or not _has_example(
            page, zone
        ):
            continue
        having = {
            pivot: examples[0].path
            for pivot in zone.pivots
            if (examples := [e for lang in _PIVOTS.get(pivot, ()) for e in binding.examples.get(lang, ())])
        }
        if having:
            names = ", ".join(PROFILES[_PIVOTS[p][0]].tab for p in having)
            each = "one" if len(having) == 1 else "one for each"
            message = f"the {names} zone says there is no example, but '{binding.key}' has {each}"
            shown = "; ".join(having.values())
            yield audit.finding("BR604", message, zone.line, f"show the samples: {shown}")


def _tab_said_none(audit: PageAudit, zone: Zone) -> Iterator[Finding]:
    """A worker-model tab inside a zone that says "none", where that model has a sample."""
    page, binding = audit.page, audit.binding
    assert binding is not None  # noqa: S101  # the caller checks
    tabs = [t for t in page.tabs if zone.contains(t.line)]
    for tab, after in zip(tabs, [*(t.line for t in tabs[1:]), zone.end_line], strict=False):
        body = range(tab.line + 1, after)
        if any(r.line in body and _real(r) for r in page.code_references) or any(
            f in body for f in page.fences
        ):
            continue
        text = "\n".join(page.lines[n - 1] for n in body)
        says_none = _NO_EXAMPLE.search(text) or any(
            i.line in body and _NONE_INCLUDE.search(i.name + i.target) for i in page.includes
        )
        models = [p.language for p in PROFILES.values() if p.learn_tab == tab.tab_id]
        examples = [e for lang in models for e in binding.examples.get(lang, ())]
        if says_none and examples:
            message = f"the '{tab.title}' tab says there is no example, but '{binding.key}' has one"
            yield audit.finding("BR604", message, tab.line, f"show the sample: {examples[0].path}")


def _tabbed(audit: PageAudit, first: int, end: int) -> Iterator[Finding]:
    """An Example section of language tabs: the languages without a tab, as one finding."""
    page, binding = audit.page, audit.binding
    tabs = {tab.tab_id for tab in page.tabs if first < tab.line < end}
    if not tabs:
        yield audit.finding(
            "BR604", "the Example section has no language zones", first, "add a zone per language"
        )
        return
    missing = [
        PROFILES[languages[0]].tab
        for pivot, languages in _PIVOTS.items()
        if pivot not in tabs and (binding is None or any(binding.is_available(lang) for lang in languages))
    ]
    if missing:
        message = f"the Example section has no tab and no zone for {', '.join(missing)}"
        yield audit.finding("BR604", message, first, "add a zone per language with a :::code reference")
