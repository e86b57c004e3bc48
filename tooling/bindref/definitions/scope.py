"""The parsed definition modules and the names they share: constants and base classes.

A definition may name a constant or a base class written in another definition module;
:class:`DefinitionScope` follows those imports statically, with circles and unknown names
reported at the line that uses them.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bindref.core.errors import BindrefError
from bindref.definitions.literals import LiteralEvaluator

_ONE_HOME = "give it a literal value in one module, and import it from there"


@dataclass(frozen=True, kw_only=True)
class ClassInfo:
    """A class in a definition module, with the docstrings griffe found."""

    node: ast.ClassDef
    module: str
    path: str
    extension: str
    docstring: str
    field_docstrings: dict[str, str]


@dataclass(kw_only=True)
class DefinitionModule:
    """One parsed definition file: its classes, module-level constants and imports."""

    name: str
    path: str
    classes: dict[str, ClassInfo] = field(default_factory=dict)
    constants: dict[str, ast.expr] = field(default_factory=dict)
    imports: dict[str, tuple[str, str]] = field(default_factory=dict)  # local name -> (module, name)
    digest: str = ""  # of the file's path and text: what the module is made of
    # The helper names the text holds as words, and whether one may follow a dot: a module
    # whose words all resolve to bindref.spec, none dotted, needs no search for calls.
    helper_words: frozenset[str] = frozenset()
    dotted_helper: bool = True


class LazyModules(Mapping[str, DefinitionModule]):
    """The definition modules by import name, each parsed when first asked for.

    A part of the files read in its own process (:mod:`bindref.core.parallel`) finds a
    constant or base class imported from a file of another part here all the same. A file
    that fails to parse is absent, as when every file is read in one go (the part that
    owns it reports the error).
    """

    def __init__(self, files: Mapping[str, Path], parse: Callable[[Path], DefinitionModule]) -> None:
        self._files = files
        self._parse = parse
        self._parsed: dict[str, DefinitionModule | None] = {}

    def known(self, module: DefinitionModule) -> None:
        """A module already parsed by the caller."""
        self._parsed.setdefault(module.name, module)

    def _get(self, name: str) -> DefinitionModule | None:
        if name not in self._parsed:
            file = self._files.get(name)
            try:
                self._parsed[name] = None if file is None else self._parse(file)
            except (BindrefError, OSError):
                self._parsed[name] = None
        return self._parsed[name]

    def __getitem__(self, name: str) -> DefinitionModule:
        module = self._get(name) if isinstance(name, str) else None
        if module is None:
            raise KeyError(name)
        return module

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self._files and self._get(name) is not None

    def __iter__(self) -> Iterator[str]:
        return (name for name in self._files if self._get(name) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class DefinitionScope:
    """Resolves names across definition modules: constants and base classes."""

    def __init__(self, modules: Mapping[str, DefinitionModule], *, folder: str) -> None:
        self.modules = modules
        self.folder = folder  # the definitions folder as the settings name it, for hints
        self._resolving: set[tuple[str, str]] = set()

    def evaluator(self, module_name: str) -> LiteralEvaluator:
        """An evaluator for values written in ``module_name``."""
        module = self.modules[module_name]
        return LiteralEvaluator(
            path=module.path, resolve_name=lambda name, node: self._constant(module, name, node)
        )

    def _constant(self, module: DefinitionModule, name: str, node: ast.AST) -> Any:
        """The value ``name`` has in ``module``, following imports; errors point at ``node``."""
        here = LiteralEvaluator(path=module.path)  # ``node`` is in this module
        chain = [module.name]
        while name not in module.constants:
            source, original = module.imports.get(name, ("", ""))
            if source not in self.modules:
                raise here.fail(
                    node,
                    f"'{name}' is not a constant of this module or of another definition module",
                    f"define NAME = <literal> at module level, or import it from a module in {self.folder}",
                )
            if source in chain:
                circle = " -> ".join([*chain, source])
                raise here.fail(node, f"'{name}' is imported in a circle: {circle}", _ONE_HOME)
            chain.append(source)
            module, name = self.modules[source], original
        key = (module.name, name)
        if key in self._resolving:
            raise here.fail(node, f"constant '{name}' refers to itself", _ONE_HOME)
        self._resolving.add(key)
        try:
            return self.evaluator(module.name).evaluate(module.constants[name])
        finally:
            self._resolving.discard(key)

    def bases(self, info: ClassInfo) -> list[ClassInfo]:
        """The class's base classes that are definition classes, nearest first in MRO order."""
        module = self.modules[info.module]
        found: list[ClassInfo] = []
        for base in info.node.bases:
            if not isinstance(base, ast.Name) or base.id == "object":
                raise LiteralEvaluator(path=info.path).fail(
                    base,
                    f"base class '{ast.unparse(base)}' is not a definition class",
                    f"bases must be classes defined in {self.folder} (shared parameter sets)",
                )
            source, original = module.imports.get(base.id, (module.name, base.id))
            target = self.modules.get(source)
            if target is None or original not in target.classes:
                raise LiteralEvaluator(path=info.path).fail(
                    base,
                    f"base class '{base.id}' is not defined in {self.folder}",
                    f"import it from a module in {self.folder}, or define it in this file",
                )
            found.append(target.classes[original])
        return found
