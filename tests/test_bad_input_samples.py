"""Bad sample files and bad references to them: clear BR002 findings (exit 3), nothing written.

Line endings, a byte-order mark and tabs are not errors: they must not shift line
numbers or leak into rendered code. Whole-file problems (not text, too large, outside
the repository) are reported twice by ``bindref check``: at the definition's
``example(...)`` that includes the file, and at the file itself without a line (line 0
means the whole file).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import WIDGET_DEFINITION, WIDGET_SAMPLES, ProjectFactory
from corpus import CLEAN, DEF_PATH, OUTSIDE, Case, findings, line_of, params, run_case

PY = "samples/widgets/function_app.py"
APP = WIDGET_SAMPLES[PY]
EXAMPLE_AT = f"{DEF_PATH}:{line_of(WIDGET_DEFINITION, 'widgets/function_app.py')}"
OPEN, CLOSE = line_of(APP, "# <widget>"), line_of(APP, "# </widget>")
UNUSED_HINT = "reference it from a definition's example() or a page's snippet(), or remove its markers"
TWO = "2 errors, 0 warnings, 0 notes"
BODY = "".join(APP.splitlines(keepends=True)[OPEN : CLOSE - 1])  # the lines inside the region


def app(text: str) -> dict[str, str]:
    """The Python sample replaced by ``text``."""
    return {PY: text}


def sparse_50_mb(root: Path, _outside: Path) -> None:
    with (root / PY).open("r+b") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written, and never read


def symlink_outside(root: Path, outside: Path) -> None:
    (outside / "function_app.py").write_text(APP, encoding="utf-8")
    (root / PY).unlink()
    (root / PY).symlink_to(outside / "function_app.py")


def symlink_to_itself(root: Path, _outside: Path) -> None:
    (root / PY).unlink()
    (root / PY).symlink_to(root / PY)


def folder_instead_of_file(root: Path, _outside: Path) -> None:
    (root / PY).unlink()
    (root / PY).mkdir()


def whole_file(problem: str, hint: str, subject: str = "file") -> tuple[str, ...]:
    """A whole-file problem, at the including example and at the file itself."""
    return findings(
        f"{EXAMPLE_AT}: [BR002] {subject} '{PY}' {problem} ({hint})",
        f"{PY}: [BR002] {subject} {problem} ({hint})",
        summary=TWO,
    )


LATIN1 = APP.replace("-> str:", "-> str:  # caf\xe9").encode("latin-1")
CRLF = APP.replace("\n", "\r\n")
TABS = APP.replace(BODY, BODY.replace("    return", "\treturn"))
MIXED = APP.replace(BODY, BODY.replace("    return", "\treturn").replace("def read", "  def read"))

CASES = [
    Case(
        id="unclosed-region",
        files=app(APP.replace("# </widget>\n", "")),
        exit_code=3,
        out=findings(
            f"{PY}:{OPEN}: [BR002] region 'widget' is never closed (opened here; close it with '# </widget>')"
        ),
    ),
    Case(
        id="mismatched-closing-marker",
        files=app(APP.replace("# </widget>", "# </widgte>")),
        exit_code=3,
        out=findings(
            f"{PY}:{OPEN}: [BR002] region 'widget' is never closed (opened here; close it with '# "
            "</widget>')",
            f"{PY}:{CLOSE}: [BR002] closing marker '# </widgte>' has no opening marker (add '# <widgte>' "
            "before it)",
            summary=TWO,
        ),
    ),
    Case(
        id="closing-marker-of-another-dialect",
        files=app(APP.replace("# </widget>", "#endregion")),
        exit_code=3,
        out=findings(
            f"{PY}:{OPEN}: [BR002] region 'widget' is never closed (opened here; close it with '# "
            "</widget>')",
            f"{PY}:{CLOSE}: [BR002] closing marker '#endregion' has no opening marker (add '#region' before "
            "it)",
            summary=TWO,
        ),
    ),
    Case(
        id="duplicate-region",
        files=app(APP + "\n\n# <widget>\nx = 1\n# </widget>\n"),
        exit_code=3,
        out=findings(
            f"{PY}:{CLOSE + 3}: [BR002] region 'widget' is already defined "
            f"(first opened at line {OPEN}; names must be unique within a file)"
        ),
    ),
    Case(
        id="empty-region",
        files=app(APP.replace(BODY, "\n")),
        exit_code=3,
        out=findings(
            f"{PY}:{OPEN}: [BR002] region 'widget' is empty "
            f"(no code between its markers on lines {OPEN} and {OPEN + 2})"
        ),
    ),
    Case(
        id="misnested-regions",
        files=app(
            APP.replace("# <widget>", "#region widget\n#region inner").replace(
                "# </widget>", "#endregion widget\n#endregion inner"
            )
        ),
        exit_code=3,
        out=findings(
            f"{PY}:{CLOSE + 1}: [BR002] '#endregion widget' does not match the innermost '#region inner' "
            f"(opened at line {OPEN + 1}; close it with '#endregion inner')",
            f"{PY}:{CLOSE + 2}: [BR002] '#endregion inner' does not match the innermost '#region widget' "
            f"(opened at line {OPEN}; close it with '#endregion widget')",
            summary=TWO,
        ),
    ),
    Case(
        id="overlapping-tags-are-allowed",
        files=app(
            APP.replace("# <widget>", "# <widget>\n# <other>").replace(
                "# </widget>", "# </widget>\n# </other>"
            )
        ),
        exit_code=0,
        out=(
            f"{PY}:{OPEN + 1}: [BR202] region 'other' is used nowhere ({UNUSED_HINT})",
            "bindref check: 0 errors, 1 warning, 0 notes",
        ),
    ),
    Case(id="crlf-line-endings", files=app(CRLF), exit_code=0, out=CLEAN),
    Case(
        id="crlf-keeps-line-numbers",
        files=app(CRLF.replace("# </widget>\r\n", "")),
        exit_code=3,
        out=findings(
            f"{PY}:{OPEN}: [BR002] region 'widget' is never closed (opened here; close it with '# </widget>')"
        ),
    ),
    Case(id="byte-order-mark", files={PY: b"\xef\xbb\xbf" + APP.encode()}, exit_code=0, out=CLEAN),
    Case(
        id="byte-order-mark-keeps-line-numbers",
        files={PY: b"\xef\xbb\xbf" + APP.replace("# </widget>\n", "").encode()},
        exit_code=3,
        out=findings(
            f"{PY}:{OPEN}: [BR002] region 'widget' is never closed (opened here; close it with '# </widget>')"
        ),
    ),
    Case(id="tab-indented-code", files=app(TABS), exit_code=0, out=CLEAN),
    Case(id="tabs-and-spaces-mixed", files=app(MIXED), exit_code=0, out=CLEAN),
    Case(
        id="not-utf8",
        files={PY: LATIN1},
        exit_code=3,
        out=whole_file(
            "is not valid UTF-8",
            f"byte 0xe9 at offset {LATIN1.index(bytes([0xE9]))} on line {line_of(APP, '-> str:')}; "
            "re-save it as UTF-8",
        ),
    ),
    Case(
        id="binary-file",
        files={PY: b"\x89PNG\r\n\x1a\n\x00\x00" + APP.encode()},
        exit_code=3,
        out=whole_file("looks binary", "NUL byte at offset 8; only text can be included"),
    ),
    Case(
        id="file-of-50-mb",
        setup=sparse_50_mb,
        exit_code=3,
        out=whole_file("is too large", "50.0 MiB; samples are limited to 5 MiB"),
    ),
    Case(
        id="symlink-outside-the-repository",
        setup=symlink_outside,
        exit_code=3,
        out=whole_file(
            "resolves outside the repository",
            f"it points to '{OUTSIDE}/function_app.py' through a symlink",
            "path",
        ),
    ),
    Case(
        id="symlink-to-itself",
        setup=symlink_to_itself,
        exit_code=3,
        out=findings(f"{EXAMPLE_AT}: [BR002] path '{PY}' cannot be resolved (a symlink loop or a NUL byte)"),
    ),
    Case(
        id="nul-byte-in-an-example-path",
        definition=WIDGET_DEFINITION.replace('"widgets/function_app.py"', '"widgets/app\\x00.py"'),
        exit_code=3,
        out=findings(
            f"{EXAMPLE_AT}: [BR002] path 'samples/widgets/app\x00.py' cannot be resolved "
            "(a symlink loop or a NUL byte)",
            f"{PY}:{OPEN}: [BR202] region 'widget' is used nowhere ({UNUSED_HINT})",
            summary="1 error, 1 warning, 0 notes",
        ),
    ),
    Case(
        id="folder-instead-of-a-file",
        setup=folder_instead_of_file,
        exit_code=3,
        out=findings(f"{EXAMPLE_AT}: [BR002] path '{PY}' is a directory (name a text file)"),
    ),
    Case(
        id="missing-file",
        setup=lambda root, _outside: (root / PY).unlink(),
        exit_code=3,
        out=findings(
            f"{EXAMPLE_AT}: [BR002] file '{PY}' does not exist (did you mean 'function.json'? entries in "
            "'samples/widgets': 'Widget.cs', 'Widget.java', 'function.json', 'widget.js')"
        ),
    ),
    Case(
        id="missing-region",
        files=app(APP.replace("widget>", "widgets>")),
        exit_code=3,
        out=findings(
            f"{EXAMPLE_AT}: [BR002] file '{PY}' has no region 'widget' "
            "(did you mean 'widgets'? regions in this file: 'widgets')",
            f"{PY}:{OPEN}: [BR202] region 'widgets' is used nowhere ({UNUSED_HINT})",
            summary="1 error, 1 warning, 0 notes",
        ),
    ),
    Case(
        id="function-json-not-json",
        files={"samples/widgets/function.json": '{\n  "bindings": [\n    {"type": "widgetIn",}\n  ]\n}\n'},
        exit_code=3,
        out=findings(
            "samples/widgets/function.json:3: [BR002] not valid JSON: expecting property name enclosed in "
            "double quotes (column 25)"
        ),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_bad_sample(
    case: Case,
    make_project: ProjectFactory,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    run_case(case, make_project, tmp_path, tmp_path_factory.mktemp("outside"), capsys)
