# <text_completion>
using namespace System.Net

# $TextCompletionResponse comes from the textCompletion input binding, which has
# already sent "Who is {name}?" to the chat model, with {name} taken from the route.
param($Request, $TriggerMetadata, $TextCompletionResponse)

# The response can arrive as a JSON string; convert it to an object if so.
if ($TextCompletionResponse -is [string]) {
    $TextCompletionResponse = $TextCompletionResponse | ConvertFrom-Json
}

Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{
    StatusCode = [HttpStatusCode]::OK
    Body       = $TextCompletionResponse.Content
    Headers    = @{ "Content-Type" = "text/plain" }
})
# </text_completion>
