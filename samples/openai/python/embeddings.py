"""Embeddings sample: turn text into vectors without storing them."""

import json

import azure.functions as func

bp = func.Blueprint()


# <embeddings>
@bp.function_name("GenerateEmbeddings")
@bp.route(route="embeddings", methods=["POST"])
@bp.embeddings_input(
    arg_name="embeddings",
    input="{rawText}",
    input_type="rawText",
    embeddings_model="%EMBEDDING_MODEL_DEPLOYMENT_NAME%",
)
def generate_embeddings(req: func.HttpRequest, embeddings: str) -> func.HttpResponse:
    # The binding embedded the rawText of a JSON body such as { "rawText": "..." }.
    # The text is split into chunks: response.data holds one vector per chunk.
    vectors = json.loads(embeddings)["response"]["data"]
    return func.HttpResponse(
        json.dumps({"vectors": len(vectors)}),
        status_code=200,
        mimetype="application/json",
    )
# </embeddings>
