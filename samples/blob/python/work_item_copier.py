"""Blob output sample: copy a work item blob named by a queue message."""

import logging

import azure.functions as func

bp = func.Blueprint()


# <blob_output>
@bp.function_name("CopyWorkItem")
@bp.queue_trigger(
    arg_name="msg",
    queue_name="workitems-to-copy",
    connection="AzureWebJobsStorage",
)
@bp.blob_input(
    arg_name="work_item",
    path="samples-workitems/{queueTrigger}",
    connection="AzureWebJobsStorage",
)
@bp.blob_output(
    arg_name="copy",
    path="samples-workitems-copies/{queueTrigger}",
    connection="AzureWebJobsStorage",
)
def copy_work_item(msg: func.QueueMessage, work_item: str, copy: func.Out[str]) -> None:
    # {queueTrigger} is the text of the queue message: the blob's name.
    logging.info("Copying work item %s", msg.get_body().decode("utf-8"))

    # The value set here is written to the output blob when the function returns.
    copy.set(work_item)
# </blob_output>
