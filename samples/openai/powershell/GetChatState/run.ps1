# <assistant_query>
using namespace System.Net

# $State comes from the assistantQuery input binding: the chat history
# since ?timestampUTC= (ISO 8601).
param($Request, $TriggerMetadata, $State)

# Return the state as JSON, whether it arrived as a JSON string or an object.
$body = if ($State -is [string]) { $State } else { ConvertTo-Json $State -Depth 10 }

Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{
    StatusCode = [HttpStatusCode]::OK
    Body       = $body
    Headers    = @{ "Content-Type" = "application/json" }
})
# </assistant_query>
