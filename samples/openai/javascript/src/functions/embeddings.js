const { app, input } = require('@azure/functions');

/**
 * The part of the embeddings context that this function reads.
 * @typedef {object} EmbeddingsContext
 * @property {object} response
 * @property {unknown[]} response.data
 */

// <embeddings>
const embeddingsInput = input.generic({
    type: 'embeddings',
    input: '{rawText}',
    inputType: 'RawText',
    embeddingsModel: '%EMBEDDING_MODEL_DEPLOYMENT_NAME%',
});

/**
 * HTTP POST function that embeds the rawText of a JSON body such as
 * { "rawText": "..." } and returns how many vectors the model produced.
 * @param {import('@azure/functions').HttpRequest} request
 * @param {import('@azure/functions').InvocationContext} context
 */
async function generateEmbeddings(request, context) {
    // The text is split into chunks: response.data holds one vector per chunk.
    const embeddings = /** @type {EmbeddingsContext} */ (
        context.extraInputs.get(embeddingsInput)
    );
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
