using System.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Sql;

namespace SqlToDoSample;

/// <summary>
/// Reads to-do items with the Azure SQL input binding.
/// </summary>
public static class ToDoQueries
{
    // <sql_input>
    /// <summary>
    /// HTTP GET function that returns the to-do item whose Id is in the route, such as
    /// GET /api/todo/6f1c2a38-0b4e-4c39-9a57-3c1f0e2d5b7a.
    /// </summary>
    [Function(nameof(GetToDoItem))]
    public static IActionResult GetToDoItem(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "todo/{id}")]
        HttpRequest req,
        [SqlInput(
            "SELECT [Id], [order], [title], [url], [completed] FROM dbo.ToDo WHERE [Id] = @Id",
            "SqlConnectionString",
            parameters: "@Id={id}")]
        IEnumerable<ToDoItem> toDoItems)
    {
        // The query returns zero rows or one: Id is the primary key.
        ToDoItem? item = toDoItems.FirstOrDefault();
        return item is null ? new NotFoundResult() : new OkObjectResult(item);
    }
    // </sql_input>

    // <sql_input_stored_procedure>
    /// <summary>
    /// HTTP GET function that lists the open (false) or completed (true) to-do items
    /// through a stored procedure, such as GET /api/todo/status/false.
    /// </summary>
    [Function(nameof(GetToDoItemsByStatus))]
    public static IActionResult GetToDoItemsByStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "todo/status/{completed}")]
        HttpRequest req,
        [SqlInput(
            "dbo.GetToDoItemsByStatus",
            "SqlConnectionString",
            CommandType.StoredProcedure,
            "@Completed={completed}")]
        IEnumerable<ToDoItem> toDoItems)
    {
        return new OkObjectResult(toDoItems);
    }
    // </sql_input_stored_procedure>
}
