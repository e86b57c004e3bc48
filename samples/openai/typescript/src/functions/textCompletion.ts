import { app, HttpRequest, HttpResponseInit, input, InvocationContext } from '@azure/functions';

// The shape of the response that the textCompletion binding returns.
interface TextCompletionResponse {
    content: string;
}

// <text_completion>
const textCompletionInput = input.generic({
    type: 'textCompletion',
    prompt: 'Who is {name}?',
    chatModel: '%CHAT_MODEL_DEPLOYMENT_NAME%',
});

// HTTP GET function that asks the chat model who the person named in the route is.
export async function whoIs(
    request: HttpRequest,
    context: InvocationContext
): Promise<HttpResponseInit> {
    // The binding resolved {name} from the route and already ran the completion.
    const response = context.extraInputs.get(textCompletionInput) as TextCompletionResponse;
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
