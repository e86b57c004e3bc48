const { app, SqlChangeOperation } = require('@azure/functions');

// <sql_trigger>
/**
 * Runs when rows of dbo.ToDo are inserted, updated or deleted (change tracking must
 * be on for the database and the table) and logs each change.
 * @param {import('@azure/functions').SqlChange<{ Id: string, title?: string }>[]} changes
 * @param {import('@azure/functions').InvocationContext} context
 */
async function toDoTrigger(changes, context) {
    for (const change of changes) {
        // For a deleted row, only the primary key (Id) of Item is set.
        const operation = SqlChangeOperation[change.Operation];
        context.log(`${operation}: ${change.Item.Id} ${change.Item.title ?? ''}`);
    }
}

app.sql('ToDoTrigger', {
    tableName: 'dbo.ToDo',
    connectionStringSetting: 'SqlConnectionString',
    handler: toDoTrigger,
});
// </sql_trigger>
