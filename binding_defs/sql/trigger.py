"""The Azure SQL trigger (``sqlTrigger``).

Sources: Azure/azure-functions-sql-extension at 1dcff5e0 (src/TriggerBinding/
SqlTriggerAttribute.cs, SqlTriggerConstants.cs, SqlTriggerUtils.cs, SqlTriggerListener.cs
L155 (compatibility level 130, src/SqlBindingUtilities.cs L192-L212), SqlTriggerBindingProvider.cs
L106-L112 (IReadOnlyList<SqlChange<T>> or string),
Worker.Extensions.Sql/src/SqlTriggerAttribute.cs and SqlChange.cs),
azure-functions-java-library-sql 2.1.0 (SQLTrigger.java), azure-functions 1.26.0
(``FunctionApp.sql_trigger``, ``SqlTrigger``) and @azure/functions 4.16.5 (``app.sql``,
``trigger.sql``, ``SqlTriggerOptions``, ``SqlChange``).

The trigger's tuning (Sql_Trigger_MaxBatchSize, Sql_Trigger_PollingIntervalMs,
Sql_Trigger_MaxChangesPerWorker, Sql_Trigger_AppLockTimeoutMs) are app settings, not
binding parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

from binding_defs.sql._shared import IN_PROCESS_NO_EXAMPLE, SqlConnection
from bindref.spec import binding, example, lang, no_example, param

_DESCRIPTION = (
    "This function runs when rows of the `dbo.ToDo` table are inserted, updated or deleted, "
    "and logs the operation, `Id` and title of each change."
)


@binding(
    key="trigger",
    type="sqlTrigger",
    direction="trigger",
    title="Azure SQL trigger",
    names={
        "csharp_isolated": "SqlTrigger",
        "csharp_inprocess": "SqlTrigger",
        "java": "SQLTrigger",
        "python": "sql_trigger",
        "node": "app.sql",
    },
    constructors={
        "csharp": [
            ("table_name", "connection_string_setting", "leases_table_name"),
            ("table_name", "connection_string_setting"),
        ],
    },
    usage={
        "csharp": (
            "Bind the attribute to a parameter of type `IReadOnlyList<SqlChange<T>>`: each "
            "`SqlChange<T>` has the `Operation` (`SqlChangeOperation.Insert`, `Update` or "
            "`Delete`) and the row as `Item`. A `string` parameter receives the changes as a "
            "JSON array."
        ),
        "java": (
            "Annotate a parameter whose type is an array of a class with the fields `Item` (the "
            "row) and `Operation` (`0` insert, `1` update, `2` delete), or `String` for the JSON."
        ),
        "node": (
            "Register the function with `app.sql(...)`: the handler receives an array of "
            "`SqlChange<T>`, each with `Item` and `Operation` (`SqlChangeOperation`)."
        ),
        "powershell": (
            "The trigger value is an array of changes, each with `Item` (the row) and "
            "`Operation` (`0` insert, `1` update, `2` delete)."
        ),
        "python": (
            "Annotate the parameter as `str`: a JSON array of changes, each with `Item` (the row) "
            "and `Operation` (`0` insert, `1` update, `2` delete)."
        ),
    },
    examples=[
        example(
            "csharp_isolated", "sql/csharp/ToDoChanges.cs", region="sql_trigger", description=_DESCRIPTION
        ),
        no_example("csharp_inprocess", IN_PROCESS_NO_EXAMPLE),
        example(
            "java",
            "sql/java/src/main/java/com/example/todo/ToDoChanges.java",
            region="sql_trigger",
            description=_DESCRIPTION,
        ),
        example(
            "javascript",
            "sql/javascript/src/functions/toDoChanges.js",
            region="sql_trigger",
            description=_DESCRIPTION,
        ),
        example(
            "typescript",
            "sql/typescript/src/functions/toDoChanges.ts",
            region="sql_trigger",
            description=_DESCRIPTION,
        ),
        example(
            "powershell",
            "sql/powershell/ToDoTrigger/function.json",
            description="The `function.json` file of `ToDoTrigger`:",
        ),
        example(
            "powershell",
            "sql/powershell/ToDoTrigger/run.ps1",
            region="sql_trigger",
            description="Its `run.ps1` logs each change.",
        ),
        example("python", "sql/python/function_app.py", region="sql_trigger", description=_DESCRIPTION),
    ],
)
@dataclass(frozen=True, kw_only=True)
class SqlTrigger(SqlConnection):
    """Runs the function when rows of a table are inserted, updated or deleted.

    The trigger reads the table's changes through SQL change tracking, which must be
    enabled on the database and on the table. It keeps its state in tables of the
    `az_func` schema, which it creates. The database's compatibility level must be 130 or
    higher. For a deleted row, only the primary key columns of the item are set.
    """

    table_name: str = param(required=True, example="dbo.ToDo")
    """The name of the table to watch, such as `dbo.ToDo`."""

    # The sentence about Java's missing default was in every language's table: it is a Java note.
    connection_string_setting: str = param(
        required=True,
        example="SqlConnectionString",
        languages={
            "java": lang(note="Unlike `@SQLInput` and `@SQLOutput`, `@SQLTrigger` has no default for it.")
        },
    )
    """The name of the app setting (or connection string entry) that holds the connection
    string of the database, such as `SqlConnectionString`: the name, never the connection
    string itself. A missing or empty setting is reported as an error."""

    leases_table_name: str | None = param(
        languages={
            # The C# attributes declare `string` (no nullable context), Python `Optional[str]`.
            "csharp": lang(type="string"),
            "java": lang(default=""),
            "python": lang(type="str | None", default=None),
            "node": lang(
                available=False,
                reason="The `SqlTriggerOptions` type of @azure/functions 4.16.5 has no `leasesTableName`.",
            ),
        },
    )
    """The name of the table, in the `az_func` schema, where the trigger keeps its leases
    on changed rows. When not set, the trigger creates one for each function and watched
    table, named `Leases_{FunctionId}_{TableId}`: an ID derived from the app and function,
    and the object ID of the table. Set it to give the leases table a name you know."""
