"""Escaping and formatting filters, one by one."""

from __future__ import annotations

import pytest

from bindref.filters import code_cell, code_span, escape_cell, indent_block, tab_label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("a | b", "a \\| b"),
        ("line one\nline two", "line one line two"),
        ("para one\n\npara two", "para one<br><br>para two"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("use `a|b` here", "use `a\\|b` here"),
        ("code `<T>` stays", "code `<T>` stays"),
        ("`{{ x }}` and {% y %}", "`{{ x }}` and {% y %}"),
        ("C:\\path", "C:\\\\path"),
        ("& more", "&amp; more"),
        ("unclosed ` tick | pipe", "unclosed ` tick \\| pipe"),
    ],
)
def test_escape_cell(text: str, expected: str) -> None:
    assert escape_cell(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("x", "`x`"), ("a`b", "``a`b``"), ("`x`", "`` `x` ``"), ("", "` `")],
)
def test_code_span(text: str, expected: str) -> None:
    assert code_span(text) == expected


def test_code_cell_escapes_pipes_inside_code() -> None:
    assert code_cell("DataType | str") == "`DataType \\| str`"


def test_indent_block_leaves_blank_lines_and_optionally_the_first() -> None:
    assert indent_block("a\n\nb", 4) == "    a\n\n    b"
    assert indent_block("a\nb", 2, first=False) == "a\n  b"


def test_tab_label_cannot_close_the_quote() -> None:
    assert tab_label('C# "isolated"') == "C# 'isolated'"
