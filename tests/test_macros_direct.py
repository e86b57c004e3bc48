"""Pages of bindref macro calls only, expanded by the plugin: the site must be the one mkdocs-macros makes.

The proof is a whole build of pages of every shape, made twice (with the plugin's expansion
and without it) and compared byte for byte; the pages that must take the direct path, and
those that must be left to mkdocs-macros, are listed, so the comparison cannot pass by
never expanding anything. The pieces below it (the page grammar, each reason to step aside)
are table-driven.
"""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from bindref.hosts import mkdocs_direct, mkdocs_plugin
from bindref.render.page_calls import split_calls
from conftest import FIXTURE_MKDOCS, ProjectFactory

LogCapture = pytest.LogCaptureFixture

SUMMARY = '{{ binding_summary("widgets/widgetIn") }}'
# page -> (its Markdown, whether the plugin expands it itself)
PAGES: dict[str, tuple[str, bool]] = {
    "plain.md": (f"# Plain\n\n{SUMMARY}\n\n{{{{ binding_reference('widgets/widgetIn') }}}}\n", True),
    "tabs.md": (
        '# Tabs\n\n=== "Python"\n\n    {{ parameter_table("widgetIn", "python", indent=4) }}\n\n'
        '=== "Snippet"\n\n    {{ snippet("widgets/function_app.py", "widget", indent = 4) }}\n',
        True,
    ),
    "examples.md": ('# Examples\n\n{{ binding_examples("widgets/widgetIn") }}\n', True),  # '{{' in the code
    "no_final_newline.md": (f"# End\n\n{SUMMARY}", True),
    "two_final_newlines.md": (f"# Ends\n\n{SUMMARY}\n\n", True),
    "no_macro.md": ("# Nothing\n\nText with }} and { but no tag.\n", True),
    "unicode.md": ('# Ünïcode\n\n{{ binding_name("widgets/widgetIn", "python") }} — é\n', True),
    "call_over_lines.md": ('# Lines\n\n{{ binding_summary(\n    "widgets/widgetIn",\n) }}\n', False),
    "call_split.md": ('# Split\n\n{{\n  binding_summary(\n    "widgets/widgetIn"\n  )\n}}\n', True),
    "if_block.md": (f"# If\n\n{{% if true %}}{SUMMARY}{{% endif %}}\n", False),
    "comment.md": (f"# Comment\n\n{{# a note #}}{SUMMARY}\n", False),
    "variable.md": (f"# Variable\n\n{{{{ config.site_name }}}} {SUMMARY}\n", False),
    "meta_variable.md": (f"---\nwho: reader\n---\n# Meta\n\nHello {{{{ who }}}}. {SUMMARY}\n", False),
    "render_off.md": (f"---\nrender_macros: false\n---\n# Off\n\n{SUMMARY}\n", False),
    "trim.md": ('# Trim\n\nA\n{{- binding_summary("widgets/widgetIn") }}\n', False),
    "raw.md": ("# Raw\n\n{% raw %}{{ kept }}{% endraw %}\n", False),
    "title.md": (f"---\ntitle: '{{{{ config.site_name }}}} page'\n---\n{SUMMARY}\n", False),
    "crlf.md": (f"# Windows\r\n\r\n{SUMMARY}\r\n", True),  # MkDocs reads it with '\n' endings
}


def _build(root: Path, out: Path) -> None:
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out), strict=True)
    build(config)


def test_a_site_expanded_by_the_plugin_is_the_site_mkdocs_macros_makes(
    make_project: ProjectFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: LogCapture
) -> None:
    pages = {f"docs/{page}": text for page, (text, _) in PAGES.items()}
    make_project({"mkdocs.yml": FIXTURE_MKDOCS, **pages})
    taken: dict[str, bool] = {}

    def spy(markdown: str, page: Any, macros: Any) -> str | None:
        expanded = mkdocs_direct.expand(markdown, page, macros)
        taken[page.file.src_path] = expanded is not None
        return expanded

    with caplog.at_level(logging.WARNING):
        monkeypatch.setattr(mkdocs_plugin, "expand", spy)
        _build(tmp_path, tmp_path / "direct")
        monkeypatch.setattr(mkdocs_plugin, "expand", lambda *_: None)
        _build(tmp_path, tmp_path / "macros")
    expected = {page: direct for page, (_, direct) in PAGES.items()}
    assert {page: took for page, took in taken.items() if page in PAGES} == expected
    direct, plain = tmp_path / "direct", tmp_path / "macros"
    built = sorted(path.relative_to(plain) for path in plain.rglob("*.html"))
    assert len(built) >= len(PAGES)
    for relative in built:
        assert (direct / relative).read_bytes() == (plain / relative).read_bytes(), relative
    assert "Hello reader" in (plain / "meta_variable" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("text only", (["text only"], [])),
        ('{{ f("a") }}', (["", ""], [("f", ("a",), {})])),
        ("a {{ f('x,)', \"}}\", indent=4) }} b", (["a ", " b"], [("f", ("x,)", "}}"), {"indent": 4})])),
        ("{{f()}}{{ g(0) }}", (["", "", ""], [("f", (), {}), ("g", (0,), {})])),
        ("}} { not a tag", (["}} { not a tag"], [])),
        ('{{ f("a" "b") }}', None),  # jinja2 joins the two strings
        ("{{ f(1,) }}", None),
        ('{{ f(a=1, "b") }}', None),
        ("{{ f(a=1, a=2) }}", None),
        ("{{ f(01) }}", None),
        ("{{ f(-1) }}", None),
        ("{{ f(1.5) }}", None),
        ("{{ f(True) }}", None),
        ('{{ f("a\\nb") }}', None),
        ('{{ f("a\nb") }}', None),
        ("{{ x.f() }}", None),
        ("{{ f() | upper }}", None),
        ("{{- f() }}", None),
        ("{{ f() -}}", None),
        ("{% if x %}", None),
        ("{# note #}", None),
        ("{{ f(", None),
    ],
)
def test_only_literal_calls_split_a_page(source: str, expected: object) -> None:
    assert split_calls(source) == expected


def _macro(name: str, result: str = "OUT", error: Exception | None = None) -> Any:
    def macro(*args: object, **kwargs: object) -> str:
        if error is not None:
            raise error
        return f"{result}{args}{kwargs}"

    setattr(macro, mkdocs_direct.MACRO_MARK, name)
    return macro


def _macros_plugin(**changes: Any) -> Any:
    env = SimpleNamespace(**mkdocs_direct._DEFAULTS, globals={"m": _macro("m")})
    hooks: dict[str, list[Any]] = {"pre_macro_functions": [], "post_macro_functions": []}
    plugin = SimpleNamespace(env=env, config={"render_by_default": True}, variables={}, **hooks)
    for key, value in changes.items():
        target = env if hasattr(env, key) else plugin
        setattr(target, key, value)
    return plugin


def _page(**changes: Any) -> Any:
    return SimpleNamespace(**{"title": "A page", "meta": {}, **changes})


CALL = '{{ m("a") }}'
# why mkdocs-macros must render the page itself -> (the page's Markdown, page and plugin changes)
STEP_ASIDE: dict[str, tuple[str, dict[str, Any], dict[str, Any]]] = {
    "other delimiters": (CALL, {}, {"variable_start_string": "[["}),
    "kept newline": (CALL, {}, {"keep_trailing_newline": True}),
    "extension": (CALL, {}, {"extensions": {"x": object()}}),
    "autoescape": (CALL, {}, {"autoescape": True}),
    "finalize": (CALL, {}, {"finalize": str}),
    "line statements": (CALL, {}, {"line_statement_prefix": "#"}),
    "opt-in rendering": (CALL, {}, {"config": {"render_by_default": False}}),
    "pre hook": (CALL, {}, {"pre_macro_functions": [print]}),
    "post hook": (CALL, {}, {"post_macro_functions": [print]}),
    "macros variable": (CALL, {}, {"variables": {"m": 1}}),
    "page variable": (CALL, {"meta": {"m": 1}}, {}),
    "page decides": (CALL, {"meta": {"render_macros": True}}, {}),
    "title tag": (CALL, {"title": "{{ x }}"}, {}),
    "crlf": (CALL + "\r\n", {}, {}),
    "unknown macro": ('{{ n("a") }}', {}, {}),
    "not bindref's": (CALL, {}, {"globals": {"m": lambda *_: "x"}}),
    "raises": (CALL, {}, {"globals": {"m": _macro("m", error=ValueError("bug"))}}),
}


@pytest.mark.parametrize(("markdown", "page_changes", "plugin_changes"), STEP_ASIDE.values(), ids=STEP_ASIDE)
def test_the_plugin_leaves_to_mkdocs_macros_what_it_cannot_render_the_same(
    markdown: str, page_changes: dict[str, Any], plugin_changes: dict[str, Any]
) -> None:
    page = _page(**page_changes)
    meta = page.meta
    assert mkdocs_direct.expand(markdown, page, _macros_plugin(**plugin_changes)) is None
    assert page.meta is meta  # nothing told to mkdocs-macros


def test_an_expanded_page_is_marked_for_mkdocs_macros_then_given_back_its_metadata() -> None:
    page = _page(meta={"who": "x"})
    own = page.meta
    expanded = mkdocs_direct.expand('A {{ m("a", indent=2) }} B\n', page, _macros_plugin())
    assert expanded == "A OUT('a',){'indent': 2} B"  # one final newline dropped, as jinja2 does
    assert page.meta == {"who": "x", "render_macros": False}
    mkdocs_direct.restore(page)
    assert page.meta is own
    assert own == {"who": "x"}


def test_a_macro_sees_the_page_it_is_expanded_for() -> None:
    seen: list[Any] = []
    macro = _macro("m")
    env = SimpleNamespace(page="the previous page")

    def looking(*args: object) -> str:
        seen.append(mkdocs_direct.page_of(env))
        return str(macro(*args))

    setattr(looking, mkdocs_direct.MACRO_MARK, "m")
    page = _page()
    mkdocs_direct.expand('{{ m("a") }}', page, _macros_plugin(globals={"m": looking}))
    assert seen == [page]
    assert mkdocs_direct.page_of(env) == "the previous page"


def test_only_the_page_that_was_expanded_gets_metadata_back() -> None:
    expanded, other = _page(meta={"who": "a"}), _page(meta={"who": "b"})
    assert mkdocs_direct.expand(CALL, expanded, _macros_plugin()) is not None
    mkdocs_direct.restore(other)  # its build failed between the two steps, or it was never expanded
    assert other.meta == {"who": "b"}
    assert expanded.meta == {"who": "a", "render_macros": False}
    mkdocs_direct.restore(expanded)
    assert expanded.meta == {"who": "a"}
