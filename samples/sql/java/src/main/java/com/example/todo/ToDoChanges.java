package com.example.todo;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.sql.annotation.SQLTrigger;

/**
 * Reacts to changes in dbo.ToDo with the Azure SQL trigger.
 */
public class ToDoChanges {

    // <sql_trigger>
    /**
     * Runs when rows of dbo.ToDo are inserted, updated or deleted (change tracking
     * must be on for the database and the table) and logs each change.
     */
    @FunctionName("ToDoTrigger")
    public void toDoTrigger(
            @SQLTrigger(
                name = "changes",
                tableName = "dbo.ToDo",
                connectionStringSetting = "SqlConnectionString")
            ToDoItemChange[] changes,
            final ExecutionContext context) {
        for (ToDoItemChange change : changes) {
            ToDoItem item = change.getItem();
            context.getLogger().info(
                    change.getOperationName() + ": " + item.getId() + " " + item.getTitle());
        }
    }
    // </sql_trigger>
}
