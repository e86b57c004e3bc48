"""The docstrings of a definition module's classes and attributes, as griffe reads them.

They become a binding's summary and its parameters' descriptions.
"""

from __future__ import annotations

import ast
import logging

import griffe

# griffe logs (for example) unresolvable annotations; we report our own errors instead.
logging.getLogger("griffe").setLevel(logging.ERROR)

_Docstrings = dict[str, tuple[str, dict[str, str]]]  # class -> (its docstring, field -> docstring)


def class_docstrings(tree: ast.Module) -> _Docstrings:
    """The docstrings of every top-level class and of its attributes, as griffe reads them.

    griffe's own node helpers do the reading (:func:`griffe.get_docstring`, and
    :class:`griffe.Docstring` to clean the text), on the syntax tree the loader parses
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
