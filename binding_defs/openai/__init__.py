"""Azure OpenAI extension for Azure Functions (Microsoft.Azure.Functions.Worker.Extensions.OpenAI)."""
