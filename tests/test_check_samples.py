"""The samples-vs-definitions check: exact findings per language family, and a clean repository."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from bindref.check.context import CheckContext, CheckOptions
from bindref.check.findings import Finding
from bindref.check.samples import check_samples
from bindref.render.project import Project
from bindref.samples import files as sample_files_module
from conftest import WIDGET_DEFINITION, ProjectFactory, copy_extension, dedent

# The conftest function.json leaves out the required widgetId: the tests replace it with a clean one.
CLEAN = {
    "samples/widgets/function.json": dedent(
        """\
        {
          "bindings": [
            {"type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "function"},
            {"type": "widgetIn", "direction": "in", "name": "w", "widgetId": "{id}", "dataType": "string"}
          ]
        }
        """
    )
}

TRIGGER_DEFINITION = '''\
"""Widget trigger for tests."""

from __future__ import annotations

from dataclasses import dataclass

from bindref.spec import binding, no_example, param


@binding(
    type="widgetTrigger", key="widgetTrigger",
    direction="trigger",
    title="Widget trigger",
    names={
        "csharp_isolated": "WidgetTrigger",
        "csharp_inprocess": "WidgetTrigger",
        "java": "WidgetTrigger",
        "python": "widget_trigger",
    },
    examples=[no_example("csharp", "Tests."), no_example("java", "Tests."), no_example("node", "Tests."),
              no_example("powershell", "Tests."), no_example("python", "Tests.")],
)
@dataclass(frozen=True, kw_only=True)
class WidgetTrigger:
    """Fires when a widget arrives."""

    queue: str = param(required=True)
    """The queue to watch."""
'''


def findings(project: Project) -> list[Finding]:
    return check_samples(CheckContext(project=project, catalog=project.catalog(), options=CheckOptions()))


def rendered(make_project: ProjectFactory, files: Mapping[str, str], **options: str) -> list[str]:
    return [finding.render() for finding in findings(make_project({**CLEAN, **files}, **options))]


def test_widget_samples_are_clean(make_project: ProjectFactory) -> None:
    assert rendered(make_project, {}) == []


# --- C#: isolated and in-process attributes -------------------------------------------------------

CSHARP = """\
public static class Extra
{
    [Function("Read")]
    public static string Read(
        [HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequest req,
        {attribute} string widget) => widget;
}
"""


@pytest.mark.parametrize(
    ("attribute", "expected"),
    [
        ('[WidgetInput("{id}", MaxSize = 5, AIConnectionName = "ai")]', []),
        ('[WidgetInput(widgetId: "{id}")]', []),
        ('[Microsoft.Azure.WebJobs.WidgetAttribute("{id}", ChatModel = "gpt-4o")]', []),
        (
            '[WidgetInput("{id}", MaxSze = 5)]',
            ["[BR301] attribute '[WidgetInput]' has no parameter 'MaxSze' (did you mean 'MaxSize'?)"],
        ),
        (
            '[WidgetInput("{id}", "extra")]',
            [
                "[BR301] attribute '[WidgetInput]' has no positional parameter 2 "
                "(constructor: WidgetInputAttribute(string widgetId))"
            ],
        ),
        (
            '[WidgetInput(wigetId: "{id}")]',
            [
                "[BR301] attribute '[WidgetInput]' has no constructor parameter 'wigetId' "
                "(did you mean 'widgetId'? constructor: WidgetInputAttribute(string widgetId))"
            ],
        ),
        ("[WidgetInput(MaxSize = 5)]", ["[BR303] attribute '[WidgetInput]' is missing required 'WidgetId'"]),
        (
            '[Widget(Colour = "red")]',
            [
                "[BR301] attribute '[Widget]' has no parameter 'Colour' (valid parameters: "
                "'AIConnectionName', 'ChatModel', 'MaxSize', 'WidgetId')",
                "[BR303] attribute '[Widget]' is missing required 'WidgetId'",
            ],
        ),
    ],
)
def test_csharp(make_project: ProjectFactory, attribute: str, expected: list[str]) -> None:
    sample = CSHARP.replace("{attribute}", attribute)
    found = rendered(make_project, {"samples/widgets/Extra.cs": sample})
    assert found == [f"samples/widgets/Extra.cs:6: {message}" for message in expected]


def test_csharp_argument_on_its_own_line(make_project: ProjectFactory) -> None:
    attribute = '[WidgetInput(\n            "{id}",\n            ChatModle = "gpt-4o")]'
    found = rendered(make_project, {"samples/widgets/Extra.cs": CSHARP.replace("{attribute}", attribute)})
    assert found == [
        "samples/widgets/Extra.cs:8: [BR301] attribute '[WidgetInput]' has no parameter 'ChatModle' "
        "(did you mean 'ChatModel'?)"
    ]


# --- Java ------------------------------------------------------------------------------------------

JAVA = """\
public class Extra {
    @FunctionName("Read")
    public String read(
            @WidgetInput(
                {elements})
            String widget) {
        return widget;
    }
}
"""


@pytest.mark.parametrize(
    ("elements", "expected"),
    [
        ('name = "w", widgetId = "{id}", maxLength = 5', []),
        (
            'name = "w", widgetid = "{id}"',
            ["5: [BR301] '@WidgetInput' has no element 'widgetid' (did you mean 'widgetId'?)"],
        ),
        (
            'name = "w", widgetId = "{id}", maxSize = 5',
            [
                "5: [BR301] '@WidgetInput' has no element 'maxSize' (valid elements: 'aiConnectionName', "
                "'chatModel', 'maxLength', 'name', 'widgetId')"
            ],
        ),
        ('widgetId = "{id}"', ["4: [BR303] '@WidgetInput' is missing required 'name'"]),
        (
            '"{id}"',
            [
                "4: [BR303] '@WidgetInput' is missing required 'name'",
                "4: [BR303] '@WidgetInput' is missing required 'widgetId'",
                "5: [BR301] '@WidgetInput' has no element 'value' (valid elements: 'aiConnectionName', "
                "'chatModel', 'maxLength', 'name', 'widgetId')",
            ],
        ),
    ],
)
def test_java(make_project: ProjectFactory, elements: str, expected: list[str]) -> None:
    found = rendered(make_project, {"samples/widgets/Extra.java": JAVA.replace("{elements}", elements)})
    assert found == [f"samples/widgets/Extra.java:{message}" for message in expected]


# --- Python ----------------------------------------------------------------------------------------

PYTHON = """\
import azure.functions as func

app = func.FunctionApp()


@app.function_name("Read")
@app.route(route="widgets/{id}")
@app.widget_input(
    {arguments}
)
def read(req: func.HttpRequest, w: str) -> func.HttpResponse:
    return func.HttpResponse(w)
"""


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ('arg_name="w", widget_id="{id}", max_size=5, data_type="string"', []),
        ('"w", "{id}", chat_model="gpt-4o"', []),
        ('arg_name="w", **COMMON', []),
        (
            'arg_name="w", widget_id="{id}", max_sise=5',
            ["9: [BR301] 'widget_input' has no parameter 'max_sise' (did you mean 'max_size'?)"],
        ),
        (
            '"w", "{id}", 5',
            [
                "9: [BR301] 'widget_input' has no positional parameter 3 "
                "(signature: widget_input(arg_name, widget_id))"
            ],
        ),
        ('arg_name="w"', ["8: [BR303] 'widget_input' is missing required 'widget_id'"]),
    ],
)
def test_python(make_project: ProjectFactory, arguments: str, expected: list[str]) -> None:
    found = rendered(make_project, {"samples/widgets/extra.py": PYTHON.replace("{arguments}", arguments)})
    assert found == [f"samples/widgets/extra.py:{message}" for message in expected]


def test_python_unavailable_parameter_gives_the_reason(make_project: ProjectFactory) -> None:
    definition = WIDGET_DEFINITION.replace(
        'languages={"java": lang(name="maxLength")}',
        'languages={"java": lang(name="maxLength"), '
        '"python": lang(available=False, reason="The Python SDK reads it from host.json.")}',
    )
    sample = PYTHON.replace("{arguments}", 'arg_name="w", widget_id="{id}", max_size=5')
    found = rendered(make_project, {"samples/widgets/extra.py": sample}, definition=definition)
    assert found == [
        "samples/widgets/extra.py:9: [BR301] 'widget_input' has no parameter 'max_size' "
        "(not available in 'python': The Python SDK reads it from host.json)"
    ]


# --- JavaScript and TypeScript ---------------------------------------------------------------------

NODE = """\
const { app, input, output } = require('@azure/functions');

const widget = {callee}({
    {properties}
});

app.http('Read', { extraInputs: [widget], handler: async () => ({ body: 'ok' }) });
"""


@pytest.mark.parametrize("suffix", ["js", "ts"])
@pytest.mark.parametrize(
    ("callee", "properties", "expected"),
    [
        ("input.generic", "type: 'widgetIn', widgetId: '{id}', 'maxSize': 5", []),
        ("input.generic", "type: 'widgetIn', ...common", []),
        (
            "input.generic",
            "type: 'widgetIn', widgetId: '{id}', maxSise: 5",
            ["4: [BR301] 'widgetIn' binding has no property 'maxSise' (did you mean 'maxSize'?)"],
        ),
        (
            "output.generic",
            "type: 'widgetIn', widgetId: '{id}'",
            [
                "3: [BR302] binding type 'widgetIn' is declared as an output binding, "
                "expected an input binding (use input.generic(...))"
            ],
        ),
        (
            "input.generic",
            "type: 'widgetin', widgetId: '{id}'",
            ["4: [BR302] unknown binding type 'widgetin' (did you mean 'widgetIn'?)"],
        ),
        (
            "input.generic",
            "type: 'widgetIn'",
            ["3: [BR303] 'widgetIn' binding is missing required 'widgetId'"],
        ),
        ("input.generic", "type: 'cosmosDB', databaseName: 'db'", []),
    ],
)
def test_node(
    make_project: ProjectFactory, suffix: str, callee: str, properties: str, expected: list[str]
) -> None:
    sample = NODE.replace("{callee}", callee).replace("{properties}", properties)
    found = rendered(make_project, {f"samples/widgets/extra.{suffix}": sample})
    assert found == [f"samples/widgets/extra.{suffix}:{message}" for message in expected]


# --- function.json ---------------------------------------------------------------------------------

FUNCTION_JSON = """\
{
  "bindings": [
    {
      {properties}
    }
  ]
}
"""


@pytest.mark.parametrize(
    ("properties", "expected"),
    [
        (
            '"type": "widgetIn", "direction": "in", "name": "w", "widgetId": "{id}", "maxsize": 5',
            ["4: [BR301] 'widgetIn' binding has no property 'maxsize' (did you mean 'maxSize'?)"],
        ),
        (
            '"type": "widgetIn", "direction": "out", "name": "w", "widgetId": "{id}"',
            ["4: [BR302] binding type 'widgetIn' has direction 'out', expected 'in'"],
        ),
        (
            '"type": "widgetIn", "direction": "in", "name": "w"',
            ["3: [BR303] 'widgetIn' binding is missing required 'widgetId'"],
        ),
        (
            '"type": "widgetIn", "widgetId": "{id}"',
            [
                "3: [BR303] 'widgetIn' binding is missing required 'direction'",
                "3: [BR303] 'widgetIn' binding is missing required 'name'",
            ],
        ),
        (
            '"type": "widgetTrigger", "direction": "trigger", "name": "w", "queue": "q"',
            [
                "4: [BR302] binding type 'widgetTrigger' has direction 'trigger', expected 'in' "
                "(a trigger's direction is written 'in')"
            ],
        ),
        ('"type": "widgetTrigger", "direction": "in", "name": "w", "queue": "q"', []),
    ],
)
def test_function_json(make_project: ProjectFactory, properties: str, expected: list[str]) -> None:
    files = {
        "binding_defs/widgets/widget_trigger.py": TRIGGER_DEFINITION,
        "samples/widgets/Extra/function.json": FUNCTION_JSON.replace("{properties}", properties),
    }
    found = rendered(make_project, files)
    assert found == [f"samples/widgets/Extra/function.json:{message}" for message in expected]


def test_invalid_function_json_is_a_region_error(make_project: ProjectFactory) -> None:
    broken = '{\n  "bindings": [\n    {"type": "widgetIn" "direction": "in"}\n  ]\n}\n'
    [finding] = findings(make_project({**CLEAN, "samples/widgets/Extra/function.json": broken}))
    assert finding.render() == (
        "samples/widgets/Extra/function.json:3: [BR002] not valid JSON: expecting ',' delimiter (column 25)"
    )


# --- What the check reads and skips ----------------------------------------------------------------


def test_skips_build_output_and_reports_unreadable_files(
    make_project: ProjectFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = NODE.replace("{callee}", "input.generic").replace("{properties}", "type: 'widgetIn', oops: 1")
    project = make_project(
        {
            **CLEAN,
            "samples/widgets/control.js": bad,
            "samples/widgets/node_modules/lib/index.js": bad,
            "samples/widgets/.venv/lib.py": PYTHON.replace("{arguments}", 'arg_name="w", oops=1'),
            "samples/widgets/big.js": bad + "// padding\n" * 100,
        }
    )
    (project.settings.root / "samples/widgets/latin1.js").write_bytes((bad + "// café\n").encode("latin-1"))
    monkeypatch.setattr(sample_files_module, "MAX_SAMPLE_BYTES", len(bad) + 10)
    found = {(f.path, f.code) for f in findings(project)}
    assert found == {
        ("samples/widgets/control.js", "BR301"),
        ("samples/widgets/control.js", "BR303"),
        ("samples/widgets/big.js", "BR002"),  # too large: said, never skipped in silence
        ("samples/widgets/latin1.js", "BR002"),  # not UTF-8: likewise
    }


def test_bindings_outside_the_catalog_are_ignored(make_project: ProjectFactory) -> None:
    files = {
        "samples/widgets/Other.cs": CSHARP.replace("{attribute}", '[BlobInput("c/{id}", Colour = "x")]'),
        "samples/widgets/other.py": PYTHON.replace("widget_input", "blob_input").replace(
            "{arguments}", "x=1"
        ),
    }
    assert rendered(make_project, files) == []


# --- The OpenAI extension's own samples ----------------------------------------------------------


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    return copy_extension(tmp_path, "openai")


def test_openai_samples_have_no_findings(repo_copy: Path) -> None:
    assert findings(Project.at(repo_copy)) == []


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_seeded_misspelling_in_the_typescript_sample(repo_copy: Path) -> None:
    sample = repo_copy / "samples/openai/typescript/src/functions/assistantApis.ts"
    edit(sample, "    userMessage: '{Query.message}',", "    usermessage: '{Query.message}',")
    line = sample.read_text(encoding="utf-8").splitlines().index("    usermessage: '{Query.message}',") + 1
    assert [f.render() for f in findings(Project.at(repo_copy))] == [
        f"samples/openai/typescript/src/functions/assistantApis.ts:{line}: [BR301] 'assistantPost' binding "
        "has no property 'usermessage' (did you mean 'userMessage'?)"
    ]


def test_seeded_missing_id_in_the_powershell_function_json(repo_copy: Path) -> None:
    function_json = repo_copy / "samples/openai/powershell/PostUserQuery/function.json"
    edit(function_json, '      "id": "{assistantId}",\n', "")
    assert [f.render() for f in findings(Project.at(repo_copy))] == [
        "samples/openai/powershell/PostUserQuery/function.json:13: [BR303] 'assistantPost' binding "
        "is missing required 'id'"
    ]
