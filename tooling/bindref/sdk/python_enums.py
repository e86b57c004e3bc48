"""What function.json receives for an azure-functions enum member used as a default.

``chat_model: Optional[Union[str, OpenAIModels]] = OpenAIModels.DefaultChatModel``:
``OpenAIModels`` derives from ``StringifyEnum``, whose ``__str__`` is the member's *name*,
and the package writes function.json with ``StringifyEnumJsonEncoder``; so the host gets
``"DefaultChatModel"``, not ``"gpt-3.5-turbo"``. Only enums derived from ``StringifyEnum``
are written that way (any other enum fails to serialize), so only theirs are resolved.
The ``decorators/`` folder is read with :mod:`ast`, never imported.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

_WRITTEN_BY_NAME = "StringifyEnum"  # azure.functions.decorators.utils: __str__ returns the name


def enum_members(decorators: Path) -> dict[str, str]:
    """``{"OpenAIModels.DefaultChatModel": '"DefaultChatModel"'}``: each member as function.json gets it."""
    bases: dict[str, tuple[str, ...]] = {}
    members: dict[str, tuple[str, ...]] = {}
    for path in sorted(decorators.glob("*.py")):
        try:
            module = ast.parse(path.read_text(encoding="utf-8"))
        except (OSError, SyntaxError, UnicodeDecodeError):  # a broken file declares nothing
            continue
        for node in (n for n in module.body if isinstance(n, ast.ClassDef)):
            bases.setdefault(node.name, tuple(ast.unparse(b).split(".")[-1] for b in node.bases))
            members.setdefault(node.name, tuple(_member_names(node)))
    return {
        f"{cls}.{member}": f'"{member}"'
        for cls, names in members.items()
        if _written_by_name(cls, bases)
        for member in names
    }


def _member_names(node: ast.ClassDef) -> Iterator[str]:
    for statement in node.body:
        if isinstance(statement, ast.Assign):
            yield from (
                t.id for t in statement.targets if isinstance(t, ast.Name) and not t.id.startswith("_")
            )


def _written_by_name(cls: str, bases: Mapping[str, tuple[str, ...]]) -> bool:
    """Whether ``cls`` derives from ``StringifyEnum`` (itself excluded), through the folder's classes."""
    seen: set[str] = set()
    queue = list(bases.get(cls, ()))
    while queue:
        current = queue.pop()
        if current == _WRITTEN_BY_NAME:
            return True
        if current not in seen:
            seen.add(current)
            queue.extend(bases.get(current, ()))
    return False
