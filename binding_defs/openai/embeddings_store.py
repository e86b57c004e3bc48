"""The Azure OpenAI embeddings store output binding (``embeddingsStore``).

Sources: Azure/azure-functions-openai-extension (EmbeddingsStoreOutputAttribute.cs,
EmbeddingsStoreAttribute.cs, EmbeddingsStoreOutput.java) and azure-functions 1.26.0
(``FunctionApp.embeddings_store_output``).
"""

from __future__ import annotations

from dataclasses import dataclass

from binding_defs.openai._shared import IN_PROCESS_NO_EXAMPLE, EmbeddingsOptions
from bindref.spec import binding, example, no_example, param

_DESCRIPTION = (
    "This HTTP POST function downloads the document at the `url` of the request body, "
    "embeds it and stores the vectors in the `openai-index` collection."
)


@binding(
    type="embeddingsStore",
    direction="out",
    title="Azure OpenAI embeddings store output binding",
    names={
        "csharp_isolated": "EmbeddingsStoreOutput",
        "csharp_inprocess": "EmbeddingsStore",
        "java": "EmbeddingsStoreOutput",
        "python": "embeddings_store_output",
    },
    # The attributes take the embeddings options first (EmbeddingsStoreOutputAttribute.cs).
    constructors={"csharp": ("input", "input_type", "store_connection_name", "collection")},
    usage={
        "csharp_isolated": "Apply the attribute to a property of type `SearchableDocument` of the function's return type, and set it.",
        "csharp_inprocess": "Apply the attribute to an `IAsyncCollector<SearchableDocument>` parameter and add the document with `AddAsync(...)`.",
        "java": "Annotate an `OutputBinding<T>` parameter, where `T` is a class of your own with a `title` property (the example's `EmbeddingsStoreOutputResponse`), and `setValue(...)` it.",
        "node": "Set the output with `context.extraOutputs.set(...)` to an object such as `{ title: url }`.",
        "powershell": "Push the document with `Push-OutputBinding -Name <name> -Value @{ title = $url }`.",
        "python": 'Set the `func.Out[str]` parameter to a JSON document such as `{"title": url}`.',
    },
    examples=[
        example(
            "csharp_isolated",
            "openai/csharp/FilePrompt.cs",
            region="embeddings_store",
            description=_DESCRIPTION,
        ),
        no_example("csharp_inprocess", IN_PROCESS_NO_EXAMPLE),
        example(
            "java",
            "openai/java/src/main/java/com/example/assistant/FilePrompt.java",
            region="embeddings_store",
            description=_DESCRIPTION,
        ),
        example(
            "javascript",
            "openai/javascript/src/functions/filePrompt.js",
            region="embeddings_store",
            description=_DESCRIPTION,
        ),
        example(
            "typescript",
            "openai/typescript/src/functions/filePrompt.ts",
            region="embeddings_store",
            description=_DESCRIPTION,
        ),
        example(
            "powershell",
            "openai/powershell/IngestFile/function.json",
            description="The `function.json` file of `IngestFile`:",
        ),
        example(
            "powershell",
            "openai/powershell/IngestFile/run.ps1",
            region="embeddings_store",
            description="Its `run.ps1` writes the document to the output binding.",
        ),
        example(
            "python", "openai/python/file_prompt.py", region="embeddings_store", description=_DESCRIPTION
        ),
    ],
)
@dataclass(frozen=True, kw_only=True)
class EmbeddingsStore(EmbeddingsOptions):
    """Embeds text, a file or a web page and stores the vectors in a vector database.

    Supported stores: Azure AI Search, Azure Cosmos DB for MongoDB vCore, Azure Cosmos DB
    for NoSQL and Azure Data Explorer (Kusto).
    """

    store_connection_name: str = param(required=True)
    """The name of the app setting or configuration section that holds the vector store's
    connection, in a form the store accepts: a connection string (Azure Cosmos DB for
    MongoDB vCore, Azure Data Explorer), or an endpoint, alone or in a section with a key or
    identity settings (Azure AI Search, Azure Cosmos DB for NoSQL, which also takes a
    connection string). The store itself is chosen in `host.json` (`extensions.openai.searchProvider.type`):
    without it the binding fails with `No search provider is configured.`"""

    collection: str = param(required=True)
    """The name of the collection, index or table that receives the vectors."""
