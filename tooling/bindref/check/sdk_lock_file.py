"""The SDK lock file: the SDK surfaces an extension's definitions were reviewed against.

One JSON file per extension, beside its definitions (``binding_defs/<extension>/sdk.lock.json``),
written by ``bindref sdk lock`` and read by ``bindref check``. It records which SDKs were read
(package version, Maven coordinate, checkout commit) and, per binding, language and parameter,
the SDK's signature and its own doc comment, with a sha256 fingerprint of that text. Stable
JSON (sorted keys, two-space indent, a trailing newline), so a refresh reviews as a small diff.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bindref.core.config import Settings
from bindref.core.errors import ConfigError
from bindref.languages import Language
from bindref.sdk.provenance import Provenance
from bindref.sdk.sources import SdkSurface

LOCK_NAME = "sdk.lock.json"
FORMAT = 1
_COMMENT = (
    "Written by 'bindref sdk lock': the SDK text these definitions were reviewed against. "
    "'bindref check' reports what changed in an SDK since; refresh after review, never by hand."
)


@dataclass(frozen=True, kw_only=True)
class LockedParameter:
    """One SDK parameter as it was reviewed: its signature and the SDK's doc comment."""

    type: str
    required: bool
    default: str | None
    doc: str

    @property
    def doc_sha256(self) -> str:
        """The fingerprint of the doc comment that the check compares."""
        return hashlib.sha256(self.doc.encode("utf-8")).hexdigest()


@dataclass(frozen=True, kw_only=True)
class LockedSurface:
    """A decorator, attribute or annotation, by its symbol, with its parameters by name."""

    symbol: str
    parameters: Mapping[str, LockedParameter]


@dataclass(frozen=True, kw_only=True)
class SdkLock:
    """An extension's lock: the SDKs read, by family, and the surfaces of each binding, by language."""

    extension: str
    sdks: Mapping[str, tuple[Provenance, ...]]
    bindings: Mapping[str, Mapping[Language, LockedSurface]]
    text: str = ""  # the file as read, to locate findings by line

    def line_of_sdk(self, family: str) -> int:
        """The line that records ``family``'s SDK, as the writer lays it out (else the first line)."""
        lines = self.text.splitlines()
        return next((n for n, line in enumerate(lines, 1) if line.rstrip() == f'    "{family}": ['), 1)


def lock_path(settings: Settings, extension: str) -> str:
    """The repo-relative lock file of ``extension``: beside its definitions, which are all ``*.py``."""
    return f"{settings.definitions}/{extension}/{LOCK_NAME}"


def locked_surface(surface: SdkSurface) -> LockedSurface:
    """What the lock keeps of an SDK surface."""
    return LockedSurface(
        symbol=surface.symbol,
        parameters={
            p.name: LockedParameter(type=p.type, required=p.required, default=p.default, doc=p.description)
            for p in surface.parameters
        },
    )


def render_lock(lock: SdkLock) -> str:
    """The file's text: stable JSON with a trailing newline, byte-identical for equal locks."""
    data = {
        "_comment": _COMMENT,
        "format": FORMAT,
        "extension": lock.extension,
        "sdks": {family: [dict(p) for p in provenances] for family, provenances in lock.sdks.items()},
        "bindings": {
            key: {
                language.value: {
                    "symbol": surface.symbol,
                    "parameters": {
                        name: {
                            "type": p.type,
                            "required": p.required,
                            "default": p.default,
                            "doc": p.doc,
                            "doc_sha256": p.doc_sha256,
                        }
                        for name, p in surface.parameters.items()
                    },
                }
                for language, surface in by_language.items()
            }
            for key, by_language in lock.bindings.items()
        },
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def read_lock(root: Path, relative: str) -> SdkLock | None:
    """The lock at ``root / relative``, None when there is none; a broken one is a usage error."""
    path = root / relative
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        raise _broken(relative, str(error)) from None
    except json.JSONDecodeError as error:
        raise _broken(relative, error.msg, error.lineno) from None
    try:
        return _parse(data, text, relative)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise _broken(relative, f"unexpected content ({type(error).__name__}: {error})") from None


def _parse(data: Any, text: str, relative: str) -> SdkLock:
    if data["format"] != FORMAT:
        raise _broken(relative, f"format {data['format']!r}, this bindref reads format {FORMAT}")
    bindings: dict[str, dict[Language, LockedSurface]] = {}
    for key, by_language in data["bindings"].items():
        bindings[key] = {}
        for language, surface in by_language.items():
            parameters = {
                name: _parameter(name, entry, relative) for name, entry in surface["parameters"].items()
            }
            bindings[key][Language(language)] = LockedSurface(
                symbol=str(surface["symbol"]), parameters=parameters
            )
    sdks = {
        str(family): tuple({str(k): str(v) for k, v in p.items()} for p in provenances)
        for family, provenances in data["sdks"].items()
    }
    return SdkLock(extension=str(data["extension"]), sdks=sdks, bindings=bindings, text=text)


def _parameter(name: str, entry: Any, relative: str) -> LockedParameter:
    default = entry["default"]
    parameter = LockedParameter(
        type=str(entry["type"]),
        required=bool(entry["required"]),
        default=None if default is None else str(default),
        doc=str(entry["doc"]),
    )
    if parameter.doc_sha256 != entry["doc_sha256"]:
        raise _broken(relative, f"the doc text of '{name}' does not match its doc_sha256 (edited by hand?)")
    return parameter


def _broken(relative: str, problem: str, line: int = 0) -> ConfigError:
    return ConfigError(
        f"cannot read the SDK lock: {problem}",
        path=relative,
        line=line,
        hint="restore it from version control, or delete it and run 'bindref sdk lock'",
    )
