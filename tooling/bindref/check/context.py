"""What every check receives: the project, its catalog and the command-line options."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from bindref.core.model import Catalog

if TYPE_CHECKING:
    from bindref.check.page_scan import ScannedPage
    from bindref.render.project import Project


@dataclass(frozen=True, kw_only=True)
class CheckOptions:
    """Options of ``bindref check``."""

    # Checkouts of SDK sources by extension ('' = every extension), then language family:
    # {"sql": {"csharp": Path}}. An extension's own settings add to these (see check.sdk).
    sdk_sources: Mapping[str, Mapping[str, Path]] = field(default_factory=dict)
    # Compare Python definitions with the installed azure-functions package.
    python_sdk: bool = True
    # Compare Java definitions with the sources the extensions' settings name (java_maven, java_sources).
    java_sdk: bool = True
    # Check one extension only (``--extension``): its bindings and the findings in what it owns.
    extension: str = ""


@dataclass(frozen=True, kw_only=True)
class CheckContext:
    """A loaded project: checks read it, never write to it, and need not run in any order."""

    project: Project
    catalog: Catalog
    options: CheckOptions
    scanned: tuple[ScannedPage, ...] | None = None  # the pages, when scanned before the context is made

    @cached_property
    def pages(self) -> tuple[ScannedPage, ...]:
        """The docs pages, scanned once on first use (frozen values: no check changes them)."""
        if self.scanned is not None:
            return self.scanned
        from bindref.check.page_scan import scan_pages  # noqa: PLC0415  # it needs the macros; a remembered check does not

        return scan_pages(self.project.settings)
