"""The Blob storage output binding (``blob``, direction ``out``).

Sources: Azure/azure-functions-dotnet-worker@fb1133321b86bbec32ee8dbdf22905f06b79ea51
extensions/Worker.Extensions.Storage.Blobs/src/BlobOutputAttribute.cs; Azure/azure-sdk-for-net
sdk/storage/Microsoft.Azure.WebJobs.Extensions.Storage.Blobs/src/BlobAttribute.cs @9763dbef
(shared with the input binding, told apart by ``FileAccess``); BlobOutput.java in
azure-functions-java-library 3.2.3; azure-functions 1.26.0 (``FunctionApp.blob_output``);
@azure/functions 4.16.5 (``output.storageBlob``, ``StorageBlobOutputOptions``).
"""

from __future__ import annotations

from dataclasses import dataclass

from binding_defs.blob._shared import DATA_TYPE_LANGUAGES, IN_PROCESS_NO_EXAMPLE, BlobOptions
from bindref.spec import binding, example, lang, no_example, param

_DESCRIPTION = (
    "Each message on the `workitems-to-copy` queue names a blob in `samples-workitems`; this "
    "function reads that blob with an input binding and writes a copy to `samples-workitems-copies`."
)


@binding(
    key="output",
    type="blob",
    direction="out",
    title="Azure Blob storage output binding",
    names={
        "csharp_isolated": "BlobOutput",
        "csharp_inprocess": "Blob",
        "java": "BlobOutput",
        "python": "blob_output",
        "node": "output.storageBlob",
    },
    constructors={
        "csharp_isolated": ("path",),
        "csharp_inprocess": [("path", "access"), ("path",)],  # [Blob(path)] or [Blob(path, FileAccess.Read)]
    },
    usage={
        "csharp_isolated": (
            "Apply the attribute to the function method and return the content (`string` or "
            "`byte[]`), or to a property of a return type that holds several outputs."
        ),
        "csharp_inprocess": (
            'Apply `[Blob("<path>", FileAccess.Write)]` to an `out string` or `out byte[]` '
            "parameter, or to a `Stream`, `TextWriter` or blob client parameter."
        ),
        "java": (
            "Annotate an `OutputBinding<T>` parameter (`String`, `byte[]` with "
            '`dataType = "binary"`, or a POJO) and call `setValue(...)`, or annotate the method '
            "and return the content."
        ),
        "node": (
            "Set the content with `context.extraOutputs.set(...)`, or return it when the binding "
            "is the function's `return` output."
        ),
        "powershell": "Push the content with `Push-OutputBinding -Name <name> -Value ...`.",
        "python": "Annotate the parameter as `func.Out[str]` (or `func.Out[bytes]`) and call `set(...)`.",
    },
    examples=[
        example(
            "csharp_isolated", "blob/csharp/BlobOutputs.cs", region="blob_output", description=_DESCRIPTION
        ),
        no_example("csharp_inprocess", IN_PROCESS_NO_EXAMPLE),
        example(
            "java",
            "blob/java/src/main/java/com/example/blob/BlobOutputs.java",
            region="blob_output",
            description=_DESCRIPTION,
        ),
        example(
            "javascript",
            "blob/javascript/src/functions/blobOutput.js",
            region="blob_output",
            description=_DESCRIPTION,
        ),
        example(
            "typescript",
            "blob/typescript/src/functions/blobOutput.ts",
            region="blob_output",
            description=_DESCRIPTION,
        ),
        example(
            "powershell",
            "blob/powershell/CopyWorkItem/function.json",
            description="The `function.json` file of `CopyWorkItem`:",
        ),
        example(
            "powershell",
            "blob/powershell/CopyWorkItem/run.ps1",
            region="blob_output",
            description="Its `run.ps1` writes the copy.",
        ),
        example("python", "blob/python/work_item_copier.py", region="blob_output", description=_DESCRIPTION),
    ],
)
@dataclass(frozen=True, kw_only=True)
class BlobOutput(BlobOptions):
    """Writes the function's value to a blob, creating it or replacing its content."""

    path: str = param(required=True, names={"csharp": "BlobPath"}, example="samples-workitems-copies/{name}")
    """The path of the blob to write, `container/blob-name`, such as
    `samples-workitems-copies/{queueTrigger}`. Binding expressions are resolved first;
    `{rand-guid}` gives a new name on each run."""

    access: str | None = param(
        only=("csharp_inprocess",),
        languages={
            "csharp_inprocess": lang(
                type="FileAccess?",
                default=None,
                settable=True,
                note="Pass `FileAccess.Write` for an output binding.",
            ),
        },
    )
    """Whether the blob is read or written. When null, the extension infers it from the
    parameter type where it can (an `out` parameter writes)."""

    # @azure/functions 4.16.5 types allow sdkBinding on every blob binding, but
    # src/converters/toCoreFunctionMetadata.ts reads it (addSdkBindingsFlag) for the trigger and
    # extraInputs only, never for return or extraOutputs.
    sdk_binding: bool | None = param(only=("node",), languages={"node": lang(type="boolean")})
    """Accepted by the `StorageBlobOutputOptions` type, which it shares with the input, but
    without effect on an output: the library turns it into a deferred binding only for a
    trigger or an input, and the output always receives the value the function sets."""

    data_type: str | None = param(only=("java", "powershell"), languages=DATA_TYPE_LANGUAGES)
    """How the runtime treats the value written: `binary` (bytes) or `string`; when empty,
    as a string serialized from the value."""
