package com.example.todo;

import java.util.Optional;
import java.util.UUID;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.sql.annotation.SQLOutput;

/**
 * Writes to-do items with the Azure SQL output binding.
 */
public class ToDoCommands {

    /** The JSON body that AddToDoItem accepts. */
    static class NewToDoItem {
        String title;
        Integer order;
    }

    private static final Gson GSON = new Gson();

    // <sql_output>
    /**
     * HTTP POST function that adds a to-do item from a JSON body such as
     * { "title": "Buy milk", "order": 1 }.
     */
    @FunctionName("AddToDoItem")
    public HttpResponseMessage addToDoItem(
            @HttpTrigger(
                name = "req",
                methods = {HttpMethod.POST},
                authLevel = AuthorizationLevel.FUNCTION,
                route = "todo")
            HttpRequestMessage<Optional<String>> request,
            @SQLOutput(
                name = "toDoItem",
                commandText = "dbo.ToDo",
                connectionStringSetting = "SqlConnectionString")
            OutputBinding<ToDoItem> toDoItem) {
        NewToDoItem body;
        try {
            body = GSON.fromJson(request.getBody().orElse(""), NewToDoItem.class);
        } catch (JsonParseException e) {
            body = null;
        }
        if (body == null || body.title == null || body.title.isBlank()) {
            return request.createResponseBuilder(HttpStatus.BAD_REQUEST)
                    .body("A title is required.")
                    .build();
        }

        UUID id = UUID.randomUUID();
        String url = request.getUri().resolve("/api/todo/" + id).toString();
        ToDoItem item = new ToDoItem(id, body.order, body.title, url, false);

        // The binding upserts the row: it inserts it, or updates the row with the same Id.
        toDoItem.setValue(item);

        return request.createResponseBuilder(HttpStatus.CREATED)
                .header("Location", url)
                .header("Content-Type", "application/json")
                .body(item)
                .build();
    }
    // </sql_output>
}
