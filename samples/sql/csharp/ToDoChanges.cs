using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Sql;
using Microsoft.Extensions.Logging;

namespace SqlToDoSample;

/// <summary>
/// Reacts to changes in dbo.ToDo with the Azure SQL trigger.
/// </summary>
public class ToDoChanges
{
    private readonly ILogger<ToDoChanges> _logger;

    public ToDoChanges(ILogger<ToDoChanges> logger)
    {
        _logger = logger;
    }

    // <sql_trigger>
    /// <summary>
    /// Runs when rows of dbo.ToDo are inserted, updated or deleted (change tracking
    /// must be on for the database and the table) and logs each change.
    /// </summary>
    [Function(nameof(ToDoTrigger))]
    public void ToDoTrigger(
        [SqlTrigger("dbo.ToDo", "SqlConnectionString")]
        IReadOnlyList<SqlChange<ToDoItem>> changes)
    {
        foreach (SqlChange<ToDoItem> change in changes)
        {
            // For a deleted row, only the primary key (Id) of Item is set.
            _logger.LogInformation(
                "{Operation}: {Id} {Title}", change.Operation, change.Item.Id, change.Item.Title);
        }
    }
    // </sql_trigger>
}
