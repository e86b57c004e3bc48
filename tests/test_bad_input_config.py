"""Bad settings and bad command lines: ``path:line: problem (hint)`` on stderr, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import WIDGET_DEFINITION, ProjectFactory
from corpus import (
    CHECK,
    DEF_PATH,
    OUTSIDE,
    ROOT,
    Case,
    errors,
    findings,
    line_of,
    params,
    run_case,
    run_cli,
    tree_hashes,
)

HEAD = '[project]\nname = "fixture"\n\n[tool.bindref]\n'
LINE = HEAD.count("\n") + 1  # the line of the first setting after HEAD
SETTINGS = (
    "settings: 'definitions', 'docs', 'extensions', 'languages', 'learn_code_root', 'learn_date', "
    "'learn_export', 'samples', 'source_base_url', 'templates'"
)
LANGUAGES = "csharp_isolated, csharp_inprocess, java, javascript, typescript, powershell, python"
QUOTED_LANGUAGES = (
    "'csharp_inprocess', 'csharp_isolated', 'java', 'javascript', 'powershell', 'python', 'typescript'"
)
INSIDE = "use a relative path such as 'samples'"
NO_SDK = "/nonexistent-bindref-sdk"


def settings(*lines: str) -> str:
    return HEAD + "".join(f"{line}\n" for line in lines)


CASES = [
    Case(
        id="invalid-toml",
        pyproject=settings('samples = "samples'),
        exit_code=2,
        err=errors(
            f"pyproject.toml:{LINE}: invalid TOML: Illegal character '\\n' (column 19: fix the TOML syntax)"
        ),
    ),
    Case(
        id="pyproject-not-utf8",
        files={"pyproject.toml": settings("samples = 'caf\xe9'").encode("latin-1")},
        exit_code=2,
        err=errors(
            f"pyproject.toml:{LINE}: not UTF-8 text "
            f"(byte 0xe9 at offset {len(HEAD) + len('samples = ' + chr(39) + 'caf')}; TOML files are UTF-8)"
        ),
    ),
    Case(
        id="tool-bindref-not-a-table",
        pyproject='[project]\nname = "fixture"\n\n[tool]\nbindref = "samples"\n',
        exit_code=2,
        err=errors(
            "pyproject.toml:5: 'tool.bindref' must be a table of settings "
            "(write the settings as key = value lines under a [tool.bindref] header)"
        ),
    ),
    Case(
        id="tool-not-a-table",
        pyproject='tool = "bindref"\n\n[project]\nname = "fixture"\n',
        exit_code=2,
        err=errors(
            "pyproject.toml:1: 'tool.bindref' must be a table of settings "
            "(write the settings as key = value lines under a [tool.bindref] header)"
        ),
    ),
    Case(
        id="unknown-setting",
        pyproject=settings('sampels = "samples"'),
        exit_code=2,
        err=errors(
            f"pyproject.toml:{LINE}: unknown setting 'sampels' in [tool.bindref] (did you mean 'samples'? "
            f"{SETTINGS})"
        ),
    ),
    Case(
        id="languages-empty",
        pyproject=settings("languages = []"),
        exit_code=2,
        err=errors(f"pyproject.toml:{LINE}: 'languages' must be a non-empty list (languages: {LANGUAGES})"),
    ),
    Case(
        id="languages-not-a-list",
        pyproject=settings('languages = "python"'),
        exit_code=2,
        err=errors(f"pyproject.toml:{LINE}: 'languages' must be a non-empty list (languages: {LANGUAGES})"),
    ),
    Case(
        id="unknown-language",
        pyproject=settings('languages = ["python", "pyhton"]'),
        exit_code=2,
        err=errors(
            f"pyproject.toml:{LINE}: unknown language 'pyhton' in 'languages' "
            f"(did you mean 'python'? languages: {QUOTED_LANGUAGES})"
        ),
    ),
    Case(
        id="setting-not-a-string",
        pyproject=settings("source_base_url = 3"),
        exit_code=2,
        err=errors(
            f"pyproject.toml:{LINE}: 'source_base_url' must be a string "
            "(write it in quotes, such as source_base_url = 'https://github.com/org/repo/blob/main')"
        ),
    ),
    Case(
        id="folder-absolute",
        pyproject=settings('samples = "/srv/samples"'),
        exit_code=2,
        err=errors(f"pyproject.toml:{LINE}: 'samples' must be a folder inside the project ({INSIDE})"),
    ),
    Case(
        id="folder-absolute-on-windows",
        pyproject=settings('samples = "C:/samples"'),
        exit_code=2,
        err=errors(f"pyproject.toml:{LINE}: 'samples' must be a folder inside the project ({INSIDE})"),
    ),
    Case(
        id="folder-outside-the-project",
        pyproject=settings('samples = "../samples"'),
        exit_code=2,
        err=errors(f"pyproject.toml:{LINE}: 'samples' must be a folder inside the project ({INSIDE})"),
    ),
    Case(
        id="folder-empty",
        pyproject=settings('definitions = ""'),
        exit_code=2,
        err=errors(
            f"pyproject.toml:{LINE}: 'definitions' must be a folder inside the project "
            "(use a relative path such as 'binding_defs')"
        ),
    ),
    Case(
        id="definitions-folder-missing",
        pyproject=settings('definitions = "defs"'),
        exit_code=2,
        err=errors(
            f"pyproject.toml:{LINE}: definitions folder 'defs' does not exist "
            "(set [tool.bindref] definitions to the folder holding your binding modules)"
        ),
    ),
    Case(
        id="definitions-setting-names-a-file",
        pyproject=settings(f'definitions = "{DEF_PATH}"'),
        exit_code=2,
        err=errors(
            f"pyproject.toml:{LINE}: definitions folder '{DEF_PATH}' does not exist "
            "(set [tool.bindref] definitions to the folder holding your binding modules)"
        ),
    ),
    Case(
        id="samples-folder-missing",
        pyproject=settings('samples = "examples"'),
        exit_code=3,
        out=findings(
            *(
                f"{DEF_PATH}:{line}: [BR002] file 'examples/widgets/{name}' does not exist "
                "(did you mean 'samples'? entries in the repository root: 'binding_defs', 'docs', "
                "'pyproject.toml', 'samples')"
                for name in ("Widget.cs", "Widget.java", "widget.js", "function.json", "function_app.py")
                for line in (line_of(WIDGET_DEFINITION, f'"widgets/{name}"'),)
            ),
            summary="5 errors, 0 warnings, 0 notes",
        ),
    ),
    Case(
        id="templates-folder-missing",
        pyproject=settings('templates = "docs/overides"'),
        exit_code=2,
        err=errors(
            f"pyproject.toml:{LINE}: templates folder 'docs/overides' does not exist "
            "(create it, or set [tool.bindref] templates to the folder of your overrides)"
        ),
    ),
    Case(
        id="root-does-not-exist",
        root="missing",
        exit_code=2,
        err=errors(
            f"project folder '{ROOT}/missing' does not exist (pass --root the folder of pyproject.toml)"
        ),
    ),
    Case(
        id="root-is-a-file",
        root="pyproject.toml",
        exit_code=2,
        err=errors(
            f"project folder '{ROOT}/pyproject.toml' is not a folder (pass --root the folder of "
            "pyproject.toml)"
        ),
    ),
    Case(
        id="sdk-source-not-language-equals-folder",
        args=(*CHECK, "--sdk-source", "ruby=../ext"),
        exit_code=2,
        err=errors(
            "--sdk-source 'ruby=../ext' is not [EXTENSION:]LANGUAGE=DIR "
            "(languages: csharp, java; e.g. sql:csharp=../sql-extension)"
        ),
    ),
    Case(
        id="sdk-source-folder-missing",
        args=(*CHECK, "--sdk-source", f"csharp={NO_SDK}"),
        exit_code=2,
        err=errors(f"--sdk-source folder '{NO_SDK}' does not exist (point at a source checkout)"),
    ),
    Case(
        id="render-unknown-binding",
        args=("render", "widgetOut"),
        exit_code=2,
        err=errors("no binding 'widgetOut' (bindings: 'widgets/widgetIn')"),
    ),
    Case(
        id="render-unknown-language",
        args=("render", "widgetIn", "--section", "table", "--language", "pyhton"),
        exit_code=2,
        err=errors(f"unknown language 'pyhton' (did you mean 'python'? languages: {QUOTED_LANGUAGES})"),
    ),
    Case(
        id="render-language-not-enabled",
        pyproject=settings('languages = ["python"]'),
        args=("render", "widgetIn", "--section", "table", "--language", "java"),
        exit_code=2,
        err=errors("language 'java' is not enabled (enabled languages: 'python')"),
    ),
    Case(
        id="render-table-without-language",
        args=("render", "widgetIn", "--section", "table"),
        exit_code=2,
        err=errors("--section table needs --language (for example --language python)"),
    ),
    Case(
        id="check-output-is-a-folder",
        args=(*CHECK, "--output", OUTSIDE),
        exit_code=2,
        err=errors(f"--output '{OUTSIDE}' is a folder (name the report file to write)"),
    ),
    Case(
        id="check-output-below-a-file",
        setup=lambda _root, outside: (outside / "file").write_text("x", encoding="utf-8"),
        args=(*CHECK, "--output", f"{OUTSIDE}/file/report.txt"),
        exit_code=2,
        err=errors(f"cannot write --output '{OUTSIDE}/file/report.txt' (File exists)"),
    ),
    Case(
        id="export-out-is-a-file",
        setup=lambda _root, outside: (outside / "file").write_text("x", encoding="utf-8"),
        args=("export", "learn", "--out", f"{OUTSIDE}/file"),
        exit_code=2,
        err=errors(f"--out '{OUTSIDE}/file' is not a folder (name the folder to write the pages into)"),
    ),
    Case(
        id="export-out-below-a-file",
        setup=lambda _root, outside: (outside / "file").write_text("x", encoding="utf-8"),
        args=("export", "learn", "--out", f"{OUTSIDE}/file/learn"),
        exit_code=2,
        err=errors(f"cannot write to --out '{OUTSIDE}/file/learn' (Not a directory)"),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_bad_setting_or_command_line(
    case: Case,
    make_project: ProjectFactory,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    run_case(case, make_project, tmp_path, tmp_path_factory.mktemp("outside"), capsys)


# --- outside any project: what bindref ships needs none; the rest says how to find one -----------
NO_PROJECT = (
    "no pyproject.toml found in {cwd} or any parent folder (run bindref inside the project, or pass --root)"
)
CODES_HEAD = [
    "BR001  definition-error  (error)",
    "    A binding definition cannot be read (syntax error, non-literal value, unknown language key, missing "
    "docstring, two parameters with one name).",
]


@pytest.mark.parametrize(
    ("args", "exit_code", "shown", "err"),
    [
        pytest.param(("codes",), 0, CODES_HEAD, [], id="codes"),
        pytest.param(
            ("templates", "list"),
            0,
            ["site/_default/tabs.md.j2", "site/python/parameter_table.md.j2"],
            [],
            id="templates-list",
        ),
        pytest.param(("list",), 2, [], errors(NO_PROJECT), id="list"),
        pytest.param(
            ("templates", "eject", "site/_default/tabs.md.j2"),
            2,
            [],
            errors(NO_PROJECT),
            id="templates-eject",
        ),
    ],
)
def test_outside_a_project(
    args: tuple[str, ...],
    exit_code: int,
    shown: list[str],
    err: tuple[str, ...],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cwd = tmp_path.resolve()
    assert not any((folder / "pyproject.toml").is_file() for folder in (cwd, *cwd.parents))
    monkeypatch.chdir(cwd)
    outcome = run_cli(list(args), capsys)
    assert "Traceback" not in outcome.out + outcome.err
    assert (outcome.exit_code, outcome.err.splitlines()) == (exit_code, [e.format(cwd=cwd) for e in err])
    assert [line for line in outcome.out.splitlines() if line in shown] == shown  # in this order
    assert tree_hashes(cwd) == {}
