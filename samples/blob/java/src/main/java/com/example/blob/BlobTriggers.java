package com.example.blob;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.BlobTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;

/**
 * Functions that run when a work item blob is added to or updated in the
 * samples-workitems container.
 */
public class BlobTriggers {

    // <blob_trigger>
    /**
     * Logs the name and size of each new or changed blob in samples-workitems.
     * The container is polled (the default LogsAndContainerScan source).
     */
    @FunctionName("WorkItemMonitor")
    public void workItemMonitor(
            @BlobTrigger(
                name = "content",
                path = "samples-workitems/{name}",
                dataType = "binary",
                connection = "AzureWebJobsStorage")
            byte[] content,
            @BindingName("name") String name,
            final ExecutionContext context) {
        // {name} in the path is bound to the parameter annotated @BindingName("name").
        context.getLogger().info("Work item " + name + " changed: " + content.length + " bytes");
    }
    // </blob_trigger>

    // <blob_trigger_event_grid>
    /**
     * The same monitor, notified through an Event Grid subscription on the storage
     * account instead of by polling the container.
     */
    @FunctionName("WorkItemEventGridMonitor")
    public void workItemEventGridMonitor(
            @BlobTrigger(
                name = "content",
                path = "samples-workitems/{name}",
                dataType = "binary",
                source = "EventGrid",
                connection = "AzureWebJobsStorage")
            byte[] content,
            @BindingName("name") String name,
            final ExecutionContext context) {
        context.getLogger().info(
                "Work item " + name + " changed (Event Grid): " + content.length + " bytes");
    }
    // </blob_trigger_event_grid>
}
