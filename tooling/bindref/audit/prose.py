"""BR609: what the reference sections' prose names, against the definition.

The text above a table says which attribute, annotation or decorator to apply ("apply the
`PostUserQuery` attribute", "define it as a `generic_output_binding` binding of type
`postUserQuery`"). Each name and type string is compared with the binding's, per language
and, inside C#'s worker-model tabs, per model; a name used in several sections is one
finding. A text that names only one worker model's attribute while every example uses
the other model is a finding too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from bindref.audit.context import PageAudit
from bindref.check.findings import Finding
from bindref.core.model import Binding
from bindref.languages import PROFILES, Language

_NAME = r"`@?\[?(?:\w+\.)*(\w+)\]?(?:\(\))?`"  # `X`, `@X`, `[X]`, `@app.x`: how prose names a symbol
_IN_PROSE = re.compile(
    rf"\bapply\s+(?:the\s+)?{_NAME}|{_NAME}\s+(?:attribute|annotation|decorator)\b|\bas\s+an?\s+{_NAME}\s+binding",
    re.I,
)
_TYPE = re.compile(r"\bof\s+type\s+`([^`]+)`|\btype\s+(?:string\s+)?`([^`]+)`", re.I)


@dataclass(frozen=True)
class Section:
    """A reference section: its heading line, end, label and languages."""

    line: int
    end: int
    label: str
    languages: tuple[Language, ...]


def prose_findings(audit: PageAudit, binding: Binding, sections: Sequence[Section]) -> Iterator[Finding]:
    """Wrong symbol names and type strings in the sections' prose, one finding per name."""
    wrong_names: dict[str, tuple[list[int], list[str], set[Language]]] = {}
    wrong_types: dict[str, list[int]] = {}
    models = _example_languages(audit)
    for section in sections:
        for number in _prose_lines(audit, section):
            line = audit.page.lines[number - 1]
            languages = _languages_at(audit, section, number)
            valid = {binding.names[lang]: lang for lang in languages if _named(binding, lang)}
            for match in _IN_PROSE.finditer(line):
                name = next(g for g in match.groups() if g)
                if valid and name not in valid and name.removesuffix("Attribute") not in valid:
                    lines, labels, expected = wrong_names.setdefault(name, ([], [], set()))
                    lines.append(number)
                    labels.append(section.label)
                    expected.update(valid.values())
                elif (
                    valid
                    and models
                    and (lang := valid.get(name) or valid.get(name.removesuffix("Attribute")))
                ):
                    yield from _other_model(audit, binding, lang, models, number, name)
            for match in _TYPE.finditer(line):
                said = match[1] or match[2]
                if said != binding.type_name and section.languages:
                    wrong_types.setdefault(said, []).append(number)
    for name, (lines, labels, expected) in wrong_names.items():
        label = "/".join(dict.fromkeys(labels))
        message = f"the {label} text names '{name}', which is not the binding's; "
        message += f"it is {_spelled(binding, expected)}"
        yield audit.grouped("BR609", message, lines, "name the binding's own symbol")
    for said, lines in wrong_types.items():
        message = f"the text says type '{said}', but the binding's type is '{binding.type_name}'"
        yield audit.grouped("BR609", message, lines, f"write `{binding.type_name}`")


def _named(binding: Binding, language: Language) -> bool:
    return (
        binding.is_available(language)
        and language in binding.names
        and PROFILES[language].names_binding_by_symbol
    )


def _spelled(binding: Binding, languages: Iterable[Language]) -> str:
    """``'AssistantPostInput' (Isolated worker model) or 'AssistantPost' (In-process model, Java)``."""
    by_name: dict[str, list[str]] = {}
    for language in sorted(languages, key=list(PROFILES).index):
        by_name.setdefault(binding.names[language], []).append(PROFILES[language].label)
    return " or ".join(f"'{name}' ({', '.join(labels)})" for name, labels in by_name.items())


def _prose_lines(audit: PageAudit, section: Section) -> Iterator[int]:
    """The section's lines that are prose, not table rows."""
    for number in range(section.line + 1, section.end):
        if not audit.page.lines[number - 1].lstrip().startswith("|"):
            yield number


def _languages_at(audit: PageAudit, section: Section, number: int) -> tuple[Language, ...]:
    """The section's languages, or the one worker model whose tab holds the line."""
    tab = audit.page.tab_at(number)
    if tab is None or not (section.line < tab.line):
        return section.languages
    chosen = tuple(lang for lang in section.languages if PROFILES[lang].learn_tab == tab.tab_id)
    return chosen or section.languages


def _example_languages(audit: PageAudit) -> frozenset[Language]:
    """The worker models whose tab holds a code reference (empty when no reference sits in a tab)."""
    found: set[Language] = set()
    for reference in audit.page.code_references:
        tab = audit.page.tab_at(reference.line)
        if tab:
            found.update(p.language for p in PROFILES.values() if p.learn_tab == tab.tab_id)
    return frozenset(found)


def _other_model(
    audit: PageAudit,
    binding: Binding,
    language: Language,
    models: frozenset[Language],
    number: int,
    name: str,
) -> Iterator[Finding]:
    """The text names one worker model's symbol, while the examples all use another model's."""
    profile = PROFILES[language]
    if not profile.learn_tab or language in models:
        return
    others = [lang for lang in models if PROFILES[lang].tab == profile.tab]
    if not others or audit.page.tab_at(number) is not None:
        return  # a tab of its own documents that model; or the examples are not this language's
    used = _spelled(binding, others)
    message = f"the text names only '{name}' ({profile.label.lower()}), but the examples use {used}"
    yield audit.finding("BR609", message, number, f"name {used} too, in a tab per worker model")
