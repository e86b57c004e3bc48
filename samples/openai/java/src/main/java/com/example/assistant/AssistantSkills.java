package com.example.assistant;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.openai.annotation.assistant.AssistantSkillTrigger;

/**
 * Skills that an assistant can call while it answers a user.
 */
public class AssistantSkills {

    // <assistant_skill_trigger>
    // The todo list lives in memory, so it's lost when the app restarts.
    private static final Queue<String> todos = new ConcurrentLinkedQueue<>();

    /**
     * Skill that the assistant calls when the user asks it to add a task to the todo list.
     */
    @FunctionName("AddTodo")
    public void addTodo(
            @AssistantSkillTrigger(
                name = "taskDescription",
                functionDescription = "Create a new todo task")
            String taskDescription,
            final ExecutionContext context) {
        // The model fills in taskDescription from the conversation.
        if (taskDescription == null || taskDescription.isBlank()) {
            throw new IllegalArgumentException("The task description can't be empty.");
        }

        todos.add(taskDescription);
        context.getLogger().info("Added todo " + todos.size() + ": " + taskDescription);
    }
    // </assistant_skill_trigger>
}
