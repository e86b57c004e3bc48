const { app, trigger } = require('@azure/functions');

// <assistant_skill_trigger>
// The todo list lives in memory, so it's lost when the app restarts.
/** @type {string[]} */
const todos = [];

/**
 * Skill that the assistant calls when the user asks it to add a task to the todo list.
 * @param {unknown} taskDescription The task, filled in by the model from the conversation.
 * @param {import('@azure/functions').InvocationContext} context
 */
async function addTodo(taskDescription, context) {
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
