"""Where ``source="~/<alias>/..."`` points: one folder per Learn alias.

A Learn docset maps each alias to a repository (``~/functions-sql-todo-sample/``,
``~/azure-functions-nodejs-v4/``), and one page often uses several. ``--samples
ALIAS=DIR`` (repeatable) and an extension's ``learn_aliases`` setting map them; a plain
``--samples DIR`` is the folder every other alias stands for. A folder that does not
exist is a usage error, never a page full of "source does not exist".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bindref.core.errors import ConfigError

ALIAS = re.compile(r"^~/([^/]+)/")
_MAPPING = re.compile(r"^([\w.-]+)=(.+)$")


@dataclass(frozen=True)
class SourceRoots:
    """The folder each alias stands for, and the one for any other alias."""

    default: Path
    aliases: Mapping[str, Path] = field(default_factory=dict)
    given: bool = False  # the default came from --samples, not the project's samples folder

    def candidates(self, source: str) -> list[tuple[Path, str]]:
        """``(base, relative)`` pairs ``~/<alias>/rest`` may be; empty for a plain path."""
        alias = ALIAS.match(source)
        if not alias:
            return []
        rest = source[alias.end() :]
        base = self.aliases.get(alias[1], self.default)
        first, _, tail = rest.partition("/")  # ~/repo/samples/x when the folder is that samples folder
        return [(base, rest)] + ([(base, tail)] if first == base.name and tail else [])

    def mapped(self, source: str) -> bool:
        """Whether the alias of ``source`` has a folder of its own."""
        alias = ALIAS.match(source)
        return bool(alias and alias[1] in self.aliases)


def source_roots(
    values: Iterable[str | Path], default: Path, settings: Mapping[str, str], root: Path
) -> SourceRoots:
    """``--samples`` values (``DIR`` or ``ALIAS=DIR``) over the extensions' ``learn_aliases``.

    Raises ConfigError (exit 2) for a folder that does not exist or two plain folders.
    """
    aliases = {alias: root / folder for alias, folder in settings.items()}
    for alias, folder in aliases.items():
        if not folder.is_dir():
            raise ConfigError(
                f"learn_aliases folder '{settings[alias]}' of '~/{alias}/' does not exist",
                path="pyproject.toml",
                hint="fix the folder in [tool.bindref.extensions.<name>] learn_aliases",
            )
    plain: list[Path] = []
    for value in values:
        text = str(value)
        match = _MAPPING.match(text)
        folder = Path(match[2]) if match else Path(text)
        if not folder.is_dir():
            what = "a file" if folder.is_file() else "missing"
            option = f"--samples {text}"
            raise ConfigError(
                f"samples folder '{folder}' does not exist ({option})",
                hint=f"it is {what}; name the folder that a source='~/alias/...' path stands for, "
                "as --samples DIR or --samples ALIAS=DIR",
            )
        if match:
            aliases[match[1]] = folder
        else:
            plain.append(folder)
    if len(plain) > 1:
        raise ConfigError(
            f"--samples names {len(plain)} plain folders: {', '.join(map(str, plain))}",
            hint="give one plain folder; map the others by alias as --samples ALIAS=DIR",
        )
    return SourceRoots(default=plain[0] if plain else default, aliases=aliases, given=bool(plain))
