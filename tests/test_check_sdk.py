"""Definitions are compared with the SDKs' own declarations: BR401-BR407 at the definition."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest

from bindref.check import sdk as sdk_check
from bindref.check import sdk_inputs
from bindref.check.context import CheckContext, CheckOptions
from bindref.check.findings import Finding
from bindref.check.sdk import check_sdks
from bindref.check.sdk_inputs import require_sdks
from bindref.cli.main import main
from bindref.core.errors import ConfigError
from bindref.render.project import Project
from bindref.sdk.defaults import same_default
from bindref.sdk.python import FUNCTION_APP, read_python_sdk
from bindref.sdk.python_bindings import DECORATORS
from bindref.sdk.sources import SdkSurface
from conftest import REPO_ROOT, WIDGET_DEFINITION, ProjectFactory, copy_extension, dedent, write_files

ASSISTANT_POST = REPO_ROOT / "binding_defs/openai/assistant_post.py"
DEF_PATH = "binding_defs/widgets/widget.py"

# The widget binding (tests/conftest.py) as each SDK declares it, with no drift.
PYTHON_SDK = dedent(
    """\
    class BindingApi:
        def widget_input(self, arg_name: str, widget_id: str, max_size: int = 8 * 1024,
                         chat_model: str = Models.Default, ai_connection_name: str = "",
                         data_type=None, **kwargs):
            pass
    """
)
CSHARP_SDK = dedent(
    """\
    namespace Microsoft.Azure.Functions.Worker.Extensions.Widgets;

    public sealed class WidgetInputAttribute : InputBindingAttribute
    {
        public WidgetInputAttribute(string widgetId) { this.WidgetId = widgetId; }
        public string WidgetId { get; }
        public int MaxSize { get; set; } = 8192;
        public string? ChatModel { get; set; }
        public string AIConnectionName { get; set; } = string.Empty;
    }
    """
)
JAVA_SDK = dedent(
    """\
    public @interface WidgetInput {
        String name();
        String widgetId();
        int maxLength() default 8 * 1024;
        String chatModel() default "gpt-4";
        String aiConnectionName() default "";
    }
    """
)
IN_PROCESS_SDK = dedent(
    """\
    namespace Microsoft.Azure.WebJobs.Extensions.Widgets
    {
        public sealed class WidgetAttribute : Attribute
        {
            public WidgetAttribute(string widgetId) { this.WidgetId = widgetId; }
            public string WidgetId { get; }
            public int MaxSize { get; set; } = 8192;
            public string ChatModel { get; set; } = "gpt-4";
            public string AIConnectionName { get; set; } = "";
        }
    }
    """
)

Check = Callable[..., list[str]]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def context_for(
    project: Project, sources: Mapping[str, Path] | None = None, python: bool = True
) -> CheckContext:
    options = CheckOptions(sdk_sources={"": dict(sources or {})}, python_sdk=python)
    return CheckContext(project=project, catalog=project.catalog(), options=options)


def rendered(findings: Sequence[Finding]) -> list[str]:
    return [f.render() for f in findings]


@pytest.fixture
def run_check(
    make_project: ProjectFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., list[str]]:
    """Check the widget (or ``definition``) against SDKs written from text."""

    def run(
        *,
        definition: str = WIDGET_DEFINITION,
        python: str | None = PYTHON_SDK,
        isolated: str = CSHARP_SDK,
        in_process: str = IN_PROCESS_SDK,
        java: str = JAVA_SDK,
        python_classes: str = "",
    ) -> list[str]:
        write_files(
            tmp_path,
            {
                "sdk/cs/WidgetInput.cs": isolated,
                "sdk/cs/Widget.cs": in_process,
                "sdk/java/WidgetInput.java": java,
            },
        )
        if python is not None:
            write_files(tmp_path, {f"sdk/py/{FUNCTION_APP}": python})
        if python_classes:
            write_files(tmp_path, {f"sdk/py/{DECORATORS}/widget.py": python_classes})
        fake = [str(tmp_path / "sdk/py")]
        monkeypatch.setattr(sdk_check, "read_python_sdk", lambda **_: read_python_sdk(fake))
        sources = {"csharp": tmp_path / "sdk/cs", "java": tmp_path / "sdk/java"}
        return rendered(check_sdks(context_for(make_project(definition=definition), sources)))

    return run


def test_real_assistant_post_matches_installed_azure_functions(tmp_path: Path) -> None:
    findings = check_sdks(context_for(Project.at(copy_extension(tmp_path, "openai"))))
    assert [f for f in findings if f.path == "binding_defs/openai/assistant_post.py"] == []


def copy_of_assistant_post(make_project: ProjectFactory, text: str) -> list[str]:
    shared = (REPO_ROOT / "binding_defs/openai/_shared.py").read_text(encoding="utf-8")
    files = {"binding_defs/openai/assistant_post.py": text, "binding_defs/openai/_shared.py": shared}
    project = make_project(files, definition=None)
    return rendered(check_sdks(context_for(project)))


def test_extra_field_in_real_definition_is_br402(make_project: ProjectFactory) -> None:
    text = ASSISTANT_POST.read_text(encoding="utf-8") + (
        '\n    model: str = param(default="")\n    """The deprecated model name."""\n'
    )
    line = line_of(text, "    model: str")
    assert copy_of_assistant_post(make_project, text) == [
        f"binding_defs/openai/assistant_post.py:{line}: [BR402] 'model' is not a parameter of python "
        "'assistant_post_input' (the SDK has: 'arg_name', 'id', 'user_message', 'ai_connection_name', "
        "'chat_model', 'chat_storage_connection_setting', 'collection_name', 'temperature', 'top_p', "
        "'max_tokens', 'is_reasoning_model', 'data_type')"
    ]


def test_renamed_field_in_real_definition_is_one_br403(make_project: ProjectFactory) -> None:
    text = ASSISTANT_POST.read_text(encoding="utf-8").replace("user_message:", "user_msg:")
    line = line_of(text, "user_msg: str")
    assert copy_of_assistant_post(make_project, text) == [
        f"binding_defs/openai/assistant_post.py:{line}: [BR403] python 'assistant_post_input' spells it "
        "'user_message', the definition 'user_msg' "
        "(rename the field, or set names={'python': 'user_message'})"
    ]


def test_widget_matches_every_sdk(run_check: Check) -> None:
    assert run_check() == []


# The widget decorator building its binding class, as azure-functions writes it (our own words).
PYTHON_BUILDING = PYTHON_SDK.replace(
    "        pass\n", "        fb.add_binding(binding=WidgetInput(name=arg_name, widget_id=widget_id))\n"
)
PYTHON_CLASSES = dedent(
    """\
    WIDGET = "widgetIn"


    class WidgetInput(InputBinding):
        @staticmethod
        def get_binding_name() -> str:
            return WIDGET
    """
)


def test_type_and_direction_stated_by_every_sdk_that_states_them_match(run_check: Check) -> None:
    java = '@CustomBinding(direction = "in", type = "widgetIn")\n' + JAVA_SDK
    assert run_check(python=PYTHON_BUILDING, python_classes=PYTHON_CLASSES, java=java) == []


def test_type_and_direction_mismatches_name_the_sdk_value_and_where_it_is_read(run_check: Check) -> None:
    classes = PYTHON_CLASSES.replace('"widgetIn"', '"widget"')
    isolated = CSHARP_SDK.replace(": InputBindingAttribute", ": OutputBindingAttribute")
    java = 'import x;\n@CustomBinding(direction = "out", name = "", type = "widgets")\n' + JAVA_SDK
    at = f"{DEF_PATH}:{line_of(WIDGET_DEFINITION, '@binding(')}"
    assert run_check(python=PYTHON_BUILDING, python_classes=classes, isolated=isolated, java=java) == [
        f"{at}: [BR409] csharp_isolated 'WidgetInput' is an output binding, the definition says "
        "direction 'in' (read from : OutputBindingAttribute at WidgetInput.cs:3; set direction=\"out\")",
        f"{at}: [BR408] java 'WidgetInput' binds type 'widgets', the definition 'widgetIn' (read from "
        '@CustomBinding(direction = "out", name = "", type = "widgets") at WidgetInput.java:2; '
        'set type="widgets")',
        f"{at}: [BR409] java 'WidgetInput' is an output binding, the definition says direction 'in' "
        "(read from "
        '@CustomBinding(direction = "out", name = "", type = "widgets") at WidgetInput.java:2; '
        'set direction="out")',
        f"{at}: [BR408] python 'widget_input' binds type 'widget', the definition 'widgetIn' (read from "
        f'WidgetInput(InputBinding) at {DECORATORS}/widget.py:4; set type="widget")',
    ]


def test_java_in_allows_a_trigger_and_a_meta_annotation_states_for_the_annotation(run_check: Check) -> None:
    definition = WIDGET_DEFINITION.replace('direction="in"', 'direction="trigger"')
    java = (
        JAVA_SDK.replace("public @interface WidgetInput", "@WidgetBinding\npublic @interface WidgetInput")
        + '\n@CustomBinding(direction = "in", type = "widgetIn")\n@interface WidgetBinding {}\n'
    )
    assert run_check(definition=definition, java=java, python=None) == [
        f"{DEF_PATH}:{line_of(definition, '@binding(')}: [BR409] csharp_isolated 'WidgetInput' is an input "
        "binding, the definition says direction 'trigger' (read from : InputBindingAttribute at "
        'WidgetInput.cs:3; set direction="in")',
    ]
    wrong = java.replace('type = "widgetIn"', 'type = "gadget"')
    assert [f.split(" (")[0] for f in run_check(definition=definition, java=wrong, python=None)][1:] == [
        f"{DEF_PATH}:{line_of(definition, '@binding(')}: [BR408] java 'WidgetInput' binds type 'gadget', "
        "the definition 'widgetIn'"
    ]


def test_constructors_are_compared_with_every_public_constructor(run_check: Check) -> None:
    isolated = CSHARP_SDK.replace(
        "public string WidgetId { get; }",
        "public WidgetInputAttribute(string widgetId, int maxSize) { }\n    public string WidgetId { get; }",
    )
    assert run_check(isolated=isolated) == [
        f"{DEF_PATH}:{line_of(WIDGET_DEFINITION, '@binding(')}: [BR410] csharp_isolated 'WidgetInput' "
        "constructors differ from the definition's (WidgetId) (declared at WidgetInput.cs:3: "
        "WidgetInputAttribute(string widgetId, int maxSize); WidgetInputAttribute(string widgetId); "
        "set constructors= in binding() to match)"
    ]
    definition = WIDGET_DEFINITION.replace(
        'type="widgetIn",',
        'type="widgetIn", constructors={"csharp_isolated": [("widget_id", "max_size"), ("widget_id",)]},',
    )
    assert run_check(isolated=isolated, definition=definition) == []
    reordered = definition.replace('("widget_id", "max_size")', '("max_size", "widget_id")')
    assert [f.split(" (declared")[0] for f in run_check(isolated=isolated, definition=reordered)] == [
        f"{DEF_PATH}:{line_of(reordered, '@binding(')}: [BR410] csharp_isolated 'WidgetInput' constructors "
        "differ from the definition's (MaxSize, WidgetId); (WidgetId)"
    ]


def test_default_required_missing_and_renamed_in_source_checkouts(run_check: Check) -> None:
    in_process = (
        IN_PROCESS_SDK.replace("= 8192;", "= 4096;")
        .replace("AIConnectionName {", "AiConnectionName {")
        .replace("    }\n}", "        public string? Region { get; set; }\n    }\n}")
    )
    java = JAVA_SDK.replace("String widgetId();", 'String widgetId() default "";')
    widget, max_size, ai = (
        line_of(WIDGET_DEFINITION, n) for n in ("@binding(", "max_size:", "ai_connection")
    )
    assert run_check(in_process=in_process, java=java) == [
        f"{DEF_PATH}:{ai}: [BR403] csharp_inprocess 'Widget' spells it 'AiConnectionName', the definition "
        "'AIConnectionName' (rename the field, or set names={'csharp_inprocess': 'AiConnectionName'})",
        f"{DEF_PATH}:{widget}: [BR401] csharp_inprocess 'Widget' has parameter 'Region' that the definition "
        f"lacks (declared at Widget.cs:{line_of(in_process, 'Region')}; add a field for it)",
        f"{DEF_PATH}:{max_size}: [BR405] default of 'MaxSize' is 4096 in csharp_inprocess 'Widget' but 8192 "
        "in the definition (set languages={'csharp_inprocess': lang(default=...)})",
        f"{DEF_PATH}:{line_of(WIDGET_DEFINITION, 'widget_id:')}: [BR404] 'widgetId' is optional in java "
        "'WidgetInput' but required in the definition (set languages={'java': lang(required=False)})",
    ]


def test_accepted_difference_is_a_note_with_the_reason(run_check: Check) -> None:
    definition = WIDGET_DEFINITION.replace(
        'lang(name="maxLength")', 'lang(name="maxLength", accepted="Java keeps the 1.x default")'
    )
    java = JAVA_SDK.replace("default 8 * 1024;", "default 4096;")
    assert run_check(definition=definition, java=java) == [
        f"{DEF_PATH}:{line_of(definition, 'max_size:')}: [BR407] accepted: default of 'maxLength' is 4096 in "
        "java 'WidgetInput' but 8192 in the definition (Java keeps the 1.x default)"
    ]


def test_parameter_marked_unavailable_but_present_in_the_sdk(run_check: Check) -> None:
    definition = WIDGET_DEFINITION.replace(
        'names={"csharp": "AIConnectionName"}',
        'names={"csharp": "AIConnectionName"}, languages={"java": lang(available=False, reason="No.")}',
    )
    assert run_check(definition=definition) == [
        f"{DEF_PATH}:{line_of(definition, 'ai_connection_name:')}: [BR401] java 'WidgetInput' has parameter "
        "'aiConnectionName' that the definition marks unavailable (declared at WidgetInput.java:6; "
        "make it available)"
    ]


def test_missing_surface_names_the_closest(run_check: Check) -> None:
    python = PYTHON_SDK.replace("def widget_input(", "def widget_inputs(")
    assert run_check(python=python) == [
        f"{DEF_PATH}:{line_of(WIDGET_DEFINITION, '@binding(')}: [BR406] python SDK has no decorator "
        "'widget_input' (closest: 'widget_inputs')"
    ]


def test_profile_extras_are_compared_too(run_check: Check) -> None:
    java = JAVA_SDK.replace("String name();", "String bindingName();")
    assert run_check(java=java) == [
        f"{DEF_PATH}:{line_of(WIDGET_DEFINITION, '@binding(')}: [BR401] java 'WidgetInput' has parameter "
        "'bindingName' that the definition lacks (declared at WidgetInput.java:2; add a field for it)",
        f"{DEF_PATH}:{line_of(WIDGET_DEFINITION, '@binding(')}: [BR402] 'name' is not a parameter of java "
        "'WidgetInput' "
        "(the SDK has: 'bindingName', 'widgetId', 'maxLength', 'chatModel', 'aiConnectionName')",
    ]


def test_python_sdk_not_installed_is_a_usage_error_naming_the_install(
    make_project: ProjectFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sdk_inputs, "find_function_app", lambda: None)
    context = context_for(make_project())
    with pytest.raises(ConfigError) as caught:
        require_sdks(context.options)
    assert caught.value.exit_code == 2
    assert caught.value.render().startswith(
        "azure-functions is not installed, so the Python definitions cannot be compared with it "
        "(install it: pip install 'azure-functions=="
    )
    require_sdks(context_for(make_project(), python=False).options)  # turned off: nothing to require


def test_check_without_the_python_sdk_exits_2_unless_turned_off(
    make_project: ProjectFactory, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project()
    monkeypatch.setattr(sdk_inputs, "find_function_app", lambda: None)
    assert main(["--root", str(project.settings.root), "check"]) == 2
    err = capsys.readouterr().err
    assert "azure-functions is not installed" in err
    assert "or pass --no-python-sdk to skip the comparison" in err
    assert main(["--root", str(project.settings.root), "check", "--no-python-sdk"]) == 0
    assert capsys.readouterr().err == ""


def test_python_sdk_can_be_turned_off(make_project: ProjectFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(**_: object) -> Mapping[str, SdkSurface] | None:
        raise AssertionError("read although turned off")

    monkeypatch.setattr(sdk_check, "read_python_sdk", fail)
    assert check_sdks(context_for(make_project(), python=False)) == []


def test_unknown_source_language_is_a_usage_error(make_project: ProjectFactory, tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        check_sdks(context_for(make_project(), {"go": tmp_path}, python=False))
    assert caught.value.render() == "unknown --sdk-source language 'go' (valid: 'csharp', 'java')"


@pytest.mark.parametrize(
    ("definition", "sdk"),
    [
        ('"0.5"', "'0.5'"),
        ("8192", "8 * 1024"),
        ("False", "false"),
        ("None", "null"),
        (None, "None"),
        (None, "null"),
        ('""', "string.Empty"),
        ("100", "100L"),
        ("0.5", "0.5f"),
        ('"ab"', '"a" + "b"'),
        ("OpenAIModels.DefaultChatModel", "OpenAIModels.DefaultChatModel"),
        ("-1", "- 1"),
    ],
)
def test_same_default_across_languages(definition: str | None, sdk: str) -> None:
    assert same_default(definition, sdk)


@pytest.mark.parametrize(
    ("definition", "sdk"),
    [
        ('"100"', "100"),
        ("True", "1"),
        ("False", "0"),
        ('""', "null"),
        (None, '""'),
        ('"Models.Default"', "Models.Default"),
        ('"5f"', '"5"'),
        ("1", "1 / 0"),
        ("2", "2 ** 1"),
    ],
)
def test_different_defaults(definition: str | None, sdk: str) -> None:
    assert not same_default(definition, sdk)


def test_escapes_python_does_not_know_raise_no_warning() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert not same_default('"C:\\\\x"', '"C:\\d"')
    assert caught == []


def _with_runtime(record: str, where: str = "param") -> str:
    """The widget with one runtime() record on max_size: for every language, or Java's only."""
    max_size = 'param(default=8 * 1024, languages={"java": lang(name="maxLength")})'
    if where == "param":
        replacement = max_size.replace(")})", f")}}, runtime={record})")
    else:
        replacement = max_size.replace('lang(name="maxLength")', f'lang(name="maxLength", runtime={record})')
    imports = "from bindref.spec import binding, code, example, lang, no_example, param"
    return WIDGET_DEFINITION.replace(max_size, replacement).replace(imports, imports + ", runtime")


_SURFACES = (
    ("python", "'widget_input'", "max_size"),
    ("csharp_isolated", "'WidgetInput'", "MaxSize"),
    ("csharp_inprocess", "'Widget'", "MaxSize"),
    ("java", "'WidgetInput'", "maxLength"),
)
RUNTIME_NOTE_CASES = [
    (
        "required",
        'runtime(required=True, reason="It throws.", source="src/Widget.cs:L9")',
        "'{name}' is required in practice; {lang} {symbol} declares it optional (8192)",
        "It throws. Source: src/Widget.cs:L9",
    ),
    (
        "default",
        'runtime(default=100, reason="The host reads its own.", source="src/Widget.cs:L3-L5")',
        "default of '{name}' is 100 at run time; {lang} {symbol} declares 8192",
        "The host reads its own. Source: src/Widget.cs:L3-L5",
    ),
    (
        "ignored",
        'runtime(ignored=True, reason="Only Size is read.", source="src/Widget.cs:L1")',
        "'{name}' of {lang} {symbol} has no effect at run time",
        "Only Size is read. Source: src/Widget.cs:L1",
    ),
]


@pytest.mark.parametrize(
    ("record", "message", "hint"), [c[1:] for c in RUNTIME_NOTE_CASES], ids=[c[0] for c in RUNTIME_NOTE_CASES]
)
def test_runtime_difference_is_an_accepted_note_compared_by_declared_values(
    run_check: Check, record: str, message: str, hint: str
) -> None:
    definition = _with_runtime(record)
    line = line_of(definition, "runtime(")
    findings = run_check(definition=definition)
    # the SDKs declare max_size optional with 8192: no BR404 or BR405, one note per surface
    assert sorted(findings) == sorted(
        f"{DEF_PATH}:{line}: [BR407] accepted runtime difference: "
        + message.format(name=name, lang=lang, symbol=symbol)
        + f" ({hint})"
        for lang, symbol, name in _SURFACES
    )


def test_runtime_record_does_not_hide_a_wrong_declaration(run_check: Check) -> None:
    definition = _with_runtime(
        'runtime(default=100, reason="The host reads its own.", source="src/Widget.cs:L3")', where="java"
    )
    java = JAVA_SDK.replace("default 8 * 1024;", "default 2048;")
    findings = run_check(definition=definition, java=java)
    assert findings == [
        f"{DEF_PATH}:{line_of(definition, 'max_size:')}: [BR405] default of 'maxLength' is 2048 in java "
        "'WidgetInput' but 8192 in the definition (set languages={'java': lang(default=...)})",
        f"{DEF_PATH}:{line_of(definition, 'runtime(')}: [BR407] accepted runtime difference: default of "
        "'maxLength' is 100 at run time; java 'WidgetInput' declares 8192 (The host reads its own. Source: "
        "src/Widget.cs:L3)",
    ]


def test_runtime_source_setting_turns_the_source_into_a_link(
    make_project: ProjectFactory, tmp_path: Path
) -> None:
    pyproject = (
        '[project]\nname = "fixture"\n\n[tool.bindref]\n\n[tool.bindref.extensions.widgets]\n'
        'runtime_source = "https://example.test/ext/blob/abc123"\n'
    )
    definition = _with_runtime(
        'runtime(ignored=True, reason="Unread.", source="src/W.cs:L4-L6")', where="java"
    )
    write_files(tmp_path, {"sdk/java/WidgetInput.java": JAVA_SDK})
    project = make_project(definition=definition, pyproject=pyproject)
    findings = check_sdks(context_for(project, {"java": tmp_path / "sdk/java"}, python=False))
    assert [f.hint for f in findings] == [
        "Unread. Source: https://example.test/ext/blob/abc123/src/W.cs#L4-L6"
    ]


def test_the_installed_python_sdk_is_read_once_until_it_changes(
    make_project: ProjectFactory, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bindref.sdk import python as python_sdk  # noqa: PLC0415  # its griffe step, counted here

    if sdk_inputs.find_function_app() is None:
        pytest.skip("azure-functions is not installed")
    root = make_project().settings.root
    reads: list[str] = []
    griffe_read = python_sdk._read_function_app

    def counted(path: str, mtime_ns: int, size: int) -> Mapping[str, SdkSurface]:
        reads.append(path)
        griffe_read.cache_clear()  # as a new process would: no surfaces in memory
        return griffe_read(path, mtime_ns, size)

    monkeypatch.setattr(python_sdk, "_read_function_app", counted)
    check = ["--root", str(root), "check", "--no-java-sdk"]
    main(check)
    first = capsys.readouterr().out
    definition = root / "binding_defs/widgets/widget.py"
    definition.write_text(definition.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # no memo
    main(check)
    assert capsys.readouterr().out == first
    assert len(reads) == 1  # the second check took the package's surfaces from the cache
    monkeypatch.setattr(python_sdk, "package_files", lambda _: [definition])  # "another package"
    definition.write_text(definition.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    main(check)
    assert len(reads) == 2
