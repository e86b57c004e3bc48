const { app } = require('@azure/functions');

// <blob_trigger>
/**
 * Logs the name and size of each new or changed blob in samples-workitems.
 * The container is polled (the default LogsAndContainerScan source).
 * @param {Buffer} blob
 * @param {import('@azure/functions').InvocationContext} context
 */
async function workItemMonitor(blob, context) {
    // {name} in the path is available in the trigger metadata.
    const name = context.triggerMetadata?.name;
    context.log(`Work item ${name} changed: ${blob.length} bytes`);
}

app.storageBlob('WorkItemMonitor', {
    path: 'samples-workitems/{name}',
    connection: 'AzureWebJobsStorage',
    handler: workItemMonitor,
});
// </blob_trigger>

// <blob_trigger_event_grid>
/**
 * The same monitor, notified through an Event Grid subscription on the storage
 * account instead of by polling the container.
 * @param {Buffer} blob
 * @param {import('@azure/functions').InvocationContext} context
 */
async function workItemEventGridMonitor(blob, context) {
    const name = context.triggerMetadata?.name;
    context.log(`Work item ${name} changed (Event Grid): ${blob.length} bytes`);
}

app.storageBlob('WorkItemEventGridMonitor', {
    path: 'samples-workitems/{name}',
    source: 'EventGrid',
    connection: 'AzureWebJobsStorage',
    handler: workItemEventGridMonitor,
});
// </blob_trigger_event_grid>
