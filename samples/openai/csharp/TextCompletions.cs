using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.OpenAI.TextCompletion;

namespace OpenAIAssistantSample;

/// <summary>
/// One-shot prompts to the chat model, without an assistant or chat history.
/// </summary>
public static class TextCompletions
{
    // <text_completion>
    /// <summary>
    /// HTTP GET function that asks the chat model who the person named in the route is.
    /// </summary>
    [Function(nameof(WhoIs))]
    public static IActionResult WhoIs(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "whois/{name}")]
        HttpRequest req,
        [TextCompletionInput("Who is {name}?", ChatModel = "%CHAT_MODEL_DEPLOYMENT_NAME%")]
        TextCompletionResponse response)
    {
        // The binding resolved {name} from the route and already ran the completion.
        return new OkObjectResult(response.Content);
    }
    // </text_completion>
}
