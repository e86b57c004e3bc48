"""Where a sample is: a path under the repository, resolved without ever leaving it.

Every reader of samples resolves through :func:`locate_sample` (or :func:`resolve_sample`),
so an absolute path, a ``..``, a symlink out of the repository, a loop, a broken link or a
folder is refused the same way everywhere, at the docs line that asked for the sample when
one did. The common case (a regular file under real folders) is settled with one ``lstat``
per file and one per folder, on strings: a check resolves thousands of samples, and
``os.path.realpath`` or ``pathlib`` would cost a system call or an object per component.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from bindref.core.errors import RegionError, choices_hint
from bindref.core.paths import is_anchored, path_parts

Where = tuple[str, int] | None  # the (docs path, line) that asked for a sample, if any


@dataclass(frozen=True)
class SampleRef:
    """A sample asked for; file problems point at the docs line that asked, when known."""

    path: str
    referenced_from: Where = None

    def error(self, noun: str, problem: str, hint: str = "") -> RegionError:
        path, line = self.referenced_from or (self.path, 0)
        subject = f"{noun} '{self.path}'" if self.referenced_from else noun
        return RegionError(f"{subject} {problem}", path=path, line=line, hint=hint)


def _missing_hint(base: Path, parts: list[str]) -> str:
    """Suggest names for the first path component that does not exist."""
    depth = next((n for n in range(len(parts)) if not base.joinpath(*parts[: n + 1]).exists()), 0)
    folder, where = base.joinpath(*parts[:depth]), "/".join(parts[:depth])
    noun = f"entries in '{where}'" if where else "entries in the repository root"
    names = [entry.name for entry in folder.iterdir()] if folder.is_dir() else []
    return choices_hint(parts[depth], names, noun=noun)


def name_suffix(name: str) -> str:
    """``PurePath(name).suffix`` of a file name, without a path object: ``.cs``, or '' for ``.env``."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def locate_sample(base: str, target: SampleRef, folders: dict[str, bool]) -> tuple[str, os.stat_result]:
    """The real file behind ``target`` under ``base`` (already resolved), and its ``stat``.

    ``folders`` remembers which folders are real (no symlink), so each is asked once; its
    owner empties it whenever a link may have changed.
    """
    if is_anchored(target.path):
        raise target.error("path", "is absolute", "make it relative to the repository root")
    parts = path_parts(target.path)
    if ".." in parts:
        raise target.error("path", "must not contain '..'", "samples must be inside the repository")
    if (found := _plain_file(base, parts, folders)) is not None:
        return found
    resolved = _resolve_carefully(Path(base), parts, target)
    return str(resolved), resolved.stat()


def resolve_sample(base: Path, target: SampleRef) -> Path:  # base: the root, already resolved
    """The real file behind ``target``, refusing anything that leaves ``base``."""
    return Path(locate_sample(str(base), target, {})[0])


def _resolve_carefully(base: Path, parts: list[str], target: SampleRef) -> Path:
    """A link, a missing file or a folder: resolve step by step, to say what is wrong."""
    candidate = base.joinpath(*parts)
    if candidate.is_symlink() and _dangles(candidate):
        raise target.error("file", "is a broken symlink", "point it at the sample, or put the file there")
    try:
        resolved = candidate.resolve()
    except (OSError, RuntimeError, ValueError):  # their texts quote absolute paths
        raise target.error("path", "cannot be resolved", "a symlink loop or a NUL byte") from None
    if not resolved.is_relative_to(base):
        hint = f"it points to '{resolved}' through a symlink"
        raise target.error("path", "resolves outside the repository", hint)
    if not resolved.exists():
        raise target.error("file", "does not exist", _missing_hint(base, parts))
    if not resolved.is_file():
        problem = "is a directory" if resolved.is_dir() else "is not a regular file"
        raise target.error("path", problem, "name a text file")
    return resolved


def _plain_file(base: str, parts: list[str], folders: dict[str, bool]) -> tuple[str, os.stat_result] | None:
    """The common case at string speed: a regular file reached without any symlink.

    ``lstat`` tells a real folder or file from a link; everything else (a link, a missing
    file, a folder) takes the careful path, which says why.
    """
    if not parts:
        return None
    folder = base
    for part in parts[:-1]:
        folder = f"{folder}{os.sep}{part}"  # os.path.join, without its checks: parts are plain names
        real = folders.get(folder)
        if real is None:
            real = folders[folder] = _is_real_folder(folder)
        if not real:
            return None
    candidate = f"{folder}{os.sep}{parts[-1]}"
    try:
        status = os.lstat(candidate)
    except (OSError, ValueError):
        return None
    return (candidate, status) if stat.S_ISREG(status.st_mode) else None


def _is_real_folder(path: str) -> bool:
    """A folder that is not a symlink (``lstat`` does not follow the last link)."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


def _dangles(link: Path) -> bool:
    """A symlink whose target is missing (a loop is not missing: it is reported as a loop)."""
    try:
        link.resolve(strict=True)
    except FileNotFoundError:
        return True
    except (OSError, RuntimeError):
        return False
    return False


def resolve_inside(root: Path, relative_path: str, *, referenced_from: Where = None) -> Path:
    """Return the real file behind ``relative_path``, refusing anything that leaves ``root``."""
    return resolve_sample(root.resolve(), SampleRef(relative_path, referenced_from))
