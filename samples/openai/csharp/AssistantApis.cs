using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.OpenAI.Assistants;

namespace OpenAIAssistantSample;

/// <summary>
/// HTTP APIs that create an assistant, chat with it, and read its chat history.
/// </summary>
public static class AssistantApis
{
    // Chat history lives in Azure Table storage: the app setting that holds the
    // connection, and the table that stores the chat state.
    const string DefaultChatStorageConnectionSetting = "AzureWebJobsStorage";
    const string DefaultCollectionName = "ChatState";

    // <create_assistant>
    /// <summary>
    /// HTTP PUT function that creates an assistant with the ID given in the route.
    /// </summary>
    [Function(nameof(CreateAssistant))]
    public static CreateAssistantOutput CreateAssistant(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "assistants/{assistantId}")]
        HttpRequest req,
        string assistantId)
    {
        string instructions =
            """
            Don't make assumptions about what values to plug into functions.
            Ask for clarification if a user request is ambiguous.
            """;

        return new CreateAssistantOutput
        {
            // Setting this property is what creates the assistant.
            CreateRequest = new AssistantCreateRequest(assistantId, instructions)
            {
                ChatStorageConnectionSetting = DefaultChatStorageConnectionSetting,
                CollectionName = DefaultCollectionName,
            },
            HttpResponse = new ObjectResult(new { assistantId }) { StatusCode = 202 },
        };
    }

    /// <summary>
    /// Multiple outputs: the assistantCreate binding and the HTTP response.
    /// </summary>
    public class CreateAssistantOutput
    {
        [AssistantCreateOutput]
        public AssistantCreateRequest? CreateRequest { get; set; }

        [HttpResult]
        public IActionResult? HttpResponse { get; set; }
    }
    // </create_assistant>

    // <assistant_post>
    /// <summary>
    /// HTTP POST function that sends ?message= to the assistant and returns its reply.
    /// </summary>
    [Function(nameof(PostUserQuery))]
    public static IActionResult PostUserQuery(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "assistants/{assistantId}")]
        HttpRequest req,
        string assistantId,
        [AssistantPostInput(
            "{assistantId}",
            "{Query.message}",
            ChatModel = "%CHAT_MODEL_DEPLOYMENT_NAME%",
            ChatStorageConnectionSetting = DefaultChatStorageConnectionSetting,
            CollectionName = DefaultCollectionName)]
        AssistantState state)
    {
        // The binding already ran the chat turn; the last message is the reply.
        string reply = state.RecentMessages.LastOrDefault()?.Content ?? "No response returned.";
        return new OkObjectResult(reply);
    }
    // </assistant_post>

    // <assistant_query>
    /// <summary>
    /// HTTP GET function that returns the chat history since ?timestampUTC= (ISO 8601).
    /// </summary>
    [Function(nameof(GetChatState))]
    public static IActionResult GetChatState(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "assistants/{assistantId}")]
        HttpRequest req,
        string assistantId,
        [AssistantQueryInput(
            "{assistantId}",
            TimestampUtc = "{Query.timestampUTC}",
            ChatStorageConnectionSetting = DefaultChatStorageConnectionSetting,
            CollectionName = DefaultCollectionName)]
        AssistantState state)
    {
        return new OkObjectResult(state);
    }
    // </assistant_query>
}
