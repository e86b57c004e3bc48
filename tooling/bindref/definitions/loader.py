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
from pathlib import Path

import griffe

from bindref.core.config import setting_line
from bindref.core.errors import BindrefError, ConfigError, DefinitionError, read_text_file
from bindref.core.extensions import PYPROJECT
from bindref.definitions.raw import RawBinding, binding_decorator, read_binding
from bindref.definitions.scope import ClassInfo, DefinitionModule, DefinitionScope
from bindref.definitions.spec_imports import check_spec_imports

# griffe logs (for example) unresolvable annotations; we report our own errors instead.
logging.getLogger("griffe").setLevel(logging.ERROR)


def load_raw_bindings(root: Path, definitions_dir: str) -> tuple[list[RawBinding], list[BindrefError]]:
    """Every binding class under ``root/definitions_dir`` plus every problem found.

    All files are read even after an error, so one run reports everything.
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
            module = _parse_cached(file, relative, base)
        except BindrefError as error:
            errors.append(error)
        except OSError as error:  # a broken symlink, a file without read permission
            errors.append(DefinitionError("cannot be read", path=relative, hint=error.strerror or str(error)))
        else:
            modules[module.name] = module
    errors.extend(check_spec_imports(modules))
    scope = DefinitionScope(modules, folder=Path(definitions_dir).as_posix())
    bindings = [
        read_binding(info, scope, errors)
        for module in modules.values()
        for info in module.classes.values()
        if binding_decorator(info.node) is not None
    ]
    unique = {error.render(): error for error in errors}  # a shared base class fails once, not per binding
    return bindings, list(unique.values())


# Parsed modules by file, for a live-preview server: a save re-parses only the saved file.
_PARSED: dict[Path, tuple[tuple[int, int, str], DefinitionModule]] = {}


def _parse_cached(file: Path, relative: str, base: Path) -> DefinitionModule:
    stat = file.stat()
    version = (stat.st_mtime_ns, stat.st_size, relative)
    cached = _PARSED.get(file)
    if cached is not None and cached[0] == version:
        return cached[1]
    module = _parse_module(file, relative, base)
    _PARSED[file] = (version, module)
    return module


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
    parts = file.relative_to(base).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    # the import name: the folder's last component (its parent is what would be on sys.path)
    module_name = ".".join((base.name, *parts))
    docstrings = _docstrings(tree)
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


def _docstrings(tree: ast.Module) -> _Docstrings:
    """The docstrings of every top-level class and of its attributes, as griffe reads them.

    griffe's own node helpers do the reading (:func:`griffe.get_docstring`, and
    :class:`griffe.Docstring` to clean the text), on the syntax tree this module parses
    anyway: ``griffe.visit`` would compile the file a second time and build a whole object
    model, half the time of loading a thousand definitions, to give these same strings.
    An attribute's docstring is the string statement right after its assignment, and a
    later assignment without one keeps the earlier one, as in griffe's visitor.
    """
    found: _Docstrings = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            found[node.name] = (_clean(griffe.get_docstring(node)[0]), _attribute_docstrings(node))
    return found


def _attribute_docstrings(node: ast.ClassDef) -> dict[str, str]:
    docstrings: dict[str, str] = {}
    for statement, following in zip(node.body, node.body[1:], strict=False):
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            names = [statement.target.id]
        elif isinstance(statement, ast.Assign):
            names = [target.id for target in statement.targets if isinstance(target, ast.Name)]
        else:
            continue
        text = _clean(griffe.get_docstring(following, strict=True)[0])
        if text:
            docstrings.update(dict.fromkeys(names, text))
    return docstrings


def _clean(value: str | None) -> str:
    return griffe.Docstring(value).value.strip() if value else ""


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
