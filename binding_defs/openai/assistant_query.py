"""The Azure OpenAI assistant query input binding (``assistantQuery``).

Sources: Azure/azure-functions-openai-extension (AssistantQueryInputAttribute.cs,
AssistantQueryAttribute.cs, AssistantQuery.java) and azure-functions 1.26.0
(``FunctionApp.assistant_query_input``).
"""

from __future__ import annotations

from dataclasses import dataclass

from binding_defs.openai._shared import (
    IN_PROCESS_NO_EXAMPLE,
    STATE_USAGE_JAVA,
    STATE_USAGE_POWERSHELL,
    ChatStorage,
)
from bindref.spec import binding, example, lang, no_example, param, runtime

_DESCRIPTION = (
    "This HTTP GET function returns the messages of the assistant named in the route that "
    "were created after the instant in the `timestampUTC` query-string value."
)
# The SDKs of C# (both models), and function.json, declare TimestampUtc optional with "".
_TIMESTAMP_REQUIRED = runtime(
    required=True,
    reason=(
        "It reads the value with `DateTime.TryParse` and throws `Invalid timestamp '...'` when that fails."
    ),
    source="src/WebJobs.Extensions.OpenAI/Assistants/AssistantService.cs:L138-L142",
)


@binding(
    type="assistantQuery",
    direction="in",
    title="Azure OpenAI assistant query input binding",
    names={
        "csharp_isolated": "AssistantQueryInput",
        "csharp_inprocess": "AssistantQuery",
        "java": "AssistantQuery",
        "python": "assistant_query_input",
    },
    usage={
        "csharp": (
            "Bind the attribute to a parameter of type `AssistantState`: its `RecentMessages` "
            "list holds the messages created after the timestamp."
        ),
        "java": STATE_USAGE_JAVA,
        "node": (
            "Read the state with `context.extraInputs.get(...)`: an object whose "
            "`recentMessages` array holds the messages created after the timestamp."
        ),
        "powershell": STATE_USAGE_POWERSHELL,
        "python": "The parameter receives the assistant state as a JSON string.",
    },
    examples=[
        example(
            "csharp_isolated",
            "openai/csharp/AssistantApis.cs",
            region="assistant_query",
            description=_DESCRIPTION,
        ),
        no_example("csharp_inprocess", IN_PROCESS_NO_EXAMPLE),
        example(
            "java",
            "openai/java/src/main/java/com/example/assistant/AssistantApis.java",
            region="assistant_query",
            description=_DESCRIPTION,
        ),
        example(
            "javascript",
            "openai/javascript/src/functions/assistantApis.js",
            region="assistant_query",
            description=_DESCRIPTION,
        ),
        example(
            "typescript",
            "openai/typescript/src/functions/assistantApis.ts",
            region="assistant_query",
            description=_DESCRIPTION,
        ),
        example(
            "powershell",
            "openai/powershell/GetChatState/function.json",
            description="The `function.json` file of the `GetChatState` function:",
        ),
        example(
            "powershell",
            "openai/powershell/GetChatState/run.ps1",
            region="assistant_query",
            description="Its `run.ps1` returns the chat state as JSON.",
        ),
        example(
            "python",
            "openai/python/function_app.py",
            region="assistant_query",
            description=_DESCRIPTION,
        ),
    ],
)
@dataclass(frozen=True, kw_only=True)
class AssistantQuery(ChatStorage):
    """Reads the chat history of an assistant: the messages created after a given instant.

    Use it to show a conversation, or to resume one, without sending a new message.
    """

    id: str = param(required=True)
    """The ID of the assistant to read. Binding expressions such as `{assistantId}` are
    resolved first."""

    timestamp_utc: str = param(
        default="",
        languages={
            "csharp": lang(runtime=_TIMESTAMP_REQUIRED),
            "node": lang(runtime=_TIMESTAMP_REQUIRED),
            "powershell": lang(runtime=_TIMESTAMP_REQUIRED),
            "java": lang(required=True),
            "python": lang(required=True),
        },
    )
    """An ISO 8601 UTC instant, such as `2026-11-25T10:00:00Z` (URL-encoded or not): only
    messages created strictly after that instant are returned."""
