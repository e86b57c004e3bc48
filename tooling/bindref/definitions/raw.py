"""Read binding classes from parsed definition modules, before per-language resolution.

A binding's fields come from its own class and its base classes (shared option sets
such as the chat-completion options), its own fields first, unlike Python's dataclasses:
the page's order is the binding's, not its base classes'. Values may name module-level
constants, in the same module or imported from another definition module. Every value is evaluated by
:class:`bindref.definitions.literals.LiteralEvaluator`; nothing is executed.
"""

from __future__ import annotations

import ast
import inspect
from dataclasses import dataclass
from typing import Any

from bindref import spec
from bindref.core.errors import BindrefError, DefinitionError, choices_hint
from bindref.definitions.argtypes import parameter_types
from bindref.definitions.literals import LiteralEvaluator
from bindref.definitions.scope import ClassInfo, DefinitionScope

_BINDING_KEYWORDS = tuple(inspect.signature(spec.binding).parameters)
_BINDING_TYPES = parameter_types(spec.binding)
_LANG_EXAMPLE = "languages={'java': lang(type='String')}"


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
    path: str
    line: int
    payload: bool = False
    only: tuple[str, ...] | None = None  # the language keys that have the parameter at all
    shown: bool = False  # in the generated declaration although optional everywhere
    example: str | int | float | bool | None = None  # the value the declaration shows
    runtime: spec.Runtime | None = None  # param(runtime=...): every language, unless lang() says otherwise


@dataclass(frozen=True, kw_only=True)
class RawBinding:
    """One ``@binding`` class as written, its base classes' fields included."""

    path: str
    extension: str
    class_name: str
    line: int
    summary: str
    options: dict[str, Any]
    fields: tuple[RawField, ...]
    declared_names: frozenset[str]  # every field, including any that failed to read
    unreadable: frozenset[str] = frozenset()  # binding() options already reported as errors
    source: str = ""  # a digest of the files it was read from: its module and what that imports


def binding_decorator(node: ast.ClassDef) -> ast.Call | None:
    """The ``@binding(...)`` call on a class, if any."""
    for decorator in node.decorator_list:
        if isinstance(decorator, ast.Call):
            func = decorator.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name == "binding":
                return decorator
    return None


def read_binding(info: ClassInfo, scope: DefinitionScope, errors: list[BindrefError]) -> RawBinding:
    """Read what can be read; record every problem in ``errors`` rather than stop."""
    decorator = binding_decorator(info.node)
    assert decorator is not None  # noqa: S101  # callers pass decorated classes only
    evaluator = scope.evaluator(info.module)
    if not info.extension:
        errors.append(
            evaluator.fail(
                info.node,
                f"binding '{info.node.name}' is not inside an extension folder",
                f"move it to {scope.folder}/<extension>/<binding>.py",
            )
        )
    if decorator.args:
        hint = "name each one: type=..., direction=..., title=..."
        errors.append(evaluator.fail(decorator, "binding() takes keyword arguments only", hint))
    options: dict[str, Any] = {}
    unreadable: set[str] = set()
    for keyword in decorator.keywords:
        try:
            options[str(keyword.arg)] = _binding_option(keyword, evaluator)
        except BindrefError as error:
            errors.append(error)
            unreadable.add(str(keyword.arg))
    if not info.docstring:
        errors.append(
            DefinitionError(
                f"binding class '{info.node.name}' has no docstring",
                path=info.path,
                line=info.node.lineno,
                hint="its docstring is the binding's summary on the page",
            )
        )
    # The class's own fields first, in its order, then what it inherits (nearest base first):
    # a shared option set never pushes the binding's own parameters down the table.
    fields: dict[str, RawField] = {}
    declared: set[str] = set()
    for owner in reversed(_classes_in_field_order(info, scope, errors)):
        fields.update((f.name, f) for f in _read_fields(owner, scope, errors) if f.name not in fields)
        declared.update(_field_statements(owner))
    return RawBinding(
        path=info.path,
        extension=info.extension,
        class_name=info.node.name,
        line=decorator.lineno,
        summary=info.docstring,
        options=options,
        fields=tuple(fields.values()),
        declared_names=frozenset(declared),
        unreadable=frozenset(unreadable),
    )


def _classes_in_field_order(
    info: ClassInfo, scope: DefinitionScope, errors: list[BindrefError], chain: tuple[ClassInfo, ...] = ()
) -> list[ClassInfo]:
    """Base classes' fields first (as dataclasses order them), each class once."""
    chain = (*chain, info)
    ordered: list[ClassInfo] = []
    try:
        for base in scope.bases(info):
            if base in chain:
                circle = " -> ".join(c.node.name for c in (*chain[chain.index(base) :], base))
                hint = "a class cannot inherit from itself: remove one of these bases"
                errors.append(
                    DefinitionError(
                        f"base classes form a circle: {circle}",
                        path=info.path,
                        line=info.node.lineno,
                        hint=hint,
                    )
                )
                continue
            ordered.extend(c for c in _classes_in_field_order(base, scope, errors, chain) if c not in ordered)
    except BindrefError as error:
        errors.append(error)
    return [*ordered, info]


def _binding_option(keyword: ast.keyword, evaluator: LiteralEvaluator) -> Any:
    if keyword.arg not in _BINDING_KEYWORDS:
        raise evaluator.fail(
            keyword.value,
            f"unknown binding() argument '{keyword.arg}'",
            choices_hint(keyword.arg or "**", _BINDING_KEYWORDS, noun="binding() accepts"),
        )
    value = evaluator.evaluate(keyword.value)
    evaluator.check_type(keyword.value, f"binding(): {keyword.arg}", value, _BINDING_TYPES[keyword.arg])
    return value


def _annotation(node: ast.expr) -> str:
    """The annotation as written in normal form; a bare name (most fields) needs no unparser."""
    return node.id if isinstance(node, ast.Name) else ast.unparse(node)


def _field_statements(info: ClassInfo) -> dict[str, ast.AnnAssign]:
    return {
        statement.target.id: statement
        for statement in info.node.body
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
    }


def _read_fields(info: ClassInfo, scope: DefinitionScope, errors: list[BindrefError]) -> list[RawField]:
    evaluator = scope.evaluator(info.module)
    fields: list[RawField] = []
    for name, statement in _field_statements(info).items():
        try:
            fields.append(_read_field(name, statement, info, evaluator))
        except BindrefError as error:
            errors.append(error)
    return fields


def _read_field(
    name: str, statement: ast.AnnAssign, info: ClassInfo, evaluator: LiteralEvaluator
) -> RawField:
    required, default, payload = statement.value is None, spec.UNSET, False
    only: tuple[str, ...] | None = None
    in_declaration = False
    example: str | int | float | bool | None = None
    runtime: spec.Runtime | None = None
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
            payload = bool(declared.get("payload", False))
            only = _only(declared.get("only"), statement, evaluator)
            in_declaration, example = bool(declared.get("shown", False)), declared.get("example")
            if example is not None and not isinstance(example, str | int | float | bool):
                hint = "a string, number or bool, as the declaration writes it: example='dbo.ToDo'"
                raise evaluator.fail(statement, "param() example must be a single value", hint)
            runtime = declared.get("runtime")
        else:
            default = value
    for label, mapping, expected in (("names", names, str), ("languages", languages, spec.LanguageOverride)):
        for key, item in mapping.items():
            if not isinstance(item, expected):
                shown = "a string" if expected is str else "lang(...)"
                hint = "for example " + ("names={'java': 'maxLength'}" if expected is str else _LANG_EXAMPLE)
                raise evaluator.fail(statement, f"{label}['{key}'] must be {shown}", hint)
    return RawField(
        name=name,
        annotation=_annotation(statement.annotation),
        required=required,
        default=default,
        names=names,
        languages=languages,
        docstring=info.field_docstrings.get(name, ""),
        path=info.path,
        line=statement.lineno,
        payload=payload,
        only=only,
        shown=in_declaration,
        example=example,
        runtime=runtime,
    )


def _only(value: Any, statement: ast.AnnAssign, evaluator: LiteralEvaluator) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, tuple) or not value or not all(isinstance(key, str) for key in value):
        hint = "for example only=('csharp_inprocess',)"
        raise evaluator.fail(statement, "param() only must be a non-empty tuple of language keys", hint)
    return value
