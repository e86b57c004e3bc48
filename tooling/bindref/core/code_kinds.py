"""The shape of a finding code: its severity and what the catalog documents for it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How a finding affects the exit code: errors fail, warnings and notes do not."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True, kw_only=True)
class Code:
    """One kind of finding, documented once."""

    code: str
    name: str
    severity: Severity
    summary: str
    example: str
    fix: str
    broken_input: bool = False  # a definition/region/template/page that cannot be read: exit 3
