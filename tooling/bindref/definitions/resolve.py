"""Turn raw definitions into the per-language model, applying the language profiles.

Each canonical field becomes one :class:`~bindref.core.model.LanguageParameter` per
enabled language: the profile's naming rule and type map, then the definition's
explicit per-language differences. Every problem is collected, so one run lists
them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePosixPath
from typing import Any

from bindref import spec
from bindref.core.config import Settings
from bindref.core.errors import BindrefError, DefinitionError, Problems, choices_hint, raise_all
from bindref.core.model import (
    Binding,
    Catalog,
    ExampleRef,
    LanguageParameter,
    Location,
    Parameter,
    Unavailable,
)
from bindref.core.paths import leaves_folder
from bindref.definitions.parameters import expand_language_keys, resolve_parameters
from bindref.definitions.raw import RawBinding
from bindref.languages import DIRECTION_KIND, PROFILES, Direction, Language, camel_case

_EXAMPLE_OPTIONS = {
    "type": 'for example type="assistantPost"',
    "title": 'the page\'s heading, for example title="Azure OpenAI assistant post input binding"',
}


def build_catalog(raw_bindings: Sequence[RawBinding], settings: Settings) -> Catalog:
    """The resolved catalog, or a BindrefErrors naming every problem."""
    errors: list[BindrefError] = []
    bindings: dict[str, Binding] = {}
    for raw in raw_bindings:
        binding, problems = _built(raw, settings)
        errors.extend(problems)
        if binding is None:
            continue
        if binding.key in bindings:
            first = bindings[binding.key].location
            errors.append(
                DefinitionError(
                    f"binding '{binding.key}' is defined twice",
                    path=raw.path,
                    line=raw.line,
                    hint=f"first defined at {first}; give each binding its own key='...'",
                )
            )
        bindings[binding.key] = binding
    raise_all(errors)
    return Catalog(bindings=dict(sorted(bindings.items())))


# Each binding as last resolved (the loader hands out the same RawBinding until its module or
# one it imports changes). Resolving reads nothing but the raw binding and the settings.
Resolved = tuple[RawBinding, Settings, Binding | None, list[BindrefError]]  # as in _BUILT
_BUILT: dict[tuple[str, str], Resolved] = {}


def resolve_ahead(raw_bindings: Sequence[RawBinding], settings: Settings) -> list[Resolved]:
    """Resolve each binding where it was read (a forked reader too), for :func:`build_catalog`.

    A forked part sends these back with its raw bindings, and :func:`remember` files them.
    """
    for raw in raw_bindings:
        _built(raw, settings)
    return [_BUILT[raw.path, raw.class_name] for raw in raw_bindings]


def remember(resolved: Iterable[Resolved]) -> None:
    """File bindings resolved elsewhere; each is used only for the very raw binding it was made of."""
    _BUILT.update(((entry[0].path, entry[0].class_name), entry) for entry in resolved)


def _built(raw: RawBinding, settings: Settings) -> tuple[Binding | None, list[BindrefError]]:
    cached = _BUILT.get((raw.path, raw.class_name))
    if cached is not None and cached[0] is raw and (cached[1] is settings or cached[1] == settings):
        return cached[2], cached[3]
    problems = Problems(raw.path)
    binding = _build_binding(raw, settings, problems)
    _BUILT[raw.path, raw.class_name] = (raw, settings, binding, list(problems.errors))
    return binding, list(problems.errors)


def _build_binding(raw: RawBinding, settings: Settings, problems: Problems) -> Binding | None:
    options = raw.options  # an option in raw.unreadable is already reported where it is written
    type_name = options.get("type")
    title = options.get("title")
    direction = (
        None if "direction" in raw.unreadable else _direction(options.get("direction"), raw.line, problems)
    )
    for key, value in (("type", type_name), ("title", title)):
        if key not in raw.unreadable and (not isinstance(value, str) or not value.strip()):
            problems.add(raw.line, f"binding() needs a non-empty '{key}' string", _EXAMPLE_OPTIONS[key])
    if direction is None or not isinstance(type_name, str) or not isinstance(title, str):
        return None
    languages = settings.languages
    unavailable = {
        lang: Unavailable(reason=reason)
        for lang, reason in _per_language(options.get("unavailable"), raw, problems, "unavailable")
        if lang in languages
    }
    names = dict(_per_language(options.get("names"), raw, problems, "names"))
    kind = DIRECTION_KIND[direction]
    for lang in languages:
        profile = PROFILES[lang]
        if not profile.names_binding_by_symbol:
            names.setdefault(lang, profile.binding_name(kind=kind, type_name=type_name))
        elif lang not in unavailable and lang not in names and "names" not in raw.unreadable:
            problems.add(
                raw.line,
                f"binding() names has no entry for '{lang.value}'",
                hint=f"give the {profile.label} name, or list it in unavailable= with a reason",
            )
    declared = _declared_constructors(options.get("constructors"), raw, problems)
    constructor_fields = {lang: frozenset(n for sig in sigs for n in sig) for lang, sigs in declared.items()}
    parameters = resolve_parameters(raw.fields, languages, raw.declared_names, problems, constructor_fields)
    examples, no_examples = _examples(options.get("examples", ()), raw, settings, problems)
    key = _binding_key(options.get("key"), raw, problems)
    return Binding(
        key=f"{raw.extension}/{key}",
        extension=raw.extension,
        type_name=type_name,
        direction=direction,
        title=title,
        summary=raw.summary,
        class_name=raw.class_name,
        location=Location(path=raw.path, line=raw.line),
        names={lang: name for lang, name in names.items() if lang in languages},
        unavailable=unavailable,
        parameters=parameters,
        examples=examples,
        no_examples=no_examples,
        usage=dict(_per_language(options.get("usage"), raw, problems, "usage")),
        constructors=_spelled_constructors(declared, parameters, languages),
        payload_types=dict(_per_language(options.get("payload_types"), raw, problems, "payload_types")),
        source=raw.source,
    )


_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def _binding_key(declared: Any, raw: RawBinding, problems: Problems) -> str:
    """``key=`` as written, else the module's file name in camelCase (``text_completion``)."""
    stem = PurePosixPath(raw.path).stem
    if stem == "__init__":
        stem = PurePosixPath(raw.path).parent.name
    key = declared if isinstance(declared, str) else camel_case(stem)
    if not _KEY.fullmatch(key):
        problems.add(
            raw.line,
            f"binding key '{key}' is not a valid name",
            "a key starts with a letter and holds letters, digits, '_' or '-': for example key='input'",
        )
    return key


Signatures = dict[Language, tuple[tuple[str, ...], ...]]


def _declared_constructors(value: Any, raw: RawBinding, problems: Problems) -> Signatures:
    """``constructors=`` per language as canonical names, each checked against the fields."""
    if value is None:
        return {}
    fields = [f.name for f in raw.fields]
    signatures: Signatures = {}
    for key, languages in expand_language_keys(problems, value, raw.line, "constructors").items():
        written = value[key]
        overloads = written if written and all(isinstance(s, tuple) for s in written) else (written,)
        for signature in overloads:
            for name in signature:
                if name not in fields and name not in raw.declared_names:
                    problems.add(
                        raw.line,
                        f"constructors['{key}'] names unknown parameter '{name}'",
                        choices_hint(name, fields, noun="parameters"),
                    )
        for lang in languages:
            if PROFILES[lang].positional_extras is None:
                with_positions = ", ".join(
                    lang.value for lang in Language if PROFILES[lang].positional_extras is not None
                )
                problems.add(
                    raw.line,
                    f"constructors['{key}']: {PROFILES[lang].label} passes no argument by position",
                    f"constructors apply to {with_positions}",
                )
                continue
            signatures[lang] = tuple(tuple(signature) for signature in overloads)
    return signatures


def _spelled_constructors(
    declared: Signatures, parameters: Sequence[Parameter], languages: Sequence[Language]
) -> Signatures:
    """Each language's signatures in its own spelling; without a declaration, its required fields."""
    spelled: Signatures = {}
    for lang in languages:
        if PROFILES[lang].positional_extras is None:
            continue
        names = {
            p.canonical: form.name
            for p in parameters
            if not p.payload and isinstance(form := p.by_language.get(lang), LanguageParameter)
        }
        if lang in declared:
            spelled[lang] = tuple(tuple(names[n] for n in sig if n in names) for sig in declared[lang])
        else:
            required = tuple(
                form.name
                for p in parameters
                if not p.payload
                and isinstance(form := p.by_language.get(lang), LanguageParameter)
                and form.declared_required  # the SDK's constructor, not what the runtime demands
            )
            spelled[lang] = (required,)
    return spelled


def _direction(value: Any, line: int, problems: Problems) -> Direction | None:
    try:
        return Direction(value)
    except ValueError:
        problems.add(
            line,
            f"unknown direction {value!r}",
            choices_hint(str(value), (d.value for d in Direction), noun="directions"),
        )
        return None


def _per_language(mapping: Any, raw: RawBinding, problems: Problems, what: str) -> list[tuple[Language, str]]:
    if mapping is None:
        return []
    hint = f"for example {what}={{'python': '...'}}"
    if not isinstance(mapping, dict):
        problems.add(raw.line, f"binding() {what} must be a dict of language key to string", hint)
        return []
    pairs: list[tuple[Language, str]] = []
    for key, languages in expand_language_keys(problems, mapping, raw.line, what).items():
        value = mapping[key]
        if not isinstance(value, str) or not value.strip():
            problems.add(raw.line, f"{what}['{key}'] must be a non-empty string", hint)
            continue
        pairs.extend((lang, value) for lang in languages)
    return pairs


def _examples(
    declared: Any, raw: RawBinding, settings: Settings, problems: Problems
) -> tuple[Mapping[Language, tuple[ExampleRef, ...]], Mapping[Language, Unavailable]]:
    examples: dict[Language, list[ExampleRef]] = {}
    missing: dict[Language, Unavailable] = {}
    items = declared if isinstance(declared, tuple) else ()
    for item in items:
        if not isinstance(item, (spec.Example, spec.NoExample)):
            hint = "for example examples=[example('python', 'ext/python/app.py', region='x')]"
            problems.add(raw.line, "binding() examples must hold example(...) or no_example(...) calls", hint)
            continue
        if isinstance(item, spec.Example) and (outside := leaves_folder(item.path)):
            hint = f"write it relative to the samples folder '{settings.samples_of(raw.extension)}'"
            problems.add(item.line or raw.line, f"example path '{item.path}' {outside}", hint)
            continue
        for langs in expand_language_keys(problems, [item.language], raw.line, "examples").values():
            for lang in (lang for lang in langs if lang in settings.languages):
                if isinstance(item, spec.NoExample):
                    missing[lang] = Unavailable(reason=item.reason)
                    continue
                examples.setdefault(lang, []).append(
                    ExampleRef(
                        language=lang,
                        path=f"{settings.samples_of(raw.extension)}/{item.path}",
                        region=item.region,
                        description=item.description,
                        title=item.title,
                        location=Location(path=raw.path, line=item.line or raw.line),
                    )
                )
    return {lang: tuple(refs) for lang, refs in examples.items()}, missing
