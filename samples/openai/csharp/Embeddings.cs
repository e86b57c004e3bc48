using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.OpenAI.Embeddings;

namespace OpenAIAssistantSample;

/// <summary>
/// Turns text into embeddings (vectors) without storing them.
/// </summary>
public static class EmbeddingsGenerator
{
    // <embeddings>
    /// <summary>
    /// HTTP POST function that embeds the rawText of a JSON body such as
    /// { "rawText": "..." } and returns how many vectors the model produced.
    /// </summary>
    [Function(nameof(GenerateEmbeddings))]
    public static IActionResult GenerateEmbeddings(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "embeddings")]
        HttpRequest req,
        [EmbeddingsInput(
            "{rawText}",
            InputType.RawText,
            EmbeddingsModel = "%EMBEDDING_MODEL_DEPLOYMENT_NAME%")]
        EmbeddingsContext embeddings)
    {
        // The text is split into chunks; the model returns one vector per chunk.
        return new OkObjectResult(new { vectors = embeddings.Count });
    }
    // </embeddings>
}
