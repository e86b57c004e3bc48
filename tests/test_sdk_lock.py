"""The SDK lock: ``bindref sdk lock`` records the SDK text, ``bindref check`` reports changes since."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from bindref.check import sdk as sdk_check
from bindref.check.context import CheckContext, CheckOptions
from bindref.check.sdk_lock import check_sdk_lock
from bindref.check.sdk_lock_file import LockedParameter, LockedSurface, SdkLock, render_lock
from bindref.cli.main import main
from bindref.languages import Language
from bindref.render.project import Project
from bindref.sdk.provenance import source_provenance
from bindref.sdk.python import FUNCTION_APP, read_python_sdk
from conftest import WIDGET_DEFINITION, ProjectFactory, dedent, write_files

LOCK = "binding_defs/widgets/sdk.lock.json"
DEF_PATH = "binding_defs/widgets/widget.py"

# The widget binding (tests/conftest.py) as each SDK declares it, with its own doc comments.
PYTHON_SDK = dedent(
    '''\
    class BindingApi:
        def widget_input(self, arg_name: str, widget_id: str, max_size: int = 8 * 1024,
                         chat_model: str = Models.Default, ai_connection_name: str = "",
                         data_type=None, **kwargs):
            """Read a widget.

            :param arg_name: The variable name.
            :param widget_id: The widget to read.
            :param max_size: The largest widget.
            """
    '''
)
CSHARP_SDK = dedent(
    """\
    namespace Microsoft.Azure.Functions.Worker.Extensions.Widgets;

    public sealed class WidgetInputAttribute : InputBindingAttribute
    {
        public WidgetInputAttribute(string widgetId) { this.WidgetId = widgetId; }
        /// <summary>The widget to read.</summary>
        public string WidgetId { get; }
        /// <summary>The largest widget, in bytes.</summary>
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
        /** The widget to read. */
        String widgetId();
        /**
         * The largest widget.
         * @return the size
         */
        int maxLength() default 8 * 1024;
        String chatModel() default "gpt-4";
        String aiConnectionName() default "";
    }
    """
)
SDKS = {
    "sdk/py/" + FUNCTION_APP: PYTHON_SDK,
    "sdk/cs/WidgetInput.cs": CSHARP_SDK,
    "sdk/java/WidgetInput.java": JAVA_SDK,
}
SOURCES = ["--sdk-source", "csharp=sdk/cs", "--sdk-source", "java=sdk/java"]

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def widget(make_project: ProjectFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """The widget project with its SDKs under ``sdk/``; the Python one stands for azure-functions."""
    project = make_project(SDKS)
    monkeypatch.setattr(sdk_check, "read_python_sdk", lambda **_: read_python_sdk([str(tmp_path / "sdk/py")]))
    monkeypatch.chdir(tmp_path)  # --sdk-source folders are relative to where bindref runs
    return project


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    def run_main(*args: str) -> tuple[int, str, str]:
        code = main(["--root", str(tmp_path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run_main


def lock_findings(run: Run, *args: str) -> list[str]:
    """The BR42x lines of a full ``bindref check`` report (the rest of the widget checks clean)."""
    code, out, _ = run("check", *args)
    assert code == 0, out
    return [line for line in out.splitlines() if "[BR42" in line]


def edit(tmp_path: Path, relative: str, old: str, new: str) -> None:
    path = tmp_path / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_no_lock_is_a_note_that_names_the_command(widget: Project, run: Run) -> None:
    assert lock_findings(run, *SOURCES) == [
        f"{LOCK}: [BR421] no SDK lock for extension 'widgets' "
        "(create it with 'bindref sdk lock --extension widgets' once the SDK check is clean)"
    ]


def test_lock_records_every_sdk_and_check_leaves_it_byte_identical(
    widget: Project, run: Run, tmp_path: Path
) -> None:
    code, out, _ = run("sdk", "lock", *SOURCES)
    assert (code, out) == (
        0,
        f"{LOCK}: written (csharp checkout at unknown; java checkout at unknown; python azure-functions "
        f"{json.loads((tmp_path / LOCK).read_text())['sdks']['python'][0]['version']})\n",
    )
    lock = tmp_path / LOCK
    before, stat = lock.read_bytes(), lock.stat()
    assert lock_findings(run, *SOURCES) == []
    assert (lock.read_bytes(), lock.stat().st_mtime_ns) == (before, stat.st_mtime_ns)
    code, out, _ = run("sdk", "lock", *SOURCES)
    assert (code, out.split(" (")[0]) == (0, f"{LOCK}: up to date")
    assert lock.stat().st_mtime_ns == stat.st_mtime_ns  # an unchanged lock is not rewritten
    data = json.loads(before)
    assert sorted(data["bindings"]["widgets/widgetIn"]) == ["csharp_isolated", "java", "python"]
    assert data["bindings"]["widgets/widgetIn"]["java"]["parameters"]["maxLength"] == {
        "type": "int",
        "required": False,
        "default": "8 * 1024",
        "doc": "The largest widget.",
        "doc_sha256": hashlib.sha256(b"The largest widget.").hexdigest(),
    }
    assert before.endswith(b"}\n")


MAX_SIZE = line_of(WIDGET_DEFINITION, "max_size:")
WIDGET_ID = line_of(WIDGET_DEFINITION, "widget_id:")
BINDING = line_of(WIDGET_DEFINITION, "@binding(")
REFRESH = "review the definition against it, then run 'bindref sdk lock --extension widgets'"

# One change in a copy of an SDK source, and what `bindref check` reports against the lock.
CHANGES: Mapping[str, tuple[str, str, str, list[str]]] = {
    "java doc comment": (
        "sdk/java/WidgetInput.java",
        "* The largest widget.",
        "* The largest widget, in kilobytes.",
        [
            f"{DEF_PATH}:{MAX_SIZE}: [BR428] doc comment of java 'WidgetInput' element 'maxLength' changed "
            'since the lock: was "The largest widget." now "The largest widget, in kilobytes." (check that '
            "the definition's description still holds, then run 'bindref sdk lock --extension widgets')"
        ],
    ),
    "java default": (
        "sdk/java/WidgetInput.java",
        "default 8 * 1024;",
        "default 4096;",
        [
            f"{DEF_PATH}:{MAX_SIZE}: [BR427] java 'WidgetInput' element 'maxLength' changed since the lock: "
            f"default was 8 * 1024, now 4096 ({REFRESH})"
        ],
    ),
    "csharp doc comment and type": (
        "sdk/cs/WidgetInput.cs",
        "/// <summary>The largest widget, in bytes.</summary>\n    public int MaxSize",
        "/// <summary>The largest widget, in <c>KiB</c>.</summary>\n    public long MaxSize",
        [
            f"{DEF_PATH}:{MAX_SIZE}: [BR427] csharp_isolated 'WidgetInput' parameter 'MaxSize' changed since "
            f'the lock: type was "int", now "long" ({REFRESH})',
            f"{DEF_PATH}:{MAX_SIZE}: [BR428] doc comment of csharp_isolated 'WidgetInput' parameter "
            "'MaxSize' changed since the lock: was \"The largest widget, in bytes.\" now "
            '"The largest widget, in KiB." '
            "(check that the definition's description still holds, then run 'bindref sdk lock --extension "
            "widgets')",
        ],
    ),
    "python docstring removed": (
        "sdk/py/" + FUNCTION_APP,
        "        :param widget_id: The widget to read.\n",
        "",
        [
            f"{DEF_PATH}:{WIDGET_ID}: [BR428] doc comment of python 'widget_input' parameter 'widget_id' "
            'changed since the lock: was "The widget to read." now (none) (check that the definition\'s '
            "description still holds, then run 'bindref sdk lock --extension widgets')"
        ],
    ),
    "python parameter added": (
        "sdk/py/" + FUNCTION_APP,
        "data_type=None,",
        "data_type=None, region: str = 'west',",
        [
            f"{DEF_PATH}:{BINDING}: [BR424] python 'widget_input' has parameter 'region' that the lock does "
            f"not record (type \"str\", optional, default 'west', documented as (none); {REFRESH})"
        ],
    ),
    "java element removed": (
        "sdk/java/WidgetInput.java",
        '    String chatModel() default "gpt-4";\n',
        "",
        [
            f"{DEF_PATH}:{line_of(WIDGET_DEFINITION, 'chat_model:')}: [BR425] java 'WidgetInput' no longer "
            f'has element \'chatModel\' (the lock records it as type "String", optional, default "gpt-4"; '
            f"{REFRESH})"
        ],
    ),
    "java element renamed": (
        "sdk/java/WidgetInput.java",
        "String widgetId();",
        "String widgetIds();",
        [
            f"{DEF_PATH}:{WIDGET_ID}: [BR426] java 'WidgetInput' renamed element 'widgetId' to 'widgetIds' "
            f"since the lock ({REFRESH})"
        ],
    ),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_change_in_an_sdk_source_is_reported_against_the_lock_until_refreshed(
    change: str, widget: Project, run: Run, tmp_path: Path
) -> None:
    path, old, new, expected = CHANGES[change]
    assert run("sdk", "lock", *SOURCES)[0] == 0
    locked = (tmp_path / LOCK).read_bytes()
    edit(tmp_path, path, old, new)
    code, out, _ = run("check", *SOURCES)
    assert [line for line in out.splitlines() if "[BR42" in line] == expected
    assert (tmp_path / LOCK).read_bytes() == locked  # the check never writes the lock
    assert run("sdk", "lock", *SOURCES)[1].split(" (")[0] == f"{LOCK}: written"
    assert [line for line in run("check", *SOURCES)[1].splitlines() if "[BR42" in line] == []
    del code  # the SDK comparison's own findings (BR40x) decide it; the lock's are warnings


def test_an_sdk_in_the_lock_that_this_run_does_not_read_is_reported_not_compared(
    widget: Project, run: Run, tmp_path: Path
) -> None:
    assert run("sdk", "lock", *SOURCES)[0] == 0
    text = (tmp_path / LOCK).read_text(encoding="utf-8")
    csharp = line_of(text, '    "csharp": [')
    assert lock_findings(run, "--sdk-source", "java=sdk/java") == [
        f"{LOCK}:{csharp}: [BR422] the csharp SDK recorded in the lock is not compared in this run "
        "(its changes since the lock are unknown; give its sources or do not turn it off)"
    ]
    code, out, _ = run("sdk", "lock", "--sdk-source", "java=sdk/java")
    assert code == 0
    assert out.splitlines()[1:] == ["  kept from the previous lock, not compared in this run: csharp"]
    assert (tmp_path / LOCK).read_text(encoding="utf-8") == text  # the C# review is not forgotten


def test_a_checkout_at_another_commit_is_a_version_note(widget: Project, run: Run, tmp_path: Path) -> None:
    write_files(tmp_path, {"sdk/java/.git/HEAD": "ref: refs/heads/main\n", "sdk/java/.git/packed-refs": ""})
    write_files(tmp_path, {"sdk/java/.git/refs/heads/main": "a" * 40 + "\n"})
    assert run("sdk", "lock", *SOURCES)[0] == 0
    write_files(tmp_path, {"sdk/java/.git/refs/heads/main": "b" * 40 + "\n"})
    text = (tmp_path / LOCK).read_text(encoding="utf-8")
    java = line_of(text, '    "java": [')
    assert lock_findings(run, *SOURCES) == [
        f"{LOCK}:{java}: [BR423] java SDK is checkout at {'b' * 40}, the lock "
        f"records checkout at {'a' * 40} (the changes it brings are listed as BR424-BR428; after review run "
        "'bindref sdk lock --extension widgets')"
    ]


def test_a_broken_lock_is_a_located_usage_error(widget: Project, run: Run, tmp_path: Path) -> None:
    write_files(tmp_path, {LOCK: '{\n  "format": 1,\n  "bindings": \n}\n'})
    code, _, err = run("check", *SOURCES)
    assert code == 2
    assert err.splitlines()[0] == (
        f"{LOCK}:4: cannot read the SDK lock: Expecting value (restore it from version control, or delete "
        "it and run 'bindref sdk lock')"
    )


def test_the_lock_format_is_stable_sorted_json() -> None:
    parameter = LockedParameter(type="int", required=False, default="8", doc="Größe.")
    lock = SdkLock(
        extension="widgets",
        sdks={"java": ({"kind": "maven", "coordinate": "g:a:1"},)},
        bindings={"widgets/w": {Language.JAVA: LockedSurface(symbol="W", parameters={"size": parameter})}},
    )
    text = render_lock(lock)
    assert text.endswith("}\n")
    assert list(json.loads(text)) == ["_comment", "bindings", "extension", "format", "sdks"]
    assert '"doc": "Größe."' in text
    assert render_lock(lock) == text


def test_with_no_sdk_declaring_a_binding_there_is_nothing_to_lock(
    make_project: ProjectFactory, monkeypatch: pytest.MonkeyPatch, run: Run, tmp_path: Path
) -> None:
    monkeypatch.setattr(sdk_check, "read_python_sdk", lambda **_: None)
    project = make_project()
    context = CheckContext(project=project, catalog=project.catalog(), options=CheckOptions(python_sdk=False))
    assert check_sdk_lock(context) == []  # no note asking for a lock that would hold nothing
    code, out, _ = run("sdk", "lock", "--no-python-sdk")
    assert (code, out) == (
        0,
        f"{LOCK}: nothing to lock (no SDK of this run declares a binding of 'widgets')\n",
    )
    assert not (tmp_path / LOCK).exists()


def test_a_doc_text_edited_by_hand_is_caught_by_its_fingerprint(
    widget: Project, run: Run, tmp_path: Path
) -> None:
    assert run("sdk", "lock", *SOURCES)[0] == 0
    edit(tmp_path, LOCK, '"doc": "The largest widget."', '"doc": "The biggest widget."')
    code, _, err = run("check", *SOURCES)
    assert (code, err.splitlines()[0]) == (
        2,
        f"{LOCK}: cannot read the SDK lock: the doc text of 'maxLength' does not match its doc_sha256 "
        "(edited by hand?) (restore it from version control, or delete it and run 'bindref sdk lock')",
    )


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"src/.git/HEAD": "c" * 40}, "c" * 40),
        (
            {
                "src/.git/HEAD": "ref: refs/heads/dev",
                "src/.git/packed-refs": f"# pack\n{'d' * 40} refs/heads/dev",
            },
            "d" * 40,
        ),
        (
            {
                "src/.git": "gitdir: ../main/.git/worktrees/src",
                "main/.git/worktrees/src/HEAD": "ref: refs/heads/topic",
                "main/.git/worktrees/src/commondir": "../..",
                "main/.git/refs/heads/topic": "e" * 40,
            },
            "e" * 40,
        ),
        ({"src/Widget.java": ""}, "unknown"),
    ],
    ids=["detached", "packed branch", "linked worktree", "no checkout"],
)
def test_a_checkout_is_recorded_by_its_commit(
    files: Mapping[str, str], expected: str, tmp_path: Path
) -> None:
    write_files(tmp_path / "sdks", files)
    provenance = source_provenance(tmp_path / "sdks/src", outside=tmp_path / "project")
    assert provenance == {"kind": "checkout", "commit": expected}


def test_a_sources_jar_is_recorded_by_its_maven_coordinate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BINDREF_MAVEN_REPO", str(tmp_path / "m2"))
    jar = tmp_path / "m2/com/example/functions/widget-lib/1.2.0/widget-lib-1.2.0-sources.jar"
    write_files(
        tmp_path, {"m2/com/example/functions/widget-lib/1.2.0/widget-lib-1.2.0-sources.jar": "", "x.jar": ""}
    )
    assert source_provenance(jar, outside=tmp_path) == {
        "kind": "maven",
        "coordinate": "com.example.functions:widget-lib:1.2.0",
    }
    assert source_provenance(tmp_path / "x.jar", outside=tmp_path) == {"kind": "jar", "file": "x.jar"}
