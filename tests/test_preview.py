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
from bindref.render.fingerprints import fingerprint
from bindref.render.project import Project
from conftest import (
    FIXTURE_MKDOCS,
    WIDGET_DEFINITION,
    WIDGET_OUT_DEFINITION,
    ProjectFactory,
    write_files,
)

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


def test_a_file_changed_after_it_was_read_makes_its_page_stale(tracker: PreviewTracker, inputs: Path) -> None:
    """A page records the state its definitions were read in, not the state when it records them.

    A definition saved while a page is being built (the catalog already read) must make that
    page stale, or the page would keep the old text for good.
    """
    definition = inputs / "binding_defs/other.py"
    read_in = fingerprint(definition)
    edit_input(definition, "other_id", "other_key")  # saved after reading, before the page records it
    tracker.record(inputs / "site/late/index.html", [definition], {definition: read_in})
    assert inputs / "site/late/index.html" in tracker.stale_outputs()


# --- a live project: a save re-reads the saved module and what imports it, nothing else --------------

SHARED_TITLE = 'TITLE = "Widget input binding"\n'
TITLED_WIDGET = WIDGET_DEFINITION.replace(
    "from bindref.spec import", "from binding_defs.widgets.common import TITLE\nfrom bindref.spec import"
).replace('title="Widget input binding",', "title=TITLE,")


@pytest.fixture
def live(make_project: ProjectFactory, tmp_path: Path) -> Project:
    """widgetIn takes its title from common.py; widgetOut imports nothing of the project."""
    make_project(
        {
            "binding_defs/widgets/common.py": SHARED_TITLE,
            "binding_defs/widgets/widget_out.py": WIDGET_OUT_DEFINITION,
        },
        definition=TITLED_WIDGET,
    )
    return Project.at(tmp_path, live=True)


@pytest.mark.parametrize(
    ("edited", "old", "new", "changed"),
    [
        ("widget.py", "Reads a widget.", "Reads one widget.", "widgets/widgetIn"),
        ("common.py", "Widget input binding", "Widget input, shared", "widgets/widgetIn"),  # imported
        ("widget_out.py", "Writes a widget.", "Writes one widget.", "widgets/widgetOut"),
    ],
)
def test_a_live_catalog_rereads_what_a_save_touches_and_equals_a_fresh_load(
    live: Project, tmp_path: Path, edited: str, old: str, new: str, changed: str
) -> None:
    before = live.catalog().bindings
    edit_input(tmp_path / "binding_defs/widgets" / edited, old, new)
    live.refresh()
    after = live.catalog().bindings
    assert after == Project.at(tmp_path, use_cache=False).catalog().bindings  # never stale
    assert after[changed] != before[changed]
    unrelated = [key for key in after if key != changed]
    assert unrelated
    assert all(after[key] is before[key] for key in unrelated)  # not resolved again


def test_a_live_catalog_sees_an_import_break_and_its_repair(live: Project, tmp_path: Path) -> None:
    common = tmp_path / "binding_defs/widgets/common.py"
    edit_input(common, "TITLE =", "HEADING =")
    live.refresh()
    assert "widgets" in live.catalog().problems
    edit_input(common, "HEADING =", "TITLE =")
    live.refresh()
    assert live.catalog() == Project.at(tmp_path, use_cache=False).catalog()


# --- the server ------------------------------------------------------------------------------------

MKDOCS = FIXTURE_MKDOCS.replace("strict: true\n", "") + "nav:\n  - widget.md\n  - other.md\n  - plain.md\n"
OTHER_PAGE = '# Widget output\n\n{{ binding_summary("widgets/widgetOut") }}\n'


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
    make_project(
        {
            "mkdocs.yml": MKDOCS,
            "docs/other.md": OTHER_PAGE,
            "docs/plain.md": "# Plain\n\nNo bindref here.\n",
            "binding_defs/widgets/widget_out.py": WIDGET_OUT_DEFINITION,
        }
    )
    port = free_port()
    (tmp_path / "tmp").mkdir()  # mkdocs serve builds into a temporary folder: this one
    process = subprocess.Popen(  # noqa: S603  # mkdocs from this environment
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp_path / "tmp")},
    )
    try:
        url = f"http://127.0.0.1:{port}/widget/"
        wait_for(url, "The widget to read.")
        wait_for(f"http://127.0.0.1:{port}/other/", "Writes a widget.")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    time.sleep(0.05)  # a distinct mtime on coarse file systems
    path.write_text(text.replace(old, new), encoding="utf-8")


def built(tmp_path: Path, page: str) -> Path:
    """The file the server built for ``page`` (under the TMPDIR the fixture gave it)."""
    (site,) = (tmp_path / "tmp").glob("mkdocs_*")
    return site / page / "index.html"


@pytest.mark.parametrize(
    ("edited", "old", "new"),
    [
        ("binding_defs/widgets/widget.py", "The widget to read.", "The widget to fetch."),
        ("samples/widgets/Widget.java", "public String read(", "public String fetchIt("),
        ("docs/widget.md", "## Reference", "## Reference, edited"),
    ],
    ids=["definition", "sample", "page"],
)
def test_an_edit_reaches_its_page_and_rebuilds_no_other(
    served: str, tmp_path: Path, edited: str, old: str, new: str
) -> None:
    """widgetOut's page uses neither widget.py, Widget.java nor widget.md: it stays as built."""
    other = built(tmp_path, "other")
    before = other.stat().st_mtime_ns
    edit(tmp_path / edited, old, new)
    wait_for(served, new.rsplit(" ", 1)[-1].rstrip("("))
    assert other.stat().st_mtime_ns == before


def test_an_idle_server_does_not_rebuild(served: str, tmp_path: Path) -> None:
    """Every build rewrites sitemap.xml; the build's own reads of the inputs are no change."""
    sitemap = built(tmp_path, "").parent / "sitemap.xml"
    time.sleep(1.0)  # a build that reads the watched files has ended, and any it set off begun
    before = sitemap.stat().st_mtime_ns
    time.sleep(1.5)
    assert sitemap.stat().st_mtime_ns == before


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
    plain = built(tmp_path, "plain")  # no bindref macro: no template makes it
    before = plain.stat().st_mtime_ns
    edit(override, "Java, overridden.", "Java, overridden twice.")
    wait_for(served, "Java, overridden twice.")
    assert plain.stat().st_mtime_ns == before
