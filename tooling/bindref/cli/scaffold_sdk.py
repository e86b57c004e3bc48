"""What ``bindref new --from-sdk`` learns from the SDKs: type, direction, names, fields, docs.

Each ``--from-sdk`` names one surface: ``python:table_input`` in the installed
azure-functions, or ``csharp=ROOT:TableInput`` / ``java=ROOT:TableInput`` in a source
checkout. The binding's type string and direction come from what those SDKs state (never
from the decorator's name), the fields from their parameters, each field's description
from the SDK's own doc comment. Whatever no SDK says is left to the author as a TODO.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bindref.check.sdk import SOURCE_READERS
from bindref.check.sdk_types import normalised
from bindref.core.errors import ConfigError, choices_hint
from bindref.languages import PROFILES, Direction, Language, languages_of_sdk, snake_case
from bindref.sdk.defaults import same_default
from bindref.sdk.python import INSTALLED_READERS, PACKAGE
from bindref.sdk.sources import SdkParameter, SdkSurface

_FORMS = "FAMILY:NAME (installed: {installed}) or FAMILY=ROOT:NAME (source checkout: {sources})"


@dataclass(frozen=True, kw_only=True)
class Field:
    """One parameter of the definition stub: its ``param(...)`` arguments as Python source."""

    name: str
    annotation: str
    arguments: tuple[str, ...]  # ``required=True``, ``default=8``, ``languages={...}``
    description: str  # the SDK's doc text ("" when no SDK documents it)
    described_by: str  # the language whose SDK the description comes from

    @property
    def docstring(self) -> str:
        """The description as the body of a ``\"\"\"...\"\"\"`` literal: backslashes and quotes escaped."""
        return self.description.replace("\\", "\\\\").replace('"', '\\"')


@dataclass(frozen=True, kw_only=True)
class SdkFacts:
    """Everything the SDKs named on the command line say about the new binding."""

    surfaces: Mapping[Language, SdkSurface]
    type_name: str | None
    direction: Direction | None
    fields: tuple[Field, ...]
    constructors: tuple[tuple[str, str], ...]  # (definition key, Python source of its signatures)


def read_sdk_facts(specs: Sequence[str], direction: Direction | None) -> SdkFacts:
    """Read every ``--from-sdk`` surface and merge what they state; contradictions are errors."""
    surfaces: dict[Language, SdkSurface] = {}
    for spec in specs:
        surfaces.update(_surfaces(spec))
    stated = [s.statement for s in surfaces.values() if s.statement is not None]
    types = {st.type_name for st in stated if st.type_name is not None}
    if len(types) > 1:
        shown = ", ".join(sorted(f"'{t}'" for t in types))
        raise ConfigError(f"the SDKs given state different type strings: {shown}", hint="name one binding")
    allowed = set(Direction) if direction is None else {direction}
    for statement in stated:
        if statement.directions:
            allowed &= statement.directions
    if not allowed:
        raise ConfigError(
            "the SDKs given (and --direction) state different directions",
            hint="name surfaces of one binding, or drop --direction",
        )
    chosen = next(iter(allowed)) if len(allowed) == 1 else direction
    fields, matched = _fields(surfaces)
    return SdkFacts(
        surfaces=surfaces,
        type_name=next(iter(types), None),
        direction=chosen,
        fields=fields,
        constructors=_constructors(surfaces, matched),
    )


def _surfaces(spec: str) -> dict[Language, SdkSurface]:
    """``python:table_input`` or ``csharp=../ext:TableInput``: the surface in each language it names."""
    head, _, name = spec.rpartition(":")
    family, _, root = head.partition("=")
    forms = _FORMS.format(installed="|".join(INSTALLED_READERS), sources="|".join(SOURCE_READERS))
    if not name or (family not in INSTALLED_READERS and family not in SOURCE_READERS):
        raise ConfigError(f"--from-sdk '{spec}' is not {forms}", hint="e.g. python:table_input")
    if family in SOURCE_READERS:
        if not root:
            raise ConfigError(f"--from-sdk '{spec}' needs a source checkout", hint=f"{family}=ROOT:{name}")
        by_language: Mapping[Language, Mapping[str, SdkSurface]] = SOURCE_READERS[family](Path(root))
        what = f"the {family} sources under '{root}'"
    else:
        installed = INSTALLED_READERS[family]()
        if installed is None:
            raise ConfigError(f"{PACKAGE} is not installed", hint=f"pip install {PACKAGE}, then retry")
        by_language = dict.fromkeys(languages_of_sdk(family), installed)
        what = PACKAGE
    found = {lang: by_name[name] for lang, by_name in by_language.items() if name in by_name}
    if not found:
        every = sorted({symbol for by_name in by_language.values() for symbol in by_name})
        kind = PROFILES[next(iter(by_language))].symbol_kind if by_language else "surface"
        raise ConfigError(f"{what} has no {kind} '{name}'", hint=choices_hint(name, every))
    return found


def _key(name: str) -> str:
    """``AIConnectionName``, ``aiConnectionName`` and ``ai_connection_name`` are one parameter."""
    return name.replace("_", "").lower()


def _own(surface: SdkSurface) -> list[SdkParameter]:
    """The surface's parameters without those its language adds to every binding (``arg_name``)."""
    extras = {_key(extra.name) for extra in PROFILES[surface.language].extras}
    return [p for p in surface.parameters if _key(p.name) not in extras]


def _fields(surfaces: Mapping[Language, SdkSurface]) -> tuple[tuple[Field, ...], dict[str, str]]:
    """One field per parameter, in the first surface's order; the rest differ per language."""
    ordered = sorted(surfaces.values(), key=lambda s: not PROFILES[s.language].positional_extras)
    found: dict[str, dict[Language, SdkParameter]] = {}
    for surface in ordered:
        for parameter in _own(surface):
            found.setdefault(_key(parameter.name), {})[surface.language] = parameter
    canonical: dict[str, str] = {}
    fields = []
    for key, by_language in found.items():
        first_language, first = next(iter(by_language.items()))
        name = first.name if first_language == ordered[0].language else snake_case(first.name)
        canonical[key] = name = snake_case(name) if not name.islower() else name
        fields.append(_field(name, by_language, [s.language for s in ordered]))
    return tuple(fields), canonical


def _field(name: str, by_language: Mapping[Language, SdkParameter], given: Sequence[Language]) -> Field:
    first_language, first = next(iter(by_language.items()))
    arguments = ["required=True"] if first.required else []
    base_default = _literal(first.default) if not first.required else None
    if base_default is not None:
        arguments.append(f"default={base_default}")
    overrides = {}
    annotation = _annotation(first.type)
    for language, parameter in by_language.items():
        if language == first_language:
            own = [f"type={first.type!r}"] if not _same_type(annotation, first.type, language) else []
            if not first.required and base_default is None:
                own.append(f"default=code({first.default!r})")
            if own:
                overrides[language] = f"lang({', '.join(own)})"
            continue
        overrides.update(_override(name, language, parameter, first))
    keys = [lang.value for lang in by_language]
    if set(by_language) != set(given):
        arguments.append(f"only={keys!r}")
    if overrides:
        body = ", ".join(f'"{lang.value}": {text}' for lang, text in overrides.items())
        arguments.append(f"languages={{{body}}}")
    described = next(((lang, p) for lang, p in by_language.items() if p.description), None)
    return Field(
        name=name,
        annotation=annotation,
        arguments=tuple(arguments),
        description=described[1].description if described else "",
        described_by=PROFILES[described[0]].label if described else "",
    )


def _override(
    name: str, language: Language, parameter: SdkParameter, first: SdkParameter
) -> dict[Language, str]:
    """``lang(...)`` for what this language's SDK says differently: spelling, type, required-ness, default."""
    options = []
    if PROFILES[language].spell(name) != parameter.name:
        options.append(f"name={parameter.name!r}")
    if not _same_type(_annotation(first.type), parameter.type, language):
        options.append(f"type={parameter.type!r}")
    if parameter.required != first.required:
        options.append(f"required={parameter.required}")
    if not parameter.required and not same_default(first.default, parameter.default):
        options.append(f"default=code({(parameter.default or PROFILES[language].null_literal)!r})")
    return {language: f"lang({', '.join(options)})"} if options else {}


def _literal(default: str | None) -> str | None:
    """The default as a Python literal for ``param(default=...)``; None when it is SDK code."""
    try:
        return repr(ast.literal_eval(default or "None"))
    except (ValueError, SyntaxError):
        return None


def _same_type(annotation: str, sdk_type: str, language: Language) -> bool:
    """Whether the field's annotation already gives the SDK's type (else ``lang(type=...)`` says it)."""
    profile = PROFILES[language]
    ours = normalised(profile.type_name(annotation), profile, definition=True)
    return not sdk_type or ours == normalised(sdk_type, profile)


def _annotation(sdk_type: str) -> str:
    """``Optional[str]`` -> ``str | None``; anything unusual becomes ``str`` for the author to fix."""
    text = sdk_type.strip()
    if text.startswith("Optional[") and text.endswith("]") and text[9:-1] in ("str", "int", "bool", "float"):
        return f"{text[9:-1]} | None"
    return text if text in ("str", "int", "bool", "float") else "str"


def _constructors(
    surfaces: Mapping[Language, SdkSurface], canonical: Mapping[str, str]
) -> tuple[tuple[str, str], ...]:
    """``constructors=`` entries for the surfaces whose SDK has them, as canonical field names."""
    entries = []
    for language, surface in surfaces.items():
        if surface.constructors is None:
            continue
        signatures = [tuple(canonical[_key(p.name)] for p in signature) for signature in surface.constructors]
        written = repr(signatures[0]) if len(signatures) == 1 else repr(signatures)
        entries.append((language.value, written))
    return tuple(entries)
