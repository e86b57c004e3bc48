"""Checks on the definitions themselves: placeholder text in anything readers see."""

from __future__ import annotations

from collections.abc import Iterator

from bindref.check.context import CheckContext
from bindref.check.findings import Finding
from bindref.check.placeholders import find_placeholders
from bindref.core.model import Binding, Location


def check_definitions(context: CheckContext) -> list[Finding]:
    """BR101 for every placeholder in a type string, name, description, summary, note, usage or reason."""
    findings: list[Finding] = []
    for binding in context.catalog.bindings.values():
        for location, what, text in _texts(binding):
            findings.extend(
                Finding(
                    code="BR101",
                    message=f"placeholder '{placeholder}' in {what}",
                    path=location.path,
                    line=location.line,
                    hint="write the real text: this is shown to readers",
                )
                for _offset, placeholder in find_placeholders(text, template_code=False)
            )
    return findings


def _texts(binding: Binding) -> Iterator[tuple[Location, str, str]]:
    """Every text of a definition that ends up on a page, with where it was written."""
    yield binding.location, f"the type string of '{binding.key}'", binding.type_name
    for language, name in binding.names.items():
        yield binding.location, f"the {language.value} name of '{binding.key}'", name
    yield binding.location, f"the title of '{binding.key}'", binding.title
    yield binding.location, f"the summary of '{binding.key}'", binding.summary
    for language, text in binding.usage.items():
        yield binding.location, f"the {language.value} usage of '{binding.key}'", text
    for language, missing in (*binding.no_examples.items(), *binding.unavailable.items()):
        yield binding.location, f"the {language.value} reason of '{binding.key}'", missing.reason
    for refs in binding.examples.values():
        for ref in refs:
            yield ref.location, f"an example description of '{binding.key}'", ref.description
    for parameter in binding.parameters:
        yield parameter.location, f"the description of '{parameter.canonical}'", parameter.description
        for language, spelled in parameter.by_language.items():
            extra = getattr(spelled, "note", "") or getattr(spelled, "reason", "")
            if extra:
                yield parameter.location, f"the {language.value} note of '{parameter.canonical}'", extra
