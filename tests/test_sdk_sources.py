"""C# attribute classes and Java annotations are read from a source checkout with tree-sitter."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bindref.core.errors import ConfigError
from bindref.languages import Direction, Language
from bindref.sdk.csharp import read_csharp_sources
from bindref.sdk.java import read_java_sources
from bindref.sdk.sources import BindingStatement, SdkParameter, SdkSurface
from conftest import dedent, write_files

ISOLATED_PATH = "src/Functions.Worker.Extensions.OpenAI/Assistants/AssistantPostInputAttribute.cs"
ISOLATED = dedent(
    """\
    using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

    namespace Microsoft.Azure.Functions.Worker.Extensions.OpenAI.Assistants;

    public sealed class AssistantPostInputAttribute : InputBindingAttribute
    {
        public AssistantPostInputAttribute(string id, string userMessage)
        {
            this.Id = id;
            this.UserMessage = userMessage;
        }

        public string Id { get; }
        public string UserMessage { get; }
        public string AIConnectionName { get; set; } = "";
        public string? ChatModel { get; set; }
        public string? ChatStorageConnectionSetting { get; set; }
        public string CollectionName { get; set; } = "ChatState";
        public string? Temperature { get; set; } = "0.5";
        public string? TopP { get; set; }
        public string? MaxTokens { get; set; } = "100";
        public bool IsReasoningModel { get; set; }
        public static string Shared { get; set; } = "";
        internal string Hidden { get; set; } = "";
        public string Computed { get; private set; } = "";
    }
    """
)
BASE_PATH = "src/WebJobs.Extensions.OpenAI/Assistants/AssistantBaseAttribute.cs"
BASE = dedent(
    """\
    using Microsoft.Azure.WebJobs.Extensions.OpenAI.Models;

    namespace Microsoft.Azure.WebJobs.Extensions.OpenAI.Assistants;

    public class AssistantBaseAttribute : Attribute
    {
        public AssistantBaseAttribute(string aiConnectionName = "")
        {
            this.AIConnectionName = aiConnectionName;
        }

        public string ChatModel { get; set; } = OpenAIModels.DefaultChatModel;
        public string AIConnectionName { get; set; }
        public string? Temperature { get; set; } = "0.5";
        public string? TopP { get; set; }
        public string? MaxTokens { get; set; } = "100";
        public bool IsReasoningModel { get; set; }
    }
    """
)
INPROCESS_PATH = "src/WebJobs.Extensions.OpenAI/Assistants/AssistantPostAttribute.cs"
INPROCESS = dedent(
    """\
    namespace Microsoft.Azure.WebJobs.Extensions.OpenAI.Assistants;

    public sealed class AssistantPostAttribute : AssistantBaseAttribute
    {
        public AssistantPostAttribute(string id, string userMessage, string aiConnectionName = "")
            : base(aiConnectionName)
        {
            this.Id = id;
            this.UserMessage = userMessage;
        }

        public string Id { get; }
        public string UserMessage { get; }
        public string? ChatStorageConnectionSetting { get; set; }
        public string CollectionName { get; set; } = "ChatState";
    }
    """
)
MODELS_PATH = "src/WebJobs.Extensions.OpenAI/Models/OpenAIModels.cs"
MODELS = dedent(
    """\
    namespace Microsoft.Azure.WebJobs.Extensions.OpenAI.Models
    {
        static class OpenAIModels
        {
            internal const string DefaultChatModel = "gpt-3.5-turbo";
        }
    }
    """
)
JAVA_PATH = (
    "java-library/src/main/java/com/microsoft/azure/functions/openai/annotation/assistant/AssistantPost.java"
)
JAVA = dedent(
    """\
    package com.microsoft.azure.functions.openai.annotation.assistant;

    import com.microsoft.azure.functions.annotation.CustomBinding;

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @CustomBinding(direction = "in", name = "", type = "assistantPost")
    public @interface AssistantPost {
        String DEFAULT_CHATSTORAGE = "AzureWebJobsStorage";
        String DEFAULT_COLLECTION = "ChatState";

        String name();
        String id();
        String userMessage();
        String aiConnectionName() default "";
        String chatModel() default "gpt-3.5-turbo";
        String chatStorageConnectionSetting() default DEFAULT_CHATSTORAGE;
        String collectionName() default AssistantPost.DEFAULT_COLLECTION;
        String temperature() default "0.5";
        String topP() default "";
        String maxTokens() default "100";
        boolean isReasoningModel() default false;
        int[] sizes() default {8 * 1024,
                              128};
    }
    """
)


def optional(name: str, default: str | None, type_: str, line: int) -> SdkParameter:
    return SdkParameter(name=name, required=False, default=default, type=type_, line=line)


def inherited(name: str, default: str | None, type_: str, line: int) -> SdkParameter:
    return SdkParameter(name=name, required=False, default=default, type=type_, line=line, path=BASE_PATH)


def required(name: str, type_: str, line: int) -> SdkParameter:
    return SdkParameter(name=name, required=True, default=None, type=type_, line=line)


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    write_files(
        tmp_path,
        {
            ISOLATED_PATH: ISOLATED,
            BASE_PATH: BASE,
            INPROCESS_PATH: INPROCESS,
            MODELS_PATH: MODELS,
            JAVA_PATH: JAVA,
            "samples/bin/Debug/Copy.cs": "namespace Microsoft.Azure.WebJobs; class CopyAttribute {}",
        },
    )
    return tmp_path


def test_isolated_attribute_constructor_arguments_then_settable_properties(checkout: Path) -> None:
    surfaces = read_csharp_sources(checkout)
    assert surfaces[Language.CSHARP_ISOLATED]["AssistantPostInput"] == SdkSurface(
        language=Language.CSHARP_ISOLATED,
        symbol="AssistantPostInput",
        path=ISOLATED_PATH,
        line=5,
        parameters=(
            required("Id", "string", 7),
            required("UserMessage", "string", 7),
            optional("AIConnectionName", '""', "string", 15),
            optional("ChatModel", None, "string?", 16),
            optional("ChatStorageConnectionSetting", None, "string?", 17),
            optional("CollectionName", '"ChatState"', "string", 18),
            optional("Temperature", '"0.5"', "string?", 19),
            optional("TopP", None, "string?", 20),
            optional("MaxTokens", '"100"', "string?", 21),
            optional("IsReasoningModel", "false", "bool", 22),
        ),
        statement=BindingStatement(
            type_name=None,
            directions=frozenset({Direction.IN}),
            stated_as=": InputBindingAttribute",
            path=ISOLATED_PATH,
            line=5,
        ),
        constructors=((required("Id", "string", 7), required("UserMessage", "string", 7)),),
    )


def test_in_process_attribute_inherits_base_and_resolves_constants(checkout: Path) -> None:
    surface = read_csharp_sources(checkout)[Language.CSHARP_INPROCESS]["AssistantPost"]
    assert (surface.path, surface.line) == (INPROCESS_PATH, 3)
    assert surface.parameters == (
        required("Id", "string", 5),
        required("UserMessage", "string", 5),
        optional("AIConnectionName", '""', "string", 5),
        replace(
            inherited("ChatModel", '"gpt-3.5-turbo"', "string", 12),
            written_as="OpenAIModels.DefaultChatModel",
        ),
        inherited("Temperature", '"0.5"', "string?", 14),
        inherited("TopP", None, "string?", 15),
        inherited("MaxTokens", '"100"', "string?", 16),
        inherited("IsReasoningModel", "false", "bool", 17),
        optional("ChatStorageConnectionSetting", None, "string?", 14),
        optional("CollectionName", '"ChatState"', "string", 15),
    )


def test_namespace_decides_the_model_and_build_output_is_skipped(checkout: Path) -> None:
    surfaces = read_csharp_sources(checkout)
    assert sorted(surfaces[Language.CSHARP_ISOLATED]) == ["AssistantPostInput"]
    assert sorted(surfaces[Language.CSHARP_INPROCESS]) == ["AssistantBase", "AssistantPost"]


def test_same_name_in_both_models_and_block_namespaces(tmp_path: Path) -> None:
    trigger = "public class AssistantSkillTriggerAttribute : Attribute {{ {body} }}"
    write_files(
        tmp_path,
        {
            "worker/Trigger.cs": "namespace Microsoft.Azure.Functions.Worker.Extensions.OpenAI {\n"
            + trigger.format(body="public AssistantSkillTriggerAttribute(string functionDescription) {}")
            + "\n}\n",
            "webjobs/Trigger.cs": "namespace Microsoft.Azure { namespace WebJobs.Extensions.OpenAI {\n"
            + trigger.format(body="public string? FunctionName { get; set; }")
            + "\n} }\n",
        },
    )
    surfaces = read_csharp_sources(tmp_path)
    isolated = surfaces[Language.CSHARP_ISOLATED]["AssistantSkillTrigger"]
    in_process = surfaces[Language.CSHARP_INPROCESS]["AssistantSkillTrigger"]
    assert isolated.parameters == (required("FunctionDescription", "string", 2),)
    assert in_process.parameters == (optional("FunctionName", None, "string?", 2),)


def test_java_annotation_elements_and_constant_defaults(checkout: Path) -> None:
    assert read_java_sources(checkout) == {
        Language.JAVA: {
            "AssistantPost": SdkSurface(
                language=Language.JAVA,
                symbol="AssistantPost",
                path=JAVA_PATH,
                line=5,
                parameters=(
                    required("name", "String", 12),
                    required("id", "String", 13),
                    required("userMessage", "String", 14),
                    optional("aiConnectionName", '""', "String", 15),
                    optional("chatModel", '"gpt-3.5-turbo"', "String", 16),
                    replace(
                        optional("chatStorageConnectionSetting", '"AzureWebJobsStorage"', "String", 17),
                        written_as="DEFAULT_CHATSTORAGE",
                    ),
                    replace(
                        optional("collectionName", '"ChatState"', "String", 18),
                        written_as="AssistantPost.DEFAULT_COLLECTION",
                    ),
                    optional("temperature", '"0.5"', "String", 19),
                    optional("topP", '""', "String", 20),
                    optional("maxTokens", '"100"', "String", 21),
                    optional("isReasoningModel", "false", "boolean", 22),
                    optional("sizes", "{8 * 1024, 128}", "int[]", 23),
                ),
                statement=BindingStatement(
                    type_name="assistantPost",
                    directions=frozenset({Direction.IN, Direction.TRIGGER}),
                    stated_as='@CustomBinding(direction = "in", name = "", type = "assistantPost")',
                    path=JAVA_PATH,
                    line=7,
                ),
            )
        }
    }


def test_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        read_java_sources(tmp_path / "nowhere")
    assert caught.value.render() == (
        f"--sdk-source folder '{tmp_path / 'nowhere'}' does not exist (give a source checkout)"
    )
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("reader", "what"),
    [(read_csharp_sources, "C# attribute classes"), (read_java_sources, "Java annotation interfaces")],
)
def test_a_checkout_without_surfaces_is_an_error_not_an_empty_pass(
    tmp_path: Path, reader: object, what: str
) -> None:
    write_files(tmp_path, {"src/Other.cs": "namespace X; class Y {}", "src/Other.java": "class Y {}"})
    with pytest.raises(ConfigError) as caught:
        reader(tmp_path)  # type: ignore[operator]  # parametrized callables
    assert caught.value.render() == (
        f"no {what} under '{tmp_path}' (point --sdk-source at the extension's checkout)"
    )


def test_doc_comments_and_every_constructor_are_read(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "cs/GadgetAttribute.cs": dedent(
                """\
                namespace Microsoft.Azure.Functions.Worker.Extensions.Gadgets;

                public sealed class GadgetInputAttribute : InputBindingAttribute
                {
                    public GadgetInputAttribute(string name) { }
                    public GadgetInputAttribute(string name, int size) { }

                    /// <summary>
                    /// Names the <see cref="Gadget"/> to read &amp; keep.
                    /// </summary>
                    /// <remarks>Not this.</remarks>
                    public string Name { get; }

                    // a plain comment is no doc comment
                    public int Size { get; set; } = 4;
                }
                """
            ),
            "java/Gadget.java": dedent(
                """\
                public @interface Gadget {
                    /**
                     * The gadget's {@code name}, as
                     * <b>the host</b> reads it.
                     * @return the name
                     */
                    String name();
                }
                """
            ),
        },
    )
    isolated = read_csharp_sources(tmp_path / "cs")[Language.CSHARP_ISOLATED]["GadgetInput"]
    name = SdkParameter(
        name="Name",
        required=True,
        default=None,
        type="string",
        line=5,
        description="Names the Gadget to read & keep.",
    )
    assert isolated.constructors == ((name,), (replace(name, line=6), required("Size", "int", 6)))
    assert [(p.name, p.required, p.default, p.description) for p in isolated.parameters] == [
        ("Name", True, None, "Names the Gadget to read & keep."),
        ("Size", False, "4", ""),
    ]
    java = read_java_sources(tmp_path / "java")[Language.JAVA]["Gadget"]
    assert [(p.name, p.description) for p in java.parameters] == [
        ("name", "The gadget's name, as the host reads it.")
    ]
    assert java.statement is None


@pytest.mark.parametrize(
    "getter",
    ["get { return _mode; }", "get => _mode;"],
    ids=["block", "arrow"],
)
def test_a_property_read_from_a_backing_field_takes_the_field_default(tmp_path: Path, getter: str) -> None:
    source = (
        "namespace Microsoft.Azure.WebJobs {\n"
        "public sealed class GizmoAttribute : Attribute {\n"
        "    private GizmoMode _mode = GizmoMode.Fast;\n"
        "    private readonly string _path;\n"
        "    public GizmoAttribute(string path) { _path = path; }\n"
        f"    public GizmoMode Mode {{ {getter} set {{ _mode = value; }} }}\n"
        "    public string Path { get { return _path; } }\n"
        "}\n}\n"
    )
    write_files(tmp_path, {"Gizmo.cs": source})
    surface = read_csharp_sources(tmp_path)[Language.CSHARP_INPROCESS]["Gizmo"]
    defaults = {p.name: (p.required, p.default) for p in surface.parameters}
    assert defaults == {"Path": (True, None), "Mode": (False, "GizmoMode.Fast")}
