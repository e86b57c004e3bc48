"""Property tests for bindref.samples.regions: random bodies in random nestings of every marker dialect."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bindref.core.errors import BindrefError
from bindref.samples.regions import RegionSpan, SampleReader, extract_region, scan_regions

INDENTS = ["", " ", "  ", "    ", "\t", "\t  "]
# Code that only looks like a marker; each must come out verbatim.
NEAR_MISSES = [
    "/// <summary>",
    "#include <stdio.h>",
    "# region of interest starts here",
    "<!-- a comment -->",
    "x = 1  // <a>",
    "## <a>",
    "/// --8<-- [start:a]",
    "// <a> trailing",
    "#regional",
]
# A line starting with a letter or digit can never be a marker, whatever follows.
PLAIN = st.builds(
    str.__add__,
    st.sampled_from("abcxyzXYZ019"),
    st.text(alphabet="abc xyz=(){}[];:<>/#-!.\t'\"", max_size=20),
)
CONTENT = st.one_of(PLAIN, PLAIN, st.sampled_from(NEAR_MISSES))
NAMES = st.from_regex(r"[A-Za-z_][A-Za-z0-9_.-]{0,6}", fullmatch=True)

# (opening, closing) spellings per dialect; {n} is the region name.
TAGS = [("// <{n}>", "// </{n}>"), ("#<{n}>", "#</{n}>"), ("<!-- <{n}> -->", "<!--</{n}>  -->")]
REGIONS = [
    ("#region {n}", "#endregion"),
    ("#region {n}", "#endregion {n}"),
    ("//#region {n}", "//#endregion"),
    ("// #region {n}", "// #endregion {n}"),
    ("# region {n}", "# endregion"),
    ("<!-- #region {n} -->", "<!-- #endregion {n} -->"),
]
SNIPPETS = [
    ("--8<-- [start:{n}]", "--8<-- [end:{n}]"),
    ("// --8<-- [start:{n}]", "// --8<-- [end:{n}]"),
    ("# --8<-- [start:{n}]", "# --8<-- [end:{n}]"),
    ("<!-- --8<-- [start:{n}] -->", "<!-- --8<-- [end:{n}] -->"),
]
DIALECTS = {"tag": TAGS, "region": REGIONS, "snippet": SNIPPETS}


@dataclass
class OpenRegion:
    name: str
    dialect: str
    closer: str
    opened_at: int  # index into the sample's lines


@dataclass
class Sample:
    lines: list[str]
    is_code: list[bool]
    spans: dict[str, tuple[int, int]]  # name -> (opener index, closer index)


def _code_line(data: st.DataObject, *, blank_ok: bool = True) -> str:
    if blank_ok and data.draw(st.integers(0, 5)) == 0:
        return data.draw(st.sampled_from(["", "  ", "\t"]))
    return data.draw(st.sampled_from(INDENTS)) + data.draw(CONTENT)


def _closable(open_regions: list[OpenRegion]) -> list[OpenRegion]:
    """Named dialects close in any order; #region only closes the innermost #region."""
    innermost = [r for r in open_regions if r.dialect == "region"][-1:]
    return [r for r in open_regions if r.dialect != "region"] + innermost


def draw_sample(data: st.DataObject) -> Sample:
    sample = Sample(lines=[], is_code=[], spans={})
    names = iter(data.draw(st.lists(NAMES, min_size=1, max_size=6, unique=True)))
    open_regions: list[OpenRegion] = []

    def emit(line: str, *, code: bool) -> None:
        sample.lines.append(line)
        sample.is_code.append(code)

    def close(region: OpenRegion) -> None:
        if not any(
            sample.is_code[i] and sample.lines[i].strip() for i in range(region.opened_at, len(sample.lines))
        ):
            emit(_code_line(data, blank_ok=False), code=True)
        emit(data.draw(st.sampled_from(INDENTS)) + region.closer, code=False)
        sample.spans[region.name] = (region.opened_at, len(sample.lines) - 1)
        open_regions.remove(region)

    for _ in range(data.draw(st.integers(0, 25))):
        action = data.draw(st.sampled_from(["code", "code", "open", "close"]))
        if action == "open" and (name := next(names, None)) is not None:
            dialect = data.draw(st.sampled_from(sorted(DIALECTS)))
            opener, closer = data.draw(st.sampled_from(DIALECTS[dialect]))
            marker = (
                data.draw(st.sampled_from(INDENTS))
                + opener.format(n=name)
                + data.draw(st.sampled_from(["", " "]))
            )
            emit(marker, code=False)
            open_regions.append(OpenRegion(name, dialect, closer.format(n=name), len(sample.lines) - 1))
        elif action == "close" and open_regions:
            close(data.draw(st.sampled_from(_closable(open_regions))))
        else:
            emit(_code_line(data), code=True)
    while open_regions:
        close(data.draw(st.sampled_from(_closable(open_regions))))
    return sample


def expected(sample: Sample, first: int, last: int) -> tuple[str, int, int] | None:
    """Code lines strictly between two indexes, blank edges trimmed, dedented; 1-based lines."""
    kept = [i for i in range(first, last) if sample.is_code[i]]
    code = [i for i in kept if sample.lines[i].strip()]
    if not code:
        return None
    body = "\n".join(sample.lines[i] for i in kept if code[0] <= i <= code[-1])
    return textwrap.dedent(body), code[0] + 1, code[-1] + 1


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("regions")


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_extract_returns_exactly_the_inserted_body(root: Path, data: st.DataObject) -> None:
    sample = draw_sample(data)
    newline = data.draw(st.sampled_from(["\n", "\r\n"]))
    bom = data.draw(st.sampled_from(["", "\ufeff"]))
    text = bom + newline.join(sample.lines) + data.draw(st.sampled_from(["", newline]))
    (root / "sample.txt").write_bytes(text.encode())

    assert scan_regions("sample.txt", text) == {
        name: RegionSpan(name=name, start_line=start + 1, end_line=end + 1)
        for name, (start, end) in sample.spans.items()
    }
    reader = SampleReader(root)
    for name, (start, end) in sample.spans.items():
        snippet = reader.extract("sample.txt", name)
        assert (snippet.code, snippet.start_line, snippet.end_line) == expected(sample, start + 1, end)
    whole = expected(sample, 0, len(sample.lines))
    if whole is not None:
        snippet = extract_region(root, "sample.txt", None)
        assert (snippet.code, snippet.start_line, snippet.end_line) == whole


MARKERISH = st.sampled_from(
    [
        *(pair[i].format(n=n) for pairs in DIALECTS.values() for pair in pairs for i in (0, 1) for n in "ab"),
        "#region Helper methods",
        "#endregion Helper methods",
        "#region",
        "x",
        "",
    ]
)


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(MARKERISH, max_size=12))
def test_any_marker_soup_parses_or_raises_a_located_error(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        spans = scan_regions("soup.txt", text)
    except BindrefError as err:
        for problem in getattr(err, "errors", (err,)):
            assert problem.path == "soup.txt"
            assert 1 <= problem.line <= len(lines)
            assert problem.render().startswith(f"soup.txt:{problem.line}: ")
        return
    for span in spans.values():
        assert 1 <= span.start_line < span.end_line <= len(lines)
        assert lines[span.end_line - 1] != "x"
