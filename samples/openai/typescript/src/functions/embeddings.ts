import { app, HttpRequest, HttpResponseInit, input, InvocationContext } from '@azure/functions';

// The part of the embeddings context that this function reads.
interface EmbeddingsContext {
    response: { data: unknown[] };
}

// <embeddings>
const embeddingsInput = input.generic({
    type: 'embeddings',
    input: '{rawText}',
    inputType: 'RawText',
    embeddingsModel: '%EMBEDDING_MODEL_DEPLOYMENT_NAME%',
});

// HTTP POST function that embeds the rawText of a JSON body such as
// { "rawText": "..." } and returns how many vectors the model produced.
export async function generateEmbeddings(
    request: HttpRequest,
    context: InvocationContext
): Promise<HttpResponseInit> {
    // The text is split into chunks: response.data holds one vector per chunk.
    const embeddings = context.extraInputs.get(embeddingsInput) as EmbeddingsContext;
    return { status: 200, jsonBody: { vectors: embeddings.response.data.length } };
}

app.http('GenerateEmbeddings', {
    methods: ['POST'],
    route: 'embeddings',
    authLevel: 'function',
    extraInputs: [embeddingsInput],
    handler: generateEmbeddings,
});
// </embeddings>
