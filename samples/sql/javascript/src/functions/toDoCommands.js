const { randomUUID } = require('node:crypto');
const { app, output } = require('@azure/functions');

// <sql_output>
const toDoItemOutput = output.sql({
    commandText: 'dbo.ToDo',
    connectionStringSetting: 'SqlConnectionString',
});

/**
 * HTTP POST function that adds a to-do item from a JSON body such as
 * { "title": "Buy milk", "order": 1 }.
 * @param {import('@azure/functions').HttpRequest} request
 * @param {import('@azure/functions').InvocationContext} context
 */
async function addToDoItem(request, context) {
    const body = /** @type {{ title?: string, order?: number }} */ (
        await request.json().catch(() => ({}))
    );
    if (!body.title) {
        return { status: 400, body: 'A title is required.' };
    }

    // The keys are spelled exactly like the columns of dbo.ToDo.
    const id = randomUUID();
    const item = {
        Id: id,
        order: body.order ?? null,
        title: body.title,
        url: new URL(`/api/todo/${id}`, request.url).toString(),
        completed: false,
    };

    // The binding upserts the row: it inserts it, or updates the row with the same Id.
    context.extraOutputs.set(toDoItemOutput, item);
    return { status: 201, headers: { Location: item.url }, jsonBody: item };
}

app.http('AddToDoItem', {
    methods: ['POST'],
    route: 'todo',
    authLevel: 'function',
    extraOutputs: [toDoItemOutput],
    handler: addToDoItem,
});
// </sql_output>
