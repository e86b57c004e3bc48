"""The Azure SQL input binding (``sql``, direction ``in``).

Sources: Azure/azure-functions-sql-extension at 1dcff5e0 (Worker.Extensions.Sql/src/
SqlInputAttribute.cs, src/SqlAttribute.cs, src/SqlBindingUtilities.cs ParseParameters),
azure-functions-java-library-sql 2.1.0 (SQLInput.java, CommandType.java), azure-functions
1.26.0 (``FunctionApp.sql_input``, ``SqlInput``) and @azure/functions 4.16.5
(``input.sql``, ``SqlInputOptions``).
"""

from __future__ import annotations

from dataclasses import dataclass

from binding_defs.sql._shared import (
    IN_PROCESS_CONSTRUCTORS,
    IN_PROCESS_NO_EXAMPLE,
    JAVA_COMMAND_TEXT_REQUIRED,
    SqlConnection,
)
from bindref.spec import binding, code, example, lang, no_example, param

_DESCRIPTION = (
    "This HTTP GET function reads the to-do item whose `Id` is in the route from the "
    "`dbo.ToDo` table and returns it, or 404 when there is none."
)
_PROCEDURE_DESCRIPTION = (
    "This HTTP GET function runs the `dbo.GetToDoItemsByStatus` stored procedure with the "
    "`completed` value of the route and returns the rows it selects."
)


@binding(
    key="input",
    type="sql",
    direction="in",
    title="Azure SQL input binding",
    names={
        "csharp_isolated": "SqlInput",
        "csharp_inprocess": "Sql",
        "java": "SQLInput",
        "python": "sql_input",
        "node": "input.sql",
    },
    constructors={
        "csharp_isolated": [
            ("command_text", "connection_string_setting", "command_type", "parameters"),
            ("command_text", "connection_string_setting"),
        ],
        "csharp_inprocess": IN_PROCESS_CONSTRUCTORS,
    },
    usage={
        "csharp_isolated": (
            "Bind the attribute to a parameter of type `IEnumerable<T>` (or an array or list of "
            "`T`), where `T` is a class whose JSON property names are the column names, or to a "
            "`string` that receives the rows as a JSON array."
        ),
        "csharp_inprocess": (
            "Bind the attribute to a parameter of type `IEnumerable<T>`, `IAsyncEnumerable<T>` "
            "(rows are read as they are enumerated), `string` or `JArray` (the rows as JSON), "
            "or `SqlCommand` (the command, not run)."
        ),
        "java": (
            "Annotate a parameter of type `T[]`, where `T` is a class whose field names are the "
            "column names, or `String` for the rows as a JSON array."
        ),
        "node": (
            "`context.extraInputs.get(...)` returns the rows as an array of objects whose keys "
            "are the column names."
        ),
        "powershell": "The binding value is the rows: an array of objects whose keys are the column names.",
        "python": (
            "Annotate the parameter as `func.SqlRowList`: a list of `func.SqlRow`, a dictionary "
            "per row keyed by column name."
        ),
    },
    examples=[
        example("csharp_isolated", "sql/csharp/ToDoQueries.cs", region="sql_input", description=_DESCRIPTION),
        example(
            "csharp_isolated",
            "sql/csharp/ToDoQueries.cs",
            region="sql_input_stored_procedure",
            description=_PROCEDURE_DESCRIPTION,
            title="Stored procedure",
        ),
        no_example("csharp_inprocess", IN_PROCESS_NO_EXAMPLE),
        example(
            "java",
            "sql/java/src/main/java/com/example/todo/ToDoQueries.java",
            region="sql_input",
            description=_DESCRIPTION,
        ),
        example(
            "java",
            "sql/java/src/main/java/com/example/todo/ToDoQueries.java",
            region="sql_input_stored_procedure",
            description=_PROCEDURE_DESCRIPTION,
            title="Stored procedure",
        ),
        example(
            "javascript",
            "sql/javascript/src/functions/toDoQueries.js",
            region="sql_input",
            description=_DESCRIPTION,
        ),
        example(
            "javascript",
            "sql/javascript/src/functions/toDoQueries.js",
            region="sql_input_stored_procedure",
            description=_PROCEDURE_DESCRIPTION,
            title="Stored procedure",
        ),
        example(
            "typescript",
            "sql/typescript/src/functions/toDoQueries.ts",
            region="sql_input",
            description=_DESCRIPTION,
        ),
        example(
            "typescript",
            "sql/typescript/src/functions/toDoQueries.ts",
            region="sql_input_stored_procedure",
            description=_PROCEDURE_DESCRIPTION,
            title="Stored procedure",
        ),
        example(
            "powershell",
            "sql/powershell/GetToDoItem/function.json",
            description="The `function.json` file of `GetToDoItem`:",
        ),
        example(
            "powershell",
            "sql/powershell/GetToDoItem/run.ps1",
            region="sql_input",
            description="Its `run.ps1` returns the row, or 404.",
        ),
        example(
            "powershell",
            "sql/powershell/GetToDoItemsByStatus/function.json",
            description="The `function.json` file of `GetToDoItemsByStatus`, which runs a stored procedure:",
            title="Stored procedure",
        ),
        example(
            "powershell",
            "sql/powershell/GetToDoItemsByStatus/run.ps1",
            region="sql_input_stored_procedure",
            description="Its `run.ps1` returns the rows.",
            title="Stored procedure",
        ),
        example("python", "sql/python/function_app.py", region="sql_input", description=_DESCRIPTION),
        example(
            "python",
            "sql/python/function_app.py",
            region="sql_input_stored_procedure",
            description=_PROCEDURE_DESCRIPTION,
            title="Stored procedure",
        ),
    ],
)
@dataclass(frozen=True, kw_only=True)
class SqlInput(SqlConnection):
    """Runs a Transact-SQL query or a stored procedure and gives the function the rows it returns.

    The command runs on each invocation, before the function code does; when it fails, the
    function does not run (there is no retry). It works with Azure SQL Database, Azure SQL
    Managed Instance and SQL Server.
    """

    command_text: str = param(
        required=True,
        languages={"java": lang(required=False, default="", runtime=JAVA_COMMAND_TEXT_REQUIRED)},
    )
    """The Transact-SQL query to run, or the name of the stored procedure when
    [[command_type]] is `StoredProcedure`. Binding expressions such as `{id}` are resolved,
    but pass request values through [[parameters]] instead of building the query from them."""

    command_type: str = param(
        default="Text",
        languages={
            "csharp": lang(type="CommandType", default=code("CommandType.Text")),
            "java": lang(type="CommandType", default=code("CommandType.Text")),
            "python": lang(type="str | None"),
            "node": lang(
                type="'Text' | 'StoredProcedure'",
                required=True,
                default=None,
                note="The TypeScript type has no default: always set it.",
            ),
        },
    )
    """Whether [[command_text]] is a query (`Text`) or the name of a stored procedure
    (`StoredProcedure`). In C# this is a `System.Data.CommandType`, whose third value,
    `TableDirect`, the binding rejects."""

    parameters: str | None = param(
        languages={
            # Both C# attributes declare `string` (no nullable context), Python `Optional[str]`.
            "csharp": lang(type="string"),
            "java": lang(default=""),
            "python": lang(type="str | None", default=None),
        },
    )
    """The values of the command's parameters, as one string of `@Name=value` pairs
    separated by commas, such as `@Id={id},@Completed=false`. Each name must start with `@`;
    `null` passes a SQL NULL and nothing after `=` passes an empty string. Neither names
    nor values may contain `,` or `=`. Values may be binding expressions."""
