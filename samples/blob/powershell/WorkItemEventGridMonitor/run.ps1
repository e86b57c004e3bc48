# <blob_trigger_event_grid>
# The same monitor as WorkItemMonitor, notified through an Event Grid
# subscription on the storage account instead of by polling the container.
param([byte[]] $InputBlob, $TriggerMetadata)

Write-Host "Work item $($TriggerMetadata.Name) changed (Event Grid): $($InputBlob.Length) bytes"
# </blob_trigger_event_grid>
