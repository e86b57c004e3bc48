"""Text completion sample: one-shot prompts to the chat model, without chat history."""

import json

import azure.functions as func

bp = func.Blueprint()


# <text_completion>
@bp.function_name("WhoIs")
@bp.route(route="whois/{name}", methods=["GET"])
@bp.text_completion_input(
    arg_name="response",
    prompt="Who is {name}?",
    chat_model="%CHAT_MODEL_DEPLOYMENT_NAME%",
)
def who_is(req: func.HttpRequest, response: str) -> func.HttpResponse:
    # The binding resolved {name} from the route and already ran the completion;
    # `response` is JSON whose `content` is the model's answer.
    content = json.loads(response)["content"]
    return func.HttpResponse(content, status_code=200, mimetype="text/plain")
# </text_completion>
