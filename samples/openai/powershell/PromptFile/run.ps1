# <semantic_search>
using namespace System.Net

# $SemanticSearch comes from the semanticSearch input binding, which has found the
# chunks closest to the prompt of a JSON body such as { "prompt": "..." } and
# asked the chat model to answer from them.
param($Request, $TriggerMetadata, $SemanticSearch)

# The context can arrive as a JSON string; convert it to an object if so.
if ($SemanticSearch -is [string]) {
    $SemanticSearch = $SemanticSearch | ConvertFrom-Json
}

Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{
    StatusCode = [HttpStatusCode]::OK
    Body       = $SemanticSearch.Response
    Headers    = @{ "Content-Type" = "text/plain" }
})
# </semantic_search>
