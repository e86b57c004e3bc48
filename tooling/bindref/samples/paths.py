"""Where a sample is: a path under the repository, resolved without ever leaving it.

Every reader of samples resolves through :func:`resolve_sample`, so an absolute path, a
``..``, a symlink out of the repository, a loop, a broken link or a folder is refused the
same way everywhere, at the docs line that asked for the sample when one did.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from bindref.core.errors import RegionError, choices_hint

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


def resolve_sample(base: Path, target: SampleRef) -> Path:  # base: the root, already resolved
    if PurePosixPath(target.path).is_absolute() or PureWindowsPath(target.path).anchor:
        raise target.error("path", "is absolute", "make it relative to the repository root")
    parts = [part for part in target.path.replace("\\", "/").split("/") if part not in ("", ".")]
    if ".." in parts:
        raise target.error("path", "must not contain '..'", "samples must be inside the repository")
    if (found := _plain_file(base, parts)) is not None:
        return found
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


def _plain_file(base: Path, parts: list[str]) -> Path | None:
    """The common case at string speed: a regular file reached without any symlink.

    Everything else (a link, a missing file, a folder) takes the careful path, which says why.
    """
    candidate = os.path.join(base, *parts)
    try:
        if os.path.realpath(candidate) != candidate or not stat.S_ISREG(os.stat(candidate).st_mode):
            return None
    except (OSError, ValueError):
        return None
    return Path(candidate)


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
