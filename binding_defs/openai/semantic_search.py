"""The Azure OpenAI semantic search input binding (``semanticSearch``).

Sources: Azure/azure-functions-openai-extension (SemanticSearchInputAttribute.cs,
SemanticSearchAttribute.cs, SemanticSearch.java) and azure-functions 1.26.0
(``FunctionApp.semantic_search_input``).
"""

from __future__ import annotations

from dataclasses import dataclass

from binding_defs.openai._shared import (
    IN_PROCESS_NO_EXAMPLE,
    PYTHON_EMBEDDINGS_MODEL,
    ChatCompletionOptions,
)
from bindref.spec import binding, code, example, lang, no_example, param, runtime

_DESCRIPTION = (
    "This HTTP POST function answers the `prompt` of the request body from the documents "
    "stored in the `openai-index` collection."
)
_PROMPT_ACCEPTED = (
    "the built-in prompt is several paragraphs long and wrapped differently per SDK; the "
    "table describes it instead of quoting it"
)

# The host's SemanticSearchAttribute inherits MaxTokens = "100" (AssistantBaseAttribute.cs). The SDK
# rules that keep "2048" from the host: Azure/azure-functions-dotnet-worker
# sdk/Sdk/Extensions/CustomAttributeExtensions.cs (GetAllDefinedProperties), and
# microsoft/azure-maven-plugins .../legacy/function/bindings/Binding.java (addProperties).
_HOST_MAX_TOKENS = "src/WebJobs.Extensions.OpenAI/Assistants/AssistantBaseAttribute.cs:L82"


@binding(
    type="semanticSearch",
    direction="in",
    title="Azure OpenAI semantic search input binding",
    names={
        "csharp_isolated": "SemanticSearchInput",
        "csharp_inprocess": "SemanticSearch",
        "java": "SemanticSearch",
        "python": "semantic_search_input",
    },
    usage={
        "csharp": "Bind the attribute to a parameter of type `SemanticSearchContext`: `Response` is the answer, `Chat` the full exchange.",
        "java": "Annotate a parameter of type `String`: the search context as JSON, with the answer in `Response`.",
        "node": "`context.extraInputs.get(...)` returns the search context; its `Response` is the answer.",
        "powershell": "The binding value is the search context; its `Response` is the answer.",
        "python": "The parameter receives the search context as a JSON string; its `Response` is the answer.",
    },
    examples=[
        example(
            "csharp_isolated",
            "openai/csharp/FilePrompt.cs",
            region="semantic_search",
            description=_DESCRIPTION,
        ),
        no_example("csharp_inprocess", IN_PROCESS_NO_EXAMPLE),
        example(
            "java",
            "openai/java/src/main/java/com/example/assistant/FilePrompt.java",
            region="semantic_search",
            description=_DESCRIPTION,
        ),
        example(
            "javascript",
            "openai/javascript/src/functions/filePrompt.js",
            region="semantic_search",
            description=_DESCRIPTION,
        ),
        example(
            "typescript",
            "openai/typescript/src/functions/filePrompt.ts",
            region="semantic_search",
            description=_DESCRIPTION,
        ),
        example(
            "powershell",
            "openai/powershell/PromptFile/function.json",
            description="The `function.json` file of `PromptFile`:",
        ),
        example(
            "powershell",
            "openai/powershell/PromptFile/run.ps1",
            region="semantic_search",
            description="Its `run.ps1` returns the answer.",
        ),
        example("python", "openai/python/file_prompt.py", region="semantic_search", description=_DESCRIPTION),
    ],
)
@dataclass(frozen=True, kw_only=True)
class SemanticSearch(ChatCompletionOptions):
    """Answers a query from documents in a vector store (retrieval-augmented generation).

    The extension embeds the query, finds the closest documents in the collection, and
    asks the chat model to answer from them, citing the documents it used.
    """

    search_connection_name: str = param(required=True)
    """The name of the app setting or configuration section that holds the vector store's
    connection, in a form the store accepts: a connection string (Azure Cosmos DB for
    MongoDB vCore, Azure Data Explorer), or an endpoint, alone or in a section with a key or
    identity settings (Azure AI Search, Azure Cosmos DB for NoSQL, which also takes a
    connection string). The store itself is chosen in `host.json` (`extensions.openai.searchProvider.type`):
    without it the binding fails with `No search provider is configured.`"""

    collection: str = param(required=True)
    """The name of the collection, index or table to search."""

    query: str | None = param(
        languages={"java": lang(default=""), "python": lang(default=None)},
        runtime=runtime(
            required=True,
            reason="It throws `The query must be specified.`",
            source="src/WebJobs.Extensions.OpenAI/Search/SemanticSearchConverter.cs:L59-L62",
        ),
    )
    """The question to answer. Binding expressions such as `{prompt}` are resolved first."""

    embeddings_model: str = param(
        default="text-embedding-ada-002", languages={"python": PYTHON_EMBEDDINGS_MODEL}
    )
    """The model or deployment name of the embeddings model; it must be the model the
    documents were stored with. The extension keeps one embeddings client per AI connection,
    made for the model of the first call: functions of one app that share a connection all
    get that model."""

    system_prompt: str = param(
        languages={
            "csharp": lang(note="When not set, a built-in prompt.", accepted=_PROMPT_ACCEPTED),
            "java": lang(note="When not set, a built-in prompt.", accepted=_PROMPT_ACCEPTED),
            "python": lang(
                default=code("semantic_search_system_prompt"), note="The module's built-in prompt."
            ),
            "node": lang(note="When not set, a built-in prompt."),
            "powershell": lang(note="When not set, a built-in prompt."),
        },
    )
    """The system prompt. The built-in one tells the model to answer from the documents
    listed after it, to say when they do not cover the question, and to cite the document
    it used as `Reference: <file name>`."""

    max_knowledge_count: int = param(
        default=1,
        names={"java": "maxKnowledgeLength"},
        languages={
            "java": lang(
                runtime=runtime(
                    ignored=True,
                    reason=(
                        "The extension reads `MaxKnowledgeCount` only, which no element of the Java "
                        "annotation sets, so a Java function always receives one document."
                    ),
                    source="src/WebJobs.Extensions.OpenAI/Search/SemanticSearchAttribute.cs:L97-L100",
                )
            ),
        },
    )
    """How many of the closest documents the model receives."""

    max_tokens: str | None = param(
        default="100",
        languages={
            "csharp_isolated": lang(
                default="2048",
                runtime=runtime(
                    default="100",
                    reason=(
                        "The .NET worker SDK writes only constructor arguments, named arguments and "
                        "`[DefaultValue]` properties to the function metadata, not property "
                        "initializers, so the extension's own default `100` applies unless "
                        "`MaxTokens` is set."
                    ),
                    source=_HOST_MAX_TOKENS,
                ),
            ),
            "java": lang(
                default="2048",
                runtime=runtime(
                    default="100",
                    reason=(
                        "The Azure Functions Maven plugin writes an element to function.json only "
                        "when its value differs from the annotation's default, so the extension's own "
                        'default `100` applies, even to an explicit `maxTokens = "2048"`.'
                    ),
                    source=_HOST_MAX_TOKENS,
                ),
            ),
        },
    )
    """The maximum number of tokens to generate, as a string."""
