"""How to declare a binding in one language, generated from its definition: the data of the declaration.

The parameters shown are the ones some language requires and the ones a definition marks
``param(shown=True)``, so every language declares the same set (a Python decorator and the
``function.json`` entry it writes match), each with its ``param(example=...)`` value, else one
read from its type or default, else a ``"<NAME>"`` placeholder. Whether an argument goes by
position (a C# constructor) or by name is the profile's call; how the call is written is the
language's ``declaration.md.j2``, and the verifiers in ``tests/`` and ``nox -s samples`` run
or compile what those templates write.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bindref.core.model import Binding, LanguageParameter
from bindref.languages import DIRECTION_KIND, PROFILES, Direction, Language, LanguageProfile, snake_case

__all__ = ["Declaration", "DeclaredArgument", "declaration_for"]

_FIRST_LITERAL = re.compile(r"^\s*'([^']*)'\s*(\||$)")  # "'Text' | 'StoredProcedure'" -> Text


@dataclass(frozen=True, kw_only=True)
class DeclaredArgument:
    """One argument of a declaration: its name as the call spells it, and its value as source code."""

    name: str
    value: str


@dataclass(frozen=True, kw_only=True)
class Declaration:
    """What a ``declaration.md.j2`` writes: the binding's name and its arguments, in call order."""

    name: str  # the binding's name in the language: SqlInput, input.sql, sql_input, function.json
    kind: str  # "input", "output" or "trigger"
    type_name: str
    variable: str  # the name of the value (Java ``name``, Python ``arg_name``), as the language spells it
    helper: bool  # named by a typed SDK helper (``input.sql``), not by the type string
    positional: tuple[str, ...]  # constructor arguments by position (declares_positionally)
    constructor_named: tuple[DeclaredArgument, ...]  # constructor arguments by name (``parameters:``)
    named: tuple[DeclaredArgument, ...]  # the profile's extras, then properties, elements or options


def declaration_for(
    binding: Binding, language: Language, parameters: Sequence[LanguageParameter] | None = None
) -> Declaration:
    """The declaration of ``binding`` in ``language`` (which must have the binding).

    ``parameters`` are ``binding.parameters_for(language)``, when the caller has them already.
    """
    profile = PROFILES[language]
    name = binding.names[language]
    helper = bool(profile.helper_names(name, binding.direction, binding.type_name))
    variable = profile.spell(snake_case(binding.class_name))
    flow = "out" if binding.direction is Direction.OUT else "in"
    extras = tuple(
        DeclaredArgument(
            name=extra.name,
            value=profile.literal(
                extra.declared.format(variable=variable, type=binding.type_name, flow=flow)
            ),
        )
        for extra in profile.extras
        if extra.declared and not (helper and extra.generic_only)
    )
    examples = {p.canonical: p.example for p in binding.parameters if p.declared and not p.payload}
    own = binding.parameters_for(language) if parameters is None else parameters
    shown = [p for p in own if p.canonical in examples]
    values = {p.name: _value(profile, p, examples[p.canonical]) for p in shown}
    positional: tuple[str, ...] = ()
    by_constructor: tuple[DeclaredArgument, ...] = ()
    passed: frozenset[str] = frozenset()
    if profile.declares_positionally:
        positional, by_constructor, passed = _constructor_arguments(binding, language, shown, values, profile)
    named = tuple(DeclaredArgument(name=p.name, value=values[p.name]) for p in shown if p.name not in passed)
    return Declaration(
        name=name,
        kind=DIRECTION_KIND[binding.direction],
        type_name=binding.type_name,
        variable=variable,
        helper=helper,
        positional=positional,
        constructor_named=by_constructor,
        named=(*extras, *named),
    )


def _constructor_arguments(
    binding: Binding,
    language: Language,
    shown: Sequence[LanguageParameter],
    values: dict[str, str],
    profile: LanguageProfile,
) -> tuple[tuple[str, ...], tuple[DeclaredArgument, ...], frozenset[str]]:
    """The shortest constructor that takes every get-only parameter shown, and its arguments.

    Shown parameters fill its slots by position up to the first one not shown; later ones go
    by constructor name (``parameters: "..."``), as C# allows for an omitted optional argument.
    Also returns the parameters passed to the constructor, so they are not set again by name.
    """
    wanted = {p.name for p in shown}
    needed = {p.name for p in shown if not p.settable}
    overloads = sorted(binding.constructors.get(language, ()), key=len)
    overload = next((o for o in overloads if needed <= set(o)), overloads[-1] if overloads else ())
    positional: list[str] = []
    by_name: list[DeclaredArgument] = []
    for index, slot in enumerate(overload):
        if slot not in wanted:
            continue
        if len(positional) == index:
            positional.append(values[slot])
        else:
            by_name.append(DeclaredArgument(name=profile.constructor_spelling(slot), value=values[slot]))
    return tuple(positional), tuple(by_name), frozenset(overload) & wanted


def _value(profile: LanguageProfile, parameter: LanguageParameter, example: object) -> str:
    """The example, else the first value of a literal-union type, a default worth showing, a placeholder."""
    if example is not None:
        return profile.literal(example)
    literal = _FIRST_LITERAL.match(parameter.type)
    if literal is not None:
        return profile.literal(literal.group(1))
    empty, boolean, numbers = _plain_values(profile.language)
    if parameter.default is not None and parameter.default.source not in empty:
        return parameter.default.source
    base = parameter.type.removesuffix(profile.nullable_suffix) if profile.nullable_suffix else parameter.type
    if base == boolean:
        return profile.true_literal
    if base in numbers:
        return "1"
    return profile.literal(f"<{parameter.canonical.upper()}>")


@functools.cache  # asked for every parameter of every declaration; the profiles never change
def _plain_values(language: Language) -> tuple[frozenset[str], str, tuple[str, str]]:
    """A language's empty literals (a default not worth showing), its bool type, its number types."""
    profile = PROFILES[language]
    empty = frozenset({profile.literal(""), profile.null_literal})
    return empty, profile.type_name("bool"), (profile.type_name("int"), profile.type_name("float"))
