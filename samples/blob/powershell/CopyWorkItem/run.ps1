# <blob_output>
# Each message on workitems-to-copy names a blob in samples-workitems
# ({queueTrigger} is the message text); $WorkItem is that blob's content.
param([string] $BlobName, $TriggerMetadata, $WorkItem)

Write-Host "Copying work item $BlobName"

# The value pushed here is written to samples-workitems-copies/{queueTrigger}.
Push-OutputBinding -Name Copy -Value $WorkItem
# </blob_output>
