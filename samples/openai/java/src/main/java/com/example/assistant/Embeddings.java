package com.example.assistant;

import java.util.Map;
import java.util.Optional;

import org.json.JSONArray;
import org.json.JSONObject;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.openai.annotation.embeddings.EmbeddingsInput;
import com.microsoft.azure.functions.openai.annotation.embeddings.InputType;

/**
 * Turns text into embeddings (vectors) without storing them.
 */
public class Embeddings {

    // <embeddings>
    /**
     * HTTP POST function that embeds the rawText of a JSON body such as
     * { "rawText": "..." } and returns how many vectors the model produced.
     */
    @FunctionName("GenerateEmbeddings")
    public HttpResponseMessage generateEmbeddings(
            @HttpTrigger(
                name = "req",
                methods = {HttpMethod.POST},
                authLevel = AuthorizationLevel.FUNCTION,
                route = "embeddings")
            HttpRequestMessage<Optional<String>> request,
            @EmbeddingsInput(
                name = "embeddings",
                input = "{rawText}",
                inputType = InputType.RawText,
                embeddingsModel = "%EMBEDDING_MODEL_DEPLOYMENT_NAME%")
            String embeddings,
            final ExecutionContext context) {
        // The embeddings context arrives as JSON: response.data holds one vector per chunk.
        JSONArray vectors = new JSONObject(embeddings)
                .getJSONObject("response")
                .getJSONArray("data");

        return request.createResponseBuilder(HttpStatus.OK)
                .header("Content-Type", "application/json")
                .body(Map.of("vectors", vectors.length()))
                .build();
    }
    // </embeddings>
}
