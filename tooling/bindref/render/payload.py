"""The data a binding carries, such as the assistant create request, as per-language tables.

Some bindings have no parameters worth a table: the assistant create output binding is
configured by what the function writes to it. Its definition declares that payload with
``param(payload=True)`` fields, and this renders them: C# properties of the request
class, and the JSON keys every other language writes. The site's macro and the Learn
export render the same table.
"""

from __future__ import annotations

from collections.abc import Mapping

from bindref.core.errors import NotFoundError
from bindref.core.model import Binding
from bindref.languages import PROFILES, TAB_ORDER, Language, expand_language_key, languages_in_tab
from bindref.render.project import Project
from bindref.render.renderer import Renderer
from bindref.render.tables import payload_rows


def has_payload(binding: Binding) -> bool:
    """Whether the definition declares payload fields (``param(payload=True)``)."""
    return any(p.payload for p in binding.parameters)


def payload_tabs(project: Project, binding: Binding, type_names: dict[str, str]) -> str:
    """One tab per language with the payload table.

    ``type_names`` maps language keys (``csharp``, ``java``: the macro's arguments) to the
    class that holds the payload in that language; they win over the definition's
    ``payload_types``, and elsewhere it is a JSON object.
    """
    if not has_payload(binding):
        raise NotFoundError(
            f"binding '{binding.key}' declares no payload",
            path=binding.location.path,
            line=binding.location.line,
            hint="mark its fields with param(payload=True), or remove the binding_payload() call",
        )
    given = {lang: name for key, name in type_names.items() for lang in (expand_language_key(key) or ())}
    classes = {**binding.payload_types, **given}
    tabs = []
    for tab in TAB_ORDER:
        languages = [lang for lang in languages_in_tab(tab) if lang in project.settings.languages]
        if languages:  # both C# models share the request classes
            tabs.append((tab, payload_table(project.renderer, binding, languages[0], classes)))
    return project.renderer.tab_group(tabs)


def payload_table(
    renderer: Renderer, binding: Binding, language: Language, classes: Mapping[Language, str]
) -> str:
    """The payload table of one language, named by its class in ``classes`` or as a JSON object."""
    name = classes.get(language, "")
    return renderer.render_template(
        "payload_table.md.j2",
        language,
        binding=binding,
        profile=PROFILES[language],
        rows=payload_rows(binding, language),
        payload_name=f"`{name}`" if name else "The JSON object",
    )
