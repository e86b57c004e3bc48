"""Texts and parameters that the Azure SQL bindings share.

Sources: Azure/azure-functions-sql-extension at 1dcff5e0a1402ffa6346d650340cb7ae8b4b129c
(src/SqlAttribute.cs, src/TriggerBinding/SqlTriggerAttribute.cs,
Worker.Extensions.Sql/src/*.cs), azure-functions-java-library-sql 2.1.0,
azure-functions 1.26.0 (azure/functions/decorators/sql.py) and @azure/functions 4.16.5
(types/sql.d.ts).
"""

from __future__ import annotations

from dataclasses import dataclass

from bindref.spec import lang, param, runtime

IN_PROCESS_NO_EXAMPLE = (
    "Support for the in-process model ended on November 10, 2026; examples are maintained "
    "for the isolated worker model only. The attribute is documented below."
)

# Java annotation elements with a default of "" compile without a value, but the Maven
# plugin leaves an element at its default out of function.json, and the `Sql` attribute's
# constructor throws on the missing value (src/SqlAttribute.cs:L28-L29, verified at 1dcff5e0);
# an empty connection setting is rejected again when the binding connects
# (src/SqlBindingUtilities.cs:L40-L44).
JAVA_EMPTY_REASON = (
    "The Azure Functions Maven plugin leaves an element at its default out of function.json, "
    "and the `Sql` attribute the host builds from it throws `ArgumentNullException` for the "
    "missing value, so the function does not load."
)
JAVA_COMMAND_TEXT_REQUIRED = runtime(
    required=True, reason=JAVA_EMPTY_REASON, source="src/SqlAttribute.cs:L28"
)
JAVA_CONNECTION_REQUIRED = runtime(required=True, reason=JAVA_EMPTY_REASON, source="src/SqlAttribute.cs:L29")


# The in-process `[Sql]` attribute serves the input and the output binding alike.
IN_PROCESS_CONSTRUCTORS = [
    ("command_text", "connection_string_setting", "command_type", "parameters"),
    ("command_text", "connection_string_setting", "parameters"),
    ("command_text", "connection_string_setting"),
]


@dataclass(frozen=True, kw_only=True)
class SqlConnection:
    """The connection setting every SQL binding takes."""

    connection_string_setting: str = param(
        required=True,
        example="SqlConnectionString",
        languages={"java": lang(required=False, default="", runtime=JAVA_CONNECTION_REQUIRED)},
    )
    """The name of the app setting (or connection string entry) that holds the connection
    string of the database, such as `SqlConnectionString`: the name, never the connection
    string itself. A missing or empty setting is reported as an error."""
