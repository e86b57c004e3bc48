package com.example.assistant;

import java.util.Optional;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.openai.annotation.textcompletion.TextCompletion;
import com.microsoft.azure.functions.openai.annotation.textcompletion.TextCompletionResponse;

/**
 * One-shot prompts to the chat model, without an assistant or chat history.
 */
public class TextCompletions {

    // <text_completion>
    /**
     * HTTP GET function that asks the chat model who the person named in the route is.
     */
    @FunctionName("WhoIs")
    public HttpResponseMessage whoIs(
            @HttpTrigger(
                name = "req",
                methods = {HttpMethod.GET},
                authLevel = AuthorizationLevel.FUNCTION,
                route = "whois/{name}")
            HttpRequestMessage<Optional<String>> request,
            @TextCompletion(
                name = "response",
                prompt = "Who is {name}?",
                chatModel = "%CHAT_MODEL_DEPLOYMENT_NAME%",
                isReasoningModel = false)
            TextCompletionResponse response,
            final ExecutionContext context) {
        // The binding resolved {name} from the route and already ran the completion.
        return request.createResponseBuilder(HttpStatus.OK)
                .header("Content-Type", "text/plain")
                .body(response.getContent())
                .build();
    }
    // </text_completion>
}
