"""function.json files: their binding entries, and the script beside them that says whose they are.

A function.json configures the bindings of a function written in a language of the
function.json programming models (PowerShell, Node.js v3, Python v1, ...): the drift check
reads it for the language of its script, so the Functions host's rule for finding that
script lives here, and which suffix is which language lives in the language profiles.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Sequence
from pathlib import PurePosixPath

from bindref.samples.treesitter import Node, json_pairs, line_of, parse_json_object, text_of
from bindref.samples.usage_types import Argument, BindingUsage, Syntax

# The names the Functions host looks for when a folder holds several files (a Python v1
# function is its package's __init__.py).
_PRIMARY_STEMS = frozenset({"run", "index", "__init__"})


def function_json_usages(text: str) -> tuple[BindingUsage, ...]:
    """The ``bindings`` entries; ``json`` validates (and gives an error's line), tree-sitter gives lines."""
    text = text.removeprefix("\ufeff")
    json.loads(text)
    document = parse_json_object(text)
    pairs = json_pairs(document) if document is not None else []
    bindings = next((value for key, _, value in pairs if key == "bindings"), None)
    if bindings is None or bindings.type != "array":
        return ()
    return tuple(
        usage
        for entry in bindings.named_children
        if entry.type == "object"
        if (usage := _json_binding(entry))
    )


def files_beside(function_json: str) -> tuple[str, ...] | None:
    """The names of the other files in the folder of ``function_json``, sorted; None if unlistable."""
    name = os.path.basename(function_json)
    try:
        with os.scandir(os.path.dirname(function_json) or ".") as entries:
            return tuple(sorted(e.name for e in entries if e.name != name and _is_file(e)))
    except OSError:
        return None


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:  # a link loop is no script
        return False


def function_script(text: str, beside: Sequence[str] | None, suffixes: Collection[str]) -> str | None:
    """The script a function.json configures, as its ``scriptFile`` writes it or as the host finds it.

    Without ``scriptFile`` the Functions host runs the one file beside function.json
    (``beside``: :func:`files_beside`), else the one named run.*, index.* or __init__.py.
    ``suffixes`` are the scripts of the function.json models (the profiles know them): a lone
    README is not a script. None when nothing decides it: no script beside it (a sample that
    shows the configuration only), or a folder of several languages' samples.
    """
    declared = _script_file(text)
    if declared is not None or beside is None:
        return declared
    scripts = [name for name in beside if PurePosixPath(name).suffix.lower() in suffixes]
    if len(beside) == 1:
        return scripts[0] if scripts else None
    primary = [name for name in scripts if PurePosixPath(name).stem.lower() in _PRIMARY_STEMS]
    return primary[0] if len(primary) == 1 else None


def _script_file(text: str) -> str | None:
    """``scriptFile`` when the document sets one (invalid JSON is :func:`function_json_usages`' to report)."""
    try:
        document = json.loads(text.removeprefix("\ufeff"))
    except ValueError:
        return None
    script = document.get("scriptFile") if isinstance(document, dict) else None
    return script if isinstance(script, str) and script.strip() else None


def _json_string(value: Node) -> str:
    """A JSON value as the check should quote it: a string's content, anything else as written."""
    decoded = json.loads(text_of(value))
    return decoded if isinstance(decoded, str) else text_of(value)


def _json_binding(entry: Node) -> BindingUsage | None:
    pairs = json_pairs(entry)
    values = {key: value for key, _, value in pairs}
    if "type" not in values or values["type"].type != "string":
        return None
    direction = _json_string(values["direction"]) if "direction" in values else None
    return BindingUsage(
        syntax=Syntax.FUNCTION_JSON,
        symbol=_json_string(values["type"]),
        direction=direction,
        arguments=tuple(Argument(name=key, line=line_of(node)) for key, node, _ in pairs),
        line=line_of(entry),
        by_type=True,
    )
