"""Resolve ``runtime(...)``: what an extension does with a parameter beyond its declared signature.

An SDK can declare ``TimestampUtc = ""`` while the extension throws on an empty value, or a
default that never reaches the host. The definition keeps the SDK's declaration (the SDK
check compares it) and records the runtime's behaviour beside it, with the reason and the
line of the extension's source that shows it; the page shows the behaviour and names the
declaration. Nothing is accepted without that evidence, so each record is checked here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bindref import spec
from bindref.core.errors import Problems
from bindref.core.model import DefaultValue, LanguageParameter, Location, RuntimeDifference, RuntimeKind
from bindref.languages import PROFILES, Language

# ``src/WebJobs.Extensions.OpenAI/Assistants/AssistantService.cs:L139`` or ``...:L139-L141``.
SOURCE_PATTERN = re.compile(r"^(?!/)[^\s:]+:L[1-9][0-9]*(-L[1-9][0-9]*)?$")
_SOURCE_EXAMPLE = "source='src/WebJobs.Extensions.OpenAI/Assistants/AssistantService.cs:L139'"
_KINDS = "required=True, default=... or ignored=True"


def runtime_problems(record: spec.Runtime, field_name: str) -> list[tuple[str, str]]:
    """What is wrong with one ``runtime(...)`` call on its own, as (message, hint) pairs."""
    problems = []
    kinds = [record.required, record.default is not spec.UNSET, record.ignored]
    if sum(kinds) != 1:
        given = "none" if not any(kinds) else "more than one"
        problems.append(
            (f"runtime() of '{field_name}' sets {given} of its kinds", f"set exactly one of {_KINDS}")
        )
    if not record.reason.strip():
        problems.append(
            (
                f"runtime() of '{field_name}' has no reason",
                "add reason='...': the sentence the page shows and the check reports",
            )
        )
    if not record.source.strip():
        problems.append((f"runtime() of '{field_name}' has no source", f"add {_SOURCE_EXAMPLE}"))
    elif not SOURCE_PATTERN.match(record.source):
        problems.append(
            (
                f"runtime() source '{record.source}' of '{field_name}' is not 'path:L<line>'",
                f"write a path relative to the extension's source root and a line, such as {_SOURCE_EXAMPLE}",
            )
        )
    return problems


def apply_runtime(
    spelled: LanguageParameter,
    language: Language,
    record: spec.Runtime,
    location: Location,
    problems: Problems,
) -> LanguageParameter:
    """``spelled`` (the SDK's declaration) showing the runtime's behaviour, the declaration kept.

    A record that contradicts the declaration (required in practice where the SDK already
    requires it, an effective default equal to the declared one) documents nothing and is
    reported at the ``runtime()`` call.
    """
    name = f"'{spelled.name}' in '{language.value}'"
    if record.required:
        kind = RuntimeKind.REQUIRED
        if spelled.required:
            problems.add(
                location.line,
                f"runtime(required=True) of {name}: the SDK already declares it required",
                "remove the runtime() call, or set it in the languages whose SDK declares it optional",
            )
        shown = replace(spelled, required=True, default=None)
    elif record.default is not spec.UNSET:
        kind = RuntimeKind.DEFAULT
        effective = _format_default(record.default, language)
        if spelled.required or effective == spelled.default:
            declared = "required" if spelled.required else "declared with that default"
            problems.add(
                location.line,
                f"runtime(default=...) of {name}: the parameter is already {declared}",
                "give the value that applies at run time where it differs from the SDK's literal",
            )
        shown = replace(spelled, default=effective)
    else:
        kind = RuntimeKind.IGNORED
        shown = spelled
    difference = RuntimeDifference(
        kind=kind,
        declared_required=spelled.required,
        declared_default=spelled.default,
        reason=record.reason.strip(),
        source=record.source.strip(),
        location=location,
    )
    return replace(shown, runtime=difference)


def _format_default(value: object, language: Language) -> DefaultValue:
    """The effective default as the language writes it (``code(...)`` stays as written)."""
    if isinstance(value, spec.SourceCode):
        return DefaultValue(source=value.text)
    return DefaultValue(source=PROFILES[language].literal(value))
