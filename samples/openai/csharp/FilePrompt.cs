using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.OpenAI.Embeddings;
using Microsoft.Azure.Functions.Worker.Extensions.OpenAI.Search;

namespace OpenAIAssistantSample;

/// <summary>
/// Retrieval-augmented generation: ingest web pages into an Azure AI Search index,
/// then answer prompts from what was ingested.
/// </summary>
public static class FilePrompt
{
    // <embeddings_store>
    /// <summary>
    /// HTTP POST function that downloads the page at the url of a JSON body such as
    /// { "url": "https://..." }, embeds it and stores the vectors in the search index.
    /// </summary>
    [Function(nameof(IngestFile))]
    public static async Task<IngestFileOutput> IngestFile(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "ingest")] HttpRequest req)
    {
        IngestRequest? request = await req.ReadFromJsonAsync<IngestRequest>();
        string url = request?.Url ?? string.Empty;

        return new IngestFileOutput
        {
            // The binding reads the page from {url}; the document gives it a title.
            SearchableDocument = new SearchableDocument(url),
            HttpResponse = new ObjectResult(new { url }) { StatusCode = 202 },
        };
    }

    /// <summary>
    /// The JSON body of an ingest request.
    /// </summary>
    public record IngestRequest(string? Url);

    /// <summary>
    /// Multiple outputs: the embeddingsStore binding and the HTTP response.
    /// </summary>
    public class IngestFileOutput
    {
        [EmbeddingsStoreOutput(
            "{url}",
            InputType.Url,
            "AISearchEndpoint",
            "openai-index",
            EmbeddingsModel = "%EMBEDDING_MODEL_DEPLOYMENT_NAME%")]
        public required SearchableDocument SearchableDocument { get; init; }

        [HttpResult]
        public IActionResult? HttpResponse { get; set; }
    }
    // </embeddings_store>

    // <semantic_search>
    /// <summary>
    /// HTTP POST function that answers the prompt of a JSON body such as
    /// { "prompt": "..." } from the documents in the search index.
    /// </summary>
    [Function(nameof(PromptFile))]
    public static IActionResult PromptFile(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "prompt")] HttpRequest req,
        [SemanticSearchInput(
            "AISearchEndpoint",
            "openai-index",
            Query = "{prompt}",
            ChatModel = "%CHAT_MODEL_DEPLOYMENT_NAME%",
            EmbeddingsModel = "%EMBEDDING_MODEL_DEPLOYMENT_NAME%")]
        SemanticSearchContext search)
    {
        // The binding found the closest chunks and asked the chat model; this is its answer.
        return new ContentResult { Content = search.Response, ContentType = "text/plain" };
    }
    // </semantic_search>
}
