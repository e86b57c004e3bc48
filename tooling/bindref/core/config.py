"""Project settings, read from ``[tool.bindref]`` in ``pyproject.toml``.

The CLI and the MkDocs macros both call :func:`load_settings`, so the folders, the
enabled languages and the source-link base URL are defined in exactly one place.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path, PureWindowsPath
from typing import Any

from bindref.core.errors import ConfigError, choices_hint
from bindref.core.extensions import PYPROJECT, ExtensionSettings, line_of_key, read_extensions
from bindref.languages import Language


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Where things live and what to render; defaults fit a repository laid out like bindref's."""

    root: Path
    definitions: str = "binding_defs"
    samples: str = "samples"
    docs: str = "docs"
    templates: str = "docs/overrides/bindref"
    languages: tuple[Language, ...] = tuple(Language)
    source_base_url: str = ""
    # Microsoft Learn export: the docset path that sample paths hang from in :::code source=,
    # the folder that `bindref check` keeps in sync with the export (unset: not checked),
    # and the ms.date written into the front matter (unset: left out, so output is stable).
    learn_code_root: str = "~/samples"
    learn_export: str = ""
    learn_date: str = ""
    extensions: Mapping[str, ExtensionSettings] = field(default_factory=dict)

    def extension(self, name: str) -> ExtensionSettings:
        """The settings of extension ``name``: its own table, or the project's defaults."""
        return self.extensions.get(name) or _defaults_of(name)

    def samples_of(self, extension: str) -> str:
        """The folder the example paths of ``extension`` are relative to."""
        return self.extension(extension).samples or self.samples

    def sample_roots(self) -> tuple[str, ...]:
        """Every samples folder, each once, nested ones left out (they are walked already)."""
        roots = sorted({self.samples, *(e.samples for e in self.extensions.values() if e.samples)})
        return tuple(r for r in roots if not any(r != o and Path(r).is_relative_to(o) for o in roots))

    def sample_folder_of(self, extension: str) -> str:
        """The folder that holds the samples of ``extension``: its own, else ``<samples>/<extension>``."""
        return self.extension(extension).samples or f"{self.samples}/{extension}"

    def code_root_of(self, extension: str) -> str:
        """The Learn docset path that the samples folder of ``extension`` maps to."""
        return self.extension(extension).learn_code_root or self.learn_code_root

    def source_url(self, path: str, start_line: int, end_line: int, extension: str = "") -> str:
        """Link to ``path`` (project-relative) at its lines, or '' when no base URL is configured.

        An extension with its own base URL links below its samples folder (its repository);
        otherwise the project's base URL is the URL of the project root.
        """
        own = self.extension(extension) if extension else None
        if own is not None and own.source_base_url:
            base, below = own.source_base_url, Path(path).relative_to(self.samples_of(extension)).as_posix()
        elif self.source_base_url:
            base, below = self.source_base_url, path
        else:
            return ""
        anchor = ""
        if start_line:
            anchor = f"#L{start_line}" if start_line == end_line else f"#L{start_line}-L{end_line}"
        return f"{base.rstrip('/')}/{below}{anchor}"


_KEYS = tuple(f.name for f in fields(Settings) if f.name != "root")  # extensions: its own tables
_FOLDER_KEYS = frozenset({"definitions", "samples", "docs", "templates", "learn_export"})
_EXAMPLES = {f.name: f.default for f in fields(Settings) if isinstance(f.default, str) and f.default}
_EXAMPLES |= {
    "learn_export": "learn",
    "learn_date": "2026-01-31",
    "source_base_url": "https://github.com/org/repo/blob/main",
}


@cache
def _defaults_of(name: str) -> ExtensionSettings:
    """The settings of an extension without a table of its own (frozen: one per name serves all).

    Asked for each code block's source link: a check of a thousand bindings asked 6,000 times.
    """
    return ExtensionSettings(name=name)


def find_project_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` that has a ``pyproject.toml``."""
    for folder in (start, *start.parents):
        if (folder / PYPROJECT).is_file():
            return folder
    raise ConfigError(
        f"no {PYPROJECT} found in {start} or any parent folder",
        hint="run bindref inside the project, or pass --root",
    )


def load_settings(root: Path) -> Settings:
    """Settings for the project at ``root``; every bad key is reported at its line."""
    if not root.is_dir():
        problem = "does not exist" if not root.exists() else "is not a folder"
        raise ConfigError(
            f"project folder '{root}' {problem}", hint="pass --root the folder of pyproject.toml"
        )
    path = root / PYPROJECT
    if not path.is_file():
        return Settings(root=root)
    text = _read_pyproject(path)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message, line, column = _toml_error(error)
        hint = f"column {column}: fix the TOML syntax" if column else "fix the TOML syntax"
        raise ConfigError(f"invalid TOML: {message}", path=PYPROJECT, line=line, hint=hint) from None
    tool = document.get("tool", {})
    table = tool.get("bindref", {}) if isinstance(tool, dict) else tool
    if not isinstance(table, dict):
        raise ConfigError(
            "'tool.bindref' must be a table of settings",
            path=PYPROJECT,
            line=_line_of_table(text),
            hint="write the settings as key = value lines under a [tool.bindref] header",
        )
    values: dict[str, Any] = {}
    for key, value in table.items():
        line = line_of_key(text, key)
        if key == "extensions":
            values[key] = read_extensions(value, text, root)
            continue
        if key not in _KEYS:
            raise ConfigError(
                f"unknown setting '{key}' in [tool.bindref]",
                path=PYPROJECT,
                line=line,
                hint=choices_hint(key, _KEYS, noun="settings"),
            )
        values[key] = _convert(key, value, line)
    templates = values.get("templates")
    if templates is not None and not (root / templates).is_dir():
        # The default folder may be absent (no overrides); a folder someone named must exist,
        # or the overrides meant to apply would silently never do.
        raise ConfigError(
            f"templates folder '{templates}' does not exist",
            path=PYPROJECT,
            line=setting_line(root, "templates"),
            hint="create it, or set [tool.bindref] templates to the folder of your overrides",
        )
    return Settings(root=root, **values)


def _convert(key: str, value: Any, line: int) -> Any:
    if key == "languages":
        if not isinstance(value, list) or not value:
            raise ConfigError(
                "'languages' must be a non-empty list", path=PYPROJECT, line=line, hint=_languages()
            )
        return tuple(_language(item, line) for item in value)
    example = _EXAMPLES.get(key, "")
    if not isinstance(value, str):
        hint = f"write it in quotes, such as {key} = '{example}'" if example else "write it in quotes"
        raise ConfigError(f"'{key}' must be a string", path=PYPROJECT, line=line, hint=hint)
    outside = value.startswith("/") or bool(PureWindowsPath(value).anchor) or ".." in Path(value).parts
    if key in _FOLDER_KEYS and (outside or not value.strip()):
        raise ConfigError(
            f"'{key}' must be a folder inside the project",
            path=PYPROJECT,
            line=line,
            hint=f"use a relative path such as '{example}'",
        )
    return value


def setting_line(root: Path, key: str) -> int:
    """The line of ``key`` in ``[tool.bindref]`` of the project at ``root``, 0 when it is not set."""
    try:
        text = (root / PYPROJECT).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 0
    return line_of_key(text, key, missing=0)


def _language(item: Any, line: int) -> Language:
    try:
        return Language(item)
    except ValueError:
        raise ConfigError(
            f"unknown language '{item}' in 'languages'",
            path=PYPROJECT,
            line=line,
            hint=choices_hint(str(item), (lang.value for lang in Language), noun="languages"),
        ) from None


def _languages() -> str:
    return "languages: " + ", ".join(lang.value for lang in Language)


def _read_pyproject(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        hint = f"byte 0x{data[error.start]:02x} at offset {error.start}; TOML files are UTF-8"
        raise ConfigError("not UTF-8 text", path=PYPROJECT, line=line, hint=hint) from None


def _line_of_table(text: str) -> int:
    """The line that makes ``tool.bindref`` something other than a table."""
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(r"\s*(tool\s*=|bindref\s*=|tool\.bindref\s*=)", line):
            return number
    return 1


def _toml_error(error: tomllib.TOMLDecodeError) -> tuple[str, int, int]:
    """The message, line and column: Python 3.11 has them only in the message text."""
    message = str(error)
    if match := re.search(r" \(at line (\d+), column (\d+)\)$", message):
        return message[: match.start()], int(match[1]), int(match[2])
    return message.removesuffix(" (at end of document)"), int(getattr(error, "lineno", 0) or 1), 0
