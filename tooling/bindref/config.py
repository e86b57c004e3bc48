"""Project settings, read from ``[tool.bindref]`` in ``pyproject.toml``.

The CLI and the MkDocs macros both call :func:`load_settings`, so the folders, the
enabled languages and the source-link base URL are defined in exactly one place.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from bindref.errors import ConfigError, choices_hint
from bindref.languages import Language

PYPROJECT = "pyproject.toml"


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

    def source_url(self, path: str, start_line: int, end_line: int) -> str:
        """Link to ``path`` at its lines, or '' when no base URL is configured."""
        if not self.source_base_url:
            return ""
        anchor = ""
        if start_line:
            anchor = f"#L{start_line}" if start_line == end_line else f"#L{start_line}-L{end_line}"
        return f"{self.source_base_url.rstrip('/')}/{path}{anchor}"


_KEYS = tuple(f.name for f in fields(Settings) if f.name != "root")
_FOLDER_KEYS = frozenset({"definitions", "samples", "docs", "templates", "learn_export"})


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
    path = root / PYPROJECT
    if not path.is_file():
        return Settings(root=root)
    text = path.read_text(encoding="utf-8")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"invalid TOML: {error}", path=PYPROJECT, line=_error_line(error)) from None
    table: dict[str, Any] = document.get("tool", {}).get("bindref", {})
    values: dict[str, Any] = {}
    for key, value in table.items():
        line = _line_of_key(text, key)
        if key not in _KEYS:
            raise ConfigError(
                f"unknown setting '{key}' in [tool.bindref]",
                path=PYPROJECT,
                line=line,
                hint=choices_hint(key, _KEYS, noun="settings"),
            )
        values[key] = _convert(key, value, line)
    return Settings(root=root, **values)


def _convert(key: str, value: Any, line: int) -> Any:
    if key == "languages":
        if not isinstance(value, list) or not value:
            raise ConfigError(
                "'languages' must be a non-empty list", path=PYPROJECT, line=line, hint=_languages()
            )
        return tuple(_language(item, line) for item in value)
    if not isinstance(value, str):
        raise ConfigError(f"'{key}' must be a string", path=PYPROJECT, line=line)
    if key in _FOLDER_KEYS and (value.startswith("/") or ".." in Path(value).parts):
        raise ConfigError(
            f"'{key}' must be a folder inside the project",
            path=PYPROJECT,
            line=line,
            hint="use a relative path such as 'samples'",
        )
    return value


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


def _line_of_key(text: str, key: str) -> int:
    """Best-effort line of ``key = ...`` inside ``[tool.bindref]`` (tomllib has no positions)."""
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped == "[tool.bindref]"
        elif inside and stripped.split("=", 1)[0].strip() == key:
            return number
    return 1


def _error_line(error: tomllib.TOMLDecodeError) -> int:
    lineno = getattr(error, "lineno", None)
    return int(lineno) if lineno else 1
