package com.example.blob;

import java.util.Optional;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BlobInput;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;

/**
 * Reads work item blobs for HTTP callers.
 */
public class BlobInputs {

    // <blob_input>
    /**
     * HTTP GET function that returns the text of the work item named in the route.
     */
    @FunctionName("GetWorkItem")
    public HttpResponseMessage getWorkItem(
            @HttpTrigger(
                name = "req",
                methods = {HttpMethod.GET},
                authLevel = AuthorizationLevel.FUNCTION,
                route = "workitems/{name}")
            HttpRequestMessage<Optional<String>> request,
            @BlobInput(
                name = "workItem",
                path = "samples-workitems/{name}",
                dataType = "string",
                connection = "AzureWebJobsStorage")
            String workItem,
            final ExecutionContext context) {
        // The binding resolved {name} from the route; a missing blob arrives as null.
        if (workItem == null) {
            return request.createResponseBuilder(HttpStatus.NOT_FOUND).build();
        }
        return request.createResponseBuilder(HttpStatus.OK)
                .header("Content-Type", "text/plain")
                .body(workItem)
                .build();
    }
    // </blob_input>
}
