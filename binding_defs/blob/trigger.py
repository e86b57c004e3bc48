"""The Blob storage trigger (``blobTrigger``).

Sources: Azure/azure-functions-dotnet-worker@fb1133321b86bbec32ee8dbdf22905f06b79ea51
extensions/Worker.Extensions.Storage.Blobs/src/BlobTriggerAttribute.cs and BlobTriggerSource.cs;
Azure/azure-sdk-for-net sdk/storage/Microsoft.Azure.WebJobs.Extensions.Storage.Blobs/src/
BlobTriggerAttribute.cs @70a8b70e and BlobTriggerSource.cs; BlobTrigger.java in
azure-functions-java-library 3.2.3; azure-functions 1.26.0 (``FunctionApp.blob_trigger``,
``BlobSource``); @azure/functions 4.16.5 (``app.storageBlob``, ``StorageBlobTriggerOptions``).
"""

from __future__ import annotations

from dataclasses import dataclass

from binding_defs.blob._shared import DATA_TYPE_LANGUAGES, IN_PROCESS_NO_EXAMPLE, BlobOptions
from bindref.spec import binding, code, example, lang, no_example, param

_DESCRIPTION = (
    "This function runs when a blob is added to or updated in the `samples-workitems` "
    "container, and logs the blob's name and size."
)
_EVENT_GRID_DESCRIPTION = (
    "The same function with `source` set to `EventGrid`: an Event Grid subscription on the "
    "storage account notifies it, instead of the extension polling the container."
)


@binding(
    key="trigger",
    type="blobTrigger",
    direction="trigger",
    title="Azure Blob storage trigger",
    names={
        "csharp_isolated": "BlobTrigger",
        "csharp_inprocess": "BlobTrigger",
        "java": "BlobTrigger",
        "python": "blob_trigger",
        "node": "app.storageBlob",
    },
    constructors={
        "csharp_isolated": ("path",),
        "csharp_inprocess": ("path",),
    },
    usage={
        "csharp_isolated": (
            "Bind the attribute to a parameter of type `string`, `byte[]`, `Stream`, `BlobClient`, "
            "`BlockBlobClient`, `PageBlobClient`, `AppendBlobClient`, `BlobBaseClient`, or a "
            "JSON-serializable type. A parameter named after a `{token}` in the path, such as "
            "`string name`, receives the matched value."
        ),
        "csharp_inprocess": (
            "Bind the attribute to a parameter of type `string`, `byte[]`, `Stream`, `TextReader`, "
            "`BlobClient`, `BlockBlobClient`, `PageBlobClient`, `AppendBlobClient` or `BlobBaseClient`."
        ),
        "java": (
            'Annotate a parameter of type `byte[]` (with `dataType = "binary"`), `String` or a POJO; '
            'a parameter annotated `@BindingName("name")` receives the `{name}` token of the path.'
        ),
        "node": (
            "The handler's first argument is the blob content, a `Buffer`; "
            "`context.triggerMetadata` holds the path tokens, such as `name`."
        ),
        "powershell": (
            "The trigger parameter (`[byte[]]`) holds the blob content; `$TriggerMetadata` holds "
            "the path tokens, such as `Name`."
        ),
        "python": (
            "Annotate the parameter as `func.InputStream`: `read()` returns the content, `name` "
            "is the blob's path and `length` its size in bytes. `str` and `bytes` also work."
        ),
    },
    examples=[
        example(
            "csharp_isolated", "blob/csharp/BlobTriggers.cs", region="blob_trigger", description=_DESCRIPTION
        ),
        example(
            "csharp_isolated",
            "blob/csharp/BlobTriggers.cs",
            region="blob_trigger_event_grid",
            description=_EVENT_GRID_DESCRIPTION,
        ),
        no_example("csharp_inprocess", IN_PROCESS_NO_EXAMPLE),
        example(
            "java",
            "blob/java/src/main/java/com/example/blob/BlobTriggers.java",
            region="blob_trigger",
            description=_DESCRIPTION,
        ),
        example(
            "java",
            "blob/java/src/main/java/com/example/blob/BlobTriggers.java",
            region="blob_trigger_event_grid",
            description=_EVENT_GRID_DESCRIPTION,
        ),
        example(
            "javascript",
            "blob/javascript/src/functions/blobTrigger.js",
            region="blob_trigger",
            description=_DESCRIPTION,
        ),
        example(
            "javascript",
            "blob/javascript/src/functions/blobTrigger.js",
            region="blob_trigger_event_grid",
            description=_EVENT_GRID_DESCRIPTION,
        ),
        example(
            "typescript",
            "blob/typescript/src/functions/blobTrigger.ts",
            region="blob_trigger",
            description=_DESCRIPTION,
        ),
        example(
            "typescript",
            "blob/typescript/src/functions/blobTrigger.ts",
            region="blob_trigger_event_grid",
            description=_EVENT_GRID_DESCRIPTION,
        ),
        example(
            "powershell",
            "blob/powershell/WorkItemMonitor/function.json",
            description="The `function.json` file of `WorkItemMonitor`:",
        ),
        example(
            "powershell",
            "blob/powershell/WorkItemMonitor/run.ps1",
            region="blob_trigger",
            description="Its `run.ps1` logs the blob's name and size.",
        ),
        example(
            "powershell",
            "blob/powershell/WorkItemEventGridMonitor/function.json",
            description="With `source` set to `EventGrid`, the `function.json` of `WorkItemEventGridMonitor`:",
        ),
        example(
            "powershell",
            "blob/powershell/WorkItemEventGridMonitor/run.ps1",
            region="blob_trigger_event_grid",
            description="Its `run.ps1` is the same as the polling monitor's.",
        ),
        example("python", "blob/python/function_app.py", region="blob_trigger", description=_DESCRIPTION),
        example(
            "python",
            "blob/python/function_app.py",
            region="blob_trigger_event_grid",
            description=_EVENT_GRID_DESCRIPTION,
        ),
    ],
)
@dataclass(frozen=True, kw_only=True)
class BlobTrigger(BlobOptions):
    """Runs the function when a blob is added to or updated in a container.

    The function receives the blob's content. By default the extension finds new and
    changed blobs by reading the storage logs and scanning the container; with `source`
    set to `EventGrid`, an Event Grid subscription on the storage account notifies it
    instead, with far lower latency. A blob that keeps failing is moved to the
    `webjobs-blobtrigger-poison` queue.
    """

    path: str = param(required=True, names={"csharp": "BlobPath"}, example="samples-workitems/{name}")
    """The container to watch, with a blob name pattern: `samples-workitems/{name}` matches
    every blob and captures its name as `{name}`, `samples-workitems/{name}.txt` only text
    files. The captured tokens can be used in other bindings' paths and as parameters."""

    source: str = param(
        languages={
            "csharp": lang(
                type="BlobTriggerSource",
                default=code("BlobTriggerSource.LogsAndContainerScan"),
            ),
            "java": lang(type="String", default="", note="When empty, the host uses `LogsAndContainerScan`."),
            "node": lang(
                type="'EventGrid' | 'LogsAndContainerScan'",
                note="When not set, the host uses `LogsAndContainerScan`.",
            ),
            "powershell": lang(type="string", note="When not set, the host uses `LogsAndContainerScan`."),
            "python": lang(
                type="BlobSource | None",
                default=None,
                note=(
                    "Pass `func.BlobSource.EVENT_GRID` or `func.BlobSource.LOGS_AND_CONTAINER_SCAN` "
                    "(or the string); when `None`, the host uses `LogsAndContainerScan`."
                ),
            ),
        },
    )
    """How the extension learns of new and changed blobs: `LogsAndContainerScan` (polling
    the storage logs and the container) or `EventGrid` (notifications from an Event Grid
    subscription on the storage account, which you create with the extension's webhook
    as its endpoint)."""

    data_type: str | None = param(only=("java", "powershell"), languages=DATA_TYPE_LANGUAGES)
    """How the runtime passes the content to the function: `binary` (bytes), `string`,
    or, when empty, as the parameter type needs it."""
