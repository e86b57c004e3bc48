"""The Azure OpenAI assistant create output binding (``assistantCreate``).

The binding itself has no parameters in any language; the function configures the new
assistant through the request it writes (``AssistantCreateRequest`` in C# and Java,
a JSON object elsewhere), documented here as payload fields.
Sources: Azure/azure-functions-openai-extension (AssistantCreateOutputAttribute.cs,
AssistantCreateAttribute.cs, AssistantCreateRequest.cs, AssistantCreate.java,
AssistantCreateRequest.java) and azure-functions 1.26.0 (``assistant_create_output``).
"""

from __future__ import annotations

from dataclasses import dataclass

from binding_defs.openai._shared import IN_PROCESS_NO_EXAMPLE
from bindref.spec import binding, example, lang, no_example, param

_DESCRIPTION = (
    "This HTTP PUT function creates the assistant named in the route, with instructions "
    "for the chat model and the table that keeps its chat history."
)


@binding(
    type="assistantCreate",
    direction="out",
    title="Azure OpenAI assistant create output binding",
    names={
        "csharp_isolated": "AssistantCreateOutput",
        "csharp_inprocess": "AssistantCreate",
        "java": "AssistantCreate",
        "python": "assistant_create_output",
    },
    payload_types={"csharp": "AssistantCreateRequest", "java": "AssistantCreateRequest"},
    usage={
        "csharp_isolated": "Apply the attribute to a property of type `AssistantCreateRequest` of the function's return type, and set it.",
        "csharp_inprocess": "Apply the attribute to an `IAsyncCollector<AssistantCreateRequest>` parameter and add the request with `AddAsync(...)`.",
        "java": "Annotate an `OutputBinding<AssistantCreateRequest>` parameter and `setValue(...)` the request.",
        "node": "Set the request with `context.extraOutputs.set(...)` to an object with the fields of the payload table.",
        "powershell": "Push the request with `Push-OutputBinding`, as a hashtable or JSON string with the fields of the payload table.",
        "python": "Set the `func.Out[str]` parameter to the request as a JSON string with the fields of the payload table.",
    },
    examples=[
        example(
            "csharp_isolated",
            "openai/csharp/AssistantApis.cs",
            region="create_assistant",
            description=_DESCRIPTION,
        ),
        no_example("csharp_inprocess", IN_PROCESS_NO_EXAMPLE),
        example(
            "java",
            "openai/java/src/main/java/com/example/assistant/AssistantApis.java",
            region="create_assistant",
            description=_DESCRIPTION,
        ),
        example(
            "javascript",
            "openai/javascript/src/functions/assistantApis.js",
            region="create_assistant",
            description=_DESCRIPTION,
        ),
        example(
            "typescript",
            "openai/typescript/src/functions/assistantApis.ts",
            region="create_assistant",
            description=_DESCRIPTION,
        ),
        example(
            "powershell",
            "openai/powershell/CreateAssistant/function.json",
            description="The `function.json` file of `CreateAssistant`:",
        ),
        example(
            "powershell",
            "openai/powershell/CreateAssistant/run.ps1",
            region="create_assistant",
            description="Its `run.ps1` writes the request.",
        ),
        example(
            "python", "openai/python/function_app.py", region="create_assistant", description=_DESCRIPTION
        ),
    ],
)
@dataclass(frozen=True, kw_only=True)
class AssistantCreate:
    """Creates an assistant: a chat bot with instructions and a stored chat history.

    Post messages to it with the assistant post input binding, and read its history with
    the assistant query input binding.
    """

    id: str = param(required=True, payload=True)
    """The ID of the new assistant; later bindings find it by this ID. An assistant that
    already has this ID is replaced: its chat history is deleted."""

    instructions: str = param(default="You are a helpful assistant.", payload=True)
    """The system instructions that the chat model follows in every reply."""

    chat_storage_connection_setting: str | None = param(
        payload=True,
        languages={
            "csharp": lang(note="When null, the extension uses `AzureWebJobsStorage`."),
            "java": lang(note="When null, the extension uses `AzureWebJobsStorage`."),
            "node": lang(note="When not set, the extension uses `AzureWebJobsStorage`."),
            "powershell": lang(note="When not set, the extension uses `AzureWebJobsStorage`."),
            "python": lang(note="When not set, the extension uses `AzureWebJobsStorage`."),
        },
    )
    """The name of the app setting or configuration section for the Azure Table storage
    account that holds the chat history. The extension opens the table once and keeps it:
    every assistant binding of the app uses the account of the first one that runs."""

    collection_name: str = param(default="ChatState", payload=True)
    """The name of the table that holds the chat history. The extension opens the table
    once and keeps it: every assistant binding of the app uses the table of the first one
    that runs."""
