# <sql_output>
using namespace System.Net

# POST /api/todo with a JSON body such as { "title": "Buy milk", "order": 1 }.
param($Request, $TriggerMetadata)

$title = $Request.Body.title
if ([string]::IsNullOrWhiteSpace($title)) {
    Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{
        StatusCode = [HttpStatusCode]::BadRequest
        Body       = "A title is required."
    })
    return
}

# The keys are spelled exactly like the columns of dbo.ToDo.
$id = [guid]::NewGuid().ToString()
$baseUrl = $Request.Url -replace '/api/.*$', ''
$item = [ordered]@{
    Id        = $id
    order     = $Request.Body.order
    title     = $title
    url       = "$baseUrl/api/todo/$id"
    completed = $false
}

# The binding upserts the row: it inserts it, or updates the row with the same Id.
Push-OutputBinding -Name ToDoItem -Value $item

Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{
    StatusCode = [HttpStatusCode]::Created
    Body       = (ConvertTo-Json $item)
    Headers    = @{ "Content-Type" = "application/json"; "Location" = $item.url }
})
# </sql_output>
