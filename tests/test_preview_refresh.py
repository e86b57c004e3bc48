"""The preview's quick refresh: when it may stand in for MkDocs' rebuild, and that it serves the truth.

First the decision, table-driven on files in ``tmp_path``: the quick path is taken only when
every changed path is a bindref input some page was built from (or a file inside bindref's
folders that is gone and was never read, as an editor's temporary file), and the site has
no plugin it does not know. Then ``mkdocs serve --dirty`` for real: what a save of each
kind does to the served pages, and which path (quick or rebuild) the server's log says it took.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pytest

from bindref.hosts import mkdocs_refresh, mkdocs_requests
from bindref.hosts.mkdocs_refresh import LastBuild, QuickRefresh
from bindref.hosts.preview import PreviewTracker
from conftest import WIDGET_OUT_DEFINITION, ProjectFactory, write_files
from test_preview import MKDOCS, OTHER_PAGE, built, edit, free_port, wait_for

# --- the decision ------------------------------------------------------------------------------


@dataclass
class _Inclusion:
    excluded: bool

    def is_excluded(self) -> bool:
        return self.excluded


@dataclass
class _File:
    inclusion: _Inclusion


class _Files:
    """The last build's files: two pages (one deleted since), an override excluded and one not."""

    known: ClassVar = {
        "page.md": False,
        "gone.md": False,
        "overrides/bindref/t.j2": True,
        "overrides/bindref/u.j2": False,
    }

    def get_file_from_path(self, path: str) -> _File | None:
        return _File(_Inclusion(self.known[path])) if path in self.known else None


@dataclass
class _Config:
    plugins: dict[str, object]
    config_file_path: str
    docs_dir: str


PLUGINS = ("bindref", "macros", "material/search")


@pytest.fixture
def decide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """``decide(changed, plugins)``: whether the quick path is exact; one page read five files."""
    write_files(
        tmp_path,
        {
            "mkdocs.yml": "site_name: x\n",
            "binding_defs/widget.py": "x = 1\n",
            "binding_defs/unread.py": "y = 2\n",
            "binding_defs/widget.py~": "x = 0\n",  # an editor's backup
            "binding_defs/notes.txt": "not a definition\n",
            "samples/app.py": "z = 3\n",
            "samples/.app.py.swp": "swap\n",  # an editor's swap file, open
            "samples/new.py": "w = 4\n",
            "docs/page.md": "# Page\n",
            "docs/overrides/bindref/t.j2": "{{ x }}\n",
            "docs/overrides/bindref/u.j2": "{{ y }}\n",
        },
    )
    tracker = PreviewTracker(serving=True, dirty=True)
    read = ["binding_defs/widget.py", "samples/app.py", "docs/page.md", "docs/overrides/bindref/t.j2"]
    read.append("docs/overrides/bindref/u.j2")
    tracker.record(tmp_path / "site/page/index.html", [tmp_path / path for path in read])
    monkeypatch.setattr(mkdocs_refresh, "TRACKER", tracker)

    def run(changed: list[str], plugins: tuple[str, ...] = PLUGINS) -> bool:
        config = _Config(
            {name: object() for name in plugins}, str(tmp_path / "mkdocs.yml"), str(tmp_path / "docs")
        )
        inputs = [
            (tmp_path / "binding_defs", ".py"),
            (tmp_path / "samples", ""),
            (tmp_path / "docs/overrides/bindref", ".j2"),
        ]
        refresh = QuickRefresh(lambda: None, config, inputs)  # type: ignore[arg-type]
        last = LastBuild(config=config, files=_Files(), nav=None, env=None)  # type: ignore[arg-type]
        return refresh._quick_is_exact(last, {(tmp_path / path).resolve() for path in changed})

    return run


@pytest.mark.parametrize(
    ("changed", "plugins", "quick"),
    [
        pytest.param(["binding_defs/widget.py"], PLUGINS, True, id="a-definition-a-page-read"),
        pytest.param(
            ["binding_defs/widget.py", "samples/app.py"], PLUGINS, True, id="two-inputs-a-page-read"
        ),
        pytest.param(["samples/app.py.tmp", "samples/app.py"], PLUGINS, True, id="a-temporary-file-gone"),
        pytest.param(["samples/.app.py.swp", "samples/app.py"], PLUGINS, True, id="a-hidden-swap-file"),
        pytest.param(["binding_defs/widget.py~"], PLUGINS, True, id="a-backup-file"),
        pytest.param(["binding_defs/notes.txt"], PLUGINS, True, id="a-file-no-stage-reads"),
        pytest.param(["docs/overrides/bindref/t.j2"], PLUGINS, True, id="an-override-excluded-from-the-site"),
        pytest.param(["docs/overrides/bindref/u.j2"], PLUGINS, False, id="an-override-the-site-copies"),
        pytest.param(["binding_defs/unread.py"], PLUGINS, False, id="a-definition-no-page-read-yet"),
        pytest.param(["samples/new.py"], PLUGINS, False, id="a-sample-no-page-read-yet"),
        pytest.param(["docs/page.md"], PLUGINS, False, id="a-page-even-one-a-page-read"),
        pytest.param(["docs/gone.md"], PLUGINS, False, id="a-page-deleted"),
        pytest.param(["mkdocs.yml"], PLUGINS, False, id="the-configuration"),
        pytest.param(["binding_defs/widget.py", "docs/page.md"], PLUGINS, False, id="an-input-and-a-page"),
        pytest.param(["binding_defs/widget.py"], ("bindref", "macros", "blog"), False, id="unknown-plugin"),
    ],
)
def test_the_quick_path_is_taken_only_when_it_is_exact(
    decide: Any, changed: list[str], plugins: tuple[str, ...], quick: bool
) -> None:
    assert decide(changed, plugins) is quick


# --- the server --------------------------------------------------------------------------------

EXCLUDED = "exclude_docs: |\n  overrides/\n"  # template overrides are inputs, not assets (as documented)
OVERVIEW_PAGE = '# Widgets\n\n{{ extension_bindings("widgets") }}\n'
NEW_DEFINITION = (
    WIDGET_OUT_DEFINITION.replace('"widgetOut"', '"widgetNew"')
    .replace("class WidgetOut:", "class WidgetNew:")
    .replace('"widget_output"', '"widget_new_output"')
)


@dataclass
class Served:
    url: str
    root: Path
    log: Path

    def lines(self, text: str) -> int:
        """How many lines of the server's log contain ``text``."""
        return sum(text in line for line in self.log.read_text(encoding="utf-8").splitlines())

    def logged(self, text: str, count: int = 1) -> int:
        """How many lines contain ``text`` once ``count`` do (the queue logs when it has run dry)."""
        deadline = time.monotonic() + 20
        while self.lines(text) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)  # a line too many would come now
        return self.lines(text)


@pytest.fixture
def served(make_project: ProjectFactory, tmp_path: Path) -> Iterator[Served]:
    make_project(
        {
            "mkdocs.yml": MKDOCS.replace("  - plain.md\n", "  - plain.md\n  - overview.md\n") + EXCLUDED,
            "docs/other.md": OTHER_PAGE,
            "docs/plain.md": "# Plain\n\nNo bindref here.\n",
            "docs/overview.md": OVERVIEW_PAGE,
            "binding_defs/widgets/widget_out.py": WIDGET_OUT_DEFINITION,
        }
    )
    port = free_port()
    (tmp_path / "tmp").mkdir()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as stream:
        process = subprocess.Popen(  # noqa: S603  # mkdocs from this environment
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
            cwd=tmp_path,
            stdout=stream,
            stderr=stream,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp_path / "tmp")},
        )
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_for(url + "widget/", "The widget to read.")
        wait_for(url + "overview/", "widgetOut")
        yield Served(url, tmp_path, log)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_definition_save_refreshes_its_pages_and_no_other(served: Served) -> None:
    other = built(served.root, "other")
    before = other.stat().st_mtime_ns
    edit(served.root / "binding_defs/widgets/widget.py", "The widget to read.", "The widget to fetch.")
    page = wait_for(served.url + "widget/", "The widget to fetch.")
    assert "The widget to read." not in page
    assert '<nav class="md-nav' in page  # a whole page, in the theme, with its navigation
    assert served.logged("bindref: refreshed 2 page(s)") == 1  # widget/ and overview/ read widget.py
    assert other.stat().st_mtime_ns == before


def test_a_save_by_rename_is_refreshed_too(served: Served) -> None:
    """Editors that write a temporary file and rename it over the sample: the quick path still holds."""
    sample = served.root / "samples/widgets/function_app.py"
    temporary = sample.with_name(".function_app.py.tmp")
    builds = served.lines("Building documentation")
    temporary.write_text(sample.read_text(encoding="utf-8").replace("def read(", "def read_it("), "utf-8")
    temporary.replace(sample)
    wait_for(served.url + "widget/", "read_it")
    assert served.logged("bindref: refreshed") == 1  # one refresh: the temporary file's events change nothing
    assert served.lines("Building documentation") == builds


def test_a_page_save_is_rebuilt_by_mkdocs(served: Served) -> None:
    builds = served.lines("Building documentation")
    edit(served.root / "docs/widget.md", "## Reference", "## Reference, edited")
    wait_for(served.url + "widget/", "Reference, edited")
    assert served.lines("Building documentation") == builds + 1
    assert served.lines("bindref: refreshed") == 0


def test_a_new_definition_is_rebuilt_and_shown_on_the_overview(served: Served) -> None:
    """A new file no page read yet: MkDocs' rebuild, which redoes the page that lists every binding."""
    write_files(served.root, {"binding_defs/widgets/widget_new.py": NEW_DEFINITION})
    wait_for(served.url + "overview/", "widgetNew")
    assert served.lines("bindref: refreshed") == 0
    edit(served.root / "binding_defs/widgets/widget_new.py", '"widget_new_output"', '"widget_newer_output"')
    wait_for(served.url + "overview/", "widget_newer_output")  # now read by a page: quick
    assert served.logged("bindref: refreshed 1 page(s)") == 1


def test_a_template_every_page_uses_reaches_each_page_asked_for(served: Served) -> None:
    """Every bindref page is queued; a request for one builds it first, the others follow."""
    override = served.root / "docs/overrides/bindref/site/_default/tabs.md.j2"
    override.parent.mkdir(parents=True)
    packaged = Path(mkdocs_refresh.__file__).parent.parent / "render/templates/site/_default/tabs.md.j2"
    override.write_text(packaged.read_text(encoding="utf-8") + "\nEvery tab group, overridden.\n", "utf-8")
    page = wait_for(served.url + "widget/", "Every tab group, overridden.")  # a new file: a rebuild
    assert "The widget to read." in page
    builds = served.lines("Building documentation")
    edit(override, "Every tab group, overridden.", "Every tab group, overridden twice.")
    assert "The widget to read." in wait_for(served.url + "widget/", "Every tab group, overridden twice.")
    assert served.logged("bindref: refreshed 3 page(s)") == 1  # every page with a macro; plain/ has none
    assert served.lines("Building documentation") == builds


# --- the server's requests meet the queue ------------------------------------------------------


class _Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def ensure(self, output: str) -> None:
        self.calls.append(("ensure", output))

    def opened(self, output: str) -> None:
        self.calls.append(("opened", output))

    generation = 0

    def needs(self, _output: str) -> bool:
        return False


@pytest.mark.parametrize(
    ("mount", "path", "referer", "expected"),
    [
        pytest.param("/", "/widget/", "", ("ensure", "widget/index.html"), id="a-page"),
        pytest.param("/", "/", "", ("ensure", "index.html"), id="the-home-page"),
        pytest.param("/docs/", "/docs/widget/", "", ("ensure", "widget/index.html"), id="under-a-mount"),
        pytest.param("/", "/../../etc/passwd", "", ("ensure", "etc/passwd"), id="no-way-out-of-the-site"),
        pytest.param(
            "/",
            "/livereload/123/4",
            "http://127.0.0.1:8000/widget/",
            ("opened", "widget/index.html"),
            id="open",
        ),
        pytest.param("/docs/", "/elsewhere/", "", None, id="outside-the-mount"),
    ],
)
def test_each_request_asks_the_queue_for_the_file_it_serves(
    tmp_path: Path, mount: str, path: str, referer: str, expected: tuple[str, str] | None
) -> None:
    served: list[str] = []

    class Server:
        root = str(tmp_path)
        mount_path = mount
        app: Any = None

        def serve_request(self, environ: dict[str, Any], _start: Any) -> list[bytes]:
            served.append(environ["PATH_INFO"])
            return [b""]

        def set_app(self, app: Any) -> None:
            self.app = app

    server, queue = Server(), _Recorder()
    mkdocs_requests.serve_fresh(server, queue)  # type: ignore[arg-type]
    server.app({"PATH_INFO": path, "HTTP_REFERER": referer}, None)
    assert served == [path]  # and then MkDocs serves it, as before
    assert queue.calls == ([] if expected is None else [(expected[0], str(tmp_path / expected[1]))])


def test_a_page_the_build_loop_queued_while_it_was_served_is_served_again(tmp_path: Path) -> None:
    """The request passed the queue, then waited in MkDocs for a build that queued its page."""
    answers: list[tuple[object, ...]] = []

    class Queue(_Recorder):
        pending = True

        def needs(self, _output: str) -> bool:
            return self.pending

    queue = Queue()

    class Server:
        root = str(tmp_path)
        mount_path = "/"
        app: Any = None
        serves = 0

        def serve_request(self, _environ: dict[str, Any], start_response: Any) -> list[bytes]:
            self.serves += 1
            if self.serves == 1:
                queue.generation += 1  # the build loop paused the queue meanwhile, and queued the page
            else:
                queue.pending = False  # built by the second ensure
            start_response(f"200 OK #{self.serves}", [])
            return [f"answer {self.serves}".encode()]

        def set_app(self, app: Any) -> None:
            self.app = app

    server = Server()
    mkdocs_requests.serve_fresh(server, queue)  # type: ignore[arg-type]
    body = server.app({"PATH_INFO": "/widget/"}, lambda *args: answers.append(args))
    assert body == [b"answer 2"]
    assert answers == [("200 OK #2", [])]  # one answer, the second
    assert [call[0] for call in queue.calls] == ["ensure", "ensure"]
