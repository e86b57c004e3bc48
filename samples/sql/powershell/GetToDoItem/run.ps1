# <sql_input>
using namespace System.Net

# $ToDoItems holds the rows that the SQL input binding read for GET /api/todo/{id}:
# zero rows or one, as Id is the primary key.
param($Request, $TriggerMetadata, $ToDoItems)

# The rows can arrive as a JSON string; convert them to objects if so.
if ($ToDoItems -is [string]) {
    $ToDoItems = $ToDoItems | ConvertFrom-Json
}
$item = @($ToDoItems) | Select-Object -First 1

if ($null -eq $item) {
    Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{
        StatusCode = [HttpStatusCode]::NotFound
    })
    return
}

Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{
    StatusCode = [HttpStatusCode]::OK
    Body       = (ConvertTo-Json $item)
    Headers    = @{ "Content-Type" = "application/json" }
})
# </sql_input>
