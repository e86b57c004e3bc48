import { randomUUID } from 'node:crypto';
import { app, HttpRequest, HttpResponseInit, InvocationContext, output } from '@azure/functions';
import { ToDoItem } from '../toDoItem';

// The JSON body that AddToDoItem accepts.
interface NewToDoItem {
    title?: string;
    order?: number;
}

// <sql_output>
const toDoItemOutput = output.sql({
    commandText: 'dbo.ToDo',
    connectionStringSetting: 'SqlConnectionString',
});

// HTTP POST function that adds a to-do item from a JSON body such as
// { "title": "Buy milk", "order": 1 }.
export async function addToDoItem(
    request: HttpRequest,
    context: InvocationContext
): Promise<HttpResponseInit> {
    const body = (await request.json().catch(() => ({}))) as NewToDoItem;
    if (!body.title) {
        return { status: 400, body: 'A title is required.' };
    }

    const id = randomUUID();
    const item: ToDoItem = {
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
