"""Table rows for the reference tables: profile extras and parameters, formatted.

The rows are plain data; escaping happens in the templates' ``cell`` filters.
"""

from __future__ import annotations

from dataclasses import dataclass

from bindref.core.model import Binding, LanguageParameter
from bindref.languages import DIRECTION_KIND, PROFILES, Direction, Language
from bindref.render.filters import code_cell


@dataclass(frozen=True, kw_only=True)
class Row:
    """One table row, with everything formatted except escaping."""

    name: str
    type: str
    required: bool
    default: str | None
    description: str


def rows_for(binding: Binding, language: Language) -> list[Row]:
    """The language profile's own parameters, then the binding's, in declaration order.

    A binding named by a typed SDK helper (``input.sql({...})``) has no ``type`` option:
    the profile's generic-only extras are left out for it.
    """
    profile = PROFILES[language]
    direction = "in" if binding.direction is Direction.TRIGGER else binding.direction.value
    by_helper = bool(
        profile.helper_names(binding.names.get(language, ""), binding.direction, binding.type_name)
    )
    offered = [extra for extra in profile.extras if not (by_helper and extra.generic_only)]
    extras = {
        extra.name: Row(
            name=extra.name,
            type=extra.type,
            required=extra.required,
            default=extra.default,
            description=extra.description.format(
                type=binding.type_name, direction=direction, kind=DIRECTION_KIND[binding.direction]
            ),
        )
        for extra in offered
    }
    first = [extras[e.name] for e in offered if not e.last]
    last = [extras[e.name] for e in offered if e.last]
    return [*first, *(_row(p) for p in binding.parameters_for(language)), *last]


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
    )


def requirement(row: Row) -> str:
    """``Required``, ``Optional`` or ``Optional, default `x` `` for the table."""
    if row.required:
        return "Required"
    if row.default is None:
        return "Optional"
    return f"Optional, default {code_cell(row.default)}"


def payload_rows(binding: Binding, language: Language) -> list[Row]:
    """The fields of the data the binding carries, in one language's spelling."""
    return [_row(p) for p in binding.payload_for(language)]
