"""bindref's own model of a binding, resolved per language.

Frozen, keyword-only dataclasses with no griffe, jinja or mkdocs in sight: the
loader produces them, every sink (renderer, checks, exports) consumes them, so an
upgrade of any dependency touches one module only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from bindref.core.errors import BindrefError
from bindref.languages import Direction, Language


@dataclass(frozen=True, kw_only=True)
class Location:
    """Where something was declared, repo-relative."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, kw_only=True)
class DefaultValue:
    """A parameter's default as the language's source code writes it (already formatted)."""

    source: str


class RuntimeKind(StrEnum):
    """How the extension's runtime departs from a parameter's declared signature."""

    REQUIRED = "required"  # declared optional, an empty value is rejected
    DEFAULT = "default"  # the value that applies when unset is not the declared literal
    IGNORED = "ignored"  # the host never reads it


@dataclass(frozen=True, kw_only=True)
class RuntimeDifference:
    """What the runtime does beyond the SDK's declaration, with the declaration kept for the SDK check.

    The :class:`LanguageParameter` holding it shows the effective behaviour (required, or the
    effective default); ``declared_required`` and ``declared_default`` are what the SDK itself
    says, which ``bindref check`` compares, so the SDK and the runtime are both on record.
    """

    kind: RuntimeKind
    declared_required: bool
    declared_default: DefaultValue | None
    reason: str
    source: str  # ``path:L<line>`` in the extension's source (its ``runtime_source`` setting)
    location: Location  # the runtime() call in the definition


@dataclass(frozen=True, kw_only=True)
class LanguageParameter:
    """One parameter as one language spells and types it."""

    canonical: str
    name: str
    type: str
    required: bool
    default: DefaultValue | None
    description: str
    note: str = ""
    accepted: str = ""
    extra: bool = False
    # C#: whether a property setter exists (``Connection = "..."``); a constructor parameter is
    # get-only unless the definition says otherwise. Languages without properties leave it True.
    settable: bool = True
    runtime: RuntimeDifference | None = None  # required/default above are then the effective ones

    @property
    def declared_required(self) -> bool:
        """Whether the SDK declares the parameter required (what the SDK check compares)."""
        return self.runtime.declared_required if self.runtime else self.required

    @property
    def declared_default(self) -> DefaultValue | None:
        """The default the SDK declares (what the SDK check compares)."""
        return self.runtime.declared_default if self.runtime else self.default


@dataclass(frozen=True, kw_only=True)
class Unavailable:
    """A parameter or binding that one language does not have, and why."""

    reason: str
    # False for a parameter that belongs to other languages only (``param(only=...)``): its
    # absence needs no sentence under every language that lacks it.
    listed: bool = True


@dataclass(frozen=True, kw_only=True)
class Parameter:
    """A binding parameter: its canonical name and its form in every language."""

    canonical: str
    description: str
    location: Location
    by_language: Mapping[Language, LanguageParameter | Unavailable]
    payload: bool = False  # a field of the data the binding carries, not a binding parameter
    # In the generated declaration: required in some language, or marked ``param(shown=True)``.
    declared: bool = False
    example: str | int | float | bool | None = None  # its value there (``param(example=...)``)


@dataclass(frozen=True, kw_only=True)
class ExampleRef:
    """A sample region to show for one language."""

    language: Language
    path: str
    region: str | None
    description: str
    title: str | None
    location: Location


@dataclass(frozen=True, kw_only=True)
class Binding:
    """A binding definition, fully resolved for every enabled language."""

    key: str
    extension: str
    type_name: str
    direction: Direction
    title: str
    summary: str
    class_name: str
    location: Location
    names: Mapping[Language, str]
    unavailable: Mapping[Language, Unavailable]
    parameters: tuple[Parameter, ...]
    examples: Mapping[Language, tuple[ExampleRef, ...]]
    no_examples: Mapping[Language, Unavailable]
    usage: Mapping[Language, str]
    # Per language with positional arguments (C# constructors, Python): each signature's
    # parameter names as the language spells them, in the SDK's order; overloads in turn.
    constructors: Mapping[Language, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # The class holding the payload fields, per language that has one (a JSON object elsewhere).
    payload_types: Mapping[Language, str] = field(default_factory=dict)
    # A digest of the definition files the binding was read from (its module and what that
    # imports), which with the settings decide all of it: a cache key cheaper than its repr.
    # '' for a binding made in code. Not part of what the binding is.
    source: str = field(default="", compare=False, repr=False)

    def parameters_for(self, language: Language) -> tuple[LanguageParameter, ...]:
        """The binding's own parameters in one language: constructor order, then required, then the rest.

        The constructor's order is the SDK's (a definition states it, or the required fields
        in declaration order stand for it); required-first keeps shared options from
        pushing them down.
        """
        spelled = self._spelled(language, payload=False)
        order = {name: index for index, name in enumerate(self.positional_names(language))}
        return tuple(sorted(spelled, key=lambda p: (order.get(p.name, len(order)), not p.required)))

    def positional_names(self, language: Language) -> tuple[str, ...]:
        """Every constructor parameter of ``language`` once, longest overload's order first."""
        names: dict[str, None] = {}
        for signature in sorted(self.constructors.get(language, ()), key=len, reverse=True):
            names.update(dict.fromkeys(signature))
        return tuple(names)

    def payload_for(self, language: Language) -> tuple[LanguageParameter, ...]:
        """The fields of the data the binding carries (its request payload), required first."""
        return self._spelled(language, payload=True)

    def _spelled(self, language: Language, *, payload: bool) -> tuple[LanguageParameter, ...]:
        spelled = [p.by_language[language] for p in self.parameters if p.payload is payload]
        available = [p for p in spelled if isinstance(p, LanguageParameter)]
        return tuple(sorted(available, key=lambda p: not p.required))

    def example_status(self, language: Language) -> str:
        """``example``, ``no example`` (reasoned), ``not available`` (no such binding) or ``missing``."""
        if language in self.unavailable:
            return "not available"
        if self.examples.get(language):
            return "example"
        return "no example" if language in self.no_examples else "missing"

    def is_available(self, language: Language) -> bool:
        """Whether the binding exists in ``language`` at all."""
        return language not in self.unavailable


@dataclass(frozen=True, kw_only=True)
class Catalog:
    """Every binding found in the definitions folder, by key (``openai/assistantPost``)."""

    bindings: Mapping[str, Binding]
    # The definition errors of each extension that failed to load; its bindings are left out,
    # so its pages fail while every other extension's pages still render.
    problems: Mapping[str, tuple[BindrefError, ...]] = field(default_factory=dict)

    def errors(self) -> tuple[BindrefError, ...]:
        """The definition errors of every extension that failed to load, in extension order."""
        return tuple(error for errors in self.problems.values() for error in errors)

    def find(self, reference: str) -> Binding | None:
        """Look up by key, or by bare type string when that is unambiguous."""
        if reference in self.bindings:
            return self.bindings[reference]
        matches = [b for b in self.bindings.values() if b.type_name == reference]
        return matches[0] if len(matches) == 1 else None
