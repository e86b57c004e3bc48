# <blob_trigger>
# $InputBlob holds the content of the new or changed blob in samples-workitems;
# {name} from the path is in $TriggerMetadata. The container is polled
# (the default LogsAndContainerScan source).
param([byte[]] $InputBlob, $TriggerMetadata)

Write-Host "Work item $($TriggerMetadata.Name) changed: $($InputBlob.Length) bytes"
# </blob_trigger>
