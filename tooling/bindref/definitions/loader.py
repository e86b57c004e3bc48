"""Read ``binding_defs/`` statically with griffe: modules, classes, docstrings, names.

This is the only module that reads definitions (``sdk_python`` reads the Python
SDK). griffe finds each class and the attribute docstrings that become
descriptions (:mod:`bindref.definitions.docstrings`); the file's own syntax tree gives
exact lines; :mod:`bindref.definitions.raw` then reads the bindings. Nothing in
``binding_defs`` is ever imported or executed, so a definition cannot run code during a
docs build.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from bindref.core.cache import digest
from bindref.core.config import Settings, setting_line
from bindref.core.errors import BindrefError, ConfigError, DefinitionError, read_text_file
from bindref.core.extensions import PYPROJECT
from bindref.core.parallel import in_shards
from bindref.core.snapshot import kept
from bindref.definitions.docstrings import class_docstrings
from bindref.definitions.raw import RawBinding, binding_decorator, read_binding
from bindref.definitions.resolve import Resolved, remember, resolve_ahead
from bindref.definitions.scope import ClassInfo, DefinitionModule, DefinitionScope, LazyModules
from bindref.definitions.spec_imports import check_module_imports, helper_words


def load_raw_bindings(
    root: Path,
    definitions_dir: str,
    *,
    workers: int = 1,
    settings: Settings | None = None,
    files: list[Path] | None = None,
    alongside: Callable[[], object] | None = None,
) -> tuple[list[RawBinding], list[BindrefError]]:
    """Every binding class under ``root/definitions_dir`` plus every problem found.

    All files are read even after an error, so one run reports everything. With
    ``workers`` > 1 and enough files, the files are shared out in order between this
    process and forked ones (:mod:`bindref.core.parallel`): the result is the same,
    in the same order, as reading them one by one. With ``settings``, each part also
    resolves the bindings it read (:func:`bindref.definitions.resolve.resolve_ahead`), so
    that resolving, a third of the work, is shared out too. ``files`` are the ``*.py``
    files under the folder when the caller has listed them already. ``alongside`` is the
    caller's own work, done in this process while forked ones read (``first`` of
    :func:`bindref.core.parallel.in_shards`).
    """
    base = root / definitions_dir
    if not base.is_dir():
        problem = ConfigError(  # a setting (or the project root) is wrong, not a definition
            f"definitions folder '{definitions_dir}' does not exist",
            path=PYPROJECT if (root / PYPROJECT).is_file() else "",
            line=setting_line(root, "definitions"),
            hint="set [tool.bindref] definitions to the folder holding your binding modules",
        )
        return [], [problem]
    listed = base.rglob("*.py") if files is None else files
    files = sorted(path for path in listed if not path.is_dir())
    names = {_module_name(file, base): file for file in files}
    inputs = (root, definitions_dir, files, settings, names)
    parts = in_shards(read_part, inputs, len(files), workers, first=alongside)
    if settings is not None:  # resolved with these settings, in whichever process
        resolved = (entry for part in parts for entry in part.resolved)
        remember((raw, settings, binding, problems) for raw, _, binding, problems in resolved)
    errors = [error for part in parts for error in part.parse_errors]
    errors += [error for part in parts for error in part.import_errors]
    errors += [error for part in parts for error in part.read_errors]
    bindings = [binding for part in parts for binding in part.bindings]
    unique = {error.render(): error for error in errors}  # a shared base class fails once, not per binding
    return bindings, list(unique.values())


@dataclass(frozen=True, kw_only=True)
class Part:
    """What reading some of the files found, each list in file order."""

    parse_errors: list[BindrefError]
    import_errors: list[BindrefError]
    read_errors: list[BindrefError]
    bindings: list[RawBinding]
    resolved: list[Resolved]  # the bindings resolved, when the settings were given

    def __getstate__(self) -> dict[str, object]:
        """What a part read in a forked process sends back: resolved raw bindings slimmed down.

        Once resolved, a raw binding is only its place (path, class, extension, line) and the
        key of its resolved binding to the process that takes the part in; its fields and
        options, half the part's bytes, are left out. A part read without settings keeps them.
        """
        state = dict(self.__dict__)
        if self.resolved:
            slim = {id(raw): _slim(raw) for raw in self.bindings}
            state["bindings"] = [slim[id(raw)] for raw in self.bindings]
            state["resolved"] = [(slim.get(id(entry[0]), entry[0]), *entry[1:]) for entry in self.resolved]
        return state


def _slim(raw: RawBinding) -> RawBinding:
    return replace(raw, summary="", options={}, fields=(), declared_names=frozenset(), unreadable=frozenset())


# The root, the folder, its files, the settings and every file's import name.
_PartInputs = tuple[Path, str, list[Path], Settings | None, dict[str, Path]]


def read_part(inputs: _PartInputs, indexes: range) -> Part:
    """Read the files at ``indexes``; another module they name is parsed when first named."""
    root, definitions_dir, files, settings, names = inputs
    base = root / definitions_dir
    modules = LazyModules(names, lambda file: _parse_cached(file, file.relative_to(root).as_posix(), base))
    parse_errors: list[BindrefError] = []
    own: list[DefinitionModule] = []
    for index in indexes:
        file = files[index]
        relative = file.relative_to(root).as_posix()
        try:
            module = _parse_cached(file, relative, base)
        except BindrefError as error:
            parse_errors.append(error)
        except OSError as error:  # a broken symlink, a file without read permission
            parse_errors.append(
                DefinitionError("cannot be read", path=relative, hint=error.strerror or str(error))
            )
        else:
            modules.known(module)
            own.append(module)
    owners = {module.name: module for module in own}  # a later file of the same import name wins
    own = [module for module in own if owners[module.name] is module]
    scope = DefinitionScope(modules, folder=Path(definitions_dir).as_posix())
    read = [_read_module(module, scope) for module in own]
    bindings = [raw for module_bindings, _, _ in read for raw in module_bindings]
    return Part(
        parse_errors=parse_errors,
        import_errors=[error for _, import_errors, _ in read for error in import_errors],
        read_errors=[error for _, _, read_errors in read for error in read_errors],
        bindings=bindings,
        resolved=[] if settings is None else resolve_ahead(bindings, settings),
    )


def _module_parts(file: Path, base: Path) -> tuple[str, ...]:
    parts = file.relative_to(base).with_suffix("").parts
    return parts[:-1] if parts[-1] == "__init__" else parts


def _module_name(file: Path, base: Path) -> str:
    """The import name: the folder's last component, then the path (its parent is on sys.path)."""
    return ".".join((base.name, *_module_parts(file, base)))


# Parsed modules by file, for a live-preview server: a save re-parses only the saved file.
_PARSED: dict[Path, tuple[tuple[object, ...], DefinitionModule]] = {}


def _parse_cached(file: Path, relative: str, base: Path) -> DefinitionModule:
    data = kept(str(file))  # a check reads the bytes it hashed: they, not the file's state, are the version
    if data is not None:
        version: tuple[object, ...] = (data, relative)
    else:
        stat = file.stat()
        version = (stat.st_mtime_ns, stat.st_size, relative)
    cached = _PARSED.get(file)
    if cached is not None and cached[0] == version:
        return cached[1]
    module = _parse_module(file, relative, base)
    _PARSED[file] = (version, module)
    return module


# What each module's bindings read as, for a live-preview server: a save re-reads the saved
# module and the modules that import from it (directly or not), not every binding.
_Read = tuple[list[RawBinding], list[BindrefError], list[BindrefError]]  # bindings, import errors, others
_READ: dict[tuple[str, str], tuple[tuple[DefinitionModule, ...], _Read]] = {}


def _read_module(module: DefinitionModule, scope: DefinitionScope) -> _Read:
    """The bindings of ``module`` and their errors, re-read only when it or what it imports changed.

    A binding reads other modules only through imports (constants, base classes), so the
    parsed objects of the module and of everything it imports, transitively, are its inputs:
    :func:`_parse_cached` hands out a new object for a changed file, and an import that
    appears or goes away changes the tuple too.
    """
    closure = _imported(module, scope.modules)
    key = module.path, scope.folder  # the folder is in the hints
    cached = _READ.get(key)
    if cached is not None and len(cached[0]) == len(closure) and all(map(operator.is_, cached[0], closure)):
        return cached[1]
    binding_errors: list[BindrefError] = []
    source = digest(scope.folder, *(imported.digest for imported in closure))  # what they are read from
    bindings = [
        replace(read_binding(info, scope, binding_errors), source=f"{source}:{info.node.name}")
        for info in module.classes.values()
        if binding_decorator(info.node) is not None
    ]
    import_errors: list[BindrefError] = list(check_module_imports(module, scope.modules))
    result = bindings, import_errors, binding_errors
    _READ[key] = (closure, result)
    return result


def _imported(
    module: DefinitionModule, modules: Mapping[str, DefinitionModule]
) -> tuple[DefinitionModule, ...]:
    """``module`` and every definition module it imports from, transitively, in a fixed order."""
    seen = {module.name: module}
    todo = [module]
    while todo:
        for source, _ in todo.pop().imports.values():
            found = modules.get(source)
            if found is not None and source not in seen:
                seen[source] = found
                todo.append(found)
    return tuple(seen[name] for name in sorted(seen))


def _parse_module(file: Path, relative: str, base: Path) -> DefinitionModule:
    text = read_text_file(file, relative, DefinitionError)
    try:
        tree = ast.parse(text, filename=relative)
    except SyntaxError as error:
        where = f"column {error.offset}: " if error.offset else ""
        raise DefinitionError(
            f"syntax error: {error.msg}",
            path=relative,
            line=error.lineno or 1,
            hint=f"{where}a definition must be valid Python",
        ) from None
    module_name = _module_name(file, base)
    docstrings = class_docstrings(tree)
    parts = _module_parts(file, base)
    extension = parts[0] if len(parts) > 1 else ""
    module = DefinitionModule(name=module_name, path=relative, digest=digest(relative, text))
    module.helper_words, module.dotted_helper = helper_words(text)
    for statement in tree.body:
        _collect(statement, module, module_name)
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name in docstrings:
            docstring, fields = docstrings[node.name]
            module.classes[node.name] = ClassInfo(
                node=node,
                module=module.name,
                path=module.path,
                extension=extension,
                docstring=docstring,
                field_docstrings=fields,
            )
    return module


def _collect(statement: ast.stmt, module: DefinitionModule, module_name: str) -> None:
    """Record module-level constants and imports, which definitions may refer to."""
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target = statement.targets[0]
        if isinstance(target, ast.Name):
            module.constants[target.id] = statement.value
    elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) and statement.value:
        module.constants[statement.target.id] = statement.value
    elif isinstance(statement, ast.ImportFrom):
        source = _absolute_module(statement, module_name)
        for alias in statement.names:
            module.imports[alias.asname or alias.name] = (source, alias.name)
    elif isinstance(statement, ast.Import):  # ``import bindref.spec [as spec]``: the module itself
        for alias in statement.names:
            module.imports[alias.asname or alias.name] = (alias.name, "")


def _absolute_module(statement: ast.ImportFrom, module_name: str) -> str:
    if not statement.level:
        return statement.module or ""
    package = module_name.split(".")[: -statement.level]
    return ".".join([*package, *([statement.module] if statement.module else [])])
