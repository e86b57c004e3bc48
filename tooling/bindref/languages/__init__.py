"""Stage-independent: everything a language decides, in one place (the language profiles).

Naming rules, symbol markup, member nouns, section titles, how a binding is bound, worker
models and fence tags. Imports nothing from bindref but :mod:`bindref.languages` itself;
every other module asks the profile instead of testing a language's identity.
"""

from bindref.languages.profiles import (
    DIRECTION_KIND,
    LANGUAGE_GROUPS,
    PROFILES,
    TAB_ORDER,
    Direction,
    ExtraParameter,
    Language,
    LanguageProfile,
    camel_case,
    expand_language_key,
    languages_in_tab,
    pascal_case,
    snake_case,
    valid_language_keys,
)

__all__ = [
    "DIRECTION_KIND",
    "LANGUAGE_GROUPS",
    "PROFILES",
    "TAB_ORDER",
    "Direction",
    "ExtraParameter",
    "Language",
    "LanguageProfile",
    "camel_case",
    "expand_language_key",
    "languages_in_tab",
    "pascal_case",
    "snake_case",
    "valid_language_keys",
]
