"""The shape every SDK reader returns, and the tree-sitter helpers the source readers share.

The C# and Java surfaces of a binding are declared in the extension's own source, not
in a package we can inspect from Python. tree-sitter parses that source as it is: no
.NET SDK or JDK, no build, nothing executed, and a file that does not compile still
yields the declarations it has (:mod:`bindref.sdk.csharp`, :mod:`bindref.sdk.java`).
:class:`SdkSurface` is what they and the Python reader return, so the drift check and
``bindref new`` treat every language the same way.
"""

from __future__ import annotations

import html
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bindref.core.errors import ConfigError
from bindref.languages import Direction, Language
from bindref.samples.files import sample_paths
from bindref.samples.treesitter import Grammar, Node, parse

# Code inside these never declares a type, so the tree walk does not descend into them.
_OPAQUE = frozenset(
    {"block", "method_declaration", "constructor_declaration", "property_declaration", "field_declaration"}
    | {"attribute_list", "using_directive", "import_declaration", "annotation_type_element_declaration"}
)
_GRAMMARS = {".cs": Grammar.CSHARP, ".java": Grammar.JAVA}
_TAG = re.compile(r"<(?:see|seealso|paramref|typeparamref)\s+\w+=\"([^\"]*)\"\s*/>|<[^>]+>")
_JAVADOC_INLINE = re.compile(r"\{@\w+\s+([^}]*)\}")


@dataclass(frozen=True, kw_only=True)
class SdkParameter:
    """One parameter of an SDK surface, as the SDK's source declares it."""

    name: str
    required: bool
    default: str | None  # source text of the default; None when there is none
    type: str
    line: int
    path: str = ""  # set when declared in another file than the surface (an inherited property)
    description: str = ""  # the SDK's own doc comment, tags removed; "" when it has none
    # The constant a C#/Java default was written as (``ModelDefaults.DEFAULT_CHAT_MODEL``)
    # when ``default`` is the literal it resolves to; "" when written as a literal.
    written_as: str = ""
    # What the host receives when that differs from ``default``'s text: a Python enum member
    # (``OpenAIModels.DefaultChatModel``) is written to function.json by name (``"DefaultChatModel"``).
    host_value: str | None = None


@dataclass(frozen=True, kw_only=True)
class BindingStatement:
    """What an SDK states about the binding itself: its type string, its direction, and where.

    ``directions`` are those the statement allows (Java's ``direction = "in"`` is an input or
    a trigger); empty when the SDK does not say. ``stated_as`` is how the SDK says it, for hints.
    """

    type_name: str | None
    directions: frozenset[Direction]
    stated_as: str
    path: str
    line: int


@dataclass(frozen=True, kw_only=True)
class SdkSurface:
    """A decorator, attribute or annotation: what a definition is compared with."""

    language: Language
    symbol: str
    path: str
    line: int
    parameters: tuple[SdkParameter, ...]
    statement: BindingStatement | None = None
    # Every public constructor (C#), parameters named like their property; None: not positional.
    constructors: tuple[tuple[SdkParameter, ...], ...] | None = None


SdkSurfaces = dict[Language, dict[str, SdkSurface]]


def require_any(surfaces: SdkSurfaces, root: Path, what: str) -> SdkSurfaces:
    """A checkout with nothing to compare is a wrong path, never an empty pass."""
    if not surfaces:
        raise ConfigError(f"no {what} under '{root}'", hint="point --sdk-source at the extension's checkout")
    return surfaces


def source_trees(root: Path, suffix: str, markers: tuple[bytes, ...]) -> Iterator[tuple[str, Node]]:
    """Parsed source files, in path order; a byte test first skips files that declare nothing.

    ``root`` is a checkout, or a ``-sources.jar`` as Maven Central publishes one (read in
    place: nothing is unpacked).
    """
    if root.is_file() and root.suffix == ".jar":
        yield from _jar_trees(root, suffix, markers)
        return
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
            yield relative.as_posix(), parse(source, _GRAMMARS[suffix])


def _jar_trees(jar: Path, suffix: str, markers: tuple[bytes, ...]) -> Iterator[tuple[str, Node]]:
    try:
        with zipfile.ZipFile(jar) as archive:
            names = sorted(n for n in archive.namelist() if n.endswith(suffix))
            sources = [(name, archive.read(name)) for name in names]
    except (OSError, zipfile.BadZipFile) as error:
        raise ConfigError(f"cannot read sources jar '{jar}'", hint=str(error)) from None
    for name, source in sources:
        if any(marker in source for marker in markers):
            yield name, parse(source, _GRAMMARS[suffix])


def walk(node: Node, kind: str) -> Iterator[Node]:
    """Every ``kind`` node below ``node``, not descending into code that declares no type."""
    if node.type == kind:
        yield node
    for child in node.named_children:
        if child.type not in _OPAQUE:
            yield from walk(child, kind)


def text(node: Node | None) -> str:
    """Source text with whitespace runs collapsed, so a wrapped default reads as one line."""
    return "" if node is None or node.text is None else " ".join(node.text.decode("utf-8").split())


def line(node: Node) -> int:
    return node.start_point.row + 1


def after_equals(node: Node) -> Node | None:
    """The initializer of a parameter or variable declarator: the node after ``=``."""
    return next((after for before, after in itertools.pairwise(node.children) if before.type == "="), None)


def constants(declaration: Node) -> Iterator[tuple[str, str]]:
    """``NAME = value`` pairs of a C# ``const`` or ``static readonly`` field, or a Java constant."""
    for declarator in walk(declaration, "variable_declarator"):
        if (value := after_equals(declarator)) is not None:
            yield text(declarator.child_by_field_name("name")), text(value)


def doc_comment(node: Node) -> str:
    """The doc comment right above a declaration, as one line of prose (tags removed).

    C# ``/// <summary>`` lines and a Java ``/** ... */`` block alike: only the summary (C#)
    or the text before the first ``@tag`` (Java) describes the member.
    """
    lines: list[str] = []
    sibling = node.prev_named_sibling
    while sibling is not None and sibling.type in {"comment", "block_comment", "line_comment"}:
        raw = sibling.text.decode("utf-8") if sibling.text is not None else ""
        if raw.startswith("///"):
            lines[:0] = [entry.removeprefix("///") for entry in raw.splitlines()]
        elif raw.startswith("/**"):
            lines[:0] = [
                entry.strip().lstrip("*") for entry in raw.removeprefix("/**").removesuffix("*/").splitlines()
            ]
            break
        else:
            break
        sibling = sibling.prev_named_sibling
    joined = "\n".join(lines)
    summary = re.search(r"<summary>(.*?)</summary>", joined, re.DOTALL)
    if summary is not None:
        joined = summary.group(1)
    joined = re.split(r"^\s*@\w+", joined, maxsplit=1, flags=re.MULTILINE)[0]
    prose = _TAG.sub(lambda m: m.group(1) or "", _JAVADOC_INLINE.sub(r"\1", joined))
    return " ".join(html.unescape(prose).split())
