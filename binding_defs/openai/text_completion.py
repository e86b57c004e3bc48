"""The Azure OpenAI text completion input binding (``textCompletion``).

Sources: Azure/azure-functions-openai-extension (TextCompletionInputAttribute.cs,
TextCompletionAttribute.cs, TextCompletion.java) and azure-functions 1.26.0
(``FunctionApp.text_completion_input``).
"""

from __future__ import annotations

from dataclasses import dataclass

from binding_defs.openai._shared import IN_PROCESS_NO_EXAMPLE, ChatCompletionOptions
from bindref.spec import binding, example, no_example, param

_DESCRIPTION = (
    "This HTTP GET function asks the chat model who the person named in the route is, "
    "and returns the completion."
)


@binding(
    type="textCompletion",
    direction="in",
    title="Azure OpenAI text completion input binding",
    names={
        "csharp_isolated": "TextCompletionInput",
        "csharp_inprocess": "TextCompletion",
        "java": "TextCompletion",
        "python": "text_completion_input",
    },
    usage={
        "csharp": "Bind the attribute to a parameter of type `TextCompletionResponse`: its `Content` is the completion.",
        "java": "Annotate a parameter of type `TextCompletionResponse`; `getContent()` returns the completion.",
        "node": "`context.extraInputs.get(...)` returns an object whose `content` is the completion.",
        "powershell": "The binding value is a hashtable whose `Content` is the completion.",
        "python": "The parameter receives the response as a JSON string with a `content` property.",
    },
    examples=[
        example(
            "csharp_isolated",
            "openai/csharp/TextCompletions.cs",
            region="text_completion",
            description=_DESCRIPTION,
        ),
        no_example("csharp_inprocess", IN_PROCESS_NO_EXAMPLE),
        example(
            "java",
            "openai/java/src/main/java/com/example/assistant/TextCompletions.java",
            region="text_completion",
            description=_DESCRIPTION,
        ),
        example(
            "javascript",
            "openai/javascript/src/functions/textCompletion.js",
            region="text_completion",
            description=_DESCRIPTION,
        ),
        example(
            "typescript",
            "openai/typescript/src/functions/textCompletion.ts",
            region="text_completion",
            description=_DESCRIPTION,
        ),
        example(
            "powershell",
            "openai/powershell/WhoIs/function.json",
            description="The `function.json` file of `WhoIs`:",
        ),
        example(
            "powershell",
            "openai/powershell/WhoIs/run.ps1",
            region="text_completion",
            description="Its `run.ps1` returns the completion.",
        ),
        example(
            "python", "openai/python/text_completion.py", region="text_completion", description=_DESCRIPTION
        ),
    ],
)
@dataclass(frozen=True, kw_only=True)
class TextCompletion(ChatCompletionOptions):
    """Sends a prompt to a chat model and gives the function the completion.

    Use it for one-shot prompts; for a conversation with history, use the assistant bindings.
    """

    prompt: str = param(required=True)
    """The prompt to send to the model. Binding expressions such as `{name}` are resolved
    first."""
