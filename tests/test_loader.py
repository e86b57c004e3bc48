"""The loader reads definitions statically and reports every problem with path:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindref.core.errors import BindrefError, BindrefErrors, DefinitionError
from bindref.core.model import DefaultValue, LanguageParameter
from bindref.languages import Language
from conftest import WIDGET_DEFINITION, ProjectFactory

DEF_PATH = "binding_defs/widgets/widget.py"


def problems_of(make_project: ProjectFactory, definition: str) -> list[str]:
    """The definition problems, raised or (for an extension's own files) kept by the catalog."""
    project = make_project(definition=definition)
    try:
        problems = [e for errors in project.catalog().problems.values() for e in errors]
    except BindrefError as error:
        problems = list(error.errors if isinstance(error, BindrefErrors) else (error,))
    assert problems, "the definition was expected to have problems"
    return [e.render() for e in problems]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_definition_is_never_executed(make_project: ProjectFactory, tmp_path: Path) -> None:
    marker = tmp_path / "executed.txt"
    definition = WIDGET_DEFINITION.replace(
        "from dataclasses import dataclass\n",
        f"from dataclasses import dataclass\nopen({str(marker)!r}, 'w').write('ran')\n",
    )
    catalog = make_project(definition=definition).catalog()
    assert "widgets/widgetIn" in catalog.bindings
    assert not marker.exists()


def test_loads_widget_with_per_language_spelling(make_project: ProjectFactory) -> None:
    binding = make_project().binding("widgets/widgetIn")
    spelled = {
        lang: [p.name for p in binding.parameters_for(lang)]
        for lang in (Language.CSHARP_ISOLATED, Language.JAVA, Language.PYTHON, Language.POWERSHELL)
    }
    assert spelled == {
        Language.CSHARP_ISOLATED: ["WidgetId", "MaxSize", "ChatModel", "AIConnectionName"],
        Language.JAVA: ["widgetId", "maxLength", "chatModel", "aiConnectionName"],
        Language.PYTHON: ["widget_id", "max_size", "chat_model", "ai_connection_name"],
        Language.POWERSHELL: ["widgetId", "maxSize", "chatModel", "aiConnectionName"],
    }


def test_defaults_types_and_notes_per_language(make_project: ProjectFactory) -> None:
    binding = make_project().binding("widgetIn")  # bare type works when unique
    chat = binding.parameters[2].by_language
    isolated, python, java = (
        chat[lang] for lang in (Language.CSHARP_ISOLATED, Language.PYTHON, Language.JAVA)
    )
    assert isinstance(isolated, LanguageParameter)
    assert isinstance(python, LanguageParameter)
    assert isinstance(java, LanguageParameter)
    assert (isolated.type, isolated.default and isolated.default.source, isolated.note) == (
        "string?",
        "null",
        "Null means gpt-4.",
    )
    assert python.default == DefaultValue(source="Models.Default")
    assert java.default == DefaultValue(source='"gpt-4"')
    size = binding.parameters[1].by_language[Language.JAVASCRIPT]
    assert isinstance(size, LanguageParameter)
    assert (size.type, size.default and size.default.source) == ("number", "8192")


def test_parameter_references_follow_each_language(make_project: ProjectFactory) -> None:
    binding = make_project().binding("widgets/widgetIn")
    descriptions = {
        lang: binding.parameters_for(lang)[0].description for lang in (Language.JAVA, Language.PYTHON)
    }
    assert descriptions == {
        Language.JAVA: "The widget to read. See `maxLength`.",
        Language.PYTHON: "The widget to read. See `max_size`.",
    }


def test_syntax_error_names_file_and_line(make_project: ProjectFactory) -> None:
    broken = WIDGET_DEFINITION.replace("class Widget:", "class Widget(:")
    assert problems_of(make_project, broken) == [
        f"{DEF_PATH}:{line_of(broken, 'class Widget(:')}: syntax error: invalid syntax "
        "(column 14: a definition must be valid Python)"
    ]


def test_all_problems_reported_in_one_pass(make_project: ProjectFactory) -> None:
    broken = (
        WIDGET_DEFINITION.replace(
            'param(default="", names={"csharp"', 'param(default=os.getenv("X"), names={"csharp"'
        )
        .replace('"java": lang(name="maxLength")', '"javaa": lang(name="maxLength")')
        .replace('    """The largest widget, in bytes."""\n', "")
        .replace('names={"csharp": "AIConnectionName"}', 'names={"csharp": "ChatModel"}')
    )
    problems = problems_of(make_project, broken)
    assert problems == [
        f"{DEF_PATH}:{line_of(broken, 'max_size: int')}: parameter 'max_size' has no docstring "
        "(add a string literal on the line after the field; it is the description)",
        f"{DEF_PATH}:{line_of(broken, 'max_size: int')}: unknown language key 'javaa' in languages "
        "(did you mean 'java'? language keys: 'csharp', 'csharp_inprocess', 'csharp_isolated', "
        "'java', 'javascript', 'node', 'powershell', 'python', 'typescript')",
        f"{DEF_PATH}:{line_of(broken, 'os.getenv')}: call of 'os.getenv' is not allowed in a "
        "definition (bindref.spec helpers: 'code', 'example', 'lang', 'no_example', 'param', 'runtime')",
    ]


def test_two_parameters_with_one_name_in_a_language(make_project: ProjectFactory) -> None:
    broken = WIDGET_DEFINITION.replace(
        'names={"csharp": "AIConnectionName"}', 'names={"csharp": "ChatModel"}'
    )
    line = line_of(broken, "ai_connection_name: str")
    first = line_of(broken, "chat_model: str")
    assert problems_of(make_project, broken) == [
        f"{DEF_PATH}:{line}: parameter 'ai_connection_name' is spelled 'ChatModel' in '{lang}', "
        f"like parameter 'chat_model' (line {first}) "
        "(rename one, or give a different name with names={...})"
        for lang in ("csharp_inprocess", "csharp_isolated")
    ]


def test_parameter_clashing_with_a_profile_extra(make_project: ProjectFactory) -> None:
    broken = WIDGET_DEFINITION.replace("widget_id: str", "arg_name: str")
    assert problems_of(make_project, broken) == [
        f"{DEF_PATH}:{line_of(broken, 'arg_name: str')}: parameter 'arg_name' is spelled 'arg_name' "
        "in 'python', like the Python profile's own 'arg_name' "
        "(rename one, or give a different name with names={...})"
    ]


def test_unknown_reference_in_description(make_project: ProjectFactory) -> None:
    broken = WIDGET_DEFINITION.replace("See [[max_size]]", "See [[max_sise]]")
    assert problems_of(make_project, broken) == [
        f"{DEF_PATH}:{line_of(broken, 'widget_id: str')}: description of 'widget_id' refers to unknown "
        "parameter [[max_sise]] (did you mean 'max_size'? parameters: 'ai_connection_name', "
        "'chat_model', 'max_size', 'widget_id')"
    ]


def test_missing_language_name_and_bad_direction(make_project: ProjectFactory) -> None:
    broken = WIDGET_DEFINITION.replace('        "java": "WidgetInput",\n', "").replace(
        'direction="in"', 'direction="inn"'
    )
    line = line_of(broken, "@binding(")
    assert problems_of(make_project, broken) == [
        f"{DEF_PATH}:{line}: unknown direction 'inn' (did you mean 'in'? directions: 'in', 'out', 'trigger')"
    ]
    broken = WIDGET_DEFINITION.replace('        "java": "WidgetInput",\n', "")
    assert problems_of(make_project, broken) == [
        f"{DEF_PATH}:{line}: binding() names has no entry for 'java' "
        "(give the Java name, or list it in unavailable= with a reason)"
    ]


def test_unknown_helper_and_unknown_argument(make_project: ProjectFactory) -> None:
    broken = WIDGET_DEFINITION.replace('lang(name="maxLength")', 'lang(nam="maxLength")').replace(
        'code("Models.Default")', 'kode("Models.Default")'
    )
    problems = problems_of(make_project, broken)
    assert problems == [
        f"{DEF_PATH}:{line_of(broken, 'nam=')}: lang(): got an unexpected keyword argument 'nam' "
        "(lang() accepts: name, type, default, required, available, reason, note, accepted, settable, "
        "runtime)",
        f"{DEF_PATH}:{line_of(broken, 'kode(')}: call of 'kode' is not allowed in a definition "
        "(did you mean 'code'? bindref.spec helpers: 'code', 'example', 'lang', 'no_example', 'param', "
        "'runtime')",
    ]


def test_binding_without_docstring_and_unknown_option(make_project: ProjectFactory) -> None:
    broken = WIDGET_DEFINITION.replace('    """Reads a widget."""\n', "").replace(
        'title="Widget input binding",', 'title="Widget input binding",\n    tittle="x",'
    )
    assert problems_of(make_project, broken) == [
        f"{DEF_PATH}:{line_of(broken, 'tittle=')}: unknown binding() argument 'tittle' "
        "(did you mean 'title'? binding() accepts: 'constructors', 'direction', 'examples', 'key', "
        "'names', 'payload_types', 'title', 'type', 'unavailable', 'usage')",
        f"{DEF_PATH}:{line_of(broken, 'class Widget:')}: binding class 'Widget' has no docstring "
        "(its docstring is the binding's summary on the page)",
    ]


def test_errors_across_files_are_all_reported(make_project: ProjectFactory) -> None:
    project = make_project({"binding_defs/widgets/other.py": "x = (\n"})
    (project.settings.root / DEF_PATH).write_text("def f(:\n", encoding="utf-8")
    problems = project.catalog().problems["widgets"]  # the extension's, kept: others still render
    assert [e.render() for e in problems] == [
        "binding_defs/widgets/other.py:1: syntax error: '(' was never closed "
        "(column 5: a definition must be valid Python)",
        f"{DEF_PATH}:1: syntax error: invalid syntax (column 7: a definition must be valid Python)",
    ]
    with pytest.raises(BindrefErrors) as caught:
        project.binding("widgets/widgetIn")
    assert caught.value.exit_code == 3


def test_binding_outside_an_extension_folder(make_project: ProjectFactory) -> None:
    project = make_project({"binding_defs/loose.py": WIDGET_DEFINITION}, definition=None)
    with pytest.raises(DefinitionError) as caught:
        project.catalog()
    assert caught.value.render() == (
        f"binding_defs/loose.py:{line_of(WIDGET_DEFINITION, 'class Widget:')}: binding 'Widget' is not "
        "inside an extension folder (move it to binding_defs/<extension>/<binding>.py)"
    )


def test_catalog_reloads_when_a_definition_changes(make_project: ProjectFactory) -> None:
    project = make_project()
    first = project.catalog()
    assert project.catalog() is first  # unchanged files: cached
    path = project.settings.root / DEF_PATH
    path.write_text(
        WIDGET_DEFINITION.replace("The widget to read.", "The widget to fetch."), encoding="utf-8"
    )
    assert project.binding("widgetIn").parameters[0].description.startswith("The widget to read.")
    project.refresh()  # once per build or check: stats the definition files
    changed = project.binding("widgetIn")
    assert changed.parameters[0].description.startswith("The widget to fetch.")


SHARED = '''\
"""Shared options."""

from dataclasses import dataclass

from bindref.spec import lang, param

REASON = "Isolated worker only."
ALIAS = REASON


@dataclass(frozen=True, kw_only=True)
class Options:
    """Shared options."""

    level: int = param(default=1)
    """The level."""

    mode: str = param(default="fast")
    """The mode."""
'''


def test_base_classes_and_constants_from_other_modules(make_project: ProjectFactory) -> None:
    definition = (
        WIDGET_DEFINITION.replace(
            "from bindref.spec import",
            "from binding_defs.widgets._shared import ALIAS, Options\nfrom bindref.spec import",
        )
        .replace(
            'no_example("csharp_inprocess", "Isolated worker only.")', 'no_example("csharp_inprocess", ALIAS)'
        )
        .replace("class Widget:", "class Widget(Options):")
        + '\n    mode: str = param(default="slow")\n    """The mode, slower here."""\n'
    )
    project = make_project({"binding_defs/widgets/_shared.py": SHARED}, definition=definition)
    binding = project.binding("widgetIn")
    # the binding's own fields first (a redeclared one in its own place), then the inherited ones
    assert [p.canonical for p in binding.parameters] == [
        "widget_id",
        "max_size",
        "chat_model",
        "ai_connection_name",
        "mode",
        "level",
    ]
    mode = binding.parameters[4]
    assert mode.description == "The mode, slower here."
    assert mode.location.path == DEF_PATH  # the redeclared field, in the subclass's file
    assert binding.parameters[5].location.path == "binding_defs/widgets/_shared.py"
    assert binding.no_examples[Language.CSHARP_INPROCESS].reason == "Isolated worker only."
    # required parameters come first in every table
    assert [p.name for p in binding.parameters_for(Language.JAVA)][:2] == ["widgetId", "maxLength"]


def test_unknown_constant_base_and_circular_constant(make_project: ProjectFactory) -> None:
    broken = (
        WIDGET_DEFINITION.replace("class Widget:", "class Widget(Missing):")
        .replace(
            'no_example("csharp_inprocess", "Isolated worker only.")', 'no_example("csharp_inprocess", LOOP)'
        )
        .replace("@binding(", "LOOP = LOOP\n\n\n@binding(", 1)
    )
    problems = problems_of(make_project, broken)
    assert problems == [
        f"{DEF_PATH}:{line_of(broken, 'LOOP = LOOP')}: constant 'LOOP' refers to itself "
        "(give it a literal value in one module, and import it from there)",
        f"{DEF_PATH}:{line_of(broken, 'class Widget(Missing)')}: base class 'Missing' is not defined in "
        "binding_defs (import it from a module in binding_defs, or define it in this file)",
    ]


def test_an_override_for_a_language_that_only_leaves_out_is_an_error(make_project: ProjectFactory) -> None:
    broken = WIDGET_DEFINITION.replace(
        'languages={"java": lang(name="maxLength")}',
        'only=("java",), languages={"java": lang(name="maxLength"), "python": lang(default=1)}',
    )
    assert problems_of(make_project, broken) == [
        f"{DEF_PATH}:{line_of(broken, 'max_size: int')}: languages['python'] of parameter 'max_size' is for "
        "a language it does not have (only= leaves out python: remove the entry, or add it to only=)"
    ]


def test_equal_spellings_are_one_object_and_the_table_stays_small(monkeypatch: pytest.MonkeyPatch) -> None:
    from bindref.definitions import spellings  # noqa: PLC0415  # its private tables, for this test only

    first = spellings.format_default(8192, Language.PYTHON)
    assert first == DefaultValue(source="8192")
    assert spellings.format_default(8192, Language.PYTHON) is first  # pickled and held once
    assert spellings.format_default(True, Language.PYTHON) != spellings.format_default(1, Language.PYTHON)
    monkeypatch.setattr(spellings, "_SHARED", {})
    monkeypatch.setattr(spellings, "_DEFAULTS", {})
    monkeypatch.setattr(spellings, "_SHARED_MAX", 3)
    for value in range(10):
        spellings.format_default(value, Language.PYTHON)
    assert len(spellings._SHARED) <= 4
    assert len(spellings._DEFAULTS) <= 4
