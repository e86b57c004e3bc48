"""The Azure OpenAI assistant post input binding (``assistantPost``).

Sources: Azure/azure-functions-openai-extension (AssistantPostInputAttribute.cs,
AssistantPostAttribute.cs, AssistantPost.java) and azure-functions 1.26.0
(``FunctionApp.assistant_post_input``).
"""

from __future__ import annotations

from dataclasses import dataclass

from bindref.spec import binding, code, example, lang, no_example, param


@binding(
    type="assistantPost",
    direction="in",
    title="Azure OpenAI assistant post input binding",
    names={
        "csharp_isolated": "AssistantPostInput",
        "csharp_inprocess": "AssistantPost",
        "java": "AssistantPost",
        "python": "assistant_post_input",
    },
    usage={
        "csharp_isolated": (
            "Bind the attribute to a parameter of type `AssistantState`. Its `RecentMessages` "
            "list ends with the assistant's reply to the message you posted."
        ),
        "csharp_inprocess": (
            "Bind the attribute to a parameter of type `AssistantState` (or `string` for the "
            "JSON form). Its `RecentMessages` list ends with the assistant's reply."
        ),
        "java": (
            "Annotate a parameter of type `AssistantState` "
            "(`com.microsoft.azure.functions.openai.annotation.assistant.AssistantState`)."
        ),
        "node": (
            "Read the state with `context.extraInputs.get(...)`: an object whose "
            "`recentMessages` array ends with the assistant's reply."
        ),
        "powershell": (
            "The binding value is a hashtable with `id`, `exists`, `createdAt`, "
            "`lastUpdatedAt`, `totalMessages`, `totalTokens` and `recentMessages`."
        ),
        "python": (
            "The parameter receives the assistant state as a JSON string; `json.loads` it and "
            "read the last entry of `recentMessages`."
        ),
    },
    examples=[
        example(
            "csharp_isolated",
            "openai/csharp/AssistantApis.cs",
            region="assistant_post",
            description=(
                "This HTTP POST function sends the `message` query-string value to the assistant "
                "named in the route and returns the assistant's reply."
            ),
        ),
        no_example(
            "csharp_inprocess",
            "Support for the in-process model ended on November 10, 2026; examples are "
            "maintained for the isolated worker model only. The attribute is documented below.",
        ),
        example(
            "java",
            "openai/java/src/main/java/com/example/assistant/AssistantApis.java",
            region="assistant_post",
            description=(
                "This HTTP POST function sends the `message` query-string value to the assistant "
                "named in the route and returns the assistant's reply."
            ),
        ),
        example(
            "javascript",
            "openai/javascript/src/functions/assistantApis.js",
            region="assistant_post",
            description=(
                "This HTTP POST function sends the `message` query-string value to the assistant "
                "named in the route and returns the assistant's reply."
            ),
        ),
        example(
            "typescript",
            "openai/typescript/src/functions/assistantApis.ts",
            region="assistant_post",
            description=(
                "This HTTP POST function sends the `message` query-string value to the assistant "
                "named in the route and returns the assistant's reply."
            ),
        ),
        example(
            "powershell",
            "openai/powershell/PostUserQuery/function.json",
            description="The `function.json` file of the `PostUserQuery` function:",
        ),
        example(
            "powershell",
            "openai/powershell/PostUserQuery/run.ps1",
            region="assistant_post",
            description=(
                "Its `run.ps1` returns the assistant's reply. See the Configuration section for "
                "every `function.json` property."
            ),
        ),
        example(
            "python",
            "openai/python/function_app.py",
            region="assistant_post",
            description=(
                "This HTTP POST function sends the `message` query-string value to the assistant "
                "named in the route and returns the assistant's reply."
            ),
        ),
    ],
)
@dataclass(frozen=True, kw_only=True)
class AssistantPost:
    """Sends a user message to an assistant and returns the assistant's updated state.

    The extension appends the message to the chat history, calls the chat model (which
    may invoke assistant skills), stores the reply, and hands the function the state.
    """

    id: str = param(required=True)
    """The ID of the assistant to post to. Binding expressions such as `{assistantId}`
    are resolved first."""

    user_message: str = param(required=True)
    """The message from the user that the assistant responds to."""

    ai_connection_name: str = param(default="", names={"csharp": "AIConnectionName"})
    """The name of a configuration section holding the AI service endpoint and key, or
    identity settings. When empty, the extension uses the `AZURE_OPENAI_ENDPOINT` and
    `AZURE_OPENAI_KEY` environment variables (or `OPENAI_API_KEY` for OpenAI)."""

    chat_model: str = param(
        default="gpt-3.5-turbo",
        languages={
            "csharp_isolated": lang(
                type="string?",
                default=None,
                note="When null, the extension uses `gpt-3.5-turbo`.",
            ),
            "python": lang(
                type="str | OpenAIModels",
                default=code("OpenAIModels.DefaultChatModel"),
                note=(
                    "The default is written to function.json as `DefaultChatModel`, not as "
                    "`gpt-3.5-turbo`: always pass a model or deployment name."
                ),
            ),
        },
    )
    """The model name (OpenAI) or deployment name (Azure OpenAI) of the chat model."""

    chat_storage_connection_setting: str | None = param(
        languages={
            "csharp": lang(note="When null, the extension uses `AzureWebJobsStorage`."),
            "node": lang(note="When not set, the extension uses `AzureWebJobsStorage`."),
            "powershell": lang(note="When not set, the extension uses `AzureWebJobsStorage`."),
            "java": lang(default="AzureWebJobsStorage"),
            "python": lang(default="AzureWebJobsStorage"),
        },
    )
    """The name of the app setting or configuration section for the Azure Table storage
    account that holds the chat history."""

    collection_name: str = param(default="ChatState")
    """The name of the table that holds the chat history."""

    temperature: str | None = param(default="0.5")
    """The sampling temperature, between `0` and `2`, as a string. Higher values make
    replies more random. Set this or [[top_p]], not both."""

    top_p: str | None = param(
        languages={
            "java": lang(default=""),
            "python": lang(default=None),
        },
    )
    """The nucleus-sampling probability mass, as a string: an alternative to the
    temperature. Set this or [[temperature]], not both."""

    max_tokens: str | None = param(default="100")
    """The maximum number of tokens to generate, as a string."""

    is_reasoning_model: bool = param(default=False)
    """Whether the chat model is a reasoning model (experimental). When true, the
    temperature and maximum token count are not sent to the model."""
