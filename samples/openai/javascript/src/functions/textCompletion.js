const { app, input } = require('@azure/functions');

/**
 * The response that the textCompletion binding returns.
 * @typedef {object} TextCompletionResponse
 * @property {string} content
 */

// <text_completion>
const textCompletionInput = input.generic({
    type: 'textCompletion',
    prompt: 'Who is {name}?',
    chatModel: '%CHAT_MODEL_DEPLOYMENT_NAME%',
});

/**
 * HTTP GET function that asks the chat model who the person named in the route is.
 * @param {import('@azure/functions').HttpRequest} request
 * @param {import('@azure/functions').InvocationContext} context
 */
async function whoIs(request, context) {
    // The binding resolved {name} from the route and already ran the completion.
    const response = /** @type {TextCompletionResponse} */ (
        context.extraInputs.get(textCompletionInput)
    );
    return {
        status: 200,
        body: response.content,
        headers: { 'Content-Type': 'text/plain' },
    };
}

app.http('WhoIs', {
    methods: ['GET'],
    route: 'whois/{name}',
    authLevel: 'function',
    extraInputs: [textCompletionInput],
    handler: whoIs,
});
// </text_completion>
