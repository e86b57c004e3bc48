"""A corpus of Learn-style pages, each with the exact findings ``bindref audit learn`` gives.

The pages are written here, in the shapes published Learn pages take: C# worker-model tabs
inside zones (``# [In-process](#tab/in-process)`` is a tab, not an H1), the standard
``[!INCLUDE [functions-examples-not-available-note]]``, commented-out examples, multi-span
ranges, one mistake repeated in every language's table, payload fields listed as binding
parameters, a page no definition fits, an extension overview and an include-only page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bindref.audit.learn import audit_learn_page
from bindref.check.findings import exit_code_for
from bindref.cli.main import main
from conftest import ProjectFactory, dedent

# A binding with a payload (the request it posts) and two C# worker-model names.
GIZMO = '''\
"""Gizmo binding for tests."""

from __future__ import annotations

from dataclasses import dataclass

from bindref.spec import binding, example, no_example, param


@binding(
    type="gizmoCreate", key="gizmoCreate",
    direction="out",
    title="Gizmo create output binding",
    names={"csharp_isolated": "GizmoCreateOutput", "csharp_inprocess": "GizmoCreate",
           "java": "GizmoCreate", "python": "gizmo_create_output"},
    examples=[
        example("csharp_isolated", "gizmo/GizmoApis.cs", region="create"),
        no_example("csharp_inprocess", "Isolated worker only."),
        no_example("java", "No Java sample yet."),
        no_example("node", "No Node.js sample yet."),
        no_example("powershell", "No PowerShell sample yet."),
        example("python", "gizmo/gizmo_apis.py", region="create"),
    ],
)
@dataclass(frozen=True, kw_only=True)
class GizmoCreate:
    """Creates a gizmo."""

    connection_name: str = param(default="AzureWebJobsStorage")
    """The storage connection."""

    input_type: str = param(required=True)
    """How the input is read."""

    id: str = param(required=True, payload=True)
    """The gizmo's id."""

    instructions: str = param(default="Be helpful.", payload=True)
    """What the gizmo is told."""
'''
GIZMO_CS = """\
using Microsoft.Azure.Functions.Worker;

public static class GizmoApis
{
    [Function(nameof(CreateGizmo))]
    public static GizmoRequest CreateGizmo(
        [HttpTrigger(AuthorizationLevel.Function, "put")] HttpRequestData req,
        [GizmoCreateOutput(InputType = "text")] string unused)
    {
        return new GizmoRequest("one");
    }

    [Function(nameof(ListGizmos))]
    public static string ListGizmos([HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequestData req)
    {
        return "[]";
    }
}
"""
GIZMO_PY = """\
import azure.functions as func

apis = func.Blueprint()


@apis.route(route="gizmos", methods=["PUT"])
@apis.gizmo_create_output(
    arg_name="requests",
    input_type="text",
)
def create_gizmo(req: func.HttpRequest, requests: func.Out[str]) -> func.HttpResponse:
    requests.set("{}")
    return func.HttpResponse(status_code=202)
"""
FILES = {
    "binding_defs/widgets/gizmo.py": GIZMO,
    "samples/gizmo/GizmoApis.cs": GIZMO_CS,
    "samples/gizmo/gizmo_apis.py": GIZMO_PY,
}
GIZMO_PAGE = "articles/functions-bindings-widgets-gizmocreate-output.md"
FRONT = "---\ntitle: {title}\nzone_pivot_groups: programming-languages-set-functions\n---\n\n# {title}\n"
CS = "~/gizmo-samples/gizmo/GizmoApis.cs"
PY = "~/gizmo-samples/gizmo/gizmo_apis.py"
NONE = (
    "[!INCLUDE [functions-examples-not-available-note]"
    "(../../includes/functions-examples-not-available-note.md)]"
)
# Every pivot's zone, the standard "none" note for the languages without a sample.
OTHERS = f"""\
::: zone pivot="programming-language-java"
{NONE}
::: zone-end
::: zone pivot="programming-language-javascript,programming-language-typescript"
{NONE}
::: zone-end
::: zone pivot="programming-language-powershell"
{NONE}
::: zone-end
"""


@dataclass(frozen=True)
class Page:
    """A page, where it lives, and the findings it must give (each as rendered, without the path)."""

    id: str
    text: str
    expected: list[str]
    name: str = GIZMO_PAGE
    samples: list[str] = field(default_factory=lambda: ["gizmo-samples=samples"])
    exit_code: int = 1


def example_section(
    csharp: str, python: str = f':::code language="python" source="{PY}" id="create":::'
) -> str:
    return dedent("""\
        ## Example

        ::: zone pivot="programming-language-csharp"
        {csharp}
        ::: zone-end
        {others}::: zone pivot="programming-language-python"
        {python}
        ::: zone-end
    """).format(csharp=csharp, others=OTHERS, python=python)


TABS = f"""\
# [Isolated worker model](#tab/isolated-process)

:::code language="csharp" source="{CS}" range="5-11":::

# [In-process model](#tab/in-process)

{NONE}

---
"""
TITLE = FRONT.format(title="Gizmo create output binding for Azure Functions")
CASES = [
    Page(  # H1-level tabs inside a zone are tabs: the Example section goes on to the Python zone
        "tabs-in-zones",
        TITLE + example_section(TABS),
        [
            "12: [BR602] 1 :::code reference selects sample lines by range=, which drift when the "
            "samples change (tag named regions in the samples and use id= instead (line 12: "
            'id="create_gizmo"))',
        ],
        exit_code=0,
    ),
    Page(  # a worker-model tab that says "none" while that model has a sample
        "tab-says-none",
        TITLE
        + example_section(
            "# [Isolated worker model](#tab/isolated-process)\n\nThe isolated worker model isn't "
            f"currently supported.\n\n# [In-process model](#tab/in-process)\n\n{NONE}\n\n---\n"
        ),
        [
            "10: [BR604] the 'Isolated worker model' tab says there is no example, but "
            "'widgets/gizmoCreate' has one (show the sample: samples/gizmo/GizmoApis.cs)",
        ],
    ),
    Page(  # the second span is cut, and one C# range shows a function without the attribute
        "multi-span-and-missing-attribute",
        TITLE
        + example_section(
            f':::code language="csharp" source="{CS}" range="1,5-10":::\n'
            f':::code language="csharp" source="{CS}" range="13-17":::'
        ),
        [
            "10: [BR602] 2 :::code references select sample lines by range=, which drift when the "
            "samples change (tag named regions in the samples and use id= instead (line 10: "
            'id="create_gizmo", line 11: id="list_gizmos"))',
            "10: [BR606] range '1,5-10' of gizmo/GizmoApis.cs does not show whole code: the block "
            'opened on line 9 closes on line 11, after the range (make it range="1,5-11", or wrap the '
            "code in '// <create_gizmo>' ... '// </create_gizmo>' tags and use id=\"create_gizmo\")",
            "11: [BR606] range '13-17' of gizmo/GizmoApis.cs does not show 'GizmoCreate' or "
            "'GizmoCreateOutput' (it is on line 8 of the file: make it range=\"5-11\", or wrap the code "
            "in '// <create_gizmo>' ... '// </create_gizmo>' tags and use id=\"create_gizmo\")",
        ],
    ),
    Page(  # examples commented out in every zone: one cause, one finding
        "commented-out-examples",
        TITLE
        + example_section(
            f'<!-- :::code language="csharp" source="{CS}" id="create"::: -->',
            f'<!-- :::code language="python" source="{PY}" id="create"::: -->',
        ),
        [
            "10: [BR604] the examples of C#, Python are commented out, so these zones show none (also "
            "line 22) (uncomment them once their sources and ranges are right)",
        ],
    ),
    Page(  # the same wrong name in every table, payload fields as parameters, a wrong mark
        "grouped-causes",
        TITLE
        + example_section(TABS.replace('range="5-11"', 'id="create"'))
        + dedent("""\

            ::: zone pivot="programming-language-csharp"
            ## Attributes

            Apply the `GizmoCreate` attribute.

            | Parameter | Description |
            |---|---|
            | **ConnectionName** | The connection. |
            | **InputType** | _Optional_. How the input is read. |
            | **Id** | The gizmo's id. |
            | **Instructions** | What it is told. |
            | **Model** | The model. |
            ::: zone-end
            ::: zone pivot="programming-language-python"
            ## Decorators

            Define it as a `generic_output_binding` binding of type `GizmoCreate`.

            | Parameter | Description |
            |---|---|
            | **arg_name** | The variable. |
            | **connection_name** | The connection. |
            | **input_type** | _Optional_. How the input is read. |
            | **id** | The gizmo's id. |
            | **instructions** | What it is told. |
            | **model** | The model. |
            ::: zone-end
        """),
        [
            "37: [BR609] the text names only 'GizmoCreate' (in-process model), but the examples use "
            "'GizmoCreateOutput' (Isolated worker model) (name 'GizmoCreateOutput' (Isolated worker "
            "model) too, in a tab per worker model)",
            "42: [BR605] the C#/Python tables mark 'InputType' optional, but it is required (also line "
            "56) (mark it required)",
            "43: [BR605] the C#/Python tables list payload fields 'Id', 'Instructions' as binding "
            "parameters (also lines 44, 57, 58) (move them into a payload table of the request the "
            "binding reads)",
            "45: [BR605] the C#/Python tables list 'Model', which 'widgets/gizmoCreate' does not have "
            "(also line 59) ('widgets/gizmoCreate' has no such parameter: check its SDK)",
            "50: [BR609] the Python text names 'generic_output_binding', which is not the binding's; "
            "it is 'gizmo_create_output' (Python) (name the binding's own symbol)",
            "50: [BR609] the text says type 'GizmoCreate', but the binding's type is 'gizmoCreate' "
            "(write `gizmoCreate`)",
            "52: [BR610] the Python table leaves out 'data_type', which every binding has (add a row, "
            "or leave it out)",
        ],
    ),
    Page(  # no file name to go by: the title names the binding, and calls it an input binding
        "binding-from-the-title-and-wrong-direction",
        FRONT.format(title="Gizmo create input binding for Azure Functions")
        + example_section(f':::code language="csharp" source="{CS}" id="create":::'),
        [
            "2: [BR607] the page calls 'widgets/gizmoCreate' an input binding, but it is an output "
            "binding (also line 6) (write 'gizmo create output' (the definition's direction is 'out'))",
        ],
        name="articles/draft.md",
    ),
    # a binding bindref has no definition for: one note, and the generic checks
    Page(
        "unknown-binding",
        FRONT.format(title="Azure Doohickey trigger for Azure Functions")
        + "## Example\n\n{{TODO}}\n\n## Attributes\n\n"
        + "| Parameter | Description |\n|---|---|\n| **Name** | x |\n",
        [
            "1: [BR608] no bindref definition fits the page: only placeholders, code references, "
            "ranges and example zones were checked (the tables were not compared; pass --binding KEY "
            "when a definition documents it)",
            "7: [BR604] the Example section has no language zones (add a zone per language)",
            "9: [BR601] placeholder '{{TODO}}'",
        ],
        name="articles/functions-bindings-doohickey-trigger.md",
    ),
    # an extension overview: no Example, no reference section
    Page(
        "extension-overview",
        FRONT.format(title="Azure Gizmo extension for Azure Functions")
        + "## Install extension\n\nInstall the package.\n\n## Application settings\n\n"
        + "| Setting | Description |\n|---|---|\n| **`GIZMO_KEY`** | The key. |\n",
        [
            "1: [BR608] the page is not a binding reference page (it has no '## Example' and no "
            "reference section): only placeholders and code references were checked (audit each "
            "binding's own page for its tables)",
        ],
        name="articles/functions-bindings-gizmo.md",
        exit_code=0,
    ),
    Page(  # a page whose body is an include
        "include-only",
        "---\ntitle: Include\nms.topic: include\n---\n\n[!INCLUDE [gizmo](../includes/gizmo-create.md)]\n",
        [
            "1: [BR608] the page is not a binding reference page (its body is [!INCLUDE] lines): only "
            "placeholders and code references were checked (audit each binding's own page for its "
            "tables)",
        ],
        name="articles/includes/gizmo-create-output.md",
        exit_code=0,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_learn_page_corpus(make_project: ProjectFactory, case: Page) -> None:
    project = make_project(FILES)
    page = project.settings.root / case.name
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(case.text, encoding="utf-8")
    samples = [value.replace("=samples", f"={project.settings.root / 'samples'}") for value in case.samples]
    found = audit_learn_page(project, page, samples=samples)
    expected = case.expected
    assert [f.render().removeprefix(f"{case.name}:") for f in found] == expected
    assert exit_code_for(found) == case.exit_code


def test_a_page_whose_only_problem_is_a_cut_range_exits_1(
    make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(FILES)
    root = project.settings.root
    page = root / GIZMO_PAGE
    page.parent.mkdir(parents=True)
    page.write_text(TITLE + example_section(TABS.replace('range="5-11"', 'range="5-10"')), encoding="utf-8")
    args = [
        "--root",
        str(root),
        "audit",
        "learn",
        str(page),
        "--samples",
        f"gizmo-samples={root / 'samples'}",
    ]
    assert main(args) == 1
    assert "[BR606] range '5-10' of gizmo/GizmoApis.cs does not show whole code" in capsys.readouterr().out


def test_a_samples_folder_that_does_not_exist_exits_2(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(FILES)
    page = project.settings.root / GIZMO_PAGE
    page.parent.mkdir(parents=True)
    page.write_text(TITLE, encoding="utf-8")
    args = ["--root", str(project.settings.root), "audit", "learn", str(page), "--samples", "gone=/nowhere"]
    assert main(args) == 2
    assert "samples folder '/nowhere' does not exist (--samples gone=/nowhere)" in capsys.readouterr().err
