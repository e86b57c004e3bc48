"""The literal evaluator: what a definition may contain, and the errors for the rest."""

from __future__ import annotations

import ast
from typing import Any

import pytest

from bindref import spec
from bindref.core.errors import DefinitionError
from bindref.definitions.literals import LiteralEvaluator
from bindref.languages import Direction


def evaluate(source: str) -> Any:
    node = ast.parse(source, mode="eval").body
    return LiteralEvaluator(path="defs/x.py").evaluate(node)


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ("'text'", "text"),
        ("-3", -3),
        ("8 * 1024", 8192),
        ("[1, 'a', None, True]", (1, "a", None, True)),
        ("{'a': {'b': 1.5}}", {"a": {"b": 1.5}}),
        ("Direction.TRIGGER", Direction.TRIGGER),
        ("code('OpenAIModels.DefaultChatModel')", spec.SourceCode("OpenAIModels.DefaultChatModel")),
        ("spec.lang(name='x')", spec.LanguageOverride(name="x")),
        ("no_example('java', 'why')", spec.NoExample(language="java", reason="why")),
    ],
)
def test_accepted_literals(source: str, value: Any) -> None:
    assert evaluate(source) == value


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("os.environ['X']", "defs/x.py:1: non-literal value 'os.environ['X']'"),
        ("SOME_CONSTANT", "defs/x.py:1: non-literal value 'SOME_CONSTANT'"),
        ("'a' * 3", "defs/x.py:1: non-literal value ''a' * 3'"),
        ("b'bytes'", "defs/x.py:1: non-literal value 'b'bytes''"),
        ("{**other}", "defs/x.py:1: '**' unpacking is not allowed in a definition"),
        ("{1: 'a'}", "defs/x.py:1: dict keys must be strings, not 1"),
        ("Direction.SIDEWAYS", "defs/x.py:1: 'Direction' has no member 'SIDEWAYS'"),
        ("print('hi')", "defs/x.py:1: call of 'print' is not allowed in a definition"),
        ("lang(*xs)", "defs/x.py:1: non-literal value '*xs'"),
    ],
)
def test_rejected_values(source: str, message: str) -> None:
    with pytest.raises(DefinitionError) as caught:
        evaluate(source)
    assert caught.value.render().startswith(message)


def test_duplicate_dict_key() -> None:
    with pytest.raises(DefinitionError) as caught:
        evaluate("{'python': 'a',\n 'python': 'b'}")
    assert caught.value.render() == "defs/x.py:2: key 'python' appears twice in this dict (keep one of them)"
