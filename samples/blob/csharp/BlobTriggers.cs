using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace BlobStorageSample;

/// <summary>
/// Functions that run when a work item blob is added to or updated in the
/// samples-workitems container.
/// </summary>
public class BlobTriggers
{
    private readonly ILogger<BlobTriggers> _logger;

    public BlobTriggers(ILogger<BlobTriggers> logger)
    {
        _logger = logger;
    }

    // <blob_trigger>
    /// <summary>
    /// Logs the name and size of each new or changed blob in samples-workitems.
    /// The container is polled (the default LogsAndContainerScan source).
    /// </summary>
    [Function(nameof(WorkItemMonitor))]
    public void WorkItemMonitor(
        [BlobTrigger("samples-workitems/{name}", Connection = "AzureWebJobsStorage")]
        byte[] content,
        string name)
    {
        // {name} in the path is also bound to the parameter of the same name.
        _logger.LogInformation("Work item {Name} changed: {Size} bytes", name, content.Length);
    }
    // </blob_trigger>

    // <blob_trigger_event_grid>
    /// <summary>
    /// The same monitor, notified through an Event Grid subscription on the storage
    /// account instead of by polling the container.
    /// </summary>
    [Function(nameof(WorkItemEventGridMonitor))]
    public void WorkItemEventGridMonitor(
        [BlobTrigger(
            "samples-workitems/{name}",
            Source = BlobTriggerSource.EventGrid,
            Connection = "AzureWebJobsStorage")]
        byte[] content,
        string name)
    {
        _logger.LogInformation("Work item {Name} changed (Event Grid): {Size} bytes", name, content.Length);
    }
    // </blob_trigger_event_grid>
}
