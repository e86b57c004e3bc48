"""Which files under the samples folder are samples, and a cheap test before parsing them.

Dependency and build folders (``node_modules``, ``bin``, ``obj``, ...) are not
samples; files too large or not UTF-8 are not code bindref can read; a file that
mentions no binding name is not worth a parse.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from bindref.samples.regions import MAX_SAMPLE_BYTES
from bindref.samples.usages import Syntax, syntax_for

# The one skip list: dependency and build output folders (and hidden ones, such as .git and .gradle)
# hold no samples and no SDK declarations, and node_modules can be huge.
SKIPPED_FOLDERS = frozenset({"node_modules", "bin", "obj", "target", "dist", "build", "__pycache__"})


def sample_paths(base: Path) -> Iterator[Path]:
    """Every file under ``base``, in order, outside dependency, build and hidden folders."""
    for folder, subfolders, files in os.walk(base):
        subfolders[:] = sorted(f for f in subfolders if f not in SKIPPED_FOLDERS and not f.startswith("."))
        yield from (Path(folder, name) for name in sorted(files))


def sample_files(root: Path, base: Path) -> Iterator[tuple[Path, Syntax]]:
    """The samples bindref can parse, with their syntax; symlinks must stay in the repository."""
    real_root = root.resolve()
    for path in sample_paths(base):
        syntax = syntax_for(path)
        if syntax is not None and (not path.is_symlink() or _inside(path, real_root)):
            yield path, syntax


def _inside(link: Path, real_root: Path) -> bool:
    """A symlink counts only if it resolves inside the repository (a loop does not resolve)."""
    try:
        return link.resolve(strict=True).is_relative_to(real_root)
    except (OSError, RuntimeError):
        return False


def read_sample(path: Path) -> str | None:
    """The file's text, or None for files too large or not UTF-8 (not code bindref can read)."""
    try:
        if path.stat().st_size > MAX_SAMPLE_BYTES:
            return None
        return path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def prefilter(symbols: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for all binding names: a file is parsed only if it mentions one."""
    ordered = sorted(symbols, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None
