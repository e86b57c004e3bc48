"""The built site in a real browser: language choice, copy buttons, tables, console, screenshots."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import LIMITED_PAGE, MOBILE, Reader, require_browser

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, ViewportSize

require_browser()  # skips this module without Playwright or Chromium (fails if CI requires them)
pytestmark = pytest.mark.browser

POST = "openai/assistant-post/"
QUERY = "openai/assistant-query/"
LIMITED = LIMITED_PAGE.removesuffix(".md") + "/"
SCREENS = Path(os.environ.get("BINDREF_SCREENSHOTS", "/tmp/bindref-screens"))  # noqa: S108  # asked-for place

# For every tab set, in document order: is it nested in another tab set, and which tab shows.
SHOWN_TABS_JS = """() => [...document.querySelectorAll('.tabbed-set')].map(set => {
  const input = set.querySelector(':scope > input:checked');
  const label = set.querySelector(`:scope > .tabbed-labels > label[for="${input.id}"]`);
  return [set.parentElement.closest('.tabbed-set') !== null, label.textContent.trim()];
})"""
# For every table: the ids of the tab inputs that must be checked to show it, outermost first,
# and whether they all are.
TABLE_TABS_JS = """() => [...document.querySelectorAll('article table')].map(table => {
  const path = [];
  let block = table.closest('.tabbed-block');
  while (block) {
    const index = [...block.parentElement.children].indexOf(block);
    path.unshift(block.closest('.tabbed-set').querySelectorAll(':scope > input')[index]);
    block = block.parentElement.closest('.tabbed-block');
  }
  return [path.map(input => input.id), path.every(input => input.checked)];
})"""
# Material remembers tabs by label under `<site root>.__tabs`; forgetting it shows what bindref keeps.
FORGET_MATERIAL_TABS_JS = """() => Object.keys(localStorage)
  .filter(key => key.endsWith('.__tabs'))
  .forEach(key => localStorage.removeItem(key))"""
REGION_MARKER = re.compile(r"^\s*(//|#|<!--)\s*</?[A-Za-z_][\w-]*>\s*(-->)?\s*$", re.MULTILINE)
# The binding call each language's example must contain.
BINDING_CALLS = {
    "csharp-isolated": "[AssistantPostInput(",
    "java": "@AssistantPost(",
    "javascript": "type: 'assistantPost'",
    "typescript": "type: 'assistantPost'",
    "powershell": '"type": "assistantPost"',
    "python": "@app.assistant_post_input(",
}


def shown_tabs(page: Page, *, nested: bool = False) -> list[str]:
    """The label of the tab each top-level (or nested) tab set shows."""
    return [label for is_nested, label in page.evaluate(SHOWN_TABS_JS) if is_nested == nested]


def click_tab(page: Page, set_index: int, label: str) -> None:
    """Click a tab as a reader does, in the ``set_index``-th tab set of the page."""
    tab_set = page.locator(".tabbed-set").nth(set_index)
    tab_set.locator(":scope > .tabbed-labels > label").get_by_text(label, exact=True).click()


def wait_for_choice(page: Page, lang: str) -> None:
    """The script writes ``?lang=`` last, once every tab set is switched."""
    page.wait_for_url(re.compile(rf"[?&]lang={re.escape(lang)}(&|#|$)"))


def site_pages(site_dir: Path) -> list[str]:
    """Every page of the built site, as paths relative to its root."""
    pages = [path.parent.relative_to(site_dir).as_posix() + "/" for path in site_dir.rglob("index.html")]
    return [*sorted(page.removeprefix("./") for page in pages), "404.html"]


def test_python_chosen_in_one_tab_set_shows_in_every_tab_set_and_on_the_next_page(reader: Reader) -> None:
    page = reader.page
    reader.open(POST)
    click_tab(page, 2, "Python")  # the Reference tab set
    wait_for_choice(page, "python")
    assert set(shown_tabs(page)) == {"Python"}
    assert page.locator(".tabbed-block", has_text="@app.assistant_post_input(").first.is_visible()
    # Forget Material's own label memory: the choice must persist by itself.
    page.evaluate(FORGET_MATERIAL_TABS_JS)
    reader.open(QUERY)
    assert len(shown_tabs(page)) == 3
    assert set(shown_tabs(page)) == {"Python"}
    wait_for_choice(page, "python")
    assert reader.errors == []


def test_lang_parameter_opens_java_everywhere_and_is_kept(reader: Reader) -> None:
    reader.open(POST + "?lang=java")
    assert set(shown_tabs(reader.page)) == {"Java"}
    assert reader.page.locator(".bindref-lang-notice").count() == 0
    reader.open(QUERY)
    assert set(shown_tabs(reader.page)) == {"Java"}
    assert reader.errors == []


def test_a_csharp_model_selects_csharp_then_the_model_and_survives_a_visit_to_java(reader: Reader) -> None:
    page = reader.page
    reader.open(POST + "?lang=csharp_inprocess")  # the enum spelling of languages.py works too
    assert set(shown_tabs(page)) == {"C#"}
    assert set(shown_tabs(page, nested=True)) == {"In-process model"}
    click_tab(page, 0, "Java")
    wait_for_choice(page, "java")
    click_tab(page, 0, "C#")
    wait_for_choice(page, "csharp-inprocess")
    assert set(shown_tabs(page)) == {"C#"}
    assert set(shown_tabs(page, nested=True)) == {"In-process model"}
    assert reader.errors == []


def test_clicking_csharp_chooses_csharp_not_the_default_model(reader: Reader) -> None:
    page = reader.page
    reader.open(POST + "?lang=java")
    click_tab(page, 0, "C#")
    wait_for_choice(page, "csharp")
    assert set(shown_tabs(page)) == {"C#"}
    assert set(shown_tabs(page, nested=True)) == {"Isolated worker model"}


def test_a_nested_tab_choice_syncs_the_other_nested_tab_sets(reader: Reader) -> None:
    page = reader.page
    reader.open(POST)
    click_tab(page, 1, "In-process model")
    wait_for_choice(page, "csharp-inprocess")
    assert set(shown_tabs(page, nested=True)) == {"In-process model"}
    click_tab(page, 1, "Isolated worker model")
    wait_for_choice(page, "csharp-isolated")
    assert set(shown_tabs(page, nested=True)) == {"Isolated worker model"}


def test_the_url_keeps_other_parameters_and_the_hash(reader: Reader) -> None:
    page = reader.page
    reader.open(POST + "?view=full#reference")
    # A tab input changed without Material's tab link (which would set its own hash).
    page.locator(".tabbed-set").nth(2).locator(":scope > input").nth(3).evaluate("input => input.click()")
    wait_for_choice(page, "typescript")
    assert page.url == reader.base_url + POST + "?view=full&lang=typescript#reference"


@pytest.mark.parametrize(
    ("lang", "notice"),
    [
        ("typescript", "This page has no TypeScript tab."),
        ("csharp-inprocess", "This page has no C# in-process model tab."),
        ("csharp", "This page has no C# tab."),
    ],
)
def test_a_page_without_the_chosen_language_says_so_in_one_line(
    reader: Reader, lang: str, notice: str
) -> None:
    page = reader.page
    reader.open(LIMITED + f"?lang={lang}")
    status = page.locator(".bindref-lang-notice[role=status]")
    assert status.count() == 1
    assert status.inner_text() == notice
    assert status.is_visible()
    click_tab(page, 0, "Python")
    wait_for_choice(page, "python")
    assert status.count() == 0
    assert set(shown_tabs(page)) == {"Python"}
    assert reader.errors == []


@pytest.mark.parametrize(
    "path",
    [
        POST + "?lang=java",
        LIMITED + "?lang=java",
        "openai/?lang=csharp-inprocess",  # a C# tab without model tabs holds both models
        "?lang=java",  # no language tabs on the page
        "?lang=cobol",
    ],
)
def test_no_notice_where_the_language_is_there_or_the_page_has_no_language_tabs(
    reader: Reader, path: str
) -> None:
    reader.open(path)
    assert reader.page.locator(".bindref-lang-notice").count() == 0
    assert reader.errors == []


def test_storage_that_refuses_writes_breaks_nothing(context: BrowserContext, reader: Reader) -> None:
    context.add_init_script(
        "Storage.prototype.setItem = () => { throw new DOMException('private mode', 'QuotaExceededError'); };"
    )
    page = reader.page
    reader.open(POST + "?lang=java")
    assert set(shown_tabs(page)) == {"Java"}
    click_tab(page, 4, "Python")
    wait_for_choice(page, "python")
    assert set(shown_tabs(page)) == {"Python"}
    assert reader.errors == []


@pytest.mark.parametrize("lang", sorted(BINDING_CALLS))
def test_copy_button_copies_the_sample_without_region_markers(
    context: BrowserContext, reader: Reader, lang: str
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=reader.base_url.rstrip("/"))
    page = reader.page
    reader.open(POST + f"?lang={lang}")
    blocks = page.locator(".tabbed-set").first.locator(".highlight").filter(visible=True)
    assert blocks.count() >= 1
    copied = []
    for index in range(blocks.count()):
        page.evaluate("navigator.clipboard.writeText('')")
        blocks.nth(index).hover()
        blocks.nth(index).locator("button.md-code__button[data-md-type=copy]").click()
        copied.append(page.evaluate("navigator.clipboard.readText()"))
    assert all(text.strip() for text in copied)
    assert [REGION_MARKER.findall(text) for text in copied] == [[] for _ in copied]
    assert any(BINDING_CALLS[lang] in text for text in copied)
    assert reader.errors == []


def test_every_table_is_visible_when_its_tabs_are_selected(reader: Reader, site_dir: Path) -> None:
    page, hidden = reader.page, []
    for path in site_pages(site_dir):
        reader.open(path)
        tables = page.locator("article table")
        for index, (_, active) in enumerate(page.evaluate(TABLE_TABS_JS)):
            if active and not tables.nth(index).is_visible():
                hidden.append(f"{path} table {index} (in the tabs shown on load)")
        for index, (tabs, _) in enumerate(page.evaluate(TABLE_TABS_JS)):
            for input_id in tabs:
                page.locator(f'label[for="{input_id}"]').click()
            if not tables.nth(index).is_visible():
                hidden.append(f"{path} table {index} (after selecting {' > '.join(tabs)})")
    assert hidden == []
    assert reader.errors == []


@pytest.mark.parametrize("query", ["", "?lang=python", "?lang=csharp-inprocess"])
def test_no_console_or_page_errors_on_any_page(reader: Reader, site_dir: Path, query: str) -> None:
    for path in site_pages(site_dir):
        reader.open(path + query)
        reader.page.evaluate("() => new Promise(resolve => setTimeout(resolve, 50))")  # late errors
    assert reader.errors == []


@pytest.mark.parametrize(("name", "viewport"), [("desktop", None), ("mobile", MOBILE)])
def test_assistant_post_screenshots_without_page_overflow(
    reader: Reader, name: str, viewport: ViewportSize | None
) -> None:
    page = reader.page
    if viewport is not None:
        page.set_viewport_size(viewport)
    reader.open(POST)
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"assistant-post-{name}.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, f"the page scrolls sideways by {width}px"
    assert reader.errors == []
