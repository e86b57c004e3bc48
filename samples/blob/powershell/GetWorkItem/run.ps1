# <blob_input>
using namespace System.Net

# $WorkItem comes from the blob input binding, which read samples-workitems/{name}
# with {name} taken from the route; "dataType": "string" delivers it as text.
param($Request, $TriggerMetadata, $WorkItem)

if ($null -eq $WorkItem) {
    Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{
        StatusCode = [HttpStatusCode]::NotFound
    })
    return
}

Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{
    StatusCode = [HttpStatusCode]::OK
    Body       = $WorkItem
    Headers    = @{ "Content-Type" = "text/plain" }
})
# </blob_input>
