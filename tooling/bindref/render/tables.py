"""Table rows for the reference tables: profile extras and parameters, formatted.

The rows are plain data; escaping happens in the templates' ``cell`` filters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from bindref.core.model import Binding, LanguageParameter, RuntimeDifference
from bindref.languages import DIRECTION_KIND, PROFILES, Direction, Language
from bindref.render.filters import code_cell


class Row(NamedTuple):
    """One table row, with everything formatted except escaping.

    A named tuple rather than a frozen dataclass: every table of every page builds one per
    parameter, and a tuple is as immutable and several times cheaper to make.
    """

    name: str
    type: str
    required: bool
    default: str | None
    description: str
    preset_by: str = ""  # the typed helper that sets it (``input.sql``): no one passes it
    # What the runtime does beyond the declaration: the templates' runtime_note says it.
    runtime: RuntimeDifference | None = None


def rows_for(
    binding: Binding, language: Language, parameters: Sequence[LanguageParameter] | None = None
) -> list[Row]:
    """The language profile's own parameters, then the binding's, in declaration order.

    ``parameters`` are ``binding.parameters_for(language)``, when the caller has them already.

    A binding named by a typed SDK helper (``input.sql({...})``) has no ``type`` option:
    the profile's generic-only extras are shown as set by the helper, or left out.
    """
    profile = PROFILES[language]
    direction = "in" if binding.direction is Direction.TRIGGER else binding.direction.value
    helper = binding.names.get(language, "")
    by_helper = bool(profile.helper_names(helper, binding.direction, binding.type_name))
    offered = [
        extra
        for extra in profile.extras
        if not (by_helper and extra.generic_only and not extra.helper_description)
    ]
    values = {"type": binding.type_name, "direction": direction, "kind": DIRECTION_KIND[binding.direction]}
    extras = {}
    for extra in offered:
        preset = by_helper and extra.generic_only
        text = extra.helper_description if preset else extra.description
        if not preset and binding.direction is Direction.OUT and extra.output_description:
            text = extra.output_description
        extras[extra.name] = Row(
            name=extra.name,
            type=extra.type,
            required=extra.required and not preset,
            default=extra.default,
            description=text.format(**values, helper=helper),
            preset_by=helper if preset else "",
        )
    first = [extras[e.name] for e in offered if not e.last]
    last = [extras[e.name] for e in offered if e.last]
    own = binding.parameters_for(language) if parameters is None else parameters
    return [*first, *map(_row, own), *last]


def _row(parameter: LanguageParameter) -> Row:
    description = parameter.description
    if parameter.note:
        description = f"{description}\n\n{parameter.note}"
    return Row(
        name=parameter.name,
        type=parameter.type,
        required=parameter.required,
        default=parameter.default.source if parameter.default else None,
        description=description,
        runtime=parameter.runtime,
    )


def requirement(row: Row) -> str:
    """``Required``, ``Optional``, ``Optional, default `x` `` or ``Set by `input.sql` `` for the table."""
    if row.preset_by:
        return f"Set by {code_cell(row.preset_by)}"
    if row.required:
        return "Required"
    if row.default is None:
        return "Optional"
    return f"Optional, default {code_cell(row.default)}"


def payload_rows(binding: Binding, language: Language) -> list[Row]:
    """The fields of the data the binding carries, in one language's spelling."""
    return [_row(p) for p in binding.payload_for(language)]
