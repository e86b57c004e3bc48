"""Assistant skills: functions that an assistant can call while it answers a user."""

import logging

import azure.functions as func

bp = func.Blueprint()


# <assistant_skill_trigger>
# The todo list lives in memory, so it's lost when the app restarts.
todos: list[str] = []


@bp.function_name("AddTodo")
@bp.assistant_skill_trigger(
    arg_name="task_description",
    function_description="Create a new todo task",
)
def add_todo(task_description: str) -> None:
    # The model fills in the task description from the conversation.
    if not task_description or not task_description.strip():
        raise ValueError("The task description can't be empty.")

    todos.append(task_description)
    logging.info("Added todo %d: %s", len(todos), task_description)
# </assistant_skill_trigger>
