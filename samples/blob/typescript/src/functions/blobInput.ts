import { app, HttpRequest, HttpResponseInit, input, InvocationContext } from '@azure/functions';

// <blob_input>
const workItemInput = input.storageBlob({
    path: 'samples-workitems/{name}',
    connection: 'AzureWebJobsStorage',
});

// HTTP GET function that returns the text of the work item named in the route.
export async function getWorkItem(
    request: HttpRequest,
    context: InvocationContext
): Promise<HttpResponseInit> {
    // The binding resolved {name} from the route; the blob arrives as a Buffer.
    const workItem = context.extraInputs.get(workItemInput);
    if (workItem === undefined || workItem === null) {
        return { status: 404 };
    }
    return {
        status: 200,
        body: Buffer.isBuffer(workItem) ? workItem.toString('utf8') : String(workItem),
        headers: { 'Content-Type': 'text/plain' },
    };
}

app.http('GetWorkItem', {
    methods: ['GET'],
    route: 'workitems/{name}',
    authLevel: 'function',
    extraInputs: [workItemInput],
    handler: getWorkItem,
});
// </blob_input>
