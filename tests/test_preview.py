"""Live preview: the tracker's stale-page logic, then ``mkdocs serve --dirty`` for real.

The tracker, on files in ``tmp_path``: an edited input makes exactly the pages that used it
stale, once. The server, on a fixture site edited while it runs: a save in a definition, a
sample or a template must change the served page (never a stale page); a broken region must
show an error box while the server keeps running.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bindref.hosts.preview import PreviewTracker
from conftest import FIXTURE_MKDOCS, ProjectFactory, write_files

# --- the tracker -----------------------------------------------------------------------------------


def edit_input(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must be there) and move the mtime on, as a save does."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    before = path.stat().st_mtime_ns
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))  # coarse clocks: one second on


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    write_files(
        tmp_path,
        {
            "binding_defs/widget.py": "widget_id: str\n",
            "binding_defs/other.py": "other_id: str\n",
            "samples/app.py": "# <widget>\nx = 1\n# </widget>\n",
            "templates/table.md.j2": "{{ rows }}\n",
        },
    )
    return tmp_path


@pytest.fixture
def tracker(inputs: Path) -> PreviewTracker:
    """Three built pages: widget/ and both/ share the widget definition; other/ does not."""
    tracked = PreviewTracker(serving=True, dirty=True)
    template = inputs / "templates/table.md.j2"
    tracked.record(inputs / "site/widget/index.html", [inputs / "binding_defs/widget.py", template])
    tracked.record(inputs / "site/widget/index.html", [inputs / "samples/app.py"])  # a second macro
    tracked.record(inputs / "site/both/index.html", [inputs / "binding_defs/widget.py"])
    tracked.record(inputs / "site/other/index.html", [inputs / "binding_defs/other.py", template])
    return tracked


def test_nothing_is_stale_before_an_edit(tracker: PreviewTracker) -> None:
    assert tracker.stale_outputs() == set()


def test_an_edited_input_makes_exactly_its_pages_stale_once(tracker: PreviewTracker, inputs: Path) -> None:
    edit_input(inputs / "binding_defs/widget.py", "widget_id", "widget_key")
    assert tracker.stale_outputs() == {inputs / "site/widget/index.html", inputs / "site/both/index.html"}
    assert tracker.stale_outputs() == set()  # reported once: the pages are rebuilt now


def test_an_input_one_page_used_in_a_second_macro_counts(tracker: PreviewTracker, inputs: Path) -> None:
    edit_input(inputs / "samples/app.py", "x = 1", "x = 2")  # same size: the mtime tells
    assert tracker.stale_outputs() == {inputs / "site/widget/index.html"}


def test_a_shared_template_makes_every_page_that_used_it_stale(tracker: PreviewTracker, inputs: Path) -> None:
    edit_input(inputs / "templates/table.md.j2", "rows", "rows | length")
    assert tracker.stale_outputs() == {inputs / "site/widget/index.html", inputs / "site/other/index.html"}


def test_a_deleted_input_counts_as_a_change(tracker: PreviewTracker, inputs: Path) -> None:
    (inputs / "binding_defs/other.py").unlink()
    assert tracker.stale_outputs() == {inputs / "site/other/index.html"}


def test_a_page_rebuilt_after_going_stale_is_tracked_again(tracker: PreviewTracker, inputs: Path) -> None:
    definition = inputs / "binding_defs/widget.py"
    edit_input(definition, "widget_id", "widget_key")
    assert tracker.stale_outputs() == {inputs / "site/widget/index.html", inputs / "site/both/index.html"}
    tracker.record(inputs / "site/both/index.html", [definition])  # only both/ rebuilt so far
    assert tracker.stale_outputs() == set()  # as rebuilt: not stale again until the next edit
    edit_input(definition, "widget_key", "widget_name")
    assert tracker.stale_outputs() == {inputs / "site/both/index.html"}
    assert tracker.stale_outputs() == set()


# --- the server ------------------------------------------------------------------------------------

MKDOCS = FIXTURE_MKDOCS.replace("strict: true\n", "") + "nav:\n  - widget.md\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310  # our own local server
        return str(response.read().decode("utf-8"))


def wait_for(url: str, predicate: str, timeout: float = 20.0, *, present: bool = True) -> str:
    """Poll until the served page contains (or no longer contains) ``predicate``."""
    deadline = time.monotonic() + timeout
    page = ""
    while time.monotonic() < deadline:
        try:
            page = fetch(url)
        except OSError:
            page = ""
        if page and (predicate in page) == present:
            return page
        time.sleep(0.1)
    pytest.fail(f"{url} {'never contained' if present else 'still contains'} {predicate!r}")


@pytest.fixture
def served(make_project: ProjectFactory, tmp_path: Path) -> Iterator[str]:
    make_project({"mkdocs.yml": MKDOCS})
    port = free_port()
    process = subprocess.Popen(  # noqa: S603  # mkdocs from this environment
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/widget/"
        wait_for(url, "The widget to read.")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    time.sleep(0.05)  # a distinct mtime on coarse file systems
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_definition_and_sample_edits_reach_the_served_page(served: str, tmp_path: Path) -> None:
    edit(tmp_path / "binding_defs/widgets/widget.py", "The widget to read.", "The widget to fetch.")
    page = wait_for(served, "The widget to fetch.")
    assert "The widget to read." not in page
    edit(tmp_path / "samples/widgets/function_app.py", "def read(widget: str)", "def read_it(widget: str)")
    wait_for(served, "read_it")


def test_broken_region_shows_a_box_and_the_server_recovers(served: str, tmp_path: Path) -> None:
    sample = tmp_path / "samples/widgets/Widget.java"
    edit(sample, "    // </widget>\n", "")
    page = wait_for(served, "bindref could not render this")
    assert "samples/widgets/Widget.java:2: region &#x27;widget&#x27; is never closed" in page or (
        "samples/widgets/Widget.java:2: region 'widget' is never closed" in page
    )
    edit(sample, "{ return w; }\n}\n", "{ return w; }\n    // </widget>\n}\n")
    page = wait_for(served, "bindref could not render this", present=False)
    assert "The widget to read." in page


def test_template_override_edit_reaches_the_page(served: str, tmp_path: Path) -> None:
    override = tmp_path / "docs/overrides/bindref/site/java/parameter_table.md.j2"
    override.parent.mkdir(parents=True)
    override.write_text(
        '{% extends "site/_default/parameter_table.md.j2" %}\n'
        "{% block intro %}Java, overridden.{% endblock %}\n",
        encoding="utf-8",
    )
    wait_for(served, "Java, overridden.")
