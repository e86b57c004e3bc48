"""Naming rules: how a canonical snake_case name is spelled in each language.

Real SDKs differ per language in systematic ways (C# PascalCase attribute properties, Java
camelCase annotation elements, Python snake_case decorator arguments, function.json
camelCase keys). A profile picks one of these; a definition overrides only the exceptions.
"""

from __future__ import annotations

import functools
import re


@functools.cache  # pure, and called for every parameter in every language
def pascal_case(canonical: str) -> str:
    """``chat_storage_connection_setting`` -> ``ChatStorageConnectionSetting``."""
    return "".join(part[:1].upper() + part[1:] for part in canonical.split("_") if part)


@functools.cache
def camel_case(canonical: str) -> str:
    """``user_message`` -> ``userMessage``."""
    pascal = pascal_case(canonical)
    return pascal[:1].lower() + pascal[1:]


@functools.cache
def snake_case(canonical: str) -> str:
    """Canonical names are already snake_case; collapse anything else to it."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", canonical).lower()


def as_written(name: str) -> str:
    """The name unchanged: most languages pass positional parameters by their own name."""
    return name


def lower_first(name: str) -> str:
    """``ConnectionStringSetting`` -> ``connectionStringSetting``: a C# constructor parameter."""
    return name[:1].lower() + name[1:]
