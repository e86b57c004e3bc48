"""Checks on the docs pages: placeholders, macro calls that cannot render, bindings without a page.

Every macro call found on a page is rendered with :class:`bindref.render.macros.PageMacros`,
the same functions the site build calls, so a page that passes here renders there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

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


# What a page's placeholders or one macro call gave: each finding with the error text that
# would say it again on a later page (None: always shown). See PageWork.outcome.
Said = list[tuple[Finding, str | None]]


def check_pages(context: CheckContext) -> list[Finding]:
    """BR105, BR102, BR104 (and BR001-3 via rendering), then BR103 for bindings no page shows."""
    work = PageWork(context)
    return work.outcome([work.render(range(len(work)))])


class PageWork:
    """The pages of a check, rendered in parts that any process may take (see :mod:`bindref.check.run`).

    One broken region is one finding, not one per page that shows it: :meth:`outcome` keeps
    the first page's, with the parts back in page order, so parts rendered anywhere give
    what one pass gives. A page that cannot be read (BR105) may show any binding, so while
    one is unreadable no binding is said to have no page.
    """

    def __init__(self, context: CheckContext) -> None:
        self.context = context
        self.pages = context.pages

    def __len__(self) -> int:
        return len(self.pages)

    def render(self, indexes: range) -> list[list[Said]]:
        """Each page's placeholders and macro calls, rendered with the site build's macros."""
        macros = PageMacros(self.context.project)
        rendered: list[list[Said]] = []
        for page in (self.pages[index] for index in indexes):
            if page.error is not None:
                rendered.append([[(finding_from_error(page.error, "BR105"), None)]])
                continue
            placeholders: Said = [(finding, None) for finding in _page_placeholders(page.path, page.text)]
            rendered.append([placeholders, *(_render_call(macros, call) for call in page.calls)])
        return rendered

    def outcome(self, parts: Iterable[list[list[Said]]]) -> list[Finding]:
        """The findings of every part (in page order), then BR103."""
        findings: list[Finding] = []
        reported: set[str] = set()  # error texts already turned into findings
        for said in (said for part in parts for page in part for said in page):
            fresh = [(finding, text) for finding, text in said if text is None or text not in reported]
            reported.update(text for _, text in fresh if text is not None)
            findings.extend(finding for finding, _ in fresh)
        if any(page.error for page in self.pages):
            return findings
        context = self.context
        found = (context.catalog.find(reference) for reference in shown_references(self.pages))
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


def _render_call(macros: PageMacros, call: MacroCall) -> Said:
    extra = {"referenced_from": (call.path, call.line)} if call.name == "snippet" else {}
    try:
        getattr(macros, call.name)(*call.args, **call.kwargs, **extra)
    except TypeError as error:
        return [
            (Finding(code="BR104", message=f"{call.name}(): {error}", path=call.path, line=call.line), None)
        ]
    except BindrefError as raised:
        errors = raised.errors if isinstance(raised, BindrefErrors) else (raised,)
        # a missing example is the definition's gap, reported once by the coverage check (BR201)
        shown = [error for error in errors if not isinstance(error, MissingExampleError)]
        return [(_finding_for(call, error), error.render()) for error in shown]
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
