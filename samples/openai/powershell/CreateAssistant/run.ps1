# <create_assistant>
using namespace System.Net

param($Request, $TriggerMetadata)

$assistantId = $Request.Params.assistantId

$instructions = "Don't make assumptions about what values to plug into functions.`n" +
    "Ask for clarification if a user request is ambiguous."

# Pushing a request to the assistantCreate output binding creates the assistant.
$createRequest = @{
    id                           = $assistantId
    instructions                 = $instructions
    chatStorageConnectionSetting = "AzureWebJobsStorage"
    collectionName               = "ChatState"
}
Push-OutputBinding -Name Requests -Value (ConvertTo-Json $createRequest)

Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{
    StatusCode = [HttpStatusCode]::Accepted
    Body       = (ConvertTo-Json @{ assistantId = $assistantId })
    Headers    = @{ "Content-Type" = "application/json" }
})
# </create_assistant>
