"""Error rendering: path:line: problem (hint), and groups reported together."""

from __future__ import annotations

import pytest

from bindref.core.errors import (
    BindrefErrors,
    ConfigError,
    DefinitionError,
    RegionError,
    choices_hint,
    raise_all,
)


def test_render_forms() -> None:
    assert DefinitionError("bad", path="a.py", line=3, hint="fix it").render() == "a.py:3: bad (fix it)"
    assert RegionError("gone", path="s.py").render() == "s.py: gone"
    assert ConfigError("no root").render() == "no root"


def test_group_sorts_and_takes_the_highest_exit_code() -> None:
    group = BindrefErrors(
        [DefinitionError("b", path="z.py", line=1), ConfigError("a", path="a.toml", line=9)]
    )
    assert group.render() == "a.toml:9: a\nz.py:1: b"
    assert group.exit_code == 3


def test_raise_all() -> None:
    raise_all([])
    with pytest.raises(ConfigError):
        raise_all([ConfigError("one")])
    with pytest.raises(BindrefErrors):
        raise_all([ConfigError("one"), ConfigError("two")])


def test_choices_hint() -> None:
    assert choices_hint("pyton", ["python", "java"], noun="languages") == (
        "did you mean 'python'? languages: 'java', 'python'"
    )
    assert choices_hint("x", [], noun="regions") == "there are no regions"
