"""Equal spellings and defaults as one object each, found by what they are made of.

Bindings repeat defaults ("None", "false") and often whole parameters (one connection
setting in every binding of an extension), and a catalog is pickled (the cache, the forked
readers) and held once per object: a thousand synthetic bindings were 250,000 objects and
0.45 s to pickle, most of them equal. Frozen values only; each table is emptied when it
grows large, so a long preview never holds old spellings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from bindref import spec
from bindref.core.model import DefaultValue, LanguageParameter
from bindref.languages import PROFILES, Language

_T = TypeVar("_T")
_SHARED: dict[object, object] = {}
_SHARED_MAX = 100_000
# The same again by what they are made of: a tuple hashes and compares in C, where a frozen
# dataclass runs Python code to be made, hashed and compared (most of resolving a field in a
# language). Types are part of a default's key: True == 1.
SPELLED: dict[tuple[object, ...], LanguageParameter] = {}
_DEFAULTS: dict[tuple[object, ...], DefaultValue] = {}


def shared(value: _T) -> _T:
    """The one object equal to ``value``."""
    if len(_SHARED) > _SHARED_MAX:
        _SHARED.clear()
    return _SHARED.setdefault(value, value)  # type: ignore[return-value]  # equal, so the same type


def interned(table: dict[tuple[object, ...], _T], key: tuple[object, ...], make: Callable[[], _T]) -> _T:
    """The shared value that ``key`` makes, made (by ``make``) only the first time."""
    found = table.get(key)
    if found is None:
        if len(table) > _SHARED_MAX:
            table.clear()
        found = table[key] = shared(make())
    return found


def format_default(value: Any, lang: Language) -> DefaultValue | None:
    """A default as ``lang`` writes it; None for no default."""
    if value is spec.UNSET:
        return None
    try:
        return interned(_DEFAULTS, (lang, type(value), value), lambda: _default_value(value, lang))
    except TypeError:  # a value that cannot be a key: made each time
        return shared(_default_value(value, lang))


def _default_value(value: Any, lang: Language) -> DefaultValue:
    if isinstance(value, spec.SourceCode):
        return DefaultValue(source=value.text)
    return DefaultValue(source=PROFILES[lang].literal(value))
