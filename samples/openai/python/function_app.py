"""OpenAI extension sample: the assistant functions, plus the blueprints of the other bindings."""

import json

import azure.functions as func


# The extension keeps chat history in Azure Table storage: this is the app
# setting that holds the connection, and the table that stores the state.
DEFAULT_CHAT_STORAGE_SETTING = "AzureWebJobsStorage"
DEFAULT_CHAT_COLLECTION_NAME = "ChatState"

app = func.FunctionApp(http_auth_level=func.AuthLevel.FUNCTION)


# <create_assistant>
@app.function_name("CreateAssistant")
@app.route(route="assistants/{assistantId}", methods=["PUT"])
@app.assistant_create_output(arg_name="requests")
def create_assistant(req: func.HttpRequest, requests: func.Out[str]) -> func.HttpResponse:
    assistant_id = req.route_params.get("assistantId")
    instructions = (
        "Don't make assumptions about what values to plug into functions. "
        "Ask for clarification if a user request is ambiguous."
    )
    # Writing to the output binding creates the assistant with these instructions.
    create_request = {
        "id": assistant_id,
        "instructions": instructions,
        "chatStorageConnectionSetting": DEFAULT_CHAT_STORAGE_SETTING,
        "collectionName": DEFAULT_CHAT_COLLECTION_NAME,
    }
    requests.set(json.dumps(create_request))
    return func.HttpResponse(
        json.dumps({"assistantId": assistant_id}),
        status_code=202,
        mimetype="application/json",
    )
# </create_assistant>


# <assistant_post>
@app.function_name("PostUserQuery")
@app.route(route="assistants/{assistantId}", methods=["POST"])
@app.assistant_post_input(
    arg_name="state",
    id="{assistantId}",
    user_message="{Query.message}",
    chat_model="%CHAT_MODEL_DEPLOYMENT_NAME%",
    chat_storage_connection_setting=DEFAULT_CHAT_STORAGE_SETTING,
    collection_name=DEFAULT_CHAT_COLLECTION_NAME,
)
def post_user_query(req: func.HttpRequest, state: str) -> func.HttpResponse:
    # The binding has already sent ?message= to the model; `state` is the
    # updated chat state as JSON, and its last message is the assistant's reply.
    recent_messages = json.loads(state).get("recentMessages", [])
    reply = recent_messages[-1]["content"] if recent_messages else "No response returned."
    return func.HttpResponse(reply, status_code=200, mimetype="text/plain")
# </assistant_post>


# <assistant_query>
@app.function_name("GetChatState")
@app.route(route="assistants/{assistantId}", methods=["GET"])
@app.assistant_query_input(
    arg_name="state",
    id="{assistantId}",
    timestamp_utc="{Query.timestampUTC}",
    chat_storage_connection_setting=DEFAULT_CHAT_STORAGE_SETTING,
    collection_name=DEFAULT_CHAT_COLLECTION_NAME,
)
def get_chat_state(req: func.HttpRequest, state: str) -> func.HttpResponse:
    # `state` holds the messages sent since ?timestampUTC= (ISO 8601), as JSON.
    return func.HttpResponse(state, status_code=200, mimetype="application/json")
# </assistant_query>


# The samples of the other bindings are blueprints in the modules beside this one;
# the worker puts this folder on sys.path, so they import as top-level modules.
import assistant_skills  # noqa: E402
import embeddings  # noqa: E402
import file_prompt  # noqa: E402
import text_completion  # noqa: E402

app.register_functions(text_completion.bp)
app.register_functions(assistant_skills.bp)
app.register_functions(embeddings.bp)
app.register_functions(file_prompt.bp)
