"""Language profiles, seen where readers see them: each language's table and section title.

One binding with literal inputs (a snake_case name, ``float | None``, ``bool``, ``int`` and a
quoted string default, a note for the ``node`` group) is rendered in every language; each
table must spell, type and write the defaults as that language's source code does.
"""

from __future__ import annotations

import html
import re

import pytest

from bindref.languages import (
    Language,
    camel_case,
    expand_language_key,
    languages_in_tab,
    pascal_case,
    snake_case,
)
from conftest import ProjectFactory

SPELLING_DEFINITION = '''\
"""Spelling binding for tests."""

from __future__ import annotations

from dataclasses import dataclass

from bindref.spec import binding, lang, param


@binding(
    type="spellingIn", key="spellingIn",
    direction="in",
    title="Spelling input binding",
    names={
        "csharp_isolated": "SpellingInput",
        "csharp_inprocess": "Spelling",
        "java": "Spelling",
        "python": "spelling_input",
    },
)
@dataclass(frozen=True, kw_only=True)
class Spelling:
    """Spells parameters."""

    ai_connection_name: str = param(required=True)
    """The connection."""

    top_p: float | None = param(default=None)
    """Top p."""

    is_reasoning_model: bool = param(default=True)
    """Reasoning."""

    max_tokens: int = param(default=128)
    """Tokens."""

    greeting: str = param(default='say "hi"', languages={"node": lang(note="Node only.")})
    """Greeting."""
'''

GREETING = '"say \\"hi\\""'  # the default as C#, Java, JSON and Python all write it
CSHARP = [
    ("AiConnectionName", "string", "Required", "The connection."),
    ("TopP", "double?", "Optional, default null", "Top p."),
    ("IsReasoningModel", "bool", "Optional, default true", "Reasoning."),
    ("MaxTokens", "int", "Optional, default 128", "Tokens."),
    ("Greeting", "string", f"Optional, default {GREETING}", "Greeting."),
]
NODE = [
    ("type", "string", "Required", "Must be spellingIn."),
    ("aiConnectionName", "string", "Required", "The connection."),
    ("topP", "number", "Optional, default undefined", "Top p."),
    ("isReasoningModel", "boolean", "Optional, default true", "Reasoning."),
    ("maxTokens", "number", "Optional, default 128", "Tokens."),
    ("greeting", "string", f"Optional, default {GREETING}", "Greeting.<br><br>Node only."),
]
PARAMETER_NAME = "The name of the function parameter that receives the binding value."
EXPECTED_ROWS = {
    "csharp_isolated": CSHARP,
    "csharp_inprocess": CSHARP,
    "java": [
        ("name", "String", "Required", PARAMETER_NAME),
        ("aiConnectionName", "String", "Required", "The connection."),
        ("topP", "double", "Optional, default null", "Top p."),
        ("isReasoningModel", "boolean", "Optional, default true", "Reasoning."),
        ("maxTokens", "int", "Optional, default 128", "Tokens."),
        ("greeting", "String", f"Optional, default {GREETING}", "Greeting."),
    ],
    "javascript": NODE,
    "typescript": NODE,
    "powershell": [
        ("type", "string", "Required", "Must be spellingIn."),
        ("direction", "string", "Required", "Must be in."),
        (
            "name",
            "string",
            "Required",
            "The name of the input binding: the variable that holds its value in the code.",
        ),
        ("aiConnectionName", "string", "Required", "The connection."),
        ("topP", "number", "Optional, default null", "Top p."),
        ("isReasoningModel", "boolean", "Optional, default true", "Reasoning."),
        ("maxTokens", "number", "Optional, default 128", "Tokens."),
        ("greeting", "string", f"Optional, default {GREETING}", "Greeting."),
    ],
    "python": [
        ("arg_name", "str", "Required", PARAMETER_NAME),
        ("ai_connection_name", "str", "Required", "The connection."),
        ("top_p", "float", "Optional, default None", "Top p."),
        ("is_reasoning_model", "bool", "Optional, default True", "Reasoning."),
        ("max_tokens", "int", "Optional, default 128", "Tokens."),
        ("greeting", "str", f"Optional, default {GREETING}", "Greeting."),
        (
            "data_type",
            "DataType | str",
            "Optional, default None",
            "How the Functions host converts the value before passing it to Python.",
        ),
    ],
}


def visible(cell: str) -> str:
    """A cell as a reader sees it: code-span backticks and <code> tags dropped, references decoded."""
    without_code = re.sub(r"</?code>", "", cell.replace("`", ""))
    return html.unescape(without_code)


def table_rows(markdown: str) -> list[tuple[str, ...]]:
    """The body rows of a Markdown table (no cell holds an unescaped pipe)."""
    rows = [line for line in markdown.splitlines() if line.startswith("| ") and not line.startswith("| ---")]
    return [tuple(visible(cell) for cell in row.strip("| ").split(" | ")) for row in rows[1:]]


@pytest.mark.parametrize("language", EXPECTED_ROWS)
def test_each_language_spells_types_and_writes_defaults_its_own_way(
    make_project: ProjectFactory, language: str
) -> None:
    project = make_project({"binding_defs/spelling/spelling.py": SPELLING_DEFINITION}, definition=None)
    table = project.renderer.parameter_table(project.binding("spellingIn"), Language(language))
    assert table_rows(table) == EXPECTED_ROWS[language]


def test_each_language_tab_is_titled_as_the_language_calls_it(make_project: ProjectFactory) -> None:
    project = make_project({"binding_defs/spelling/spelling.py": SPELLING_DEFINITION}, definition=None)
    reference = project.renderer.reference(project.binding("spellingIn"))
    headings = re.findall(r"^ *### (.+) \{ #", reference, flags=re.MULTILINE)
    tabs = re.findall(r'^=== "(.+)"$', reference, flags=re.MULTILINE)
    assert tabs == ["C#", "Java", "JavaScript", "TypeScript", "PowerShell", "Python"]
    assert headings == [
        "Attributes",
        "Annotations",
        "Configuration",
        "Configuration",
        "Configuration",
        "Decorators",
    ]


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
        ("ai_connection_name", "AiConnectionName", "aiConnectionName", "ai_connection_name"),
    ],
)
def test_naming_rules(canonical: str, pascal: str, camel: str, snake: str) -> None:
    assert (pascal_case(canonical), camel_case(canonical), snake_case(canonical)) == (pascal, camel, snake)


def test_groups_and_tabs() -> None:
    assert expand_language_key("csharp") == (Language.CSHARP_ISOLATED, Language.CSHARP_INPROCESS)
    assert expand_language_key("node") == (Language.JAVASCRIPT, Language.TYPESCRIPT)
    assert expand_language_key("go") is None
    assert languages_in_tab("C#") == (Language.CSHARP_ISOLATED, Language.CSHARP_INPROCESS)
