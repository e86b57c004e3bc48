"""Files that cannot be read, in every command that reads them: a located error, never a traceback.

Each kind of project file bindref reads (a page in ``docs/``, a definition, a sample, a
template) is broken two ways: bytes that are not UTF-8, and a path that cannot be read.
Tests run as root, so permissions cannot make a file unreadable: a broken symlink (or a
folder where a file is named) stands for it. Each command that reads that kind of file
runs on it: ``list``, ``render``, ``check``, ``coverage``, ``export learn``, ``audit learn``,
and the MkDocs build (judged apart, at the end: its errors are log records). ``bindref new``
reads none of them, ``codes`` and ``templates list`` read no project at all.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import FIXTURE_MKDOCS, PYPROJECT, WIDGET_DEFINITION, WIDGET_PAGE, WIDGET_SAMPLES, ProjectFactory
from corpus import (
    DEF_PATH,
    OUTSIDE,
    ROOT,
    Case,
    Setup,
    errors,
    findings,
    line_of,
    params,
    run_case,
    tree_hashes,
)

PAGE = "docs/widget.md"
SAMPLE = "samples/widgets/function_app.py"
TABS = "docs/overrides/bindref/site/_default/tabs.md.j2"
TABLE = "docs/overrides/bindref/site/_default/parameter_table.md.j2"
UTF8_FIX = "re-save it as UTF-8"


def latin1(text: str, needle: str, accented: str) -> tuple[bytes, int, int]:
    """``text`` with ``needle`` replaced by ``accented`` in Latin-1; the bytes, the é's line and offset."""
    data = text.replace(needle, accented, 1).encode("latin-1")
    return data, line_of(text, needle), data.index(b"\xe9")


PAGE_BYTES, PAGE_LINE, PAGE_OFFSET = latin1(WIDGET_PAGE, "## Example", "## Ex\xe9mple")
DEF_BYTES, DEF_LINE, DEF_OFFSET = latin1(WIDGET_DEFINITION, "The largest widget", "The largest widg\xe9t")
APP_BYTES, APP_LINE, APP_OFFSET = latin1(WIDGET_SAMPLES[SAMPLE], "-> str:", "-> str:  # caf\xe9")
TEMPLATE_TEXT = "{% for label, body in tabs %}\n{{ body }}\n{% endfor %}\n"
TEMPLATE_BYTES, TEMPLATE_LINE, TEMPLATE_OFFSET = latin1(TEMPLATE_TEXT, "{{ body }}", "caf\xe9 {{ body }}")
TABLE_TEXT = "{% block intro %}{% endblock %}\n{{ rows | length }} rows\n"
TABLE_BYTES, TABLE_LINE, TABLE_OFFSET = latin1(TABLE_TEXT, "}} rows", "}} rows caf\xe9")

PAGE_ERROR = f"{PAGE}:{PAGE_LINE}: not UTF-8 text (byte 0xe9 at offset {PAGE_OFFSET}; {UTF8_FIX})"
DEF_ERROR = f"{DEF_PATH}:{DEF_LINE}: not UTF-8 text (byte 0xe9 at offset {DEF_OFFSET}; {UTF8_FIX})"
EXAMPLE_AT = f"{DEF_PATH}:{line_of(WIDGET_DEFINITION, 'widgets/function_app.py')}"
SAMPLE_ERROR = (
    f"{EXAMPLE_AT}: file '{SAMPLE}' is not valid UTF-8 "
    f"(byte 0xe9 at offset {APP_OFFSET} on line {APP_LINE}; {UTF8_FIX})"
)
TEMPLATE_ERROR = (
    f"{TABS}:{TEMPLATE_LINE}: template is not valid UTF-8 (byte 0xe9 at offset {TEMPLATE_OFFSET}; {UTF8_FIX})"
)
TABLE_ERROR = (
    f"{TABLE}:{TABLE_LINE}: template is not valid UTF-8 (byte 0xe9 at offset {TABLE_OFFSET}; {UTF8_FIX})"
)
GONE = "No such file or directory"

EXAMPLES = ("render", "widgetIn", "--section", "examples")
REFERENCE = ("render", "widgetIn", "--section", "reference")
EXPORT = ("export", "learn", "--out", f"{OUTSIDE}/learn")


LEARN_PAGE = "functions-bindings-widgets-widgetin-input.md"


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def audit(page: str) -> tuple[str, ...]:
    return ("audit", "learn", f"{ROOT}/{page}")


def broken_symlink(relative: str) -> Setup:
    """Put a symlink to a missing file at ``relative`` (replacing the file there, if any)."""

    def setup(root: Path, _outside: Path) -> None:
        (root / relative).unlink(missing_ok=True)
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).symlink_to(root / "missing")

    return setup


def folder(relative: str, *, page: str = "") -> Setup:
    """Put a folder at ``relative``, holding ``index.md`` with ``page`` when given."""

    def setup(root: Path, _outside: Path) -> None:
        (root / relative).unlink(missing_ok=True)
        (root / relative).mkdir(parents=True)
        if page:
            (root / relative / "index.md").write_text(page, encoding="utf-8")

    return setup


CASES = [
    # -- a page in docs/ -------------------------------------------------------------------------
    Case(
        id="page-not-utf8-check",
        files={PAGE: PAGE_BYTES},
        exit_code=3,
        out=findings(
            f"{PAGE}:{PAGE_LINE}: [BR105] not UTF-8 text (byte 0xe9 at offset {PAGE_OFFSET}; {UTF8_FIX})"
        ),
    ),
    Case(
        id="page-not-utf8-check-still-checks-the-other-pages",
        files={PAGE: PAGE_BYTES, "docs/other.md": "# Other\n\nTODO: write it.\n"},
        exit_code=3,
        out=findings(
            "docs/other.md:3: [BR102] placeholder 'TODO' in the page (write the real text before publishing)",
            f"{PAGE}:{PAGE_LINE}: [BR105] not UTF-8 text (byte 0xe9 at offset {PAGE_OFFSET}; {UTF8_FIX})",
            summary="2 errors, 0 warnings, 0 notes",
        ),
    ),
    Case(
        id="page-broken-symlink-check",
        setup=broken_symlink("docs/gone.md"),
        exit_code=3,
        out=findings(f"docs/gone.md: [BR105] cannot be read ({GONE})"),
    ),
    Case(
        id="page-broken-symlink-in-place-of-the-only-page-check",
        setup=broken_symlink(PAGE),
        exit_code=3,
        out=findings(f"{PAGE}: [BR105] cannot be read ({GONE})"),  # no BR103: it may show the binding
    ),
    Case(
        id="folder-named-like-a-page-is-a-folder-check",
        setup=folder("docs/guide.md", page="# Guide\n\nTBD\n"),
        exit_code=1,
        out=findings(
            "docs/guide.md/index.md:3: [BR102] placeholder 'TBD' in the page "
            "(write the real text before publishing)"
        ),
    ),
    Case(
        id="page-not-utf8-audit",
        files={PAGE: PAGE_BYTES},
        args=audit(PAGE),
        exit_code=3,
        err=errors(PAGE_ERROR),
    ),
    Case(
        id="page-broken-symlink-audit",
        setup=broken_symlink("docs/gone.md"),
        args=audit("docs/gone.md"),
        exit_code=2,
        err=errors(f"cannot read page '{ROOT}/docs/gone.md' (it is a broken symlink; name a Markdown file)"),
    ),
    Case(
        id="page-folder-audit",
        setup=folder("docs/guide.md"),
        args=audit("docs/guide.md"),
        exit_code=2,
        err=errors(f"cannot read page '{ROOT}/docs/guide.md' (it is a folder; name a Markdown file)"),
    ),
    # -- a definition (check: test_bad_input_definitions.py) -------------------------------------
    *(
        Case(
            id=f"definition-not-utf8-{name}",
            files={DEF_PATH: DEF_BYTES},
            args=args,
            exit_code=3,
            err=errors(DEF_ERROR),
        )
        for name, args in {
            "list": ("list",),
            "render": REFERENCE,
            "coverage": ("coverage",),
            "export": EXPORT,
            "audit": audit(PAGE),
        }.items()
    ),
    Case(
        id="definition-not-utf8-after-a-byte-order-mark",
        files={DEF_PATH: b"\xef\xbb\xbf" + DEF_BYTES},
        exit_code=3,
        out=findings(
            f"{DEF_PATH}:{DEF_LINE}: [BR001] not UTF-8 text "
            f"(byte 0xe9 at offset {DEF_OFFSET + 3}; {UTF8_FIX})"
        ),
    ),
    *(
        Case(
            id=f"definition-broken-symlink-{name}",
            setup=broken_symlink("binding_defs/widgets/gone.py"),
            args=args,
            exit_code=3,
            err=errors(f"binding_defs/widgets/gone.py: cannot be read ({GONE})"),
        )
        for name, args in {"list": ("list",), "render": REFERENCE, "export": EXPORT}.items()
    ),
    Case(
        id="definition-not-utf8-new-reads-no-definition",
        files={DEF_PATH: DEF_BYTES},
        args=("new", "widgets/widget"),
        exit_code=2,
        err=errors(
            "refusing to overwrite binding_defs/widgets/widget.py "
            "(choose another name, or move those files away)"
        ),
    ),
    # -- a sample (check: test_bad_input_samples.py) ---------------------------------------------
    *(
        Case(
            id=f"sample-not-utf8-{name}",
            files={SAMPLE: APP_BYTES},
            args=args,
            exit_code=3,
            err=errors(SAMPLE_ERROR),
        )
        for name, args in {"render": EXAMPLES, "export": EXPORT}.items()
    ),
    Case(
        id="sample-folder-render",
        setup=folder(SAMPLE),
        args=EXAMPLES,
        exit_code=3,
        err=errors(f"{EXAMPLE_AT}: path '{SAMPLE}' is a directory (name a text file)"),
    ),
    Case(
        id="sample-broken-symlink-render",
        setup=broken_symlink(SAMPLE),
        args=EXAMPLES,
        exit_code=3,
        err=errors(
            f"{EXAMPLE_AT}: file '{SAMPLE}' is a broken symlink "
            "(point it at the sample, or put the file there)"
        ),
    ),
    # -- a template override (check: test_bad_input_pages.py) ------------------------------------
    Case(
        id="template-not-utf8-render",
        files={TABS: TEMPLATE_BYTES},
        args=REFERENCE,
        exit_code=3,
        err=errors(TEMPLATE_ERROR),
    ),
    *(
        Case(
            id=f"table-template-not-utf8-{name}",
            files={TABLE: TABLE_BYTES},
            args=args,
            exit_code=3,
            err=errors(TABLE_ERROR),
        )
        for name, args in {"render": REFERENCE, "export": EXPORT}.items()
    ),
    Case(
        id="template-broken-symlink-render",
        setup=broken_symlink(TABS),
        args=REFERENCE,
        exit_code=3,
        err=errors(f"{TABS}: template cannot be read ({GONE})"),
    ),
    # -- generated Learn pages: a file bindref did not write is left alone, never decoded -----------
    Case(
        id="committed-learn-export-foreign-not-utf8-check",
        pyproject=PYPROJECT + 'learn_export = "learn"\n',
        files={"learn/old.md": b"\xff\n"},
        exit_code=1,
        out=findings(
            f"learn/{LEARN_PAGE}: [BR501] generated page is missing (run 'bindref export learn --out learn')"
        ),
    ),
    Case(
        id="export-over-a-page-not-utf8",
        setup=lambda _root, outside: _write(outside / "learn" / LEARN_PAGE, b"\xff\n"),
        args=EXPORT,
        exit_code=2,
        err=errors(
            f"'{OUTSIDE}/learn/{LEARN_PAGE}' exists and was not written by bindref "
            "(move it away, or pass --force to overwrite it)"
        ),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_unreadable_file(
    case: Case,
    make_project: ProjectFactory,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    run_case(case, make_project, tmp_path, tmp_path_factory.mktemp("outside"), capsys)


# --- the MkDocs build ------------------------------------------------------------------------------
# The page itself is read by MkDocs, not by bindref; what bindref reads fails the build at path:line.
BUILDS = {
    "definition-not-utf8": ({DEF_PATH: DEF_BYTES}, [DEF_ERROR] * 3),
    "definition-broken-symlink": (
        broken_symlink("binding_defs/widgets/gone.py"),
        [f"binding_defs/widgets/gone.py: cannot be read ({GONE})"] * 3,
    ),
    "sample-not-utf8": ({SAMPLE: APP_BYTES}, [SAMPLE_ERROR]),
    "sample-folder": (folder(SAMPLE), [f"{EXAMPLE_AT}: path '{SAMPLE}' is a directory (name a text file)"]),
    "template-not-utf8": ({TABS: TEMPLATE_BYTES}, [TEMPLATE_ERROR] * 2),
}


@pytest.mark.parametrize(("broken", "expected"), list(BUILDS.values()), ids=list(BUILDS))
def test_unreadable_file_fails_the_build_at_its_line(
    broken: dict[str, bytes] | Setup,
    expected: list[str],
    make_project: ProjectFactory,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    make_project({"mkdocs.yml": FIXTURE_MKDOCS})
    if isinstance(broken, dict):
        for relative, data in broken.items():
            (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / relative).write_bytes(data)
    else:
        broken(tmp_path, tmp_path)
    before = tree_hashes(tmp_path)
    config = load_config(
        config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path_factory.mktemp("site"))
    )
    with pytest.raises(Abort, match=rf"^Aborted: {len(expected)} bindref error\(s\), listed above"):
        build(config)
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    # each macro of the page fails (the count), but an error is printed once, then pointed at
    shown: list[str] = []
    for line in expected:
        again = "not rendered because of the error(s) above"
        text = again if f"bindref: widget.md: {line}" in shown else line
        if text != again or f"bindref: widget.md: {again}" not in shown:
            shown.append(f"bindref: widget.md: {text}")
    assert messages == shown
    assert "Traceback" not in caplog.text
    assert tree_hashes(tmp_path) == before
