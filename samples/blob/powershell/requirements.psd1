# This function app needs no modules from the PowerShell Gallery.
@{
}
