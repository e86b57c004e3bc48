"""Azure SQL bindings (input, output, trigger): the Microsoft.Azure.Functions.Worker.Extensions.Sql extension."""
