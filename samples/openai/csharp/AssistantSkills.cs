using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.OpenAI.Assistants;
using Microsoft.Extensions.Logging;

namespace OpenAIAssistantSample;

/// <summary>
/// Skills that an assistant can call while it answers a user.
/// </summary>
public static class AssistantSkills
{
    // <assistant_skill_trigger>
    // The todo list lives in memory, so it's lost when the app restarts.
    static readonly ConcurrentQueue<string> Todos = new();

    /// <summary>
    /// Skill that the assistant calls when the user asks it to add a task to the todo list.
    /// </summary>
    [Function(nameof(AddTodo))]
    public static void AddTodo(
        [AssistantSkillTrigger("Create a new todo task")] string taskDescription,
        FunctionContext context)
    {
        // The model fills in taskDescription from the conversation.
        if (string.IsNullOrWhiteSpace(taskDescription))
        {
            throw new ArgumentException("The task description can't be empty.");
        }

        Todos.Enqueue(taskDescription);
        ILogger logger = context.GetLogger(nameof(AddTodo));
        logger.LogInformation("Added todo {Count}: {Task}", Todos.Count, taskDescription);
    }
    // </assistant_skill_trigger>
}
