"""Check that definition modules import the ``bindref.spec`` helpers they call.

bindref evaluates helper calls by name and never runs a definition, so a module that
calls ``param(...)`` without importing it, or imports it from a module that does not
have it (or round in a circle), would load here but fail at import and under mypy.
Each such name is reported once per module, at its first use.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator, Mapping

from bindref.core.errors import DefinitionError
from bindref.definitions.literals import HELPERS
from bindref.definitions.scope import DefinitionModule

SPEC = "bindref.spec"
_NAMES = frozenset({*HELPERS, "binding"})
_SORTED_NAMES = sorted(_NAMES)
# A helper as an attribute: a dot, then only what may stand between two tokens of an
# expression (spaces, line breaks, continuations, comments), then the name.
_DOTTED = re.compile(rf"\.(?:\s|\\|#[^\n]*)*(?:{'|'.join(_SORTED_NAMES)})\b")


def helper_words(text: str) -> tuple[frozenset[str], bool]:
    """The helper names found in ``text``, and whether one may be called as an attribute.

    Every call of a helper has its name in the source, so a module whose names all lead
    to their ``bindref.spec`` helper has no call to report. A name inside a longer word,
    a comment or a string only adds a name: the search for calls then runs, and decides.
    (A substring test: a word pattern took 90 µs a file, more than the search it saves.)
    """
    return frozenset(name for name in _SORTED_NAMES if name in text), _DOTTED.search(text) is not None


def check_spec_imports(
    modules: Mapping[str, DefinitionModule], checked: Iterable[DefinitionModule]
) -> list[DefinitionError]:
    """One error per module of ``checked`` and helper name that does not resolve to ``bindref.spec``.

    ``modules`` are all the modules an import may lead through.
    """
    return [error for module in checked for error in check_module_imports(module, modules)]


def check_module_imports(
    module: DefinitionModule, modules: Mapping[str, DefinitionModule]
) -> list[DefinitionError]:
    """The errors of one module: what it reads of ``modules`` is only what it imports."""
    if not module.dotted_helper and all(
        _problem(ast.Name(id=word), module, modules) is None for word in module.helper_words
    ):
        return []  # see helper_words: no call can be wrong
    return searched_import_errors(module, modules)


def searched_import_errors(
    module: DefinitionModule, modules: Mapping[str, DefinitionModule]
) -> list[DefinitionError]:
    """The errors of one module, found by visiting every helper call in it."""
    errors: list[DefinitionError] = []
    first: dict[str, ast.Call] = {}  # each way of writing a helper, at its first use
    for call in _helper_calls(module):
        written = call.func.id if isinstance(call.func, ast.Name) else ast.unparse(call.func)
        known = first.get(written)
        if known is None or (call.lineno, call.col_offset) < (known.lineno, known.col_offset):
            first[written] = call
    for call in sorted(first.values(), key=lambda node: (node.lineno, node.col_offset)):
        problem = _problem(call.func, module, modules)
        if problem is not None:
            errors.append(DefinitionError(problem[0], path=module.path, line=call.lineno, hint=problem[1]))
    return errors


def _helper_calls(module: DefinitionModule) -> Iterator[ast.Call]:
    """Every call of a helper name in the module's classes and constants, in no set order.

    The same nodes as :func:`ast.walk` visits, found with one loop over ``_fields``:
    ``ast.walk`` nests two generators per node and was a tenth of loading a definition.
    Loads and stores (``ast.expr_context``) hold no calls and are not visited.
    """
    todo: list[ast.AST] = [info.node for info in module.classes.values()]
    todo.extend(module.constants.values())
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Call) and _called_name(node.func) in _NAMES:
            yield node
        for name in node._fields:
            child = getattr(node, name, None)
            if isinstance(child, list):
                todo.extend(item for item in child if isinstance(item, ast.AST))
            elif isinstance(child, ast.AST) and not isinstance(child, ast.expr_context):
                todo.append(child)


def _called_name(func: ast.expr) -> str | None:
    return func.id if isinstance(func, ast.Name) else (func.attr if isinstance(func, ast.Attribute) else None)


def _problem(  # noqa: PLR0911  # one return per way an import can go wrong
    func: ast.expr, module: DefinitionModule, modules: Mapping[str, DefinitionModule]
) -> tuple[str, str] | None:
    """``(message, hint)`` when ``func`` is not the ``bindref.spec`` helper it is named after."""
    helper = str(_called_name(func))
    fix = f"import it with 'from bindref.spec import {helper}'"
    if isinstance(func, ast.Attribute):
        source, original = module.imports.get(ast.unparse(func.value), ("", ""))
        if ".".join(part for part in (source, original) if part) == SPEC:
            return None
        return f"'{ast.unparse(func)}' is not bindref.spec.{helper}", fix
    chain, current, name = [module.name], module, helper
    while True:
        star = current.imports.get("*", ("", ""))[0]  # ``from x import *`` brings ``name`` from x
        source, original = current.imports.get(name, (star, name if star else ""))
        if source == SPEC:
            if original == helper:
                return None
            return f"'{helper}' is bindref.spec.{original}, imported under another name", fix
        if source not in modules:
            if current is not module:
                return (
                    f"'{helper}' is imported from {current.name}, which does not import it from bindref.spec",
                    fix,
                )
            if source:
                return f"'{helper}' is imported from '{source}', not from bindref.spec", fix
            return f"'{helper}' is called but never imported", fix
        if source in chain:
            circle = " -> ".join([*chain, source])
            return f"'{helper}' is imported in a circle: {circle}", fix
        chain.append(source)
        current, name = modules[source], original
