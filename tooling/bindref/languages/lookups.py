"""Lookups over the language profiles: the questions other stages ask of the table as a whole.

Which languages a tab shows, which share a Learn pivot, which an SDK reader covers, what a
definition's language key stands for.
"""

from __future__ import annotations

import functools

from bindref.languages.profile import Language
from bindref.languages.profiles import LANGUAGE_GROUPS, PROFILES


@functools.cache  # asked for every tab of every page; the profiles never change
def languages_in_tab(tab: str) -> tuple[Language, ...]:
    """The languages a tab shows, in profile order."""
    return tuple(lang for lang, profile in PROFILES.items() if profile.tab == tab)


def expand_language_key(key: str) -> tuple[Language, ...] | None:
    """A definition key (``python``, ``csharp``, ``node``) -> languages, or None if unknown."""
    if key in LANGUAGE_GROUPS:
        return LANGUAGE_GROUPS[key]
    try:
        return (Language(key),)
    except ValueError:
        return None


def valid_language_keys() -> tuple[str, ...]:
    """Every key a definition may use, for error hints."""
    return tuple(lang.value for lang in Language) + tuple(LANGUAGE_GROUPS)


def learn_pivots() -> dict[str, tuple[Language, ...]]:
    """Learn's zone pivots (``programming-language-<pivot>``) and the languages each shows."""
    pivots: dict[str, tuple[Language, ...]] = {}
    for language, profile in PROFILES.items():
        pivots[profile.learn_pivot] = (*pivots.get(profile.learn_pivot, ()), language)
    return pivots


def languages_of_sdk(family: str) -> tuple[Language, ...]:
    """The languages whose surface the ``family`` SDK reader (csharp, java, python) declares."""
    return tuple(lang for lang, profile in PROFILES.items() if family and profile.sdk_family == family)


def sdk_families() -> tuple[str, ...]:
    """Every SDK family a profile names, in profile order (for ``--sdk-source`` hints)."""
    return tuple(dict.fromkeys(p.sdk_family for p in PROFILES.values() if p.sdk_family))


def languages_of_syntax(syntax: str) -> tuple[Language, ...]:
    """The languages whose samples declare bindings in ``syntax`` (both C# models share one)."""
    return tuple(lang for lang, profile in PROFILES.items() if profile.sample_syntax == syntax)


def languages_of_script(name: str) -> tuple[Language, ...]:
    """The languages whose function.json model runs a script called ``name`` (``run.ps1``)."""
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    return tuple(lang for lang, profile in PROFILES.items() if suffix and suffix in profile.script_suffixes)


def script_suffixes() -> frozenset[str]:
    """Every script suffix a function.json model runs, for finding the script beside one."""
    return frozenset(suffix for profile in PROFILES.values() for suffix in profile.script_suffixes)


def languages_of_section(title: str) -> tuple[Language, ...]:
    """The languages whose reference section has ``title`` (case-insensitive): Attributes -> C#."""
    return tuple(lang for lang, p in PROFILES.items() if p.section_title.lower() == title.lower())


def definition_key(language: Language) -> str:
    """The key a definition writes for what ``language`` shares with its group (``csharp``, ``node``)."""
    return next((key for key, members in LANGUAGE_GROUPS.items() if language in members), language.value)
