"""One binding usage in a sample against the bindings it may name: direction, arguments, required ones.

The symbols a usage may name come in two kinds: a binding's type string (Node.js
``*.generic`` calls, function.json), where a near miss is worth a hint, and an SDK name
(a C# attribute, a Java annotation, a Python decorator, a Node.js typed helper), where an
unknown name is another extension's binding and says nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from difflib import get_close_matches

from bindref.check.findings import Finding
from bindref.check.sample_arguments import ArgumentChecker
from bindref.core.model import Binding
from bindref.languages import DIRECTION_KIND, PROFILES, Direction, Language
from bindref.samples.usages import BindingUsage, Syntax


@dataclass(frozen=True)
class Target:
    """A binding in the language a usage may be written in."""

    binding: Binding
    language: Language


@dataclass
class Symbols:
    """The bindings one syntax may name: by type string, and by SDK symbol or typed helper.

    It remembers the near misses of unknown type strings (one difflib search each) and its
    narrowings, so that every file of a check shares them, and a file's findings never
    depend on which files were judged before it.
    """

    by_type: dict[str, list[Target]] = field(default_factory=dict)
    by_name: dict[str, list[Target]] = field(default_factory=dict)
    near_misses: dict[str, list[Finding]] = field(default_factory=dict, repr=False, compare=False)
    narrowed: dict[frozenset[Language], Symbols] = field(default_factory=dict, repr=False, compare=False)

    def __bool__(self) -> bool:
        return bool(self.by_type or self.by_name)

    def only(self, languages: Iterable[Language]) -> Symbols:
        """The same symbols for ``languages`` only (a function.json whose script says whose it is)."""
        keep = frozenset(languages)
        if keep in self.narrowed:
            return self.narrowed[keep]

        def narrowed(table: Mapping[str, list[Target]]) -> dict[str, list[Target]]:
            kept = {symbol: [t for t in targets if t.language in keep] for symbol, targets in table.items()}
            return {symbol: targets for symbol, targets in kept.items() if targets}

        self.narrowed[keep] = Symbols(by_type=narrowed(self.by_type), by_name=narrowed(self.by_name))
        return self.narrowed[keep]


def check_usage(usage: BindingUsage, symbols: Symbols, path: str) -> list[Finding]:
    """BR301/BR302/BR303 for one usage."""
    table = symbols.by_type if usage.by_type else symbols.by_name
    targets = table.get(usage.symbol)
    if targets is None:
        if not usage.by_type:
            return []  # another extension's binding, such as app.http or [BlobInput]
        if usage.symbol not in symbols.near_misses:
            symbols.near_misses[usage.symbol] = _unknown_type(usage, table, "")
        return [replace(f, path=path, line=_type_line(usage)) for f in symbols.near_misses[usage.symbol]]
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


def _check_target(usage: BindingUsage, target: Target, path: str) -> list[Finding]:
    binding, language = target.binding, target.language
    name = binding.type_name if usage.by_type else usage.symbol  # a trigger's helper: app.x or trigger.x
    subject = PROFILES[language].usage_subject.format(name=name)
    if language in binding.unavailable:
        message = f"{subject} is not available in '{language.value}'"
        hint = binding.unavailable[language].reason.rstrip(".")
        return [Finding(code="BR302", message=message, path=path, line=usage.line, hint=hint)]
    findings = _direction(usage, binding, path)
    checker = ArgumentChecker(usage, binding, language, subject, path)
    own = PROFILES[language].registration_options if usage.registration else frozenset()
    provided, argument_findings = checker.check([a for a in usage.arguments if a.name not in own])
    findings.extend(argument_findings)
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
    if usage.by_type and usage.direction and usage.direction != binding.direction.value:
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
