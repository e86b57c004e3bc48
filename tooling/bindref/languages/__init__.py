"""Stage-independent: everything a language decides, in one place (the language profiles).

Naming rules, symbol markup, member nouns, section titles, how a binding is bound, worker
models and fence tags. Imports nothing from bindref but :mod:`bindref.languages` itself;
every other module asks the profile instead of testing a language's identity.
"""

from bindref.languages.lookups import (
    definition_key,
    expand_language_key,
    languages_in_tab,
    languages_of_script,
    languages_of_sdk,
    languages_of_section,
    languages_of_syntax,
    learn_pivots,
    script_suffixes,
    sdk_families,
    valid_language_keys,
)
from bindref.languages.naming import camel_case, pascal_case, snake_case
from bindref.languages.profile import DIRECTION_KIND, Direction, ExtraParameter, Language, LanguageProfile
from bindref.languages.profiles import LANGUAGE_GROUPS, PROFILES, TAB_ORDER

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
    "definition_key",
    "expand_language_key",
    "languages_in_tab",
    "languages_of_script",
    "languages_of_sdk",
    "languages_of_section",
    "languages_of_syntax",
    "learn_pivots",
    "pascal_case",
    "script_suffixes",
    "sdk_families",
    "snake_case",
    "valid_language_keys",
]
