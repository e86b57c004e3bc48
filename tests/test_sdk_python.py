"""The installed azure-functions decorators are read statically, once per process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bindref.languages import Direction, Language
from bindref.sdk.python import FUNCTION_APP, find_function_app, read_python_sdk
from bindref.sdk.sources import SdkParameter
from conftest import REPO_ROOT, dedent, write_files

FAKE_FUNCTION_APP = dedent(
    """\
    from typing import Optional

    from .openai import OpenAIModels


    class TriggerApi:
        def widget_trigger(self, arg_name: str,
                           widget_id: str,
                           max_size: Optional[int] = 8 * 1024,
                           chat_model: Optional[str]
                           = OpenAIModels.DefaultChatModel,
                           *args, data_type=None, **kwargs):
            '''A trigger.'''

        def _configure(self, fb):
            pass


    class BindingApi:
        def widget_input(self, arg_name: str, name: str = 'AzureWebJobsStorage') -> None:
            pass

        def widget_trigger(self, other: str) -> None:
            pass


    class FunctionApp(TriggerApi, BindingApi):
        pass
    """
)


def fake_sdk(root: Path, text: str = FAKE_FUNCTION_APP) -> list[str]:
    write_files(root, {f"site-packages/{FUNCTION_APP}": text})
    return [str(root / "empty"), str(root / "site-packages")]


def test_methods_of_every_class_without_self_and_star_parameters(tmp_path: Path) -> None:
    surfaces = read_python_sdk(fake_sdk(tmp_path))
    assert surfaces is not None
    assert sorted(surfaces) == ["widget_input", "widget_trigger"]
    trigger = surfaces["widget_trigger"]
    assert (trigger.language, trigger.symbol, trigger.path, trigger.line) == (
        Language.PYTHON,
        "widget_trigger",
        FUNCTION_APP,
        7,
    )
    assert trigger.parameters == (
        SdkParameter(name="arg_name", required=True, default=None, type="str", line=7),
        SdkParameter(name="widget_id", required=True, default=None, type="str", line=8),
        SdkParameter(name="max_size", required=False, default="8 * 1024", type="Optional[int]", line=9),
        SdkParameter(
            name="chat_model",
            required=False,
            default="OpenAIModels.DefaultChatModel",
            type="Optional[str]",
            line=10,
        ),
        SdkParameter(name="data_type", required=False, default="None", type="", line=12),
    )
    assert surfaces["widget_input"].parameters[1] == SdkParameter(
        name="name", required=False, default="'AzureWebJobsStorage'", type="str", line=20
    )


def test_not_installed_is_none(tmp_path: Path) -> None:
    assert find_function_app([str(tmp_path)]) is None
    assert read_python_sdk([str(tmp_path)]) is None


def test_cached_per_file_version(tmp_path: Path) -> None:
    paths = fake_sdk(tmp_path)
    first = read_python_sdk(paths)
    assert read_python_sdk(paths) is first
    fake_sdk(tmp_path, FAKE_FUNCTION_APP.replace("def widget_input(", "def widget_output("))
    changed = read_python_sdk(paths)
    assert changed is not None
    assert sorted(changed) == ["widget_output", "widget_trigger"]


def test_installed_assistant_post_input_matches_azure_functions_1_26() -> None:
    surfaces = read_python_sdk()
    assert surfaces is not None
    surface = surfaces["assistant_post_input"]
    assert [(p.name, p.required, p.default) for p in surface.parameters] == [
        ("arg_name", True, None),
        ("id", True, None),
        ("user_message", True, None),
        ("ai_connection_name", False, "''"),
        ("chat_model", False, "OpenAIModels.DefaultChatModel"),
        ("chat_storage_connection_setting", False, "'AzureWebJobsStorage'"),
        ("collection_name", False, "'ChatState'"),
        ("temperature", False, "'0.5'"),
        ("top_p", False, "None"),
        ("max_tokens", False, "'100'"),
        ("is_reasoning_model", False, "False"),
        ("data_type", False, "None"),
    ]
    assert "assistant_skill_trigger" in surfaces  # on TriggerApi


def test_reading_never_imports_the_package() -> None:
    script = (
        "import sys\n"
        "from bindref.sdk.python import read_python_sdk\n"
        "assert read_python_sdk() is not None\n"
        "print(sorted(m for m in sys.modules if m == 'azure' or m.startswith('azure.')))\n"
    )
    result = subprocess.run(  # noqa: S603  # our own interpreter and a literal script
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO_ROOT
    )
    assert result.stdout == "[]\n"


def test_the_binding_class_a_decorator_builds_states_type_and_direction(tmp_path: Path) -> None:
    function_app = dedent(
        """\
        class TriggerApi:
            def on_gadget(self, arg_name: str, path: str) -> None:
                '''Runs on a gadget.

                :param arg_name: The variable name.
                :param path: Where the gadget
                    lives.
                '''
                fb.add_trigger(trigger=GadgetTrigger(name=arg_name, path=path))

            def route(self, arg_name: str) -> None:
                fb.add_binding(binding=GadgetOutput(name="$return"))
                fb.add_trigger(trigger=GadgetTrigger(name=arg_name))

            def gadget_output(self, arg_name: str) -> None:
                fb.add_binding(binding=GadgetOutput(name=arg_name))

            def gadget_generic(self, arg_name: str) -> None:
                fb.add_binding(binding=GenericGadget(name=arg_name))
        """
    )
    gadgets = dedent(
        """\
        from .constants import GADGET_TRIGGER


        class GadgetTrigger(Trigger):
            @staticmethod
            def get_binding_name() -> str:
                return GADGET_TRIGGER


        class GadgetBase(OutputBinding):
            @staticmethod
            def get_binding_name() -> str:
                return "gadget"


        class GadgetOutput(GadgetBase):
            pass


        class GenericGadget(core.InputBinding):
            @staticmethod
            def get_binding_name() -> str:
                pass
        """
    )
    decorators = "site-packages/azure/functions/decorators"
    write_files(
        tmp_path,
        {
            f"site-packages/{FUNCTION_APP}": function_app,
            f"{decorators}/gadget.py": gadgets,
            f"{decorators}/constants.py": 'GADGET_TRIGGER = "gadgetTrigger"\n',
            f"{decorators}/broken.py": "class (:\n",
        },
    )
    surfaces = read_python_sdk([str(tmp_path / "site-packages")])
    assert surfaces is not None
    gadget_path = "azure/functions/decorators/gadget.py"
    statements = {
        name: (s.type_name, sorted(s.directions), s.stated_as, s.path, s.line)
        for name, surface in surfaces.items()
        if (s := surface.statement) is not None
    }
    assert statements == {
        "on_gadget": ("gadgetTrigger", [Direction.TRIGGER], "GadgetTrigger(Trigger)", gadget_path, 4),
        "route": ("gadgetTrigger", [Direction.TRIGGER], "GadgetTrigger(Trigger)", gadget_path, 4),
        "gadget_output": ("gadget", [Direction.OUT], "GadgetOutput(GadgetBase)", gadget_path, 16),
        "gadget_generic": (None, [Direction.IN], "GenericGadget(InputBinding)", gadget_path, 20),
    }
    assert [(p.name, p.description) for p in surfaces["on_gadget"].parameters] == [
        ("arg_name", "The variable name."),
        ("path", "Where the gadget lives."),
    ]
