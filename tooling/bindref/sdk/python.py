"""Read the Python decorators of the installed azure-functions package, statically, with griffe.

The Python surface of a binding is a method of ``FunctionApp`` (declared on ``TriggerApi``,
``BindingApi``, ...) in ``azure/functions/decorators/function_app.py``. griffe visits that
one file without importing it, so the check sees exactly the version in the environment,
runs none of its code, and costs a few tens of milliseconds once per process.
"""

from __future__ import annotations

import ast
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path

import griffe

from bindref.core.cache import Cache, file_contents
from bindref.languages import languages_of_sdk
from bindref.sdk.locate import FUNCTION_APP, PACKAGE, find_function_app, package_files
from bindref.sdk.python_bindings import binding_statements, built_classes
from bindref.sdk.python_enums import enum_members
from bindref.sdk.sources import BindingStatement, SdkParameter, SdkSurface

__all__ = ["FAMILY", "FUNCTION_APP", "PACKAGE", "find_function_app", "read_python_sdk"]
FAMILY = "python"  # the SDK family in the language profiles (sdk_family) this reader serves

_KIND = "python-sdk"  # the cache kind of the installed package's surfaces
# griffe logs what it cannot resolve (imported names); the check reports its own findings.
logging.getLogger("griffe").setLevel(logging.ERROR)


def read_python_sdk(
    search_paths: Sequence[str] | None = None, *, cache: Cache | None = None
) -> Mapping[str, SdkSurface] | None:
    """Every public method of every class in ``function_app.py``, by name; None if not installed.

    ``FunctionApp`` and ``Blueprint`` inherit their decorators from ``TriggerApi`` and
    ``BindingApi``, so reading the methods of every class finds them all. A name declared
    twice keeps its first declaration. With ``cache``, they are kept by the bytes of the
    package's Python files: reading them with griffe takes 0.2 s on every check the memo does
    not answer whole (any check after an edit), and the package only changes when installed.
    """
    path = find_function_app(search_paths)
    if path is None:
        return None
    key = ""
    if cache is not None:
        key = cache.key(_KIND, *file_contents(package_files(path)))
        found: Mapping[str, SdkSurface] | None = cache.get(_KIND, key, _valid_surfaces)
        if found is not None:
            return found
    stat = path.stat()
    surfaces = _read_function_app(str(path), stat.st_mtime_ns, stat.st_size)
    if cache is not None:
        cache.put(_KIND, key, dict(surfaces))
    return surfaces


def _valid_surfaces(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(surface, SdkSurface) for surface in value.values())


@cache
def _read_function_app(path: str, mtime_ns: int, size: int) -> Mapping[str, SdkSurface]:
    """Cached per file version: ``bindref check`` and a serve session read it once.

    The binding classes beside it (``sql.py``, ...) give each decorator's type string and
    direction; they change with the same package version, so one cache key serves both.
    """
    del mtime_ns, size  # part of the cache key only
    code = Path(path).read_text(encoding="utf-8")
    module = griffe.visit("function_app", filepath=Path(path), code=code)
    built = built_classes(ast.parse(code))
    statements = binding_statements(Path(path).parent)
    members = enum_members(Path(path).parent)
    lines = code.splitlines()
    surfaces: dict[str, SdkSurface] = {}
    for cls in module.classes.values():
        for function in cls.functions.values():
            if not function.name.startswith("_") and function.name not in surfaces:
                statement = statements.get(built.get(function.name, ""))
                surfaces[function.name] = _surface(function, lines, statement, members)
    return surfaces


def _surface(
    function: griffe.Function,
    lines: Sequence[str],
    statement: BindingStatement | None,
    members: Mapping[str, str],
) -> SdkSurface:
    first = function.lineno or 1
    described = _parameter_docs(function)
    parameters = tuple(
        _parameter(
            parameter,
            _parameter_line(parameter.name, lines, first),
            described.get(parameter.name, ""),
            members,
        )
        for index, parameter in enumerate(function.parameters)
        if not (index == 0 and parameter.name in {"self", "cls"})
        and parameter.kind not in {griffe.ParameterKind.var_positional, griffe.ParameterKind.var_keyword}
    )
    return SdkSurface(
        language=languages_of_sdk(FAMILY)[0],
        symbol=function.name,
        path=FUNCTION_APP,
        line=first,
        parameters=parameters,
        statement=statement,
    )


def _parameter_docs(function: griffe.Function) -> dict[str, str]:
    """The decorator's ``:param name: text`` lines (Sphinx style, as azure-functions writes them)."""
    if function.docstring is None:
        return {}
    return {
        documented.name: " ".join(documented.description.split())
        for section in function.docstring.parse("sphinx")
        if section.kind is griffe.DocstringSectionKind.parameters
        for documented in section.value
    }


def _parameter(
    parameter: griffe.Parameter, line: int, description: str, members: Mapping[str, str]
) -> SdkParameter:
    """Defaults stay as griffe keeps them: source text (``'AzureWebJobsStorage'``, ``8 * 1024``).

    An enum member keeps its name as the default, with what function.json receives beside it.
    """
    default = None if parameter.default is None else str(parameter.default)
    annotation = "" if parameter.annotation is None else str(parameter.annotation)
    return SdkParameter(
        name=parameter.name,
        required=default is None,
        default=default,
        type=annotation,
        line=line,
        description=description,
        host_value=members.get(default or ""),
    )


def _parameter_line(name: str, lines: Sequence[str], first: int) -> int:
    """The line of ``name`` in the signature: griffe keeps a line per function, not per parameter."""
    pattern = re.compile(rf"(?:^|[(,\s]){re.escape(name)}\s*[:=,)]")
    for number in range(first, min(first + 60, len(lines)) + 1):
        if pattern.search(lines[number - 1]):
            return number
    return first


# The installed SDKs a definition can be scaffolded from (``bindref new --from-sdk FAMILY:NAME``),
# by the profile's SDK family; C# and Java surfaces need a source checkout, so they are not here.
INSTALLED_READERS: Mapping[str, Callable[[], Mapping[str, SdkSurface] | None]] = {FAMILY: read_python_sdk}
