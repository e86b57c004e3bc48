"""Resolve one definition field into its form in every language.

A field gets the language profile's spelling and type, then the definition's
explicit per-language differences (a language key beats its group), and its
description gets ``[[other_parameter]]`` spelled the way each language spells it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

from bindref import spec
from bindref.core.errors import Problems, choices_hint
from bindref.core.model import LanguageParameter, Location, Parameter, Unavailable
from bindref.definitions.raw import RawField
from bindref.definitions.runtime import apply_runtime, runtime_problems
from bindref.definitions.spellings import SPELLED, format_default, interned, shared
from bindref.languages import PROFILES, Language, LanguageProfile, expand_language_key, valid_language_keys

_T = TypeVar("_T")
_REFERENCE = re.compile(r"\[\[([a-z_][a-z0-9_]*)\]\]")
# What a language without its own lang(...) gets: one object, not one per field and language.
_NO_OVERRIDE = spec.LanguageOverride()


def expand_language_keys(
    problems: Problems, keys: Iterable[str], line: int, what: str
) -> dict[str, tuple[Language, ...]]:
    """Expand a definition's language keys; unknown keys are reported with the valid ones."""
    expanded: dict[str, tuple[Language, ...]] = {}
    for key in keys:
        languages = expand_language_key(key)
        if languages is None:
            problems.add(
                line,
                f"unknown language key '{key}' in {what}",
                choices_hint(key, valid_language_keys(), noun="language keys"),
            )
        else:
            expanded[key] = languages
    return expanded


def resolve_parameters(
    fields: Sequence[RawField],
    languages: Sequence[Language],
    declared: frozenset[str],
    problems: Problems,
    constructors: Mapping[Language, frozenset[str]] | None = None,
) -> tuple[Parameter, ...]:
    """Every field of a binding resolved for every language, in one step.

    Each field is spelled per language, then the spellings are checked for clashes within
    each language, then ``[[references]]`` in descriptions are spelled the way each language
    spells the parameter they name (``declared`` also holds fields that failed to read).
    ``constructors`` holds, per language, the canonical names a definition lists as constructor
    parameters (without an entry, the required fields are the constructor).
    """
    positional = constructors or {}
    parameters = tuple(_resolve_field(field, languages, problems, positional) for field in fields)
    _check_unique_names(parameters, languages, problems)
    return _link_parameter_references(parameters, languages, declared, problems)


def _resolve_field(
    field: RawField,
    languages: Sequence[Language],
    binding_problems: Problems,
    constructors: Mapping[Language, frozenset[str]],
) -> Parameter:
    """One field resolved for every language; problems are located in the field's own file."""
    problems = Problems(field.path)
    parameter = _build_parameter(field, languages, problems, constructors)
    binding_problems.errors.extend(problems.errors)
    return parameter


def _build_parameter(
    field: RawField,
    languages: Sequence[Language],
    problems: Problems,
    constructors: Mapping[Language, frozenset[str]],
) -> Parameter:
    if not field.docstring:
        problems.add(
            field.line,
            f"parameter '{field.name}' has no docstring",
            hint="add a string literal on the line after the field; it is the description",
        )
    names = _by_language(field.names, expand_language_keys(problems, field.names, field.line, "names"))
    overrides = _by_language(
        field.languages, expand_language_keys(problems, field.languages, field.line, "languages")
    )
    by_language: dict[Language, LanguageParameter | Unavailable] = {}
    only = _only_languages(field, problems)
    if only is not None:
        _check_overrides_inside_only(field, only, problems)
    _check_runtime_records(field, problems)
    for lang in languages:
        override = overrides.get(lang, _NO_OVERRIDE)
        if only is not None and lang not in only:
            by_language[lang] = Unavailable(reason="", listed=False)
            continue
        if not override.available:
            if not override.reason:
                problems.add(
                    field.line,
                    f"parameter '{field.name}' is unavailable in '{lang.value}' without a reason",
                    hint="add reason='...' to lang(available=False)",
                )
            by_language[lang] = Unavailable(reason=override.reason)
            continue
        required = field.required if override.required is None else override.required
        in_constructor = field.name in constructors[lang] if lang in constructors else required
        settable = override.settable
        if settable is None:  # a constructor parameter is get-only where the language has properties
            settable = not (PROFILES[lang].settable_properties and in_constructor)
        spelled = _spell(field, lang, names.get(lang, override.name), override, required, settable)
        record = override.runtime or field.runtime
        if record is not None:
            where = Location(path=problems.path, line=record.line or field.line)
            spelled = shared(apply_runtime(spelled, lang, record, where, problems))
        by_language[lang] = spelled
    return Parameter(
        canonical=field.name,
        description=field.docstring,
        location=Location(path=problems.path, line=field.line),
        by_language=by_language,
        payload=field.payload,
        declared=field.shown
        or field.required
        or any(isinstance(p, LanguageParameter) and p.required for p in by_language.values()),
        example=field.example,
    )


def _check_runtime_records(field: RawField, problems: Problems) -> None:
    """Each ``runtime(...)`` of the field checked once, at its own line, whichever languages it serves."""
    records = [field.runtime, *(override.runtime for override in field.languages.values())]
    seen: list[spec.Runtime] = []
    for record in records:
        if record is None or any(record is other for other in seen):
            continue
        seen.append(record)
        for message, hint in runtime_problems(record, field.name):
            problems.add(record.line or field.line, message, hint)


def _only_languages(field: RawField, problems: Problems) -> frozenset[Language] | None:
    """The languages of ``param(only=...)``, or None when every language has the parameter."""
    if field.only is None:
        return None
    expanded = expand_language_keys(problems, field.only, field.line, "only")
    return frozenset(lang for languages in expanded.values() for lang in languages)


def _check_overrides_inside_only(field: RawField, only: frozenset[Language], problems: Problems) -> None:
    """A spelling or override for a language that ``only=`` leaves out would never show: say so."""
    for what, mapping in (("names", field.names), ("languages", field.languages)):
        for key, languages in expand_language_keys(problems, mapping, field.line, what).items():
            outside = [lang.value for lang in languages if lang not in only]
            if outside and len(outside) == len(languages):
                problems.add(
                    field.line,
                    f"{what}['{key}'] of parameter '{field.name}' is for a language it does not have",
                    hint=f"only= leaves out {', '.join(outside)}: remove the entry, or add it to only=",
                )


def _by_language(
    mapping: Mapping[str, _T], expanded: Mapping[str, tuple[Language, ...]]
) -> dict[Language, _T]:
    """Group keys (``csharp``) first, so a single-language key always wins over its group."""
    result: dict[Language, _T] = {}
    for key in sorted(expanded, key=lambda k: len(expanded[k]), reverse=True):
        for lang in expanded[key]:
            result[lang] = mapping[key]
    return result


def _spell(  # each argument is one part of the spelling
    field: RawField,
    lang: Language,
    name: str | None,
    override: spec.LanguageOverride,
    required: bool,
    settable: bool,
) -> LanguageParameter:
    profile = PROFILES[lang]
    default = field.default if override.default is spec.UNSET else override.default
    spelled = name or override.name or _spelled_name(field, profile)
    type_name = override.type or profile.type_name(field.annotation)
    value = None if required else format_default(default, lang)
    key = (field.name, spelled, type_name, required, value, field.docstring, override.note, override.accepted)
    return interned(
        SPELLED,
        (*key, settable),
        lambda: LanguageParameter(
            canonical=field.name,
            name=spelled,
            type=type_name,
            required=required,
            default=value,
            description=field.docstring,
            note=override.note,
            accepted=override.accepted,
            settable=settable,
        ),
    )


def _spelled_name(field: RawField, profile: LanguageProfile) -> str:
    """A payload field follows the profile's payload rule (C# properties, JSON keys elsewhere)."""
    return profile.payload_naming_rule(field.name) if field.payload else profile.spell(field.name)


def _link_parameter_references(
    parameters: Sequence[Parameter],
    languages: Sequence[Language],
    declared: frozenset[str],
    problems: Problems,
) -> tuple[Parameter, ...]:
    """Spell ``[[top_p]]`` in a description as each language does (`topP`, `top_p`, `TopP`).

    Prose that names another parameter drifts like the tables do; a reference keeps
    it right in every language and fails loudly when the parameter is renamed.
    """
    known = declared | {p.canonical for p in parameters}
    linked: list[Parameter] = []
    for parameter in parameters:
        if "[[" not in parameter.description:
            linked.append(parameter)
            continue
        for name in _REFERENCE.findall(parameter.description):
            if name not in known:
                problems.add(
                    parameter.location.line,
                    f"description of '{parameter.canonical}' refers to unknown parameter [[{name}]]",
                    choices_hint(name, known, noun="parameters"),
                    path=parameter.location.path,
                )
        by_language = dict(parameter.by_language)
        for lang in languages:
            spelled = by_language[lang]
            if isinstance(spelled, LanguageParameter):
                text = _REFERENCE.sub(_reference_speller(parameters, lang), spelled.description)
                by_language[lang] = shared(replace(spelled, description=text))
        linked.append(replace(parameter, by_language=by_language))
    return tuple(linked)


def _reference_speller(parameters: Sequence[Parameter], lang: Language) -> Callable[[re.Match[str]], str]:
    def spell(match: re.Match[str]) -> str:
        return _spelled_reference(parameters, match.group(1), lang)

    return spell


def _spelled_reference(parameters: Sequence[Parameter], canonical: str, lang: Language) -> str:
    for parameter in parameters:
        spelled = parameter.by_language.get(lang)
        if parameter.canonical == canonical and isinstance(spelled, LanguageParameter):
            return f"`{spelled.name}`"
    return f"`{canonical}`"


def _check_unique_names(
    parameters: Sequence[Parameter], languages: Sequence[Language], problems: Problems
) -> None:
    for lang in languages:
        seen: dict[str, tuple[str, int]] = {
            extra.name: (f"the {PROFILES[lang].label} profile's own '{extra.name}'", 0)
            for extra in PROFILES[lang].extras
        }
        for parameter in parameters:
            spelled = parameter.by_language.get(lang)
            if not isinstance(spelled, LanguageParameter):
                continue
            if spelled.name in seen:
                other, line = seen[spelled.name]
                where = f" (line {line})" if line else ""
                problems.add(
                    parameter.location.line,
                    f"parameter '{parameter.canonical}' is spelled '{spelled.name}' in '{lang.value}', "
                    f"like {other}{where}",
                    path=parameter.location.path,
                    hint="rename one, or give a different name with names={...}",
                )
            else:
                seen[spelled.name] = (f"parameter '{parameter.canonical}'", parameter.location.line)
