"""What every audit rule receives: the page, where it is, the project and the binding.

Kept apart from the rules so that each family of rules (code references, examples,
tables, prose) can live in its own module without importing the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bindref.audit.page import LearnPage
from bindref.audit.sources import SourceRoots
from bindref.check.findings import Finding
from bindref.core.model import Binding
from bindref.render.project import Project


@dataclass
class PageAudit:
    """One page being audited, with what every check needs."""

    project: Project
    page: LearnPage
    path: str
    page_folder: str | None  # relative to the project root, when the page is inside it
    roots: SourceRoots
    binding: Binding | None = None

    def finding(self, code: str, message: str, line: int, hint: str = "", column: int = 0) -> Finding:
        """A finding on this page."""
        return Finding(code=code, message=message, path=self.path, line=line, hint=hint, column=column)

    def grouped(self, code: str, message: str, lines: Sequence[int], hint: str = "") -> Finding:
        """One finding for one cause seen on several lines: at the first, naming the others."""
        first, *others = sorted(set(lines))
        also = f" (also line{'s' if len(others) > 1 else ''} {', '.join(map(str, others))})" if others else ""
        return self.finding(code, message + also, first, hint)
