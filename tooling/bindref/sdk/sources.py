"""Read C# attribute classes and Java annotations from an extension's source checkout.

The C# and Java surfaces of a binding are declared in the extension's own source, not
in a package we can inspect from Python. tree-sitter parses that source as it is: no
.NET SDK or JDK, no build, nothing executed, and a file that does not compile still
yields the declarations it has. This module also holds :class:`SdkSurface`, the shape
both SDK readers return, so the drift check compares every language the same way.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from bindref.core.errors import ConfigError
from bindref.languages import PROFILES, Language, languages_of_sdk
from bindref.samples.files import sample_paths
from bindref.samples.treesitter import Grammar, Node, parse

# Code inside these never declares a type, so the tree walk does not descend into them.
_OPAQUE = frozenset(
    {"block", "method_declaration", "constructor_declaration", "property_declaration", "field_declaration"}
    | {"attribute_list", "using_directive", "import_declaration", "annotation_type_element_declaration"}
)
# The SDK families these readers serve; the language profiles say which languages each covers
# (C#: one per worker model, told apart by the attribute's namespace).
CSHARP_FAMILY = "csharp"
JAVA_FAMILY = "java"
# What an unset property of a value type holds; reference and nullable types hold null.
_IMPLICIT_DEFAULTS = {"bool": "false", "int": "0", "long": "0", "double": "0", "float": "0"}


@dataclass(frozen=True, kw_only=True)
class SdkParameter:
    """One parameter of an SDK surface, as the SDK's source declares it."""

    name: str
    required: bool
    default: str | None  # source text of the default; None when there is none
    type: str
    line: int
    path: str = ""  # set when declared in another file than the surface (an inherited property)


@dataclass(frozen=True, kw_only=True)
class SdkSurface:
    """A decorator, attribute or annotation: what a definition is compared with."""

    language: Language
    symbol: str
    path: str
    line: int
    parameters: tuple[SdkParameter, ...]


SdkSurfaces = dict[Language, dict[str, SdkSurface]]


def read_csharp_sources(root: Path) -> SdkSurfaces:
    """``...Attribute`` classes by model (from the namespace) and name; the first in path order wins."""
    trees = _trees(root, ".cs", (b"Attribute", b"const "))
    classes = [found for path, tree in trees for found in _csharp_classes(path, tree)]
    constants = {f"{cls.name}.{name}": value for cls in classes for name, value in cls.constants.items()}
    surfaces: SdkSurfaces = {}
    for cls in classes:
        language = _csharp_model(cls.namespace)
        if language is None or not cls.name.endswith("Attribute") or cls.name == "Attribute":
            continue
        surface = _attribute_surface(cls, _base_chain(cls, classes), constants, language)
        surfaces.setdefault(language, {}).setdefault(surface.symbol, surface)
    return _require_any(surfaces, root, "C# attribute classes")


def read_java_sources(root: Path) -> SdkSurfaces:
    """Every ``@interface`` under ``root``, by name; the first in path order wins."""
    found: dict[str, SdkSurface] = {}
    for path, tree in _trees(root, ".java", (b"@interface",)):
        for node in _walk(tree, "annotation_type_declaration"):
            surface = _annotation_surface(node, path)
            found.setdefault(surface.symbol, surface)
    by_language = dict.fromkeys(languages_of_sdk(JAVA_FAMILY), found) if found else {}
    return _require_any(by_language, root, "Java annotation interfaces")


def _require_any(surfaces: SdkSurfaces, root: Path, what: str) -> SdkSurfaces:
    """A checkout with nothing to compare is a wrong path, never an empty pass."""
    if not surfaces:
        raise ConfigError(f"no {what} under '{root}'", hint="point --sdk-source at the extension's checkout")
    return surfaces


def _trees(root: Path, suffix: str, markers: tuple[bytes, ...]) -> Iterator[tuple[str, Node]]:
    """Parsed source files, in path order; a byte test first skips files that declare nothing."""
    if not root.is_dir():
        raise ConfigError(f"--sdk-source folder '{root}' does not exist", hint="give a source checkout")
    for path in sample_paths(root):  # the samples' walker: one skip list for every source tree
        if path.suffix != suffix:
            continue
        relative = path.relative_to(root)
        try:
            source = path.read_bytes() if path.is_file() else b""
        except OSError:  # unreadable: it declares nothing bindref can compare with
            continue
        if any(marker in source for marker in markers):
            yield relative.as_posix(), parse(source, Grammar.CSHARP if suffix == ".cs" else Grammar.JAVA)


def _walk(node: Node, kind: str) -> Iterator[Node]:
    if node.type == kind:
        yield node
    for child in node.named_children:
        if child.type not in _OPAQUE:
            yield from _walk(child, kind)


def _text(node: Node | None) -> str:
    """Source text with whitespace runs collapsed, so a wrapped default reads as one line."""
    return "" if node is None or node.text is None else " ".join(node.text.decode("utf-8").split())


def _line(node: Node) -> int:
    return node.start_point.row + 1


def _after_equals(node: Node) -> Node | None:
    """The initializer of a parameter or variable declarator: the node after ``=``."""
    return next((after for before, after in itertools.pairwise(node.children) if before.type == "="), None)


def _annotation_surface(node: Node, path: str) -> SdkSurface:
    name = _text(node.child_by_field_name("name"))
    body = node.child_by_field_name("body")
    members = body.named_children if body is not None else []
    constants = {k: v for m in members if m.type == "constant_declaration" for k, v in _constants(m)}
    parameters = tuple(
        _java_element(member, name, constants)
        for member in members
        if member.type == "annotation_type_element_declaration"
    )
    language = languages_of_sdk(JAVA_FAMILY)[0]
    return SdkSurface(language=language, symbol=name, path=path, line=_line(node), parameters=parameters)


def _java_element(member: Node, interface: str, constants: Mapping[str, str]) -> SdkParameter:
    """``String x() default DEFAULT_X;`` reads as the literal of the interface's own constant."""
    value = member.child_by_field_name("value")
    default = None if value is None else _text(value)
    if default is not None:
        default = constants.get(default.removeprefix(f"{interface}."), default)
    element_type = _text(member.child_by_field_name("type")) + _text(member.child_by_field_name("dimensions"))
    name = _text(member.child_by_field_name("name"))
    return SdkParameter(
        name=name, required=value is None, default=default, type=element_type, line=_line(member)
    )


@dataclass(frozen=True, kw_only=True)
class _CsharpClass:
    name: str
    namespace: str
    bases: tuple[str, ...]
    path: str
    line: int
    constructor: tuple[SdkParameter, ...]  # the public constructor with the most parameters
    settable: tuple[SdkParameter, ...]  # public instance properties with a public set or init
    properties: Mapping[str, str]  # every public instance property's name, by lowercase name
    constants: Mapping[str, str]  # const fields: name -> initializer source


def _csharp_classes(path: str, tree: Node) -> Iterator[_CsharpClass]:
    file_scoped = next(_walk(tree, "file_scoped_namespace_declaration"), None)
    for node in _walk(tree, "class_declaration"):
        body = node.child_by_field_name("body")
        members = body.named_children if body is not None else []
        properties = [(m, _property(m)) for m in members if _is_public(m, "property_declaration")]
        constructors = [_constructor(m) for m in members if _is_public(m, "constructor_declaration")]
        yield _CsharpClass(
            name=_text(node.child_by_field_name("name")),
            namespace=_namespace_of(node) or _text(file_scoped and file_scoped.child_by_field_name("name")),
            bases=_base_names(node),
            path=path,
            line=_line(node),
            constructor=max(constructors, key=len, default=()),
            settable=tuple(prop for declared, prop in properties if _has_public_setter(declared)),
            properties={prop.name.lower(): prop.name for _, prop in properties},
            constants={k: v for m in members if "const" in _modifiers(m) for k, v in _constants(m)},
        )


def _namespace_of(node: Node) -> str:
    names: list[str] = []
    parent = node.parent
    while parent is not None:
        if parent.type == "namespace_declaration":
            names.insert(0, _text(parent.child_by_field_name("name")))
        parent = parent.parent
    return ".".join(names)


def _base_names(node: Node) -> tuple[str, ...]:
    """``: Ns.BaseAttribute<T>, IFoo`` -> ``BaseAttribute``, ``IFoo``: bases match by class name."""
    bases = next((c for c in node.named_children if c.type == "base_list"), None)
    types = [] if bases is None else [b for b in bases.named_children if b.type != "argument_list"]
    return tuple(_text(b).split("<")[0].split(".")[-1] for b in types)


def _modifiers(node: Node) -> set[str]:
    return {_text(c) for c in node.named_children if c.type == "modifier"}


def _is_public(member: Node, kind: str) -> bool:
    modifiers = _modifiers(member)
    return member.type == kind and "public" in modifiers and "static" not in modifiers


def _constructor(member: Node) -> tuple[SdkParameter, ...]:
    parameters = member.child_by_field_name("parameters")
    children = parameters.named_children if parameters is not None else []
    return tuple(_argument(p) for p in children if p.type == "parameter")


def _argument(node: Node) -> SdkParameter:
    """Arguments with a default (``string aiConnectionName = ""``) are optional."""
    value = _after_equals(node)
    name, type_text = _text(node.child_by_field_name("name")), _text(node.child_by_field_name("type"))
    default = None if value is None else _text(value)
    return SdkParameter(name=name, required=value is None, default=default, type=type_text, line=_line(node))


def _property(member: Node) -> SdkParameter:
    """The initializer is the default; without one, the type's own default (null for ``string?``)."""
    name, type_text = _text(member.child_by_field_name("name")), _text(member.child_by_field_name("type"))
    value = member.child_by_field_name("value")
    default = _text(value) if value is not None else _IMPLICIT_DEFAULTS.get(type_text)
    return SdkParameter(name=name, required=False, default=default, type=type_text, line=_line(member))


def _has_public_setter(prop: Node) -> bool:
    accessors = prop.child_by_field_name("accessors")
    return accessors is not None and any(
        _text(a.child_by_field_name("name")) in {"set", "init"} and not _modifiers(a)
        for a in accessors.named_children
    )


def _constants(declaration: Node) -> Iterator[tuple[str, str]]:
    """``NAME = value`` pairs of a C# ``const`` field or a Java annotation's constant."""
    for declarator in _walk(declaration, "variable_declarator"):
        if (value := _after_equals(declarator)) is not None:
            yield _text(declarator.child_by_field_name("name")), _text(value)


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


def _attribute_surface(
    cls: _CsharpClass, chain: list[_CsharpClass], constants: Mapping[str, str], language: Language
) -> SdkSurface:
    """Constructor arguments first, named like their property (``id`` -> ``Id``), then the rest."""
    names = {key: name for c in chain for key, name in c.properties.items()}
    arguments = {
        p.name.lower(): replace(p, name=names.get(p.name.lower(), p.name[:1].upper() + p.name[1:]))
        for p in cls.constructor
    }
    settable = {p.name.lower(): replace(p, path=c.path) for c in chain[:-1] for p in c.settable}
    settable.update({p.name.lower(): p for p in cls.settable})  # a derived class wins
    merged = {**arguments, **{key: p for key, p in settable.items() if key not in arguments}}
    in_scope = {**constants, **{name: value for c in chain for name, value in c.constants.items()}}
    parameters = tuple(_resolve_constant(p, in_scope) for p in merged.values())
    symbol = cls.name.removesuffix("Attribute")
    return SdkSurface(language=language, symbol=symbol, path=cls.path, line=cls.line, parameters=parameters)


def _resolve_constant(parameter: SdkParameter, constants: Mapping[str, str]) -> SdkParameter:
    """``= OpenAIModels.DefaultChatModel`` -> the constant's literal, when the tree declares it."""
    if parameter.default is None or parameter.default not in constants:
        return parameter
    return replace(parameter, default=constants[parameter.default])
