# <assistant_skill_trigger>
# $TaskDescription comes from the assistantSkillTrigger: the model fills it in
# from the conversation when the user asks the assistant to add a task.
param($TaskDescription, $TriggerMetadata)

if ([string]::IsNullOrWhiteSpace($TaskDescription)) {
    throw "The task description can't be empty."
}

# The todo list lives in memory, so it's lost when the worker restarts.
if ($null -eq $global:Todos) {
    $global:Todos = [System.Collections.Generic.List[string]]::new()
}
$global:Todos.Add($TaskDescription)

Write-Information "Added todo $($global:Todos.Count): $TaskDescription"
# </assistant_skill_trigger>
