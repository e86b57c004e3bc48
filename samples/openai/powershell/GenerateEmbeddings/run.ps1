# <embeddings>
using namespace System.Net

# $Embeddings comes from the embeddings input binding, which has embedded the
# rawText of a JSON body such as { "rawText": "..." }.
param($Request, $TriggerMetadata, $Embeddings)

# The context can arrive as a JSON string; convert it to an object if so.
if ($Embeddings -is [string]) {
    $Embeddings = $Embeddings | ConvertFrom-Json
}

# The text is split into chunks: Response.Data holds one vector per chunk.
$vectors = @($Embeddings.Response.Data).Count

Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{
    StatusCode = [HttpStatusCode]::OK
    Body       = (ConvertTo-Json @{ vectors = $vectors })
    Headers    = @{ "Content-Type" = "application/json" }
})
# </embeddings>
