"""Find the binding usages in one sample file, as plain data with the lines they sit on.

A usage is one C# attribute, Java annotation, Python decorator, Node.js ``*.generic({...})``
or typed helper call (``input.sql({...})``, ``app.sql(name, {...})``) or ``function.json``
binding entry, with the argument names (or positions) it passes.
What the names should be is the definition's business: this module never sees the catalog,
so the drift check can be tested on made-up bindings and this on made-up code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from bindref.core.cache import Cache
from bindref.samples.function_json import function_json_usages
from bindref.samples.treesitter import (
    Grammar,
    Node,
    find_nodes,
    is_comment,
    line_of,
    parse,
    string_literal,
    text_of,
    unwrap,
)
from bindref.samples.usage_types import Argument, BindingUsage, Syntax, syntax_for, syntax_of_name

__all__ = ["Argument", "BindingUsage", "Syntax", "find_usages", "syntax_for", "syntax_of_name"]


def find_usages(
    text: str, syntax: Syntax, symbols: Collection[str] | None = None, *, cache: Cache | None = None
) -> tuple[BindingUsage, ...]:
    """Every usage in ``text`` in file order, only those whose symbol is in ``symbols`` if given.

    Raises :class:`json.JSONDecodeError` (a ValueError with ``lineno``) for a function.json
    that is not valid JSON; source code is parsed error-tolerantly and never raises. ``cache``
    keeps every usage of a text (a tree-sitter parse and query), filtered by ``symbols`` after.
    """
    if cache is None:
        usages = _every_usage(text, syntax)
    else:
        key = cache.key("usages", syntax.value, text)
        usages = cache.get("usages", key, _valid_usages)
        if usages is None:
            usages = _every_usage(text, syntax)
            cache.put("usages", key, usages)
    return usages if symbols is None else tuple(u for u in usages if u.symbol in symbols)


def _valid_usages(value: object) -> bool:
    return isinstance(value, tuple) and all(
        isinstance(usage, BindingUsage) and all(isinstance(a, Argument) for a in usage.arguments)
        for usage in value
    )


def _every_usage(text: str, syntax: Syntax) -> tuple[BindingUsage, ...]:
    if syntax is Syntax.FUNCTION_JSON:
        usages: tuple[BindingUsage, ...] = function_json_usages(text)
    else:
        grammar = Grammar(syntax.value)
        finder, types = _FINDERS[syntax]
        nodes = find_nodes(parse(text.encode("utf-8"), grammar), grammar, types)
        usages = tuple(usage for node in nodes if (usage := finder(node, syntax)) is not None)
    return usages


def _simple_name(qualified: str) -> str:
    """``global::Azure.Functions.AssistantPost<T>`` -> ``AssistantPost``."""
    compact = "".join(qualified.split()).split("<", 1)[0]
    return re.split(r"\.|::", compact)[-1]


def _csharp_attribute(node: Node, syntax: Syntax) -> BindingUsage | None:
    if node.type != "attribute" or (name := node.child_by_field_name("name")) is None:
        return None
    symbol = _simple_name(text_of(name))
    symbol = symbol.removesuffix("Attribute") or symbol
    arguments: list[Argument] = []
    listed = next((part for part in node.named_children if part.type == "attribute_argument_list"), None)
    for argument in listed.named_children if listed is not None else ():
        if argument.type != "attribute_argument":
            continue
        if (label := argument.child_by_field_name("name")) is None:
            position = sum(1 for a in arguments if a.position is not None)
            arguments.append(Argument(name=None, position=position, line=line_of(argument)))
        else:
            colon = any(token.type == ":" for token in argument.children)
            arguments.append(Argument(name=text_of(label), line=line_of(label), constructor=colon))
    return BindingUsage(syntax=syntax, symbol=symbol, arguments=tuple(arguments), line=line_of(node))


def _java_annotation(node: Node, syntax: Syntax) -> BindingUsage | None:
    if (
        node.type not in ("annotation", "marker_annotation")
        or (name := node.child_by_field_name("name")) is None
    ):
        return None
    arguments: list[Argument] = []
    values = node.child_by_field_name("arguments")
    for child in values.named_children if values is not None else ():
        if is_comment(child):
            continue
        key = child.child_by_field_name("key") if child.type == "element_value_pair" else None
        # `@X("v")` is shorthand for `@X(value = "v")`.
        label, where = (text_of(key), key) if key is not None else ("value", child)
        arguments.append(Argument(name=label, line=line_of(where)))
    symbol = _simple_name(text_of(name))
    return BindingUsage(syntax=syntax, symbol=symbol, arguments=tuple(arguments), line=line_of(node))


def _python_decorator(node: Node, syntax: Syntax) -> BindingUsage | None:
    if node.type != "decorator":
        return None
    expression = next((child for child in node.named_children if not is_comment(child)), None)
    call_arguments: Node | None = None
    if expression is not None and expression.type == "call":
        call_arguments = expression.child_by_field_name("arguments")
        expression = expression.child_by_field_name("function")
    if expression is not None and expression.type == "attribute":
        expression = expression.child_by_field_name("attribute")
    if expression is None or expression.type != "identifier":
        return None
    arguments: list[Argument] = []
    incomplete = False
    for child in call_arguments.named_children if call_arguments is not None else ():
        if child.type in ("list_splat", "dictionary_splat"):
            incomplete = True
        elif child.type == "keyword_argument" and (label := child.child_by_field_name("name")) is not None:
            arguments.append(Argument(name=text_of(label), line=line_of(label)))
        elif not is_comment(child):
            positional = sum(1 for a in arguments if a.position is not None)
            arguments.append(Argument(name=None, position=positional, line=line_of(child)))
    symbol = text_of(expression)
    return BindingUsage(
        syntax=syntax, symbol=symbol, arguments=tuple(arguments), line=line_of(node), incomplete=incomplete
    )


# `input.x(...)` -> "in"; `app.x(name, {...})` registers a function by its trigger.
_NODE_DIRECTIONS = {"input": "in", "output": "out", "trigger": "trigger", "app": "trigger"}


def _node_call(node: Node, syntax: Syntax) -> BindingUsage | None:
    """``input.generic({ type: 'x', ... })`` (by type string) or a typed helper ``input.sql({...})``.

    Any helper is a usage (``app.http(...)`` too): which ones are bindings is the catalog's business.
    """
    call = _binding_call(node)
    if call is None:
        return None
    owner, helper, options = call
    arguments: list[Argument] = []
    type_string: str | None = None
    incomplete = False
    for child in options.named_children:
        key = _property_key(child)
        if key is None or key.type == "computed_property_name":
            incomplete = incomplete or child.type == "spread_element" or key is not None
            continue
        label = string_literal(key) if key.type == "string" else text_of(key)
        if label == "type" and child.type == "pair":
            type_string = string_literal(child.child_by_field_name("value"))
        if label is not None:
            arguments.append(Argument(name=label, line=line_of(key)))
    generic = helper == "generic"
    if generic and type_string is None:  # no literal `type`: not a binding we can identify
        return None
    return BindingUsage(
        syntax=syntax,
        symbol=type_string if generic and type_string is not None else f"{owner}.{helper}",
        direction=_NODE_DIRECTIONS[owner],
        arguments=tuple(arguments),
        line=line_of(node),
        incomplete=incomplete,
        by_type=generic,
        registration=owner == "app" and not generic,
    )


def _binding_call(node: Node) -> tuple[str, str, Node] | None:
    """(owner, helper, options object) of ``input.generic({...})``, ``app.sql(name, {...})`` and kin."""
    callee = node.child_by_field_name("function") if node.type == "call_expression" else None
    if callee is None or callee.type != "member_expression":
        return None
    owner, member = callee.child_by_field_name("object"), callee.child_by_field_name("property")
    if owner is None or member is None or text_of(owner) not in _NODE_DIRECTIONS:
        return None
    call_arguments = node.child_by_field_name("arguments")
    if call_arguments is None:
        return None
    options = next((o for a in call_arguments.named_children if (o := unwrap(a)).type == "object"), None)
    return None if options is None else (text_of(owner), text_of(member), options)


def _property_key(member: Node) -> Node | None:
    """The key node of an object-literal member (None for spreads and comments)."""
    if member.type == "pair":
        return member.child_by_field_name("key")
    if member.type == "method_definition":
        return member.child_by_field_name("name")
    return member if member.type == "shorthand_property_identifier" else None


_Finder = Callable[[Node, Syntax], BindingUsage | None]
# Every syntax but function.json is a grammar of the same name; each finder reads the node types beside it.
_FINDERS: dict[Syntax, tuple[_Finder, tuple[str, ...]]] = {
    Syntax.CSHARP: (_csharp_attribute, ("attribute",)),
    Syntax.JAVA: (_java_annotation, ("annotation", "marker_annotation")),
    Syntax.JAVASCRIPT: (_node_call, ("call_expression",)),
    Syntax.TYPESCRIPT: (_node_call, ("call_expression",)),
    Syntax.PYTHON: (_python_decorator, ("decorator",)),
}
