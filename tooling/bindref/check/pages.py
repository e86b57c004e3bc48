"""Checks on the docs pages: placeholders, macro calls that cannot render, bindings without a page.

Every macro call found on a page is rendered with :class:`bindref.render.macros.PageMacros`,
the same functions the site build calls, so a page that passes here renders there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bindref.check.context import CheckContext
from bindref.check.findings import Finding, code_for_error, finding_from_error
from bindref.check.page_scan import RAW, MacroCall, blank_out, shown_references
from bindref.check.placeholders import find_placeholders
from bindref.core.errors import (
    BindrefError,
    BindrefErrors,
    MissingExampleError,
)
from bindref.render.macros import PageMacros

_FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$", re.DOTALL | re.MULTILINE)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")


def check_pages(context: CheckContext) -> list[Finding]:
    """BR105, BR102, BR104 (and BR001-3 via rendering), then BR103 for bindings no page shows.

    One broken region is one finding, not one per page that shows it. A page that cannot be
    read (BR105) may show any binding, so while one is unreadable no binding is said to
    have no page.
    """
    macros = PageMacros(context.project)
    findings: list[Finding] = []
    reported: set[str] = set()  # error texts this check already turned into findings
    for page in context.pages:
        if page.error is not None:
            findings.append(finding_from_error(page.error, "BR105"))
            continue
        findings.extend(_page_placeholders(page.path, page.text))
        for call in page.calls:
            findings.extend(_render_call(macros, call, reported))
    if any(page.error for page in context.pages):
        return findings
    found = (context.catalog.find(reference) for reference in shown_references(context.pages))
    shown = {binding.key for binding in found if binding}
    docs = context.project.settings.docs
    findings.extend(
        Finding(
            code="BR103",
            message=f"binding '{key}' has no page",
            path=binding.location.path,
            line=binding.location.line,
            hint=f"add a page under {docs}/ that calls binding_reference('{key}')",
        )
        for key, binding in context.catalog.bindings.items()
        if key not in shown
    )
    return findings


def _render_call(macros: PageMacros, call: MacroCall, reported: set[str]) -> list[Finding]:
    extra = {"referenced_from": (call.path, call.line)} if call.name == "snippet" else {}
    try:
        getattr(macros, call.name)(*call.args, **call.kwargs, **extra)
    except TypeError as error:
        return [Finding(code="BR104", message=f"{call.name}(): {error}", path=call.path, line=call.line)]
    except BindrefError as raised:
        errors = raised.errors if isinstance(raised, BindrefErrors) else (raised,)
        # a missing example is the definition's gap, reported once by the coverage check (BR201)
        fresh = [e for e in errors if e.render() not in reported and not isinstance(e, MissingExampleError)]
        reported.update(e.render() for e in fresh)
        return [_finding_for(call, error) for error in fresh]
    return []


def _finding_for(call: MacroCall, error: BindrefError) -> Finding:
    code = code_for_error(error, "BR104")
    if code != "BR104" and error.path:
        return Finding(code=code, message=error.message, path=error.path, line=error.line, hint=error.hint)
    return Finding(code=code, message=error.render(), path=call.path, line=call.line)


def _page_placeholders(path: str, text: str) -> Iterator[Finding]:
    # code (fenced or inline) quotes text literally: `TODO` there is a word about TODO, not one
    prose = blank_out(blank_out(blank_out(text, RAW), _FENCE), _CODE_SPAN)
    for offset, placeholder in find_placeholders(prose):
        yield Finding(
            code="BR102",
            message=f"placeholder '{placeholder}' in the page",
            path=path,
            line=prose.count("\n", 0, offset) + 1,
            hint="write the real text before publishing",
        )
