"""The same macros under Zensical: a fixture site built with ``zensical build`` and ``serve``.

Zensical runs in a subprocess, as an author runs it. These tests are skipped only when
zensical is not installed; ``nox -s tests`` installs it (the ``test`` extra) and sets
``BINDREF_REQUIRE_ZENSICAL=1``, where a missing zensical fails instead.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import FIXTURE_MKDOCS, ProjectFactory
from html_tree import parse_html
from test_preview import free_port, wait_for

# Zensical runs no MkDocs plugin: the definitions and samples reach its page cache through `watch`.
ZENSICAL_MKDOCS = FIXTURE_MKDOCS + "watch:\n  - binding_defs\n  - samples\n"

# A second page that uses the widget sample twice: the examples and a snippet.
INDEX_PAGE = """\
# Widgets

{{ binding_examples("widgets/widgetIn") }}

{{ snippet("widgets/function_app.py", "widget") }}
"""

DEFINITION = "binding_defs/widgets/widget.py"
UNCLOSED = (
    "bindref: {page}: samples/widgets/function_app.py:6: region 'widget' is never closed "
    "(opened here; close it with '# </widget>')"
)


@pytest.fixture(autouse=True)
def zensical_installed() -> None:
    if importlib.util.find_spec("zensical") is None:
        reason = "zensical is not installed (pip install -e '.[zensical]')"
        if os.environ.get("BINDREF_REQUIRE_ZENSICAL") == "1":
            pytest.fail(f"BINDREF_REQUIRE_ZENSICAL=1 but {reason}", pytrace=False)
        pytest.skip(reason)


def zensical(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603  # zensical from this environment
        [sys.executable, "-m", "zensical", *arguments],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def bindref_lines(stderr: str) -> list[str]:
    return sorted(line for line in stderr.splitlines() if line.startswith("bindref: "))


def page_text(root: Path, page: str = "widget") -> str:
    return parse_html((root / "site" / page / "index.html").read_text(encoding="utf-8")).all_text()


def edit_in_a_later_second(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must be there) once the clock has left the second of the last write.

    Zensical compares watched files by whole-second mtime: a rewrite within the same second
    as the last one looks unchanged to it (a limit the adapter documents, not one it adds).
    """
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    while int(time.time()) <= int(path.stat().st_mtime):
        time.sleep(0.05)
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def site(make_project: ProjectFactory, tmp_path: Path) -> Path:
    make_project({"mkdocs.yml": ZENSICAL_MKDOCS, "docs/index.md": INDEX_PAGE})
    return tmp_path


def test_the_site_builds(site: Path) -> None:
    built = zensical(site, "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert bindref_lines(built.stderr) == []
    text = page_text(site)
    assert "The widget to read. See max_size." in text
    assert 'return "{{ not_a_variable }} {% if x %}"' in text
    assert "maxLength" in text


@pytest.mark.parametrize("flags", [("--strict",), ()], ids=["strict", "not-strict"])
def test_an_unclosed_region_fails_the_build_where_mkdocs_does(site: Path, flags: tuple[str, ...]) -> None:
    sample = site / "samples/widgets/function_app.py"
    sample.write_text(sample.read_text(encoding="utf-8").replace("# </widget>\n", ""), encoding="utf-8")
    built = zensical(site, "build", *flags)
    assert built.returncode == 1
    # Each failing page reports its first error (index.md has two), then one summary line.
    assert bindref_lines(built.stderr) == [UNCLOSED.format(page=page) for page in ("index.md", "widget.md")]
    last = built.stderr.splitlines()[-1]
    assert last == "Aborted: 2 bindref error(s), listed above with their file and line"
    assert "Traceback" not in built.stderr


def test_an_edited_definition_reaches_the_page_without_clean(site: Path) -> None:
    first = zensical(site, "build", "--strict")
    assert first.returncode == 0, first.stderr
    assert "The widget to read." in page_text(site)
    assert any((site / ".cache").iterdir())  # the second build has a cache to reuse
    edit_in_a_later_second(site / DEFINITION, "The widget to read.", "The widget to fetch.")
    second = zensical(site, "build", "--strict")
    assert second.returncode == 0, second.stderr
    text = page_text(site)
    assert "The widget to fetch." in text
    assert "The widget to read." not in text


def test_unwatched_inputs_are_named_with_their_folder(make_project: ProjectFactory, tmp_path: Path) -> None:
    make_project({"mkdocs.yml": FIXTURE_MKDOCS})
    built = zensical(tmp_path, "build", "--strict")
    assert built.returncode == 0, built.stderr
    advice = (
        "bindref: {folder}: Zensical does not watch this folder, so an edit in it leaves pages stale "
        "until 'zensical build --clean' (add '{folder}' to 'watch' in mkdocs.yml)"
    )
    assert bindref_lines(built.stderr) == [advice.format(folder=f) for f in ("binding_defs", "samples")]


@pytest.fixture
def served(site: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    process = subprocess.Popen(  # noqa: S603  # zensical from this environment
        [sys.executable, "-m", "zensical", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/widget/"
        wait_for(url, "The widget to read.")
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_shows_edits_and_errors_and_keeps_running(
    served: tuple[str, subprocess.Popen[bytes]], site: Path
) -> None:
    url, process = served
    edit_in_a_later_second(site / DEFINITION, "The widget to read.", "The widget to fetch.")
    assert "The widget to read." not in wait_for(url, "The widget to fetch.")
    sample = site / "samples/widgets/Widget.java"
    edit_in_a_later_second(sample, "    // </widget>\n", "")
    page = wait_for(url, "bindref could not render this")
    assert "samples/widgets/Widget.java:2: region &#x27;widget&#x27; is never closed" in page or (
        "samples/widgets/Widget.java:2: region 'widget' is never closed" in page
    )
    assert process.poll() is None
    edit_in_a_later_second(sample, "{ return w; }\n}\n", "{ return w; }\n    // </widget>\n}\n")
    assert "The widget to fetch." in wait_for(url, "bindref could not render this", present=False)


def test_without_on_error_fail_the_error_is_a_box_and_says_so(site: Path) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("on_error_fail: true", "on_error_fail: false"), encoding="utf-8")
    sample = site / "samples/widgets/function_app.py"
    sample.write_text(sample.read_text(encoding="utf-8").replace("# </widget>\n", ""), encoding="utf-8")
    built = zensical(site, "build", "--strict")
    assert built.returncode == 0
    assert bindref_lines(built.stderr) == [
        "bindref: bindref errors do not fail this Zensical build "
        "(set 'on_error_fail: true' for the macros plugin in mkdocs.yml)",
        *(UNCLOSED.format(page=page) for page in ("index.md", "index.md", "widget.md")),
    ]
    assert "bindref could not render this" in page_text(site)
