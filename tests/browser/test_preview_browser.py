"""The live preview in a real browser: a save reloads the open page, and it shows the new text.

``mkdocs serve --dirty`` runs on a small project; Chromium opens a page, a definition is
saved, and the page must reload by itself (MkDocs' live-reload script, told by the server
that the site changed) and show the saved text, through bindref's quick refresh, not a
whole rebuild.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_preview import edit
from test_preview_refresh import Served, served  # noqa: F401  # the served fixture, registered here

from .conftest import require_browser

if TYPE_CHECKING:
    from playwright.sync_api import Browser

require_browser()  # skips this module without Playwright or Chromium (fails if CI requires them)
pytestmark = pytest.mark.browser

WAIT_MS = 20_000


def test_a_saved_definition_reloads_the_open_page_with_the_new_text(
    served: Served,  # noqa: F811  # pytest passes the fixture imported above
    browser: Browser,
) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(served.url + "widget/")
        page.wait_for_function("document.body.innerText.includes('The widget to read.')", timeout=WAIT_MS)
        builds = served.lines("Building documentation")
        page.evaluate("window.bindrefBeforeSave = true")  # gone once the page has reloaded
        edit(served.root / "binding_defs/widgets/widget.py", "The widget to read.", "The widget to fetch.")
        page.wait_for_function(
            "!window.bindrefBeforeSave && document.body.innerText.includes('The widget to fetch.')",
            timeout=WAIT_MS,
        )
        assert "The widget to read." not in page.inner_text("body")
        assert served.logged("bindref: refreshed") == 1
        assert served.lines("Building documentation") == builds  # the quick path, no whole rebuild
    finally:
        context.close()
