package com.example.assistant;

import java.util.Map;
import java.util.Optional;

import org.json.JSONObject;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.openai.annotation.embeddings.EmbeddingsStoreOutput;
import com.microsoft.azure.functions.openai.annotation.embeddings.InputType;
import com.microsoft.azure.functions.openai.annotation.search.SemanticSearch;

/**
 * Retrieval-augmented generation: ingest web pages into an Azure AI Search index,
 * then answer prompts from what was ingested.
 */
public class FilePrompt {

    // <embeddings_store>
    /**
     * HTTP POST function that downloads the page at the url of a JSON body such as
     * { "url": "https://..." }, embeds it and stores the vectors in the search index.
     */
    @FunctionName("IngestFile")
    public HttpResponseMessage ingestFile(
            @HttpTrigger(
                name = "req",
                methods = {HttpMethod.POST},
                authLevel = AuthorizationLevel.FUNCTION,
                route = "ingest")
            HttpRequestMessage<Optional<String>> request,
            @EmbeddingsStoreOutput(
                name = "requests",
                input = "{url}",
                inputType = InputType.Url,
                storeConnectionName = "AISearchEndpoint",
                collection = "openai-index",
                embeddingsModel = "%EMBEDDING_MODEL_DEPLOYMENT_NAME%")
            OutputBinding<EmbeddingsStoreOutputResponse> requests,
            final ExecutionContext context) {
        String url = new JSONObject(request.getBody().orElse("{}")).optString("url");

        // The binding reads the page from {url}; the document gives it a title.
        requests.setValue(new EmbeddingsStoreOutputResponse(url));

        return request.createResponseBuilder(HttpStatus.ACCEPTED)
                .header("Content-Type", "application/json")
                .body(Map.of("url", url))
                .build();
    }

    /**
     * The document that the embeddingsStore binding stores, serialized as { "title": ... }.
     */
    public static class EmbeddingsStoreOutputResponse {
        private final String title;

        public EmbeddingsStoreOutputResponse(String title) {
            this.title = title;
        }

        public String getTitle() {
            return title;
        }
    }
    // </embeddings_store>

    // <semantic_search>
    /**
     * HTTP POST function that answers the prompt of a JSON body such as
     * { "prompt": "..." } from the documents in the search index.
     */
    @FunctionName("PromptFile")
    public HttpResponseMessage promptFile(
            @HttpTrigger(
                name = "req",
                methods = {HttpMethod.POST},
                authLevel = AuthorizationLevel.FUNCTION,
                route = "prompt")
            HttpRequestMessage<Optional<String>> request,
            @SemanticSearch(
                name = "search",
                searchConnectionName = "AISearchEndpoint",
                collection = "openai-index",
                query = "{prompt}",
                chatModel = "%CHAT_MODEL_DEPLOYMENT_NAME%",
                embeddingsModel = "%EMBEDDING_MODEL_DEPLOYMENT_NAME%",
                isReasoningModel = false)
            String search,
            final ExecutionContext context) {
        // The search context arrives as JSON; Response is the chat model's answer.
        String answer = new JSONObject(search).getString("Response");

        return request.createResponseBuilder(HttpStatus.OK)
                .header("Content-Type", "text/plain")
                .body(answer)
                .build();
    }
    // </semantic_search>
}
