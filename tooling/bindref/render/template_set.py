"""The templates of one project: packaged defaults under a project override folder that wins.

Templates are grouped by output (:data:`OUTPUTS`): ``site/`` for the docs pages, ``learn/``
for the Microsoft Learn export, ``scaffold/`` for ``bindref new``. Each output has
``_default/`` and a folder per language where a language differs (the profile's
``template_dir``); a project's override folder mirrors the same layout and wins (a
:class:`jinja2.ChoiceLoader`). An override left outside those folders (the old flat layout,
``<overrides>/python/parameter_table.md.j2``) would never be read, so it is an error that
names the file's new place.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2

from bindref.core.config import Settings
from bindref.core.errors import BindrefError, TemplateError, raise_all
from bindref.languages import PROFILES, Language
from bindref.render.filters import (
    code_cell,
    code_span,
    escape_cell,
    escape_prose,
    indent_block,
    tab_label,
)
from bindref.render.tables import requirement
from bindref.render.template_errors import template_error, template_errors
from bindref.render.template_paths import LEARN, OUTPUTS, PACKAGED_TEMPLATES, SITE

DEFAULT_DIR = "_default"
# Old-layout names whose new place is not simply ``site/<name>``.
_MOVED = {"_default/learn_page.md.j2": f"{LEARN}/{DEFAULT_DIR}/page.md.j2"}
# Compiled templates of this process by (template, file), with the checksum of their source:
# a new TemplateSet (a test's project, a live-preview rebuild) compiles only what changed.
_COMPILED: dict[str, tuple[str, CodeType]] = {}


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's bytecode cache kept in memory, so each template source is compiled once per process.

    Jinja keys a bucket by template name and file and rejects it when the source's checksum
    differs, so an edited template is compiled anew, never served stale.
    """

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        found = _COMPILED.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is not None:
            _COMPILED[bucket.key] = (bucket.checksum, bucket.code)


class _Environment(jinja2.Environment):
    """A jinja environment whose templates see their globals as one plain dict.

    Jinja layers a template's globals over the environment's in a ``ChainMap``, which every
    render copies key by key into the new context; ours never change after the environment
    is set up, so one merged dict renders the same and costs a fraction of the time.
    """

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}


class TemplateSet:
    """Selects and renders templates by output, language and name; one per project build."""

    def __init__(self, settings: Settings) -> None:
        self.override_dir = settings.root / settings.templates
        self._override_label = settings.templates
        loaders: list[jinja2.BaseLoader] = []
        if self.override_dir.is_dir():
            loaders.append(jinja2.FileSystemLoader(self.override_dir))
        loaders.append(jinja2.FileSystemLoader(PACKAGED_TEMPLATES))
        self.env = _Environment(
            loader=jinja2.ChoiceLoader(loaders),
            bytecode_cache=_CompiledTemplates(),
            undefined=jinja2.StrictUndefined,
            autoescape=False,  # Markdown output; cells are escaped by escape_cell
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            auto_reload=False,  # templates do not change during a run; a new Project picks up edits
            cache_size=-1,  # a plain dict: a project has a few dozen templates, looked up per render
        )
        self.env.filters.update(
            cell=escape_cell,
            code=code_span,
            code_cell=code_cell,
            indent_block=indent_block,
            tab_label=tab_label,
            prose=escape_prose,
            requirement=requirement,
        )
        folders = [folder for folder in (self.override_dir, PACKAGED_TEMPLATES) if folder.is_dir()]
        self._sources = [file for folder in folders for file in sorted(folder.rglob("*.j2"))]
        self._templates: dict[tuple[str, str, Language | None], tuple[list[str], jinja2.Template]] = {}
        self.misplaced: list[BindrefError] = self._misplaced_overrides()

    def render(self, output: str, template_name: str, language: Language | None, **context: Any) -> str:
        """Render ``output``/``template_name``: the language's own template if any, else ``_default``."""
        raise_all(self.misplaced)
        try:  # no context manager: this runs for every table, tab and code block of a page
            candidates, template = self._templates[output, template_name, language]
        except KeyError:
            candidates = self.candidates(output, template_name, language)
            with template_errors(candidates, context, self.where, self._sources):
                template = self.env.select_template(candidates)
            self._templates[output, template_name, language] = (candidates, template)
        try:
            return template.render(context).strip("\n")
        except Exception as error:  # a template is user code: any failure is its error
            raise template_error(error, candidates, context, self.where, self._sources) from None

    def prepare(self, output: str, languages: Iterable[Language]) -> None:
        """Compile every template of ``output`` for ``languages`` now, as :meth:`render` would on first use.

        A check does it before its pages are shared out between processes, so that each does
        not compile them again. A template that does not load is left to :meth:`render`,
        which says what is wrong with it, where.
        """
        if self.misplaced:
            return
        listed = self.env.list_templates(extensions=["j2"])
        names = sorted({name.rsplit("/", 1)[-1] for name in listed if name.startswith(f"{output}/")})
        for name in names:
            for language in (None, *languages):
                if (output, name, language) in self._templates:
                    continue
                candidates = self.candidates(output, name, language)
                try:
                    template = self.env.select_template(candidates)
                except (jinja2.TemplateError, UnicodeDecodeError, OSError):
                    continue  # render reports it, with its place
                self._templates[output, name, language] = (candidates, template)

    def source_of(self, output: str, template_name: str, language: Language | None) -> str:
        """The file ``render`` would use, as the user knows it (for errors about its output)."""
        candidates = self.candidates(output, template_name, language)
        with template_errors(candidates, {}, self.where, self._sources):
            return self.where(self.env.select_template(candidates).filename)

    @staticmethod
    def candidates(output: str, template_name: str, language: Language | None) -> list[str]:
        """Template names to try, most specific first: ``site/python/x``, ``site/_default/x``."""
        folders = [DEFAULT_DIR] if language is None else [PROFILES[language].template_dir, DEFAULT_DIR]
        return [f"{output}/{folder}/{template_name}" for folder in folders]

    def where(self, filename: str | None) -> str:
        """A template's path as the user knows it: under the overrides folder, or packaged."""
        if not filename:
            return ""
        file = Path(filename)
        for base, label in (
            (self.override_dir, self._override_label),
            (PACKAGED_TEMPLATES, "bindref/render/templates"),
        ):
            if file.is_relative_to(base):
                return f"{label}/{file.relative_to(base).as_posix()}"
        return file.as_posix()

    def _misplaced_overrides(self) -> list[BindrefError]:
        """Override files that would never be used, each a located error.

        Those outside ``site/``, ``learn/`` and ``scaffold/`` name their new place; those that
        are not a readable file (a broken symlink, a folder) would be skipped by jinja.
        """
        if not self.override_dir.is_dir():
            return []
        errors: list[BindrefError] = []
        for file in sorted(self.override_dir.rglob("*.j2")):
            parts = file.relative_to(self.override_dir).parts
            if not file.is_file():  # jinja would skip it and use the packaged one, in silence
                errors.append(_unreadable(file, self.where(str(file))))
                continue
            if parts[0] in OUTPUTS:
                continue
            old = "/".join(parts)
            in_site = (SITE, *parts) if len(parts) > 1 else (SITE, DEFAULT_DIR, old)
            new_place = _MOVED.get(old) or "/".join(in_site)
            errors.append(
                TemplateError(
                    "template override is outside site/, learn/ and scaffold/, so it would never be used",
                    path=self.where(str(file)),
                    hint=f"move it to {self._override_label}/{new_place}",
                )
            )
        return errors


def _unreadable(file: Path, where: str) -> TemplateError:
    """A ``*.j2`` override that is not a file: a broken symlink, a folder."""
    problem = "Is a directory" if file.is_dir() else "not a regular file"
    try:
        file.stat()
    except OSError as error:  # a broken symlink: No such file or directory
        problem = error.strerror or str(error)
    return TemplateError("template cannot be read", path=where, hint=problem)
