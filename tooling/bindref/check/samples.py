"""Samples vs definitions: each binding a sample declares passes only arguments the definition has.

Readers copy the samples, so a misspelled argument or a binding declared with the wrong
direction would work in the docs and fail in their app. Usages come from
:mod:`bindref.samples`; this module maps them onto the catalog, in each language's spelling.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from difflib import get_close_matches

from bindref.check.context import CheckContext
from bindref.check.findings import Finding, finding_from_error
from bindref.core.errors import BindrefError
from bindref.core.model import Binding, Catalog, Unavailable
from bindref.languages import DIRECTION_KIND, PROFILES, Direction, Language, languages_of_syntax
from bindref.samples.files import prefilter, sample_files
from bindref.samples.usages import Argument, BindingUsage, Syntax, find_usages

# Build output and dependencies hold no samples, and node_modules can be huge.

# The languages each sample syntax is read for (C# serves both worker models).
_LANGUAGES: Mapping[Syntax, tuple[Language, ...]] = {syntax: languages_of_syntax(syntax) for syntax in Syntax}
# Syntaxes whose languages name a binding by its type string rather than an SDK symbol.
_BY_TYPE = frozenset(
    syntax
    for syntax, languages in _LANGUAGES.items()
    if languages and not PROFILES[languages[0]].names_binding_by_symbol
)


@dataclass(frozen=True)
class _Target:
    """A binding in the language a usage may be written in."""

    binding: Binding
    language: Language


_Index = dict[Syntax, dict[str, list[_Target]]]  # syntax -> symbol or type string -> targets


def check_samples(context: CheckContext) -> list[Finding]:
    """BR301/BR302/BR303 for every binding usage under the samples folder; BR002 for broken JSON."""
    settings = context.project.settings
    index = _index(context.catalog)
    prefilters = {syntax: prefilter(symbols) for syntax, symbols in index.items()}
    near_misses: dict[str, list[Finding]] = {}  # one difflib search per unknown type string
    findings: list[Finding] = []
    every = (
        f for folder in settings.sample_roots() for f in sample_files(settings.root, settings.root / folder)
    )
    for path, syntax in every:
        symbols = index[syntax]
        if not symbols:
            continue
        relative = path.relative_to(settings.root).as_posix()
        try:  # the reader every stage uses: a sample it cannot read is BR002, never skipped
            text = context.project.reader.text(relative)
        except BindrefError as error:
            findings.append(finding_from_error(error, "BR002"))
            continue
        text = text.removeprefix("\ufeff")
        if not _may_use(text, syntax, prefilters[syntax]):
            continue
        try:
            usages = find_usages(text, syntax, None if syntax in _BY_TYPE else symbols)
        except json.JSONDecodeError as error:
            message = f"not valid JSON: {error.msg[:1].lower()}{error.msg[1:]}"
            hint = f"column {error.colno}"
            findings.append(
                Finding(code="BR002", message=message, path=relative, line=error.lineno, hint=hint)
            )
            continue
        for usage in usages:
            findings.extend(_check_usage(usage, symbols, relative, near_misses))
    return sorted(findings, key=lambda f: (f.path, f.line, f.code, f.message))


def _index(catalog: Catalog) -> _Index:
    index: _Index = {syntax: {} for syntax in Syntax}
    for binding in catalog.bindings.values():
        for syntax, languages in _LANGUAGES.items():
            for language in (lang for lang in languages if lang in binding.names):  # enabled languages
                symbol = binding.type_name if syntax in _BY_TYPE else binding.names[language]
                index[syntax].setdefault(symbol, []).append(_Target(binding, language))
    return index


def _may_use(text: str, syntax: Syntax, prefilter: re.Pattern[str] | None) -> bool:
    """A cheap substring test that skips parsing files that cannot declare a known binding.

    Type strings are not required in Node.js files and function.json, so a misspelled one
    is still found.
    """
    if syntax is Syntax.FUNCTION_JSON:
        return True
    if syntax in _BY_TYPE:
        return "generic" in text
    return prefilter is not None and prefilter.search(text) is not None


def _check_usage(
    usage: BindingUsage,
    symbols: Mapping[str, list[_Target]],
    path: str,
    near_misses: dict[str, list[Finding]],
) -> list[Finding]:
    targets = symbols.get(usage.symbol)
    if targets is None:
        if usage.syntax not in _BY_TYPE:
            return []
        if usage.symbol not in near_misses:
            near_misses[usage.symbol] = _unknown_type(usage, symbols, "")
        return [replace(f, path=path, line=_type_line(usage)) for f in near_misses[usage.symbol]]
    # A C# name both models share: judge the sample by the model it fits best.
    return min((_check_target(usage, target, path) for target in targets), key=len)


def _unknown_type(usage: BindingUsage, symbols: Iterable[str], path: str) -> list[Finding]:
    """BR302 for a type string that is a near miss of a defined one (``assistantpost``)."""
    by_lower = {symbol.lower(): symbol for symbol in symbols}
    close = get_close_matches(usage.symbol.lower(), by_lower, n=1, cutoff=0.85)
    if not close:
        return []  # another extension's binding, such as httpTrigger
    message = f"unknown binding type '{usage.symbol}'"
    return [
        Finding(
            code="BR302",
            message=message,
            path=path,
            line=_type_line(usage),
            hint=f"did you mean '{by_lower[close[0]]}'?",
        )
    ]


def _type_line(usage: BindingUsage) -> int:
    return next((a.line for a in usage.arguments if a.name == "type"), usage.line)


def _check_target(usage: BindingUsage, target: _Target, path: str) -> list[Finding]:
    binding, language = target.binding, target.language
    name = binding.type_name if usage.syntax in _BY_TYPE else binding.names[language]
    subject = PROFILES[language].usage_subject.format(name=name)
    if language in binding.unavailable:
        message = f"{subject} is not available in '{language.value}'"
        hint = binding.unavailable[language].reason.rstrip(".")
        return [Finding(code="BR302", message=message, path=path, line=usage.line, hint=hint)]
    findings = _direction(usage, binding, path)
    checker = _ArgumentChecker(usage, binding, language, subject, path)
    provided: set[str] = set()
    for argument in usage.arguments:
        resolved = checker.resolve(argument)
        if isinstance(resolved, Finding):
            findings.append(resolved)
        else:
            provided.add(resolved)
    if not usage.incomplete:
        # A misspelled required argument is one problem: BR301 already suggests the right name.
        for required in checker.required():
            if required not in provided and required.lower() not in checker.suggested:
                message = f"{subject} is missing required '{required}'"
                findings.append(Finding(code="BR303", message=message, path=path, line=usage.line))
    return findings


def _direction(usage: BindingUsage, binding: Binding, path: str) -> list[Finding]:
    """function.json writes ``in`` or ``out`` (a trigger is ``in``); Node.js picks a namespace."""
    if usage.syntax is Syntax.FUNCTION_JSON:
        expected = "out" if binding.direction is Direction.OUT else "in"
        if usage.direction is None or usage.direction == expected:
            return []  # a missing direction is BR303
        line = next(a.line for a in usage.arguments if a.name == "direction")
        message = (
            f"binding type '{binding.type_name}' has direction '{usage.direction}', expected '{expected}'"
        )
        hint = "a trigger's direction is written 'in'" if binding.direction is Direction.TRIGGER else ""
        return [Finding(code="BR302", message=message, path=path, line=line, hint=hint)]
    if usage.syntax in _BY_TYPE and usage.direction and usage.direction != binding.direction.value:
        found = DIRECTION_KIND[Direction(usage.direction)]
        expected_kind = DIRECTION_KIND[binding.direction]
        message = (
            f"binding type '{binding.type_name}' is declared as {_a(found)} binding, "
            f"expected {_a(expected_kind)} binding"
        )
        hint = f"use {expected_kind}.generic(...)"
        return [Finding(code="BR302", message=message, path=path, line=usage.line, hint=hint)]
    return []


def _a(word: str) -> str:
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


class _ArgumentChecker:
    """The names, positions and required parameters of one binding in one language."""

    def __init__(self, usage: BindingUsage, binding: Binding, language: Language, subject: str, path: str):
        profile = PROFILES[language]
        self.usage, self.subject, self.path, self.language = usage, subject, path, language
        self.noun, self.plural = profile.member_nouns
        self.parameters = binding.parameters_for(language)
        self.extras = profile.extras
        self.valid = (
            {p.name for p in self.parameters} | {e.name for e in self.extras} | profile.host_properties
        )
        self.unavailable = {
            profile.spell(p.canonical): spelled.reason
            for p in binding.parameters
            if isinstance(spelled := p.by_language.get(language), Unavailable)
        }
        required = [p.name for p in self.parameters if p.required]
        positional = profile.positional_extras
        self.slots = [] if positional is None else [*positional, *required]
        self.suggested: set[str] = set()  # lowercased names that BR301 hints suggested

    def required(self) -> list[str]:
        """Required names in reference-table order: profile extras, parameters, trailing extras."""
        first = [e.name for e in self.extras if e.required and not e.last]
        last = [e.name for e in self.extras if e.required and e.last]
        return [*first, *(p.name for p in self.parameters if p.required), *last]

    def resolve(self, argument: Argument) -> str | Finding:
        """The parameter ``argument`` sets, or a BR301 finding."""
        if argument.name is None:
            position = argument.position or 0
            if position < len(self.slots):
                return self.slots[position]
            listed = ", ".join(f"'{slot}'" for slot in self.slots)
            hint = f"positional {self.plural}: {listed}" if listed else f"no positional {self.plural}"
            return self._unknown(argument, f"has no positional {self.noun} {position + 1}", hint)
        if argument.constructor:  # C# spells constructor parameters in camelCase
            by_lower = {slot.lower(): slot for slot in self.slots}
            if argument.name.lower() in by_lower:
                return by_lower[argument.name.lower()]
            constructor = [slot[:1].lower() + slot[1:] for slot in self.slots]
            hint = self._spelling_hint(argument.name, constructor, f"constructor {self.plural}")
            return self._unknown(argument, f"has no constructor {self.noun} '{argument.name}'", hint)
        if argument.name in self.valid:
            return argument.name
        if argument.name in self.unavailable:
            hint = f"not available in '{self.language.value}': {self.unavailable[argument.name].rstrip('.')}"
        else:
            hint = self._spelling_hint(argument.name, self.valid, f"valid {self.plural}")
        return self._unknown(argument, f"has no {self.noun} '{argument.name}'", hint)

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
