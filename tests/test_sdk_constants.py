"""Defaults that name constants of other files read as the literal the host receives."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindref.languages import Language
from bindref.sdk.csharp import read_csharp_sources
from bindref.sdk.java import read_java_sources
from bindref.sdk.python import FUNCTION_APP, read_python_sdk
from bindref.sdk.python_bindings import DECORATORS
from bindref.sdk.python_enums import enum_members
from conftest import dedent, write_files

JAVA_DEFAULTS = dedent(
    """\
    package com.example.widgets.constants;

    public final class WidgetDefaults {
        private WidgetDefaults() {}
        public static final String DEFAULT_MODEL = "gpt-4";
        public static final String ALIAS = DEFAULT_MODEL;
        public static String notConstant = "mutable";
        private static final int DEFAULT_SIZE = 8 * 1024;
    }
    """
)
JAVA_INTERFACE = dedent(
    """\
    package com.example.widgets.constants;

    public interface Limits {
        int MAX_OVERLAP = 128;
    }
    """
)


def java_annotation(imports: str, default: str) -> str:
    return dedent(
        f"""\
        package com.example.widgets.annotation;

        {imports}

        public @interface WidgetInput {{
            String model() default {default};
        }}
        """
    )


@pytest.mark.parametrize(
    ("imports", "default", "value", "written_as"),
    [
        (
            "import com.example.widgets.constants.WidgetDefaults;",
            "WidgetDefaults.DEFAULT_MODEL",
            '"gpt-4"',
            True,
        ),
        ("", "com.example.widgets.constants.WidgetDefaults.DEFAULT_MODEL", '"gpt-4"', True),
        (
            "import static com.example.widgets.constants.WidgetDefaults.DEFAULT_MODEL;",
            "DEFAULT_MODEL",
            '"gpt-4"',
            True,
        ),
        ("import static com.example.widgets.constants.WidgetDefaults.*;", "DEFAULT_SIZE", "8 * 1024", True),
        ("", "WidgetDefaults.ALIAS", '"gpt-4"', True),  # a constant defined by another
        ("", "Limits.MAX_OVERLAP", "128", True),  # an interface's field is a constant
        ("", "WidgetDefaults.notConstant", "WidgetDefaults.notConstant", False),  # not final: stays
        ("", "Elsewhere.DEFAULT_MODEL", "Elsewhere.DEFAULT_MODEL", False),  # outside the tree: stays
        ("", '"literal"', '"literal"', False),
    ],
)
def test_java_default_resolves_constants_of_other_files(
    tmp_path: Path, imports: str, default: str, value: str, written_as: bool
) -> None:
    write_files(
        tmp_path,
        {
            "constants/WidgetDefaults.java": JAVA_DEFAULTS,
            "constants/Limits.java": JAVA_INTERFACE,
            "annotation/WidgetInput.java": java_annotation(imports, default),
        },
    )
    (model,) = read_java_sources(tmp_path)[Language.JAVA]["WidgetInput"].parameters
    assert (model.default, model.written_as) == (value, default if written_as else "")


CSHARP_ATTRIBUTE = dedent(
    """\
    namespace Microsoft.Azure.Functions.Worker.Extensions.Widgets;

    public sealed class WidgetInputAttribute : InputBindingAttribute
    {{
        public WidgetInputAttribute(string model = {argument}) {{ }}
        public string Model {{ get; }}
        public string Region {{ get; set; }} = {initializer};
    }}
    """
)
CSHARP_CONSTANTS = dedent(
    """\
    namespace Microsoft.Azure.Functions.Worker.Extensions.Widgets.Models
    {
        internal static class WidgetModels
        {
            internal const string DefaultModel = "gpt-4";
            public static readonly string DefaultRegion = "westeurope";
            public static string Mutable = "no";
        }
    }
    """
)
# The in-process model's class of the same name: the isolated attribute must not read it.
CSHARP_OTHER_MODEL = dedent(
    """\
    namespace Microsoft.Azure.WebJobs.Extensions.Widgets.Models
    {
        internal static class WidgetModels
        {
            internal const string DefaultModel = "gpt-3.5-turbo";
            public static readonly string DefaultRegion = "eastus";
        }
    }
    """
)


@pytest.mark.parametrize(
    ("argument", "initializer", "model", "region"),
    [
        ("WidgetModels.DefaultModel", "WidgetModels.DefaultRegion", '"gpt-4"', '"westeurope"'),
        (
            "Models.WidgetModels.DefaultModel",
            "Microsoft.Azure.Functions.Worker.Extensions.Widgets.Models.WidgetModels.DefaultRegion",
            '"gpt-4"',
            '"westeurope"',
        ),
        ('"literal"', "WidgetModels.Mutable", '"literal"', "WidgetModels.Mutable"),  # not readonly: stays
    ],
)
def test_csharp_default_resolves_const_and_static_readonly_of_the_nearest_namespace(
    tmp_path: Path, argument: str, initializer: str, model: str, region: str
) -> None:
    write_files(
        tmp_path,
        {
            "a/WebJobsModels.cs": CSHARP_OTHER_MODEL,  # first in path order, but the other model's
            "b/WidgetInputAttribute.cs": CSHARP_ATTRIBUTE.format(argument=argument, initializer=initializer),
            "b/WidgetModels.cs": CSHARP_CONSTANTS,
        },
    )
    surface = read_csharp_sources(tmp_path)[Language.CSHARP_ISOLATED]["WidgetInput"]
    assert {p.name: p.default for p in surface.parameters} == {"Model": model, "Region": region}
    assert surface.constructors is not None
    assert surface.constructors[0][0].default == model


ENUMS = dedent(
    """\
    from enum import Enum
    from .utils import StringifyEnum

    class WidgetModels(StringifyEnum):
        DefaultModel = "gpt-4"
        Other = "gpt-3.5-turbo"

    class Derived(WidgetModels):
        Extra = "x"

    class Plain(Enum):
        Value = "v"
    """
)
UTILS = (
    "from enum import Enum\n\nclass StringifyEnum(Enum):\n    def __str__(self):\n        return self.name\n"
)


def test_stringify_enum_members_are_written_by_name(tmp_path: Path) -> None:
    write_files(tmp_path, {"widgets.py": ENUMS, "utils.py": UTILS, "broken.py": "class ("})
    assert enum_members(tmp_path) == {
        "WidgetModels.DefaultModel": '"DefaultModel"',
        "WidgetModels.Other": '"Other"',
        "Derived.Extra": '"Extra"',
    }


def test_python_enum_default_carries_what_function_json_receives(tmp_path: Path) -> None:
    function_app = dedent(
        """\
        class BindingApi:
            def widget_input(self, arg_name: str,
                             model: Optional[Union[str, WidgetModels]] = WidgetModels.DefaultModel,
                             plain: Plain = Plain.Value):
                pass
        """
    )
    write_files(
        tmp_path,
        {FUNCTION_APP: function_app, f"{DECORATORS}/widgets.py": ENUMS, f"{DECORATORS}/utils.py": UTILS},
    )
    surfaces = read_python_sdk([str(tmp_path)])
    assert surfaces is not None
    shown = {p.name: (p.default, p.host_value) for p in surfaces["widget_input"].parameters}
    assert shown == {
        "arg_name": (None, None),
        "model": ("WidgetModels.DefaultModel", '"DefaultModel"'),
        "plain": ("Plain.Value", None),
    }
