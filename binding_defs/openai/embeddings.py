"""The Azure OpenAI embeddings input binding (``embeddings``).

Sources: Azure/azure-functions-openai-extension (EmbeddingsInputAttribute.cs,
EmbeddingsAttribute.cs, EmbeddingsInput.java) and azure-functions 1.26.0
(``FunctionApp.embeddings_input``).
"""

from __future__ import annotations

from dataclasses import dataclass

from binding_defs.openai._shared import IN_PROCESS_NO_EXAMPLE, EmbeddingsOptions
from bindref.spec import binding, example, no_example

_DESCRIPTION = (
    "This HTTP POST function embeds the `rawText` of the request body and returns how "
    "many vectors the model produced."
)


@binding(
    type="embeddings",
    direction="in",
    title="Azure OpenAI embeddings input binding",
    names={
        "csharp_isolated": "EmbeddingsInput",
        "csharp_inprocess": "Embeddings",
        "java": "EmbeddingsInput",
        "python": "embeddings_input",
    },
    usage={
        "csharp": "Bind the attribute to a parameter of type `EmbeddingsContext`: its `Response` is an `OpenAIEmbeddingCollection` with one embedding per chunk, and `Count` says how many.",
        "java": "Annotate a parameter of type `String`: the embeddings context as JSON.",
        "node": "`context.extraInputs.get(...)` returns the embeddings context: `response.data` holds one entry per chunk, whose `embedding` is the vector.",
        "powershell": "The binding value is the embeddings context; `Response.Data` holds one entry per chunk, whose `embedding` is the vector.",
        "python": "The parameter receives the embeddings context as a JSON string.",
    },
    examples=[
        example(
            "csharp_isolated", "openai/csharp/Embeddings.cs", region="embeddings", description=_DESCRIPTION
        ),
        no_example("csharp_inprocess", IN_PROCESS_NO_EXAMPLE),
        example(
            "java",
            "openai/java/src/main/java/com/example/assistant/Embeddings.java",
            region="embeddings",
            description=_DESCRIPTION,
        ),
        example(
            "javascript",
            "openai/javascript/src/functions/embeddings.js",
            region="embeddings",
            description=_DESCRIPTION,
        ),
        example(
            "typescript",
            "openai/typescript/src/functions/embeddings.ts",
            region="embeddings",
            description=_DESCRIPTION,
        ),
        example(
            "powershell",
            "openai/powershell/GenerateEmbeddings/function.json",
            description="The `function.json` file of `GenerateEmbeddings`:",
        ),
        example(
            "powershell",
            "openai/powershell/GenerateEmbeddings/run.ps1",
            region="embeddings",
            description="Its `run.ps1` returns the number of vectors.",
        ),
        example("python", "openai/python/embeddings.py", region="embeddings", description=_DESCRIPTION),
    ],
)
@dataclass(frozen=True, kw_only=True)
class Embeddings(EmbeddingsOptions):
    """Splits text, a file or a web page into chunks and gives the function their embeddings.

    Use it to compute vectors yourself; to store them in a vector database, use the
    embeddings store output binding.
    """
