"""Read ``binding_defs/`` statically with griffe: modules, classes, docstrings, names.

This is the only module that reads definitions (``sdk_python`` reads the Python
SDK). griffe finds each class and the attribute docstrings that become
descriptions; the file's own syntax tree gives exact lines; :mod:`bindref.definitions.raw`
then reads the bindings. Nothing in ``binding_defs`` is ever imported or executed,
so a definition cannot run code during a docs build.
"""

from __future__ import annotations

import ast
import logging
import operator
from pathlib import Path

import griffe

from bindref.core.cache import Cache
from bindref.core.config import setting_line
from bindref.core.errors import BindrefError, ConfigError, DefinitionError, read_text_file
from bindref.core.extensions import PYPROJECT
from bindref.definitions.raw import RawBinding, binding_decorator, read_binding
from bindref.definitions.scope import ClassInfo, DefinitionModule, DefinitionScope
from bindref.definitions.spec_imports import check_module_imports

# griffe logs (for example) unresolvable annotations; we report our own errors instead.
logging.getLogger("griffe").setLevel(logging.ERROR)


def load_raw_bindings(
    root: Path, definitions_dir: str, cache: Cache | None = None
) -> tuple[list[RawBinding], list[BindrefError]]:
    """Every binding class under ``root/definitions_dir`` plus every problem found.

    All files are read even after an error, so one run reports everything. ``cache`` keeps
    what griffe found per file content (the slow part of reading a definition).
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
    errors: list[BindrefError] = []
    modules: dict[str, DefinitionModule] = {}
    for file in sorted(path for path in base.rglob("*.py") if not path.is_dir()):
        relative = file.relative_to(root).as_posix()
        try:
            module = _parse_cached(file, relative, base, cache or Cache(None))
        except BindrefError as error:
            errors.append(error)
        except OSError as error:  # a broken symlink, a file without read permission
            errors.append(DefinitionError("cannot be read", path=relative, hint=error.strerror or str(error)))
        else:
            modules[module.name] = module
    scope = DefinitionScope(modules, folder=Path(definitions_dir).as_posix())
    read = [_read_module(module, scope) for module in modules.values()]
    errors.extend(error for _, spec_errors, _ in read for error in spec_errors)
    errors.extend(error for _, _, binding_errors in read for error in binding_errors)
    bindings = [raw for module_bindings, _, _ in read for raw in module_bindings]
    unique = {error.render(): error for error in errors}  # a shared base class fails once, not per binding
    return bindings, list(unique.values())


# Parsed modules by file, for a live-preview server: a save re-parses only the saved file.
_PARSED: dict[Path, tuple[tuple[int, int, str], DefinitionModule]] = {}


def _parse_cached(file: Path, relative: str, base: Path, cache: Cache) -> DefinitionModule:
    stat = file.stat()
    version = (stat.st_mtime_ns, stat.st_size, relative)
    cached = _PARSED.get(file)
    if cached is not None and cached[0] == version:
        return cached[1]
    module = _parse_module(file, relative, base, cache)
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
    bindings = [
        read_binding(info, scope, binding_errors)
        for info in module.classes.values()
        if binding_decorator(info.node) is not None
    ]
    import_errors: list[BindrefError] = list(check_module_imports(module, scope.modules))
    result = bindings, import_errors, binding_errors
    _READ[key] = (closure, result)
    return result


def _imported(module: DefinitionModule, modules: dict[str, DefinitionModule]) -> tuple[DefinitionModule, ...]:
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


def _parse_module(file: Path, relative: str, base: Path, cache: Cache) -> DefinitionModule:
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
    parts = file.relative_to(base).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    # the import name: the folder's last component (its parent is what would be on sys.path)
    module_name = ".".join((base.name, *parts))
    docstrings = _docstrings(module_name, file, text, cache)
    extension = parts[0] if len(parts) > 1 else ""
    module = DefinitionModule(name=module_name, path=relative)
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


_Docstrings = dict[str, tuple[str, dict[str, str]]]  # class -> (its docstring, field -> docstring)


def _docstrings(module_name: str, file: Path, text: str, cache: Cache) -> _Docstrings:
    """What griffe finds in one file, by class: most of the time of reading a definition, so cached."""
    key = cache.key("griffe", module_name, text)
    found: _Docstrings | None = cache.get("griffe", key, _valid_docstrings)
    if found is None:
        griffe_module = griffe.visit(module_name, filepath=file, code=text)
        found = {
            name: _class_docstrings(griffe_class) for name, griffe_class in griffe_module.classes.items()
        }
        cache.put("griffe", key, found)
    return found


def _valid_docstrings(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(name, str)
        and isinstance(entry, tuple)
        and len(entry) == 2
        and isinstance(entry[0], str)
        and isinstance(entry[1], dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in entry[1].items())
        for name, entry in value.items()
    )


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


def _class_docstrings(griffe_class: griffe.Class) -> tuple[str, dict[str, str]]:
    docstrings: dict[str, str] = {}
    for name, member in griffe_class.members.items():
        if isinstance(member, griffe.Attribute) and member.docstring:
            docstrings[name] = member.docstring.value.strip()
    docstring = griffe_class.docstring.value.strip() if griffe_class.docstring else ""
    return docstring, docstrings
