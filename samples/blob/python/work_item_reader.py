"""Blob input sample: read a work item blob for an HTTP caller."""

import azure.functions as func

bp = func.Blueprint()


# <blob_input>
@bp.function_name("GetWorkItem")
@bp.route(route="workitems/{name}", methods=["GET"])
@bp.blob_input(
    arg_name="work_item",
    path="samples-workitems/{name}",
    connection="AzureWebJobsStorage",
)
def get_work_item(req: func.HttpRequest, work_item: str) -> func.HttpResponse:
    # The binding resolved {name} from the route and read the blob as text;
    # a blob that doesn't exist arrives as None.
    if not work_item:
        return func.HttpResponse(status_code=404)
    return func.HttpResponse(work_item, status_code=200, mimetype="text/plain")
# </blob_input>
