"""``--extension NAME``: one extension's bindings, and the findings that belong to it.

A documentation set holds many extensions, and their owners fix their own drift: a check
or coverage run for one extension must neither fail on another's problems nor hide its own.
A finding belongs to an extension when it sits in its definitions, its samples, a page that
shows one of its bindings, or its exported files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from bindref.check.findings import Finding
from bindref.core.config import Settings
from bindref.core.errors import ConfigError, choices_hint
from bindref.core.model import Catalog

if TYPE_CHECKING:
    from bindref.check.page_scan import ScannedPage


def extensions_of(catalog: Catalog) -> list[str]:
    """Every extension the definitions name, loaded or not."""
    return sorted({b.extension for b in catalog.bindings.values()} | set(catalog.problems))


def catalog_of(catalog: Catalog, extension: str) -> Catalog:
    """The bindings and problems of one extension; an unknown name is a usage error."""
    known = extensions_of(catalog)
    if extension not in known:
        raise ConfigError(
            f"no extension '{extension}'", hint=choices_hint(extension, known, noun="extensions")
        )
    return Catalog(
        bindings={k: b for k, b in catalog.bindings.items() if b.extension == extension},
        problems={k: p for k, p in catalog.problems.items() if k == extension},
    )


def findings_of(
    findings: Iterable[Finding],
    extension: str,
    settings: Settings,
    pages: Sequence[ScannedPage],
    exported: Iterable[str],
) -> list[Finding]:
    """The findings located in what ``extension`` owns (``exported``: its export file paths)."""
    prefix = f"{extension}/"
    shown = {
        page.path
        for page in pages
        for call in page.calls
        if call.args and isinstance(call.args[0], str) and (call.args[0] + "/").startswith(prefix)
    }
    folders = [
        PurePosixPath(settings.definitions) / extension,
        PurePosixPath(settings.sample_folder_of(extension)),
    ]
    owned = set(exported) | shown
    return [
        f
        for f in findings
        if f.path in owned or any(PurePosixPath(f.path).is_relative_to(folder) for folder in folders)
    ]
