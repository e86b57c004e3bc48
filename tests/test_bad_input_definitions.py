"""Bad binding definitions: each is a clear ``path:line: [BR001] problem (hint)``, exit 3, nothing written.

Also what bad definitions are not: a binding without parameters is valid, and a
required parameter a sample leaves out is drift in the sample (BR303, exit 1).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PYPROJECT, WIDGET_DEFINITION, WIDGET_SAMPLES, ProjectFactory
from corpus import CLEAN, DEF_PATH, Case, findings, line_of, params, run_case

D = WIDGET_DEFINITION
IMPORTS = "from bindref.spec import binding, code, example, lang, no_example, param"
LITERAL_HINT = (
    "definitions are read, never run: use a string, number, bool, None, list, dict or a bindref.spec helper"
)
HELPERS_HINT = "bindref.spec helpers: 'code', 'example', 'lang', 'no_example', 'param', 'runtime'"
LANGUAGE_KEYS = (
    "language keys: 'csharp', 'csharp_inprocess', 'csharp_isolated', 'java', 'javascript', 'node', "
    "'powershell', 'python', 'typescript'"
)


def at(definition: str, needle: str, occurrence: int = 1) -> str:
    """``binding_defs/widgets/widget.py:LINE`` of the line of ``definition`` holding ``needle``."""
    return f"{DEF_PATH}:{line_of(definition, needle, occurrence)}"


def module(docstring: str, *lines: str) -> str:
    """A small helper module for binding_defs/widgets."""
    return "\n".join([f'"""{docstring}"""', "", *lines, ""])


SYNTAX = D.replace("class Widget:", "class Widget(:")
NUL = D.replace('"""Reads a widget."""', '"""Reads a widget.\x00"""')
LATIN1 = D.replace("The largest widget", "The largest widg\xe9t").encode("latin-1")
GETENV = D.replace('default="gpt-4"', 'default=os.getenv("MODEL")')
FSTRING = D.replace('default="gpt-4"', 'default=f"gpt-{4}"')
UNDEFINED = D.replace('default="gpt-4"', "default=DEFAULT_MODEL")
TITLE_CALL = D.replace('title="Widget input binding"', 'title="Widget " + str(1)')
UNPACKING = D.replace('param(default="", names=', "param(**OPTIONS, names=")
PATH_INT = D.replace('"widgets/function_app.py"', "3")
REQUIRED_STR = D.replace('lang(name="maxLength")', 'lang(name="maxLength", required="yes")')
NAME_INT = D.replace('"java": "WidgetInput"', '"java": 3')
HUGE = D.replace("default=8 * 1024", "default=4294967296 * 4294967296 * 4294967296")
LANGUAGE_TYPO = D.replace('"java": lang(name="maxLength")', '"jaav": lang(name="maxLength")')
NAMES_TYPO = D.replace('"python": "widget_input"', '"pyhton": "widget_input"')
EXAMPLE_TYPO = D.replace('example("java", "widgets/Widget.java"', 'example("kotlin", "widgets/Widget.java"')
CASED_TWICE = D.replace(
    "    chat_model: str = param(\n",
    '    maxSize: int = param(default=1)\n    """The size, again."""\n\n    chat_model: str = param(\n',
)
KEY_TWICE = D.replace('"java": "WidgetInput",', '"java": "WidgetInput",\n        "java": "WidgetIn",')
NO_FIELD_DOC = D.replace('    """The model."""\n', "")
NO_CLASS_DOC = D.replace('    """Reads a widget."""\n', "")
POSITIONAL = D.replace("@binding(\n", '@binding(\n    "widgetIn",\n')
UNKNOWN_OPTION = D.replace('title="Widget input binding",', 'title="Widget input binding",\n    tittle="x",')
NO_REASON = D.replace('lang(name="maxLength")', "lang(available=False)")
NO_PARAM_IMPORT = D.replace(IMPORTS, "from bindref.spec import binding, code, example, lang, no_example")
NO_IMPORTS = D.replace(IMPORTS + "\n", "")
FOREIGN = D.replace(
    IMPORTS, "from bindref.spec import binding, code, example, lang, no_example\nfrom mylib import param"
)
CIRCLE_PARAM = D.replace(
    IMPORTS,
    "from bindref.spec import binding, code, example, lang, no_example\nfrom binding_defs.widgets.a import "
    "param",
)
CIRCLE_CONSTANT = D.replace(IMPORTS, f"{IMPORTS}\nfrom binding_defs.widgets.a import REASON").replace(
    '"Isolated worker only."', "REASON"
)
SELF_CONSTANT = D.replace("@binding(", "REASON = REASON\n\n\n@binding(", 1).replace(
    '"Isolated worker only."', "REASON"
)
CIRCLE_BASE = D.replace(IMPORTS, f"{IMPORTS}\nfrom binding_defs.widgets.a import BaseA").replace(
    "class Widget:", "class Widget(BaseA):"
)
SELF_BASE = D.replace("class Widget:", "class Widget(Widget):")
ABSOLUTE = D.replace('"widgets/function_app.py"', '"/etc/passwd"')
PARENT = D.replace('"widgets/function_app.py"', '"../../outside.py"')
TWICE = {"binding_defs/widgets/copy.py": D}
DIRECTION = D.replace('direction="in"', 'direction="inn"')
# f-strings cannot hold the quotes these needles need (Python 3.11)
PATH_INT_AT = at(PATH_INT, 'example("python"')
REQUIRED_STR_AT = at(REQUIRED_STR, 'required="yes"')
NAME_INT_AT = at(NAME_INT, '"java": 3')
KEY_TWICE_AT = at(KEY_TWICE, '"java": "WidgetIn",')


def base_class(name: str, base: str, other: str) -> str:
    return module(
        name,
        "from dataclasses import dataclass",
        "",
        f"from binding_defs.widgets.{other} import {base}",
        "from bindref.spec import param",
        "",
        "",
        "@dataclass(frozen=True, kw_only=True)",
        f"class {name}({base}):",
        f'    """{name} options."""',
        "",
        f"    {name.lower()}: int = param(default=1)",
        f'    """The {name} level."""',
    )


BASE_B = base_class("BaseB", "BaseA", "a")


def broken_symlink(root: Path, _outside: Path) -> None:
    (root / "binding_defs/widgets/gone.py").symlink_to(root / "binding_defs/widgets/missing.py")


def folder_named_like_a_module(root: Path, _outside: Path) -> None:
    (root / "binding_defs/widgets/notes.py").mkdir()


GADGET = module(
    "Gadget binding: no parameters of its own.",
    "from __future__ import annotations",
    "",
    "from dataclasses import dataclass",
    "",
    "from bindref.spec import binding, no_example",
    "",
    "",
    "@binding(",
    '    type="gadgetIn",',
    '    direction="in",',
    '    title="Gadget input binding",',
    '    names={"csharp_isolated": "GadgetInput", "csharp_inprocess": "Gadget", "java": "GadgetInput",',
    '           "python": "gadget_input"},',
    '    usage={"csharp": "A gadget.", "java": "A gadget.", "node": "A gadget.", "powershell": "A gadget.",',
    '           "python": "A gadget."},',
    "    examples=[",
    '        no_example("csharp", "Tests."), no_example("java", "Tests."), no_example("node", "Tests."),',
    '        no_example("powershell", "Tests."), no_example("python", "Tests."),',
    "    ],",
    ")",
    "@dataclass(frozen=True, kw_only=True)",
    "class Gadget:",
    '    """Reads a gadget."""',
)
GADGET_FILES = {
    "binding_defs/widgets/gadget.py": GADGET,
    "docs/gadget.md": '{{ binding_reference("gadgetIn") }}\n',
}
JAVA = WIDGET_SAMPLES["samples/widgets/Widget.java"]
FUNCTION_JSON = WIDGET_SAMPLES["samples/widgets/function.json"]

# The definitions folder named in the settings is the package: `from defs.widgets.common import X`.
DEFS = "defs/widgets/widget.py"
COMMON = module("Shared texts.", 'REASON = "Isolated worker only."')


def in_defs(folder: str, imports: str, definition: str = D) -> dict[str, str | bytes]:
    """The widget under ``folder``, taking its no_example() reason from ``imports``."""
    text = definition.replace(IMPORTS, f"{IMPORTS}\n{imports}").replace('"Isolated worker only."', "REASON")
    return {f"{folder}/widgets/widget.py": text, f"{folder}/widgets/common.py": COMMON}


def defs_setting(folder: str) -> str:
    return PYPROJECT + f'definitions = "{folder}"\n'


REASON_AT = line_of(str(in_defs("defs", "")[DEFS]), "REASON)")
BASE_MISSING = in_defs(
    "defs", "from defs.widgets.common import REASON", D.replace("class Widget:", "class Widget(Options):")
)
PARAM_FROM_COMMON = NO_PARAM_IMPORT.replace(
    "import binding, code, example, lang, no_example",
    "import binding, code, example, lang, no_example\nfrom defs.widgets.common import param",
)


CASES = [
    Case(
        id="syntax-error",
        definition=SYNTAX,
        exit_code=3,
        out=findings(
            f"{at(SYNTAX, 'class Widget(:')}: [BR001] syntax error: invalid syntax "
            "(column 14: a definition must be valid Python)"
        ),
    ),
    Case(
        id="nul-byte",
        definition=NUL,
        exit_code=3,
        out=findings(
            f"{DEF_PATH}:1: [BR001] syntax error: source code string cannot contain null bytes "
            "(a definition must be valid Python)"
        ),
    ),
    Case(
        id="not-utf8",
        files={DEF_PATH: LATIN1},
        exit_code=3,
        out=findings(
            f"{at(D, 'The largest widget')}: [BR001] not UTF-8 text "
            f"(byte 0xe9 at offset {LATIN1.index(bytes([0xE9]))}; re-save it as UTF-8)"
        ),
    ),
    Case(
        id="non-literal-call",
        definition=GETENV,
        exit_code=3,
        out=findings(
            f"{at(GETENV, 'os.getenv')}: [BR001] call of 'os.getenv' is not allowed in a definition "
            f"({HELPERS_HINT})"
        ),
    ),
    Case(
        id="non-literal-f-string",
        definition=FSTRING,
        exit_code=3,
        out=findings(
            f"{at(FSTRING, 'default=f')}: [BR001] non-literal value 'f'gpt-{{4}}'' ({LITERAL_HINT})"
        ),
    ),
    Case(
        id="non-literal-name",
        definition=UNDEFINED,
        exit_code=3,
        out=findings(
            f"{at(UNDEFINED, 'DEFAULT_MODEL')}: [BR001] 'DEFAULT_MODEL' is not a constant of this module or "
            "of "
            "another definition module (define NAME = <literal> at module level, or import it from a module "
            "in binding_defs)"
        ),
    ),
    Case(
        id="non-literal-title-is-one-error",
        definition=TITLE_CALL,
        exit_code=3,
        out=findings(
            f"{at(TITLE_CALL, 'str(1)')}: [BR001] call of 'str' is not allowed in a definition "
            f"({HELPERS_HINT})"
        ),
    ),
    Case(
        id="unpacking",
        definition=UNPACKING,
        exit_code=3,
        out=findings(
            f"{at(UNPACKING, '**OPTIONS')}: [BR001] '**' unpacking is not allowed in a definition "
            f"({LITERAL_HINT})"
        ),
    ),
    Case(
        id="helper-argument-of-wrong-type",
        definition=PATH_INT,
        exit_code=3,
        out=findings(f"{PATH_INT_AT}: [BR001] example(): path must be a string (not 3)"),
    ),
    Case(
        id="override-flag-not-a-bool",
        definition=REQUIRED_STR,
        exit_code=3,
        out=findings(
            f"{REQUIRED_STR_AT}: [BR001] lang(): required must be True or False or None (not 'yes')"
        ),
    ),
    Case(
        id="name-not-a-string",
        definition=NAME_INT,
        exit_code=3,
        out=findings(f"{NAME_INT_AT}: [BR001] binding(): names['java'] must be a string (not 3)"),
    ),
    Case(
        id="integer-too-large",
        definition=HUGE,
        exit_code=3,
        out=findings(
            f"{at(HUGE, '4294967296')}: [BR001] '4294967296 * 4294967296' is too large (SDK values fit in "
            "64 bits)"
        ),
    ),
    Case(
        id="unknown-language-key-in-languages",
        definition=LANGUAGE_TYPO,
        exit_code=3,
        out=findings(
            f"{at(LANGUAGE_TYPO, 'max_size: int')}: [BR001] unknown language key 'jaav' in languages "
            f"(did you mean 'java'? {LANGUAGE_KEYS})"
        ),
    ),
    Case(
        id="unknown-language-key-in-names",
        definition=NAMES_TYPO,
        exit_code=3,
        out=findings(
            f"{at(NAMES_TYPO, '@binding(')}: [BR001] binding() names has no entry for 'python' "
            "(give the Python name, or list it in unavailable= with a reason)",
            f"{at(NAMES_TYPO, '@binding(')}: [BR001] unknown language key 'pyhton' in names "
            f"(did you mean 'python'? {LANGUAGE_KEYS})",
            summary="2 errors, 0 warnings, 0 notes",
        ),
    ),
    Case(
        id="unknown-language-key-in-examples",
        definition=EXAMPLE_TYPO,
        exit_code=3,
        out=findings(
            f"{at(EXAMPLE_TYPO, '@binding(')}: [BR001] unknown language key 'kotlin' in examples "
            f"({LANGUAGE_KEYS})"
        ),
    ),
    Case(
        id="duplicate-names-after-casing",
        definition=CASED_TWICE,
        exit_code=3,
        out=findings(
            *(
                f"{at(CASED_TWICE, 'maxSize: int')}: [BR001] parameter 'maxSize' is spelled '{spelled}' in "
                f"'{language}', like parameter 'max_size' (line {line_of(CASED_TWICE, 'max_size: int')}) "
                "(rename one, or give a different name with names={...})"
                for language, spelled in (
                    ("csharp_inprocess", "MaxSize"),
                    ("csharp_isolated", "MaxSize"),
                    ("javascript", "maxSize"),
                    ("powershell", "maxSize"),
                    ("typescript", "maxSize"),
                    ("python", "max_size"),  # messages sort by text: 'max_size' after 'maxSize'
                )
            ),
            summary="6 errors, 0 warnings, 0 notes",
        ),
    ),
    Case(
        id="duplicate-dict-key-is-one-error",
        definition=KEY_TWICE,
        exit_code=3,
        out=findings(f"{KEY_TWICE_AT}: [BR001] key 'java' appears twice in this dict (keep one of them)"),
    ),
    Case(
        id="missing-field-docstring",
        definition=NO_FIELD_DOC,
        exit_code=3,
        out=findings(
            f"{at(NO_FIELD_DOC, 'chat_model: str')}: [BR001] parameter 'chat_model' has no docstring "
            "(add a string literal on the line after the field; it is the description)"
        ),
    ),
    Case(
        id="missing-class-docstring",
        definition=NO_CLASS_DOC,
        exit_code=3,
        out=findings(
            f"{at(NO_CLASS_DOC, 'class Widget:')}: [BR001] binding class 'Widget' has no docstring "
            "(its docstring is the binding's summary on the page)"
        ),
    ),
    Case(
        id="positional-binding-argument",
        definition=POSITIONAL,
        exit_code=3,
        out=findings(
            f"{at(POSITIONAL, '@binding(')}: [BR001] binding() takes keyword arguments only "
            "(name each one: type=..., direction=..., title=...)"
        ),
    ),
    Case(
        id="unknown-binding-argument",
        definition=UNKNOWN_OPTION,
        exit_code=3,
        out=findings(
            f"{at(UNKNOWN_OPTION, 'tittle=')}: [BR001] unknown binding() argument 'tittle' (did you mean "
            "'title'? "
            "binding() accepts: 'constructors', 'direction', 'examples', 'key', 'names', 'payload_types', "
            "'title', 'type', "
            "'unavailable', 'usage')"
        ),
    ),
    Case(
        id="unknown-direction",
        definition=DIRECTION,
        exit_code=3,
        out=findings(
            f"{at(DIRECTION, '@binding(')}: [BR001] unknown direction 'inn' "
            "(did you mean 'in'? directions: 'in', 'out', 'trigger')"
        ),
    ),
    Case(
        id="unavailable-without-reason",
        definition=NO_REASON,
        exit_code=3,
        out=findings(
            f"{at(NO_REASON, 'max_size: int')}: [BR001] parameter 'max_size' is unavailable in 'java' "
            "without a "
            "reason (add reason='...' to lang(available=False))"
        ),
    ),
    Case(
        id="binding-defined-twice",
        files=TWICE,
        exit_code=3,
        out=findings(
            f"{at(D, '@binding(')}: [BR001] binding 'widgets/widgetIn' is defined twice "
            f"(first defined at binding_defs/widgets/copy.py:{line_of(D, '@binding(')}; "
            "give each binding its own key='...')"
        ),
    ),
    Case(
        id="missing-import-of-a-helper",
        definition=NO_PARAM_IMPORT,
        exit_code=3,
        out=findings(
            f"{at(NO_PARAM_IMPORT, 'param(')}: [BR001] 'param' is called but never imported "
            "(import it with 'from bindref.spec import param')"
        ),
    ),
    Case(
        id="missing-import-of-every-helper",
        definition=NO_IMPORTS,
        exit_code=3,
        out=findings(
            *(
                f"{at(NO_IMPORTS, needle)}: [BR001] '{helper}' is called but never imported "
                f"(import it with 'from bindref.spec import {helper}')"
                for helper, needle in (
                    ("binding", "@binding("),
                    ("example", "example("),
                    ("no_example", "no_example("),
                    ("param", "param("),
                    ("lang", "lang("),
                    ("code", "code("),
                )
            ),
            summary="6 errors, 0 warnings, 0 notes",
        ),
    ),
    Case(
        id="helper-imported-from-another-package",
        definition=FOREIGN,
        exit_code=3,
        out=findings(
            f"{at(FOREIGN, 'param(')}: [BR001] 'param' is imported from 'mylib', not from bindref.spec "
            "(import it with 'from bindref.spec import param')"
        ),
    ),
    Case(
        id="circular-import-of-a-helper",
        definition=CIRCLE_PARAM,
        files={
            "binding_defs/widgets/a.py": module("A.", "from binding_defs.widgets.b import param"),
            "binding_defs/widgets/b.py": module("B.", "from binding_defs.widgets.a import param"),
        },
        exit_code=3,
        out=findings(
            f"{at(CIRCLE_PARAM, 'param(')}: [BR001] 'param' is imported in a circle: "
            "binding_defs.widgets.widget "
            "-> binding_defs.widgets.a -> binding_defs.widgets.b -> binding_defs.widgets.a "
            "(import it with 'from bindref.spec import param')"
        ),
    ),
    Case(
        id="circular-import-of-a-constant",
        definition=CIRCLE_CONSTANT,
        files={
            "binding_defs/widgets/a.py": module("A.", "from binding_defs.widgets.b import REASON"),
            "binding_defs/widgets/b.py": module("B.", "from binding_defs.widgets.a import REASON"),
        },
        exit_code=3,
        out=findings(
            f"{at(CIRCLE_CONSTANT, 'REASON)')}: [BR001] 'REASON' is imported in a circle: "
            "binding_defs.widgets.widget -> binding_defs.widgets.a -> binding_defs.widgets.b -> "
            "binding_defs.widgets.a (give it a literal value in one module, and import it from there)"
        ),
    ),
    Case(
        id="constant-refers-to-itself",
        definition=SELF_CONSTANT,
        exit_code=3,
        out=findings(
            f"{at(SELF_CONSTANT, 'REASON = REASON')}: [BR001] constant 'REASON' refers to itself "
            "(give it a literal value in one module, and import it from there)"
        ),
    ),
    Case(
        id="circular-base-classes",
        definition=CIRCLE_BASE,
        files={
            "binding_defs/widgets/a.py": base_class("BaseA", "BaseB", "b"),
            "binding_defs/widgets/b.py": BASE_B,
        },
        exit_code=3,
        out=findings(
            f"binding_defs/widgets/b.py:{line_of(BASE_B, 'class BaseB')}: [BR001] base classes form a "
            "circle: BaseA -> BaseB -> BaseA "
            "(a class cannot inherit from itself: remove one of these bases)"
        ),
    ),
    Case(
        id="class-inherits-from-itself",
        definition=SELF_BASE,
        exit_code=3,
        out=findings(
            f"{at(SELF_BASE, 'class Widget(Widget)')}: [BR001] base classes form a circle: Widget -> Widget "
            "(a class cannot inherit from itself: remove one of these bases)"
        ),
    ),
    Case(
        id="example-path-absolute",
        definition=ABSOLUTE,
        exit_code=3,
        out=findings(
            f"{at(ABSOLUTE, '/etc/passwd')}: [BR001] example path '/etc/passwd' is absolute "
            "(write it relative to the samples folder 'samples')"
        ),
    ),
    Case(
        id="example-path-leaves-the-samples-folder",
        definition=PARENT,
        exit_code=3,
        out=findings(
            f"{at(PARENT, '../../outside.py')}: [BR001] example path '../../outside.py' must not contain "
            "'..' "
            "(write it relative to the samples folder 'samples')"
        ),
    ),
    Case(
        id="folder-named-like-a-module-is-skipped",
        setup=folder_named_like_a_module,
        exit_code=0,
        out=CLEAN,
    ),
    Case(
        id="broken-symlink-to-a-module",
        setup=broken_symlink,
        exit_code=3,
        out=findings(
            "binding_defs/widgets/gone.py: [BR001] cannot be read (No such file or directory)",
        ),
    ),
    Case(
        id="binding-without-parameters-is-valid",
        files=GADGET_FILES,
        exit_code=0,
        out=CLEAN,
    ),
    Case(
        id="binding-without-parameters-renders-the-profile-parameters",
        files=GADGET_FILES,
        args=("render", "gadgetIn", "--section", "table", "--language", "java"),
        exit_code=0,
        out=(
            "Apply the `@GadgetInput` annotation to a function parameter. It supports these elements:",
            "",
            "| Element | Type | Required / default | Description |",
            "| --- | --- | --- | --- |",
            "| `name` | `String` | Required | The name of the function parameter that receives the binding "
            "value. |",
        ),
    ),
    Case(
        id="required-parameter-left-out-by-a-java-sample",
        files={"samples/widgets/Widget.java": JAVA.replace(', widgetId = "{id}"', "")},
        exit_code=1,
        out=findings(
            f"samples/widgets/Widget.java:{line_of(JAVA, '@WidgetInput')}: [BR303] '@WidgetInput' is "
            "missing required 'widgetId'"
        ),
    ),
    Case(
        id="required-parameter-left-out-by-function-json",
        files={"samples/widgets/function.json": FUNCTION_JSON.replace(', "widgetId": "{id}"', "")},
        exit_code=1,
        out=findings(
            "samples/widgets/function.json:2: [BR303] 'widgetIn' binding is missing required 'widgetId'"
        ),
    ),
    Case(
        id="definitions-folder-from-settings-absolute-import",
        pyproject=defs_setting("defs"),
        definition=None,
        files=in_defs("defs", "from defs.widgets.common import REASON"),
        exit_code=0,
        out=CLEAN,
    ),
    Case(
        id="definitions-folder-from-settings-relative-import",
        pyproject=defs_setting("defs"),
        definition=None,
        files=in_defs("defs", "from .common import REASON"),
        exit_code=0,
        out=CLEAN,
    ),
    Case(
        id="definitions-folder-nested-imports-by-its-last-component",
        pyproject=defs_setting("src/defs"),
        definition=None,
        files=in_defs("src/defs", "from defs.widgets.common import REASON"),
        exit_code=0,
        out=CLEAN,
    ),
    Case(
        id="definitions-folder-from-settings-import-under-the-default-name",
        pyproject=defs_setting("defs"),
        definition=None,
        files=in_defs("defs", "from binding_defs.widgets.common import REASON"),
        exit_code=3,
        out=findings(
            f"{DEFS}:{REASON_AT}: [BR001] 'REASON' is not a constant of this module or of another definition "
            "module (define NAME = <literal> at module level, or import it from a module in defs)"
        ),
    ),
    Case(
        id="definitions-folder-from-settings-names-it-for-a-missing-base-class",
        pyproject=defs_setting("defs"),
        definition=None,
        files=BASE_MISSING,
        exit_code=3,
        out=findings(
            f"{DEFS}:{line_of(str(BASE_MISSING[DEFS]), 'class Widget(')}: [BR001] base class 'Options' "
            "is not defined in defs "
            "(import it from a module in defs, or define it in this file)"
        ),
    ),
    Case(
        id="definitions-folder-from-settings-names-it-for-a-binding-outside-an-extension",
        pyproject=defs_setting("defs"),
        definition=None,
        files={"defs/widget.py": D},
        exit_code=3,
        out=findings(
            f"defs/widget.py:{line_of(D, 'class Widget:')}: [BR001] binding 'Widget' is not inside an "
            "extension folder (move it to defs/<extension>/<binding>.py)"
        ),
    ),
    Case(
        id="definitions-folder-from-settings-names-its-modules-in-spec-import-errors",
        pyproject=defs_setting("defs"),
        definition=None,
        files={
            DEFS: PARAM_FROM_COMMON,
            "defs/widgets/common.py": module("Shared, without param."),
        },
        exit_code=3,
        out=findings(
            f"{DEFS}:{line_of(PARAM_FROM_COMMON, 'param(required=True)')}: [BR001] 'param' is imported from "
            "defs.widgets.common, "
            "which does not import it from bindref.spec (import it with 'from bindref.spec import param')"
        ),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_bad_definition(
    case: Case,
    make_project: ProjectFactory,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    run_case(case, make_project, tmp_path, tmp_path_factory.mktemp("outside"), capsys)
