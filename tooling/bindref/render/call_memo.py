"""Whole macro calls of a site build, remembered: a warm build reads no catalog.

:meth:`Project.rendered <bindref.render.project.Project.rendered>` keeps a call's Markdown
under the resolved binding it shows, so that one edited definition leaves every other
page's entries valid. Finding that binding costs the catalog: unpickled from the cache
(a quarter of a megabyte at 100 bindings, then collected and freed) and a lookup per call.
When no definition and no template changed since the last build, none of that is needed.

This memo keys a call by what it is (the macro and its arguments) and by everything a call
can read besides samples: every definition and template file, the settings and bindref's
own code (:meth:`Project.inputs_key`). With the Markdown it keeps the samples the call read
and a digest of their text, and answers the call only while they read the same. Anything
else (an edited definition, template or sample, a setting, a call that fails) goes through
the macro itself; only a call that returns is remembered, so an error is raised anew each time.

A site build's post-build report needs the catalog only when it has problems:
:meth:`Project.catalog_problems` knows a problem-free state of the definitions without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from bindref.core.cache import digest
from bindref.core.errors import BindrefError
from bindref.render.macros import BINDING_MACROS
from bindref.render.project import Project

KIND = "calls"
# The macros whose calls are remembered; the others are rendered each time (see macros.py).
MEMOIZED = frozenset(BINDING_MACROS)
# Arguments whose ``repr`` is their value: any other object (a jinja Undefined, a page
# variable of another type) sends the call to the macro.
_PLAIN = (str, int, bool, type(None))

_Entry = tuple[tuple[str, ...], str, str]  # the samples read, a digest of their text, the Markdown


def _valid(value: object) -> bool:
    """An entry read back from the cache: ``(paths, digest, markdown)``, each of its type."""
    return (
        isinstance(value, tuple)
        and len(value) == 3
        and isinstance(value[0], tuple)
        and all(isinstance(path, str) for path in value[0])
        and isinstance(value[1], str)
        and isinstance(value[2], str)
    )


class CallMemo:
    """The remembered calls of one project, looked up before a macro runs."""

    def __init__(self, project: Project, *, off: bool = False) -> None:
        self.project = project
        self.off = off  # a live preview: its project is warm in memory, and it tracks what pages read

    def call(
        self, macro: str, function: Callable[..., str], args: tuple[object, ...], kwargs: Mapping[str, object]
    ) -> str:
        """What ``function(*args, **kwargs)`` returns: remembered, or run (and then remembered)."""
        key = self._key(macro, args, kwargs)
        if key is None:
            return function(*args, **kwargs)
        cache = self.project.cache
        entry: _Entry | None = cache.get(KIND, key, _valid)
        if entry is not None and self._texts(entry[0]) == entry[1]:
            return entry[2]
        with self.project.reader.recording() as read:
            markdown = function(*args, **kwargs)
        paths = tuple(sorted(read))
        texts = self._texts(paths)
        if texts is not None and isinstance(markdown, str):
            cache.put(KIND, key, (paths, texts, markdown))
        return markdown

    def _key(self, macro: str, args: Iterable[object], kwargs: Mapping[str, object]) -> str | None:
        """The call's key, or None for a call that is not remembered."""
        if self.off or macro not in MEMOIZED or self.project.cache.folder is None:
            return None
        values = (*args, *kwargs.values())
        if any(type(value) not in _PLAIN for value in values):
            return None
        named = repr(sorted(kwargs.items()))
        return self.project.cache.key(KIND, self.project.inputs_key(), macro, repr(tuple(args)), named)

    def _texts(self, paths: Iterable[str]) -> str | None:
        """A digest of the samples' text now; None when one cannot be read (the macro says why)."""
        reader = self.project.reader
        try:
            return digest(*(part for path in paths for part in (path, reader.text(path))))
        except BindrefError:
            return None
