"""Which version of an SDK a surface was read from: package version, Maven coordinate, git commit.

The SDK lock records it beside the surfaces, so a reviewer sees which SDK the definitions
were verified against, and a later run says when it reads another one. Nothing is run to
find out: the installed package's metadata, the jar's place in the local Maven repository,
and a checkout's ``.git/HEAD`` are read as files ("unknown" when a checkout has none).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from bindref.sdk.maven import local_repository

UNKNOWN = "unknown"

Provenance = Mapping[str, str]  # {"kind": "maven", "coordinate": "g:a:v"}, ...


def package_provenance(package: str) -> Provenance:
    """An installed Python package, by the version its metadata states."""
    from importlib import metadata  # noqa: PLC0415  # only when a package is compared: 40 ms of imports

    try:
        version = metadata.version(package)
    except metadata.PackageNotFoundError:
        version = UNKNOWN
    return {"kind": "package", "package": package, "version": version}


def source_provenance(root: Path, *, outside: Path) -> Provenance:
    """A sources jar by its Maven coordinate, a folder by the commit of the checkout holding it.

    A checkout is looked up from ``root`` upwards, but never at or above ``outside`` (the
    docs project): a folder vendored into the project would otherwise record the project's
    own commit, which changes with every commit.
    """
    if root.is_file():
        coordinate = _coordinate(root)
        return (
            {"kind": "maven", "coordinate": coordinate} if coordinate else {"kind": "jar", "file": root.name}
        )
    return {"kind": "checkout", "commit": _commit(root.resolve(), outside.resolve())}


def describe(provenance: Provenance) -> str:
    """``azure-functions 1.26.0``, a Maven coordinate, ``checkout at <commit>``: for messages."""
    kind = provenance.get("kind", "")
    if kind == "package":
        return f"{provenance.get('package', '')} {provenance.get('version', UNKNOWN)}"
    if kind == "checkout":
        return f"checkout at {provenance.get('commit', UNKNOWN)}"
    return provenance.get("coordinate") or provenance.get("file") or kind or UNKNOWN


def _coordinate(jar: Path) -> str:
    """``group:artifact:version`` of a jar at ``<group path>/<artifact>/<version>/`` in the local repo."""
    try:
        parts = jar.resolve().relative_to(local_repository().resolve()).parts
    except ValueError:
        return ""
    if len(parts) < 4:
        return ""
    *group, artifact, version, _ = parts
    return f"{'.'.join(group)}:{artifact}:{version}"


def _commit(folder: Path, outside: Path) -> str:
    for candidate in (folder, *folder.parents):
        if candidate == outside or outside.is_relative_to(candidate):
            return UNKNOWN
        dot_git = candidate / ".git"
        if dot_git.exists():
            return _head(_git_dir(dot_git))
    return UNKNOWN


def _git_dir(dot_git: Path) -> Path:
    """``.git`` itself, or where a worktree's or submodule's ``.git`` file points (``gitdir: ...``)."""
    if dot_git.is_dir():
        return dot_git
    pointer = _read(dot_git).removeprefix("gitdir:").strip()
    return (dot_git.parent / pointer).resolve() if pointer else dot_git


def _head(git_dir: Path) -> str:
    """The commit ``HEAD`` names, directly or through a branch (loose or packed)."""
    head = _read(git_dir / "HEAD")
    if not head.startswith("ref:"):
        return head or UNKNOWN
    ref = head.removeprefix("ref:").strip()
    common = git_dir
    if (git_dir / "commondir").is_file():  # a linked worktree keeps its branches in the main one
        common = (git_dir / _read(git_dir / "commondir")).resolve()
    for place in (git_dir, common):
        if loose := _read(place / ref):
            return loose
    for entry in _read(common / "packed-refs").splitlines():
        sha, _, name = entry.partition(" ")
        if name.strip() == ref:
            return sha
    return UNKNOWN


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() if path.is_file() else ""
    except (OSError, UnicodeDecodeError):
        return ""
