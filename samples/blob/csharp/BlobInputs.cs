using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace BlobStorageSample;

/// <summary>
/// Reads work item blobs for HTTP callers.
/// </summary>
public static class BlobInputs
{
    // <blob_input>
    /// <summary>
    /// HTTP GET function that returns the text of the work item named in the route.
    /// </summary>
    [Function(nameof(GetWorkItem))]
    public static IActionResult GetWorkItem(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "workitems/{name}")]
        HttpRequest req,
        [BlobInput("samples-workitems/{name}", Connection = "AzureWebJobsStorage")]
        string workItem)
    {
        // The binding resolved {name} from the route and read the blob as text.
        return new ContentResult { Content = workItem, ContentType = "text/plain", StatusCode = 200 };
    }
    // </blob_input>
}
