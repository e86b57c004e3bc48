"""What every check receives: the project, its catalog and the command-line options."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from bindref.core.model import Catalog
from bindref.core.parallel import Turns
from bindref.samples.files import sample_files
from bindref.samples.usages import Syntax

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
    # The samples check's files are shared out through these when it runs in several processes.
    sample_turns: Turns = field(default_factory=Turns)

    @cached_property
    def sample_files(self) -> tuple[tuple[str, os.DirEntry[str], Syntax], ...]:
        """Every sample file the samples check reads, listed once (before any process is forked)."""
        settings = self.project.settings
        roots = settings.sample_roots()
        return tuple(entry for folder in roots for entry in sample_files(settings.root, folder))

    @cached_property
    def pages(self) -> tuple[ScannedPage, ...]:
        """The docs pages, scanned once on first use (frozen values: no check changes them)."""
        from bindref.check.page_scan import scan_pages  # noqa: PLC0415  # it needs the macros; a remembered check does not

        return scan_pages(self.project.settings)
