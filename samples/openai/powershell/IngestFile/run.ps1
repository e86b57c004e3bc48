# <embeddings_store>
using namespace System.Net

# The request body is JSON such as { "url": "https://..." }; the embeddingsStore
# binding downloads the page at {url}, embeds it and stores it in the search index.
param($Request, $TriggerMetadata)

$url = $Request.Body.url

# The document gives the stored page a title.
Push-OutputBinding -Name EmbeddingsStoreOutput -Value @{ title = $url }

Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{
    StatusCode = [HttpStatusCode]::Accepted
    Body       = (ConvertTo-Json @{ url = $url })
    Headers    = @{ "Content-Type" = "application/json" }
})
# </embeddings_store>
