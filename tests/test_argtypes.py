"""Helper arguments checked against the types bindref.spec declares."""

from __future__ import annotations

import typing
from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from bindref import spec
from bindref.definitions.argtypes import mismatch, parameter_types
from bindref.languages import Direction


@pytest.mark.parametrize(
    ("value", "declared", "found"),
    [
        ("x", str, None),
        (3, str, ((), "a string", 3)),
        (True, int, ((), "a whole number", True)),
        (None, str | None, None),
        ("in", Direction | str, None),
        (3, Direction | str, ((), "a Direction or a string", 3)),
        ({"java": "x", "python": 3}, Mapping[str, str] | None, (("python",), "a string", 3)),
        (
            (spec.no_example("java", "r"), 4),
            Sequence[spec.Example | spec.NoExample],
            ((1,), "example(...) or no_example(...)", 4),
        ),
        ([1], Sequence[int], ((), "a list of a whole number", [1])),
        (object(), Any, None),
        ("b", typing.Literal["a"], None),  # left to mypy
    ],
)
def test_mismatch_names_the_first_wrong_part(value: object, declared: object, found: object) -> None:
    assert mismatch(value, declared) == found


def test_every_helper_parameter_has_a_declared_type() -> None:
    for helper in (spec.binding, spec.param, spec.lang, spec.code, spec.example, spec.no_example):
        assert parameter_types(helper), helper.__name__
