"""Read binding classes from parsed definition modules, before per-language resolution.

A binding's fields come from its own class and its base classes (shared option sets
such as the chat-completion options), base fields first, as Python's dataclasses
order them. Values may name module-level constants, in the same module or imported
from another definition module. Every value is evaluated by
:class:`bindref.definitions.literals.LiteralEvaluator`; nothing is executed.
"""

from __future__ import annotations

import ast
import inspect
from dataclasses import dataclass, field
from typing import Any

from bindref import spec
from bindref.core.errors import BindrefError, DefinitionError, choices_hint
from bindref.definitions.argtypes import parameter_types
from bindref.definitions.literals import LiteralEvaluator

_BINDING_KEYWORDS = tuple(inspect.signature(spec.binding).parameters)
_BINDING_TYPES = parameter_types(spec.binding)
_LANG_EXAMPLE = "languages={'java': lang(type='String')}"
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


class DefinitionScope:
    """Resolves names across definition modules: constants and base classes."""

    def __init__(self, modules: dict[str, DefinitionModule], *, folder: str) -> None:
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
    fields: dict[str, RawField] = {}  # a subclass's field replaces the base's, in the base's place
    declared: set[str] = set()
    for owner in _classes_in_field_order(info, scope, errors):
        fields.update((f.name, f) for f in _read_fields(owner, scope, errors))
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
        annotation=ast.unparse(statement.annotation),
        required=required,
        default=default,
        names=names,
        languages=languages,
        docstring=info.field_docstrings.get(name, ""),
        path=info.path,
        line=statement.lineno,
        payload=payload,
    )
