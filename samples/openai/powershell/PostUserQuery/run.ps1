# <assistant_post>
using namespace System.Net

# $State comes from the assistantPost input binding, which has already sent
# ?message= to the assistant and saved the reply in the chat state.
param($Request, $TriggerMetadata, $State)

# The state can arrive as a JSON string; convert it to an object if so.
if ($State -is [string]) {
    $State = $State | ConvertFrom-Json
}

# The last of the recent messages is the assistant's reply.
$reply = "No response returned."
if ($State.recentMessages.Count -gt 0) {
    $reply = $State.recentMessages[-1].content
}

Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{
    StatusCode = [HttpStatusCode]::OK
    Body       = $reply
    Headers    = @{ "Content-Type" = "text/plain" }
})
# </assistant_post>
