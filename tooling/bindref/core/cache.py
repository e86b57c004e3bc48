"""A content-addressed cache of parse and render results in ``<project>/.bindref_cache/``.

Reading a thousand definitions with griffe, parsing six thousand samples with tree-sitter
and rendering every page costs seconds; their results depend only on file contents, the
settings and bindref itself. So every key is a SHA-256 of the input bytes, the settings
and a hash of bindref's own source files and templates (not only its version number), and
an entry can never be stale: an edit, a setting or a development change of bindref makes
a new key, and the old entry is simply never asked for again.

Like ``.mypy_cache/`` and ``.ruff_cache/`` the folder ignores itself (its own
``.gitignore`` holds ``*``) and carries a ``CACHEDIR.TAG``; it holds no project file, so
writing it does not break "a check never modifies a file" and deleting it at any time
only costs time. Each kind of entry is one pack file, loaded once per process and written
back atomically (a temporary file, then ``os.replace``) by :meth:`Cache.flush`. Several
processes may write one folder at once (the two halves of a check, a check beside a
preview server): each pack file carries a random token, and a writer that finds another
token than the one it read (under a per-kind ``flock``) merges its own new entries into
the other writer's pack instead of replacing it.

A pack is never trusted: it is unpickled with an allow-list of bindref's own classes (a
foreign file cannot run code), every value is checked for its shape by the caller's
validator, and anything corrupt, truncated, foreign or unreadable is ignored and rebuilt.
``--no-cache`` (CLI) or ``BINDREF_NO_CACHE=1`` (any host) turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from bindref.core.packs import locked, new_token, pack_bytes, read_pack, replace_file, token_of
from bindref.core.snapshot import read_bytes, read_file

CACHE_DIR = ".bindref_cache"
ENV_NO_CACHE = "BINDREF_NO_CACHE"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# A cache folder of bindref: safe to delete.\n"
_PACKAGE = Path(__file__).resolve().parents[1]
# A pack that grows past the entries one run used by this much is pruned to those entries.
_SLACK = 2000


def enabled() -> bool:
    """Whether caching is on for this process: ``BINDREF_NO_CACHE=1`` turns it off everywhere."""
    return os.environ.get(ENV_NO_CACHE, "") in ("", "0")


@cache
def tool_hash() -> str:
    """A hash of bindref's own code and templates: a changed line never reads an old entry.

    Every process that keys an entry makes it (a site build included), so the package is
    walked with ``os.scandir`` and read by path strings, without a ``Path`` per file: 4.2 ms
    with ``Path.rglob``, 1.3 ms so.
    """
    digest = hashlib.sha256()
    for relative, path in sorted(_sources(str(_PACKAGE), "")):
        digest.update(relative.encode() + b"\0" + read_file(path) + b"\0")
    return digest.hexdigest()


def _sources(folder: str, prefix: str) -> Iterator[tuple[str, str]]:
    """The ``.py`` and ``.j2`` files under ``folder``: each path relative to the package, and its own."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":  # bytecode: made from the sources hashed here
                    yield from _sources(entry.path, f"{prefix}{entry.name}/")
            elif entry.name.endswith((".py", ".j2")) and entry.is_file():
                yield prefix + entry.name, entry.path


def digest(*parts: str | bytes) -> str:
    """The SHA-256 of ``parts``, each length-prefixed so that no two lists collide."""
    return str(_fed(hashlib.sha256(), parts).hexdigest())


def _fed(hashed: Any, parts: Iterable[str | bytes]) -> Any:
    """``hashed`` after each of ``parts``, length-prefixed (see :func:`digest`)."""
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "little") + data)
    return hashed


def file_contents(files: Iterable[Path]) -> Iterator[str | bytes]:
    """Each file's path and bytes, the parts of a key; an unreadable file is one more state of it."""
    for file in files:
        try:
            data = read_bytes(file)
        except OSError as error:  # whoever reads it reports it; here it only makes another key
            data = f"unreadable: {error.errno}".encode()
        yield from (str(file), data)


@dataclass(frozen=True)
class CacheNews:
    """Entries one process added, and the keys it used, for another process's cache.

    ``written`` are the kinds it wrote to the folder itself: their entries are not sent.
    """

    added: dict[str, dict[str, object]]
    used: dict[str, set[str]]
    written: frozenset[str] = field(default_factory=frozenset)


class Cache:
    """The cache of one project; a disabled cache (``folder=None``) finds nothing and keeps nothing."""

    def __init__(self, folder: Path | None, settings_key: str = "") -> None:
        self.folder = folder
        self.settings_key = settings_key
        self._packs: dict[str, dict[str, object]] = {}
        self._used: dict[str, set[str]] = {}
        self._changed: set[str] = set()
        self._added: dict[str, dict[str, object]] = {}  # since the last take_news(): for forked work
        self._tokens: dict[str, bytes] = {}  # of each pack file as this process last read or wrote it
        self._unwritten: dict[str, dict[str, object]] = {}  # entries put since then
        self._key_starts: dict[str, Any] = {}  # by kind: a hash fed what every key of the kind begins with

    @classmethod
    def for_project(cls, root: Path, settings_key: str, *, use: bool = True) -> Cache:
        """The project's cache, or a disabled one (``--no-cache``, ``BINDREF_NO_CACHE``)."""
        return cls(root / CACHE_DIR if use and enabled() else None, settings_key)

    def key(self, kind: str, *parts: str | bytes) -> str:
        """The key of an entry: its inputs, the settings and bindref's own code.

        It is ``digest(tool_hash(), settings_key, kind, *parts)``; the hash of the first three
        is made once per kind and copied (a check makes tens of thousands of keys).
        """
        start = self._key_starts.get(kind)
        if start is None:
            start = self._key_starts[kind] = _fed(hashlib.sha256(), (tool_hash(), self.settings_key, kind))
        return str(_fed(start.copy(), parts).hexdigest())

    def get(self, kind: str, key: str, valid: Callable[[object], bool]) -> Any:
        """The entry, or None when absent or when it fails ``valid`` (then it is dropped)."""
        if self.folder is None:
            return None
        pack = self._pack(kind)
        if key not in pack:
            return None
        value = pack[key]
        try:
            ok = valid(value)
        except Exception:  # a validator tripping on a foreign shape is a miss
            ok = False
        if not ok:
            del pack[key]
            self._unwritten.get(kind, {}).pop(key, None)
            self._changed.add(kind)
            return None
        self._used.setdefault(kind, set()).add(key)
        return value

    def put(self, kind: str, key: str, value: object) -> None:
        """Keep ``value`` (written by :meth:`flush`)."""
        if self.folder is None:
            return
        self._pack(kind)[key] = value
        self._used.setdefault(kind, set()).add(key)
        self._changed.add(kind)
        self._added.setdefault(kind, {})[key] = value
        self._unwritten.setdefault(kind, {})[key] = value

    def take_news(self) -> CacheNews:
        """What was added and used since the last call: a forked process sends it to its parent."""
        news = CacheNews(added=self._added, used={kind: set(keys) for kind, keys in self._used.items()})
        self._added = {}
        return news

    def write_added(self) -> None:
        """Write the packs this process added to since :meth:`take_news`, now rather than at the end.

        The other process of a check may still be working: the pickling costs nothing then.
        """
        self._write_kinds(set(self._added))

    def hand_over(self) -> CacheNews:
        """In a forked process: write what it changed, what its parent changed before the fork too.

        Writing here, while the parent still works, takes the pickling off the end of the
        run; the parent reads the entries back only if it asks for them. A folder that
        cannot be written sends the entries instead.
        """
        kinds = set(self._added) | self._changed
        written = (
            frozenset(kinds)
            if self._write_kinds(kinds, own=self._changed - set(self._added))
            else frozenset()
        )
        news = CacheNews(
            added={kind: entries for kind, entries in self._added.items() if kind not in written},
            used={kind: set(keys) for kind, keys in self._used.items()},
            written=written,
        )
        self._added = {}
        return news

    def merge(self, news: CacheNews) -> None:
        """Take in what a forked process added and used, as if this process had.

        A kind it wrote holds all it has, and all that this process had before the fork: it
        is read again when asked for, unless this process changed it since (then the two
        writers' entries come together when it is written, see :meth:`_write`).
        """
        for kind, entries in news.added.items():
            for key, value in entries.items():
                self.put(kind, key, value)
        for kind in news.written:
            if kind not in self._added:
                self._changed.discard(kind)
                self._packs.pop(kind, None)
                self._tokens.pop(kind, None)
        for kind, keys in news.used.items():
            self._used.setdefault(kind, set()).update(keys)

    def flush(self) -> None:
        """Write the changed packs atomically; a folder that cannot be written is left alone."""
        if self.folder is not None and self._changed and self._write_kinds(self._changed):
            self._changed.clear()

    def _write_kinds(self, kinds: Collection[str], own: Collection[str] = ()) -> bool:
        """Write these packs; False (and nothing more) when the folder or a value does not allow it.

        ``own`` are kinds no other process of the run writes (changed before it forked).
        """
        if self.folder is None:
            return False
        try:
            _prepare(self.folder)
            # Fewest entries first: two processes finishing together often both made entries
            # of a kind, and the later writer merges the other's file, best a small one. A kind
            # only this process writes comes last: it keeps the other from merging a whole
            # pack (a big catalog written first made the other's small entries come second).
            order = sorted(kinds, key=lambda kind: (kind in own, len(self._unwritten.get(kind, ())), kind))
            for kind in order:
                self._write(self.folder, kind)
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            return False  # a read-only checkout or an unpicklable value: the cache only saves time
        self._changed.difference_update(kinds)
        return True

    def _pack(self, kind: str) -> dict[str, object]:
        if kind not in self._packs:
            pack, token = read_pack(_path(self.folder, kind)) if self.folder else ({}, b"")
            self._packs[kind], self._tokens[kind] = pack, token
            self._unwritten[kind] = {}
        return self._packs[kind]

    def _write(self, folder: Path, kind: str) -> None:
        path = _path(folder, kind)
        with locked(folder, kind):
            pack, used = self._packs[kind], self._used.get(kind, set())
            if token_of(path) != self._tokens.get(kind, b""):  # another writer replaced it since
                pack = {**read_pack(path)[0], **self._unwritten.get(kind, {})}
            elif len(pack) > len(used) + _SLACK:  # entries of old file versions: keep what this run used
                pack = {key: value for key, value in pack.items() if key in used}
            token = new_token()
            replace_file(path, pack_bytes(pack, token))
            self._packs[kind], self._tokens[kind], self._unwritten[kind] = pack, token, {}
        for old in folder.glob(f"{kind}-*.pickle"):  # packs of other bindref versions
            if old != path:
                old.unlink(missing_ok=True)


def _path(folder: Path, kind: str) -> Path:
    return folder / f"{kind}-{tool_hash()[:16]}.pickle"


def _prepare(folder: Path) -> None:
    """The folder with its own ``.gitignore`` (``*``) and ``CACHEDIR.TAG``, so no tool keeps it."""
    folder.mkdir(exist_ok=True)
    for name, text in ((".gitignore", "*\n"), ("CACHEDIR.TAG", _TAG)):
        if not (folder / name).is_file():
            (folder / name).write_text(text, encoding="utf-8")
