"""The Azure OpenAI assistant skill trigger (``assistantSkillTrigger``).

Sources: Azure/azure-functions-openai-extension (AssistantSkillTriggerAttribute.cs in both
models, AssistantSkillTrigger.java) and azure-functions 1.26.0
(``FunctionApp.assistant_skill_trigger``).
"""

from __future__ import annotations

from dataclasses import dataclass

from binding_defs.openai._shared import IN_PROCESS_NO_EXAMPLE
from bindref.spec import binding, example, lang, no_example, param

_DESCRIPTION = (
    "This function is a skill the assistant calls when the user asks it to add a task to a todo list."
)


@binding(
    type="assistantSkillTrigger",
    direction="trigger",
    title="Azure OpenAI assistant skill trigger",
    names={
        "csharp_isolated": "AssistantSkillTrigger",
        "csharp_inprocess": "AssistantSkillTrigger",
        "java": "AssistantSkillTrigger",
        "python": "assistant_skill_trigger",
    },
    usage={
        "csharp": "Bind the attribute to a parameter of the type the skill takes, such as `string`; the return value goes back to the assistant.",
        "java": "Annotate a parameter of the type the skill takes; the return value goes back to the assistant.",
        "node": "Register the trigger with `app.generic(...)`; the handler receives the skill's argument and returns its result.",
        "powershell": "The trigger variable holds the skill's argument. The `function.json` file declares no output binding: the script's pipeline output, if any, is the result that goes back to the assistant.",
        "python": "The parameter receives the skill's argument; the return value goes back to the assistant.",
    },
    examples=[
        example(
            "csharp_isolated",
            "openai/csharp/AssistantSkills.cs",
            region="assistant_skill_trigger",
            description=_DESCRIPTION,
        ),
        no_example("csharp_inprocess", IN_PROCESS_NO_EXAMPLE),
        example(
            "java",
            "openai/java/src/main/java/com/example/assistant/AssistantSkills.java",
            region="assistant_skill_trigger",
            description=_DESCRIPTION,
        ),
        example(
            "javascript",
            "openai/javascript/src/functions/assistantSkills.js",
            region="assistant_skill_trigger",
            description=_DESCRIPTION,
        ),
        example(
            "typescript",
            "openai/typescript/src/functions/assistantSkills.ts",
            region="assistant_skill_trigger",
            description=_DESCRIPTION,
        ),
        example(
            "powershell",
            "openai/powershell/AddTodo/function.json",
            description="The `function.json` file of `AddTodo`:",
        ),
        example(
            "powershell",
            "openai/powershell/AddTodo/run.ps1",
            region="assistant_skill_trigger",
            description="Its `run.ps1` adds the task.",
        ),
        example(
            "python",
            "openai/python/assistant_skills.py",
            region="assistant_skill_trigger",
            description=_DESCRIPTION,
        ),
    ],
)
@dataclass(frozen=True, kw_only=True)
class AssistantSkillTrigger:
    """Makes the function a skill that an assistant can call while it answers.

    The assistant's chat model sees the function's name, description and parameter
    schema, and calls the function when a user's request needs it.
    """

    function_description: str = param(required=True)
    """What the function does, as the model reads it to decide when to call the skill."""

    function_name: str | None = param(languages={"java": lang(default=""), "python": lang(default=None)})
    """The name the model knows the skill by. When not set, the function's own name."""

    parameter_description_json: str | None = param(
        languages={"java": lang(default=""), "python": lang(default=None)}
    )
    """A JSON schema of the skill's parameter. When not set, the extension generates one with
    a single property named after the trigger parameter, typed from the parameter's .NET type,
    which only the in-process model declares: in other languages, set it to describe the
    argument."""
