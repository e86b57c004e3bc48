"""Language profiles: naming rules, types and literals per language."""

from __future__ import annotations

import pytest

from bindref.languages import (
    PROFILES,
    Language,
    camel_case,
    expand_language_key,
    languages_in_tab,
    pascal_case,
    snake_case,
)


@pytest.mark.parametrize(
    ("canonical", "pascal", "camel", "snake"),
    [
        (
            "chat_storage_connection_setting",
            "ChatStorageConnectionSetting",
            "chatStorageConnectionSetting",
            "chat_storage_connection_setting",
        ),
        ("id", "Id", "id", "id"),
        ("top_p", "TopP", "topP", "top_p"),
    ],
)
def test_naming_rules(canonical: str, pascal: str, camel: str, snake: str) -> None:
    assert (pascal_case(canonical), camel_case(canonical), snake_case(canonical)) == (pascal, camel, snake)


def test_type_names_per_language() -> None:
    assert [PROFILES[lang].type_name("str | None") for lang in Language] == [
        "string?",
        "string?",
        "String",
        "string",
        "string",
        "string",
        "str",
    ]
    assert [PROFILES[lang].type_name("bool") for lang in Language] == [
        "bool",
        "bool",
        "boolean",
        "boolean",
        "boolean",
        "boolean",
        "bool",
    ]


def test_literals_per_language() -> None:
    python, java = PROFILES[Language.PYTHON], PROFILES[Language.JAVA]
    assert [python.literal(v) for v in (True, None, 'say "hi"', 128)] == [
        "True",
        "None",
        '"say \\"hi\\""',
        "128",
    ]
    assert [java.literal(v) for v in (False, None, "")] == ["false", "null", '""']


def test_groups_and_tabs() -> None:
    assert expand_language_key("csharp") == (Language.CSHARP_ISOLATED, Language.CSHARP_INPROCESS)
    assert expand_language_key("node") == (Language.JAVASCRIPT, Language.TYPESCRIPT)
    assert expand_language_key("go") is None
    assert languages_in_tab("C#") == (Language.CSHARP_ISOLATED, Language.CSHARP_INPROCESS)


def test_section_titles_are_what_each_language_calls_them() -> None:
    assert {lang.value: PROFILES[lang].section_title for lang in Language} == {
        "csharp_isolated": "Attributes",
        "csharp_inprocess": "Attributes",
        "java": "Annotations",
        "javascript": "Configuration",
        "typescript": "Configuration",
        "powershell": "Configuration",
        "python": "Decorators",
    }
