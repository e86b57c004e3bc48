"""Parameters and texts that the Blob storage trigger, input and output bindings share.

Bindings inherit these dataclasses; a binding that differs redeclares the field.
Sources: Azure/azure-functions-dotnet-worker@fb1133321b86bbec32ee8dbdf22905f06b79ea51
(extensions/Worker.Extensions.Storage.Blobs/src, package 6.8.2), Azure/azure-sdk-for-net
(sdk/storage/Microsoft.Azure.WebJobs.Extensions.Storage.Blobs/src, BlobAttribute.cs @9763dbef,
BlobTriggerAttribute.cs @70a8b70e), com.microsoft.azure.functions:azure-functions-java-library:3.2.3,
azure-functions 1.26.0 (azure/functions/decorators/blob.py, function_app.py) and
@azure/functions 4.16.5 (types/storage.d.ts).
"""

from __future__ import annotations

from dataclasses import dataclass

from bindref.spec import lang, param

IN_PROCESS_NO_EXAMPLE = (
    "Support for the in-process model ended on November 10, 2026; examples are maintained "
    "for the isolated worker model only. The attribute is documented below."
)

# Java's dataType is a free string, Python's the DataType enum; function.json writes `dataType`.
# Python's data_type is a parameter of every decorator: its profile documents it.
DATA_TYPE_LANGUAGES = {
    "java": lang(type="String", default=""),
    "powershell": lang(type="string"),
}


@dataclass(frozen=True, kw_only=True)
class BlobOptions:
    """The storage account and client options of every Blob storage binding."""

    # Python and Node.js make the connection a required argument; C# and Java leave it optional.
    connection: str | None = param(
        example="AzureWebJobsStorage",
        languages={
            # Isolated declares `string?`; the in-process BlobAttribute and BlobTriggerAttribute
            # (azure-sdk-for-net @9763dbef, @70a8b70e) declare `public string Connection`.
            "csharp_isolated": lang(
                type="string?", note="When null, the extension uses `AzureWebJobsStorage`."
            ),
            "csharp_inprocess": lang(
                type="string", note="When null, the extension uses `AzureWebJobsStorage`."
            ),
            "java": lang(
                default="",
                note=(
                    "When empty, the extension uses the setting named by a `@StorageAccount` "
                    "annotation on the method, or else `AzureWebJobsStorage`."
                ),
            ),
            "node": lang(required=True),
            "python": lang(required=True),
            "powershell": lang(note="When not set, the extension uses `AzureWebJobsStorage`."),
        },
    )
    """The name of the app setting or configuration section that tells the extension how
    to connect to the storage account: a connection string, or a section with
    `blobServiceUri` (and, for the trigger, `queueServiceUri`) for an identity-based
    connection."""

    sdk_binding: bool | None = param(only=("node",), languages={"node": lang(type="boolean")})
    """When `true`, the function receives a Blob storage SDK client instead of the blob's
    content (deferred binding); this needs the Node.js Blob storage client extension
    package. When not set, the content is passed."""
