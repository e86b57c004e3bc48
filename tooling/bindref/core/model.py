"""bindref's own model of a binding, resolved per language.

Frozen, keyword-only dataclasses with no griffe, jinja or mkdocs in sight: the
loader produces them, every sink (renderer, checks, exports) consumes them, so an
upgrade of any dependency touches one module only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

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


@dataclass(frozen=True, kw_only=True)
class Unavailable:
    """A parameter or binding that one language does not have, and why."""

    reason: str


@dataclass(frozen=True, kw_only=True)
class Parameter:
    """A binding parameter: its canonical name and its form in every language."""

    canonical: str
    description: str
    location: Location
    by_language: Mapping[Language, LanguageParameter | Unavailable]
    payload: bool = False  # a field of the data the binding carries, not a binding parameter


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

    def parameters_for(self, language: Language) -> tuple[LanguageParameter, ...]:
        """The binding's own parameters in one language: required first, then declaration order.

        Required-first matches every SDK surface (constructor arguments, positional
        Python parameters) and keeps shared base-class options from pushing them down.
        """
        return self._spelled(language, payload=False)

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

    def find(self, reference: str) -> Binding | None:
        """Look up by key, or by bare type string when that is unambiguous."""
        if reference in self.bindings:
            return self.bindings[reference]
        matches = [b for b in self.bindings.values() if b.type_name == reference]
        return matches[0] if len(matches) == 1 else None
