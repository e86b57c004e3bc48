# <sql_input_stored_procedure>
using namespace System.Net

# $ToDoItems holds the rows that dbo.GetToDoItemsByStatus returned: the open items
# for GET /api/todo/status/false, the completed ones for /true.
param($Request, $TriggerMetadata, $ToDoItems)

if ($ToDoItems -is [string]) {
    $ToDoItems = $ToDoItems | ConvertFrom-Json
}

Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{
    StatusCode = [HttpStatusCode]::OK
    Body       = (ConvertTo-Json -InputObject @($ToDoItems))
    Headers    = @{ "Content-Type" = "application/json" }
})
# </sql_input_stored_procedure>
