"""Findings of ``bindref check``: one problem, one place, one code.

A finding is one problem at one ``path:line``. Its code says what kind of problem
it is; :mod:`bindref.core.codes` documents every code once.
"""

from __future__ import annotations

from dataclasses import dataclass

from bindref.core.codes import CODES, Code, Severity
from bindref.core.errors import (
    EXIT_DEFINITION,
    EXIT_DRIFT,
    EXIT_OK,
    BindrefError,
    DefinitionError,
    RegionError,
    TemplateError,
)
from bindref.core.model import Location

__all__ = ["CODES", "Code", "Finding", "Severity", "exit_code_for", "finding_from_error"]


@dataclass(frozen=True, kw_only=True)
class Finding:
    """One problem found by a check, at a repo-relative ``path:line``."""

    code: str
    message: str
    path: str
    line: int = 0
    hint: str = ""
    column: int = 0

    @property
    def severity(self) -> Severity:
        """The code's severity."""
        return CODES[self.code].severity

    def render(self) -> str:
        """``path:line: [BR301] message (hint)``: the text form every sink builds on."""
        where = f"{self.path}:{self.line}: " if self.line else (f"{self.path}: " if self.path else "")
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}[{self.code}] {self.message}{hint}"


# The code of a broken input found while rendering, by the kind of error that says so.
_INPUT_CODES = ((RegionError, "BR002"), (TemplateError, "BR003"), (DefinitionError, "BR001"))


def code_for_error(error: BindrefError, default: str) -> str:
    """BR001/BR002/BR003 for a definition, region or template error, else ``default``."""
    return next((code for kind, code in _INPUT_CODES if isinstance(error, kind)), default)


def finding_from_error(error: BindrefError, code: str) -> Finding:
    """Turn a raised bindref error into a finding of ``code``."""
    return Finding(code=code, message=error.message, path=error.path, line=error.line, hint=error.hint)


def exit_code_for(findings: list[Finding]) -> int:
    """3 when an input cannot be read, 1 for drift, 0 when only warnings and notes remain."""
    failing = [f for f in findings if f.severity is Severity.ERROR]
    if any(CODES[f.code].broken_input for f in failing):
        return EXIT_DEFINITION
    return EXIT_DRIFT if failing else EXIT_OK


def sdk_difference(code: str, message: str, location: Location, hint: str, accepted: str = "") -> Finding:
    """A difference from an SDK; an intended one (``accepted=``) is a note with the author's reason."""
    if accepted:
        return Finding(
            code="BR407",
            message=f"accepted: {message}",
            path=location.path,
            line=location.line,
            hint=accepted,
        )
    return Finding(code=code, message=message, path=location.path, line=location.line, hint=hint)
