"""Read ``binding_defs/`` statically with griffe into raw definitions.

This is the only module that imports griffe (with ``sdk`` readers added later).
griffe finds classes, their ``@binding`` decorator, fields, annotations and the
attribute docstrings that become descriptions; :mod:`bindref.literals` evaluates
each value from the file's own syntax tree. Nothing in ``binding_defs`` is ever
imported or executed, so a definition cannot run code during a docs build.
"""

from __future__ import annotations

import ast
import inspect
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import griffe

from bindref import spec
from bindref.errors import BindrefError, DefinitionError, choices_hint
from bindref.literals import LiteralEvaluator

_BINDING_DECORATOR = "binding"
_BINDING_KEYWORDS = tuple(inspect.signature(spec.binding).parameters)

# griffe logs (for example) unresolvable annotations; we report our own errors instead.
logging.getLogger("griffe").setLevel(logging.ERROR)


@dataclass(frozen=True, kw_only=True)
class RawField:
    """One dataclass field as written, before per-language resolution."""

    name: str
    annotation: str
    required: bool
    default: Any
    names: dict[str, str]
    languages: dict[str, spec.LanguageOverride]
    docstring: str
    line: int


@dataclass(frozen=True, kw_only=True)
class RawBinding:
    """One ``@binding`` class as written."""

    path: str
    extension: str
    class_name: str
    line: int
    summary: str
    options: dict[str, Any]
    fields: tuple[RawField, ...]
    declared_names: frozenset[str]  # every field, including any that failed to read


def load_raw_bindings(root: Path, definitions_dir: str) -> tuple[list[RawBinding], list[BindrefError]]:
    """Every binding class under ``root/definitions_dir`` plus every problem found.

    All files are read even after an error, so one run reports everything.
    """
    base = root / definitions_dir
    if not base.is_dir():
        problem = DefinitionError(
            f"definitions folder '{definitions_dir}' does not exist",
            path="pyproject.toml",
            hint="set [tool.bindref] definitions to the folder holding your binding modules",
        )
        return [], [problem]
    bindings: list[RawBinding] = []
    errors: list[BindrefError] = []
    for file in sorted(base.rglob("*.py")):
        relative = file.relative_to(root).as_posix()
        try:
            bindings.extend(_read_module(file, relative, base, errors))
        except BindrefError as error:
            errors.append(error)
        except UnicodeDecodeError as error:
            errors.append(DefinitionError(f"not UTF-8 text ({error.reason})", path=relative, line=1))
    return bindings, errors


def _read_module(file: Path, relative: str, base: Path, errors: list[BindrefError]) -> list[RawBinding]:
    text = file.read_text(encoding="utf-8-sig")
    try:
        tree = ast.parse(text, filename=relative)
    except SyntaxError as error:
        raise DefinitionError(f"syntax error: {error.msg}", path=relative, line=error.lineno or 1) from None
    parts = file.relative_to(base).with_suffix("").parts
    module_name = ".".join(("binding_defs", *parts))
    module = griffe.visit(module_name, filepath=file, code=text)
    class_nodes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    extension = parts[0] if len(parts) > 1 else ""
    found: list[RawBinding] = []
    for griffe_class in module.classes.values():
        node = class_nodes.get(griffe_class.name)
        decorator = _binding_decorator(node) if node is not None else None
        if node is None or decorator is None:
            continue
        if not extension:
            raise DefinitionError(
                f"binding '{griffe_class.name}' is not inside an extension folder",
                path=relative,
                line=node.lineno,
                hint="move it to binding_defs/<extension>/<binding>.py",
            )
        found.append(_read_class(griffe_class, node, decorator, relative, extension, errors))
    return found


def _binding_decorator(node: ast.ClassDef) -> ast.Call | None:
    for decorator in node.decorator_list:
        if isinstance(decorator, ast.Call):
            func = decorator.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name == _BINDING_DECORATOR:
                return decorator
    return None


def _read_class(
    griffe_class: griffe.Class,
    node: ast.ClassDef,
    decorator: ast.Call,
    relative: str,
    extension: str,
    errors: list[BindrefError],
) -> RawBinding:
    """Read what can be read; record every problem in ``errors`` rather than stop."""
    evaluator = LiteralEvaluator(path=relative)
    if decorator.args:
        errors.append(evaluator.fail(decorator, "binding() takes keyword arguments only", hint=""))
    options: dict[str, Any] = {}
    for keyword in decorator.keywords:
        try:
            options[str(keyword.arg)] = _binding_option(keyword, evaluator)
        except BindrefError as error:
            errors.append(error)
    docstring = griffe_class.docstring.value.strip() if griffe_class.docstring else ""
    if not docstring:
        errors.append(
            DefinitionError(
                f"binding class '{node.name}' has no docstring",
                path=relative,
                line=node.lineno,
                hint="its docstring is the binding's summary on the page",
            )
        )
    return RawBinding(
        path=relative,
        extension=extension,
        class_name=node.name,
        line=decorator.lineno,
        summary=docstring,
        options=options,
        fields=tuple(_read_fields(griffe_class, node, evaluator, errors)),
        declared_names=frozenset(
            s.target.id for s in node.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
        ),
    )


def _binding_option(keyword: ast.keyword, evaluator: LiteralEvaluator) -> Any:
    if keyword.arg not in _BINDING_KEYWORDS:
        raise evaluator.fail(
            keyword.value,
            f"unknown binding() argument '{keyword.arg}'",
            choices_hint(keyword.arg or "**", _BINDING_KEYWORDS, noun="binding() accepts"),
        )
    return evaluator.evaluate(keyword.value)


def _read_fields(
    griffe_class: griffe.Class,
    node: ast.ClassDef,
    evaluator: LiteralEvaluator,
    errors: list[BindrefError],
) -> list[RawField]:
    statements = {
        statement.target.id: statement
        for statement in node.body
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
    }
    fields: list[RawField] = []
    for name, statement in statements.items():
        member = griffe_class.members.get(name)
        docstring = ""
        if isinstance(member, griffe.Attribute) and member.docstring:
            docstring = member.docstring.value.strip()
        try:
            fields.append(_read_field(name, statement, docstring, evaluator))
        except BindrefError as error:
            errors.append(error)
    return fields


def _read_field(name: str, statement: ast.AnnAssign, docstring: str, evaluator: LiteralEvaluator) -> RawField:
    required, default = statement.value is None, spec.UNSET
    names: dict[str, str] = {}
    languages: dict[str, spec.LanguageOverride] = {}
    if statement.value is not None:
        value = evaluator.evaluate(statement.value)
        metadata = getattr(value, "metadata", None)
        if metadata is not None and "bindref" in metadata:
            declared = metadata["bindref"]
            required, default = declared["required"], declared["default"]
            names = dict(declared["names"] or {})
            languages = dict(declared["languages"] or {})
        else:
            default = value
    for label, mapping in (("names", names), ("languages", languages)):
        _check_value_types(label, mapping, evaluator, statement)
    return RawField(
        name=name,
        annotation=ast.unparse(statement.annotation),
        required=required,
        default=default,
        names=names,
        languages=languages,
        docstring=docstring,
        line=statement.lineno,
    )


def _check_value_types(
    label: str, mapping: dict[str, Any], evaluator: LiteralEvaluator, statement: ast.AnnAssign
) -> None:
    expected = str if label == "names" else spec.LanguageOverride
    for key, value in mapping.items():
        if not isinstance(value, expected):
            shown = "a string" if expected is str else "lang(...)"
            raise evaluator.fail(statement, f"{label}['{key}'] must be {shown}", hint="")
