"""What counts as a placeholder in a page: ``{{ text }}`` that is not template code, TODO, TBD.

A page's ``{{ ... }}`` is template code when it parses as a Python expression. Most pages hold
only plain macro calls, which a pattern recognises without a parse; these cases pin that the
pattern never calls something code that the parser would not accept, and the other way round.
"""

from __future__ import annotations

import ast
import itertools
import warnings

import pytest

from bindref.check.placeholders import find_placeholders, plain_call

CASES = [
    # (inside the braces, is it template code?)
    ('binding_reference("openai/assistant_post")', True),
    (' snippet("a.cs", "region") ', True),
    ("extension_bindings('sql', 2)", True),
    ("finding_codes()", True),
    ("page_title", True),
    ("None", True),  # a keyword, but an expression
    ("x.y", True),  # not the plain pattern: the parser decides
    ('f("a",)', True),  # a trailing comma: the parser decides
    ("do something", False),
    ("31-43", True),  # arithmetic parses: in a page it is template code (jinja renders -12)
    ("31-43 lines", False),
    ("if", False),  # a keyword that is no expression
    ("not", False),
    ("lambda", False),
    ("f(01)", False),  # a leading zero is not a Python number
    ('f("a"', False),
    ("", False),
    ("   ", False),
]


@pytest.mark.parametrize(("inside", "code"), CASES)
def test_template_code_is_not_a_placeholder(inside: str, code: bool) -> None:
    found = [text for _, text in find_placeholders(f"before {{{{{inside}}}}} after")]
    assert found == ([] if code else [f"{{{{{inside}}}}}"])


def _parses(source: str) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        try:
            ast.parse(source.strip(), mode="eval")
        except SyntaxError:
            return False
    return bool(source.strip())


def test_the_plain_call_pattern_agrees_with_the_parser() -> None:
    """Every short string of call-like pieces: code exactly when Python parses it."""
    pieces = ["f", "if", "x1", "(", ")", '"a"', "'b'", ",", " ", "0", "01", "12", "\\", '"', "None"]
    disagree = [
        inside
        for size in range(5)
        for combination in itertools.product(pieces, repeat=size)
        if (inside := "".join(combination))
        and (not list(find_placeholders(f"{{{{{inside}}}}}"))) != _parses(inside)
    ]
    assert disagree == []


def _parsed_call(source: str) -> tuple[str, tuple[object, ...] | None] | None:
    """What the parser makes of ``source``: a name, a call of a name with literals, or neither."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        try:
            node = ast.parse(source.strip(), mode="eval").body
        except SyntaxError:
            return None
    if isinstance(node, ast.Name):
        return node.id, None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
        try:
            return node.func.id, tuple(ast.literal_eval(argument) for argument in node.args)
        except ValueError:
            return None
    return None


def test_a_plain_call_reads_as_the_parser_reads_it() -> None:
    """Whatever the pattern accepts, the parser reads as the same name and arguments."""
    pieces = ["f", "if", "x1", "(", ")", '"a,b"', "'c'", ",", " ", "0", "01", "12", "\\", '"', "None"]
    accepted = 0
    for size in range(5):
        for combination in itertools.product(pieces, repeat=size):
            inside = "".join(combination)
            plain = plain_call(inside)
            if plain is not None:
                accepted += 1
                assert plain == _parsed_call(inside), inside
    assert accepted > 100  # the pattern is not so strict that it proves nothing
