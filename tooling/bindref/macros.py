"""The mkdocs-macros adapter: registers bindref's macros, and does nothing else.

Load it from ``mkdocs.yml``::

    plugins:
      - macros:
          modules: [bindref.macros]
          on_undefined: strict
          on_error_fail: true

Every macro returns Markdown that is complete on its own (whole tab groups), and
takes ``indent`` for the rare call placed inside a tab or list by hand: the first
line inherits the call's position, the rest are indented by ``indent`` spaces.

A bindref error is logged as an MkDocs error (``page: path:line: problem (hint)``,
no traceback), which fails a ``--strict`` build, and the page gets a visible error
box in its place.
"""

from __future__ import annotations

import functools
import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from bindref.errors import BindrefError
from bindref.filters import code_span, indent_block
from bindref.project import Project

log = logging.getLogger("mkdocs.plugins.bindref")
_Macro = TypeVar("_Macro", bound=Callable[..., str])


def error_box(error: BindrefError) -> str:
    """A Material admonition that shows the problem where the content should be."""
    lines = html.escape(error.render(), quote=False).splitlines()
    body = "\n".join(f"    {code_span(line)}  " for line in lines)
    return f'!!! failure "bindref could not render this"\n\n{body}\n'


def define_env(env: Any) -> None:
    """Called by mkdocs-macros once per build; ``env.project_dir`` holds mkdocs.yml."""
    project = Project.at(Path(env.project_dir))

    def reported(macro: _Macro) -> _Macro:
        @functools.wraps(macro)
        def guarded(*args: Any, **kwargs: Any) -> str:
            try:
                return macro(*args, **kwargs)
            except BindrefError as error:
                page = env.page.file.src_path if getattr(env, "page", None) else "?"
                log.error("bindref: %s: %s", page, error.render().replace("\n", "\n  "))
                return error_box(error)

        env.macro(guarded)
        return guarded  # type: ignore[return-value]  # same signature, wrapped

    def nested(markdown: str, indent: int) -> str:
        return indent_block(markdown, indent, first=False) if indent else markdown

    @reported
    def binding_summary(binding: str) -> str:
        """The definition's docstring: what the binding does."""
        return project.binding(binding).summary

    @reported
    def binding_name(binding: str, language: str) -> str:
        """The binding's name in one language, as inline code."""
        found = project.binding(binding)
        return f"`{found.names[project.language(language)]}`"

    @reported
    def binding_examples(binding: str, indent: int = 0) -> str:
        """One tab per language with the sample regions the definition lists."""
        return nested(project.renderer.examples(project.binding(binding)), indent)

    @reported
    def binding_reference(binding: str, indent: int = 0) -> str:
        """One tab per language: Attributes, Annotations, Decorators or Configuration."""
        return nested(project.renderer.reference(project.binding(binding)), indent)

    @reported
    def binding_usage(binding: str, indent: int = 0) -> str:
        """One tab per language with how the function receives the value."""
        return nested(project.renderer.usage(project.binding(binding)), indent)

    @reported
    def parameter_table(binding: str, language: str, indent: int = 0) -> str:
        """The reference table of one binding in one language."""
        table = project.renderer.parameter_table(project.binding(binding), project.language(language))
        return nested(table, indent)

    @reported
    def snippet(path: str, region: str | None = None, indent: int = 0, title: str | None = None) -> str:
        """A named region (or a whole file) of a sample, under the samples folder."""
        relative = f"{project.settings.samples}/{path}"
        return nested(project.renderer.snippet(relative, region, title=title), indent)
