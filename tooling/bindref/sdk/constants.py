"""Constants an SDK's defaults name, resolved across the files of a source tree (C# and Java).

``String chatModel() default ModelDefaults.DEFAULT_CHAT_MODEL;`` and
``public string ChatModel { get; set; } = OpenAIModels.DefaultChatModel;`` name a constant
declared in another class, usually in another file. The host receives the constant's
value, so a definition documents the literal; comparing it with the name would report
drift that is not there (and suggest a worse default). Readers collect every class's
constants into one table and resolve a default through it; a name the table lacks stays
as written, so a constant of a library outside the tree is compared as source text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# A name a default may be written as: ``X``, ``Models.X``, ``com.example.Models.X``.
_NAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")
_MAX_STEPS = 8  # a constant defined by another constant: follow a short chain, never a cycle

# ``Class.NAME`` -> every declaration of it as (namespace or package, value), in path order.
Constants = Mapping[str, tuple[tuple[str, str], ...]]


@dataclass(frozen=True, kw_only=True)
class Resolved:
    """A default as the host receives it, and the constant it was written as ("" when literal)."""

    value: str
    written_as: str = ""


def collect(owners: Iterable[tuple[str, str, Mapping[str, str]]]) -> Constants:
    """The table of ``(namespace, class, constants)`` triples, each resolved in its own class."""
    table: dict[str, tuple[tuple[str, str], ...]] = {}
    for namespace, owner, members in owners:
        for name, value in members.items():
            declared = (namespace, resolve(value, members, {}, namespace).value)
            table[f"{owner}.{name}"] = (*table.get(f"{owner}.{name}", ()), declared)
    return table


def resolve(default: str, local: Mapping[str, str], shared: Constants, namespace: str) -> Resolved:
    """``default`` through the constants in scope (``local``: unqualified) and of every class.

    ``shared`` is keyed by ``Class.NAME``; a namespace or package written before the class
    (``com.example.ModelDefaults.X``) is not needed to find it. Two classes of one name
    (both worker models declare ``OpenAIModels``): the one whose namespace shares the most
    with ``namespace`` wins, as a C# ``using`` or a Java import of a sibling package would.
    """
    value = default
    for _ in range(_MAX_STEPS):
        key = ".".join(value.split(".")[-2:])
        if not _NAME.fullmatch(value):
            break
        if value in local:
            value = local[value]
        elif key in shared:
            value = max(shared[key], key=lambda declared: _shared_prefix(declared[0], namespace))[1]
        else:
            break
    return Resolved(value=value, written_as=default if value != default else "")


def _shared_prefix(declared: str, namespace: str) -> int:
    """How many leading segments two dotted namespaces share."""
    count = 0
    for ours, theirs in zip(declared.split("."), namespace.split("."), strict=False):
        if ours != theirs:
            break
        count += 1
    return count
