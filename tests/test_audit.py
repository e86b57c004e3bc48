"""``bindref audit learn``: hand-written Learn pages against the definitions and samples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bindref.audit import ranges
from bindref.audit.learn import audit_learn_page
from bindref.core.errors import ConfigError
from bindref.export.learn import render_learn_page
from bindref.render.project import Project
from bindref.samples import regions as sample_regions
from conftest import ProjectFactory, dedent

# A second binding, spelled like the OpenAI ones, for inference and misspelling cases.
GIZMO_DEFINITION = '''\
"""Gizmo binding for tests."""

from __future__ import annotations

from dataclasses import dataclass

from bindref.spec import binding, param


@binding(
    type="gizmoPost", key="gizmoPost",
    direction="in",
    title="Gizmo post input binding",
    names={"csharp_isolated": "GizmoPostInput", "csharp_inprocess": "GizmoPost", "java": "GizmoPost",
           "python": "gizmo_post_input"},
    unavailable={"node": "Node.js has no gizmos."},
)
@dataclass(frozen=True, kw_only=True)
class GizmoPost:
    """Posts to a gizmo."""

    id: str = param(required=True)
    """The gizmo."""

    is_reasoning_model: bool = param(default=False)
    """Whether the model reasons."""
'''

# Plain code (no tags) and Learn-tagged code, for range= cases; line numbers matter.
PYTHON_SAMPLE = """\
import azure.functions as func

app = func.FunctionApp()


# <read_widget>
@app.function_name("ReadWidget")
@app.route(route="widgets/{id}")
@app.widget_input(
    arg_name="widget",
    widget_id="{id}",
)
def read_widget(req: func.HttpRequest, widget: str) -> func.HttpResponse:
    return func.HttpResponse(widget)
# </read_widget>


@app.function_name("ListWidgets")
@app.route(route="widgets")
def list_widgets(req: func.HttpRequest) -> func.HttpResponse:
    names = [
        "a",
        "b",
    ]
    return func.HttpResponse(",".join(names))
"""
CSHARP_SAMPLE = """\
using Microsoft.Azure.Functions.Worker;

public static class WidgetApis
{
    [Function(nameof(ReadWidget))]
    public static string ReadWidget(
        [HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequestData req,
        [WidgetInput("{id}")] string widget)
    {
        return widget;
    }
}
"""
FILES = {
    "binding_defs/widgets/gizmo.py": GIZMO_DEFINITION,
    "samples/learn/python/function_app.py": PYTHON_SAMPLE,
    "samples/learn/csharp/WidgetApis.cs": CSHARP_SAMPLE,
}
PAGE = "articles/functions-bindings-widgets-widgetin-input.md"
# A real hand-written Learn page (the first assistant post page, with its template placeholders).

# Placeholder (3), missing PowerShell (9), a range that cuts (13), a missing and a misspelled row (37, 40).
DRIFTED_PAGE = """\
---
title: Widget input binding for Azure Functions
description: Learn how to {{do something}} with widgets.
zone_pivot_groups: programming-languages-set-functions
---

# Widget input binding for Azure Functions

## Example

::: zone pivot="programming-language-csharp"

:::code language="csharp" source="~/widget-samples/learn/csharp/WidgetApis.cs" range="5-10":::

::: zone-end
::: zone pivot="programming-language-java"

:::code language="java" source="~/widget-samples/widgets/Widget.java" id="widget":::

::: zone-end
::: zone pivot="programming-language-javascript,programming-language-typescript"

:::code language="javascript" source="~/widget-samples/widgets/widget.js" id="widget":::

::: zone-end
::: zone pivot="programming-language-python"

:::code language="python" source="~/widget-samples/widgets/function_app.py" id="widget":::

::: zone-end

::: zone pivot="programming-language-java"
## Annotations

The `WidgetInput` annotation supports these elements:

| Element | Description |
| ------- | ----------- |
| **name** | The variable name. |
| **widget_id** | The widget to read. |
| **maxLength** | The largest widget. |
| **chatModel** | The model. |

::: zone-end
"""
DRIFTED_FINDINGS = [
    f"{PAGE}:3: [BR601] placeholder '{{{{do something}}}}'",
    f"{PAGE}:9: [BR604] the Example section has no programming-language-powershell zone "
    "(add a zone with a :::code reference)",
    f"{PAGE}:13: [BR602] 1 :::code reference selects sample lines by range=, which drift when the samples "
    'change (tag named regions in the samples and use id= instead (line 13: id="read_widget"))',
    f"{PAGE}:13: [BR606] range '5-10' of learn/csharp/WidgetApis.cs does not show whole code: the block "
    'opened on line 9 closes on line 11, after the range (make it range="5-11", or wrap the code in '
    "'// <read_widget>' ... '// </read_widget>' tags and use id=\"read_widget\")",
    f"{PAGE}:37: [BR605] the Java table leaves out 'aiConnectionName', which 'widgets/widgetIn' has "
    "(add a row for each)",
    f"{PAGE}:40: [BR605] the Java table spells 'widget_id', which Java writes 'widgetId' (write 'widgetId')",
]


def audit(
    project: Project,
    text: str,
    name: str = PAGE,
    *,
    samples: Path | list[str] | None = None,
    binding_key: str | None = None,
) -> list[str]:
    page = project.settings.root / name
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")
    return [f.render() for f in audit_learn_page(project, page, samples=samples, binding_key=binding_key)]


def only(code: str, rendered: list[str]) -> list[str]:
    return [line for line in rendered if f"[{code}]" in line]


@pytest.fixture
def project(make_project: ProjectFactory) -> Project:
    return make_project(FILES)


def test_drifted_page_reports_each_problem_at_its_line(project: Project) -> None:
    assert audit(project, DRIFTED_PAGE) == DRIFTED_FINDINGS


def test_findings_carry_path_line_and_column(project: Project) -> None:
    page = project.settings.root / PAGE
    page.parent.mkdir(parents=True)
    page.write_text(DRIFTED_PAGE, encoding="utf-8")
    first = audit_learn_page(project, page)[0]
    assert (first.code, first.path, first.line, first.column) == ("BR601", PAGE, 3, 27)


PY = "~/widget-samples/learn/python/function_app.py"
CS = "~/widget-samples/learn/csharp/WidgetApis.cs"
TAG_PY = "wrap the code in '# <list_widgets>' ... '# </list_widgets>' tags and use id=\"list_widgets\""
TAG_CS = "wrap the code in '// <read_widget>' ... '// </read_widget>' tags and use id=\"read_widget\""
USE_READ = 'use id="read_widget"'


@pytest.mark.parametrize(
    ("source", "lines", "problem"),
    [
        (PY, "7-14", None),
        (PY, "1-1,7-14", None),
        (PY, "18-25", None),
        (PY, "16-25", None),  # blank lines at the edges are shown as they are: no cut
        (PY, "1-2,7-14", None),  # an import and a blank line, then the function
        (
            PY,
            "7-11",
            "the block opened on line 9 closes on line 12, after the range "
            f'(make it range="7-14", or {USE_READ})',
        ),
        (
            PY,
            "7-13",
            f'the block that starts on line 7 continues after line 13 (make it range="7-14", or {USE_READ})',
        ),
        (
            PY,
            "18-23",
            "the block opened on line 21 closes on line 24, after the range "
            f'(make it range="18-25", or {TAG_PY})',
        ),
        (PY, "18-30", f'the file has only 25 lines (make it range="18-25", or {TAG_PY})'),
        (  # the second span of a two-span range is cut: the closing ')' moved one line down
            PY,
            "1-1,7-11",
            "the block opened on line 9 closes on line 12, after the range "
            f'(make it range="1,7-14", or {USE_READ})',
        ),
        (CS, "5-11", None),
        (
            CS,
            "10-12",
            f'line 11 closes a block opened before line 10 (make it range="5-11", or {TAG_CS})',
        ),
    ],
)
def test_every_span_of_a_range_shows_whole_code(
    project: Project, source: str, lines: str, problem: str | None
) -> None:
    shown = source.removeprefix("~/widget-samples/")
    page = f':::code language="x" source="{source}" range="{lines}":::\n'
    found = only("BR606", audit(project, page, name="articles/p.md"))  # no binding: cuts only
    expected = [f"articles/p.md:1: [BR606] range '{lines}' of {shown} does not show whole code: {problem}"]
    assert found == (expected if problem else [])


def test_a_range_that_misses_the_binding_says_where_it_is(project: Project) -> None:
    page = f':::code language="python" source="{PY}" range="18-25":::\n'
    assert only("BR606", audit(project, page, name="articles/p.md", binding_key="widgets/widgetIn")) == [
        "articles/p.md:1: [BR606] range '18-25' of learn/python/function_app.py does not show "
        '\'widget_input\' (it is on line 9 of the file: make it range="7-14", or use id="read_widget")'
    ]


@pytest.mark.parametrize(
    ("spans", "reason"),
    [
        (((1, 1),), "it ends mid-statement on line 1"),
        (((2, 3),), "it starts mid-statement on line 2"),
        (((1, 3),), None),
        (((5, 5),), "the file has only 3 lines"),
    ],
)
def test_statements_cut_in_half(spans: tuple[tuple[int, int], ...], reason: str | None) -> None:
    lines = ["var total = first +", "    second;", "Use(total);"]
    assert [cut.reason for cut in ranges.cuts(lines, spans, "x.cs")] == ([reason] if reason else [])


def test_one_note_per_page_on_ranges_with_region_ids(project: Project) -> None:
    page = dedent(f"""\
        :::code language="python" source="{PY}" range="7-14":::
        :::code language="python" source="{PY}" range="18-25":::
        :::code language="csharp" source="{CS}" range="5-11":::
    """)
    assert only("BR602", audit(project, page)) == [
        f"{PAGE}:1: [BR602] 3 :::code references select sample lines by range=, which drift when the "
        'samples change (tag named regions in the samples and use id= instead (line 1: id="read_widget", '
        'line 2: id="list_widgets", line 3: id="read_widget"))'
    ]


def test_range_that_is_not_a_line_range(project: Project) -> None:
    page = f':::code language="python" source="{PY}" range="7-3":::\n'
    assert only("BR606", audit(project, page)) == [
        f"{PAGE}:1: [BR606] range '7-3' of learn/python/function_app.py is not a line range such as "
        "'12-30' or '4-5,36-60'"
    ]


def test_language_must_be_the_files(project: Project) -> None:
    page = dedent(f"""\
        :::code language="java" source="{PY}" id="read_widget":::
        :::code language="csharp" source="{CS}":::
        :::code language="csharp" source="~/widget-samples/x/function.json":::
    """)
    assert only("BR609", audit(project, page)) == [
        f"{PAGE}:1: [BR609] language 'java' of a .py file (function_app.py) (write language='python')",
        f"{PAGE}:3: [BR609] language 'csharp' of a .json file (function.json) (write language='json')",
    ]


def test_an_alias_without_a_folder_is_one_finding(project: Project) -> None:
    page = dedent("""\
        :::code language="csharp" source="~/functions-sql-todo-sample/ToDoModel.cs" range="6-14":::
        :::code language="sql" source="~/functions-sql-todo-sample/sql/create.sql":::
        :::code language="python" source="~/widget-samples/learn/python/nope.py":::
    """)
    assert only("BR603", audit(project, page)) == [
        f"{PAGE}:1: [BR603] no folder for the source alias '~/functions-sql-todo-sample/' "
        "(2 :::code references) (also line 2) "
        "(map it with --samples functions-sql-todo-sample=DIR or learn_aliases in the extension's settings)",
        f"{PAGE}:3: [BR603] no folder for the source alias '~/widget-samples/' (1 :::code references) "
        "(map it with --samples widget-samples=DIR or learn_aliases in the extension's settings)",
    ]


def test_each_alias_maps_to_its_folder(project: Project, tmp_path: Path) -> None:
    todo, checkout = tmp_path / "todo", tmp_path / "checkout"
    (todo / "sql").mkdir(parents=True)
    (todo / "sql" / "create.sql").write_text("create table t (id int);\n", encoding="utf-8")
    (checkout / "samples" / "py").mkdir(parents=True)
    (checkout / "samples" / "py" / "app.py").write_text(PYTHON_SAMPLE, encoding="utf-8")
    page = dedent(f"""\
        :::code language="sql" source="~/functions-sql-todo-sample/sql/create.sql":::
        :::code language="python" source="~/ext/samples/py/app.py" id="read_widget":::
        :::code language="python" source="samples/learn/python/function_app.py":::
        :::code language="python" source="{PY}":::
    """)
    samples = [f"functions-sql-todo-sample={todo}", str(checkout)]
    assert only("BR603", audit(project, page, samples=samples)) == [
        f"{PAGE}:4: [BR603] source '{PY}' does not exist "
        "(looked for 'checkout/learn/python/function_app.py'; --samples widget-samples=DIR sets the folder "
        "'~/widget-samples/' stands for)"
    ]
    assert only("BR603", audit(project, page, samples=checkout)) != []  # the plain Path form still works


def test_learn_aliases_setting(make_project: ProjectFactory) -> None:
    pyproject = (
        '[project]\nname = "fixture"\n\n[tool.bindref]\n\n[tool.bindref.extensions.widgets]\n'
        'learn_aliases = { widget-samples = "samples" }\n'
    )
    project = make_project(FILES, pyproject=pyproject)
    page = f':::code language="python" source="{PY}" id="read_widget":::\n'
    assert only("BR603", audit(project, page)) == []


@pytest.mark.parametrize(
    ("samples", "message"),
    [
        (["nope"], "samples folder 'nope' does not exist (--samples nope)"),
        (["alias=nope"], "samples folder 'nope' does not exist (--samples alias=nope)"),
    ],
)
def test_a_samples_folder_that_does_not_exist_is_a_usage_error(
    project: Project, samples: list[str], message: str
) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)) as raised:
        audit(project, "# Page\n", samples=samples)
    assert raised.value.exit_code == 2


def test_path_escapes_are_reported_without_reading(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = project.settings.root.parent / "outside"
    outside.mkdir()
    (outside / "secret.py").write_text("print('secret')\n", encoding="utf-8")
    (project.settings.root / "samples" / "link").symlink_to(outside)

    def never(path: Path, size: int) -> str:
        raise AssertionError(f"read {path}")

    monkeypatch.setattr(sample_regions, "read_sample_text", never)
    page = dedent("""\
        :::code language="python" source="~/alias/../../etc/passwd" range="1-3":::
        :::code language="python" source="~/alias/link/secret.py" range="1-1":::
        :::code language="python" source="/etc/passwd" range="1-1":::
    """)
    samples = [str(project.settings.root / "samples")]
    found = only("BR603", audit(project, page, samples=samples))
    assert found[:2] == [
        f"{PAGE}:1: [BR603] source '~/alias/../../etc/passwd' must not contain '..' "
        "(samples must be inside the repository)",
        f"{PAGE}:2: [BR603] source '~/alias/link/secret.py' resolves outside the repository "
        f"(it points to '{(outside / 'secret.py').resolve()}' through a symlink)",
    ]
    absolute = "source '/etc/passwd' is absolute (make it relative to the repository root)"
    assert found[2] == f"{PAGE}:3: [BR603] {absolute}"


def test_comments_and_fences_are_not_content(project: Project) -> None:
    page = dedent("""\
        <!-- TODO: {{write the intro}} -->
        ```yaml
        run: echo ${{ secrets.TOKEN }}
        ```
        No placeholder here, but TBD here.
    """)
    assert only("BR601", audit(project, page)) == [f"{PAGE}:5: [BR601] placeholder 'TBD'"]


def test_zones_shared_by_javascript_and_typescript(project: Project) -> None:
    page = dedent("""\
        ## Example

        ::: zone pivot="programming-language-csharp,programming-language-java,programming-language-python"
        :::code language="csharp" source="~/s/widgets/Widget.cs" id="widget":::
        ::: zone-end
        ::: zone pivot="programming-language-javascript,programming-language-typescript"
        Both Node.js languages share this introduction.
        ::: zone-end
        ::: zone pivot="programming-language-javascript"
        :::code language="javascript" source="~/s/widgets/widget.js" id="widget":::
        ::: zone-end
        ::: zone pivot="programming-language-typescript"
        <!-- :::code language="typescript" source="~/s/widgets/widget.ts" id="widget"::: -->
        ::: zone-end
        ::: zone pivot="programming-language-powershell"
        PowerShell is not supported by this binding.
        ::: zone-end

        ::: zone pivot="programming-language-javascript,programming-language-typescript"
        ## Configuration

        | Property | Description |
        |----------|-------------|
        | **type** | Must be `widgetIn`. |
        | **widgetId** | The widget. |
        | **maxSize** | The largest widget. |
        | **chatModel** | The model. |
        | **aiConnectionName** | The connection. |
        | **maxSise** | A typo. |
        ::: zone-end
    """)
    assert audit(project, page) == [
        f"{PAGE}:13: [BR604] the examples of TypeScript are commented out, so these zones show none "
        "(uncomment them once their sources and ranges are right)",
        f"{PAGE}:15: [BR604] the PowerShell zone says there is no example, but 'widgets/widgetIn' has one "
        "(show the samples: samples/widgets/function.json)",
        f"{PAGE}:29: [BR605] the JavaScript/TypeScript table lists 'maxSise', which 'widgets/widgetIn' does "
        "not have ('widgets/widgetIn' has no such parameter: check its SDK)",
    ]


def test_binding_inferred_from_type_row_misspellings_and_must_be_rows(project: Project) -> None:
    page = dedent("""\
        ## Example

        ::: zone pivot="programming-language-python"
        ## Decorators

        The `gizmo_post_in` decorator supports these parameters:

        | Parameter | Description |
        |---|---|
        | **arg_name** | The argument. |
        | **id** | The gizmo. |
        | **is_reasoning _model** | TODO |
        | **data_type** | The type. |
        ::: zone-end
        ::: zone pivot="programming-language-powershell"
        ## Configuration

        | Property | Description |
        |---|---|
        | **type** | Must be `gizmoPost`. |
        | **direction** | Must be `out`. |
        | **name** | The name. |
        | **Id** | The gizmo. |
        | **isReasoningModel** | Reasons. |
        ::: zone-end
    """)
    assert [f for f in audit(project, page, name="articles/page.md") if "BR60" in f] == [
        "articles/page.md:1: [BR604] the Example section has no language zones (add a zone per language)",
        "articles/page.md:6: [BR609] the Python text names 'gizmo_post_in', which is not the binding's; "
        "it is 'gizmo_post_input' (Python) (name the binding's own symbol)",
        "articles/page.md:12: [BR605] the Python table spells 'is_reasoning _model', which Python writes "
        "'is_reasoning_model' (write 'is_reasoning_model')",
        "articles/page.md:12: [BR601] placeholder 'TODO'",
        "articles/page.md:21: [BR605] PowerShell table says 'direction' must be 'out', but it is 'in' "
        "(write Must be `in`.)",
        "articles/page.md:23: [BR605] the PowerShell table spells 'Id', which PowerShell writes 'id' "
        "(write 'id')",
    ]


def test_languages_without_the_binding(project: Project) -> None:
    page = dedent("""\
        ## Example

        ::: zone pivot="programming-language-csharp,programming-language-java,programming-language-python"
        :::code language="csharp" source="~/s/widgets/Widget.cs" id="widget":::
        ::: zone-end
        ::: zone pivot="programming-language-powershell"
        :::code language="json" source="~/s/widgets/function.json":::
        ::: zone-end

        ::: zone pivot="programming-language-javascript,programming-language-typescript"
        ## Configuration

        | Property | Description |
        |---|---|
        | **type** | Must be `gizmoPost`. |
        ::: zone-end
    """)
    assert audit(project, page, name="articles/page.md") == [
        "articles/page.md:13: [BR605] JavaScript/TypeScript table documents 'widgets/gizmoPost', "
        "which JavaScript/TypeScript does not have (Node.js has no gizmos.)"
    ]


def test_binding_option_and_a_page_that_names_no_binding(project: Project) -> None:
    page = "## Annotations\n\n| Element | Description |\n|---|---|\n| **id** | The gizmo. |\n"
    assert only("BR608", audit(project, page, name="articles/page.md")) == [
        "articles/page.md:1: [BR608] no bindref definition fits the page: only placeholders, "
        "code references, ranges and example zones were checked (the tables were not compared; "
        "pass --binding KEY when a definition documents it)"
    ]
    assert only("BR605", audit(project, page, name="articles/page.md", binding_key="widgets/gizmoPost")) == [
        "articles/page.md:3: [BR605] the Java table leaves out 'name', 'isReasoningModel', "
        "which 'widgets/gizmoPost' has (add a row for each)"
    ]
    with pytest.raises(ConfigError, match="no binding 'widgets/gizmo'"):
        audit(project, page, name="articles/page.md", binding_key="widgets/gizmo")


def test_a_page_outside_the_project_is_named_as_given(project: Project, tmp_path: Path) -> None:
    page = tmp_path.parent / "elsewhere.md"
    page.write_text("## Example\n{{x}}\n", encoding="utf-8")
    findings = audit_learn_page(project, page)
    assert findings[-1].render() == f"{page}:2: [BR601] placeholder '{{{{x}}}}'"
    with pytest.raises(ConfigError, match="cannot read page"):
        audit_learn_page(project, tmp_path / "missing.md")


CLEAN_PAGE = """\
# Widget input binding

## Example

::: zone pivot="programming-language-csharp"
:::code language="csharp" source="~/samples/widgets/Widget.cs" id="widget":::
::: zone-end
::: zone pivot="programming-language-java"
:::code language="java" source="~/samples/widgets/Widget.java" id="widget":::
::: zone-end
::: zone pivot="programming-language-javascript,programming-language-typescript"
:::code language="javascript" source="~/samples/widgets/widget.js" id="widget":::
::: zone-end
::: zone pivot="programming-language-powershell"
:::code language="json" source="~/samples/widgets/function.json":::
::: zone-end
::: zone pivot="programming-language-python"
:::code language="python" source="~/samples/widgets/function_app.py" id="widget":::
::: zone-end

::: zone pivot="programming-language-csharp"
## Attributes

In the isolated worker model, apply `WidgetInput`; in the in-process model, apply `WidgetAttribute`.

| Parameter | Description |
| --------- | ----------- |
| **WidgetId** | The widget to read. |
| **MaxSize** | The largest widget. |
| **ChatModel** | The model. |
| **AIConnectionName** | The AI connection. |
::: zone-end
"""


def test_clean_pages_give_no_findings(project: Project) -> None:
    assert audit(project, CLEAN_PAGE) == []
    # the widget's page only: the gizmo has no examples, so the whole export fails (exit 3)
    exported = render_learn_page(project, project.binding("widgets/widgetIn"))
    assert audit(project, exported, name="learn/functions-bindings-widgets-widgetin-input.md") == []


def test_a_parameter_the_host_ignores_may_be_left_out(make_project: ProjectFactory) -> None:
    ignored = GIZMO_DEFINITION.replace("import binding, param", "import binding, param, runtime").replace(
        "param(default=False)",
        'param(default=False, runtime=runtime(ignored=True, reason="Never read.", source="src/Gizmo.cs:L3"))',
    )
    project = make_project({**FILES, "binding_defs/widgets/gizmo.py": ignored})
    page = "## Annotations\n\n| Element | Description |\n|---|---|\n| **id** | The gizmo. |\n"
    assert only("BR605", audit(project, page, name="articles/page.md", binding_key="widgets/gizmoPost")) == [
        "articles/page.md:3: [BR605] the Java table leaves out 'name', "
        "which 'widgets/gizmoPost' has (add a row for each)"
    ]
