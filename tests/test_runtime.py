"""runtime(...): what an extension does beyond the declared signature, rendered and validated.

Inputs are the widget fixture with one runtime() record added in code; the SDK check's side
is in test_check_sdk.py.
"""

from __future__ import annotations

import pytest

from bindref.core.errors import BindrefError, BindrefErrors
from bindref.core.model import DefaultValue, LanguageParameter, RuntimeKind
from bindref.export.learn import render_learn_page
from bindref.languages import Language
from bindref.render.macros import PageMacros
from conftest import WIDGET_DEFINITION, ProjectFactory

DEF_PATH = "binding_defs/widgets/widget.py"
MAX_SIZE = 'param(default=8 * 1024, languages={"java": lang(name="maxLength")})'
IMPORTS = "from bindref.spec import binding, code, example, lang, no_example, param"


def with_max_size(replacement: str) -> str:
    """The widget definition with ``max_size = <replacement>`` and runtime imported."""
    return WIDGET_DEFINITION.replace(MAX_SIZE, replacement).replace(IMPORTS, IMPORTS + ", runtime")


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


REQUIRED = 'runtime(required=True, reason="It throws.", source="src/Widget.cs:L9")'
DEFAULT = 'runtime(default=100, reason="The host reads its own.", source="src/Widget.cs:L3-L5")'
IGNORED = 'runtime(ignored=True, reason="Only Size is read.", source="src/Widget.cs:L1")'

# (case, runtime call, language, requirement cell, sentence the description cell ends with)
RENDER_CASES = [
    (
        "required",
        REQUIRED,
        Language.CSHARP_ISOLATED,
        "Required",
        "Required in practice: declared optional with the default `8192`, but the extension rejects "
        "an empty value. It throws.",
    ),
    ("required", REQUIRED, Language.CSHARP_INPROCESS, "Required", "rejects an empty value. It throws."),
    ("required", REQUIRED, Language.JAVA, "Required", "with the default `8192`, but the extension"),
    ("required", REQUIRED, Language.PYTHON, "Required", "rejects an empty value. It throws."),
    ("required", REQUIRED, Language.JAVASCRIPT, "Required", "rejects an empty value. It throws."),
    ("required", REQUIRED, Language.POWERSHELL, "Required", "rejects an empty value. It throws."),
    (
        "default",
        DEFAULT,
        Language.CSHARP_ISOLATED,
        "Optional, default `100`",
        "The declared default `8192` does not apply. The host reads its own.",
    ),
    (
        "default",
        DEFAULT,
        Language.JAVA,
        "Optional, default `100`",
        "The declared default `8192` does not apply.",
    ),
    ("default", DEFAULT, Language.PYTHON, "Optional, default `100`", "The host reads its own."),
    ("default", DEFAULT, Language.TYPESCRIPT, "Optional, default `100`", "The host reads its own."),
    ("default", DEFAULT, Language.POWERSHELL, "Optional, default `100`", "The host reads its own."),
    (
        "ignored",
        IGNORED,
        Language.JAVA,
        "Optional, default `8192`",
        "Has no effect: the extension never reads it. Only Size is read.",
    ),
    ("ignored", IGNORED, Language.CSHARP_INPROCESS, "Optional, default `8192`", "Only Size is read."),
    ("ignored", IGNORED, Language.PYTHON, "Optional, default `8192`", "Has no effect"),
    ("ignored", IGNORED, Language.POWERSHELL, "Optional, default `8192`", "Has no effect"),
]


@pytest.mark.parametrize(
    ("record", "language", "requirement", "sentence"),
    [case[1:] for case in RENDER_CASES],
    ids=[f"{case[0]}-{case[2].value}" for case in RENDER_CASES],
)
def test_each_runtime_kind_renders_in_each_language_table(
    make_project: ProjectFactory, record: str, language: Language, requirement: str, sentence: str
) -> None:
    definition = with_max_size(MAX_SIZE.replace(")})", f")}}, runtime={record})"))
    project = make_project(definition=definition)
    binding = project.binding("widgetIn")
    table = project.renderer.parameter_table(binding, language)
    spelled = next(p for p in binding.parameters if p.canonical == "max_size").by_language[language]
    assert isinstance(spelled, LanguageParameter)
    row = next(line for line in table.splitlines() if line.startswith(f"| `{spelled.name}` |"))
    cells = [cell.strip() for cell in row.strip("|").split(" | ")]
    assert cells[2] == requirement
    assert cells[3].startswith("The largest widget, in bytes.<br><br>")
    assert sentence in cells[3]


def test_declared_values_are_kept_beside_the_effective_ones(make_project: ProjectFactory) -> None:
    definition = with_max_size(
        'param(default=8 * 1024, languages={"java": lang(name="maxLength", runtime=' + DEFAULT + ")})"
    )
    binding = make_project(definition=definition).binding("widgetIn")
    max_size = next(p for p in binding.parameters if p.canonical == "max_size")
    java = max_size.by_language[Language.JAVA]
    python = max_size.by_language[Language.PYTHON]
    assert isinstance(java, LanguageParameter)
    assert isinstance(python, LanguageParameter)
    assert java.runtime is not None
    assert (java.runtime.kind, java.runtime.source) == (RuntimeKind.DEFAULT, "src/Widget.cs:L3-L5")
    assert java.runtime.location.line == line_of(definition, "runtime(default=100")
    assert (java.default, java.declared_default) == (DefaultValue(source="100"), DefaultValue(source="8192"))
    assert python.runtime is None  # lang(runtime=...) is that language's only
    assert python.declared_default == python.default


def test_lang_runtime_replaces_the_param_runtime_in_its_language(make_project: ProjectFactory) -> None:
    definition = with_max_size(
        'param(default=8 * 1024, languages={"java": lang(name="maxLength", runtime='
        + IGNORED
        + ")}, runtime="
        + REQUIRED
        + ")"
    )
    max_size = next(
        p
        for p in make_project(definition=definition).binding("widgetIn").parameters
        if p.canonical == "max_size"
    )
    kinds = {
        lang: spelled.runtime.kind
        for lang, spelled in max_size.by_language.items()
        if isinstance(spelled, LanguageParameter) and spelled.runtime
    }
    assert kinds[Language.JAVA] is RuntimeKind.IGNORED
    assert {kind for lang, kind in kinds.items() if lang is not Language.JAVA} == {RuntimeKind.REQUIRED}


def test_payload_table_and_learn_payload_section_show_the_runtime(make_project: ProjectFactory) -> None:
    definition = with_max_size(MAX_SIZE) + (
        '\n    request_id: str = param(default="", payload=True, runtime='
        'runtime(required=True, reason="It throws.", source="src/Widget.cs:L9"))\n'
        '    """The request to send."""\n'
    )
    project = make_project(definition=definition)
    tabs = PageMacros(project).binding_payload("widgetIn", csharp="WidgetRequest")
    assert (
        "| `RequestId` | `string` | Required | The request to send.<br><br>Required in practice: declared "
        'optional with the default `""`, but the extension rejects an empty value. It throws. |'
    ) in tabs
    page = render_learn_page(project, project.binding("widgetIn"))
    payload = page.split("## Payload", 1)[1].split("## Usage", 1)[0]
    assert "| `RequestId` | `string` | Required |" in payload
    assert "| `requestId` | `str` | Required |" in payload


def test_learn_page_without_payload_fields_has_no_payload_section(make_project: ProjectFactory) -> None:
    project = make_project()
    assert "## Payload" not in render_learn_page(project, project.binding("widgetIn"))


def problems_of(make_project: ProjectFactory, definition: str) -> list[str]:
    try:
        project = make_project(definition=definition)
        problems = [e for errors in project.catalog().problems.values() for e in errors]
    except BindrefError as error:
        problems = list(error.errors if isinstance(error, BindrefErrors) else (error,))
    return [e.render() for e in problems]


HINT_SOURCE = "add source='src/WebJobs.Extensions.OpenAI/Assistants/AssistantService.cs:L139'"
# (case, max_size replacement, the text of the line the error is at, the expected error after path:line)
BAD_CASES = [
    (
        "no-reason",
        'param(default=1, runtime=runtime(required=True, source="src/A.cs:L1"))',
        "runtime(required=True",
        "runtime() of 'max_size' has no reason (add reason='...': the sentence the page shows and the "
        "check reports)",
    ),
    (
        "no-source",
        'param(default=1, runtime=runtime(required=True, reason="It throws."))',
        "runtime(required=True",
        f"runtime() of 'max_size' has no source ({HINT_SOURCE})",
    ),
    (
        "source-without-line",
        'param(default=1, runtime=runtime(ignored=True, reason="No.", source="src/A.cs"))',
        "runtime(ignored=True",
        "runtime() source 'src/A.cs' of 'max_size' is not 'path:L<line>' (write a path relative to the "
        "extension's source root and a line, such as "
        "source='src/WebJobs.Extensions.OpenAI/Assistants/AssistantService.cs:L139')",
    ),
    (
        "no-kind",
        'param(default=1, runtime=runtime(reason="No.", source="src/A.cs:L1"))',
        "runtime(reason=",
        "runtime() of 'max_size' sets none of its kinds (set exactly one of required=True, default=... "
        "or ignored=True)",
    ),
    (
        "two-kinds",
        'param(default=1, runtime=runtime(required=True, ignored=True, reason="No.", source="a.cs:L1"))',
        "runtime(required=True",
        "runtime() of 'max_size' sets more than one of its kinds (set exactly one of required=True, "
        "default=... or ignored=True)",
    ),
    (
        "already-required",
        'param(required=True, languages={"java": lang(runtime=runtime(required=True, reason="x", '
        'source="a.cs:L1"))})',
        "runtime(required=True",
        "runtime(required=True) of 'maxSize' in 'java': the SDK already declares it required (remove "
        "the runtime() call, or set it in the languages whose SDK declares it optional)",
    ),
    (
        "same-default",
        'param(default=1, languages={"python": lang(runtime=runtime(default=1, reason="x", '
        'source="a.cs:L1"))})',
        "runtime(default=1",
        "runtime(default=...) of 'max_size' in 'python': the parameter is already declared with that "
        "default (give the value that applies at run time where it differs from the SDK's literal)",
    ),
    (
        "unknown-language-key",
        'param(default=1, languages={"jav": lang(runtime=runtime(ignored=True, reason="x", '
        'source="a.cs:L1"))})',
        "max_size:",
        "unknown language key 'jav' in languages (did you mean 'java'?",
    ),
    (
        "not-a-runtime",
        'param(default=1, runtime="required")',
        "max_size:",
        "param(): runtime must be runtime(...) or None (not 'required')",
    ),
]


@pytest.mark.parametrize(
    ("replacement", "at", "expected"), [c[1:] for c in BAD_CASES], ids=[c[0] for c in BAD_CASES]
)
def test_bad_runtime_records_are_errors_at_their_line(
    make_project: ProjectFactory, replacement: str, at: str, expected: str
) -> None:
    definition = with_max_size(replacement)
    problems = problems_of(make_project, definition)
    prefix = f"{DEF_PATH}:{line_of(definition, at)}: "
    assert any(p.startswith(prefix + expected) for p in problems), problems
