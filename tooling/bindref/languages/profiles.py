"""The language profiles: one table row per language surface.

Every language fact bindref uses is a field here (see :class:`LanguageProfile`); the
questions other stages ask of the table as a whole are in :mod:`bindref.languages.lookups`.
"""

from __future__ import annotations

from collections.abc import Mapping

from bindref.languages.naming import camel_case, lower_first, pascal_case, snake_case
from bindref.languages.parts import (
    CSHARP_SYNONYMS,
    CSHARP_TYPES,
    GENERIC_TYPE,
    JAVA_NAME,
    JAVA_TYPES,
    JSON_DIRECTION,
    JSON_NAME,
    JSON_TYPES,
    PYTHON_ARG_NAME,
    PYTHON_DATA_TYPE,
    PYTHON_SYNONYMS,
    PYTHON_TYPES,
)
from bindref.languages.profile import Direction, Language, LanguageProfile

# Keys that stand for several languages at once in a definition, so the common case
# ("both C# models", "both Node.js languages") is written once.
LANGUAGE_GROUPS: Mapping[str, tuple[Language, ...]] = {
    "csharp": (Language.CSHARP_ISOLATED, Language.CSHARP_INPROCESS),
    "node": (Language.JAVASCRIPT, Language.TYPESCRIPT),
}

_PARAMETER = "a function parameter"
_CSHARP: dict[str, object] = {
    "tab": "C#",
    "section_title": "Attributes",
    "name_column": "Parameter",
    "member_nouns": ("parameter", "parameters"),
    "symbol_kind": "attribute",
    "symbol_markup": "[{name}]",
    "usage_subject": "attribute '[{name}]'",
    "fence": "csharp",
    "template_dir": "csharp",
    "naming_rule": pascal_case,
    "payload_naming_rule": pascal_case,
    "payload_nouns": "properties",
    "type_names": CSHARP_TYPES,
    "type_synonyms": CSHARP_SYNONYMS,
    "nullable_suffix": "?",
    "true_literal": "true",
    "false_literal": "false",
    "null_literal": "null",
    "positional_extras": (),  # constructor arguments: a signature of Binding.constructors
    "settable_properties": True,
    "declares_positionally": True,
    "declaration_context": "class Declared {{ void Run({code} string value) {{ }} }}",
    "constructor_spelling": lower_first,
    "signature_markup": "{name}Attribute({parameters})",
    "signature_parameter": "{type} {name}",
    "signature_default": "{type} {name} = {default}",
    "signature_nouns": ("constructor", "constructors"),
    "sample_syntax": "csharp",
    "sdk_family": "csharp",
    "learn_pivot": "csharp",
    "sample_key": "csharp",
    "sample_file": "{pascal}Functions.cs",
    "comment_leader": "//",
    "usage_prompt": "the parameter type the attribute binds to.",
}
# Languages that configure a binding with plain properties named by its type string, not an SDK
# symbol: the Node.js v4 options object and function.json.
_CONFIGURATION: dict[str, object] = {
    "section_title": "Configuration",
    "name_column": "Property",
    "member_nouns": ("property", "properties"),
    "symbol_kind": "",
    "symbol_markup": "{name}",
    "usage_subject": "'{name}' binding",
    "naming_rule": camel_case,
    "payload_naming_rule": camel_case,
    "payload_nouns": "fields",
    "type_names": JSON_TYPES,
    "true_literal": "true",
    "false_literal": "false",
}
_NODE: dict[str, object] = {
    **_CONFIGURATION,
    "column": "JavaScript / TypeScript",
    "generic_name": "{kind}.generic({{ type: '{type}' }})",
    "placement": {
        Direction.IN: "pass it in `extraInputs`",
        Direction.OUT: "pass it in `extraOutputs`",
        Direction.TRIGGER: "pass it as `trigger` in `app.generic(name, { trigger, handler })`",
    },
    "helper_owners": {
        Direction.IN: ("input",),
        Direction.OUT: ("output",),
        Direction.TRIGGER: ("app", "trigger"),
    },
    "helper_placement": {
        Direction.IN: "pass `{name}({{ ... }})` in `extraInputs`",
        Direction.OUT: "pass `{name}({{ ... }})` in `extraOutputs` or as `return`",
        Direction.TRIGGER: "register the function with `{name}(name, {{ ..., handler }})`",
    },
    "registration_options": frozenset(
        {"handler", "extraInputs", "extraOutputs", "return", "trigger", "retry"}
    ),
    "template_dir": "node",
    "null_literal": "undefined",
    "extras": (GENERIC_TYPE,),
    "comment_leader": "//",
    "usage_prompt": "what context.extraInputs.get(...) returns.",
}

PROFILES: Mapping[Language, LanguageProfile] = {
    Language.CSHARP_ISOLATED: LanguageProfile(
        language=Language.CSHARP_ISOLATED,
        label="Isolated worker model",
        column="C# isolated worker model",
        placement={
            Direction.IN: _PARAMETER,
            Direction.TRIGGER: _PARAMETER,
            Direction.OUT: "a property of the function's return type, or to the function method "
            "to bind its return value",
        },
        sdk_namespace="Microsoft.Azure.Functions.Worker",
        learn_tab="isolated-process",
        scaffold_name="{pascal}{suffix}",
        **_CSHARP,  # type: ignore[arg-type]  # the shared fields are checked by the dataclass at import
    ),
    Language.CSHARP_INPROCESS: LanguageProfile(
        language=Language.CSHARP_INPROCESS,
        label="In-process model",
        column="C# in-process model",
        placement={
            Direction.IN: _PARAMETER,
            Direction.TRIGGER: _PARAMETER,
            Direction.OUT: "an `out` parameter or an `IAsyncCollector<T>` parameter of the function",
        },
        sdk_namespace="Microsoft.Azure.WebJobs",
        learn_tab="in-process",
        scaffold_name="{pascal}",
        **_CSHARP,  # type: ignore[arg-type]  # as above
    ),
    Language.JAVA: LanguageProfile(
        language=Language.JAVA,
        label="Java",
        tab="Java",
        column="Java",
        section_title="Annotations",
        name_column="Element",
        member_nouns=("element", "elements"),
        symbol_kind="annotation",
        symbol_markup="@{name}",
        usage_subject="'@{name}'",
        placement={
            Direction.IN: _PARAMETER,
            Direction.TRIGGER: _PARAMETER,
            Direction.OUT: "a function parameter of type `OutputBinding<T>`",
        },
        fence="java",
        template_dir="java",
        naming_rule=camel_case,
        payload_naming_rule=camel_case,
        payload_nouns="fields",
        type_names=JAVA_TYPES,
        true_literal="true",
        false_literal="false",
        null_literal="null",
        extras=(JAVA_NAME,),
        declaration_context="class Declared {{ void run({code} String value) {{ }} }}",
        sample_syntax="java",
        sdk_family="java",
        learn_pivot="java",
        sample_key="java",
        sample_file="{pascal}Functions.java",
        comment_leader="//",
        scaffold_name="{pascal}{suffix}",  # @TableInput, @BlobOutput, @SQLInput: the common shape
        usage_prompt="the parameter type the annotation binds to.",
    ),
    Language.JAVASCRIPT: LanguageProfile(
        language=Language.JAVASCRIPT,
        label="JavaScript",
        tab="JavaScript",
        fence="javascript",
        sample_syntax="javascript",
        learn_pivot="javascript",
        sample_key="javascript",
        sample_file="{camel}.js",
        script_suffixes=(".js", ".mjs", ".cjs"),  # the v3 model's function.json
        **_NODE,  # type: ignore[arg-type]  # as above
    ),
    Language.TYPESCRIPT: LanguageProfile(
        language=Language.TYPESCRIPT,
        label="TypeScript",
        tab="TypeScript",
        fence="typescript",
        sample_syntax="typescript",
        learn_pivot="typescript",
        learn_pivot_groups=("programming-languages-set-functions",),  # the -lang-workers set has none
        sample_key="typescript",
        sample_file="{camel}.ts",
        script_suffixes=(".ts",),  # the v3 model's function.json (before its scriptFile is built)
        **_NODE,  # type: ignore[arg-type]  # as above
    ),
    Language.POWERSHELL: LanguageProfile(
        language=Language.POWERSHELL,
        label="PowerShell",
        tab="PowerShell",
        column="",
        generic_name="function.json",
        fence="json",
        template_dir="powershell",
        null_literal="null",
        extras=(GENERIC_TYPE, JSON_DIRECTION, JSON_NAME),
        declaration_context='{{ "bindings": [{code}] }}',
        host_properties=frozenset({"dataType"}),  # the Functions host reads it on every binding
        sample_syntax="function.json",  # its function.json files are checked with this profile
        script_suffixes=(".ps1", ".psm1"),
        learn_pivot="powershell",
        sample_key="powershell",
        sample_file="{pascal}/run.ps1",
        comment_leader="#",
        usage_prompt="what the binding variable holds.",
        **_CONFIGURATION,  # type: ignore[arg-type]  # as above
    ),
    Language.PYTHON: LanguageProfile(
        language=Language.PYTHON,
        label="Python",
        tab="Python",
        column="Python",
        section_title="Decorators",
        name_column="Parameter",
        member_nouns=("parameter", "parameters"),
        symbol_kind="decorator",
        symbol_markup="@app.{name}",
        usage_subject="'{name}'",
        fence="python",
        template_dir="python",
        naming_rule=snake_case,
        payload_naming_rule=camel_case,
        payload_nouns="fields",
        type_names=PYTHON_TYPES,
        type_synonyms=PYTHON_SYNONYMS,
        true_literal="True",
        false_literal="False",
        null_literal="None",
        extras=(PYTHON_ARG_NAME, PYTHON_DATA_TYPE),
        positional_extras=("arg_name",),
        declaration_context="{code}def declared(value):\n    return value\n",
        sample_syntax="python",
        sdk_family="python",
        learn_pivot="python",
        sample_key="python",
        sample_file="{snake}.py",
        indented_blocks=True,
        script_suffixes=(".py",),  # the v1 model's function.json
        comment_leader="#",
        scaffold_name="{snake}{snake_suffix}",
        usage_prompt="what the function parameter receives.",
    ),
}

# Tabs in page order; a tab holds one or more languages (C# holds both models).
TAB_ORDER: tuple[str, ...] = tuple(dict.fromkeys(profile.tab for profile in PROFILES.values()))
