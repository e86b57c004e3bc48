"""Settings of one extension: ``[tool.bindref.extensions.<name>]`` in ``pyproject.toml``.

Extensions differ in where their samples live, which repository a "view source" link
points at, which SDK sources they are compared with and what their Microsoft Learn files
are called; none of that may leak from one extension into another. An extension without
a table takes the project's settings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path, PureWindowsPath
from typing import Any

from bindref.core.errors import ConfigError, choices_hint

PYPROJECT = "pyproject.toml"
# {extension}, {key} (lowercased), {type} (lowercased) and {kind} (input, output, trigger).
DEFAULT_LEARN_FILE = "functions-bindings-{extension}-{key}-{kind}.md"
_LEARN_FIELDS = ("extension", "key", "type", "kind")


@dataclass(frozen=True, kw_only=True)
class ExtensionSettings:
    """What one extension sets apart from the project; empty strings fall back to the project's."""

    name: str
    title: str = ""  # "Azure SQL": how listings and reports name the extension
    # The folder its example paths are relative to (inside the project, anywhere outside docs/).
    samples: str = ""
    # The URL of that samples folder (or, without `samples`, of the project root) for links.
    source_base_url: str = ""
    # The Learn docset path its samples folder maps to (as Learn's ~/functions-openai-extension).
    learn_code_root: str = ""
    learn_file: str = DEFAULT_LEARN_FILE
    learn_files: Mapping[str, str] = field(default_factory=dict)  # binding key -> file name
    # Source checkouts of the extension's SDKs, compared by `bindref check` (paths may be outside).
    csharp_sources: str = ""
    java_sources: str = ""
    # Java libraries by Maven coordinates (group:artifact:version): their sources jars, from the
    # local Maven repository, are compared without a checkout.
    java_maven: tuple[str, ...] = ()
    # The extension's own source at the commit its runtime() records were verified against (a
    # URL such as https://github.com/<owner>/<repo>/blob/<commit>): their path:L<line> sources
    # are relative to it, and the SDK check links them there.
    runtime_source: str = ""
    # Learn source aliases -> folders (relative to the project root, or absolute), for `bindref
    # audit learn`: { "functions-sql-todo-sample" = "samples/sql" } resolves ~/functions-sql-todo-sample/.
    learn_aliases: Mapping[str, str] = field(default_factory=dict)

    def learn_file_name(self, *, key: str, type_name: str, kind: str) -> str:
        """The Learn file of one binding: its override, else the pattern filled in."""
        if key in self.learn_files:
            return self.learn_files[key]
        values = {"extension": self.name, "key": key.lower(), "type": type_name.lower(), "kind": kind}
        return self.learn_file.format(**values)


_KEYS = tuple(f.name for f in fields(ExtensionSettings) if f.name != "name")
_PATH_KEYS = frozenset({"samples"})
_SOURCE_KEYS = frozenset({"csharp_sources", "java_sources"})


def read_extensions(value: Any, text: str, root: Path) -> dict[str, ExtensionSettings]:
    """``[tool.bindref.extensions.*]`` tables; every bad key is reported at its line."""
    header = "tool.bindref.extensions"
    if not isinstance(value, dict):
        raise ConfigError(
            "'extensions' must be a table of extension tables",
            path=PYPROJECT,
            line=line_of_key(text, "extensions", "tool.bindref"),
            hint="write [tool.bindref.extensions.<name>] headers with key = value lines",
        )
    found: dict[str, ExtensionSettings] = {}
    for name, table in value.items():
        table_name = f"{header}.{name}"
        if not isinstance(table, dict):
            raise ConfigError(
                f"extension '{name}' must be a table of settings",
                path=PYPROJECT,
                line=line_of_key(text, name, header),
                hint=f"write [{table_name}] followed by key = value lines",
            )
        values: dict[str, Any] = {}
        for key, item in table.items():
            values[key] = _convert(key, item, line_of_key(text, key, table_name), table_name, root)
        found[name] = ExtensionSettings(name=name, **values)
    return found


# The settings that map names to strings: what they map, and an example.
_STRING_MAPS = {
    "learn_aliases": (
        "Learn source aliases to folders",
        "learn_aliases = { functions-sql-todo-sample = 'samples/sql' }",
    ),
    "learn_files": (
        "binding keys to file names",
        "learn_files = { trigger = 'functions-bindings-azure-sql-trigger.md' }",
    ),
}


def _convert(key: str, value: Any, line: int, table: str, root: Path) -> Any:
    if key not in _KEYS:
        raise ConfigError(
            f"unknown setting '{key}' in [{table}]",
            path=PYPROJECT,
            line=line,
            hint=choices_hint(key, _KEYS, noun="extension settings"),
        )
    if key == "java_maven":
        if not isinstance(value, list) or not all(isinstance(v, str) and v.count(":") == 2 for v in value):
            raise ConfigError(
                "'java_maven' must be a list of Maven coordinates",
                path=PYPROJECT,
                line=line,
                hint="write group:artifact:version strings, such as "
                "['com.microsoft.azure.functions:azure-functions-java-library-sql:2.1.0']",
            )
        return tuple(value)
    if key in _STRING_MAPS:
        if not isinstance(value, dict) or not all(isinstance(v, str) and v for v in value.values()):
            what, example = _STRING_MAPS[key]
            raise ConfigError(
                f"'{key}' must map {what}", path=PYPROJECT, line=line, hint=f"for example {example}"
            )
        return dict(value)
    if not isinstance(value, str):
        raise ConfigError(f"'{key}' must be a string", path=PYPROJECT, line=line, hint="write it in quotes")
    if key in _PATH_KEYS and (
        Path(value).is_absolute() or PureWindowsPath(value).anchor or ".." in Path(value).parts
    ):
        raise ConfigError(
            f"'{key}' must be a folder inside the project",
            path=PYPROJECT,
            line=line,
            hint="use a relative path such as 'samples/sql'",
        )
    if key in _PATH_KEYS and not (root / value).is_dir():
        raise ConfigError(
            f"{key} folder '{value}' does not exist",
            path=PYPROJECT,
            line=line,
            hint="create it, or fix the path",
        )
    if key == "learn_file":
        _check_pattern(value, line)
    return value


def _check_pattern(pattern: str, line: int) -> None:
    for name in re.findall(r"\{([^{}]*)\}", pattern):
        if name not in _LEARN_FIELDS:
            raise ConfigError(
                f"unknown field '{{{name}}}' in learn_file",
                path=PYPROJECT,
                line=line,
                hint=choices_hint(name, _LEARN_FIELDS, noun="fields"),
            )
    if not pattern.endswith(".md") or "/" in pattern:
        raise ConfigError(
            "learn_file must be a file name ending in .md",
            path=PYPROJECT,
            line=line,
            hint=f"for example learn_file = '{DEFAULT_LEARN_FILE}'",
        )


def line_of_key(text: str, key: str, table: str = "tool.bindref", missing: int | None = None) -> int:
    """Best-effort line of ``key = ...`` inside ``[table]`` (tomllib has no positions).

    Not found: ``missing`` when given, else the table's header line (or 1).
    """
    inside = False
    header_line = 0
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped.strip("[] ") == table
            header_line = number if inside else header_line
            if stripped.strip("[] ") == f"{table}.{key}":
                return number
        elif inside and stripped.split("=", 1)[0].strip() == key:
            return number
    return missing if missing is not None else header_line or 1
