"""Language profiles: how each language surface spells, types and titles parameters.

Real SDKs differ per language in systematic ways (C# PascalCase attributes, Java
camelCase annotation elements, Python snake_case decorator arguments, function.json
camelCase keys). Encoding those rules once here keeps every binding definition down
to one canonical field per parameter plus the genuine exceptions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum


class Language(StrEnum):
    """A language surface that a binding reference documents."""

    CSHARP_ISOLATED = "csharp_isolated"
    CSHARP_INPROCESS = "csharp_inprocess"
    JAVA = "java"
    JAVASCRIPT = "javascript"
    TYPESCRIPT = "typescript"
    POWERSHELL = "powershell"
    PYTHON = "python"


# Keys that stand for several languages at once in a definition, so the common case
# ("both C# models", "both Node.js languages") is written once.
LANGUAGE_GROUPS: Mapping[str, tuple[Language, ...]] = {
    "csharp": (Language.CSHARP_ISOLATED, Language.CSHARP_INPROCESS),
    "node": (Language.JAVASCRIPT, Language.TYPESCRIPT),
}


class Direction(StrEnum):
    """Binding direction as function.json spells it (a trigger is written ``in``)."""

    IN = "in"
    OUT = "out"
    TRIGGER = "trigger"


# How prose names a binding of each direction ("the input binding").
DIRECTION_KIND: Mapping[Direction, str] = {
    Direction.IN: "input",
    Direction.OUT: "output",
    Direction.TRIGGER: "trigger",
}


@dataclass(frozen=True, kw_only=True)
class ExtraParameter:
    """A parameter every binding has in one language (Java ``name``, Python ``arg_name``).

    ``description`` may use ``{type}``, ``{direction}`` and ``{kind}`` (input, output
    or trigger) and is formatted with Python's ``str.format`` (never Jinja).
    """

    name: str
    type: str
    required: bool
    default: str | None
    description: str
    last: bool = False  # listed after the binding's own parameters (Python's data_type)


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


@dataclass(frozen=True, kw_only=True)
class LanguageProfile:
    """Everything the renderer and checks need to know about one language surface."""

    language: Language
    label: str
    tab: str
    section_title: str
    name_column: str
    fence: str
    template_dir: str
    naming_rule: Callable[[str], str]
    type_names: Mapping[str, str]
    true_literal: str
    false_literal: str
    null_literal: str
    extras: tuple[ExtraParameter, ...] = ()

    def spell(self, canonical: str) -> str:
        """The parameter name this language uses, before per-field overrides."""
        return self.naming_rule(canonical)

    def type_name(self, canonical_type: str) -> str:
        """Map a canonical annotation (``str``, ``bool``, ``int``, ``str | None``)."""
        optional = canonical_type.endswith(" | None")
        base = canonical_type.removesuffix(" | None")
        name = self.type_names.get(base, base)
        if optional and self.language in (Language.CSHARP_ISOLATED, Language.CSHARP_INPROCESS):
            return f"{name}?"
        return name

    def literal(self, value: object) -> str:
        """Format a default value as this language writes it in source code."""
        if value is None:
            return self.null_literal
        if value is True:
            return self.true_literal
        if value is False:
            return self.false_literal
        if isinstance(value, str):
            escaped = value.replace("\\", "\\\\").replace('"', '\\"')
            return f'"{escaped}"'
        return str(value)


_CSHARP_TYPES = {"str": "string", "bool": "bool", "int": "int", "float": "double"}
_JAVA_TYPES = {"str": "String", "bool": "boolean", "int": "int", "float": "double"}
_PYTHON_TYPES = {"str": "str", "bool": "bool", "int": "int", "float": "float"}
_JSON_TYPES = {"str": "string", "bool": "boolean", "int": "number", "float": "number"}

_JAVA_NAME = ExtraParameter(
    name="name",
    type="String",
    required=True,
    default=None,
    description="The name of the function parameter that receives the binding value.",
)
_PYTHON_ARG_NAME = ExtraParameter(
    name="arg_name",
    type="str",
    required=True,
    default=None,
    description="The name of the function parameter that receives the binding value.",
)
_PYTHON_DATA_TYPE = ExtraParameter(
    name="data_type",
    type="DataType | str",
    required=False,
    default="None",
    description="How the Functions host converts the value before passing it to Python.",
    last=True,
)
_GENERIC_TYPE = ExtraParameter(
    name="type",
    type="string",
    required=True,
    default=None,
    description="Must be `{type}`.",
)
_JSON_DIRECTION = ExtraParameter(
    name="direction",
    type="string",
    required=True,
    default=None,
    description="Must be `{direction}`.",
)
_JSON_NAME = ExtraParameter(
    name="name",
    type="string",
    required=True,
    default=None,
    description="The name of the {kind} binding: the variable that holds its value in the code.",
)


def _profile(language: Language, **fields: object) -> LanguageProfile:
    return LanguageProfile(language=language, **fields)  # type: ignore[arg-type]  # fields are checked by the dataclass at import time


_CSHARP_COMMON: dict[str, object] = {
    "tab": "C#",
    "section_title": "Attributes",
    "name_column": "Parameter",
    "fence": "csharp",
    "template_dir": "csharp",
    "naming_rule": pascal_case,
    "type_names": _CSHARP_TYPES,
    "true_literal": "true",
    "false_literal": "false",
    "null_literal": "null",
}
_NODE_COMMON: dict[str, object] = {
    "section_title": "Configuration",
    "name_column": "Property",
    "template_dir": "node",
    "naming_rule": camel_case,
    "type_names": _JSON_TYPES,
    "true_literal": "true",
    "false_literal": "false",
    "null_literal": "undefined",
    "extras": (_GENERIC_TYPE,),
}

PROFILES: Mapping[Language, LanguageProfile] = {
    Language.CSHARP_ISOLATED: _profile(
        Language.CSHARP_ISOLATED, label="Isolated worker model", **_CSHARP_COMMON
    ),
    Language.CSHARP_INPROCESS: _profile(
        Language.CSHARP_INPROCESS, label="In-process model", **_CSHARP_COMMON
    ),
    Language.JAVA: _profile(
        Language.JAVA,
        label="Java",
        tab="Java",
        section_title="Annotations",
        name_column="Element",
        fence="java",
        template_dir="java",
        naming_rule=camel_case,
        type_names=_JAVA_TYPES,
        true_literal="true",
        false_literal="false",
        null_literal="null",
        extras=(_JAVA_NAME,),
    ),
    Language.JAVASCRIPT: _profile(
        Language.JAVASCRIPT, label="JavaScript", tab="JavaScript", fence="javascript", **_NODE_COMMON
    ),
    Language.TYPESCRIPT: _profile(
        Language.TYPESCRIPT, label="TypeScript", tab="TypeScript", fence="typescript", **_NODE_COMMON
    ),
    Language.POWERSHELL: _profile(
        Language.POWERSHELL,
        label="PowerShell",
        tab="PowerShell",
        section_title="Configuration",
        name_column="Property",
        fence="json",
        template_dir="powershell",
        naming_rule=camel_case,
        type_names=_JSON_TYPES,
        true_literal="true",
        false_literal="false",
        null_literal="null",
        extras=(_GENERIC_TYPE, _JSON_DIRECTION, _JSON_NAME),
    ),
    Language.PYTHON: _profile(
        Language.PYTHON,
        label="Python",
        tab="Python",
        section_title="Decorators",
        name_column="Parameter",
        fence="python",
        template_dir="python",
        naming_rule=snake_case,
        type_names=_PYTHON_TYPES,
        true_literal="True",
        false_literal="False",
        null_literal="None",
        extras=(_PYTHON_ARG_NAME, _PYTHON_DATA_TYPE),
    ),
}

# Tabs in page order; a tab holds one or more languages (C# holds both models).
TAB_ORDER: tuple[str, ...] = ("C#", "Java", "JavaScript", "TypeScript", "PowerShell", "Python")


def languages_in_tab(tab: str) -> tuple[Language, ...]:
    """The languages a tab shows, in profile order."""
    return tuple(lang for lang, profile in PROFILES.items() if profile.tab == tab)


def expand_language_key(key: str) -> tuple[Language, ...] | None:
    """A definition key (``python``, ``csharp``, ``node``) -> languages, or None if unknown."""
    if key in LANGUAGE_GROUPS:
        return LANGUAGE_GROUPS[key]
    try:
        return (Language(key),)
    except ValueError:
        return None


def valid_language_keys() -> tuple[str, ...]:
    """Every key a definition may use, for error hints."""
    return tuple(lang.value for lang in Language) + tuple(LANGUAGE_GROUPS)
