"""The Azure OpenAI assistant post input binding (``assistantPost``).

Sources: Azure/azure-functions-openai-extension (AssistantPostInputAttribute.cs,
AssistantPostAttribute.cs, AssistantPost.java) and azure-functions 1.26.0
(``FunctionApp.assistant_post_input``).
"""

from __future__ import annotations

from dataclasses import dataclass

from binding_defs.openai._shared import (
    IN_PROCESS_NO_EXAMPLE,
    PYTHON_CHAT_MODEL,
    STATE_USAGE_JAVA,
    STATE_USAGE_POWERSHELL,
    ChatCompletionOptions,
    ChatStorage,
)
from bindref.spec import binding, example, lang, no_example, param

_DESCRIPTION = (
    "This HTTP POST function sends the `message` query-string value to the assistant named "
    "in the route and returns the assistant's reply."
)


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
            "list holds only the assistant's messages of this exchange; the last is its reply "
            "to the message you posted."
        ),
        "csharp_inprocess": (
            "Bind the attribute to a parameter of type `AssistantState` (or `string` for the "
            "JSON form). Its `RecentMessages` list holds only the assistant's messages of this "
            "exchange; the last is its reply."
        ),
        "java": STATE_USAGE_JAVA,
        "node": (
            "Read the state with `context.extraInputs.get(...)`: an object whose "
            "`recentMessages` array holds only the assistant's messages of this exchange; the "
            "last is its reply."
        ),
        "powershell": STATE_USAGE_POWERSHELL,
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
            description=_DESCRIPTION,
        ),
        no_example("csharp_inprocess", IN_PROCESS_NO_EXAMPLE),
        example(
            "java",
            "openai/java/src/main/java/com/example/assistant/AssistantApis.java",
            region="assistant_post",
            description=_DESCRIPTION,
        ),
        example(
            "javascript",
            "openai/javascript/src/functions/assistantApis.js",
            region="assistant_post",
            description=_DESCRIPTION,
        ),
        example(
            "typescript",
            "openai/typescript/src/functions/assistantApis.ts",
            region="assistant_post",
            description=_DESCRIPTION,
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
        example("python", "openai/python/function_app.py", region="assistant_post", description=_DESCRIPTION),
    ],
)
@dataclass(frozen=True, kw_only=True)
class AssistantPost(ChatCompletionOptions, ChatStorage):
    """Sends a user message to an assistant and returns the assistant's updated state.

    The extension appends the message to the chat history, calls the chat model (which
    may invoke assistant skills), stores the reply, and hands the function the state.
    """

    id: str = param(required=True)
    """The ID of the assistant to post to. Binding expressions such as `{assistantId}`
    are resolved first."""

    user_message: str = param(required=True)
    """The message from the user that the assistant responds to."""

    chat_model: str = param(
        default="gpt-3.5-turbo",
        languages={
            "csharp_isolated": lang(
                type="string?",
                default=None,
                note="When null, the extension uses `gpt-3.5-turbo`.",
            ),
            "python": PYTHON_CHAT_MODEL,
        },
    )
    """The model name (OpenAI) or deployment name (Azure OpenAI) of the chat model. The
    extension keeps one chat client per AI connection, made for the model of the first call:
    functions of one app that share a connection all get that model."""
