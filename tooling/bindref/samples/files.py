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
from typing import TYPE_CHECKING, Any

from bindref.core.snapshot import read_bytes

if TYPE_CHECKING:  # a build reads sample text only: the syntax table is for the check
    from bindref.samples.usage_types import Syntax

MAX_SAMPLE_BYTES = 5 * 1024 * 1024  # larger files are not samples anyone reads on a page

# The one skip list: dependency and build output folders (and hidden ones, such as .git and .gradle)
# hold no samples and no SDK declarations, and node_modules can be huge.
SKIPPED_FOLDERS = frozenset({"node_modules", "bin", "obj", "target", "dist", "build", "__pycache__"})


def walked_folder(name: str) -> bool:
    """Whether the sample walker enters a folder of this name (not a skipped or hidden one)."""
    return name not in SKIPPED_FOLDERS and not name.startswith(".")


def sample_paths(base: Path) -> Iterator[Path]:
    """Every file under ``base``, in order, outside dependency, build and hidden folders."""
    return (Path(entry.path) for entry in _entries(str(base)))


def sample_entries(root: Path, folder: str) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """The files of :func:`sample_paths` under ``root/folder``, each with its repo-relative POSIX path.

    Strings and directory entries rather than paths: an entry knows its name and whether it
    is a link without another system call, which a walk over thousands of samples notices.
    """
    below = (root / folder).relative_to(root).as_posix()
    prefix = "" if below == "." else below + "/"
    base = str(root / folder)
    start = len(os.path.join(base, ""))
    for entry in _entries(base):
        yield prefix + entry.path[start:].replace(os.sep, "/"), entry


def _entries(base: str) -> Iterator[os.DirEntry[str]]:
    """What ``os.walk`` finds: each folder's files by name, then its subfolders by name.

    Skipped and hidden folders are left out, and a link to a folder is not followed.
    """
    try:
        with os.scandir(base) as found:
            entries = list(found)
    except OSError:
        return
    files: list[os.DirEntry[str]] = []
    folders: list[os.DirEntry[str]] = []
    for entry in entries:
        if not _is_folder(entry):
            files.append(entry)
        elif walked_folder(entry.name) and not entry.is_symlink():
            folders.append(entry)
    yield from sorted(files, key=_name)
    for folder in sorted(folders, key=_name):
        yield from _entries(folder.path)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # as os.walk: an entry that cannot be asked is a file
        return False


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def sample_files(root: Path, folder: str) -> Iterator[tuple[str, os.DirEntry[str], Syntax]]:
    """The samples bindref can parse under ``root/folder``, with their syntax.

    A symlink counts only if it resolves inside the repository.
    """
    from bindref.samples.usage_types import syntax_of_name  # noqa: PLC0415  # see TYPE_CHECKING

    real_root = root.resolve()
    for relative, entry in sample_entries(root, folder):
        syntax = syntax_of_name(entry.name)
        if syntax is not None and (not entry.is_symlink() or _inside(Path(entry.path), real_root)):
            yield relative, entry, syntax


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


def read_sample_text(path: str | Path, size: int) -> str:
    """The text of a sample ``size`` bytes long, by the one set of rules every stage uses.

    UTF-8 (a byte-order mark is kept for the region parser to drop), at most
    :data:`MAX_SAMPLE_BYTES` (never read past the limit: a huge file stays on disk), and
    not binary (a NUL byte in the first 8 KiB, as git sniffs). Raises SampleTextError, or
    OSError when the file cannot be read at all.
    """
    data = b""
    if size <= MAX_SAMPLE_BYTES:
        data = read_bytes(path, MAX_SAMPLE_BYTES + 1)
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
    """One regex that finds whether a text mentions any binding name: only then is it parsed.

    The names are merged into a trie (``Synth(?:01|2(?:3|4))``) rather than listed: a
    thousand bindings make a regex that compiles and searches several times faster. Only
    whether it matches means anything: a name that extends another is left out.
    """
    trie: dict[str, dict[str, Any]] = {}
    for symbol in symbols:
        node = trie
        for character in symbol:
            node = node.setdefault(character, {})
        node[""] = {}
    return re.compile(_alternatives(trie)) if trie else None


def _alternatives(node: dict[str, dict[str, Any]]) -> str:
    if "" in node:  # a name ends here: whatever follows, the text mentions it
        return ""
    branches = [re.escape(character) + _alternatives(child) for character, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
