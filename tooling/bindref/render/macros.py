"""The macros a docs page can call, independent of any site engine.

The MkDocs adapter registers these, and ``bindref check`` calls the very same
functions for every macro call it finds on a page, so a check renders exactly what
the site build renders.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING

from bindref.core.errors import BindrefError, RegionError
from bindref.render.filters import escape_prose, indent_block
from bindref.render.project import Project

if TYPE_CHECKING:  # made by Project.renderer, on first use
    from bindref.core.codes import Code
    from bindref.render.renderer import Renderer

# The overview, payload and codes macros import their modules when called, as Project imports
# the renderer: a site build whose pages all come from the cache loads none of them.

# Macros whose output depends on nothing but their arguments, the definitions, the templates,
# the settings and the samples they read: a site build may remember their calls (call_memo).
# The overviews also look for pages (a link is made to an extension's page only when it
# exists), the payload macro reads the SDKs, and the codes reference is bindref's own.
BINDING_MACROS = (
    "binding_summary",
    "binding_name",
    "binding_examples",
    "binding_reference",
    "binding_usage",
    "parameter_table",
    "snippet",
)
MACRO_NAMES = (
    *BINDING_MACROS,
    "finding_codes",
    "binding_payload",
    "extension_bindings",
    "extension_coverage",
    "extensions_overview",
)
# Macros that make a page the binding's reference page.
PAGE_MACROS = frozenset({"binding_reference", "parameter_table"})


def _nested(markdown: str, indent: int) -> str:
    """Indent every line after the first, for a call written inside a tab or list."""
    return indent_block(markdown, indent, first=False) if indent else markdown


def inputs_of(project: Project, macro: str, args: tuple[object, ...]) -> set[Path]:
    """The files a macro call's output depends on, for live preview.

    Falls back to every definition file when the binding cannot be resolved, so that
    fixing the error is itself noticed. A call that reads every definition also depends on
    the definition folders, whose change is a file added or removed (a new binding).
    """
    root = project.settings.root
    used = set(project.template_inputs())
    if macro == "snippet" and args:
        return used | {root / project.settings.samples / str(args[0])}
    if (
        macro in ("finding_codes", "extension_bindings", "extension_coverage", "extensions_overview")
        or not args
    ):
        return used | _every_definition(project)
    try:
        binding = project.binding(str(args[0]))
    except BindrefError:
        return used | _every_definition(project)
    used.add(root / binding.location.path)
    used.update(root / parameter.location.path for parameter in binding.parameters)
    used.update(root / ref.path for refs in binding.examples.values() for ref in refs)
    return used


def _every_definition(project: Project) -> set[Path]:
    base = project.settings.root / project.settings.definitions
    folders = [base, *(path for path in base.rglob("*") if path.is_dir())] if base.is_dir() else [base]
    return {*folders, *project.definition_files()}


class PageMacros:
    """The page macros of one project; each returns Markdown."""

    def __init__(self, project: Project) -> None:
        self.project = project

    def binding_summary(self, binding: str) -> str:
        """The definition's docstring: what the binding does."""
        return escape_prose(self.project.binding(binding).summary)

    def binding_name(self, binding: str, language: str) -> str:
        """The binding's name in one language, as inline code."""
        found = self.project.binding(binding)
        return f"`{found.names[self.project.language(language)]}`"

    def binding_examples(self, binding: str, indent: int = 0) -> str:
        """One tab per language with the sample regions the definition lists."""
        found = self.project.binding(binding)
        samples = [ref.path for refs in found.examples.values() for ref in refs]
        markdown = self.project.rendered(
            "examples", (found.key,), samples, lambda: self.project.renderer.examples(found), found
        )
        return _nested(markdown, indent)

    def binding_reference(self, binding: str, indent: int = 0) -> str:
        """One tab per language: Attributes, Annotations, Decorators or Configuration."""
        found = self.project.binding(binding)
        markdown = self.project.rendered(
            "reference", (found.key,), (), lambda: self.project.renderer.reference(found), found
        )
        return _nested(markdown, indent)

    def binding_usage(self, binding: str, indent: int = 0) -> str:
        """One tab per language with how the function receives the value."""
        found = self.project.binding(binding)
        markdown = self.project.rendered(
            "usage", (found.key,), (), lambda: self.project.renderer.usage(found), found
        )
        return _nested(markdown, indent)

    def parameter_table(self, binding: str, language: str, indent: int = 0) -> str:
        """The reference table of one binding in one language."""
        found, lang = self.project.binding(binding), self.project.language(language)
        markdown = self.project.rendered(
            "table",
            (found.key, lang.value),
            (),
            lambda: self.project.renderer.parameter_table(found, lang),
            found,
        )
        return _nested(markdown, indent)

    def snippet(
        self,
        path: str,
        region: str | None = None,
        indent: int = 0,
        title: str | None = None,
        *,
        referenced_from: tuple[str, int] | None = None,
    ) -> str:
        """A named region (or a whole file) of a sample, under the samples folder.

        ``referenced_from`` (the page and line of the call, known to ``bindref check``)
        locates errors about the reference at the call rather than in the sample.
        """
        samples = self.project.settings.samples
        if PurePosixPath(path).is_absolute() or PureWindowsPath(path).anchor:
            raise RegionError(
                f"path '{path}' is absolute", hint=f"make it relative to the samples folder '{samples}'"
            )
        if ".." in PurePosixPath(path.replace("\\", "/")).parts:
            raise RegionError(
                f"path '{path}' must not contain '..'", hint="samples must be inside the repository"
            )
        sample = f"{samples}/{path}"
        code = self.project.rendered(
            "snippet",
            (sample, region, title),
            (sample,),  # unreadable: rendered anew, so the error points at the page that asked
            lambda: self.project.renderer.snippet(
                sample, region, title=title, referenced_from=referenced_from
            ),
        )
        return _nested(code, indent)

    def binding_payload(self, binding: str, csharp: str = "", java: str = "", indent: int = 0) -> str:
        """One tab per language with the fields of the data the binding carries."""
        from bindref.render.payload import payload_tabs  # noqa: PLC0415  # see the imports

        names = {key: value for key, value in (("csharp", csharp), ("java", java)) if value}
        return _nested(payload_tabs(self.project, self.project.binding(binding), names), indent)

    def extension_bindings(self, extension: str) -> str:
        """Every binding of an extension with its name in each language."""
        from bindref.render.overview import bindings_table  # noqa: PLC0415  # see the imports

        return bindings_table(self.project, extension)

    def extensions_overview(self, page: str = "index.md") -> str:
        """Every extension with its bindings, linked to its overview page (from ``page``)."""
        from bindref.render.overview import extensions_table  # noqa: PLC0415  # see the imports

        return extensions_table(self.project, page)

    def extension_coverage(self, extension: str) -> str:
        """The binding x language example matrix of an extension."""
        from bindref.render.overview import coverage_table  # noqa: PLC0415  # see the imports

        return coverage_table(self.project, extension)

    def finding_codes(self) -> str:
        """Every ``bindref check`` finding code with its meaning, an example and its fix."""
        return finding_codes_markdown(self.project.renderer)


def finding_codes_markdown(renderer: Renderer) -> str:
    """The check-codes reference, rendered from the one catalog in :mod:`bindref.core.codes`."""
    from bindref.core.codes import CODES  # noqa: PLC0415  # see the imports

    codes = [(code, _exit_note(code)) for code in CODES.values()]
    return renderer.render_template("finding_codes.md.j2", None, codes=codes)


def _exit_note(code: Code) -> str:
    """What a finding of ``code`` does to the exit code of ``bindref check``."""
    from bindref.core.codes import Severity  # noqa: PLC0415  # see the imports

    if code.broken_input:
        return "exit 3"
    return "exit 1" if code.severity is Severity.ERROR else "no exit"
