# <sql_trigger>
# Runs when rows of dbo.ToDo are inserted, updated or deleted (change tracking must
# be on for the database and the table). Each change has Item (the row) and
# Operation: 0 insert, 1 update, 2 delete.
param($Changes)

if ($Changes -is [string]) {
    $Changes = $Changes | ConvertFrom-Json
}

$operations = @{ 0 = "Insert"; 1 = "Update"; 2 = "Delete" }
foreach ($change in @($Changes)) {
    # For a deleted row, only the primary key (Id) of Item is set.
    $operation = $operations[[int]$change.Operation]
    Write-Information "$($operation): $($change.Item.Id) $($change.Item.title)"
}
# </sql_trigger>
