"""Every generated declaration, verified: Python on a real FunctionApp, all read back, C# against its SDK.

The cases are discovered from the repository's definitions (a new extension adds its own):
each binding's Python decorator call decorates a function on a real
``azure.functions.FunctionApp``, and the binding that ``get_function_json()`` writes must be the
generated ``function.json`` entry; every language's declaration is read back by the samples
check's tree-sitter reader and argument checker; a C# attribute is compared with the SDK's
attribute where the extension's settings give its C# sources. TypeScript, JavaScript and Java
compile in ``nox -s samples``. Seeded wrong names must fail with the definition's line.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from bindref.check.declarations import code_of, declaration_problems, declarations
from bindref.core.config import load_settings
from bindref.core.model import Binding, LanguageParameter, Parameter
from bindref.languages import (
    Direction,
    Language,
    camel_case,
    languages_of_sdk,
    languages_of_syntax,
    snake_case,
)
from bindref.render.project import Project
from bindref.sdk.csharp import read_csharp_sources
from conftest import REPO_ROOT, copy_extension, dedent, write_files

functions = pytest.importorskip("azure.functions", reason="pip install -e '.[test]' installs azure-functions")

PYTHON = languages_of_sdk("python")
CSHARP = languages_of_sdk("csharp")
(FUNCTION_JSON,) = languages_of_syntax("function.json")


def repository_cases() -> list[object]:
    project = Project(load_settings(REPO_ROOT))
    return [
        pytest.param(binding, language, markdown, id=f"{binding.key}/{language.value}")
        for binding, language, markdown in declarations(project)
    ]


CASES = repository_cases()


def python_function_json(binding: Binding, decorator: str) -> list[dict[str, object]]:
    """The bindings a real FunctionApp writes for one function declared with ``decorator``."""
    lines = [
        "import azure.functions as func",
        "app = func.FunctionApp()",
        "@app.function_name(name='declared')",
    ]
    if binding.direction is not Direction.TRIGGER:
        lines.append("@app.route(route='declared')")  # an input or output binding needs a trigger
    lines += [decorator.rstrip("\n"), "def declared(*args, **kwargs):", "    return None"]
    namespace: dict[str, object] = {}
    source = compile("\n".join(lines), f"<python declaration of {binding.key}>", "exec")
    exec(source, namespace)  # noqa: S102  # the generated declaration, run against the real SDK
    app = namespace["app"]
    (function,) = app.get_functions()  # type: ignore[attr-defined]  # a FunctionApp
    found: list[dict[str, object]] = json.loads(function.get_function_json())["bindings"]
    return found


def python_mismatches(binding: Binding, python: str, function_json: str) -> list[str]:
    """How the FunctionApp's binding differs from the function.json declaration, at the definition."""
    ours = json.loads(code_of(function_json))
    written = [
        b for b in python_function_json(binding, code_of(python)) if b.get("type") == binding.type_name
    ]
    if len(written) != 1:
        return [f"{binding.location}: the decorator wrote {len(written)} '{binding.type_name}' bindings"]
    (theirs,) = written

    def comparable(entry: dict[str, object]) -> dict[str, object]:
        rest = {key: value for key, value in entry.items() if key != "name"}  # each language spells it
        return {**rest, "direction": str(entry.get("direction", "")).lower()}

    expected, actual = comparable(ours), comparable(theirs)
    defaults = python_defaults(binding)
    problems = []
    for key in sorted(expected.keys() | actual.keys()):
        if key not in expected and key in defaults and defaults[key] in (actual[key], UNREADABLE):
            continue  # the decorator writes its own default of a parameter the declaration leaves out
        if expected.get(key) != actual.get(key):
            line = next((p.location for p in binding.parameters if key in json_keys(p)), binding.location)
            problems.append(
                f"{line}: '{key}': function.json declaration has {expected.get(key)!r}, "
                f"the Python decorator writes {actual.get(key)!r}"
            )
    return problems


def json_keys(parameter: Parameter) -> set[str]:
    """The function.json keys a parameter may write: each language's spelling, in camelCase."""
    return {
        camel_case(snake_case(s.name))
        for s in parameter.by_language.values()
        if isinstance(s, LanguageParameter)
    }


UNREADABLE = object()  # a default written as code (OpenAIModels.DefaultChatModel)


def python_defaults(binding: Binding) -> dict[str, object]:
    """The defaults of the definition's Python parameters, by the function.json key they write."""
    found: dict[str, object] = {}
    for parameter in binding.parameters:
        python, key = parameter.by_language.get(Language.PYTHON), parameter.by_language.get(FUNCTION_JSON)
        if isinstance(python, LanguageParameter) and isinstance(key, LanguageParameter) and python.default:
            try:
                found[key.name] = ast.literal_eval(python.default.source)
            except (ValueError, SyntaxError):
                found[key.name] = UNREADABLE
    return found


def declaration(project: Project, key: str, language: Language) -> str:
    return project.renderer.declaration(project.binding(key), language)


@pytest.mark.parametrize(("binding", "language", "markdown"), [c for c in CASES if c.values[1] in PYTHON])  # type: ignore[attr-defined]
def test_python_declaration_writes_the_function_json_declaration(
    binding: Binding, language: Language, markdown: str
) -> None:
    if not binding.is_available(FUNCTION_JSON):
        pytest.fail(f"{binding.location}: no function.json declaration to compare the Python one with")
    project = Project(load_settings(REPO_ROOT))
    assert python_mismatches(binding, markdown, declaration(project, binding.key, FUNCTION_JSON)) == []


@pytest.mark.parametrize(("binding", "language", "markdown"), CASES)
def test_declaration_reads_back_as_the_binding_with_its_required_arguments(
    binding: Binding, language: Language, markdown: str
) -> None:
    assert [str(problem) for problem in declaration_problems(binding, language, markdown)] == []


@pytest.mark.parametrize(("binding", "language", "markdown"), [c for c in CASES if c.values[1] in CSHARP])  # type: ignore[attr-defined]
def test_csharp_declaration_names_only_sdk_members(
    binding: Binding, language: Language, markdown: str
) -> None:
    settings = load_settings(REPO_ROOT)
    written = settings.extension(binding.extension).csharp_sources
    if not written:
        pytest.skip(
            f"extension '{binding.extension}' sets no csharp_sources: compared with its definition only"
        )
    surfaces = read_csharp_sources(settings.root / written)
    surface = surfaces.get(language, {}).get(binding.names[language])
    assert surface is not None, f"{binding.location}: no '{binding.names[language]}' attribute in {written}"
    assert [str(problem) for problem in declaration_problems(binding, language, markdown, surface)] == []


def test_every_python_and_csharp_case_is_discovered() -> None:
    """The repository's bindings all have cases: discovery found the definitions."""
    project = Project(load_settings(REPO_ROOT))
    keys = {c.values[0].key for c in CASES}  # type: ignore[attr-defined]
    assert keys == set(project.catalog().bindings)


# -- seeded faults -------------------------------------------------------------------------

SQL_INPUT = "binding_defs/sql/input.py"
COMMAND_TYPE = """            "python": lang(type="str | None"),"""


def seeded(tmp_path: Path, old: str, new: str) -> Project:
    root = copy_extension(tmp_path, "sql")
    path = root / SQL_INPUT
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the seeded edit needs {old!r} in {SQL_INPUT}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return Project(load_settings(root))


def line_of(project: Project, text: str) -> int:
    lines = (project.settings.root / SQL_INPUT).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_a_wrong_python_name_fails_at_the_definition_line(tmp_path: Path) -> None:
    project = seeded(
        tmp_path, COMMAND_TYPE, """            "python": lang(type="str | None", name="command_typ"),"""
    )
    binding = project.binding("sql/input")
    python = declaration(project, "sql/input", Language.PYTHON)
    line = line_of(project, "command_type: str = param(")
    # The decorator writes its own default under the right key, and the seeded name beside it.
    assert python_mismatches(binding, python, declaration(project, "sql/input", FUNCTION_JSON)) == [
        f"{SQL_INPUT}:{line}: 'commandTyp': function.json declaration has None, "
        "the Python decorator writes 'Text'",
    ]


SQL_ATTRIBUTE = """\
namespace Microsoft.Azure.Functions.Worker.Extensions.Sql
{
    public sealed class SqlInputAttribute : InputBindingAttribute
    {
        public SqlInputAttribute(
            string commandText, string connectionStringSetting,
            CommandType commandType = CommandType.Text, string parameters = null)
        {
        }

        public SqlInputAttribute(string commandText, string connectionStringSetting)
        {
        }

        public string CommandText { get; }
        public string ConnectionStringSetting { get; }
        public CommandType CommandType { get; }
        public string Parameters { get; }
    }
}
"""


def test_a_wrong_csharp_name_fails_against_the_sdk_at_the_definition_line(tmp_path: Path) -> None:
    project = seeded(
        tmp_path,
        """            "csharp": lang(type="CommandType", default=code("CommandType.Text")),""",
        """            "csharp": lang(type="CommandType", default=code("CommandType.Text"), settable=True),
            "csharp_isolated": lang(name="Kind", settable=True),""",
    )
    write_files(tmp_path / "sdk", {"SqlInputAttribute.cs": SQL_ATTRIBUTE})
    surface = read_csharp_sources(tmp_path / "sdk")[Language.CSHARP_ISOLATED]["SqlInput"]
    binding = project.binding("sql/input")
    markdown = declaration(project, "sql/input", Language.CSHARP_ISOLATED)
    assert code_of(markdown) == '[SqlInput("<COMMAND_TEXT>", "SqlConnectionString", Kind = "Text")]\n'
    line = line_of(project, "command_type: str = param(")
    assert [
        str(problem) for problem in declaration_problems(binding, Language.CSHARP_ISOLATED, markdown, surface)
    ] == [
        f"{SQL_INPUT}:{line}: csharp_isolated declaration of 'sql/input' passes 'Kind', which the SDK's "
        "'SqlInput' does not have (parameters: CommandText, CommandType, ConnectionStringSetting, Parameters "
        "(SqlInputAttribute.cs:3))"
    ]


def test_a_parameter_marked_shown_is_declared_with_its_example_in_every_language(tmp_path: Path) -> None:
    project = seeded(
        tmp_path,
        """    parameters: str | None = param(
        languages=""",
        """    parameters: str | None = param(
        shown=True,
        example="@Id={id}",
        languages=""",
    )
    binding = project.binding("sql/input")
    python = declaration(project, "sql/input", Language.PYTHON)
    assert code_of(python) == dedent(
        """\
        @app.sql_input(
            arg_name="sql_input",
            command_text="<COMMAND_TEXT>",
            connection_string_setting="SqlConnectionString",
            command_type="Text",
            parameters="@Id={id}",
        )
        """
    )
    assert code_of(declaration(project, "sql/input", Language.CSHARP_ISOLATED)) == (
        '[SqlInput("<COMMAND_TEXT>", "SqlConnectionString", CommandType.Text, "@Id={id}")]\n'
    )
    assert python_mismatches(binding, python, declaration(project, "sql/input", FUNCTION_JSON)) == []
