package com.example.blob;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.annotation.BlobInput;
import com.microsoft.azure.functions.annotation.BlobOutput;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;

/**
 * Copies work item blobs on request.
 */
public class BlobOutputs {

    // <blob_output>
    /**
     * Queue-triggered function: each message on workitems-to-copy names a blob in
     * samples-workitems, which is copied to samples-workitems-copies.
     */
    @FunctionName("CopyWorkItem")
    public void copyWorkItem(
            @QueueTrigger(
                name = "blobName",
                queueName = "workitems-to-copy",
                connection = "AzureWebJobsStorage")
            String blobName,
            @BlobInput(
                name = "workItem",
                path = "samples-workitems/{queueTrigger}",
                dataType = "string",
                connection = "AzureWebJobsStorage")
            String workItem,
            @BlobOutput(
                name = "copy",
                path = "samples-workitems-copies/{queueTrigger}",
                connection = "AzureWebJobsStorage")
            OutputBinding<String> copy,
            final ExecutionContext context) {
        // {queueTrigger} is the text of the queue message: the blob's name.
        context.getLogger().info("Copying work item " + blobName);

        // The value set here is written to the output blob when the function returns.
        copy.setValue(workItem);
    }
    // </blob_output>
}
