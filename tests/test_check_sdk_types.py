"""Parameter types and constant defaults compared with the SDKs: BR411 warnings, BR405 through constants."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindref.check import sdk as sdk_check
from bindref.check.sdk import check_sdks
from bindref.check.sdk_types import normalised
from bindref.languages import PROFILES, Language
from bindref.sdk.python import FUNCTION_APP, read_python_sdk
from bindref.sdk.python_bindings import DECORATORS
from conftest import WIDGET_DEFINITION, ProjectFactory, dedent, write_files
from test_check_sdk import (
    CSHARP_SDK,
    IN_PROCESS_SDK,
    JAVA_SDK,
    PYTHON_SDK,
    Check,
    context_for,
    line_of,
    rendered,
)

DEF_PATH = "binding_defs/widgets/widget.py"


@pytest.mark.parametrize(
    ("language", "definition", "sdk"),
    [
        (Language.PYTHON, "str", "Optional[str]"),
        (Language.PYTHON, "str | None", "typing.Optional[str]"),
        (Language.PYTHON, "str | OpenAIModels", "Optional[Union[OpenAIModels, str]]"),
        (Language.PYTHON, "DataType | str", "Union[str, DataType, None]"),
        (Language.PYTHON, "list[str]", "List[str]"),
        (Language.PYTHON, "OpenAIModels", "'OpenAIModels'"),
        (Language.PYTHON, "InputType", "azure.functions.decorators.openai.InputType"),
        (Language.CSHARP_ISOLATED, "string", "string?"),
        (Language.CSHARP_ISOLATED, "string?", "System.String"),
        (Language.CSHARP_ISOLATED, "str", "string"),  # a canonical name in lang(type=...)
        (Language.CSHARP_ISOLATED, "int", "Nullable<int>"),
        (Language.CSHARP_ISOLATED, "CommandType", "System.Data.CommandType"),
        (Language.CSHARP_ISOLATED, "IDictionary<string, int>", "IDictionary<String, Int32>"),
        (Language.JAVA, "String", "java.lang.String"),
        (Language.JAVA, "int[]", "int []"),
        (Language.JAVA, "bool", "boolean"),
    ],
)
def test_spellings_of_one_type_are_equal(language: Language, definition: str, sdk: str) -> None:
    profile = PROFILES[language]
    assert normalised(definition, profile, definition=True) == normalised(sdk, profile)


@pytest.mark.parametrize(
    ("language", "definition", "sdk"),
    [
        (Language.PYTHON, "str", "int"),
        (Language.PYTHON, "InputType | str", "InputType"),
        (Language.PYTHON, "str", "Union[str, OpenAIModels]"),
        (Language.PYTHON, "list[str]", "list[int]"),
        (Language.CSHARP_ISOLATED, "int", "long"),
        (Language.CSHARP_ISOLATED, "string", "string[]"),
        (Language.JAVA, "int", "long"),
        (Language.JAVA, "String", "String[]"),
        (Language.JAVA, "Map<K, V>", "Map<K, V"),  # unparsable: the text decides
    ],
)
def test_different_types_stay_different(language: Language, definition: str, sdk: str) -> None:
    profile = PROFILES[language]
    assert normalised(definition, profile, definition=True) != normalised(sdk, profile)


MODELS_JAVA = dedent(
    """\
    package com.example.widgets.constants;

    public final class WidgetDefaults {
        public static final String DEFAULT_CHAT_MODEL = "gpt-4";
    }
    """
)
MODELS_CSHARP = dedent(
    """\
    namespace Microsoft.Azure.WebJobs.Extensions.Widgets
    {
        static class WidgetModels
        {
            internal const string DefaultChatModel = "gpt-4";
        }
    }
    """
)
PYTHON_ENUMS = dedent(
    """\
    class Models(StringifyEnum):
        Default = "gpt-4"
    """
)


@pytest.fixture
def check_widget(make_project: ProjectFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Check:
    """Check the widget against SDKs whose defaults name constants of other files."""

    def run(
        *,
        definition: str = WIDGET_DEFINITION,
        python: str = PYTHON_SDK,
        in_process: str = IN_PROCESS_SDK.replace('"gpt-4";', "WidgetModels.DefaultChatModel;"),
        java: str = JAVA_SDK.replace('"gpt-4";', "WidgetDefaults.DEFAULT_CHAT_MODEL;"),
        models_java: str = MODELS_JAVA,
        models_csharp: str = MODELS_CSHARP,
    ) -> list[str]:
        write_files(
            tmp_path,
            {
                "sdk/cs/WidgetInput.cs": CSHARP_SDK,
                "sdk/cs/Widget.cs": in_process,
                "sdk/cs/WidgetModels.cs": models_csharp,
                "sdk/java/WidgetInput.java": java,
                "sdk/java/constants/WidgetDefaults.java": models_java,
                f"sdk/py/{FUNCTION_APP}": python,
                f"sdk/py/{DECORATORS}/widget.py": PYTHON_ENUMS,
            },
        )
        fake = [str(tmp_path / "sdk/py")]
        monkeypatch.setattr(sdk_check, "read_python_sdk", lambda **_: read_python_sdk(fake))
        sources = {"csharp": tmp_path / "sdk/cs", "java": tmp_path / "sdk/java"}
        return rendered(check_sdks(context_for(make_project(definition=definition), sources)))

    return run


def test_constants_of_other_files_match_the_definitions_literals(check_widget: Check) -> None:
    assert check_widget() == []


def test_a_changed_constant_is_reported_once_per_surface_with_its_name(check_widget: Check) -> None:
    chat = line_of(WIDGET_DEFINITION, "chat_model:")
    assert check_widget(models_java=MODELS_JAVA.replace('"gpt-4"', '"gpt-4o"')) == [
        f"{DEF_PATH}:{chat}: [BR405] default of 'chatModel' is \"gpt-4o\" "
        "(WidgetDefaults.DEFAULT_CHAT_MODEL) in java 'WidgetInput' but \"gpt-4\" in the definition "
        "(set languages={'java': lang(default=...)})"
    ]
    assert check_widget(models_csharp=MODELS_CSHARP.replace('"gpt-4"', '"gpt-4o"')) == [
        f"{DEF_PATH}:{chat}: [BR405] default of 'ChatModel' is \"gpt-4o\" (WidgetModels.DefaultChatModel) "
        "in csharp_inprocess 'Widget' but \"gpt-4\" in the definition "
        "(set languages={'csharp_inprocess': lang(default=...)})"
    ]


@pytest.mark.parametrize(
    ("python_default", "finding"),
    [
        ('code("Models.Default")', False),
        ('"Default"', False),  # what function.json receives for the enum member
        ('"gpt-4"', True),  # the member's value never reaches the host
    ],
)
def test_python_enum_default_is_compared_as_written_or_as_function_json_gets_it(
    check_widget: Check, python_default: str, finding: bool
) -> None:
    definition = WIDGET_DEFINITION.replace(
        'lang(default=code("Models.Default"))', f"lang(default={python_default})"
    )
    expected = [
        f"{DEF_PATH}:{line_of(WIDGET_DEFINITION, 'chat_model:')}: [BR405] default of 'chat_model' is "
        'Models.Default (function.json: "Default") in python \'widget_input\' but "gpt-4" in the definition '
        "(set languages={'python': lang(default=...)})"
    ]
    assert check_widget(definition=definition) == (expected if finding else [])


def test_a_type_the_sdk_declares_otherwise_is_a_warning_per_language(check_widget: Check) -> None:
    python = PYTHON_SDK.replace("max_size: int = 8 * 1024", "max_size: Optional[str] = 8 * 1024")
    java = JAVA_SDK.replace("int maxLength()", "long maxLength()").replace(
        '"gpt-4";', "WidgetDefaults.DEFAULT_CHAT_MODEL;"
    )
    size = line_of(WIDGET_DEFINITION, "max_size:")
    assert check_widget(python=python, java=java) == [
        f"{DEF_PATH}:{size}: [BR411] type of 'maxLength' is long in java 'WidgetInput' but int in the "
        f"definition (declared at WidgetInput.java:{line_of(JAVA_SDK, 'maxLength')}; "
        "set languages={'java': lang(type=\"long\")})",
        f"{DEF_PATH}:{size}: [BR411] type of 'max_size' is Optional[str] in python 'widget_input' but int "
        f"in the definition (declared at {FUNCTION_APP}:2; "
        "set languages={'python': lang(type=\"Optional[str]\")})",
    ]


def test_an_accepted_type_difference_is_a_note_with_the_reason(check_widget: Check) -> None:
    definition = WIDGET_DEFINITION.replace(
        'lang(name="maxLength")', 'lang(name="maxLength", accepted="The host reads a long as an int.")'
    )
    java = JAVA_SDK.replace("int maxLength()", "long maxLength()").replace(
        '"gpt-4";', "WidgetDefaults.DEFAULT_CHAT_MODEL;"
    )
    assert check_widget(definition=definition, java=java) == [
        f"{DEF_PATH}:{line_of(definition, 'max_size:')}: [BR407] accepted: type of 'maxLength' is long "
        "in java 'WidgetInput' but int in the definition (The host reads a long as an int.)"
    ]
