const { app, input, output } = require('@azure/functions');

// <blob_output>
const sourceInput = input.storageBlob({
    path: 'samples-workitems/{queueTrigger}',
    connection: 'AzureWebJobsStorage',
});

const copyOutput = output.storageBlob({
    path: 'samples-workitems-copies/{queueTrigger}',
    connection: 'AzureWebJobsStorage',
});

/**
 * Queue-triggered function: each message on workitems-to-copy names a blob in
 * samples-workitems, which is copied to samples-workitems-copies.
 * @param {unknown} blobName
 * @param {import('@azure/functions').InvocationContext} context
 */
async function copyWorkItem(blobName, context) {
    // {queueTrigger} is the text of the queue message: the blob's name.
    context.log(`Copying work item ${blobName}`);

    // The value set here is written to the output blob when the function returns.
    context.extraOutputs.set(copyOutput, context.extraInputs.get(sourceInput));
}

app.storageQueue('CopyWorkItem', {
    queueName: 'workitems-to-copy',
    connection: 'AzureWebJobsStorage',
    extraInputs: [sourceInput],
    extraOutputs: [copyOutput],
    handler: copyWorkItem,
});
// </blob_output>
