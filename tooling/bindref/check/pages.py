"""Checks on the docs pages: placeholders, macro calls that cannot render, bindings without a page.

Every macro call found on a page is rendered with :class:`bindref.render.macros.PageMacros`,
the same functions the site build calls, so a page that passes here renders there.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bindref.check.context import CheckContext
from bindref.check.findings import Finding, finding_from_error
from bindref.check.placeholders import find_placeholders
from bindref.errors import (
    BindrefError,
    BindrefErrors,
    DefinitionError,
    MissingExampleError,
    RegionError,
    TemplateError,
    read_text_file,
)
from bindref.render.macros import MACRO_NAMES, PAGE_MACROS, PageMacros

_EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.DOTALL)
_FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$", re.DOTALL | re.MULTILINE)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_ERROR_CODES = ((RegionError, "BR002"), (TemplateError, "BR003"), (DefinitionError, "BR001"))


@dataclass(frozen=True, kw_only=True)
class MacroCall:
    """One call of a bindref macro on a page, with literal arguments."""

    name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    path: str
    line: int


def check_pages(
    context: CheckContext, reported: set[str], used_regions: set[tuple[str, str]]
) -> list[Finding]:
    """BR105, BR102, BR104 (and BR001-3 via rendering), then BR103 for bindings no page shows.

    ``reported`` holds error texts already reported elsewhere, so one broken region
    is one finding, not one per page that shows it. A page that cannot be read (BR105)
    may show any binding, so while one is unreadable no binding is said to have no page.
    """
    settings = context.project.settings
    docs = settings.root / settings.docs
    macros = PageMacros(context.project)
    findings: list[Finding] = []
    shown: set[str] = set()
    unreadable = False
    for page in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        if page.is_dir():  # a folder named like a page holds pages; rglob finds them too
            continue
        relative = page.relative_to(settings.root).as_posix()
        try:
            text = read_text_file(page, relative)
        except BindrefError as error:
            findings.append(finding_from_error(error, "BR105"))
            unreadable = True
            continue
        findings.extend(_page_placeholders(relative, text))
        for call in _macro_calls(relative, text):
            findings.extend(_render_call(macros, call, reported))
            if call.name in PAGE_MACROS and call.args:
                found = context.catalog.find(str(call.args[0]))
                shown.update([found.key] if found else [])
            if call.name == "snippet" and len(call.args) > 1 and call.args[1]:
                used_regions.add((f"{settings.samples}/{call.args[0]}", str(call.args[1])))
    for key, binding in context.catalog.bindings.items():
        if key not in shown and not unreadable:
            findings.append(
                Finding(
                    code="BR103",
                    message=f"binding '{key}' has no page",
                    path=binding.location.path,
                    line=binding.location.line,
                    hint=f"add a page under {settings.docs}/ that calls binding_reference('{key}')",
                )
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
    code = next((code for kind, code in _ERROR_CODES if isinstance(error, kind)), "BR104")
    if code != "BR104" and error.path:
        return Finding(code=code, message=error.message, path=error.path, line=error.line, hint=error.hint)
    return Finding(code=code, message=error.render(), path=call.path, line=call.line)


def _macro_calls(path: str, text: str) -> Iterator[MacroCall]:
    for match in _EXPRESSION.finditer(_blank_out(text, _RAW)):
        try:
            node = ast.parse(match.group(1).strip(), mode="eval").body
        except SyntaxError:
            continue
        if not (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MACRO_NAMES
        ):
            continue
        line = text.count("\n", 0, match.start()) + 1
        try:
            args = tuple(ast.literal_eval(arg) for arg in node.args)
            kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in node.keywords if kw.arg}
        except ValueError:
            continue  # computed arguments: only the site build can evaluate them
        yield MacroCall(name=node.func.id, args=args, kwargs=kwargs, path=path, line=line)


def _page_placeholders(path: str, text: str) -> Iterator[Finding]:
    # code (fenced or inline) quotes text literally: `TODO` there is a word about TODO, not one
    prose = _blank_out(_blank_out(_blank_out(text, _RAW), _FENCE), _CODE_SPAN)
    for offset, placeholder in find_placeholders(prose):
        yield Finding(
            code="BR102",
            message=f"placeholder '{placeholder}' in the page",
            path=path,
            line=prose.count("\n", 0, offset) + 1,
            hint="write the real text before publishing",
        )


def _blank_out(text: str, pattern: re.Pattern[str]) -> str:
    """Replace matches with as many newlines, so offsets still map to the same lines."""
    return pattern.sub(lambda m: "\n" * m.group(0).count("\n"), text)
