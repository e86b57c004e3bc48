const { app, input } = require('@azure/functions');

/**
 * A row of the dbo.ToDo table (see ToDo.sql): the keys are spelled like the columns.
 * @typedef {object} ToDoItem
 * @property {string} Id
 * @property {number | null} order
 * @property {string} title
 * @property {string} url
 * @property {boolean} completed
 */

// <sql_input>
const toDoItemInput = input.sql({
    commandText: 'SELECT [Id], [order], [title], [url], [completed] FROM dbo.ToDo WHERE [Id] = @Id',
    commandType: 'Text',
    parameters: '@Id={id}',
    connectionStringSetting: 'SqlConnectionString',
});

/**
 * HTTP GET function that returns the to-do item whose Id is in the route, such as
 * GET /api/todo/6f1c2a38-0b4e-4c39-9a57-3c1f0e2d5b7a.
 * @param {import('@azure/functions').HttpRequest} request
 * @param {import('@azure/functions').InvocationContext} context
 */
async function getToDoItem(request, context) {
    // The binding returns the rows as an array: zero rows or one, as Id is the primary key.
    const toDoItems = /** @type {ToDoItem[]} */ (context.extraInputs.get(toDoItemInput));
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

/**
 * HTTP GET function that lists the open (false) or completed (true) to-do items
 * through a stored procedure, such as GET /api/todo/status/false.
 * @param {import('@azure/functions').HttpRequest} request
 * @param {import('@azure/functions').InvocationContext} context
 */
async function getToDoItemsByStatus(request, context) {
    const toDoItems = /** @type {ToDoItem[]} */ (context.extraInputs.get(toDoItemsByStatusInput));
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
