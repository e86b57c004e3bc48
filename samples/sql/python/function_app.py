"""Azure SQL bindings sample: read, add and watch the rows of a dbo.ToDo table."""

import json
import logging
import uuid

import azure.functions as func

# The app setting that holds the connection string of the database.
SQL_CONNECTION_SETTING = "SqlConnectionString"

app = func.FunctionApp(http_auth_level=func.AuthLevel.FUNCTION)


# <sql_input>
@app.function_name("GetToDoItem")
@app.route(route="todo/{id}", methods=["GET"])
@app.sql_input(
    arg_name="todo_items",
    command_text="SELECT [Id], [order], [title], [url], [completed] FROM dbo.ToDo WHERE [Id] = @Id",
    command_type="Text",
    parameters="@Id={id}",
    connection_string_setting=SQL_CONNECTION_SETTING,
)
def get_todo_item(req: func.HttpRequest, todo_items: func.SqlRowList) -> func.HttpResponse:
    # GET /api/todo/<id>: the query returns zero rows or one, as Id is the primary key.
    if not todo_items:
        return func.HttpResponse(status_code=404)
    return func.HttpResponse(
        todo_items[0].to_json(), status_code=200, mimetype="application/json"
    )
# </sql_input>


# <sql_input_stored_procedure>
@app.function_name("GetToDoItemsByStatus")
@app.route(route="todo/status/{completed}", methods=["GET"])
@app.sql_input(
    arg_name="todo_items",
    command_text="dbo.GetToDoItemsByStatus",
    command_type="StoredProcedure",
    parameters="@Completed={completed}",
    connection_string_setting=SQL_CONNECTION_SETTING,
)
def get_todo_items_by_status(
    req: func.HttpRequest, todo_items: func.SqlRowList
) -> func.HttpResponse:
    # GET /api/todo/status/false lists the open items, /true the completed ones.
    rows = [dict(row) for row in todo_items]
    return func.HttpResponse(json.dumps(rows), status_code=200, mimetype="application/json")
# </sql_input_stored_procedure>


# <sql_output>
@app.function_name("AddToDoItem")
@app.route(route="todo", methods=["POST"])
@app.sql_output(
    arg_name="todo_item",
    command_text="dbo.ToDo",
    connection_string_setting=SQL_CONNECTION_SETTING,
)
def add_todo_item(req: func.HttpRequest, todo_item: func.Out[func.SqlRow]) -> func.HttpResponse:
    # POST /api/todo with a JSON body such as { "title": "Buy milk", "order": 1 }.
    try:
        body = req.get_json()
    except ValueError:
        body = {}
    title = body.get("title") if isinstance(body, dict) else None
    if not title:
        return func.HttpResponse("A title is required.", status_code=400)

    item_id = str(uuid.uuid4())
    base_url = req.url.split("/api/", 1)[0]
    # The keys are spelled exactly like the columns of dbo.ToDo.
    row = func.SqlRow.from_dict(
        {
            "Id": item_id,
            "order": body.get("order"),
            "title": title,
            "url": f"{base_url}/api/todo/{item_id}",
            "completed": False,
        }
    )
    # The binding upserts the row: it inserts it, or updates the row with the same Id.
    todo_item.set(row)
    return func.HttpResponse(
        row.to_json(),
        status_code=201,
        headers={"Location": row["url"]},
        mimetype="application/json",
    )
# </sql_output>


# <sql_trigger>
@app.function_name("ToDoTrigger")
@app.sql_trigger(
    arg_name="changes",
    table_name="dbo.ToDo",
    connection_string_setting=SQL_CONNECTION_SETTING,
)
def todo_trigger(changes: str) -> None:
    # Runs when rows of dbo.ToDo are inserted, updated or deleted (change tracking
    # must be on for the database and the table). `changes` is a JSON array of
    # { "Item": {...}, "Operation": 0 | 1 | 2 } for insert, update and delete.
    operations = {0: "Insert", 1: "Update", 2: "Delete"}
    for change in json.loads(changes):
        # For a deleted row, only the primary key (Id) of Item is set.
        item = change["Item"]
        logging.info(
            "%s: %s %s",
            operations.get(change["Operation"], change["Operation"]),
            item["Id"],
            item.get("title", ""),
        )
# </sql_trigger>
