"""Report what a definition records about the extension's runtime as accepted differences (BR407).

A ``runtime(...)`` record says the extension does more than the SDK declares: it rejects an
empty value the SDK lets through, a default never reaches the host, an element is never
read. The SDK comparison itself keeps using the declared values (so none of these is a
false BR404 or BR405); this module adds one note per record and language, carrying the
reason and the line of the extension's source that shows it, so a reviewer sees the
evidence each time the check runs and can follow the link at the commit it was verified.
"""

from __future__ import annotations

from bindref.check.findings import Finding
from bindref.core.model import Binding, LanguageParameter, RuntimeDifference, RuntimeKind
from bindref.languages import Language
from bindref.sdk.sources import SdkSurface


def runtime_notes(
    binding: Binding, language: Language, surface: SdkSurface, source_base: str
) -> list[Finding]:
    """One BR407 note per parameter of ``binding`` whose runtime differs from ``surface``'s declaration.

    ``source_base`` is the extension's ``runtime_source`` setting (the URL of its source tree at
    the verified commit); without it, the note names the repo-relative ``path:L<line>``.
    """
    where = f"{language.value} '{surface.symbol}'"
    notes = []
    for parameter in binding.parameters:
        spelled = parameter.by_language.get(language)
        if isinstance(spelled, LanguageParameter) and spelled.runtime is not None:
            difference = spelled.runtime
            location = difference.location
            notes.append(
                Finding(
                    code="BR407",
                    message=f"accepted runtime difference: {_what(spelled, difference, where)}",
                    path=location.path,
                    line=location.line,
                    hint=f"{difference.reason} Source: {source_link(difference.source, source_base)}",
                )
            )
    return notes


def source_link(source: str, base: str) -> str:
    """``src/A.cs:L3-L5`` as a link into ``base`` (``.../blob/<commit>/src/A.cs#L3-L5``), or as written."""
    if not base:
        return source
    path, lines = source.rsplit(":", 1)
    return f"{base.rstrip('/')}/{path}#{lines}"


def _what(spelled: LanguageParameter, difference: RuntimeDifference, where: str) -> str:
    declared = difference.declared_default.source if difference.declared_default else "no default"
    if difference.kind is RuntimeKind.REQUIRED:
        return f"'{spelled.name}' is required in practice; {where} declares it optional ({declared})"
    if difference.kind is RuntimeKind.DEFAULT:
        effective = spelled.default.source if spelled.default else "no default"
        return f"default of '{spelled.name}' is {effective} at run time; {where} declares {declared}"
    return f"'{spelled.name}' of {where} has no effect at run time"
