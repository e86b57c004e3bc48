const { app, input, output } = require('@azure/functions');

// Chat history lives in Azure Table storage: the app setting that holds the
// connection, and the table that stores the chat state.
const CHAT_STORAGE_CONNECTION_SETTING = 'AzureWebJobsStorage';
const COLLECTION_NAME = 'ChatState';

/**
 * A message in the chat history.
 * @typedef {object} AssistantMessage
 * @property {string} role
 * @property {string} content
 */

/**
 * The shape of the chat state that the assistant bindings return.
 * @typedef {object} AssistantState
 * @property {string} id
 * @property {boolean} exists
 * @property {AssistantMessage[]} recentMessages
 */

// <create_assistant>
const assistantCreateOutput = output.generic({
    type: 'assistantCreate',
});

/**
 * HTTP PUT function that creates an assistant with the ID given in the route.
 * @param {import('@azure/functions').HttpRequest} request
 * @param {import('@azure/functions').InvocationContext} context
 */
async function createAssistant(request, context) {
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

/**
 * HTTP POST function that sends ?message= to the assistant and returns its reply.
 * @param {import('@azure/functions').HttpRequest} request
 * @param {import('@azure/functions').InvocationContext} context
 */
async function postUserQuery(request, context) {
    // The binding already ran the chat turn; the last message is the reply.
    const state = /** @type {AssistantState} */ (context.extraInputs.get(assistantPostInput));
    const lastMessage = state.recentMessages.at(-1);
    return {
        status: 200,
        body: lastMessage ? lastMessage.content : 'No response returned.',
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

/**
 * HTTP GET function that returns the chat history since ?timestampUTC= (ISO 8601).
 * @param {import('@azure/functions').HttpRequest} request
 * @param {import('@azure/functions').InvocationContext} context
 */
async function getChatState(request, context) {
    const state = context.extraInputs.get(assistantQueryInput);
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
