"""Compare every binding definition with the SDK surfaces it documents (BR401-BR411).

Definitions are written by hand from the SDKs, and SDKs move on: a parameter is added,
renamed, made required, given a new default. This check reads the SDKs' own declarations
(the installed azure-functions package, and C#/Java source checkouts given with
``--sdk-source``) and reports each difference at the definition's ``path:line``, so the
fix is made where the reference pages come from. Differences a definition records as
intended (``lang(accepted="why")``) become notes that carry the reason; so does each
``runtime(...)`` record (compared by its declared values, reported with its source line).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bindref.check.context import CheckContext
from bindref.check.findings import Finding, sdk_difference
from bindref.check.renames import RENAME_CUTOFF, pair_renames, spelling_key
from bindref.check.sdk_binding import compare_constructors, compare_statement
from bindref.check.sdk_runtime import runtime_notes
from bindref.check.sdk_types import compare_types
from bindref.core.errors import ConfigError
from bindref.core.model import Binding, LanguageParameter, Location, Unavailable
from bindref.core.similar import SimilarNames
from bindref.languages import PROFILES, Language, languages_of_sdk
from bindref.sdk.csharp import CSHARP_FAMILY, read_csharp_sources
from bindref.sdk.defaults import same_sdk_default, shown_default
from bindref.sdk.java import JAVA_FAMILY, read_java_sources
from bindref.sdk.maven import sources_jar
from bindref.sdk.python import FAMILY as PYTHON_FAMILY
from bindref.sdk.python import read_python_sdk
from bindref.sdk.sources import SdkParameter, SdkSurface, SdkSurfaces

SOURCE_READERS: Mapping[str, Callable[[Path], SdkSurfaces]] = {
    CSHARP_FAMILY: read_csharp_sources,
    JAVA_FAMILY: read_java_sources,
}


@dataclass(frozen=True, kw_only=True)
class _Documented:
    """A parameter as the definition documents it in one language (profile extras included)."""

    name: str
    required: bool
    default: str | None
    accepted: str
    location: Location
    from_profile: bool


@dataclass(frozen=True, kw_only=True)
class _Scope:
    """One binding in one language, compared with one SDK surface."""

    binding: Binding
    language: Language
    surface: SdkSurface

    @property
    def where(self) -> str:
        return f"{self.language.value} '{self.surface.symbol}'"


def check_sdks(context: CheckContext) -> list[Finding]:
    """Every difference between the definitions and the SDK surfaces available to this run.

    Each extension is compared with its own sources only, so one extension's checkout never
    reports the bindings of another as missing from it.
    """
    read: dict[tuple[str, Path], SdkSurfaces] = {}
    findings: list[Finding] = []
    for extension in sorted({b.extension for b in context.catalog.bindings.values()}):
        surfaces = sdk_surfaces(context, extension, read)
        source_base = context.project.settings.extension(extension).runtime_source
        similar = _SimilarSymbols()
        for binding in (b for b in context.catalog.bindings.values() if b.extension == extension):
            for language, by_name in surfaces.items():
                if language in binding.names and binding.is_available(language):
                    findings.extend(_check_binding(binding, language, by_name, source_base, similar))
    return findings


class _SimilarSymbols:
    """One extension's SDK names of each language, indexed for close matches when one is first missing."""

    def __init__(self) -> None:
        self._indexes: dict[Language, SimilarNames] = {}

    def closest(self, name: str, language: Language, surfaces: Mapping[str, SdkSurface]) -> list[str]:
        index = self._indexes.get(language)
        if index is None:
            index = self._indexes[language] = SimilarNames(surfaces)
        return index.closest(name, n=3, cutoff=RENAME_CUTOFF)


def source_roots(context: CheckContext, extension: str) -> dict[str, tuple[Path, ...]]:
    """The sources for ``extension`` by family: its settings, then ``--sdk-source`` (which wins).

    Its settings name checkouts (``csharp_sources``, ``java_sources``) and Java libraries by
    Maven coordinates (``java_maven``), read from their sources jars.
    """
    settings = context.project.settings
    own = settings.extension(extension)
    where = f" (java_maven of extension '{extension}')"
    roots: dict[str, tuple[Path, ...]] = {}
    if own.java_maven and context.options.java_sdk:
        roots[JAVA_FAMILY] = tuple(sources_jar(coordinate, where=where) for coordinate in own.java_maven)
    for family, written, key in (
        (CSHARP_FAMILY, own.csharp_sources, "csharp_sources"),
        (JAVA_FAMILY, own.java_sources, "java_sources"),
    ):
        if not written or (family == JAVA_FAMILY and not context.options.java_sdk):
            continue
        root = settings.root / written  # an absolute path stays as written
        if not root.is_dir():
            raise ConfigError(
                f"{key} folder '{written}' of extension '{extension}' does not exist",
                path="pyproject.toml",
                hint="clone the SDK repository there, or change the setting",
            )
        roots[family] = (*roots.get(family, ()), root)
    options = context.options.sdk_sources
    given = {**options.get("", {}), **options.get(extension, {})}
    for family in given:
        if family not in SOURCE_READERS:
            valid = ", ".join(f"'{known}'" for known in SOURCE_READERS)
            raise ConfigError(f"unknown --sdk-source language '{family}'", hint=f"valid: {valid}")
    return {**roots, **{family: (root,) for family, root in given.items()}}


def sdk_surfaces(
    context: CheckContext, extension: str, read: dict[tuple[str, Path], SdkSurfaces]
) -> dict[Language, Mapping[str, SdkSurface]]:
    """The surfaces to compare one extension with: its source checkouts and the Python SDK."""
    surfaces: dict[Language, Mapping[str, SdkSurface]] = {}
    for family, roots in source_roots(context, extension).items():
        for root in roots:  # several libraries of one family add up (core and extension jars)
            if (family, root) not in read:
                read[family, root] = SOURCE_READERS[family](root)
            for language, by_name in read[family, root].items():
                surfaces[language] = {**surfaces.get(language, {}), **by_name}
    python = read_python_sdk(cache=context.project.cache) if context.options.python_sdk else None
    if python is not None:
        surfaces.update(dict.fromkeys(languages_of_sdk(PYTHON_FAMILY), python))
    return surfaces


def _check_binding(
    binding: Binding,
    language: Language,
    surfaces: Mapping[str, SdkSurface],
    source_base: str,
    similar: _SimilarSymbols,
) -> list[Finding]:
    name = binding.names[language]
    surface = surfaces.get(name)
    if surface is None:
        kind = PROFILES[language].symbol_kind
        close = similar.closest(name, language, surfaces)
        hint = "closest: " + ", ".join(f"'{c}'" for c in close) if close else f"no {kind} has a similar name"
        message = f"{language.value} SDK has no {kind} '{name}'"
        return [sdk_difference("BR406", message, binding.location, hint)]
    findings = compare_statement(binding, language, surface)
    findings += compare_constructors(binding, language, surface)
    findings += compare_types(binding, language, surface)
    findings += _compare(_Scope(binding=binding, language=language, surface=surface))
    return findings + runtime_notes(binding, language, surface, source_base)


def _documented(scope: _Scope) -> list[_Documented]:
    extras = [
        _Documented(
            name=extra.name,
            required=extra.required,
            default=extra.default,
            accepted="",
            location=scope.binding.location,
            from_profile=True,
        )
        for extra in PROFILES[scope.language].extras
    ]
    return extras + [
        _Documented(
            name=spelled.name,
            required=spelled.declared_required,  # the SDK's own declaration, not the runtime's rule
            default=declared.source if (declared := spelled.declared_default) is not None else None,
            accepted=spelled.accepted,
            location=parameter.location,
            from_profile=False,
        )
        for parameter in scope.binding.parameters
        if not parameter.payload  # the data the binding carries is not part of the SDK surface
        and isinstance(spelled := parameter.by_language.get(scope.language), LanguageParameter)
    ]


def _compare(scope: _Scope) -> list[Finding]:
    documented = _documented(scope)
    sdk = {p.name: p for p in scope.surface.parameters}
    names = {d.name for d in documented}
    missing = [p for p in scope.surface.parameters if p.name not in names]
    extra = [d for d in documented if d.name not in sdk]
    renames = _renames(extra, missing)
    findings = [_renamed(scope, ours, theirs) for ours, theirs in renames]
    findings += [_missing(scope, p) for p in missing if p not in {theirs for _, theirs in renames}]
    findings += [_extra(scope, d) for d in extra if d not in {ours for ours, _ in renames}]
    for ours in documented:
        if ours.name in sdk:
            findings += _differences(scope, ours, sdk[ours.name])
    return findings


def _renames(
    extra: Sequence[_Documented], missing: Sequence[SdkParameter]
) -> list[tuple[_Documented, SdkParameter]]:
    """Pair each extra name with the closest missing one: one rename, not two findings."""
    return pair_renames(extra, missing, lambda ours: ours.name, lambda theirs: theirs.name)


def _renamed(scope: _Scope, ours: _Documented, theirs: SdkParameter) -> Finding:
    message = f"{scope.where} spells it '{theirs.name}', the definition '{ours.name}'"
    hint = (
        f"'{ours.name}' comes from the {PROFILES[scope.language].label} language profile"
        if ours.from_profile
        else f"rename the field, or set names={{'{scope.language.value}': '{theirs.name}'}}"
    )
    return sdk_difference("BR403", message, ours.location, hint, ours.accepted)


def _missing(scope: _Scope, theirs: SdkParameter) -> Finding:
    declared = f"declared at {theirs.path or scope.surface.path}:{theirs.line}"
    for parameter in (p for p in scope.binding.parameters if not p.payload):
        unavailable = parameter.by_language.get(scope.language)
        spelled = PROFILES[scope.language].spell(parameter.canonical)
        if isinstance(unavailable, Unavailable) and spelling_key(spelled) == spelling_key(theirs.name):
            message = f"{scope.where} has parameter '{theirs.name}' that the definition marks unavailable"
            return sdk_difference("BR401", message, parameter.location, f"{declared}; make it available")
    message = f"{scope.where} has parameter '{theirs.name}' that the definition lacks"
    return sdk_difference("BR401", message, scope.binding.location, f"{declared}; add a field for it")


def _extra(scope: _Scope, ours: _Documented) -> Finding:
    message = f"'{ours.name}' is not a parameter of {scope.where}"
    hint = "the SDK has: " + (", ".join(f"'{p.name}'" for p in scope.surface.parameters) or "no parameters")
    return sdk_difference("BR402", message, ours.location, hint, ours.accepted)


def _differences(scope: _Scope, ours: _Documented, theirs: SdkParameter) -> list[Finding]:
    lang = scope.language.value
    if ours.required != theirs.required:
        sdk, definition = ("required", "optional") if theirs.required else ("optional", "required")
        message = f"'{ours.name}' is {sdk} in {scope.where} but {definition} in the definition"
        hint = f"set languages={{'{lang}': lang(required={theirs.required})}}"
        return [sdk_difference("BR404", message, ours.location, hint, ours.accepted)]
    if ours.required or same_sdk_default(ours.default, theirs):
        return []
    message = (
        f"default of '{ours.name}' is {shown_default(theirs)} in {scope.where} "
        f"but {ours.default or 'not set'} in the definition"
    )
    hint = f"set languages={{'{lang}': lang(default=...)}}"
    return [sdk_difference("BR405", message, ours.location, hint, ours.accepted)]
