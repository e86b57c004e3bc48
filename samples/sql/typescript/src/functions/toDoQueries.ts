import { app, HttpRequest, HttpResponseInit, input, InvocationContext } from '@azure/functions';
import { ToDoItem } from '../toDoItem';

// <sql_input>
const toDoItemInput = input.sql({
    commandText: 'SELECT [Id], [order], [title], [url], [completed] FROM dbo.ToDo WHERE [Id] = @Id',
    commandType: 'Text',
    parameters: '@Id={id}',
    connectionStringSetting: 'SqlConnectionString',
});

// HTTP GET function that returns the to-do item whose Id is in the route, such as
// GET /api/todo/6f1c2a38-0b4e-4c39-9a57-3c1f0e2d5b7a.
export async function getToDoItem(
    request: HttpRequest,
    context: InvocationContext
): Promise<HttpResponseInit> {
    // The binding returns the rows as an array: zero rows or one, as Id is the primary key.
    const toDoItems = context.extraInputs.get(toDoItemInput) as ToDoItem[];
    if (toDoItems.length === 0) {
        return { status: 404 };
    }
    return { status: 200, jsonBody: toDoItems[0] };
}

app.http('GetToDoItem', {
    methods: ['GET'],
    route: 'todo/{id}',
    authLevel: 'function',
    extraInputs: [toDoItemInput],
    handler: getToDoItem,
});
// </sql_input>

// <sql_input_stored_procedure>
const toDoItemsByStatusInput = input.sql({
    commandText: 'dbo.GetToDoItemsByStatus',
    commandType: 'StoredProcedure',
    parameters: '@Completed={completed}',
    connectionStringSetting: 'SqlConnectionString',
});

// HTTP GET function that lists the open (false) or completed (true) to-do items
// through a stored procedure, such as GET /api/todo/status/false.
export async function getToDoItemsByStatus(
    request: HttpRequest,
    context: InvocationContext
): Promise<HttpResponseInit> {
    const toDoItems = context.extraInputs.get(toDoItemsByStatusInput) as ToDoItem[];
    return { status: 200, jsonBody: toDoItems };
}

app.http('GetToDoItemsByStatus', {
    methods: ['GET'],
    route: 'todo/status/{completed}',
    authLevel: 'function',
    extraInputs: [toDoItemsByStatusInput],
    handler: getToDoItemsByStatus,
});
// </sql_input_stored_procedure>
