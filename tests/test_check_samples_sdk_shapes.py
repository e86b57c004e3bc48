"""The samples check on the shapes the real SDKs have: C# constructor overloads and get-only
properties, Node.js typed helpers (``input.sql``, ``app.sql``), and function.json read for the
language of the script beside it."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from bindref.check.findings import exit_code_for
from bindref.core.codes import Severity
from bindref.core.model import DefaultValue, LanguageParameter
from bindref.languages import DIRECTION_KIND, PROFILES, Direction, Language
from bindref.render.project import Project
from conftest import ProjectFactory, dedent
from test_check_samples import CLEAN, findings

# An SQL input binding shaped like the real one: two C# constructors, a get-only `Parameters`,
# and a Node.js typed helper.
SQL_INPUT = '''\
"""SQL input binding for tests."""

from __future__ import annotations

from dataclasses import dataclass

from bindref.spec import binding, code, lang, no_example, param


@binding(
    type="sql", key="sqlInput",
    direction="in",
    title="SQL input binding",
    names={
        "csharp_isolated": "SqlInput",
        "csharp_inprocess": "Sql",
        "java": "SQLInput",
        "node": "input.sql",
        "python": "sql_input",
    },
    constructors={
        "csharp": [
            ("command_text", "connection_string_setting", "command_type", "parameters"),
            ("command_text", "connection_string_setting"),
        ],
    },
    examples=[no_example("csharp", "Tests."), no_example("java", "Tests."), no_example("node", "Tests."),
              no_example("powershell", "Tests."), no_example("python", "Tests.")],
)
@dataclass(frozen=True, kw_only=True)
class SqlInput:
    """Reads rows."""

    command_text: str = param(required=True)
    """The query."""

    connection_string_setting: str = param(required=True)
    """The app setting with the connection string."""

    command_type: str = param(
        default="Text", languages={"csharp": lang(type="CommandType", default=code("CommandType.Text"))}
    )
    """Text or StoredProcedure."""

    parameters: str = param(default=None)
    """The query's parameters."""
'''

SQL_TRIGGER = '''\
"""SQL trigger for tests."""

from __future__ import annotations

from dataclasses import dataclass

from bindref.spec import binding, no_example, param


@binding(
    type="sqlTrigger", key="sqlTrigger",
    direction="trigger",
    title="SQL trigger",
    names={
        "csharp_isolated": "SqlTrigger",
        "csharp_inprocess": "SqlTrigger",
        "java": "SQLTrigger",
        "node": "app.sql",
        "python": "sql_trigger",
    },
    examples=[no_example("csharp", "Tests."), no_example("java", "Tests."), no_example("node", "Tests."),
              no_example("powershell", "Tests."), no_example("python", "Tests.")],
)
@dataclass(frozen=True, kw_only=True)
class SqlTrigger:
    """Runs when a table changes."""

    table_name: str = param(required=True)
    """The table to watch."""

    connection_string_setting: str = param(required=True)
    """The app setting with the connection string."""
'''

DEFINITIONS = {"binding_defs/sql/input.py": SQL_INPUT, "binding_defs/sql/trigger.py": SQL_TRIGGER}
LONG = (
    "SqlInputAttribute(string commandText, string connectionStringSetting, "
    "CommandType commandType = CommandType.Text, string parameters = null)"
)
SHORT = "SqlInputAttribute(string commandText, string connectionStringSetting)"


def rendered(make_project: ProjectFactory, files: Mapping[str, str]) -> list[str]:
    return [finding.render() for finding in findings(make_project({**CLEAN, **DEFINITIONS, **files}))]


def test_the_signature_the_hints_name() -> None:
    """The hints' expected signatures, independent of the check: what the profile prints."""
    text = LanguageParameter(
        canonical="t", name="CommandText", type="string", required=True, default=None, description=""
    )
    kind = LanguageParameter(
        canonical="k",
        name="CommandType",
        type="CommandType",
        required=False,
        default=DefaultValue(source="CommandType.Text"),
        description="",
    )
    signature = PROFILES[Language.CSHARP_ISOLATED].signature("SqlInput", (text, kind))
    assert signature == "SqlInputAttribute(string commandText, CommandType commandType = CommandType.Text)"


# --- C#: constructor overloads, named constructor arguments, get-only properties ------------------

CSHARP = """\
public static class Rows
{
    [Function("Read")]
    public static string Read(
        [HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequest req,
        {attribute} string rows) => rows;
}
"""


@pytest.mark.parametrize(
    ("attribute", "expected"),
    [
        ('[SqlInput("q", "c", parameters: "@x=1")]', []),
        ('[SqlInput("q", "c")]', []),
        ('[SqlInput("q", "c", System.Data.CommandType.Text, "@x=1")]', []),
        ('[SqlInput(commandText: "q", connectionStringSetting: "c")]', []),
        ('[Sql("q", "c", commandType: System.Data.CommandType.StoredProcedure)]', []),
        (
            '[SqlInput("q", "c", Parameters = "@x=1")]',
            [
                "[BR301] attribute '[SqlInput]' cannot set 'Parameters': it is a get-only property "
                f"(pass it as constructor argument 'parameters:': {LONG})"
            ],
        ),
        (
            '[SqlInput("q", "c", paramters: "@x=1")]',
            [
                "[BR301] attribute '[SqlInput]' has no constructor parameter 'paramters' "
                f"(did you mean 'parameters'? constructors: {LONG} or {SHORT})"
            ],
        ),
        (
            '[SqlInput("q", "c", CommandType.Text, "@x=1", "extra")]',
            [
                "[BR301] attribute '[SqlInput]' has no positional parameter 5 "
                f"(constructors: {LONG} or {SHORT})"
            ],
        ),
        (
            '[SqlInput("q", commandText: "again")]',
            [
                "[BR301] attribute '[SqlInput]' has no constructor that takes 'commandText' after "
                f"1 positional argument (constructors: {LONG} or {SHORT})",
                "[BR303] attribute '[SqlInput]' is missing required 'ConnectionStringSetting'",
            ],
        ),
        (  # named constructor arguments count as passed: only the one left out is missing
            '[SqlInput(commandText: "q")]',
            ["[BR303] attribute '[SqlInput]' is missing required 'ConnectionStringSetting'"],
        ),
        (
            '[SqlInput(CommandText = "q", ConnectionStringSetting = "c")]',
            [
                "[BR301] attribute '[SqlInput]' cannot set 'CommandText': it is a get-only property "
                f"(pass it as constructor argument 'commandText:': {LONG} or {SHORT})",
                "[BR301] attribute '[SqlInput]' cannot set 'ConnectionStringSetting': it is a get-only "
                f"property (pass it as constructor argument 'connectionStringSetting:': {LONG} or {SHORT})",
            ],
        ),
    ],
)
def test_csharp_constructors(make_project: ProjectFactory, attribute: str, expected: list[str]) -> None:
    found = rendered(make_project, {"samples/sql/Rows.cs": CSHARP.replace("{attribute}", attribute)})
    assert found == [f"samples/sql/Rows.cs:6: {message}" for message in expected]


def test_a_property_passed_as_a_constructor_argument_says_how_to_set_it(make_project: ProjectFactory) -> None:
    definition = SQL_INPUT.replace(
        '    parameters: str = param(default=None)\n    """The query\'s parameters."""\n',
        '    parameters: str = param(default=None)\n    """The query\'s parameters."""\n\n'
        '    timeout: int = param(default=30)\n    """Seconds."""\n',
    )
    sample = CSHARP.replace("{attribute}", '[SqlInput("q", "c", timeout: 5)]')
    found = rendered(make_project, {"binding_defs/sql/input.py": definition, "samples/sql/Rows.cs": sample})
    assert found == [
        "samples/sql/Rows.cs:6: [BR301] attribute '[SqlInput]' has no constructor parameter 'timeout' "
        f"('Timeout' is a property: set it with 'Timeout = ...'; constructors: {LONG} or {SHORT})"
    ]


# --- Node.js typed helpers ------------------------------------------------------------------------

NODE = """\
const { app, input, output } = require('@azure/functions');

const rows = input.sql({
    {options}
});

app.http('Read', { extraInputs: [rows], handler: async () => ({ body: 'ok' }) });
"""


@pytest.mark.parametrize("suffix", ["js", "ts"])
@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ("commandText: 'select 1', commandType: 'Text', connectionStringSetting: 'Conn'", []),
        (
            "commandText: 'select 1', commandTyp: 'Text', connectionStringSetting: 'Conn'",
            ["4: [BR301] 'input.sql' binding has no property 'commandTyp' (did you mean 'commandType'?)"],
        ),
        (  # a typed helper has no `type`: that is the generic call's
            "type: 'sql', commandText: 'select 1', connectionStringSetting: 'Conn'",
            [
                "4: [BR301] 'input.sql' binding has no property 'type' (valid properties: 'commandText', "
                "'commandType', 'connectionStringSetting', 'parameters')"
            ],
        ),
        (
            "commandText: 'select 1'",
            ["3: [BR303] 'input.sql' binding is missing required 'connectionStringSetting'"],
        ),
    ],
)
def test_node_input_helper(
    make_project: ProjectFactory, suffix: str, options: str, expected: list[str]
) -> None:
    sample = NODE.replace("{options}", options)
    found = rendered(make_project, {f"samples/sql/rows.{suffix}": sample})
    assert found == [f"samples/sql/rows.{suffix}:{message}" for message in expected]


def test_node_generic_form_of_a_binding_with_a_helper(make_project: ProjectFactory) -> None:
    sample = NODE.replace("input.sql({", "input.generic({").replace(
        "{options}", "type: 'sql', commandText: 'q', connectionStringSetting: 'Conn', comandType: 'Text'"
    )
    assert rendered(make_project, {"samples/sql/rows.js": sample}) == [
        "samples/sql/rows.js:4: [BR301] 'sql' binding has no property 'comandType' "
        "(did you mean 'commandType'?)"
    ]


TRIGGER = """\
const { app, trigger } = require('@azure/functions');

app.{helper}('OnChange', {
    {options}
    extraInputs: [],
    return: undefined,
    handler: async (changes, context) => { context.log(changes); },
});
"""


@pytest.mark.parametrize(
    ("helper", "options", "expected"),
    [
        ("sql", "tableName: 'dbo.Rows', connectionStringSetting: 'Conn',", []),
        (
            "sql",
            "tableNme: 'dbo.Rows', connectionStringSetting: 'Conn',",
            ["4: [BR301] 'app.sql' binding has no property 'tableNme' (did you mean 'tableName'?)"],
        ),
        (
            "sql",
            "connectionStringSetting: 'Conn',",
            ["3: [BR303] 'app.sql' binding is missing required 'tableName'"],
        ),
        ("http", "methods: ['GET'],", []),  # app.http belongs to no definition: nothing to say
    ],
)
def test_node_trigger_registration(
    make_project: ProjectFactory, helper: str, options: str, expected: list[str]
) -> None:
    sample = TRIGGER.replace("{helper}", helper).replace("{options}", options)
    found = rendered(make_project, {"samples/sql/onChange.js": sample})
    assert found == [f"samples/sql/onChange.js:{message}" for message in expected]


def test_node_trigger_helper_under_trigger(make_project: ProjectFactory) -> None:
    sample = dedent(
        """\
        const { app, trigger } = require('@azure/functions');

        app.generic('OnChange', {
            trigger: trigger.sql({ tableName: 'dbo.Rows', conectionStringSetting: 'Conn' }),
            handler: async () => {},
        });
        const other = input.cosmosDB({ databaseName: 'db' });
        """
    )
    assert rendered(make_project, {"samples/sql/onChange.js": sample}) == [
        "samples/sql/onChange.js:4: [BR301] 'trigger.sql' binding has no property 'conectionStringSetting' "
        "(did you mean 'connectionStringSetting'?)"
    ]


# --- function.json: the script beside it says whose it is ------------------------------------------

FUNCTION_JSON = dedent(
    """\
    {
      "bindings": [
        {"type": "httpTrigger", "direction": "in", "name": "req"},
        {"type": "sql", "direction": "in", "name": "rows", "commandText": "q", "conectionStringSetting": "c"}
      ]
    }
    """
)
PS_FINDINGS = [
    "samples/sql/GetRows/function.json:4: [BR301] 'sql' binding has no property 'conectionStringSetting' "
    "(did you mean 'connectionStringSetting'?)"
]
V3_NOTE = (
    "samples/sql/GetRows/function.json:4: [BR304] function.json of a {label} function ({script}) is not "
    "checked: it configures 'sql' (bindref documents {label} bindings in code; function.json is checked "
    "for PowerShell)"
)


@pytest.mark.parametrize(
    ("beside", "document", "expected"),
    [
        ({"run.ps1": "param($req)\n"}, FUNCTION_JSON, PS_FINDINGS),
        ({"Handler.ps1": "param($req)\n"}, FUNCTION_JSON, PS_FINDINGS),  # the only file beside it
        ({}, FUNCTION_JSON, PS_FINDINGS),  # configuration only: read as the languages that document it
        (
            {"index.js": "module.exports = async () => {};\n"},
            FUNCTION_JSON,
            [V3_NOTE.format(label="JavaScript", script="index.js")],
        ),
        (
            {"__init__.py": "def main(req): ...\n", "helpers.py": ""},
            FUNCTION_JSON,
            [V3_NOTE.format(label="Python", script="__init__.py")],
        ),
        (
            {"run.ps1": "param($req)\n"},
            FUNCTION_JSON.replace(
                '{\n  "bindings"', '{\n  "scriptFile": "../dist/GetRows/index.js",\n  "bindings"'
            ),
            [V3_NOTE.format(label="JavaScript", script="../dist/GetRows/index.js").replace(":4:", ":5:")],
        ),
        (  # a v3 function with only bindings of other extensions: nothing left unchecked
            {"index.js": ""},
            '{\n  "bindings": [{"type": "httpTrigger", "direction": "in", "name": "req"}]\n}\n',
            [],
        ),
    ],
)
def test_function_json_language_from_its_script(
    make_project: ProjectFactory, beside: Mapping[str, str], document: str, expected: list[str]
) -> None:
    files = {f"samples/sql/GetRows/{name}": text for name, text in beside.items()}
    found = rendered(make_project, {**files, "samples/sql/GetRows/function.json": document})
    assert found == expected


def test_a_script_of_no_documented_language(make_project: ProjectFactory) -> None:
    document = FUNCTION_JSON.replace('{\n  "bindings"', '{\n  "scriptFile": "run.csx",\n  "bindings"')
    assert rendered(make_project, {"samples/sql/GetRows/function.json": document}) == [
        "samples/sql/GetRows/function.json:5: [BR304] function.json for script 'run.csx' is not checked: "
        "it configures 'sql' (no documented language runs that script; function.json is checked for "
        "PowerShell)"
    ]


def test_the_unchecked_function_json_note_does_not_fail_the_run(make_project: ProjectFactory) -> None:
    project: Project = make_project(
        {
            **CLEAN,
            **DEFINITIONS,
            "samples/sql/GetRows/index.js": "",
            "samples/sql/GetRows/function.json": FUNCTION_JSON,
        }
    )
    found = findings(project)
    assert [(f.code, f.severity) for f in found] == [("BR304", Severity.NOTE)]
    assert exit_code_for(found) == 0


# --- Node.js reference text follows the binding's Node name ----------------------------------------


@pytest.mark.parametrize(
    ("key", "direction", "intro"),
    [
        (
            "sql/sqlInput",
            Direction.IN,
            "Pass `input.sql({ ... })` in `extraInputs` and set these properties:",
        ),
        (
            "sql/sqlTrigger",
            Direction.TRIGGER,
            "Register the function with `app.sql(name, { ..., handler })` and set these properties:",
        ),
    ],
)
def test_node_reference_names_the_helper(
    make_project: ProjectFactory, key: str, direction: Direction, intro: str
) -> None:
    project = make_project(DEFINITIONS)
    binding = project.catalog().bindings[key]
    assert binding.direction is direction
    table = project.renderer.parameter_table(binding, Language.TYPESCRIPT)
    assert table.splitlines()[0] == intro
    # the generic call's option: the helper sets it, so it is nobody's to pass
    helper = binding.names[Language.TYPESCRIPT]
    type_rows = [line for line in table.splitlines() if line.startswith("| `type` |")]
    assert type_rows == [
        f"| `type` | `string` | Set by `{helper}` | Must be `{binding.type_name}`: `{helper}` sets it. "
        f"Pass it yourself with `{DIRECTION_KIND[direction]}.generic(...)` only. |"
    ]


def test_node_output_helper_placement() -> None:
    profile = PROFILES[Language.JAVASCRIPT]
    assert profile.placement_for(Direction.OUT, "output.sql", "sql") == (
        "pass `output.sql({ ... })` in `extraOutputs` or as `return`"
    )
    assert profile.placement_for(Direction.OUT, "output.generic({ type: 'sql' })", "sql") == (
        "pass it in `extraOutputs`"
    )
