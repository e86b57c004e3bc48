const { app, input, output } = require('@azure/functions');

/**
 * The JSON body of an ingest request.
 * @typedef {object} IngestRequest
 * @property {string} url
 */

/**
 * The part of the semantic search context that this function reads.
 * @typedef {object} SemanticSearchContext
 * @property {string} Response
 */

// <embeddings_store>
const embeddingsStoreOutput = output.generic({
    type: 'embeddingsStore',
    input: '{url}',
    inputType: 'Url',
    storeConnectionName: 'AISearchEndpoint',
    collection: 'openai-index',
    embeddingsModel: '%EMBEDDING_MODEL_DEPLOYMENT_NAME%',
});

/**
 * HTTP POST function that downloads the page at the url of a JSON body such as
 * { "url": "https://..." }, embeds it and stores the vectors in the search index.
 * @param {import('@azure/functions').HttpRequest} request
 * @param {import('@azure/functions').InvocationContext} context
 */
async function ingestFile(request, context) {
    const { url } = /** @type {IngestRequest} */ (await request.json());

    // The binding reads the page from {url}; the document gives it a title.
    context.extraOutputs.set(embeddingsStoreOutput, { title: url });
    return { status: 202, jsonBody: { url } };
}

app.http('IngestFile', {
    methods: ['POST'],
    route: 'ingest',
    authLevel: 'function',
    extraOutputs: [embeddingsStoreOutput],
    handler: ingestFile,
});
// </embeddings_store>

// <semantic_search>
const semanticSearchInput = input.generic({
    type: 'semanticSearch',
    searchConnectionName: 'AISearchEndpoint',
    collection: 'openai-index',
    query: '{prompt}',
    chatModel: '%CHAT_MODEL_DEPLOYMENT_NAME%',
    embeddingsModel: '%EMBEDDING_MODEL_DEPLOYMENT_NAME%',
});

/**
 * HTTP POST function that answers the prompt of a JSON body such as
 * { "prompt": "..." } from the documents in the search index.
 * @param {import('@azure/functions').HttpRequest} request
 * @param {import('@azure/functions').InvocationContext} context
 */
async function promptFile(request, context) {
    // The binding found the closest chunks and asked the chat model; Response is its answer.
    const search = /** @type {SemanticSearchContext} */ (
        context.extraInputs.get(semanticSearchInput)
    );
    return {
        status: 200,
        body: search.Response,
        headers: { 'Content-Type': 'text/plain' },
    };
}

app.http('PromptFile', {
    methods: ['POST'],
    route: 'prompt',
    authLevel: 'function',
    extraInputs: [semanticSearchInput],
    handler: promptFile,
});
// </semantic_search>
