import { app, InvocationContext, trigger } from '@azure/functions';

// <assistant_skill_trigger>
// The todo list lives in memory, so it's lost when the app restarts.
const todos: string[] = [];

// Skill that the assistant calls when the user asks it to add a task to the todo list.
// The model fills in the task description from the conversation.
export async function addTodo(taskDescription: unknown, context: InvocationContext): Promise<void> {
    const task = taskDescription == null ? '' : String(taskDescription);
    if (task.trim() === '') {
        throw new Error("The task description can't be empty.");
    }

    todos.push(task);
    context.log(`Added todo ${todos.length}: ${task}`);
}

app.generic('AddTodo', {
    trigger: trigger.generic({
        type: 'assistantSkillTrigger',
        functionDescription: 'Create a new todo task',
    }),
    handler: addTodo,
});
// </assistant_skill_trigger>
