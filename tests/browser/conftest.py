"""Browser fixtures: the site built once, served on 127.0.0.1, and Debian's Chromium headless.

The tests drive the system ``chromium`` through Playwright; they never download a
browser. Without Playwright or Chromium they are skipped with the reason, unless
``BINDREF_REQUIRE_BROWSER=1`` (``nox -s browser``, CI), where a missing browser fails.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Error, Page, Route, ViewportSize

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# The network is closed in CI: no QUIC, no background or component downloads, no GPU.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
MOBILE: ViewportSize = {"width": 390, "height": 844}

# A page built only into the test copy of the site, whose tab sets lack most languages:
# Java and Python, then JavaScript and Python.
LIMITED_PAGE = "browser-fixture/limited-tabs.md"
LIMITED_PAGE_TEXT = """\
# Limited tabs

Few languages here.

=== "Java"

    Java text.

=== "Python"

    Python text.

| Column | Value |
| ------ | ----- |
| one    | 1     |

=== "JavaScript"

    JavaScript text.

=== "Python"

    More Python text.
"""


BROWSER_MARKER = "browser: drives the built site in headless Chromium (Playwright); run by nox -s browser"


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker here too, so --strict-markers holds before pyproject.toml names it."""
    if not any(line.partition(":")[0].strip() == "browser" for line in config.getini("markers")):
        config.addinivalue_line("markers", BROWSER_MARKER)


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (pip install -e '.[browser]', or run nox -s browser)"
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} is missing (apt-get install chromium); no browser is downloaded"
    return None


def require_browser() -> None:
    """Called by each browser test module: skip it with the reason, or fail if CI requires it."""
    reason = missing_browser()
    if reason is None:
        return
    if os.environ.get("BINDREF_REQUIRE_BROWSER") == "1":
        pytest.fail(f"BINDREF_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the session (the test module has checked it is there)."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415  # optional dependency

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once like ``mkdocs build --strict`` from a copy of docs/ plus one test page."""
    root = tmp_path_factory.mktemp("browser-site")
    docs = root / "docs"
    shutil.copytree(REPO_ROOT / "docs", docs)
    (docs / LIMITED_PAGE).parent.mkdir(parents=True)
    (docs / LIMITED_PAGE).write_text(LIMITED_PAGE_TEXT, encoding="utf-8")
    config = load_config(
        config_file=str(REPO_ROOT / "mkdocs.yml"),
        docs_dir=str(docs),
        site_dir=str(root / "site"),
        strict=True,
    )
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return root / "site"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002  # the stdlib's signature
        """Keep the test output free of one line per request."""


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The built site served by ``http.server`` on a free port of 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass
class Reader:
    """A browser page on the served site, with every console error and page error it saw."""

    page: Page
    base_url: str
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> None:
        """Load ``path`` (relative to the site root); returns after the load event."""
        self.page.goto(self.base_url + path)


def _offline(base_url: str, route: Route) -> None:
    """Serve the site; answer anything else (Material's Google Fonts CSS) with an empty body."""
    if route.request.url.startswith(base_url):
        route.continue_()
    else:
        route.fulfill(status=200, body="", content_type="text/css")


@pytest.fixture
def context(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    """A fresh browser profile per test (empty localStorage), offline but for the site."""
    ctx = browser.new_context(viewport=DESKTOP)
    ctx.set_default_timeout(10_000)  # a local site answers at once; fail fast, not after 30 s
    ctx.route("**/*", functools.partial(_offline, base_url))
    yield ctx
    ctx.close()


@pytest.fixture
def reader(context: BrowserContext, base_url: str) -> Reader:
    """A page that records console errors and uncaught page errors, with the page they came from."""
    page = context.new_page()
    found = Reader(page=page, base_url=base_url)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            found.errors.append(f"{page.url}: console: {message.text}")

    def on_page_error(error: Error) -> None:
        found.errors.append(f"{page.url}: {error.name}: {error.message}")

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    return found
