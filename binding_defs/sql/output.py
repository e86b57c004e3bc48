"""The Azure SQL output binding (``sql``, direction ``out``).

Sources: Azure/azure-functions-sql-extension at 1dcff5e0 (Worker.Extensions.Sql/src/
SqlOutputAttribute.cs, src/SqlAttribute.cs, src/SqlAsyncCollector.cs: L180 reads only
CommandText, L219-L226 rejects properties that are not columns, L103 checks the
compatibility level through src/SqlBindingUtilities.cs L192-L212),
azure-functions-java-library-sql 2.1.0 (SQLOutput.java), azure-functions 1.26.0
(``FunctionApp.sql_output``, ``SqlOutput``) and @azure/functions 4.16.5 (``output.sql``,
``SqlOutputOptions``).

In the in-process model the output binding is the same ``Sql`` attribute as the input
binding; its ``CommandType`` and ``Parameters`` are ignored on output and are not
documented here. Its two-argument constructor is the one to use.
"""

from __future__ import annotations

from dataclasses import dataclass

from binding_defs.sql._shared import (
    IN_PROCESS_CONSTRUCTORS,
    IN_PROCESS_NO_EXAMPLE,
    JAVA_COMMAND_TEXT_REQUIRED,
    SqlConnection,
)
from bindref.spec import binding, code, example, lang, no_example, param, runtime

# The upsert reads only the connection setting and CommandText, the table (verified at 1dcff5e0).
_INPUT_ONLY = runtime(
    ignored=True,
    reason="The output binding reads only `CommandText`, as the table name, and `ConnectionStringSetting`.",
    source="src/SqlAsyncCollector.cs:L180",
)

_DESCRIPTION = (
    "This HTTP POST function adds a to-do item with a new `Id` to the `dbo.ToDo` table "
    "from the `title` and `order` of a JSON body."
)


@binding(
    key="output",
    type="sql",
    direction="out",
    title="Azure SQL output binding",
    names={
        "csharp_isolated": "SqlOutput",
        "csharp_inprocess": "Sql",
        "java": "SQLOutput",
        "python": "sql_output",
        "node": "output.sql",
    },
    constructors={
        "csharp_isolated": ("command_text", "connection_string_setting"),
        "csharp_inprocess": IN_PROCESS_CONSTRUCTORS,
    },
    usage={
        "csharp_isolated": (
            "Apply the attribute to a property of the function's return type (beside the "
            "`[HttpResult]` property of an HTTP function), or to the function's return value, "
            "of type `T`, `T[]` or `IEnumerable<T>`: each object is one row, its JSON property "
            "names the column names."
        ),
        "csharp_inprocess": (
            "Bind the attribute to an `out T` or `out T[]` parameter, or to an `ICollector<T>` "
            "or `IAsyncCollector<T>` parameter to add rows one at a time."
        ),
        "java": (
            "Annotate an `OutputBinding<T>` or `OutputBinding<T[]>` parameter and `setValue(...)` "
            "it, or annotate the function to write its return value; field names are column names."
        ),
        "node": (
            "Set the output with `context.extraOutputs.set(...)` to an object or an array of "
            "objects whose keys are the column names."
        ),
        "powershell": (
            "Push a hashtable (one row) or an array of hashtables with "
            "`Push-OutputBinding -Name <name> -Value ...`; the keys are the column names."
        ),
        "python": "Set a `func.Out[func.SqlRow]` or `func.Out[func.SqlRowList]` parameter.",
    },
    examples=[
        example(
            "csharp_isolated", "sql/csharp/ToDoCommands.cs", region="sql_output", description=_DESCRIPTION
        ),
        no_example("csharp_inprocess", IN_PROCESS_NO_EXAMPLE),
        example(
            "java",
            "sql/java/src/main/java/com/example/todo/ToDoCommands.java",
            region="sql_output",
            description=_DESCRIPTION,
        ),
        example(
            "javascript",
            "sql/javascript/src/functions/toDoCommands.js",
            region="sql_output",
            description=_DESCRIPTION,
        ),
        example(
            "typescript",
            "sql/typescript/src/functions/toDoCommands.ts",
            region="sql_output",
            description=_DESCRIPTION,
        ),
        example(
            "powershell",
            "sql/powershell/AddToDoItem/function.json",
            description="The `function.json` file of `AddToDoItem`:",
        ),
        example(
            "powershell",
            "sql/powershell/AddToDoItem/run.ps1",
            region="sql_output",
            description="Its `run.ps1` pushes the new row to the output binding.",
        ),
        example("python", "sql/python/function_app.py", region="sql_output", description=_DESCRIPTION),
    ],
)
@dataclass(frozen=True, kw_only=True)
class SqlOutput(SqlConnection):
    """Upserts the rows the function returns into a table.

    A row whose primary key is already in the table updates that row; any other row is
    inserted (the binding uses a `MERGE` statement, which needs `SELECT` permission too).
    The table must have a primary key, and every row must carry all primary key columns,
    except identity columns and columns with a default. The columns written are those of
    the first row (in in-process C#, the properties of the class), so give every row the
    same properties, with null for an empty column. A property that is not a column of the
    table fails the whole write. The database's compatibility level must be 130 or higher.
    """

    command_text: str = param(
        required=True,
        example="dbo.ToDo",
        languages={"java": lang(required=False, default="", runtime=JAVA_COMMAND_TEXT_REQUIRED)},
    )
    """The name of the table to write to, such as `dbo.ToDo`. Despite its name, it is not a
    command."""

    command_type: str = param(
        only=("csharp_inprocess",),
        languages={"csharp_inprocess": lang(type="CommandType", default=code("CommandType.Text"))},
        runtime=_INPUT_ONLY,
    )
    """A parameter of the in-process `[Sql]` attribute, which serves the input binding too."""

    parameters: str | None = param(
        only=("csharp_inprocess",),
        languages={"csharp_inprocess": lang(type="string")},
        runtime=_INPUT_ONLY,
    )
    """A parameter of the in-process `[Sql]` attribute, which serves the input binding too."""
