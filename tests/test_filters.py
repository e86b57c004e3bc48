"""Escaping and formatting filters, one by one."""

from __future__ import annotations

import pytest

from bindref.render.filters import (
    code_cell,
    code_span,
    escape_cell,
    escape_prose,
    heading_anchor,
    indent_block,
    tab_label,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("a | b", "a \\| b"),
        ("line one\nline two", "line one line two"),
        ("para one\n\npara two", "para one<br><br>para two"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("use `a|b` here", "use <code>a&#124;b</code> here"),
        ("code `<T>` stays", "code `<T>` stays"),
        ("`{{ x }}` and {% y %}", "`{{ x }}` and \\{% y %}"),
        ("C:\\path", "C:\\\\path"),
        ("& more", "&amp; more"),
        ("unclosed ` tick | pipe", "unclosed \\` tick \\| pipe"),
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
    assert code_cell("DataType | str") == "<code>DataType &#124; str</code>"


def test_indent_block_leaves_blank_lines_and_optionally_the_first() -> None:
    assert indent_block("a\n\nb", 4) == "    a\n\n    b"
    assert indent_block("a\nb", 2, first=False) == "a\n  b"


def test_tab_label_cannot_close_the_quote() -> None:
    assert tab_label('C# "isolated"') == "C# 'isolated'"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("Use `<script>` in code", "Use `<script>` in code"),
        ("a < b & `x<y>` > c", "a &lt; b &amp; `x<y>` &gt; c"),
        ("``a ` <b>`` then <b>", "``a ` <b>`` then &lt;b&gt;"),  # a longer fence holds a backtick
        ("unclosed ` <i>", "unclosed ` &lt;i&gt;"),  # no closing backtick: not a code span
        ('say "hi" [link](https://x.test) *em*', 'say "hi" [link](https://x.test) *em*'),  # Markdown stays
        ("one `<a>`, two `<b>` <c>", "one `<a>`, two `<b>` &lt;c&gt;"),
    ],
)
def test_escape_prose_escapes_html_outside_code_spans_only(text: str, expected: str) -> None:
    assert escape_prose(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("assistantPost-C#-Attributes", "assistantpost-csharp-attributes"),
        ("widgetIn-Java-Annotations", "widgetin-java-annotations"),
        ("textCompletion-PowerShell-Configuration", "textcompletion-powershell-configuration"),
        ("a--b  c", "a-b-c"),
        ("-Edges & ends!-", "edges-ends"),
        ("F# and C#", "fsharp-and-csharp"),
    ],
)
def test_heading_anchor(text: str, expected: str) -> None:
    assert heading_anchor(text) == expected


# --- properties: a cell survives the Markdown renderer the site uses ------------------------------
#
# A one-row table with escape_cell(text) as its middle cell is rendered with Python-Markdown and its
# `tables` extension, as MkDocs renders it (Markdig, which renders Microsoft Learn, splits cells the
# same way). For any text, the row keeps exactly its three cells, the neighbours stay intact, and the
# cell holds no element or attribute but those of code spans, <br> and Markdown's own inline syntax
# (emphasis, links): no raw HTML, and no attribute list.
#
# What round-trips, for text over letters, spaces, tabs, newlines and | ` < > & \ { }: the cell's
# visible text (character references decoded, tags dropped, <br> read as a space) equals the input
# after these deliberate normalisations:
#   * every whitespace run becomes one space and the ends are trimmed (a cell is one line; a blank
#     line is written <br><br>);
#   * a code span (a run of backticks, text, the same run, within one paragraph) shows its content
#     trimmed and without the backticks, as Markdown shows it; every other backtick is shown;
#   * a backslash is an ordinary character, never a Markdown escape.
# Markdown's own inline syntax (*emphasis*, _emphasis_, [links](...)) is left out on purpose: a
# description is Markdown, and emphasis in it is meant to render.

import html  # noqa: E402  # the property tests' own imports, kept with them
import re  # noqa: E402
from html.parser import HTMLParser  # noqa: E402

import markdown  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

ROUND_TRIP_TEXT = st.text(alphabet=st.sampled_from(list("ab |`<>&\\{}\n\r\t ")), max_size=40)
ANY_TEXT = st.text(
    alphabet=st.one_of(st.characters(exclude_categories=("Cc", "Cs")), st.sampled_from("\n\r\t`|\\<&{")),
    max_size=40,
)
_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
# What Markdown itself may make of a description: element -> the attributes it may carry.
_MARKDOWN_INLINE = {
    "code": set(),
    "br": set(),
    "em": set(),
    "strong": set(),
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
}


class _Row(HTMLParser):
    """The body row of a rendered table: each cell's visible text and the elements inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: list[list[str]] = []
        self.inside: list[tuple[str, list[tuple[str, str | None]]]] = []  # (tag, attributes)
        self.in_body = self.in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tbody":
            self.in_body = True
        elif self.in_body and tag == "td":
            self.cells.append([])
            self.in_cell = True
            self.inside.append((tag, attrs))
        elif self.in_cell:
            self.inside.append((tag, attrs))
            self.cells[-1].append(" " if tag == "br" else "")

    def handle_endtag(self, tag: str) -> None:
        self.in_cell = self.in_cell and tag != "td"

    def handle_data(self, data: str) -> None:
        if self.in_cell:
            self.cells[-1].append(data)


def _rendered_row(cell: str) -> _Row:
    source = f"| name | description | type |\n| --- | --- | --- |\n| `left` | {cell} | `right` |\n"
    row = _Row()
    row.feed(markdown.markdown(source, extensions=["tables"]))
    row.close()
    return row


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def _visible_text_of(text: str) -> str:
    """What a reader should see of ``text`` in a cell (see the normalisations above)."""
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n").strip())
    shown = (_SPAN.sub(lambda span: span.group(2).strip(), p.replace("\n", " ")) for p in paragraphs)
    return _collapsed(" ".join(shown))


@settings(max_examples=500)
@given(ANY_TEXT)
def test_escape_cell_never_breaks_the_row(text: str) -> None:
    row = _rendered_row(escape_cell(text))
    assert len(row.cells) == 3, escape_cell(text)
    assert ["".join(row.cells[0]), "".join(row.cells[2])] == ["left", "right"]
    made = [(tag, {name for name, _ in attrs}) for tag, attrs in row.inside]
    allowed = {"td": set(), **_MARKDOWN_INLINE}
    assert all(tag in allowed and names <= allowed[tag] for tag, names in made), (escape_cell(text), made)


@settings(max_examples=500)
@given(ROUND_TRIP_TEXT)
def test_escape_cell_round_trips_the_visible_text(text: str) -> None:
    row = _rendered_row(escape_cell(text))
    assert len(row.cells) == 3, escape_cell(text)
    assert _collapsed(html.unescape("".join(row.cells[1]))) == _visible_text_of(text), escape_cell(text)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("`DataType | str`", "DataType | str"),  # once shown as "DataType \| str"
        ("ends with {% endif %}", "ends with {% endif %}"),  # once eaten by attr_list
        ("a `C:\\` path | b", "a C:\\ path | b"),
        ("<script>x</script>\n\nnext", "<script>x</script> next"),
    ],
)
def test_escape_cell_examples_render_as_written(text: str, shown: str) -> None:
    row = _rendered_row(escape_cell(text))
    assert _collapsed("".join(row.cells[1])) == shown


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("ab <>&/\n")), max_size=40))
def test_escape_prose_leaves_no_tag_outside_code(text: str) -> None:
    escaped = escape_prose(text)  # no backtick: all of it is prose
    assert "<" not in escaped
    assert ">" not in escaped
    assert html.unescape(escaped) == text  # and the reader sees exactly what was written
