using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Sql;

namespace SqlToDoSample;

// <sql_output>
/// <summary>
/// The outputs of AddToDoItem: the HTTP response and the row to write to dbo.ToDo.
/// </summary>
public class AddToDoItemOutput
{
    [HttpResult]
    public IActionResult Response { get; set; } = new OkResult();

    // The binding upserts the row: it inserts it, or updates the row with the same Id.
    [SqlOutput("dbo.ToDo", "SqlConnectionString")]
    public ToDoItem? ToDoItem { get; set; }
}

public static class ToDoCommands
{
    /// <summary>
    /// HTTP POST function that adds a to-do item from a JSON body such as
    /// { "title": "Buy milk", "order": 1 }.
    /// </summary>
    [Function(nameof(AddToDoItem))]
    public static async Task<AddToDoItemOutput> AddToDoItem(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "todo")] HttpRequest req)
    {
        NewToDoItem? request;
        try
        {
            request = await req.ReadFromJsonAsync<NewToDoItem>();
        }
        catch (JsonException)
        {
            request = null;
        }
        if (request is null || string.IsNullOrWhiteSpace(request.Title))
        {
            return new AddToDoItemOutput { Response = new BadRequestObjectResult("A title is required.") };
        }

        var item = new ToDoItem
        {
            Id = Guid.NewGuid(),
            Order = request.Order,
            Title = request.Title,
            Completed = false,
        };
        item.Url = $"{req.Scheme}://{req.Host}/api/todo/{item.Id}";

        return new AddToDoItemOutput
        {
            ToDoItem = item,
            Response = new CreatedResult(item.Url, item),
        };
    }
}
// </sql_output>
