"""Read Java annotation interfaces (``@interface``) from a library's source checkout.

An annotation's elements are the binding's parameters; ``@CustomBinding(direction = "in",
type = "sql")`` on it, or on an annotation it is itself annotated with, states the binding's
type string and direction, which the check compares with the definition. An element's
default that names a constant (``ModelDefaults.DEFAULT_CHAT_MODEL``, of a class in another
file, or statically imported) reads as the constant's literal (:mod:`bindref.sdk.constants`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from bindref.languages import Direction, languages_of_sdk
from bindref.samples.treesitter import Node
from bindref.sdk.constants import Constants, collect, resolve
from bindref.sdk.sources import (
    BindingStatement,
    SdkParameter,
    SdkSurface,
    SdkSurfaces,
    constants,
    doc_comment,
    line,
    require_any,
    source_trees,
    text,
    walk,
)

JAVA_FAMILY = "java"  # the SDK family in the language profiles (sdk_family) this reader serves
# Files worth parsing: annotations, and the classes and interfaces that declare constants.
_MARKERS = (b"@interface", b"static final", b"interface ")
_STATIC_IMPORT = re.compile(r"import\s+static\s+([\w.]+?)\.(\*|\w+)\s*;")
_STATING_ANNOTATION = "CustomBinding"
# function.json's direction as Java states it: "in" is an input binding or a trigger.
_DIRECTIONS: Mapping[str, frozenset[Direction]] = {
    "in": frozenset({Direction.IN, Direction.TRIGGER}),
    "out": frozenset({Direction.OUT}),
    "inout": frozenset({Direction.IN, Direction.OUT}),
}


@dataclass(frozen=True, kw_only=True)
class _Interface:
    surface: SdkSurface
    meta: tuple[str, ...]  # the annotations on the interface, by simple name


def read_java_sources(root: Path) -> SdkSurfaces:
    """Every ``@interface`` under ``root``, by name; the first in path order wins."""
    trees = list(source_trees(root, ".java", _MARKERS))
    shared = collect(owner for _, tree in trees for owner in _constant_owners(tree))
    found: dict[str, _Interface] = {}
    for path, tree in trees:
        imported = _static_imports(tree, shared)
        for node in walk(tree, "annotation_type_declaration"):
            interface = _interface(node, path, imported, shared, _package(tree))
            found.setdefault(interface.surface.symbol, interface)
    surfaces = {name: _with_meta_statement(interface, found) for name, interface in found.items()}
    by_language = dict.fromkeys(languages_of_sdk(JAVA_FAMILY), surfaces) if surfaces else {}
    return require_any(by_language, root, "Java annotation interfaces")


def _with_meta_statement(interface: _Interface, found: Mapping[str, _Interface]) -> SdkSurface:
    """Without its own ``@CustomBinding``, the statement of an annotation it is annotated with."""
    if interface.surface.statement is not None:
        return interface.surface
    for name in interface.meta:
        meta = found.get(name)
        if meta is not None and meta.surface.statement is not None:
            return replace(interface.surface, statement=meta.surface.statement)
    return interface.surface


def _package(tree: Node) -> str:
    declaration = next((c for c in tree.named_children if c.type == "package_declaration"), None)
    return text(declaration).removeprefix("package").removesuffix(";").strip()


def _constant_owners(tree: Node) -> Iterator[tuple[str, str, dict[str, str]]]:
    """Each class's ``static final`` fields and each interface's (or annotation's) constants."""
    for kind in ("class_declaration", "interface_declaration", "annotation_type_declaration"):
        for node in walk(tree, kind):
            yield _package(tree), text(node.child_by_field_name("name")), _own_constants(node)


def _own_constants(node: Node) -> dict[str, str]:
    """Fields of an interface are constants by definition; a class's need ``static final``."""
    body = node.child_by_field_name("body")
    members = body.named_children if body is not None else []
    found: dict[str, str] = {}
    for member in members:
        modifiers = next((c for c in member.named_children if c.type == "modifiers"), None)
        words = set(text(modifiers).split())
        if member.type == "constant_declaration" or (
            member.type == "field_declaration" and {"static", "final"} <= words
        ):
            found.update(constants(member))
    return found


def _static_imports(tree: Node, shared: Constants) -> dict[str, str]:
    """``import static ...ModelDefaults.DEFAULT_CHAT_MODEL;`` (or ``.*``): names usable unqualified."""
    imported: dict[str, str] = {}
    for node in tree.named_children:
        if node.type == "import_declaration" and (found := _STATIC_IMPORT.fullmatch(text(node))):
            package, _, owner = found.group(1).rpartition(".")
            for key in shared:
                cls, _, name = key.partition(".")
                if cls == owner and found.group(2) in {"*", name}:
                    imported[name] = resolve(key, {}, shared, package).value
    return imported


def _interface(
    node: Node, path: str, imported: Mapping[str, str], shared: Constants, package: str
) -> _Interface:
    name = text(node.child_by_field_name("name"))
    body = node.child_by_field_name("body")
    members = body.named_children if body is not None else []
    in_scope = {**imported, **_own_constants(node)}
    parameters = tuple(
        _element(member, in_scope, shared, package)
        for member in members
        if member.type == "annotation_type_element_declaration"
    )
    modifiers = next((c for c in node.named_children if c.type == "modifiers"), None)
    annotations = (
        []
        if modifiers is None
        else [a for a in modifiers.named_children if a.type in {"annotation", "marker_annotation"}]
    )
    statement = next(
        (
            _statement(a, path)
            for a in annotations
            if text(a.child_by_field_name("name")) == _STATING_ANNOTATION
        ),
        None,
    )
    surface = SdkSurface(
        language=languages_of_sdk(JAVA_FAMILY)[0],
        symbol=name,
        path=path,
        line=line(node),
        parameters=parameters,
        statement=statement,
    )
    return _Interface(surface=surface, meta=tuple(text(a.child_by_field_name("name")) for a in annotations))


def _statement(annotation: Node, path: str) -> BindingStatement:
    """``@CustomBinding(direction = "in", name = "", type = "sql")``: the type and direction stated."""
    arguments = annotation.child_by_field_name("arguments")
    pairs = (
        [] if arguments is None else [p for p in arguments.named_children if p.type == "element_value_pair"]
    )
    values = {
        text(p.child_by_field_name("key")): text(p.child_by_field_name("value")).strip('"') for p in pairs
    }
    return BindingStatement(
        type_name=values.get("type") or None,
        directions=_DIRECTIONS.get(values.get("direction", ""), frozenset()),
        stated_as=text(annotation),
        path=path,
        line=line(annotation),
    )


def _element(member: Node, in_scope: Mapping[str, str], shared: Constants, package: str) -> SdkParameter:
    """``String x() default DEFAULT_X;`` reads as the literal of the constant, wherever declared."""
    value = member.child_by_field_name("value")
    resolved = None if value is None else resolve(text(value), in_scope, shared, package)
    element_type = text(member.child_by_field_name("type")) + text(member.child_by_field_name("dimensions"))
    return SdkParameter(
        name=text(member.child_by_field_name("name")),
        required=value is None,
        default=None if resolved is None else resolved.value,
        written_as="" if resolved is None else resolved.written_as,
        type=element_type,
        line=line(member),
        description=doc_comment(member),
    )
