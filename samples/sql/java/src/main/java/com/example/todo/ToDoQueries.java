package com.example.todo;

import java.util.Optional;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.sql.annotation.CommandType;
import com.microsoft.azure.functions.sql.annotation.SQLInput;

/**
 * Reads to-do items with the Azure SQL input binding.
 */
public class ToDoQueries {

    // <sql_input>
    /**
     * HTTP GET function that returns the to-do item whose Id is in the route, such as
     * GET /api/todo/6f1c2a38-0b4e-4c39-9a57-3c1f0e2d5b7a.
     */
    @FunctionName("GetToDoItem")
    public HttpResponseMessage getToDoItem(
            @HttpTrigger(
                name = "req",
                methods = {HttpMethod.GET},
                authLevel = AuthorizationLevel.FUNCTION,
                route = "todo/{id}")
            HttpRequestMessage<Optional<String>> request,
            @SQLInput(
                name = "toDoItems",
                commandText = "SELECT [Id], [order], [title], [url], [completed] FROM dbo.ToDo WHERE [Id] = @Id",
                commandType = CommandType.Text,
                parameters = "@Id={id}",
                connectionStringSetting = "SqlConnectionString")
            ToDoItem[] toDoItems) {
        // The query returns zero rows or one: Id is the primary key.
        if (toDoItems.length == 0) {
            return request.createResponseBuilder(HttpStatus.NOT_FOUND).build();
        }
        return request.createResponseBuilder(HttpStatus.OK)
                .header("Content-Type", "application/json")
                .body(toDoItems[0])
                .build();
    }
    // </sql_input>

    // <sql_input_stored_procedure>
    /**
     * HTTP GET function that lists the open (false) or completed (true) to-do items
     * through a stored procedure, such as GET /api/todo/status/false.
     */
    @FunctionName("GetToDoItemsByStatus")
    public HttpResponseMessage getToDoItemsByStatus(
            @HttpTrigger(
                name = "req",
                methods = {HttpMethod.GET},
                authLevel = AuthorizationLevel.FUNCTION,
                route = "todo/status/{completed}")
            HttpRequestMessage<Optional<String>> request,
            @SQLInput(
                name = "toDoItems",
                commandText = "dbo.GetToDoItemsByStatus",
                commandType = CommandType.StoredProcedure,
                parameters = "@Completed={completed}",
                connectionStringSetting = "SqlConnectionString")
            ToDoItem[] toDoItems) {
        return request.createResponseBuilder(HttpStatus.OK)
                .header("Content-Type", "application/json")
                .body(toDoItems)
                .build();
    }
    // </sql_input_stored_procedure>
}
