package com.example.assistant;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.openai.annotation.assistant.AssistantCreate;
import com.microsoft.azure.functions.openai.annotation.assistant.AssistantCreateRequest;
import com.microsoft.azure.functions.openai.annotation.assistant.AssistantMessage;
import com.microsoft.azure.functions.openai.annotation.assistant.AssistantPost;
import com.microsoft.azure.functions.openai.annotation.assistant.AssistantQuery;
import com.microsoft.azure.functions.openai.annotation.assistant.AssistantState;

/**
 * HTTP APIs that create an assistant, chat with it, and read its chat history.
 */
public class AssistantApis {

    // Chat history lives in Azure Table storage: the app setting that holds the
    // connection, and the table that stores the chat state.
    private static final String DEFAULT_CHATSTORAGE = "AzureWebJobsStorage";
    private static final String DEFAULT_COLLECTION = "ChatState";

    // <create_assistant>
    /**
     * HTTP PUT function that creates an assistant with the ID given in the route.
     */
    @FunctionName("CreateAssistant")
    public HttpResponseMessage createAssistant(
            @HttpTrigger(
                name = "req",
                methods = {HttpMethod.PUT},
                authLevel = AuthorizationLevel.FUNCTION,
                route = "assistants/{assistantId}")
            HttpRequestMessage<Optional<String>> request,
            @BindingName("assistantId") String assistantId,
            @AssistantCreate(name = "requests") OutputBinding<AssistantCreateRequest> requests,
            final ExecutionContext context) {
        String instructions = "Don't make assumptions about what values to plug into functions.\n"
                + "Ask for clarification if a user request is ambiguous.";

        AssistantCreateRequest createRequest =
                new AssistantCreateRequest(assistantId, instructions);
        createRequest.setChatStorageConnectionSetting(DEFAULT_CHATSTORAGE);
        createRequest.setCollectionName(DEFAULT_COLLECTION);

        // Setting the output binding is what creates the assistant.
        requests.setValue(createRequest);
        context.getLogger().info("Creating assistant " + assistantId);

        return request.createResponseBuilder(HttpStatus.ACCEPTED)
                .header("Content-Type", "application/json")
                .body(Map.of("assistantId", assistantId))
                .build();
    }
    // </create_assistant>

    // <assistant_post>
    /**
     * HTTP POST function that sends ?message= to the assistant and returns its reply.
     */
    @FunctionName("PostUserQuery")
    public HttpResponseMessage postUserQuery(
            @HttpTrigger(
                name = "req",
                methods = {HttpMethod.POST},
                authLevel = AuthorizationLevel.FUNCTION,
                route = "assistants/{assistantId}")
            HttpRequestMessage<Optional<String>> request,
            @BindingName("assistantId") String assistantId,
            @AssistantPost(
                name = "state",
                id = "{assistantId}",
                userMessage = "{Query.message}",
                chatModel = "%CHAT_MODEL_DEPLOYMENT_NAME%",
                chatStorageConnectionSetting = DEFAULT_CHATSTORAGE,
                collectionName = DEFAULT_COLLECTION)
            AssistantState state,
            final ExecutionContext context) {
        // The binding already ran the chat turn; the last message is the reply.
        List<AssistantMessage> messages = state.getRecentMessages();
        String reply = messages.isEmpty()
                ? "No response returned."
                : messages.get(messages.size() - 1).getContent();

        return request.createResponseBuilder(HttpStatus.OK)
                .header("Content-Type", "text/plain")
                .body(reply)
                .build();
    }
    // </assistant_post>

    // <assistant_query>
    /**
     * HTTP GET function that returns the chat history since ?timestampUTC= (ISO 8601).
     */
    @FunctionName("GetChatState")
    public HttpResponseMessage getChatState(
            @HttpTrigger(
                name = "req",
                methods = {HttpMethod.GET},
                authLevel = AuthorizationLevel.FUNCTION,
                route = "assistants/{assistantId}")
            HttpRequestMessage<Optional<String>> request,
            @BindingName("assistantId") String assistantId,
            @AssistantQuery(
                name = "state",
                id = "{assistantId}",
                timestampUtc = "{Query.timestampUTC}",
                chatStorageConnectionSetting = DEFAULT_CHATSTORAGE,
                collectionName = DEFAULT_COLLECTION)
            AssistantState state,
            final ExecutionContext context) {
        return request.createResponseBuilder(HttpStatus.OK)
                .header("Content-Type", "application/json")
                .body(state)
                .build();
    }
    // </assistant_query>
}
