"""``bindref sdk lock``: record the SDK text the definitions were reviewed against.

``bindref check`` only reads the lock (BR421-BR428); this command is the one writer. It
reads the same SDKs as the check, with the same options, and writes each extension's
lock atomically, and only when it changed, so an unchanged lock keeps its bytes and mtime.
"""

from __future__ import annotations

import argparse

from bindref.check.context import CheckContext, CheckOptions
from bindref.check.scope import catalog_of, extensions_of
from bindref.check.sdk_inputs import require_sdks
from bindref.check.sdk_lock_file import lock_path, read_lock, render_lock
from bindref.cli.commands import parse_sdk_sources
from bindref.core.errors import EXIT_OK, ConfigError
from bindref.export.writes import write_atomic
from bindref.render.project import Project
from bindref.sdk.provenance import describe


def run_sdk_lock(project: Project, args: argparse.Namespace) -> int:
    """Write (or leave as is) the lock of every extension, or of ``--extension NAME``."""
    from bindref.check.sdk_lock import refreshed_lock  # noqa: PLC0415  # the SDK readers load when the command runs

    options = CheckOptions(
        sdk_sources=parse_sdk_sources(args.sdk_source),
        python_sdk=not args.no_python_sdk,
        java_sdk=not args.no_java_sdk,
        extension=args.extension or "",
    )
    require_sdks(options)
    project.refresh()
    project.raise_problems()  # a lock made while a definition is broken would drop its bindings
    catalog = project.catalog()
    if options.extension:
        catalog = catalog_of(catalog, options.extension)
    context = CheckContext(project=project, catalog=catalog, options=options)
    settings = project.settings
    for extension in extensions_of(catalog):
        relative = lock_path(settings, extension)
        lock, kept = refreshed_lock(context, extension, read_lock(settings.root, relative))
        if not lock.bindings:  # said, not written: an empty lock would claim a review of nothing
            print(f"{relative}: nothing to lock (no SDK of this run declares a binding of '{extension}')")
            continue
        text = render_lock(lock)
        path = settings.root / relative
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != text:
            try:
                write_atomic(path, text)
            except OSError as error:
                raise ConfigError(f"cannot write '{relative}'", hint=error.strerror or "") from None
        read = "; ".join(
            f"{family} {', '.join(describe(p) for p in lock.sdks[family])}" for family in lock.sdks
        )
        state = "up to date" if current == text else "written"
        print(f"{relative}: {state} ({read})")
        if kept:
            print(f"  kept from the previous lock, not compared in this run: {', '.join(kept)}")
    return EXIT_OK
