"""Binding usages found in sample code, per language, with exact names, positions and lines."""

from __future__ import annotations

import json
from pathlib import PurePosixPath

import pytest

from bindref.samples.usages import Argument, BindingUsage, Syntax, find_usages, syntax_for
from conftest import dedent


def named(name: str, line: int, *, constructor: bool = False) -> Argument:
    return Argument(name=name, line=line, constructor=constructor)


def positional(position: int, line: int) -> Argument:
    return Argument(name=None, position=position, line=line)


@pytest.mark.parametrize(
    ("path", "syntax"),
    [
        ("Functions/AssistantApis.cs", Syntax.CSHARP),
        ("src/main/java/com/example/Apis.java", Syntax.JAVA),
        ("src/functions/apis.js", Syntax.JAVASCRIPT),
        ("src/functions/apis.mjs", Syntax.JAVASCRIPT),
        ("src/functions/apis.cjs", Syntax.JAVASCRIPT),
        ("src/functions/apis.ts", Syntax.TYPESCRIPT),
        ("function_app.py", Syntax.PYTHON),
        ("PostUserQuery/function.json", Syntax.FUNCTION_JSON),
        ("src/types.d.ts", None),
        ("host.json", None),
        ("PostUserQuery/run.ps1", None),
    ],
)
def test_syntax_for(path: str, syntax: Syntax | None) -> None:
    assert syntax_for(PurePosixPath(path)) == syntax


CSHARP = dedent(
    """\
    public static class AssistantApis
    {
        [Function(nameof(PostUserQuery))]
        public static IActionResult PostUserQuery(
            [HttpTrigger(AuthorizationLevel.Function, "post", Route = "assistants/{assistantId}")]
            HttpRequest req,
            [AssistantPostInput(
                "{assistantId}",
                // the user's message
                "{Query.message}",
                ChatModel = "%CHAT_MODEL%")]
            AssistantState state,
            [Microsoft.Azure.WebJobs.AssistantPostAttribute(id: "{assistantId}", userMessage: "hi")] string s,
            [global::Azure.AssistantPostInput] AssistantState bare)
        {
            return new OkObjectResult(state);
        }
    }
    """
)


def test_csharp_attributes_in_a_parameter_list() -> None:
    usages = find_usages(CSHARP, Syntax.CSHARP, {"AssistantPostInput", "AssistantPost"})
    assert usages == (
        BindingUsage(
            syntax=Syntax.CSHARP,
            symbol="AssistantPostInput",
            arguments=(positional(0, 8), positional(1, 10), named("ChatModel", 11)),
            line=7,
        ),
        BindingUsage(
            syntax=Syntax.CSHARP,
            symbol="AssistantPost",
            arguments=(named("id", 13, constructor=True), named("userMessage", 13, constructor=True)),
            line=13,
        ),
        BindingUsage(syntax=Syntax.CSHARP, symbol="AssistantPostInput", arguments=(), line=14),
    )


def test_without_symbols_every_attribute_is_a_usage() -> None:
    symbols = [usage.symbol for usage in find_usages(CSHARP, Syntax.CSHARP)]
    assert symbols == ["Function", "HttpTrigger", "AssistantPostInput", "AssistantPost", "AssistantPostInput"]


def test_java_annotations_multi_line_qualified_single_value_and_marker() -> None:
    source = dedent(
        """\
        public class AssistantApis {
            @FunctionName("PostUserQuery")
            public HttpResponseMessage postUserQuery(
                    @AssistantPost(
                        name = "state",
                        /* route parameter */ id = "{assistantId}",
                        userMessage = "{Query.message}")
                    AssistantState state,
                    @com.microsoft.azure.functions.openai.annotation.assistant.AssistantPost("x") String a,
                    @AssistantPost AssistantState b) {
                return null;
            }
        }
        """
    )
    assert find_usages(source, Syntax.JAVA, {"AssistantPost"}) == (
        BindingUsage(
            syntax=Syntax.JAVA,
            symbol="AssistantPost",
            arguments=(named("name", 5), named("id", 6), named("userMessage", 7)),
            line=4,
        ),
        BindingUsage(syntax=Syntax.JAVA, symbol="AssistantPost", arguments=(named("value", 9),), line=9),
        BindingUsage(syntax=Syntax.JAVA, symbol="AssistantPost", arguments=(), line=10),
    )


def test_python_decorator_stack_positional_keyword_and_spread() -> None:
    source = dedent(
        """\
        import azure.functions as func

        app = func.FunctionApp()
        COMMON = {"chat_model": "gpt-4o"}


        @app.function_name("PostUserQuery")
        @app.route(route="assistants/{assistantId}", methods=["POST"])
        @app.assistant_post_input(
            "state",
            "{assistantId}",  # the route parameter
            user_message="{Query.message}",
            **COMMON,
        )
        @assistant_post_input(arg_name="other")
        def post_user_query(req: func.HttpRequest, state: str) -> func.HttpResponse:
            return func.HttpResponse(state)
        """
    )
    assert find_usages(source, Syntax.PYTHON, {"assistant_post_input"}) == (
        BindingUsage(
            syntax=Syntax.PYTHON,
            symbol="assistant_post_input",
            arguments=(positional(0, 10), positional(1, 11), named("user_message", 12)),
            line=9,
            incomplete=True,
        ),
        BindingUsage(
            syntax=Syntax.PYTHON, symbol="assistant_post_input", arguments=(named("arg_name", 15),), line=15
        ),
    )
    assert [u.symbol for u in find_usages(source, Syntax.PYTHON)][:2] == ["function_name", "route"]


JAVASCRIPT = dedent(
    """\
    const { app, input, output } = require('@azure/functions');

    const common = { chatModel: 'gpt-4o' };
    const assistantPostInput = input.generic({
        type: 'assistantPost',
        id: '{assistantId}',
        'userMessage': '{Query.message}',
        ...common,
    });
    const notABinding = input.generic({ type: someVariable, id: 'x' });

    app.http('PostUserQuery', {
        methods: ['POST'],
        extraInputs: [assistantPostInput, input.generic({ type: `assistantQuery`, id })],
        extraOutputs: [output.generic({ type: "assistantCreate", [key]: 1 })],
        handler: postUserQuery,
    });
    """
)


def test_javascript_generic_calls_inside_and_outside_app_registration() -> None:
    assert find_usages(JAVASCRIPT, Syntax.JAVASCRIPT) == (
        BindingUsage(
            syntax=Syntax.JAVASCRIPT,
            symbol="assistantPost",
            arguments=(named("type", 5), named("id", 6), named("userMessage", 7)),
            line=4,
            direction="in",
            by_type=True,
            incomplete=True,
        ),
        BindingUsage(  # a typed helper: whether it is a binding of the catalog is the check's business
            syntax=Syntax.JAVASCRIPT,
            symbol="app.http",
            arguments=(
                named("methods", 13),
                named("extraInputs", 14),
                named("extraOutputs", 15),
                named("handler", 16),
            ),
            line=12,
            direction="trigger",
            registration=True,
        ),
        BindingUsage(
            syntax=Syntax.JAVASCRIPT,
            symbol="assistantQuery",
            arguments=(named("type", 14), named("id", 14)),
            line=14,
            direction="in",
            by_type=True,
        ),
        BindingUsage(
            syntax=Syntax.JAVASCRIPT,
            symbol="assistantCreate",
            arguments=(named("type", 15),),
            line=15,
            direction="out",
            by_type=True,
            incomplete=True,
        ),
    )


def test_typescript_casts_and_a_generic_trigger() -> None:
    source = dedent(
        """\
        import { app, input, trigger } from '@azure/functions';

        const state = input.generic({ type: 'assistantPost' as const, id: '{assistantId}' } as const);

        app.generic('OnWidget', {
            trigger: trigger.generic({
                type: 'widgetTrigger',
                queue: 'widgets',
            }),
            extraInputs: [state],
            handler: async (item: unknown): Promise<void> => {},
        });
        """
    )
    assert find_usages(source, Syntax.TYPESCRIPT) == (
        BindingUsage(
            syntax=Syntax.TYPESCRIPT,
            symbol="assistantPost",
            arguments=(named("type", 3), named("id", 3)),
            line=3,
            direction="in",
            by_type=True,
        ),
        BindingUsage(
            syntax=Syntax.TYPESCRIPT,
            symbol="widgetTrigger",
            arguments=(named("type", 7), named("queue", 8)),
            line=6,
            direction="trigger",
            by_type=True,
        ),
    )


FUNCTION_JSON = """\
{
  "bindings": [
    {"type": "httpTrigger", "direction": "in", "name": "Request"},
    {
      "type": "assistantPost",
      "direction": "in",
      "name": "State",
      "id": "{assistantId}"
    },
    {"type": "http", "direction": 1}
  ]
}
"""


def test_function_json_bindings_with_their_lines() -> None:
    assert find_usages("\ufeff" + FUNCTION_JSON, Syntax.FUNCTION_JSON) == (
        BindingUsage(
            syntax=Syntax.FUNCTION_JSON,
            symbol="httpTrigger",
            arguments=(named("type", 3), named("direction", 3), named("name", 3)),
            line=3,
            direction="in",
            by_type=True,
        ),
        BindingUsage(
            syntax=Syntax.FUNCTION_JSON,
            symbol="assistantPost",
            arguments=(named("type", 5), named("direction", 6), named("name", 7), named("id", 8)),
            line=4,
            direction="in",
            by_type=True,
        ),
        BindingUsage(
            syntax=Syntax.FUNCTION_JSON,
            symbol="http",
            arguments=(named("type", 10), named("direction", 10)),
            line=10,
            direction="1",
            by_type=True,
        ),
    )


@pytest.mark.parametrize("text", ["[]\n", '{"scriptFile": "run.ps1"}\n', '{"bindings": {}}\n'])
def test_function_json_without_a_bindings_array_has_no_usages(text: str) -> None:
    assert find_usages(text, Syntax.FUNCTION_JSON) == ()


def test_function_json_syntax_error_raises_with_its_line() -> None:
    broken = '{\n  "bindings": [\n    {"type": "http" "direction": "out"}\n  ]\n}\n'
    with pytest.raises(json.JSONDecodeError) as raised:
        find_usages(broken, Syntax.FUNCTION_JSON)
    assert (raised.value.lineno, raised.value.msg) == (3, "Expecting ',' delimiter")


def test_symbols_filter_keeps_file_order() -> None:
    usages = find_usages(FUNCTION_JSON, Syntax.FUNCTION_JSON, {"http", "assistantPost"})
    assert [(u.symbol, u.line) for u in usages] == [("assistantPost", 4), ("http", 10)]
