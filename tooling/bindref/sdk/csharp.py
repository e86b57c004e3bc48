"""Read C# attribute classes from an extension's source checkout (both worker models).

An attribute's constructor arguments and settable properties are the binding's parameters;
the isolated worker's base class (``InputBindingAttribute``, ``OutputBindingAttribute``,
``TriggerBindingAttribute``) states its direction, and every public constructor is kept so
the check can compare the positional signatures a definition declares. A default that names
a ``const`` or ``static readonly`` field of any class in the tree (``OpenAIModels.DefaultChatModel``)
reads as that field's literal (:mod:`bindref.sdk.constants`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from bindref.languages import PROFILES, Direction, Language, languages_of_sdk
from bindref.samples.treesitter import Node
from bindref.sdk.constants import Constants, collect, resolve
from bindref.sdk.sources import (
    BindingStatement,
    SdkParameter,
    SdkSurface,
    SdkSurfaces,
    after_equals,
    constants,
    doc_comment,
    line,
    require_any,
    source_trees,
    text,
    walk,
)

# The SDK family these readers serve; the language profiles say which languages it covers
# (one per worker model, told apart by the attribute's namespace).
CSHARP_FAMILY = "csharp"
# What an unset property of a value type holds; reference and nullable types hold null.
_IMPLICIT_DEFAULTS = {"bool": "false", "int": "0", "long": "0", "double": "0", "float": "0"}
# The worker's binding base classes, by the direction they give their attributes.
_DIRECTION_BASES: Mapping[str, Direction] = {
    "InputBindingAttribute": Direction.IN,
    "OutputBindingAttribute": Direction.OUT,
    "TriggerBindingAttribute": Direction.TRIGGER,
}


@dataclass(frozen=True, kw_only=True)
class _CsharpClass:
    name: str
    namespace: str
    bases: tuple[str, ...]
    path: str
    line: int
    constructors: tuple[tuple[SdkParameter, ...], ...]  # every public constructor, as declared
    settable: tuple[SdkParameter, ...]  # public instance properties with a public set or init
    properties: Mapping[str, str]  # every public instance property's name, by lowercase name
    descriptions: Mapping[str, str]  # the <summary> of every public instance property, by lowercase name
    constants: Mapping[str, str]  # const and static readonly fields: name -> initializer source


def read_csharp_sources(root: Path) -> SdkSurfaces:
    """``...Attribute`` classes by model (from the namespace) and name; the first in path order wins."""
    trees = source_trees(root, ".cs", (b"Attribute", b"const ", b"static readonly "))
    classes = [found for path, tree in trees for found in _csharp_classes(path, tree)]
    shared = collect((cls.namespace, cls.name, cls.constants) for cls in classes)
    surfaces: SdkSurfaces = {}
    for cls in classes:
        language = _csharp_model(cls.namespace)
        if language is None or not cls.name.endswith("Attribute") or cls.name == "Attribute":
            continue
        surface = _attribute_surface(cls, _base_chain(cls, classes), shared, language)
        surfaces.setdefault(language, {}).setdefault(surface.symbol, surface)
    return require_any(surfaces, root, "C# attribute classes")


def _csharp_classes(path: str, tree: Node) -> Iterator[_CsharpClass]:
    file_scoped = next(walk(tree, "file_scoped_namespace_declaration"), None)
    for node in walk(tree, "class_declaration"):
        body = node.child_by_field_name("body")
        members = body.named_children if body is not None else []
        fields = {k: v for m in members if m.type == "field_declaration" for k, v in constants(m)}
        properties = [(m, _property(m, fields)) for m in members if _is_public(m, "property_declaration")]
        yield _CsharpClass(
            name=text(node.child_by_field_name("name")),
            namespace=_namespace_of(node) or text(file_scoped and file_scoped.child_by_field_name("name")),
            bases=_base_names(node),
            path=path,
            line=line(node),
            constructors=tuple(_constructor(m) for m in members if _is_public(m, "constructor_declaration")),
            settable=tuple(prop for declared, prop in properties if _has_public_setter(declared)),
            properties={prop.name.lower(): prop.name for _, prop in properties},
            descriptions={prop.name.lower(): prop.description for _, prop in properties if prop.description},
            constants={k: v for m in members if _is_constant(m) for k, v in constants(m)},
        )


def _namespace_of(node: Node) -> str:
    names: list[str] = []
    parent = node.parent
    while parent is not None:
        if parent.type == "namespace_declaration":
            names.insert(0, text(parent.child_by_field_name("name")))
        parent = parent.parent
    return ".".join(names)


def _base_names(node: Node) -> tuple[str, ...]:
    """``: Ns.BaseAttribute<T>, IFoo`` -> ``BaseAttribute``, ``IFoo``: bases match by class name."""
    bases = next((c for c in node.named_children if c.type == "base_list"), None)
    types = [] if bases is None else [b for b in bases.named_children if b.type != "argument_list"]
    return tuple(text(b).split("<")[0].split(".")[-1] for b in types)


def _modifiers(node: Node) -> set[str]:
    return {text(c) for c in node.named_children if c.type == "modifier"}


def _is_constant(member: Node) -> bool:
    """``const`` and ``static readonly`` fields: both hold one value the attribute can default to."""
    modifiers = _modifiers(member)
    return member.type == "field_declaration" and (
        "const" in modifiers or {"static", "readonly"} <= modifiers
    )


def _is_public(member: Node, kind: str) -> bool:
    modifiers = _modifiers(member)
    return member.type == kind and "public" in modifiers and "static" not in modifiers


def _constructor(member: Node) -> tuple[SdkParameter, ...]:
    parameters = member.child_by_field_name("parameters")
    children = parameters.named_children if parameters is not None else []
    return tuple(_argument(p) for p in children if p.type == "parameter")


def _argument(node: Node) -> SdkParameter:
    """Arguments with a default (``string aiConnectionName = ""``) are optional."""
    value = after_equals(node)
    name, type_text = text(node.child_by_field_name("name")), text(node.child_by_field_name("type"))
    default = None if value is None else text(value)
    return SdkParameter(name=name, required=value is None, default=default, type=type_text, line=line(node))


# ``get { return _source; }`` or ``get => _source;``: a property that reads a backing field.
_BACKING_GETTER = re.compile(r"\bget\s*(?:\{\s*return\s+(\w+)\s*;\s*\}|=>\s*(\w+)\s*;)")


def _property(member: Node, fields: Mapping[str, str]) -> SdkParameter:
    """The initializer is the default, or its backing field's; else the type's own (null for ``string?``).

    ``private BlobTriggerSource _source = BlobTriggerSource.LogsAndContainerScan;`` read by
    ``Source { get { return _source; } ... }`` defaults ``Source`` as surely as an initializer.
    """
    name, type_text = text(member.child_by_field_name("name")), text(member.child_by_field_name("type"))
    value = member.child_by_field_name("value")
    accessors = member.child_by_field_name("accessors")
    backing = _BACKING_GETTER.search(text(accessors)) if accessors is not None else None
    field = (backing.group(1) or backing.group(2)) if backing else ""
    if value is not None:
        default: str | None = text(value)
    elif field in fields:
        default = fields[field]
    else:
        default = _IMPLICIT_DEFAULTS.get(type_text)
    return SdkParameter(
        name=name,
        required=False,
        default=default,
        type=type_text,
        line=line(member),
        description=doc_comment(member),
    )


def _has_public_setter(prop: Node) -> bool:
    accessors = prop.child_by_field_name("accessors")
    return accessors is not None and any(
        text(a.child_by_field_name("name")) in {"set", "init"} and not _modifiers(a)
        for a in accessors.named_children
    )


def _csharp_model(namespace: str) -> Language | None:
    models = languages_of_sdk(CSHARP_FAMILY)
    return next((lang for lang in models if namespace.startswith(PROFILES[lang].sdk_namespace)), None)


def _base_chain(cls: _CsharpClass, classes: list[_CsharpClass]) -> list[_CsharpClass]:
    """``cls`` and its base classes declared in the same tree, base first (same model preferred)."""
    chain = [cls]
    while candidates := [c for c in classes if c.name in chain[-1].bases and c not in chain]:
        same_model = [c for c in candidates if _csharp_model(c.namespace) == _csharp_model(cls.namespace)]
        chain.append((same_model or candidates)[0])
    return chain[::-1]


def _statement(chain: list[_CsharpClass]) -> BindingStatement | None:
    """The direction the worker's base class gives (the nearest one in the chain); None without one."""
    for cls in reversed(chain):
        base = next((b for b in cls.bases if b in _DIRECTION_BASES), None)
        if base is not None:
            directions = frozenset({_DIRECTION_BASES[base]})
            return BindingStatement(
                type_name=None, directions=directions, stated_as=f": {base}", path=cls.path, line=cls.line
            )
    return None


def _attribute_surface(
    cls: _CsharpClass, chain: list[_CsharpClass], shared: Constants, language: Language
) -> SdkSurface:
    """Constructor arguments first, named like their property (``id`` -> ``Id``), then the rest."""
    names = {key: name for c in chain for key, name in c.properties.items()}
    descriptions = {key: text for c in chain for key, text in c.descriptions.items()}
    in_scope = {name: value for c in chain for name, value in c.constants.items()}

    def as_property(argument: SdkParameter) -> SdkParameter:
        key = argument.name.lower()
        name = names.get(key, argument.name[:1].upper() + argument.name[1:])
        return _resolve_constant(
            replace(argument, name=name, description=descriptions.get(key, "")),
            in_scope,
            shared,
            cls.namespace,
        )

    constructors = tuple(tuple(as_property(p) for p in signature) for signature in cls.constructors) or ((),)
    settable = {p.name.lower(): replace(p, path=c.path) for c in chain[:-1] for p in c.settable}
    settable.update({p.name.lower(): p for p in cls.settable})  # a derived class wins
    arguments = _arguments(constructors, settable)
    merged = {**arguments, **{key: p for key, p in settable.items() if key not in arguments}}
    return SdkSurface(
        language=language,
        symbol=cls.name.removesuffix("Attribute"),
        path=cls.path,
        line=cls.line,
        parameters=tuple(_resolve_constant(p, in_scope, shared, cls.namespace) for p in merged.values()),
        statement=_statement(chain),
        constructors=constructors,
    )


def _arguments(
    constructors: tuple[tuple[SdkParameter, ...], ...], settable: Mapping[str, SdkParameter]
) -> dict[str, SdkParameter]:
    """The longest constructor's arguments; one that some overload leaves out is not required.

    Left out, a settable property of the same name is how it is set (its default applies);
    otherwise it is an optional argument.
    """
    everywhere = set.intersection(*({p.name.lower() for p in signature} for signature in constructors))
    arguments: dict[str, SdkParameter] = {}
    for parameter in max(constructors, key=len):
        key = parameter.name.lower()
        if key in everywhere:
            arguments[key] = parameter
        elif key not in settable:
            arguments[key] = replace(parameter, required=False)
    return arguments


def _resolve_constant(
    parameter: SdkParameter, in_scope: Mapping[str, str], shared: Constants, namespace: str
) -> SdkParameter:
    """``= OpenAIModels.DefaultChatModel`` -> the constant's literal, when the tree declares it."""
    if parameter.default is None or parameter.written_as:
        return parameter  # nothing to resolve, or resolved already (a constructor argument)
    resolved = resolve(parameter.default, in_scope, shared, namespace)
    return replace(parameter, default=resolved.value, written_as=resolved.written_as)
