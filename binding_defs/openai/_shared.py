"""Parameter sets and texts that several Azure OpenAI bindings share.

Bindings inherit these dataclasses; a binding that differs redeclares the field.
"""

from __future__ import annotations

from dataclasses import dataclass

from bindref.spec import code, lang, param

IN_PROCESS_NO_EXAMPLE = (
    "Support for the in-process model ended on November 10, 2026; examples are maintained "
    "for the isolated worker model only. The attribute is documented below."
)
STATE_USAGE_POWERSHELL = (
    "The binding value is the assistant state with `id`, `exists`, `createdAt`, "
    "`lastUpdatedAt`, `totalMessages`, `totalTokens` and `recentMessages`."
)
STATE_USAGE_JAVA = (
    "Annotate a parameter of type `AssistantState` "
    "(`com.microsoft.azure.functions.openai.annotation.assistant.AssistantState`)."
)

# Python's default is an enum member, which azure-functions writes to function.json by name.
PYTHON_CHAT_MODEL = lang(
    type="str | OpenAIModels",
    default=code("OpenAIModels.DefaultChatModel"),
    note=(
        "The default is written to function.json as `DefaultChatModel`, not as "
        "`gpt-3.5-turbo`: always pass a model or deployment name."
    ),
)


@dataclass(frozen=True, kw_only=True)
class ChatStorage:
    """Where assistant chat history is stored (post, query and the create payload)."""

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
    account that holds the chat history. The extension opens the table once and keeps it:
    every assistant binding of the app uses the account of the first one that runs."""

    collection_name: str = param(default="ChatState")
    """The name of the table that holds the chat history. The extension opens the table
    once and keeps it: every assistant binding of the app uses the table of the first one
    that runs."""


@dataclass(frozen=True, kw_only=True)
class ChatCompletionOptions:
    """The chat-completion options of text completion, assistant post and semantic search."""

    ai_connection_name: str = param(default="", names={"csharp": "AIConnectionName"})
    """The name of a configuration section holding the Azure OpenAI `Endpoint` and `Key`, or
    identity settings. A value the section lacks (or the whole section) falls back to the
    `AZURE_OPENAI_ENDPOINT` and `AZURE_OPENAI_KEY` environment variables; without a key the
    extension authenticates with a token credential. When the `OPENAI_API_KEY` environment
    variable is set, the extension calls OpenAI with that key and ignores this setting."""

    chat_model: str = param(default="gpt-3.5-turbo", languages={"python": PYTHON_CHAT_MODEL})
    """The model name (OpenAI) or deployment name (Azure OpenAI) of the chat model. The
    extension keeps one chat client per AI connection, made for the model of the first call:
    functions of one app that share a connection all get that model."""

    temperature: str | None = param(default="0.5")
    """The sampling temperature, between `0` and `2`, as a string. Higher values make
    replies more random. Set this or [[top_p]], not both."""

    top_p: str | None = param(languages={"java": lang(default=""), "python": lang(default=None)})
    """The nucleus-sampling probability mass, as a string: an alternative to the
    temperature. Set this or [[temperature]], not both."""

    max_tokens: str | None = param(default="100")
    """The maximum number of tokens to generate, as a string."""

    is_reasoning_model: bool = param(default=False)
    """Whether the chat model is a reasoning model (experimental). When true, the
    temperature and maximum token count are not sent to the model."""


# Python's embeddings default is an enum member, like the chat model's.
PYTHON_EMBEDDINGS_MODEL = lang(
    type="str | OpenAIModels",
    default=code("OpenAIModels.DefaultEmbeddingsModel"),
    note=(
        "The default is written to function.json as `DefaultEmbeddingsModel`, not as "
        "`text-embedding-ada-002`: always pass a model or deployment name."
    ),
)


@dataclass(frozen=True, kw_only=True)
class EmbeddingsOptions:
    """What to embed and how: the embeddings input and the embeddings store output."""

    input: str = param(required=True)
    """The text to embed, the path of a file, or an `https` URL, depending on [[input_type]].
    Binding expressions such as `{rawText}` are resolved first."""

    input_type: str = param(
        required=True,
        languages={
            "csharp": lang(type="InputType"),
            "java": lang(type="InputType"),
            "python": lang(
                type="InputType",
                note="Pass the string `rawText`, `filePath` or `url`: azure-functions 1.26.0 has no `InputType.Url`.",
            ),
        },
    )
    """How to read [[input]]: `RawText` (the text itself), `FilePath` (a file to read) or
    `Url` (a document to download; only `https` URLs are accepted)."""

    ai_connection_name: str = param(default="", names={"csharp": "AIConnectionName"})
    """The name of a configuration section holding the Azure OpenAI `Endpoint` and `Key`, or
    identity settings. A value the section lacks (or the whole section) falls back to the
    `AZURE_OPENAI_ENDPOINT` and `AZURE_OPENAI_KEY` environment variables; without a key the
    extension authenticates with a token credential. When the `OPENAI_API_KEY` environment
    variable is set, the extension calls OpenAI with that key and ignores this setting."""

    embeddings_model: str = param(
        default="text-embedding-ada-002", languages={"python": PYTHON_EMBEDDINGS_MODEL}
    )
    """The model name (OpenAI) or deployment name (Azure OpenAI) of the embeddings model.
    Changing it makes vectors stored with another model incompatible. The extension keeps
    one embeddings client per AI connection, made for the model of the first call: functions
    of one app that share a connection all get that model."""

    max_chunk_length: int = param(default=8 * 1024)
    """The maximum number of characters in one chunk of the input."""

    max_overlap: int = param(default=128)
    """The maximum number of characters that consecutive chunks share. It must be less
    than [[max_chunk_length]]: the extension rejects the input otherwise."""
