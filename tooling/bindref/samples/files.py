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

from bindref.samples.usages import Syntax, syntax_for

MAX_SAMPLE_BYTES = 5 * 1024 * 1024  # larger files are not samples anyone reads on a page

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


class SampleTextError(ValueError):
    """A sample that is not text bindref can show; the reader locates it (file or docs line)."""

    def __init__(self, problem: str, hint: str) -> None:
        super().__init__(f"{problem} ({hint})")
        self.problem = problem
        self.hint = hint


def read_sample_text(path: Path, size: int) -> str:
    """The text of a sample ``size`` bytes long, by the one set of rules every stage uses.

    UTF-8 (a byte-order mark is kept for the region parser to drop), at most
    :data:`MAX_SAMPLE_BYTES` (never read past the limit: a huge file stays on disk), and
    not binary (a NUL byte in the first 8 KiB, as git sniffs). Raises SampleTextError, or
    OSError when the file cannot be read at all.
    """
    data = b""
    if size <= MAX_SAMPLE_BYTES:
        with path.open("rb") as handle:
            data = handle.read(MAX_SAMPLE_BYTES + 1)
    if (size := max(size, len(data))) > MAX_SAMPLE_BYTES:
        hint = f"{size / 2**20:.1f} MiB; samples are limited to {MAX_SAMPLE_BYTES >> 20} MiB"
        raise SampleTextError("is too large", hint)
    if (nul := data.find(b"\0", 0, 8 * 1024)) >= 0:
        raise SampleTextError("looks binary", f"NUL byte at offset {nul}; only text can be included")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        hint = f"byte 0x{data[exc.start]:02x} at offset {exc.start} on line {line}; re-save it as UTF-8"
        raise SampleTextError("is not valid UTF-8", hint) from None


def prefilter(symbols: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for all binding names: a file is parsed only if it mentions one."""
    ordered = sorted(symbols, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None
