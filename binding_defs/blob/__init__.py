"""Azure Blob storage extension for Azure Functions (Microsoft.Azure.Functions.Worker.Extensions.Storage.Blobs)."""
