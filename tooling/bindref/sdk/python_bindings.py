"""Which binding class each azure-functions decorator builds, and what that class states.

``FunctionApp.sql_input`` builds ``SqlInput(...)`` (``fb.add_binding(binding=SqlInput(...))``);
``SqlInput`` in ``decorators/sql.py`` returns ``SQL`` (``"sql"``) from ``get_binding_name()``
and derives from ``InputBinding``. That pair, not the decorator's name, is the type string
and direction the host sees. The package is read with :mod:`ast` (never imported), and only
its ``decorators/`` folder, so a check costs one parse per file.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from bindref.languages import Direction
from bindref.sdk.sources import BindingStatement

DECORATORS = "azure/functions/decorators"
# The package's abstract bases, by the direction they give a binding class.
_DIRECTION_BASES: Mapping[str, Direction] = {
    "Trigger": Direction.TRIGGER,
    "InputBinding": Direction.IN,
    "OutputBinding": Direction.OUT,
}
_BUILDER_KEYWORDS = ("trigger", "binding")  # fb.add_trigger(trigger=X(...)), fb.add_binding(binding=X(...))


@dataclass(frozen=True, kw_only=True)
class _BindingClass:
    name: str
    bases: tuple[str, ...]
    returns: ast.expr | None  # what get_binding_name() returns
    path: str
    line: int


def built_classes(function_app: ast.Module) -> dict[str, str]:
    """Each decorator method's name -> the binding class it builds (its trigger, if it builds two)."""
    built: dict[str, str] = {}
    for cls in (node for node in function_app.body if isinstance(node, ast.ClassDef)):
        for method in (node for node in cls.body if isinstance(node, ast.FunctionDef)):
            calls = dict(_builder_calls(method))
            chosen = next((calls[k] for k in _BUILDER_KEYWORDS if k in calls), None)
            if chosen is not None:
                built.setdefault(method.name, chosen)
    return built


def _builder_calls(method: ast.FunctionDef) -> Iterator[tuple[str, str]]:
    for node in ast.walk(method):
        if (
            isinstance(node, ast.keyword)
            and node.arg in _BUILDER_KEYWORDS
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
        ):
            yield node.arg, node.value.func.id


def binding_statements(decorators: Path) -> dict[str, BindingStatement]:
    """Every class of the ``decorators`` folder that states a type string or a direction, by name."""
    classes: dict[str, _BindingClass] = {}
    strings: dict[str, str] = {}
    for path in sorted(decorators.glob("*.py")):
        try:
            module = ast.parse(path.read_text(encoding="utf-8"))
        except (OSError, SyntaxError, UnicodeDecodeError):  # a broken file states nothing
            continue
        relative = f"{DECORATORS}/{path.name}"
        strings.update(_module_strings(module))
        for node in (n for n in module.body if isinstance(n, ast.ClassDef)):
            classes.setdefault(node.name, _binding_class(node, relative))
    statements = {name: _statement(cls, classes, strings) for name, cls in classes.items()}
    return {name: statement for name, statement in statements.items() if statement is not None}


def _module_strings(module: ast.Module) -> Iterator[tuple[str, str]]:
    """``SQL = "sql"``: the constants ``get_binding_name()`` returns by name."""
    for node in module.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            yield from ((t.id, node.value.value) for t in node.targets if isinstance(t, ast.Name))


def _binding_class(node: ast.ClassDef, path: str) -> _BindingClass:
    method = next(
        (m for m in node.body if isinstance(m, ast.FunctionDef) and m.name == "get_binding_name"), None
    )
    returned = None
    if method is not None:
        returned = next((r.value for r in ast.walk(method) if isinstance(r, ast.Return)), None)
    bases = tuple(b.id if isinstance(b, ast.Name) else ast.unparse(b).split(".")[-1] for b in node.bases)
    return _BindingClass(name=node.name, bases=bases, returns=returned, path=path, line=node.lineno)


def _statement(
    cls: _BindingClass, classes: Mapping[str, _BindingClass], strings: Mapping[str, str]
) -> BindingStatement | None:
    """The first type string and direction up the class's bases (its own first)."""
    type_name: str | None = None
    direction: Direction | None = None
    seen: set[str] = set()
    queue = [cls.name]
    while queue and (type_name is None or direction is None):
        current = queue.pop(0)
        if current in seen:
            continue
        seen.add(current)
        if direction is None and current in _DIRECTION_BASES:
            direction = _DIRECTION_BASES[current]
        found = classes.get(current)
        if found is None:
            continue
        if type_name is None:
            type_name = _returned_string(found.returns, strings)
        queue.extend(found.bases)
    if type_name is None and direction is None:
        return None
    stated = f"{cls.name}({', '.join(cls.bases)})"
    directions = frozenset() if direction is None else frozenset({direction})
    return BindingStatement(
        type_name=type_name, directions=directions, stated_as=stated, path=cls.path, line=cls.line
    )


def _returned_string(value: ast.expr | None, strings: Mapping[str, str]) -> str | None:
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return value.value
    if isinstance(value, ast.Name):
        return strings.get(value.id)
    return None
