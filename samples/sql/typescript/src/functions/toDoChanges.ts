import { app, InvocationContext, SqlChange, SqlChangeOperation } from '@azure/functions';
import { ToDoItem } from '../toDoItem';

// <sql_trigger>
// Runs when rows of dbo.ToDo are inserted, updated or deleted (change tracking must
// be on for the database and the table) and logs each change.
export async function toDoTrigger(changes: SqlChange<ToDoItem>[], context: InvocationContext): Promise<void> {
    for (const change of changes) {
        // For a deleted row, only the primary key (Id) of Item is set.
        const operation = SqlChangeOperation[change.Operation];
        context.log(`${operation}: ${change.Item.Id} ${change.Item.title ?? ''}`);
    }
}

app.sql<ToDoItem>('ToDoTrigger', {
    tableName: 'dbo.ToDo',
    connectionStringSetting: 'SqlConnectionString',
    handler: toDoTrigger,
});
// </sql_trigger>
