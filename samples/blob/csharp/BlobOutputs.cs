using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace BlobStorageSample;

/// <summary>
/// Copies work item blobs on request.
/// </summary>
public class BlobOutputs
{
    private readonly ILogger<BlobOutputs> _logger;

    public BlobOutputs(ILogger<BlobOutputs> logger)
    {
        _logger = logger;
    }

    // <blob_output>
    /// <summary>
    /// Queue-triggered function: each message on workitems-to-copy names a blob in
    /// samples-workitems, which is copied to samples-workitems-copies.
    /// </summary>
    [Function(nameof(CopyWorkItem))]
    [BlobOutput("samples-workitems-copies/{queueTrigger}", Connection = "AzureWebJobsStorage")]
    public string CopyWorkItem(
        [QueueTrigger("workitems-to-copy", Connection = "AzureWebJobsStorage")]
        string blobName,
        [BlobInput("samples-workitems/{queueTrigger}", Connection = "AzureWebJobsStorage")]
        string workItem)
    {
        // {queueTrigger} is the text of the queue message: the blob's name.
        _logger.LogInformation("Copying work item {Name}", blobName);

        // The returned string is written to the output blob.
        return workItem;
    }
    // </blob_output>
}
