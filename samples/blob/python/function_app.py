"""Blob storage sample: the blob trigger functions, plus the blueprints of the input and output bindings."""

import logging

import azure.functions as func

app = func.FunctionApp(http_auth_level=func.AuthLevel.FUNCTION)


# <blob_trigger>
@app.function_name("WorkItemMonitor")
@app.blob_trigger(
    arg_name="blob",
    path="samples-workitems/{name}",
    connection="AzureWebJobsStorage",
)
def work_item_monitor(blob: func.InputStream) -> None:
    # The container is polled (the default LogsAndContainerScan source).
    # `blob.name` is the blob's path in the account, `blob.length` its size in bytes.
    logging.info("Work item %s changed: %s bytes", blob.name, blob.length)
# </blob_trigger>


# <blob_trigger_event_grid>
@app.function_name("WorkItemEventGridMonitor")
@app.blob_trigger(
    arg_name="blob",
    path="samples-workitems/{name}",
    source=func.BlobSource.EVENT_GRID,
    connection="AzureWebJobsStorage",
)
def work_item_event_grid_monitor(blob: func.InputStream) -> None:
    # The same monitor, notified through an Event Grid subscription on the
    # storage account instead of by polling the container.
    logging.info("Work item %s changed (Event Grid): %s bytes", blob.name, blob.length)
# </blob_trigger_event_grid>


# The samples of the other bindings are blueprints in the modules beside this one;
# the worker puts this folder on sys.path, so they import as top-level modules.
import work_item_copier  # noqa: E402
import work_item_reader  # noqa: E402

app.register_functions(work_item_reader.bp)
app.register_functions(work_item_copier.bp)
