"""Read a generated declaration back as code and compare it with the definition and, given one, the SDK.

The declaration on a page is generated from the definition, so comparing it with the same
definition only proves the generator consistent; what makes it right is a reader that does
not share the generator's assumptions. Here that reader is the samples check's usage reader
(tree-sitter, as for any sample) and its argument checker (positions, constructors, get-only
properties, required parameters), then the SDK's own surface where its sources are given:
every name and position the declaration passes must exist there. Compilers and the Python
SDK verify the other languages (``tests/test_declarations.py``, ``nox -s samples``).
"""

from __future__ import annotations

from collections.abc import Iterator

from bindref.check.sample_arguments import ArgumentChecker
from bindref.core.errors import BindrefError, DefinitionError
from bindref.core.model import Binding
from bindref.languages import PROFILES, Language
from bindref.render.project import Project
from bindref.samples.usages import Argument, BindingUsage, Syntax, find_usages
from bindref.sdk.sources import SdkSurface

__all__ = ["code_of", "declaration_problems", "declarations"]


def declarations(project: Project) -> Iterator[tuple[Binding, Language, str]]:
    """Every binding x enabled language that has the binding, with its rendered declaration."""
    for binding in project.catalog().bindings.values():
        for language in project.settings.languages:
            if binding.is_available(language):
                yield binding, language, project.renderer.declaration(binding, language)


def code_of(markdown: str) -> str:
    """The code inside a declaration's fenced block."""
    lines = markdown.strip("\n").splitlines()
    return "\n".join(lines[1:-1]) + "\n"


def declaration_problems(
    binding: Binding, language: Language, markdown: str, surface: SdkSurface | None = None
) -> list[BindrefError]:
    """What is wrong with one declaration, each at the definition line that caused it."""
    profile = PROFILES[language]
    where = f"{language.value} declaration of '{binding.key}'"
    source = profile.declaration_context.format(code=code_of(markdown))
    usages = find_usages(source, Syntax(profile.sample_syntax))
    usage = next((u for u in usages if u.symbol in _symbols(binding, language)), None)
    if usage is None:
        found = ", ".join(f"'{u.symbol}'" for u in usages) or "none"
        return [_problem(binding, None, f"{where} does not read back as '{binding.names[language]}'", found)]
    subject = f"{where}: {profile.usage_subject.format(name=binding.names[language])}"
    checker = ArgumentChecker(usage, binding, language, subject, binding.location.path)
    own = profile.registration_options if usage.registration else frozenset()
    provided, findings = checker.check([a for a in usage.arguments if a.name not in own])
    problems: list[BindrefError] = [
        DefinitionError(f.message, path=f.path, line=binding.location.line, hint=f.hint) for f in findings
    ]
    for name in checker.required():
        if name not in provided:
            problems.append(
                _problem(binding, name, f"{where} leaves out required '{name}'", "it is required")
            )
    if surface is not None:
        problems.extend(_unknown_to_sdk(binding, language, usage, surface, where))
    return problems


def _symbols(binding: Binding, language: Language) -> set[str]:
    profile = PROFILES[language]
    name = binding.names[language]
    return {name, binding.type_name, *profile.helper_names(name, binding.direction, binding.type_name)}


def _unknown_to_sdk(
    binding: Binding, language: Language, usage: BindingUsage, surface: SdkSurface, where: str
) -> Iterator[BindrefError]:
    """The names and positions of ``usage`` that the SDK's attribute, annotation or decorator lacks."""
    profile = PROFILES[language]
    spell = profile.constructor_spelling
    overloads = surface.constructors or ()
    in_constructors = {spell(p.name) for overload in overloads for p in overload}
    properties = {p.name for p in surface.parameters} | {e.name for e in profile.extras}
    known = f"{profile.member_nouns[1]}: " + ", ".join(sorted(properties))
    positional = [a for a in usage.arguments if a.name is None]
    if positional and not any(len(overload) >= len(positional) for overload in overloads):
        count = f"{len(positional)} positional arguments"
        yield _problem(binding, None, f"{where} passes {count}, more than '{surface.symbol}' takes", known)
    for argument in (a for a in usage.arguments if a.name is not None):
        if argument.name not in (in_constructors if argument.constructor else properties):
            problem = f"{where} passes '{argument.name}', which the SDK's '{surface.symbol}' does not have"
            where_sdk = f"{known} ({surface.path}:{surface.line})"
            yield _problem(binding, _canonical(binding, language, argument), problem, where_sdk)


def _canonical(binding: Binding, language: Language, argument: Argument) -> str | None:
    """The definition field an argument came from, to point at its line."""
    spell = PROFILES[language].constructor_spelling
    for parameter in binding.parameters:
        spelled = parameter.by_language.get(language)
        name = getattr(spelled, "name", None)
        if name is not None and argument.name in (name, spell(name)):
            return parameter.canonical
    return None


def _problem(binding: Binding, canonical: str | None, message: str, hint: str) -> DefinitionError:
    line = next(
        (p.location.line for p in binding.parameters if p.canonical == canonical), binding.location.line
    )
    path = next(
        (p.location.path for p in binding.parameters if p.canonical == canonical), binding.location.path
    )
    return DefinitionError(message, path=path, line=line, hint=hint)
