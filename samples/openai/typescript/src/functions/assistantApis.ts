import {
    app,
    HttpRequest,
    HttpResponseInit,
    input,
    InvocationContext,
    output,
} from '@azure/functions';

// Chat history lives in Azure Table storage: the app setting that holds the
// connection, and the table that stores the chat state.
const CHAT_STORAGE_CONNECTION_SETTING = 'AzureWebJobsStorage';
const COLLECTION_NAME = 'ChatState';

// The shape of the chat state that the assistant bindings return.
interface AssistantMessage {
    content: string;
    role: string;
}

interface AssistantState {
    id: string;
    exists: boolean;
    recentMessages: AssistantMessage[];
}

// <create_assistant>
const assistantCreateOutput = output.generic({
    type: 'assistantCreate',
});

// HTTP PUT function that creates an assistant with the ID given in the route.
export async function createAssistant(
    request: HttpRequest,
    context: InvocationContext
): Promise<HttpResponseInit> {
    const assistantId = request.params.assistantId;
    const instructions =
        "Don't make assumptions about what values to plug into functions.\n" +
        'Ask for clarification if a user request is ambiguous.';

    // Setting the output binding is what creates the assistant.
    context.extraOutputs.set(assistantCreateOutput, {
        id: assistantId,
        instructions,
        chatStorageConnectionSetting: CHAT_STORAGE_CONNECTION_SETTING,
        collectionName: COLLECTION_NAME,
    });
    return { status: 202, jsonBody: { assistantId } };
}

app.http('CreateAssistant', {
    methods: ['PUT'],
    route: 'assistants/{assistantId}',
    authLevel: 'function',
    extraOutputs: [assistantCreateOutput],
    handler: createAssistant,
});
// </create_assistant>

// <assistant_post>
const assistantPostInput = input.generic({
    type: 'assistantPost',
    id: '{assistantId}',
    userMessage: '{Query.message}',
    chatModel: '%CHAT_MODEL_DEPLOYMENT_NAME%',
    chatStorageConnectionSetting: CHAT_STORAGE_CONNECTION_SETTING,
    collectionName: COLLECTION_NAME,
});

// HTTP POST function that sends ?message= to the assistant and returns its reply.
export async function postUserQuery(
    request: HttpRequest,
    context: InvocationContext
): Promise<HttpResponseInit> {
    // The binding already ran the chat turn; the last message is the reply.
    const state = context.extraInputs.get(assistantPostInput) as AssistantState;
    const lastMessage = state.recentMessages.at(-1);
    return {
        status: 200,
        body: lastMessage?.content ?? 'No response returned.',
        headers: { 'Content-Type': 'text/plain' },
    };
}

app.http('PostUserQuery', {
    methods: ['POST'],
    route: 'assistants/{assistantId}',
    authLevel: 'function',
    extraInputs: [assistantPostInput],
    handler: postUserQuery,
});
// </assistant_post>

// <assistant_query>
const assistantQueryInput = input.generic({
    type: 'assistantQuery',
    id: '{assistantId}',
    timestampUtc: '{Query.timestampUTC}',
    chatStorageConnectionSetting: CHAT_STORAGE_CONNECTION_SETTING,
    collectionName: COLLECTION_NAME,
});

// HTTP GET function that returns the chat history since ?timestampUTC= (ISO 8601).
export async function getChatState(
    request: HttpRequest,
    context: InvocationContext
): Promise<HttpResponseInit> {
    const state = context.extraInputs.get(assistantQueryInput) as AssistantState;
    return { status: 200, jsonBody: state };
}

app.http('GetChatState', {
    methods: ['GET'],
    route: 'assistants/{assistantId}',
    authLevel: 'function',
    extraInputs: [assistantQueryInput],
    handler: getChatState,
});
// </assistant_query>
