"""The arguments of one binding usage against one binding in one language: names, positions, constructors.

A C# attribute takes constructor arguments, by position or by name with a colon
(``parameters: "@Id={id}"``), and sets properties by name (``MaxSize = 5``); a constructor
parameter is usually a get-only property, so setting it by name does not compile. A Python
decorator takes ``arg_name`` and its signature's parameters by position. Positional
arguments are mapped onto the SDK's overload that fits them, and every hint about a
constructor names the real signatures, so a reader sees how to write the call.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from difflib import get_close_matches
from functools import cached_property

from bindref.check.findings import Finding
from bindref.core.model import Binding, DefaultValue, LanguageParameter, Unavailable
from bindref.languages import PROFILES, ExtraParameter, Language
from bindref.samples.usages import Argument, BindingUsage

_Overload = tuple[LanguageParameter, ...]  # one positional signature: profile extras, then parameters


class ArgumentChecker:
    """The names, positions, constructors and required parameters of one binding in one language."""

    def __init__(self, usage: BindingUsage, binding: Binding, language: Language, subject: str, path: str):
        profile = PROFILES[language]
        self.usage, self.subject, self.path, self.language = usage, subject, path, language
        self.profile, self.name = profile, binding.names[language]
        self.noun, self.plural = profile.member_nouns
        self.parameters = binding.parameters_for(language)
        # A typed helper (``input.sql({...})``) has no ``type``: that option is the generic call's.
        self.extras = tuple(e for e in profile.extras if usage.by_type or not e.generic_only)
        self.valid = (
            {p.name for p in self.parameters} | {e.name for e in self.extras} | profile.host_properties
        )
        self.binding = binding
        self.suggested: set[str] = set()  # lowercased names that BR301 hints suggested

    @cached_property
    def unavailable(self) -> dict[str, str]:
        """Names this language lacks, with the reason (asked only about a name that is not valid)."""
        return {
            self.profile.spell(p.canonical): spelled.reason
            for p in self.binding.parameters
            if isinstance(spelled := p.by_language.get(self.language), Unavailable)
        }

    @cached_property
    def overloads(self) -> tuple[_Overload, ...]:
        """The positional signatures (asked only by a usage that passes arguments by position)."""
        return _overloads(self.binding, self.language, self.parameters)

    def required(self) -> list[str]:
        """Required names in reference-table order: profile extras, parameters, trailing extras."""
        first = [e.name for e in self.extras if e.required and not e.last]
        last = [e.name for e in self.extras if e.required and e.last]
        return [*first, *(p.name for p in self.parameters if p.required), *last]

    def check(self, arguments: Sequence[Argument]) -> tuple[set[str], list[Finding]]:
        """The parameters ``arguments`` set (by position, constructor name or property) and BR301s."""
        findings: list[Finding] = []
        provided: set[str] = set()
        positional = [a for a in arguments if a.name is None]
        by_constructor: list[tuple[Argument, str]] = []
        for argument in (a for a in arguments if a.name is not None and a.constructor):
            resolved = self._constructor_parameter(argument)
            if isinstance(resolved, Finding):
                findings.append(resolved)
            else:
                by_constructor.append((argument, resolved))
        named = [name for _, name in by_constructor]
        slots = [p.name for p in self._fitting(len(positional), named)] if positional or named else []
        for argument in positional:
            position = argument.position or 0
            if position < len(slots):
                provided.add(slots[position])
            else:
                findings.append(self._no_position(argument, position))
        for argument, name in by_constructor:
            if name not in slots[len(positional) :]:
                count = f"{len(positional)} positional argument{'' if len(positional) == 1 else 's'}"
                problem = (
                    f"has no {self.profile.signature_nouns[0]} that takes '{argument.name}' after {count}"
                )
                findings.append(self._unknown(argument, problem, self._signatures(self.overloads)))
            provided.add(name)
        for argument in (a for a in arguments if a.name is not None and not a.constructor):
            sets, finding = self._named(argument)
            findings.extend([finding] if finding is not None else [])
            provided.update([sets] if sets is not None else [])
        return provided, findings

    def _fitting(self, positional: int, named: Sequence[str]) -> _Overload:
        """The shortest overload with room for the positional arguments and the named ones after them."""
        for overload in sorted(self.overloads, key=len):
            after = {p.name for p in overload[positional:]}
            if positional <= len(overload) and all(name in after for name in named):
                return overload
        return max(self.overloads, key=len, default=())

    def _no_position(self, argument: Argument, position: int) -> Finding:
        if self.profile.positional_extras is None:
            hint = f"no positional {self.plural}"
        else:
            hint = self._signatures(self.overloads)
        return self._unknown(argument, f"has no positional {self.noun} {position + 1}", hint)

    def _constructor_parameter(self, argument: Argument) -> str | Finding:
        """``parameters:`` -> ``Parameters`` (C# spells constructor parameters in camelCase)."""
        spell = self.profile.constructor_spelling
        names = {p.name for overload in self.overloads for p in overload}
        by_spelling = {spell(name): name for name in names}
        name = argument.name or ""
        if name in by_spelling:
            return by_spelling[name]
        signatures = self._signatures(self.overloads)
        property_name = next((p.name for p in self.parameters if p.name.lower() == name.lower()), None)
        if property_name is not None and property_name not in names:
            hint = f"'{property_name}' is a property: set it with '{property_name} = ...'; {signatures}"
        else:
            spelling = self._spelling_hint(name, by_spelling, f"constructor {self.plural}")
            hint = f"{spelling} {signatures}" if spelling.endswith("?") else f"{spelling}; {signatures}"
        return self._unknown(argument, f"has no constructor {self.noun} '{name}'", hint)

    def _named(self, argument: Argument) -> tuple[str | None, Finding | None]:
        """The parameter a keyword argument or property sets, and the BR301 finding it earns.

        A get-only property set by name is still passed (one cause, one finding): its BR301
        says how to pass it, so no BR303 repeats that it is missing.
        """
        name = argument.name or ""
        if name in self.valid:
            parameter = next((p for p in self.parameters if p.name == name), None)
            if parameter is None or parameter.settable:
                return name, None
            spelled = self.profile.constructor_spelling(name)
            containing = [o for o in self.overloads if any(p.name == name for p in o)]
            hint = f"pass it as constructor argument '{spelled}:': {self._signatures(containing, noun=False)}"
            return name, self._unknown(argument, f"cannot set '{name}': it is a get-only property", hint)
        if name in self.unavailable:
            hint = f"not available in '{self.language.value}': {self.unavailable[name].rstrip('.')}"
        else:
            hint = self._spelling_hint(name, self.valid, f"valid {self.plural}")
        return None, self._unknown(argument, f"has no {self.noun} '{name}'", hint)

    def _signatures(self, overloads: Sequence[_Overload], *, noun: bool = True) -> str:
        """``constructors: SqlInputAttribute(string commandText, ...) or SqlInputAttribute(...)``."""
        shown = " or ".join(self.profile.signature(self.name, overload) for overload in overloads)
        singular, plural = self.profile.signature_nouns
        return f"{singular if len(overloads) == 1 else plural}: {shown}" if noun else shown

    def _unknown(self, argument: Argument, problem: str, hint: str) -> Finding:
        message = f"{self.subject} {problem}"
        return Finding(code="BR301", message=message, path=self.path, line=argument.line, hint=hint)

    def _spelling_hint(self, name: str, valid: Iterable[str], noun: str) -> str:
        """``did you mean 'userMessage'?`` (case-insensitive), else every valid name."""
        by_lower = {option.lower(): option for option in valid}
        close = get_close_matches(name.lower(), by_lower, n=1, cutoff=0.6)
        if close:
            self.suggested.add(close[0])
            return f"did you mean '{by_lower[close[0]]}'?"
        return f"{noun}: " + (", ".join(f"'{option}'" for option in sorted(by_lower.values())) or "none")


def _overloads(
    binding: Binding, language: Language, parameters: Sequence[LanguageParameter]
) -> tuple[_Overload, ...]:
    """Each positional signature of ``binding`` in ``language``: the profile's positional extras first."""
    profile = PROFILES[language]
    if profile.positional_extras is None:
        return ()
    by_name = {p.name: p for p in parameters}
    extras = {e.name: _as_parameter(e) for e in profile.extras}
    leading = tuple(extras[name] for name in profile.positional_extras if name in extras)
    signatures = binding.constructors.get(language) or ((),)
    return tuple((*leading, *(by_name[n] for n in names if n in by_name)) for names in signatures)


def _as_parameter(extra: ExtraParameter) -> LanguageParameter:
    """A profile extra (Python's ``arg_name``) as a signature shows it."""
    default = DefaultValue(source=extra.default) if extra.default is not None else None
    return LanguageParameter(
        canonical=extra.name,
        name=extra.name,
        type=extra.type,
        required=extra.required,
        default=default,
        description=extra.description,
        extra=True,
    )
