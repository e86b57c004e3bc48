"""The Blob storage input binding (``blob``, direction ``in``).

Sources: Azure/azure-functions-dotnet-worker@fb1133321b86bbec32ee8dbdf22905f06b79ea51
extensions/Worker.Extensions.Storage.Blobs/src/BlobInputAttribute.cs; Azure/azure-sdk-for-net
sdk/storage/Microsoft.Azure.WebJobs.Extensions.Storage.Blobs/src/BlobAttribute.cs @9763dbef
(shared with the output binding, told apart by ``FileAccess``); BlobInput.java in
azure-functions-java-library 3.2.3; azure-functions 1.26.0 (``FunctionApp.blob_input``);
@azure/functions 4.16.5 (``input.storageBlob``, ``StorageBlobInputOptions``).
"""

from __future__ import annotations

from dataclasses import dataclass

from binding_defs.blob._shared import DATA_TYPE_LANGUAGES, IN_PROCESS_NO_EXAMPLE, BlobOptions
from bindref.spec import binding, example, lang, no_example, param

_DESCRIPTION = (
    "This HTTP GET function returns the text of the blob in `samples-workitems` whose name "
    "is given in the route."
)


@binding(
    key="input",
    type="blob",
    direction="in",
    title="Azure Blob storage input binding",
    names={
        "csharp_isolated": "BlobInput",
        "csharp_inprocess": "Blob",
        "java": "BlobInput",
        "python": "blob_input",
        "node": "input.storageBlob",
    },
    constructors={
        "csharp_isolated": ("path",),
        "csharp_inprocess": [("path", "access"), ("path",)],  # [Blob(path)] or [Blob(path, FileAccess.Read)]
    },
    usage={
        "csharp_isolated": (
            "Bind the attribute to a parameter of type `string`, `byte[]`, `Stream`, `BlobClient`, "
            "`BlockBlobClient`, `PageBlobClient`, `AppendBlobClient`, `BlobBaseClient` or a "
            "JSON-serializable type. With a container path (no blob name), bind to "
            "`BlobContainerClient` or to an `IEnumerable<T>` of the types above."
        ),
        "csharp_inprocess": (
            'Apply `[Blob("<path>", FileAccess.Read)]` to a parameter of type `string`, `byte[]`, '
            "`Stream`, `TextReader` or a blob client type; with a container path, bind to "
            "`BlobContainerClient` or an `IEnumerable<T>`."
        ),
        "java": (
            'Annotate a parameter of type `String`, `byte[]` (with `dataType = "binary"`) or a POJO; '
            "it is `null` when the blob does not exist."
        ),
        "node": (
            "Read the content with `context.extraInputs.get(...)`: a `Buffer` "
            "(call `toString()` for text), or `undefined` when the blob does not exist."
        ),
        "powershell": (
            'The binding parameter holds the blob content: text with `"dataType": "string"`, '
            "otherwise bytes; `$null` when the blob does not exist."
        ),
        "python": (
            "Annotate the parameter as `str`, `bytes` or `func.InputStream`; it is `None` when "
            "the blob does not exist."
        ),
    },
    examples=[
        example(
            "csharp_isolated", "blob/csharp/BlobInputs.cs", region="blob_input", description=_DESCRIPTION
        ),
        no_example("csharp_inprocess", IN_PROCESS_NO_EXAMPLE),
        example(
            "java",
            "blob/java/src/main/java/com/example/blob/BlobInputs.java",
            region="blob_input",
            description=_DESCRIPTION,
        ),
        example(
            "javascript",
            "blob/javascript/src/functions/blobInput.js",
            region="blob_input",
            description=_DESCRIPTION,
        ),
        example(
            "typescript",
            "blob/typescript/src/functions/blobInput.ts",
            region="blob_input",
            description=_DESCRIPTION,
        ),
        example(
            "powershell",
            "blob/powershell/GetWorkItem/function.json",
            description="The `function.json` file of `GetWorkItem`:",
        ),
        example(
            "powershell",
            "blob/powershell/GetWorkItem/run.ps1",
            region="blob_input",
            description="Its `run.ps1` returns the blob's text.",
        ),
        example("python", "blob/python/work_item_reader.py", region="blob_input", description=_DESCRIPTION),
    ],
)
@dataclass(frozen=True, kw_only=True)
class BlobInput(BlobOptions):
    """Reads a blob and gives the function its content, or a client for it.

    The path usually takes the blob name from the trigger: a route parameter, a queue
    message (`{queueTrigger}`), or a token of a blob trigger's path.
    """

    path: str = param(required=True, names={"csharp": "BlobPath"}, example="samples-workitems/{name}")
    """The path of the blob, `container/blob-name`, such as `samples-workitems/{name}`.
    Binding expressions are resolved first. A path of a container alone binds to the
    container or to all its blobs, where the language supports it."""

    access: str | None = param(
        only=("csharp_inprocess",),
        languages={
            "csharp_inprocess": lang(
                type="FileAccess?",
                default=None,
                settable=True,
                note="Pass `FileAccess.Read` for an input binding.",
            ),
        },
    )
    """Whether the blob is read or written. When null, the extension infers it from the
    parameter type where it can."""

    data_type: str | None = param(only=("java", "powershell"), languages=DATA_TYPE_LANGUAGES)
    """How the runtime passes the content to the function: `binary` (bytes), `string`,
    or, when empty, as the parameter type needs it."""
