"""Where the installed azure-functions package is, found without importing it or griffe.

Kept apart from :mod:`bindref.sdk.python` (which reads the package with griffe) so that a
remembered check (:mod:`bindref.check.memo`) can hash the package without loading the reader.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

FUNCTION_APP = "azure/functions/decorators/function_app.py"
PACKAGE = "azure-functions"


def find_function_app(search_paths: Sequence[str] | None = None) -> Path | None:
    """The installed ``function_app.py`` on ``search_paths`` (``sys.path``), or None.

    Walking the paths ourselves, rather than ``import azure.functions``, keeps the package's
    import-time code out of a docs build.
    """
    for entry in sys.path if search_paths is None else search_paths:
        candidate = Path(entry or ".") / FUNCTION_APP
        if candidate.is_file():
            return candidate.resolve()
    return None


def package_files(function_app: Path) -> list[Path]:
    """The Python files of the package ``function_app.py`` is in: everything the SDK reader reads."""
    return sorted(function_app.parent.parent.rglob("*.py"))
