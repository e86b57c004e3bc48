"""A whole check remembered by the bytes of everything it reads, like a build tool's action cache.

A check of an unchanged project gives the same findings: the checks are a function of
the project's files, the settings, the SDKs of the run and bindref itself. So before a
run, every file the checks can read is hashed (the definitions, the samples as the
samples check walks them, the docs and templates, the Learn export folder,
``pyproject.toml``, and the installed azure-functions package and Java sources jars the
SDK check reads), and a run whose digest was seen before gives its findings and diffs
back without loading a single definition. The hashing is the floor's own work (read
every input) and is done before the run, so an edit made during a run can only make its
result be stored under the old content, never under the new.

Any edit makes a new digest; the run then uses the finer caches (parsed definitions,
rendered calls, sample usages) and redoes only what the edit touched. A run that
compares with SDK source checkouts (``--sdk-source``, ``csharp_sources``,
``java_sources``) is not remembered as a whole: a checkout is too large to hash on each
run, and its parts are still cached by file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bindref.check.findings import Finding
from bindref.check.sdk_inputs import sdk_input_files
from bindref.core import snapshot
from bindref.core.errors import ConfigError
from bindref.core.extensions import PYPROJECT
from bindref.samples.files import walked_folder

if TYPE_CHECKING:
    from bindref.check.context import CheckOptions
    from bindref.render.project import Project

KIND = "check"
_Run = Callable[[list[str]], list[Finding]]


def memoized_check(project: Project, options: CheckOptions, diffs: list[str], run: _Run) -> list[Finding]:
    """The findings of ``run`` (which appends diffs to the list it is given), remembered by input digest.

    The run reads the project's files from the bytes hashed for the key (:mod:`bindref.core.snapshot`).
    """
    with snapshot.taken():
        key = _key(project, options)
        if key is not None:
            found = project.cache.get(KIND, key, _valid)
            if found is not None:
                findings, remembered = found
                diffs.extend(remembered)
                return list(findings)
        produced: list[str] = []
        findings = run(produced)
    diffs.extend(produced)
    if key is not None:
        project.cache.put(KIND, key, (tuple(findings), tuple(produced)))
    return findings


def _valid(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 2  # (findings, diffs)
        and isinstance(value[0], tuple)
        and all(isinstance(finding, Finding) for finding in value[0])
        and isinstance(value[1], tuple)
        and all(isinstance(diff, str) for diff in value[1])
    )


def _key(project: Project, options: CheckOptions) -> str | None:
    """The digest of every input of a check with ``options``, or None when it cannot be remembered."""
    if not project.cache.folder:
        return None
    try:
        sdk_files = sdk_input_files(project.settings, options)
    except ConfigError:
        return None  # the run itself reports it
    if sdk_files is None:
        return None
    hashed = hashlib.sha256(repr(options).encode())
    settings = project.settings
    root = settings.root
    # Templates are read by jinja2's loader, from the disk: their bytes are not kept, so that
    # the digests the render cache takes of them are of what jinja2 reads.
    unkept = os.fsencode(root / settings.templates) + b"/"
    try:
        for folder in _project_folders(project):
            _hash_tree(hashed, root / folder, samples=False, unkept=unkept)
        for folder in settings.sample_roots():
            _hash_tree(hashed, root / folder, samples=True, unkept=unkept)
        for file in (root / PYPROJECT, *sdk_files):
            _hash_file(hashed, os.fsencode(file), is_link=file.is_symlink(), keep=False)
    except OSError:
        return None  # an unreadable input: the run reports it, and is not remembered
    return project.cache.key(KIND, hashed.hexdigest())


def _project_folders(project: Project) -> list[str]:
    settings = project.settings
    folders = [settings.definitions, settings.docs, settings.templates]
    if settings.learn_export:
        folders.append(settings.learn_export)
    return folders


def _hash_tree(hashed: hashlib._Hash, base: Path, *, samples: bool, unkept: bytes) -> None:
    """Every folder and file under ``base``; for samples, only what the samples check walks."""
    hashed.update(b"tree\0" + os.fsencode(base) + (b"\0dir" if base.is_dir() else b"\0none"))
    if not base.is_dir():
        return
    pending = [os.fsencode(base)]
    while pending:
        folder = pending.pop()
        hashed.update(b"\0folder\0" + folder)
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except NotADirectoryError:
            continue
        subfolders = []
        for entry in entries:
            if entry.is_dir():
                if not samples or walked_folder(os.fsdecode(entry.name)):
                    subfolders.append(entry.path)
            else:
                keep = not entry.path.startswith(unkept)
                _hash_file(hashed, entry.path, is_link=entry.is_symlink(), keep=keep)
        pending.extend(reversed(subfolders))


def _hash_file(hashed: hashlib._Hash, path: bytes, *, is_link: bool, keep: bool = True) -> None:
    """The path, where a symlink points, and the bytes: all the checks can see of a file.

    A project file's bytes are kept for the run (``keep``); the SDK's are read by their own readers.
    """
    hashed.update(b"\0file\0" + path)
    if is_link:
        hashed.update(b"\0link\0" + os.readlink(path))
    try:
        data = snapshot.read_file(path)  # bytes paths, thousands of files: os-level is faster
    except FileNotFoundError:  # a symlink to nothing
        hashed.update(b"\0missing")
        return
    hashed.update(len(data).to_bytes(8, "little") + data)
    if keep:
        snapshot.keep(path, data)
