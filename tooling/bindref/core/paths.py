"""Relative paths as definitions and pages write them, judged alike on POSIX and Windows.

A definition names its examples relative to the samples folder and a page names a sample
relative to the repository; either may be written on Windows. Both are judged here, on
strings: thousands of paths are checked per run, and ``pathlib`` would build two path
objects for each.
"""

from __future__ import annotations

import string

_DRIVE_LETTERS = frozenset(string.ascii_letters)


def is_anchored(path: str) -> bool:
    """Whether POSIX or Windows reads ``path`` as absolute or drive-bound (``/x``, a backslash, ``C:x``).

    The same answer as ``PurePosixPath(path).is_absolute() or PureWindowsPath(path).anchor``.
    """
    return path[:1] in ("/", "\\") or (path[1:2] == ":" and path[:1] in _DRIVE_LETTERS)


def path_parts(path: str) -> list[str]:
    """The components of a relative path, with either separator, without empty and ``.`` parts."""
    return [part for part in path.replace("\\", "/").split("/") if part not in ("", ".")]


def leaves_folder(path: str) -> str:
    """Why ``path``, meant relative to a folder, could point outside it, or '' when it cannot."""
    if is_anchored(path):
        return "is absolute"
    if ".." in path_parts(path):
        return "must not contain '..'"
    return ""
