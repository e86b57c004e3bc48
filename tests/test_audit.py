"""``bindref audit learn``: hand-written Learn pages against the definitions and samples."""

from __future__ import annotations

from pathlib import Path

import pytest

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

# Placeholder (3), missing PowerShell (9), a range that cuts (13), a misnamed and a missing row (37, 40).
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


def audit(
    project: Project,
    text: str,
    name: str = PAGE,
    *,
    samples: Path | None = None,
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
    assert audit(project, DRIFTED_PAGE) == [
        f"{PAGE}:3: [BR601] placeholder '{{{{do something}}}}'",
        f"{PAGE}:9: [BR604] the Example section has no programming-language-powershell zone "
        "(add a zone with a :::code reference)",
        f"{PAGE}:13: [BR602] range '5-10' of learn/csharp/WidgetApis.cs cuts a block in half: "
        "'{' on line 9 is closed after line 10 "
        "(wrap the code in '// <read_widget>' ... '// </read_widget>' tags and use id=\"read_widget\")",
        f"{PAGE}:37: [BR605] Java table leaves out 'aiConnectionName', which '@WidgetInput' has "
        "(add a row for each)",
        f"{PAGE}:40: [BR605] Java table lists 'widget_id', which '@WidgetInput' does not have "
        "(did you mean 'widgetId'?)",
    ]


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
    ("source", "lines", "problem", "hint"),
    [
        (PY, "7-14", None, USE_READ),
        (PY, "1-1,7-14", None, USE_READ),
        (PY, "18-25", None, TAG_PY),
        (PY, "7-11", "'(' on line 9 is closed after line 11", USE_READ),
        (PY, "7-13", "the block that starts on line 7 continues after line 13", USE_READ),
        (PY, "18-23", "'[' on line 21 is closed after line 23", TAG_PY),
        (PY, "16-25", "it starts on blank line 16", TAG_PY),
        (PY, "18-30", "the file has only 25 lines", TAG_PY),
        (CS, "5-11", None, TAG_CS),
        (CS, "10-12", "'}' on line 11 closes a block opened before line 10", TAG_CS),
    ],
)
def test_range_cuts_a_block_or_not(
    project: Project, source: str, lines: str, problem: str | None, hint: str
) -> None:
    shown = source.removeprefix("~/widget-samples/")
    drift = "selects lines by number, which drift when the sample changes"
    verdict = f"cuts a block in half: {problem}" if problem else drift
    page = f':::code language="x" source="{source}" range="{lines}":::\n'
    expected = f"{PAGE}:1: [BR602] range '{lines}' of {shown} {verdict} ({hint})"
    assert only("BR602", audit(project, page)) == [expected]


def test_range_that_is_not_a_line_range(project: Project) -> None:
    page = f':::code language="python" source="{PY}" range="7-3":::\n'
    assert only("BR602", audit(project, page)) == [
        f"{PAGE}:1: [BR602] range '7-3' of learn/python/function_app.py is not a line range such as "
        "'12-30' or '4-5,36-60'"
    ]


def test_source_that_does_not_exist(project: Project) -> None:
    page = '\n:::code language="python" source="~/widget-samples/learn/python/nope.py" range="1-2":::\n'
    assert only("BR603", audit(project, page)) == [
        f"{PAGE}:2: [BR603] source '~/widget-samples/learn/python/nope.py' does not exist "
        "(looked for 'samples/learn/python/nope.py'; "
        "--samples sets the folder '~/widget-samples/' stands for)"
    ]
    assert only("BR602", audit(project, page)) == [
        f"{PAGE}:2: [BR602] range '1-2' of learn/python/nope.py selects lines by number, "
        "which drift when the sample changes "
        "(wrap the code in '# <name>' ... '# </name>' tags and use id=\"name\")"
    ]


def test_samples_folder_and_plain_relative_sources(project: Project, tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    (checkout / "samples" / "py").mkdir(parents=True)
    (checkout / "samples" / "py" / "app.py").write_text(PYTHON_SAMPLE, encoding="utf-8")
    page = dedent(f"""\
        :::code language="python" source="~/ext/samples/py/app.py" id="read_widget":::
        :::code language="python" source="samples/learn/python/function_app.py":::
        :::code language="python" source="{PY}":::
    """)
    assert only("BR603", audit(project, page, samples=checkout)) == [
        f"{PAGE}:3: [BR603] source '{PY}' does not exist "
        "(looked for 'checkout/learn/python/function_app.py'; --samples sets the folder "
        "'~/widget-samples/' stands for)"
    ]
    # Default: the project's samples folder; ~/repo/samples/... also finds it by its name.
    snippet = project.settings.root / "articles" / "snippets" / "beside.py"
    snippet.parent.mkdir(parents=True)
    snippet.write_text("x = 1\n", encoding="utf-8")
    page = dedent("""\
        :::code language="python" source="~/repo/samples/learn/python/function_app.py" id="read_widget":::
        :::code language="python" source="snippets/beside.py":::
    """)
    assert only("BR603", audit(project, page)) == []


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
    found = only("BR603", audit(project, page))
    assert found[:2] == [
        f"{PAGE}:1: [BR603] source '~/alias/../../etc/passwd' must not contain '..' "
        "(samples must be inside the repository)",
        f"{PAGE}:2: [BR603] source '~/alias/link/secret.py' resolves outside the repository "
        f"(it points to '{(outside / 'secret.py').resolve()}' through a symlink)",
    ]
    absolute = "source '/etc/passwd' is absolute (make it relative to the repository root)"
    assert found[2] == f"{PAGE}:3: [BR603] {absolute}"
    assert len(only("BR602", audit(project, page))) == 3


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
        f"{PAGE}:6: [BR604] the programming-language-typescript zone has no example (add a :::code reference "
        "to a sample region, or say that the language has none)",
        f"{PAGE}:29: [BR605] JavaScript/TypeScript table lists 'maxSise', which 'widgetIn' does not have "
        "(remove the row, or add it to the definition)",
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
    assert only("BR605", audit(project, page, name="articles/page.md")) == [
        "articles/page.md:6: [BR605] Python text names the decorator 'gizmo_post_in', "
        "but it is 'gizmo_post_input'",
        "articles/page.md:12: [BR605] Python table lists 'is_reasoning _model', "
        "which '@app.gizmo_post_input' does not have (did you mean 'is_reasoning_model'?)",
        "articles/page.md:21: [BR605] PowerShell table says 'direction' must be 'out', but it is 'in' "
        "(write Must be `in`.)",
        "articles/page.md:23: [BR605] PowerShell table lists 'Id', which 'gizmoPost' does not have "
        "(did you mean 'id'?)",
    ]
    assert only("BR601", audit(project, page, name="articles/page.md")) == [
        "articles/page.md:12: [BR601] placeholder 'TODO'"
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
    assert only("BR605", audit(project, page, name="articles/page.md")) == [
        "articles/page.md:1: [BR605] cannot tell which binding the page documents "
        "(pass --binding with one of: widgets/gizmoPost, widgets/widgetIn)"
    ]
    assert only("BR605", audit(project, page, name="articles/page.md", binding_key="widgets/gizmoPost")) == [
        "articles/page.md:3: [BR605] Java table leaves out 'name', 'isReasoningModel', "
        "which '@GizmoPost' has (add a row for each)"
    ]
    with pytest.raises(ConfigError, match="no binding 'widgets/gizmo'"):
        audit(project, page, name="articles/page.md", binding_key="widgets/gizmo")


def test_comments_and_fences_are_not_content(project: Project) -> None:
    page = dedent("""\
        <!-- TODO: {{write the intro}} -->
        ```yaml
        run: echo ${{ secrets.TOKEN }}
        ```
        No placeholder here, but TBD here.
    """)
    assert only("BR601", audit(project, page)) == [f"{PAGE}:5: [BR601] placeholder 'TBD'"]
    assert audit(project, "# No example\n") == [f"{PAGE}:1: [BR604] the page has no '## Example' section"]


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
