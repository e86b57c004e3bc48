"""One project's pipeline: settings -> definitions -> catalog -> renderer.

The CLI, the MkDocs macros and the checks all go through :class:`Project`, so they load,
resolve and render the same way. It re-reads the catalog only when a definition file changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from bindref.core.cache import Cache, digest, file_contents
from bindref.core.config import Settings, load_settings
from bindref.core.errors import BindrefError, NotFoundError, choices_hint, raise_all
from bindref.render.fingerprints import fingerprint
from bindref.render.template_paths import OUTPUTS, PACKAGED_TEMPLATES, SITE
from bindref.samples.regions import SampleReader

if TYPE_CHECKING:  # imported where used: a build whose calls are all remembered needs none of them
    from bindref.core.model import Binding, Catalog
    from bindref.languages import Language
    from bindref.render.renderer import Renderer

_Signature = tuple[tuple[str, int, int], ...]
# The cache kind that marks a state of the definitions whose catalog has no problems: a tiny
# pack, so a build that needs no catalog can tell that no extension failed without reading one.
CLEAN_CATALOGS = "clean-catalogs"


def _is_true(value: object) -> bool:
    return value is True


def _valid_catalog(value: object) -> bool:
    """A catalog read back from the cache: bindings by their own keys, no problems."""
    from bindref.core.model import Binding, Catalog  # noqa: PLC0415  # see TYPE_CHECKING

    return (
        isinstance(value, Catalog)
        and not value.problems
        and isinstance(value.bindings, dict)
        and all(isinstance(b, Binding) and b.key == key for key, b in value.bindings.items())
    )


class Project:
    """Loads and renders the bindings of the project rooted at ``settings.root``."""

    def __init__(
        self, settings: Settings, *, use_cache: bool = True, workers: int = 1, live: bool = False
    ) -> None:
        self.settings = settings
        # Processes that may read definitions at once (forked): only a single-threaded caller,
        # the CLI, asks for more than one (see bindref.core.parallel).
        self.workers = workers
        # A live-preview server reads its first catalog through the loader, not the cache, so that
        # the loader's in-memory memos are warm and a save re-reads only the modules it touches.
        self.live = live
        self.cache = Cache.for_project(settings.root, repr(settings), use=use_cache)
        self.reader = SampleReader(settings.root, settled=not live)  # a live server reads a save at once
        self._renderer: Renderer | None = None
        self._catalog: Catalog | None = None
        self._catalog_key = ""  # the cache key of what _catalog was built from
        self._signature: _Signature = ()
        self._definition_files: list[Path] | None = None
        self._definitions_key = ""  # a digest of every definition file, as they were at _key_signature
        self._key_signature: _Signature = ()
        self._template_signature: _Signature = self._templates_signature()
        self._inputs_key = ""  # a digest of every definition and template file: what any page reads
        self._templates_key = ""  # a digest of every template file
        self._binding_keys: dict[str, tuple[Binding, str]] = {}  # a digest while the same object

    @classmethod
    def at(cls, root: Path, *, use_cache: bool = True, workers: int = 1, live: bool = False) -> Project:
        """The project at ``root``, with its ``[tool.bindref]`` settings."""
        return cls(load_settings(root.resolve()), use_cache=use_cache, workers=workers, live=live)

    def loaded_signature(self) -> tuple[_Signature, _Signature]:
        """Each definition and template file (path, mtime, size) as it was when last read."""
        return self._signature, self._template_signature

    def refresh(self) -> None:
        """Forget what changed on disk since it was loaded: the catalog, the templates.

        Called once per build or check (not per lookup); it stats every definition and
        template file (the reader re-reads edited samples itself).
        """
        self._definition_files = None
        if self._catalog is not None or self._definitions_key:
            now = self._definitions_signature()
            if now != self._signature:
                self._catalog = None
            if now != self._key_signature:
                self._definitions_key = self._inputs_key = ""
        templates = self._templates_signature()
        if templates != self._template_signature:
            self._renderer = None
            self._template_signature = templates
            self._inputs_key = ""
            self._templates_key = ""
        self.reader.refresh()

    @property
    def renderer(self) -> Renderer:
        """The renderer of the current templates, made on first use.

        Made lazily, as are the definition loader's imports, so that a command that finds
        its answer in the cache (a remembered check) never loads jinja2 or griffe.
        """
        if self._renderer is None:
            from bindref.render.renderer import Renderer  # noqa: PLC0415  # see the docstring

            self._renderer = Renderer(self.settings, self.reader)
        return self._renderer

    def template_files(self) -> list[Path]:
        """Every template any output may be rendered with: project overrides and packaged ones."""
        override = self.settings.root / self.settings.templates
        folders = [folder for folder in (override, PACKAGED_TEMPLATES) if folder.is_dir()]
        return sorted(file for folder in folders for file in folder.rglob("*.j2"))

    def template_inputs(self) -> list[Path]:
        """What a site page depends on, for preview: the override folders and site templates.

        The folders make a newly added override noticed; Learn and scaffold templates never
        change a page (an override outside any output folder is an error until it is moved).
        """
        override = self.settings.root / self.settings.templates
        folders = (
            [override, *(p for p in override.rglob("*") if p.is_dir())] if override.is_dir() else [override]
        )
        others = [output for output in OUTPUTS if output != SITE]
        elsewhere = [base / output for base in (override, PACKAGED_TEMPLATES) for output in others]
        site = [file for file in self.template_files() if not any(map(file.is_relative_to, elsewhere))]
        return [*folders, *site]

    def definition_files(self) -> list[Path]:
        """Every definition module, as listed at the last :meth:`refresh` (or the first call)."""
        if self._definition_files is None:
            base = self.settings.root / self.settings.definitions
            self._definition_files = sorted(base.rglob("*.py")) if base.is_dir() else []
        return list(self._definition_files)

    def _templates_signature(self) -> _Signature:
        return tuple((str(f), *fingerprint(f)) for f in self.template_files())

    def catalog(self, *, alongside: Callable[[], object] | None = None) -> Catalog:
        """Every binding of every extension that loads; raises a problem that no extension owns.

        Each extension is resolved on its own: one with a definition error keeps its errors in
        ``Catalog.problems`` (raised by :meth:`binding` for its pages) and no bindings, and
        every other extension is unaffected. ``alongside`` is the caller's work that needs no
        catalog, done in this process while forked ones read definitions, if they are read
        (see :func:`bindref.definitions.loader.load_raw_bindings`).
        """
        if self._catalog is None:
            signature = self._definitions_signature()
            files = self.definition_files()
            # a live server's reloads are not cached: hashing every file costs more than the reload
            key = "" if self.live and self._signature else self.cache.key("catalog", self.definitions_key())
            catalog: Catalog | None = None if self.live else self.cache.get("catalog", key, _valid_catalog)
            if catalog is None:
                from bindref.render.project_catalog import load_catalog  # noqa: PLC0415

                catalog = load_catalog(self.settings, files, workers=self.workers, alongside=alongside)
                if key and not catalog.problems:  # errors are raised anew each time, never replayed
                    self.cache.put("catalog", key, catalog)
            if key and not catalog.problems and not self.cache.get(CLEAN_CATALOGS, key, _is_true):
                self.cache.put(CLEAN_CATALOGS, key, True)
            self._catalog = catalog
            self._catalog_key = key
            self._signature = signature
            self._inputs_key = ""
        return self._catalog

    def catalog_key(self, catalog: Catalog) -> str:
        """A key for what ``catalog`` (this project's, or a part of it) was built from, to cache by.

        '' for any other catalog (one made up in code, or one from before a refresh).
        """
        own = self._catalog
        if (
            own is None
            or any(own.bindings.get(key) is not b for key, b in catalog.bindings.items())
            or any(own.problems.get(key) is not p for key, p in catalog.problems.items())
        ):
            return ""
        return digest(self._catalog_key, repr(list(catalog.bindings)), repr(list(catalog.problems)))

    def rendered(  # the call, what it reads, and how to make it
        self,
        macro: str,
        arguments: Iterable[object],
        samples: Iterable[str],
        produce: Callable[[], str],
        binding: Binding | None = None,
    ) -> str:
        """The Markdown of one macro call, rendered once per content of what it reads.

        The key is the call, the text of the ``samples`` it shows, every template file, and
        either the resolved ``binding`` the call renders (the renderer reads nothing else of
        the definitions: what another module defines is resolved into it) or, for a call
        without one, every definition file. So one edited definition leaves the other
        bindings' entries valid. A sample that cannot be read, or a call that fails, is
        rendered every time, so its error is raised.
        """
        try:
            texts = [self.reader.text(path) for path in samples]
        except BindrefError:
            return produce()
        inputs = self.inputs_key() if binding is None else self._binding_inputs(binding)
        key = self.cache.key("render", inputs, macro, repr(tuple(arguments)), *texts)
        found: str | None = self.cache.get("render", key, lambda value: isinstance(value, str))
        if found is None:
            found = produce()
            self.cache.put("render", key, found)
        return found

    def _binding_inputs(self, binding: Binding) -> str:
        """The templates and what decides the binding: its source files, else its ``repr``."""
        known = self._binding_keys.get(binding.key)
        if known is None or known[0] is not binding:
            known = (binding, binding.source or digest(repr(binding)))
            self._binding_keys[binding.key] = known
        return digest("binding", self._templates(), known[1])

    def inputs_key(self) -> str:
        """Every definition file and the templates: what a call that shows no one binding reads."""
        if not self._inputs_key:
            self._inputs_key = digest("definitions", self._templates(), self.definitions_key())
        return self._inputs_key

    def definitions_key(self) -> str:
        """A digest of every definition file's path and bytes, made once per state of the folder.

        The catalog's cache key and :meth:`inputs_key` share it, so a build reads each
        definition file once to know whether anything changed.
        """
        if not self._definitions_key:
            self._key_signature = self._definitions_signature()
            self._definitions_key = digest(*file_contents(self.definition_files()))
        return self._definitions_key

    def catalog_problems(self) -> Mapping[str, tuple[BindrefError, ...]]:
        """The definition errors by extension, without reading a catalog known to have none.

        A build whose every call was answered by :mod:`bindref.render.call_memo` read no
        catalog; an earlier run marked this state of the definitions (and settings, and
        bindref) problem-free, so there is nothing to report. Otherwise the catalog is read.
        """
        if self._catalog is None and not self.live:
            key = self.cache.key("catalog", self.definitions_key())
            if self.cache.get(CLEAN_CATALOGS, key, _is_true):
                return {}
        return self.catalog().problems

    def _templates(self) -> str:
        if not self._templates_key:
            self._templates_key = digest(*file_contents(self.template_files()))
        return self._templates_key

    def extension_problems(self, extension: str) -> None:
        """Raise the definition errors of ``extension``, if it has any."""
        raise_all(self.catalog().problems.get(extension, ()))

    def raise_problems(self) -> None:
        """Raise the definition errors of every extension that failed to load."""
        raise_all(self.catalog().errors())

    def binding(self, reference: str) -> Binding:
        """A binding by key (``openai/assistantPost``) or unambiguous type string."""
        catalog = self.catalog()
        if "/" in reference:
            self.extension_problems(reference.split("/", 1)[0])
        found = catalog.find(reference)
        if found is None:
            self.raise_problems()  # it may be a binding of an extension that failed to load
            raise NotFoundError(
                f"no binding '{reference}'",
                hint=choices_hint(reference, catalog.bindings, noun="bindings"),
            )
        return found

    @staticmethod
    def language(key: str) -> Language:
        """A language by key, with the valid keys in the error."""
        from bindref.languages import Language  # noqa: PLC0415  # see TYPE_CHECKING

        try:
            return Language(key)
        except ValueError:
            raise NotFoundError(
                f"unknown language '{key}'",
                hint=choices_hint(key, (lang.value for lang in Language), noun="languages"),
            ) from None

    def _definitions_signature(self) -> _Signature:  # a broken file is a state of it, not a crash
        return tuple((str(f), *fingerprint(f)) for f in self.definition_files())
