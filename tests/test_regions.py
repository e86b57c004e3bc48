"""Tests for bindref.samples.regions: every marker dialect, every error message, the cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bindref.core import snapshot
from bindref.core.errors import BindrefErrors, RegionError
from bindref.samples import regions
from bindref.samples.files import MAX_SAMPLE_BYTES
from bindref.samples.regions import (
    RegionSpan,
    SampleReader,
    Snippet,
    extract_region,
    resolve_inside,
    scan_regions,
)


def write(root: Path, relative: str, text: str | bytes) -> Path:
    """Write ``text`` byte for byte (no newline translation) under ``root``."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def code_of(root: Path, text: str, region: str | None, relative: str = "s/sample.txt") -> str:
    write(root, relative, text)
    return extract_region(root, relative, region).code


def region_error(root: Path, relative: str, region: str | None = None) -> RegionError:
    with pytest.raises(RegionError) as caught:
        extract_region(root, relative, region)
    assert not isinstance(caught.value, BindrefErrors)
    return caught.value


# --- dialects ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opener", "closer"),
    [
        ("// <demo>", "// </demo>"),
        ("//<demo>", "//</demo>"),
        ("# <demo>", "# </demo>"),
        ("<!-- <demo> -->", "<!-- </demo> -->"),
        ("<!--<demo>-->", "<!--</demo>-->"),
        ("#region demo", "#endregion"),
        ("#region demo", "#endregion demo"),
        ("//#region demo", "//#endregion"),
        ("// #region demo", "// #endregion demo"),
        ("# region demo", "# endregion"),
        ("<!-- #region demo -->", "<!-- #endregion -->"),
        ("--8<-- [start:demo]", "--8<-- [end:demo]"),
        ("// --8<-- [start:demo]", "// --8<-- [end:demo]"),
        ("# --8<-- [start:demo]", "# --8<-- [end:demo]"),
        ("<!-- --8<-- [start:demo] -->", "<!-- --8<-- [end:demo] -->"),
    ],
)
def test_each_dialect_extracts_the_lines_between_its_markers(
    tmp_path: Path, opener: str, closer: str
) -> None:
    text = f"before\n    {opener}  \n    x = 1\n    y = 2\n    {closer}\nafter\n"
    write(tmp_path, "s/demo.txt", text)
    snippet = extract_region(tmp_path, "s/demo.txt", "demo")
    assert snippet == Snippet(path="s/demo.txt", region="demo", code="x = 1\ny = 2", start_line=3, end_line=4)
    assert scan_regions("s/demo.txt", text) == {"demo": RegionSpan(name="demo", start_line=2, end_line=5)}


def test_names_may_contain_dots_and_dashes(tmp_path: Path) -> None:
    assert code_of(tmp_path, "# <a.b-c_1>\nx\n# </a.b-c_1>\n", "a.b-c_1") == "x"


@pytest.mark.parametrize(
    "line",
    [
        "/// <summary>",
        "    /// </summary>",
        "#include <stdio.h>",
        "// <demo> trailing words",
        "<!-- <demo>",
        "x = 1  // <demo>",
        "# region of interest starts here",
        "#regionally",
        "/// --8<-- [start:demo]",
        'print("--8<-- [start:demo]")',
        "<!-- comment -->",
        "## <demo>",
    ],
)
def test_lines_that_only_look_like_markers_are_code(tmp_path: Path, line: str) -> None:
    text = f"// <demo>\n{line}\n// </demo>\n"
    assert code_of(tmp_path, text, "demo") == line.strip()


def test_free_text_region_folds_code_but_is_stripped_and_not_extractable(tmp_path: Path) -> None:
    text = "// <demo>\n#region Helper methods\nx\n#endregion Helper methods\n"
    text += "#region\ny\n#endregion\n// </demo>\n"
    write(tmp_path, "s/a.cs", text)
    assert extract_region(tmp_path, "s/a.cs", "demo").code == "x\ny"
    assert SampleReader(tmp_path).regions("s/a.cs") == {
        "demo": RegionSpan(name="demo", start_line=1, end_line=8)
    }


def test_nested_regions_of_mixed_dialects_strip_every_marker(tmp_path: Path) -> None:
    text = (
        "# <outer>\n"
        "def f():\n"
        "    # region inner\n"
        "    # --8<-- [start:deeper]\n"
        "    return 1\n"
        "    # --8<-- [end:deeper]\n"
        "    # endregion\n"
        "# </outer>\n"
    )
    write(tmp_path, "s/a.py", text)
    reader = SampleReader(tmp_path)
    assert reader.extract("s/a.py", "outer").code == "def f():\n    return 1"
    assert reader.extract("s/a.py", "inner").code == "return 1"
    assert reader.extract("s/a.py", "deeper") == Snippet(
        path="s/a.py", region="deeper", code="return 1", start_line=5, end_line=5
    )


def test_named_regions_may_overlap(tmp_path: Path) -> None:
    text = "// <a>\none\n--8<-- [start:b]\ntwo\n// </a>\nthree\n--8<-- [end:b]\n"
    write(tmp_path, "s/a.js", text)
    reader = SampleReader(tmp_path)
    assert reader.extract("s/a.js", "a").code == "one\ntwo"
    assert reader.extract("s/a.js", "b").code == "two\nthree"
    assert reader.regions("s/a.js") == {
        "a": RegionSpan(name="a", start_line=1, end_line=5),
        "b": RegionSpan(name="b", start_line=3, end_line=7),
    }


def test_region_nesting_is_strict_so_a_bare_endregion_closes_the_innermost(tmp_path: Path) -> None:
    text = "#region a\nx\n#region b\ny\n#endregion\nz\n#endregion\n"
    write(tmp_path, "s/a.cs", text)
    assert SampleReader(tmp_path).regions("s/a.cs") == {
        "a": RegionSpan(name="a", start_line=1, end_line=7),
        "b": RegionSpan(name="b", start_line=3, end_line=5),
    }


# --- output shape ------------------------------------------------------------------------------


def test_common_indentation_is_removed_ignoring_blank_lines(tmp_path: Path) -> None:
    text = "    // <a>\n\n        if x:\n  \n            y()\n\n    // </a>\n"
    write(tmp_path, "s/a.txt", text)
    assert extract_region(tmp_path, "s/a.txt", "a") == Snippet(
        path="s/a.txt", region="a", code="if x:\n\n    y()", start_line=3, end_line=5
    )


def test_tabs_and_spaces_are_never_equated_when_dedenting(tmp_path: Path) -> None:
    assert code_of(tmp_path, "# <a>\n\t\tx\n\t\t\ty\n# </a>\n", "a") == "x\n\ty"
    assert code_of(tmp_path, "# <a>\n\tx\n    y\n# </a>\n", "a") == "\tx\n    y"
    assert code_of(tmp_path, "# <a>\n\t  x\n\t y\n# </a>\n", "a") == " x\ny"


def test_whole_file_mode_strips_all_markers_and_blank_edges(tmp_path: Path) -> None:
    text = "\n// <a>\nusing X;\n// </a>\n\n#region b\nclass C {}\n#endregion\n\n"
    write(tmp_path, "s/a.cs", text)
    assert extract_region(tmp_path, "s/a.cs", None) == Snippet(
        path="s/a.cs", region=None, code="using X;\n\nclass C {}", start_line=3, end_line=7
    )


def test_crlf_and_bom_are_normalised_without_shifting_line_numbers(tmp_path: Path) -> None:
    text = "\ufeff// <a>\r\nx = 1;\r\n\r\ny = 2;  \r\n// </a>\r\n"
    write(tmp_path, "s/a.js", text)
    assert extract_region(tmp_path, "s/a.js", "a") == Snippet(
        path="s/a.js", region="a", code="x = 1;\n\ny = 2;  ", start_line=2, end_line=4
    )


def test_a_lone_carriage_return_is_kept_as_content(tmp_path: Path) -> None:
    assert code_of(tmp_path, "# <a>\nx\ry\n# </a>\n", "a") == "x\ry"


def test_file_without_trailing_newline(tmp_path: Path) -> None:
    assert code_of(tmp_path, "# <a>\nx\n# </a>", "a") == "x"
    assert code_of(tmp_path, "x\ny", None) == "x\ny"


# --- path errors -------------------------------------------------------------------------------


def test_missing_file_suggests_the_closest_name_in_its_folder(tmp_path: Path) -> None:
    write(tmp_path, "samples/python/function_app.py", "x\n")
    write(tmp_path, "samples/python/host.json", "{}\n")
    err = region_error(tmp_path, "samples/python/function_ap.py")
    assert str(err) == (
        "samples/python/function_ap.py: file does not exist (did you mean 'function_app.py'? "
        "entries in 'samples/python': 'function_app.py', 'host.json')"
    )
    assert err.line == 0


def test_missing_folder_suggests_the_closest_folder(tmp_path: Path) -> None:
    write(tmp_path, "samples/python/app.py", "x\n")
    err = region_error(tmp_path, "samples/pyton/app.py")
    assert err.render() == (
        "samples/pyton/app.py: file does not exist (did you mean 'python'? entries in 'samples': 'python')"
    )
    err = region_error(tmp_path, "sample/app.py")
    assert err.hint == "did you mean 'samples'? entries in the repository root: 'samples'"
    err = region_error(tmp_path, "samples/python/app.py/more")
    assert err.hint == "there are no entries in 'samples/python/app.py'"


def test_absolute_path_is_refused(tmp_path: Path) -> None:
    err = region_error(tmp_path, str(tmp_path / "x.py"))
    assert err.render() == f"{tmp_path / 'x.py'}: path is absolute (make it relative to the repository root)"
    assert err.line == 0
    assert region_error(tmp_path, "C:/x.py").message == "path is absolute"


@pytest.mark.parametrize("relative", ["../outside.py", "samples/../../x.py", "samples\\..\\x.py"])
def test_parent_components_are_refused(tmp_path: Path, relative: str) -> None:
    err = region_error(tmp_path / "repo", relative)
    assert str(err) == f"{relative}: path must not contain '..' (samples must be inside the repository)"


def test_symlink_escaping_the_root_is_refused(tmp_path: Path) -> None:
    secret = write(tmp_path, "outside/secret.txt", "x\n")
    root = tmp_path / "repo"
    (root / "samples").mkdir(parents=True)
    (root / "samples" / "link.txt").symlink_to(secret)
    (root / "samples" / "dir").symlink_to(secret.parent, target_is_directory=True)
    err = region_error(root, "samples/link.txt")
    assert str(err) == (
        f"samples/link.txt: path resolves outside the repository (it points to '{secret}' through a symlink)"
    )
    assert region_error(root, "samples/dir/secret.txt").message == "path resolves outside the repository"


def test_symlink_inside_the_root_is_followed(tmp_path: Path) -> None:
    write(tmp_path, "samples/real.py", "# <a>\nx\n# </a>\n")
    (tmp_path / "samples" / "alias.py").symlink_to(tmp_path / "samples" / "real.py")
    assert extract_region(tmp_path, "samples/alias.py", "a").code == "x"
    assert resolve_inside(tmp_path, "./samples//alias.py") == (tmp_path / "samples" / "real.py").resolve()


def test_symlink_loop_is_reported(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    assert region_error(tmp_path, "loop").message in {"path cannot be resolved", "file does not exist"}


def test_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "samples").mkdir()
    assert str(region_error(tmp_path, "samples")) == "samples: path is a directory (name a text file)"
    assert str(region_error(tmp_path, "")) == "path is a directory (name a text file)"


def test_pipe_is_refused_without_reading(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    assert str(region_error(tmp_path, "pipe")) == "pipe: path is not a regular file (name a text file)"


def test_resolve_inside_reports_at_the_referencing_docs_line(tmp_path: Path) -> None:
    with pytest.raises(RegionError) as caught:
        resolve_inside(tmp_path, "../x.py", referenced_from=("docs/guide.md", 12))
    assert str(caught.value) == (
        "docs/guide.md:12: path '../x.py' must not contain '..' (samples must be inside the repository)"
    )
    assert caught.value.line == 12


def test_reader_reports_file_problems_at_the_referencing_docs_line(tmp_path: Path) -> None:
    write(tmp_path, "s/a.py", "# <a>\nx\n# </a>\n")
    reader = SampleReader(tmp_path)
    with pytest.raises(RegionError) as caught:
        reader.extract("s/a.py", "b", referenced_from=("docs/guide.md", 7))
    assert str(caught.value) == (
        "docs/guide.md:7: file 's/a.py' has no region 'b' (regions in this file: 'a')"
    )
    with pytest.raises(RegionError) as caught:
        reader.regions("s/b.py", referenced_from=("docs/guide.md", 8))
    assert str(caught.value) == (
        "docs/guide.md:8: file 's/b.py' does not exist (did you mean 'a.py'? entries in 's': 'a.py')"
    )


# --- file content errors -----------------------------------------------------------------------


def test_binary_file_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "s/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    err = region_error(tmp_path, "s/logo.png")
    assert str(err) == "s/logo.png: file looks binary (NUL byte at offset 8; only text can be included)"


def test_non_utf8_file_names_the_byte_offset_and_line(tmp_path: Path) -> None:
    write(tmp_path, "s/latin1.py", "# <a>\nname = 'caf\xe9'\n# </a>\n".encode("latin-1"))
    err = region_error(tmp_path, "s/latin1.py", "a")
    assert str(err) == (
        "s/latin1.py: file is not valid UTF-8 (byte 0xe9 at offset 17 on line 2; re-save it as UTF-8)"
    )
    assert err.line == 0


def test_oversized_file_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s" / "big.txt"
    path.parent.mkdir()
    with path.open("wb") as handle:
        handle.truncate(6 * 1024 * 1024)  # sparse: cheap to create
    monkeypatch.setattr(Path, "open", lambda *_a, **_k: pytest.fail("an oversized file was opened"))
    err = region_error(tmp_path, "s/big.txt")
    assert str(err) == "s/big.txt: file is too large (6.0 MiB; samples are limited to 5 MiB)"


def test_file_of_exactly_the_limit_is_accepted(tmp_path: Path) -> None:
    line = "x" * 1023 + "\n"
    write(tmp_path, "s/limit.txt", line * (MAX_SAMPLE_BYTES // 1024))
    assert extract_region(tmp_path, "s/limit.txt", None).end_line == MAX_SAMPLE_BYTES // 1024


def test_empty_file_has_no_code_to_include(tmp_path: Path) -> None:
    write(tmp_path, "s/empty.py", "\n  \n")
    assert str(region_error(tmp_path, "s/empty.py")) == (
        "s/empty.py: file has no code (it is empty or holds only region markers)"
    )


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "s/a.py", "x\n")

    def deny(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(snapshot, "read_file", deny)  # as root, no file mode keeps the reader out
    assert str(region_error(tmp_path, "s/a.py")) == "s/a.py: file cannot be read (Permission denied)"


# --- marker errors -----------------------------------------------------------------------------


def test_missing_region_lists_the_regions_in_the_file(tmp_path: Path) -> None:
    write(tmp_path, "s/a.py", "# <post_query>\nx\n# </post_query>\n# <create>\ny\n# </create>\n")
    err = region_error(tmp_path, "s/a.py", "post_qery")
    assert str(err) == (
        "s/a.py: file has no region 'post_qery' "
        "(did you mean 'post_query'? regions in this file: 'create', 'post_query')"
    )
    assert err.line == 0
    write(tmp_path, "s/none.py", "x\n")
    assert region_error(tmp_path, "s/none.py", "a").hint == "there are no regions in this file"


@pytest.mark.parametrize(
    ("opener", "closer"),
    [
        ("# <post_query>", "# </post_query>"),
        ("    // <post_query>", "// </post_query>"),
        ("<!-- <post_query> -->", "<!-- </post_query> -->"),
        ("  //#region post_query", "//#endregion post_query"),
        ("# region post_query", "# endregion post_query"),
        ("<!-- #region post_query -->", "<!-- #endregion post_query -->"),
        ("# --8<-- [start:post_query]", "# --8<-- [end:post_query]"),
    ],
)
def test_unclosed_region_shows_the_closing_marker_in_its_own_dialect(opener: str, closer: str) -> None:
    with pytest.raises(RegionError) as caught:
        scan_regions("samples/openai/python/function_app.py", f"x\n{opener}\ny\n")
    assert str(caught.value) == (
        f"samples/openai/python/function_app.py:2: region 'post_query' is never closed "
        f"(opened here; close it with '{closer}')"
    )
    assert caught.value.line == 2


def test_unclosed_free_text_regions(tmp_path: Path) -> None:
    with pytest.raises(BindrefErrors) as caught:
        scan_regions("a.cs", "#region Helper methods\nx\n#region\ny\n")
    assert str(caught.value) == (
        "a.cs:1: region 'Helper methods' is never closed "
        "(opened here; close it with '#endregion Helper methods')\n"
        "a.cs:3: unnamed region is never closed (opened here; close it with '#endregion')"
    )


@pytest.mark.parametrize(
    ("closer", "opener"),
    [
        ("// </a>", "// <a>"),
        ("#endregion", "#region"),
        ("<!-- --8<-- [end:a] -->", "<!-- --8<-- [start:a] -->"),
    ],
)
def test_closing_marker_without_opener(closer: str, opener: str) -> None:
    with pytest.raises(RegionError) as caught:
        scan_regions("a.cs", f"x\n  {closer}\n")
    assert str(caught.value) == (
        f"a.cs:2: closing marker '{closer}' has no opening marker (add '{opener}' before it)"
    )


def test_closing_in_another_dialect_does_not_close(tmp_path: Path) -> None:
    with pytest.raises(BindrefErrors) as caught:
        scan_regions("a.py", "# <a>\nx\n# --8<-- [end:a]\n")
    assert [e.render() for e in caught.value.errors] == [
        "a.py:1: region 'a' is never closed (opened here; close it with '# </a>')",
        "a.py:3: closing marker '# --8<-- [end:a]' has no opening marker "
        "(add '# --8<-- [start:a]' before it)",
    ]


def test_mismatched_endregion_name() -> None:
    with pytest.raises(RegionError) as caught:
        scan_regions("a.cs", "#region outer\n#region inner\nx\n#endregion outer\ny\n#endregion\n")
    assert str(caught.value) == (
        "a.cs:4: '#endregion outer' does not match the innermost '#region inner' "
        "(opened at line 2; close it with '#endregion inner')"
    )
    assert caught.value.line == 4


def test_duplicate_region_name_points_at_the_second_opener() -> None:
    with pytest.raises(RegionError) as caught:
        scan_regions("a.js", "// <a>\nx\n// </a>\n--8<-- [start:a]\ny\n--8<-- [end:a]\n")
    assert str(caught.value) == (
        "a.js:4: region 'a' is already defined (first opened at line 1; names must be unique within a file)"
    )
    assert caught.value.line == 4


def test_empty_region_ignores_blank_and_marker_lines() -> None:
    with pytest.raises(BindrefErrors) as caught:
        scan_regions("a.py", "# <a>\n\n# <b>\n   \n# </b>\n# </a>\nx\n")
    assert str(caught.value) == (
        "a.py:1: region 'a' is empty (no code between its markers on lines 1 and 6)\n"
        "a.py:3: region 'b' is empty (no code between its markers on lines 3 and 5)"
    )


def test_every_problem_in_a_file_is_reported_together(tmp_path: Path) -> None:
    text = (
        "// <open_forever>\n"  # 1 never closed
        "// <a>\n"  # 2
        "x\n"
        "// </a>\n"  # 4
        "// <a>\n"  # 5 duplicate
        "y\n"
        "// </a>\n"
        "// </ghost>\n"  # 8 no opener
        "#region r\n"  # 9
        "z\n"
        "#endregion q\n"  # 11 mismatched
        "// <empty>\n"  # 12 empty
        "// </empty>\n"
    )
    write(tmp_path, "s/bad.cs", text)
    with pytest.raises(BindrefErrors) as caught:
        extract_region(tmp_path, "s/bad.cs", "a")
    assert [(e.line, e.message) for e in caught.value.errors] == [
        (1, "region 'open_forever' is never closed"),
        (5, "region 'a' is already defined"),
        (8, "closing marker '// </ghost>' has no opening marker"),
        (11, "'#endregion q' does not match the innermost '#region r'"),
        (12, "region 'empty' is empty"),
    ]
    assert all(e.path == "s/bad.cs" for e in caught.value.errors)
    assert caught.value.render().count("\n") == 4


def test_marker_errors_fail_whole_file_mode_too(tmp_path: Path) -> None:
    write(tmp_path, "s/a.py", "x\n# </a>\n")
    assert region_error(tmp_path, "s/a.py").line == 2


# --- cache -------------------------------------------------------------------------------------


def test_reader_parses_each_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "s/a.py", "# <a>\nx\n# </a>\n# <b>\ny\n# </b>\n")
    calls: list[str] = []
    parse = regions._parse

    def counting_parse(path: str, text: str) -> object:
        calls.append(path)
        return parse(path, text)

    monkeypatch.setattr(regions, "_parse", counting_parse)
    reader = SampleReader(tmp_path)
    assert [reader.extract("s/a.py", name).code for name in ("a", "b", "a")] == ["x", "y", "x"]
    assert list(reader.regions("s/a.py")) == ["a", "b"]
    assert calls == ["s/a.py"]


def test_reader_rereads_a_file_whose_size_changed(tmp_path: Path) -> None:
    path = write(tmp_path, "s/a.py", "# <a>\nx\n# </a>\n")
    reader = SampleReader(tmp_path)
    assert reader.extract("s/a.py", "a").code == "x"
    stat = path.stat()
    path.write_bytes(b"# <a>\nlonger\n# </a>\n")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime: only the size tells
    assert reader.extract("s/a.py", "a").code == "longer"


def test_reader_rereads_a_same_size_file_whose_mtime_changed(tmp_path: Path) -> None:
    path = write(tmp_path, "s/a.py", "# <a>\nx\n# </a>\n")
    reader = SampleReader(tmp_path)
    assert reader.extract("s/a.py", "a").code == "x"
    stat = path.stat()
    path.write_bytes(b"# <a>\ny\n# </a>\n")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert reader.extract("s/a.py", "a").code == "y"


def test_reader_picks_up_a_fix_after_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "s/a.py", "# <a>\nx\n")
    reader = SampleReader(tmp_path)
    with pytest.raises(RegionError):
        reader.extract("s/a.py", "a")
    path.write_bytes(b"# <a>\nx\n# </a>\n")
    assert reader.extract("s/a.py", "a").code == "x"


def test_regions_returns_a_copy_the_caller_may_change(tmp_path: Path) -> None:
    write(tmp_path, "s/a.py", "# <a>\nx\n# </a>\n")
    reader = SampleReader(tmp_path)
    reader.regions("s/a.py").clear()
    assert reader.extract("s/a.py", "a").code == "x"


@pytest.mark.parametrize(("settled", "after_edit"), [(False, "two"), (True, "one")])
def test_a_settled_reader_reads_once_until_refreshed(tmp_path: Path, settled: bool, after_edit: str) -> None:
    path = write(tmp_path, "s/a.txt", "one\n")
    reader = SampleReader(tmp_path, settled=settled)
    assert reader.text("s/a.txt") == "one\n"
    path.write_text("two, longer\n", encoding="utf-8")
    assert reader.extract("s/a.txt", None).code.startswith(after_edit)
    reader.refresh()
    assert reader.text("s/a.txt") == "two, longer\n"  # a new build or check sees the edit
