"""The catalog of a project read from its definitions, each extension resolved on its own.

Kept apart from :mod:`bindref.render.project`, which decides when to read it (and from the
cache when it can): this is the reading, which only a cold or edited project pays for.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bindref.core.config import Settings
from bindref.core.errors import BindrefError, BindrefErrors, raise_all
from bindref.core.model import Binding, Catalog


def load_catalog(
    settings: Settings, files: list[Path], *, workers: int, alongside: Callable[[], object] | None
) -> Catalog:
    """Every extension that loads, and the errors of each that does not (see ``Project.catalog``)."""
    from bindref.definitions.loader import load_raw_bindings  # noqa: PLC0415  # griffe: a cold read only
    from bindref.definitions.resolve import build_catalog  # noqa: PLC0415

    raw_bindings, errors = load_raw_bindings(
        settings.root,
        settings.definitions,
        workers=workers,
        settings=settings,
        files=files,
        alongside=alongside,
    )
    by_extension: dict[str, list[BindrefError]] = {}
    for error in errors:
        by_extension.setdefault(owner(settings, error.path), []).append(error)
    raise_all(by_extension.pop("", []))  # a setting or a shared module: nothing can render
    bindings: dict[str, Binding] = {}
    for extension in sorted({raw.extension for raw in raw_bindings} | set(by_extension)):
        found = by_extension.setdefault(extension, [])  # every problem of one pass, reported
        try:
            part = build_catalog([r for r in raw_bindings if r.extension == extension], settings)
        except BindrefErrors as resolve_errors:
            found.extend(resolve_errors.errors)
        except BindrefError as resolve_error:
            found.append(resolve_error)
        else:
            if not found:
                bindings.update(part.bindings)
    by_extension = {name: found for name, found in by_extension.items() if found}
    problems = {name: BindrefErrors(found).errors for name, found in sorted(by_extension.items())}
    return Catalog(bindings=dict(sorted(bindings.items())), problems=problems)


def owner(settings: Settings, path: str) -> str:
    """The extension a definition file belongs to ('' outside any extension folder)."""
    parts = Path(path).parts
    base = Path(settings.definitions).parts
    return parts[len(base)] if parts[: len(base)] == base and len(parts) > len(base) + 1 else ""
