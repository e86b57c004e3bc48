"""Extension overview tables: each binding's name per language, and the example coverage matrix.

A fixture extension with two bindings: ``widgetIn`` (conftest's widget, complete) and
``widgetOut``, which Java does not have, with no PowerShell example; TypeScript is disabled.
"""

from __future__ import annotations

import pytest

from bindref.core.errors import NotFoundError
from bindref.render.overview import bindings_table, coverage_table, extensions_table
from bindref.render.project import Project
from conftest import PYPROJECT, WIDGET_OUT_DEFINITION, ProjectFactory

WITHOUT_TYPESCRIPT = (
    PYPROJECT
    + 'languages = ["csharp_isolated", "csharp_inprocess", "java", "javascript", "powershell", "python"]\n'
)
LEGEND = (
    "✓ example · – no example, with the reason on the binding's page · n/a not in that language · ✗ missing"
)


@pytest.fixture
def project(make_project: ProjectFactory) -> Project:
    return make_project(
        {"binding_defs/widgets/widget_out.py": WIDGET_OUT_DEFINITION}, pyproject=WITHOUT_TYPESCRIPT
    )


def test_bindings_table_names_each_binding_in_each_language(project: Project) -> None:
    assert bindings_table(project, "widgets") == (
        "| Binding | Type | Direction | C# isolated worker model | C# in-process model | Java | Python "
        "| JavaScript / TypeScript |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "| Widget input binding | `widgetIn` | in | `[WidgetInput]` | `[Widget]` | `@WidgetInput` "
        "| `@app.widget_input` | `input.generic(...)` |\n"
        "| Widget output binding | `widgetOut` | out | `[WidgetOutput]` | `[Widget]` | — "
        "| `@app.widget_output` | `output.generic(...)` |"
    )


def test_coverage_table_has_a_column_per_enabled_language_and_every_status(project: Project) -> None:
    assert coverage_table(project, "widgets") == (
        "| Binding | Isolated worker model | In-process model | Java | JavaScript | PowerShell | Python |\n"
        "| --- | :---: | :---: | :---: | :---: | :---: | :---: |\n"
        "| `widgets/widgetIn` | ✓ | – | ✓ | ✓ | ✓ | ✓ |\n"
        "| `widgets/widgetOut` | ✓ | – | n/a | ✓ | ✗ | ✓ |\n"
        "\n"
        f"{LEGEND}"
    )


def test_without_javascript_and_typescript_the_generic_column_is_left_out(
    make_project: ProjectFactory,
) -> None:
    pyproject = PYPROJECT + 'languages = ["java", "python"]\n'
    project = make_project({"binding_defs/widgets/widget_out.py": WIDGET_OUT_DEFINITION}, pyproject=pyproject)
    assert bindings_table(project, "widgets") == (
        "| Binding | Type | Direction | Java | Python |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| Widget input binding | `widgetIn` | in | `@WidgetInput` | `@app.widget_input` |\n"
        "| Widget output binding | `widgetOut` | out | — | `@app.widget_output` |"
    )
    assert coverage_table(project, "widgets").splitlines()[:4] == [
        "| Binding | Java | Python |",
        "| --- | :---: | :---: |",
        "| `widgets/widgetIn` | ✓ | ✓ |",
        "| `widgets/widgetOut` | n/a | ✓ |",
    ]


@pytest.mark.parametrize("table", [bindings_table, coverage_table])
def test_an_unknown_extension_names_the_known_ones(project: Project, table: object) -> None:
    assert callable(table)
    with pytest.raises(NotFoundError) as caught:
        table(project, "widget")
    assert caught.value.render() == "no extension 'widget' (did you mean 'widgets'? extensions: 'widgets')"


def test_extensions_overview_lists_every_extension_with_its_title_and_link(
    make_project: ProjectFactory,
) -> None:
    gadget = WIDGET_OUT_DEFINITION.replace('"widgetOut"', '"gadgetOut"').replace(
        "Widget output", "Gadget output"
    )
    settings = '\n[tool.bindref.extensions.widgets]\ntitle = "Widgets | all"\n'
    project = make_project(
        {"binding_defs/gadgets/gadget.py": gadget, "docs/widgets/index.md": "# Widgets\n"},
        pyproject=PYPROJECT + settings,
    )
    assert extensions_table(project, "guides/home.md") == (
        "| Extension | Bindings |\n"
        "| --- | --- |\n"
        "| gadgets | Gadget output binding (`gadgetOut`) |\n"
        "| [Widgets \\| all](../widgets/index.md) | Widget input binding (`widgetIn`) |"
    )
