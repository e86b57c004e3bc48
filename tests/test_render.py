"""The renderer: template lookup order, strict templates, code injection, lookups."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bindref.core.errors import BindrefError, NotFoundError, TemplateError
from bindref.languages import Language
from bindref.render.codeblocks import CodeBlock, fence_for, file_name, inject_code
from bindref.render.macros import PageMacros
from bindref.render.project import Project
from bindref.samples.regions import Snippet
from conftest import WIDGET_DEFINITION, ProjectFactory


def test_project_override_wins_over_packaged_language_template(make_project: ProjectFactory) -> None:
    override = (
        '{% extends "site/_default/parameter_table.md.j2" %}\n'
        "{% block intro %}Custom intro for {{ binding_name }}.{% endblock %}\n"
    )
    project = make_project({"docs/overrides/bindref/site/python/parameter_table.md.j2": override})
    table = project.renderer.parameter_table(project.binding("widgetIn"), Language.PYTHON)
    assert table.startswith("Custom intro for widget_input.\n\n| Parameter |")
    java = project.renderer.parameter_table(project.binding("widgetIn"), Language.JAVA)
    assert java.startswith("Apply the `@WidgetInput` annotation")


def test_undefined_variable_in_a_template_names_its_line(make_project: ProjectFactory) -> None:
    override = "{#- context: rows -#}\n\n{{ rows }}\n{{ no_such_value }}\n"
    project = make_project({"docs/overrides/bindref/site/_default/parameter_table.md.j2": override})
    with pytest.raises(TemplateError) as caught:
        project.renderer.parameter_table(project.binding("widgetIn"), Language.JAVA)
    assert caught.value.render() == (
        "docs/overrides/bindref/site/_default/parameter_table.md.j2:4: template uses an undefined value: "
        "'no_such_value' is undefined (variables available here: binding, binding_name, kind, "
        "named_by_helper, placement, profile, rows, symbol, unavailable)"
    )


def test_template_syntax_error_names_its_line(make_project: ProjectFactory) -> None:
    project = make_project({"docs/overrides/bindref/site/_default/tabs.md.j2": "ok\n{% for x in %}\n"})
    with pytest.raises(TemplateError) as caught:
        project.renderer.reference(project.binding("widgetIn"))
    assert caught.value.render().startswith(
        "docs/overrides/bindref/site/_default/tabs.md.j2:2: template syntax error:"
    )


def test_inject_code_indents_to_the_token_and_never_evaluates() -> None:
    snippet = Snippet(path="s.py", region=None, code="x = '{{ y }}'\n\n    z", start_line=1, end_line=3)
    block = CodeBlock(
        snippet=snippet, fence="python", title="s.py", url="", slot="\u27e6bindref-code-0\u27e7"
    )
    text = '=== "Python"\n\n    ```python\n    \u27e6bindref-code-0\u27e7\n    ```'
    assert (
        inject_code(text, [block])
        == "=== \"Python\"\n\n    ```python\n    x = '{{ y }}'\n\n        z\n    ```"
    )


def test_missing_example_is_an_error_not_an_empty_tab(make_project: ProjectFactory) -> None:
    definition = WIDGET_DEFINITION.replace(
        '        example("java", "widgets/Widget.java", region="widget"),\n', ""
    )
    project = make_project(definition=definition)
    with pytest.raises(NotFoundError) as caught:
        project.renderer.examples(project.binding("widgetIn"))
    line = next(n for n, text in enumerate(definition.splitlines(), 1) if text.startswith("@binding("))
    assert caught.value.render() == (
        f"binding_defs/widgets/widget.py:{line}: binding 'widgets/widgetIn' has no example for 'java' "
        "(add example('java', ...) or no_example('java', reason))"
    )


def test_unknown_binding_and_language(make_project: ProjectFactory) -> None:
    project = make_project()
    with pytest.raises(BindrefError) as caught:
        project.binding("widgets/widgetInn")
    assert caught.value.render() == (
        "no binding 'widgets/widgetInn' (did you mean 'widgets/widgetIn'? bindings: 'widgets/widgetIn')"
    )
    with pytest.raises(BindrefError) as caught:
        project.language("pyton")
    assert caught.value.render().startswith("unknown language 'pyton' (did you mean 'python'?")


def test_disabled_languages_are_left_out(make_project: ProjectFactory) -> None:
    pyproject = "[tool.bindref]\nlanguages = ['python', 'java']\n"
    project = make_project(pyproject=pyproject)
    reference = project.renderer.reference(project.binding("widgetIn"))
    assert [line for line in reference.splitlines() if line.startswith("=== ")] == [
        '=== "Java"',
        '=== "Python"',
    ]
    with pytest.raises(NotFoundError, match="language 'powershell' is not enabled"):
        project.renderer.parameter_table(project.binding("widgetIn"), Language.POWERSHELL)


def test_unavailable_parameter_is_explained_under_the_table(make_project: ProjectFactory) -> None:
    definition = WIDGET_DEFINITION.replace(
        'languages={"java": lang(name="maxLength")}',
        'languages={"java": lang(available=False, reason="Java reads the whole widget.")}',
    )
    project = make_project(definition=definition)
    table = project.renderer.parameter_table(project.binding("widgetIn"), Language.JAVA)
    # no row for max_size under any spelling (maxLength, maxSize, max_size), and the reason below
    assert table == (
        "Apply the `@WidgetInput` annotation to a function parameter. It supports these elements:\n"
        "\n"
        "| Element | Type | Required / default | Description |\n"
        "| --- | --- | --- | --- |\n"
        "| `name` | `String` | Required | The name of the function parameter that receives the binding value."
        " |\n"
        "| `widgetId` | `String` | Required | The widget to read. See `max_size`. |\n"
        '| `chatModel` | `String` | Optional, default `"gpt-4"` | The model. |\n'
        '| `aiConnectionName` | `String` | Optional, default `""` | The AI connection \\| with a pipe. |\n'
        "\n"
        "`maxSize` is not available in Java: Java reads the whole widget."
    )
    # the other languages keep the parameter
    python = project.renderer.parameter_table(project.binding("widgetIn"), Language.PYTHON)
    assert "| `max_size` | `int` | Optional, default `8192` | The largest widget, in bytes. |" in python


def test_payload_fields_get_their_own_table(make_project: ProjectFactory) -> None:
    definition = WIDGET_DEFINITION + (
        '\n    request_id: str = param(required=True, payload=True)\n    """The request to send."""\n'
    )
    project = make_project(definition=definition)
    binding = project.binding("widgetIn")
    assert [p.canonical for p in binding.parameters_for(Language.PYTHON)] == [
        "widget_id",
        "max_size",
        "chat_model",
        "ai_connection_name",
    ]
    assert [p.name for p in binding.payload_for(Language.PYTHON)] == ["requestId"]  # a JSON key
    assert [p.name for p in binding.payload_for(Language.CSHARP_ISOLATED)] == ["RequestId"]
    tabs = PageMacros(project).binding_payload("widgetIn", csharp="WidgetRequest")
    assert '=== "C#"\n\n    `WidgetRequest` has these properties:' in tabs
    assert "| `requestId` | `string` | Required | The request to send. |" in tabs


def test_binding_payload_without_payload_fields_is_an_error(make_project: ProjectFactory) -> None:
    project = make_project()
    with pytest.raises(NotFoundError, match="binding 'widgets/widgetIn' declares no payload"):
        PageMacros(project).binding_payload("widgetIn")


def test_definition_prose_shows_html_as_text_and_keeps_code(make_project: ProjectFactory) -> None:
    definition = WIDGET_DEFINITION.replace(
        '"python": "A JSON string."', '"python": "A <script>x</script> string, or `<T>`."'
    ).replace('"""Reads a widget."""', '"""Reads a <b>widget</b>, as `Widget<T>`."""')
    project = make_project(definition=definition)
    usage = project.renderer.usage(project.binding("widgetIn"))
    assert usage.endswith('=== "Python"\n\n    A &lt;script&gt;x&lt;/script&gt; string, or `<T>`.')
    summary = PageMacros(project).binding_summary("widgetIn")
    assert summary == "Reads a &lt;b&gt;widget&lt;/b&gt;, as `Widget<T>`."


@given(st.text(alphabet="ab./_-", max_size=12), st.sampled_from(["", ".cs", ".JSON", ".ps1", "/", "/."]))
def test_file_name_and_fence_read_a_path_as_pathlib_does(path: str, ending: str) -> None:
    fences = {".cs": "csharp", ".json": "json", ".ps1": "powershell"}  # the suffixes drawn here
    assert file_name(path + ending) == PurePosixPath(path + ending).name
    assert fence_for(path + ending) == fences.get(PurePosixPath(path + ending).suffix.lower(), "text")


def _count_compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates jinja2 compiles from now on."""
    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *args: Any) -> Any:
        compiled.append(str(name))
        return compile_template(self, source, name, *args)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return compiled


def test_a_template_is_compiled_once_per_process_and_again_when_edited(
    make_project: ProjectFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    override = "docs/overrides/bindref/site/_default/not_available.md.j2"
    project = make_project({override: "first {{ reason }}\n"})
    assert project.renderer.render_template("not_available.md.j2", None, reason="r") == "first r"
    compiled = _count_compiles(monkeypatch)
    again = Project.at(project.settings.root)
    assert again.renderer.render_template("not_available.md.j2", None, reason="r") == "first r"
    assert compiled == []
    (project.settings.root / override).write_text("second {{ reason }}\n", encoding="utf-8")
    edited = Project.at(project.settings.root)
    assert edited.renderer.render_template("not_available.md.j2", None, reason="r") == "second r"
    assert compiled == ["site/_default/not_available.md.j2"]


def test_prepared_templates_are_compiled_before_any_render(
    make_project: ProjectFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(
        {"docs/overrides/bindref/site/_default/not_available.md.j2": "prepared {{ reason }}\n"}
    )
    templates = project.renderer.templates
    templates.prepare("site", project.settings.languages)
    compiled = _count_compiles(monkeypatch)
    monkeypatch.setattr(jinja2.Environment, "select_template", lambda *_: pytest.fail("selected again"))
    assert project.renderer.render_template("not_available.md.j2", Language.JAVA, reason="r") == "prepared r"
    project.renderer.reference(project.binding("widgetIn"))
    assert compiled == []


def test_a_broken_template_is_left_by_prepare_for_render_to_report(make_project: ProjectFactory) -> None:
    project = make_project({"docs/overrides/bindref/site/_default/tabs.md.j2": "ok\n{% for x in %}\n"})
    project.renderer.templates.prepare("site", project.settings.languages)  # says nothing
    with pytest.raises(TemplateError) as caught:
        project.renderer.reference(project.binding("widgetIn"))
    assert caught.value.render().startswith(
        "docs/overrides/bindref/site/_default/tabs.md.j2:2: template syntax error:"
    )
