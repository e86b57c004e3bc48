r"""Pages whose only template syntax is bindref macro calls, expanded without a jinja2 template.

mkdocs-macros turns every page into a jinja2 template (lexer, parser, code generator and
Python's ``compile``) before it renders it: for a page of a few macro calls that is two
thirds of the page's time in the macros plugin, and most of bindref's cost in a build.
Such a page renders to its own text with each call replaced by what the call returns, so
the bindref plugin does that itself, with the very functions mkdocs-macros registered, and
marks the page ``render_macros: false`` so mkdocs-macros leaves it as it is.

It does so only where the result is the one mkdocs-macros would give, and hands the page
to mkdocs-macros otherwise:

- only known plugins (another one's page hook might expect the macro source), the default
  jinja2 delimiters and settings, no ``on_pre_page_macros``/``on_post_page_macros`` hooks;
- every ``{{``, ``{%`` and ``{#`` of the page is a call ``{{ name(...) }}`` of a bindref
  macro whose arguments are plain strings or whole numbers, no page or macros variable
  shadows the name, and the title has no template syntax;
- a call that raises anything but a bindref error (which the macro shows as a box itself).

jinja2 drops one newline at the end of a template; so does this. Line endings other than
``\n`` send the page to mkdocs-macros (jinja2 rewrites them).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from bindref.render.page_calls import TAG_START, split_calls

# Plugins whose page hooks are known: none reads a page's Markdown but bindref's and
# mkdocs-macros' own, and each is right when one page is built on its own (mkdocs_refresh).
KNOWN_PLUGINS = frozenset({"bindref", "macros", "search", "material/search"})

# What mkdocs-macros passes to jinja2 when its ``j2_*`` options are left empty.
_DEFAULTS = {
    **{"variable_start_string": "{{", "block_start_string": "{%", "comment_start_string": "{#"},
    **{"variable_end_string": "}}", "block_end_string": "%}", "comment_end_string": "#}"},
    **{"line_statement_prefix": None, "line_comment_prefix": None, "finalize": None},
    **{"keep_trailing_newline": False, "autoescape": False, "newline_sequence": "\n", "extensions": {}},
}

MACRO_MARK = "bindref_macro"  # the attribute hosts.mkdocs_macros sets on each macro: its name
_EXPANDING: list[Any] = []  # the page being expanded here, which mkdocs-macros does not know yet
# id of a page told ``render_macros: false`` -> the page (so the id is never reused) and its meta
_MARKED: dict[int, tuple[Any, dict[str, Any]]] = {}


def page_of(env: Any) -> Any:
    """The page a macro is called for: the one expanded here, else mkdocs-macros' ``env.page``."""
    return _EXPANDING[-1] if _EXPANDING else getattr(env, "page", None)


@contextlib.contextmanager
def _rendering(page: Any) -> Iterator[None]:
    _EXPANDING.append(page)
    try:
        yield
    finally:
        _EXPANDING.pop()


def expand(markdown: str, page: Any, macros: Any) -> str | None:
    """The page rendered as mkdocs-macros would, or ``None`` when it must render it itself.

    ``macros`` is the mkdocs-macros plugin of this build; ``page`` is MkDocs' page.
    """
    if not _plain(macros) or _has_tag(page.title) or "\r" in markdown:
        return None
    meta = page.meta or {}
    if "render_macros" in meta:  # the page decides itself
        return None
    parts = split_calls(markdown[:-1] if markdown.endswith("\n") else markdown)
    if parts is None:
        return None
    shadowed = set(macros.variables) | set(meta)
    functions = macros.env.globals
    if any(
        name in shadowed or getattr(functions.get(name), MACRO_MARK, None) != name for name, *_ in parts[1]
    ):
        return None
    out = [parts[0][0]]
    with _rendering(page):
        for (name, args, kwargs), text in zip(parts[1], parts[0][1:], strict=True):
            try:
                out.append(str(functions[name](*args, **kwargs)))
            except Exception:  # mkdocs-macros reports it its own way: let it
                return None
            out.append(text)
    _MARKED[id(page)] = page, meta
    page.meta = {**meta, "render_macros": False}
    return "".join(out)


def restore(page: Any) -> None:
    """The page's own metadata back once mkdocs-macros is done (themes read it: Material does)."""
    marked = _MARKED.get(id(page))
    if marked is not None and marked[0] is page:
        del _MARKED[id(page)]
        page.meta = marked[1]


def _plain(macros: Any) -> bool:
    """mkdocs-macros with jinja2 as this module reads pages, and nothing that runs around a page."""
    env = macros.env
    options = macros.config
    return (
        all(getattr(env, key) == value for key, value in _DEFAULTS.items())
        and options.get("render_by_default", True)
        and not macros.pre_macro_functions
        and not macros.post_macro_functions
    )


def _has_tag(text: object) -> bool:
    return isinstance(text, str) and TAG_START.search(text) is not None
