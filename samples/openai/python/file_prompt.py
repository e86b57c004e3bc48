"""RAG sample: ingest web pages into an Azure AI Search index, then answer prompts from them."""

import json

import azure.functions as func

bp = func.Blueprint()


# <embeddings_store>
@bp.function_name("IngestFile")
@bp.route(route="ingest", methods=["POST"])
@bp.embeddings_store_output(
    arg_name="requests",
    input="{url}",
    input_type="url",
    store_connection_name="AISearchEndpoint",
    collection="openai-index",
    embeddings_model="%EMBEDDING_MODEL_DEPLOYMENT_NAME%",
)
def ingest_file(req: func.HttpRequest, requests: func.Out[str]) -> func.HttpResponse:
    # The request body is JSON such as { "url": "https://..." }; the binding
    # downloads the page at {url}, embeds it and stores it in the search index.
    url = req.get_json()["url"]
    # The document gives the stored page a title.
    requests.set(json.dumps({"title": url}))
    return func.HttpResponse(
        json.dumps({"url": url}),
        status_code=202,
        mimetype="application/json",
    )
# </embeddings_store>


# <semantic_search>
@bp.function_name("PromptFile")
@bp.route(route="prompt", methods=["POST"])
@bp.semantic_search_input(
    arg_name="search",
    search_connection_name="AISearchEndpoint",
    collection="openai-index",
    query="{prompt}",
    chat_model="%CHAT_MODEL_DEPLOYMENT_NAME%",
    embeddings_model="%EMBEDDING_MODEL_DEPLOYMENT_NAME%",
)
def prompt_file(req: func.HttpRequest, search: str) -> func.HttpResponse:
    # The binding found the chunks closest to the prompt of a JSON body such as
    # { "prompt": "..." } and asked the chat model; Response is its answer.
    answer = json.loads(search)["Response"]
    return func.HttpResponse(answer, status_code=200, mimetype="text/plain")
# </semantic_search>
