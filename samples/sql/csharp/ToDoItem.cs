using System.Text.Json.Serialization;

namespace SqlToDoSample;

/// <summary>
/// A row of the dbo.ToDo table (see ToDo.sql).
/// </summary>
/// <remarks>
/// The SQL bindings match JSON property names to column names, so each property is
/// serialized with the exact name of its column.
/// </remarks>
public class ToDoItem
{
    [JsonPropertyName("Id")]
    public Guid Id { get; set; }

    [JsonPropertyName("order")]
    public int? Order { get; set; }

    [JsonPropertyName("title")]
    public string Title { get; set; } = string.Empty;

    [JsonPropertyName("url")]
    public string Url { get; set; } = string.Empty;

    [JsonPropertyName("completed")]
    public bool Completed { get; set; }
}

/// <summary>
/// The JSON body that AddToDoItem accepts.
/// </summary>
public class NewToDoItem
{
    public string Title { get; set; } = string.Empty;

    public int? Order { get; set; }
}
