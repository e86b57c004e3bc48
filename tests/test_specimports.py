"""Definitions must import the bindref.spec helpers they call, as Python would need them to."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindref.core.errors import BindrefError, BindrefErrors
from bindref.definitions.loader import _parse_module
from bindref.definitions.spec_imports import check_module_imports, helper_words, searched_import_errors
from conftest import WIDGET_DEFINITION, ProjectFactory
from corpus import line_of

IMPORTS = "from bindref.spec import binding, code, example, lang, no_example, param"
REST = "from bindref.spec import binding, code, example, lang, no_example"
FIRST_PARAM = "param(required=True)"


def problems(make_project: ProjectFactory, definition: str, files: dict[str, str] | None = None) -> list[str]:
    project = make_project(files or {}, definition=definition)
    try:
        return [e.render() for errors in project.catalog().problems.values() for e in errors]
    except BindrefError as error:
        return [e.render() for e in (error.errors if isinstance(error, BindrefErrors) else (error,))]


@pytest.mark.parametrize(
    ("imports", "call"),
    [
        (f"{REST}\nfrom bindref import spec", "spec.param"),
        (f"{REST}\nimport bindref.spec as s", "s.param"),
        (f"{REST}\nimport bindref.spec", "bindref.spec.param"),
    ],
    ids=["from-bindref-import-spec", "import-as", "import-dotted"],
)
def test_module_imports_are_accepted(make_project: ProjectFactory, imports: str, call: str) -> None:
    definition = WIDGET_DEFINITION.replace(IMPORTS, f"{imports}\nfrom bindref.spec import param").replace(
        FIRST_PARAM, f"{call}(required=True)"
    )
    assert problems(make_project, definition) == []


def test_star_import_and_re_export_are_accepted(make_project: ProjectFactory) -> None:
    assert problems(make_project, WIDGET_DEFINITION.replace(IMPORTS, "from bindref.spec import *")) == []
    shared = {"binding_defs/widgets/_helpers.py": '"""Helpers."""\n\nfrom bindref.spec import param\n'}
    definition = WIDGET_DEFINITION.replace(
        IMPORTS, f"{REST}\nfrom binding_defs.widgets._helpers import param"
    )
    assert problems(make_project, definition, shared) == []


def test_wrong_module_and_wrong_helper_are_refused(make_project: ProjectFactory) -> None:
    definition = (
        WIDGET_DEFINITION.replace(IMPORTS, f"{REST}\nfrom bindref import languages").replace(
            FIRST_PARAM, "languages.param(required=True)"
        )
        + "\n\nfrom bindref.spec import param\n"
    )
    assert problems(make_project, definition) == [
        f"binding_defs/widgets/widget.py:{line_of(definition, 'languages.param(')}: 'languages.param' is not "
        "bindref.spec.param "
        "(import it with 'from bindref.spec import param')"
    ]
    aliased = WIDGET_DEFINITION.replace(
        IMPORTS, f"{REST.replace(', lang', '')}\nfrom bindref.spec import lang as param, lang"
    )
    assert problems(make_project, aliased)[0] == (
        f"binding_defs/widgets/widget.py:{line_of(aliased, 'param(')}: 'param' is bindref.spec.lang, "
        "imported under another name (import it with 'from bindref.spec import param')"
    )


def test_a_re_export_that_does_not_hold_the_helper(make_project: ProjectFactory) -> None:
    shared = {"binding_defs/widgets/_helpers.py": '"""Helpers."""\n'}
    definition = WIDGET_DEFINITION.replace(
        IMPORTS, f"{REST}\nfrom binding_defs.widgets._helpers import param"
    )
    assert problems(make_project, definition, shared) == [
        f"binding_defs/widgets/widget.py:{line_of(definition, 'param(')}: 'param' is imported from "
        "binding_defs.widgets._helpers, which does "
        "not import it from bindref.spec (import it with 'from bindref.spec import param')"
    ]


# What the text search of a module may and may not conclude (helper_words): names in
# comments, strings and longer words count (the search for calls then decides), and a dot
# may stand apart from the name by anything that may stand between two tokens of an expression.
WORDS = [
    ("x = 1\n", set(), False),
    ("from bindref.spec import param\n", {"param"}, False),
    ("X = no_example('python', 'why')\n", {"no_example", "example"}, False),
    ("X = examples + parameter\n", {"example", "param"}, False),
    ('"""Reads a param."""\n', {"param"}, False),
    ("X = spec.param()\n", {"param"}, True),
    ("X = spec . lang()\n", {"lang"}, True),
    ("X = spec.\\\n    code()\n", {"code"}, True),
    ("X = (spec.  # why\n    example())\n", {"example"}, True),
    ("X = spec.params\n", {"param"}, False),
]


@pytest.mark.parametrize(("text", "words", "dotted"), WORDS, ids=[repr(t) for t, _, _ in WORDS])
def test_the_text_search_finds_every_way_to_write_a_helper(text: str, words: set[str], dotted: bool) -> None:
    assert helper_words(text) == (frozenset(words), dotted)


# Modules for which the search for calls may be skipped or not; each must give the errors
# that searching every call gives.
MODULES = [
    "from bindref.spec import param\nX = param()\n",
    "from bindref.spec import *\nX = param()\n",
    "from other import param\nX = param()\n",
    '"""Uses no param."""\nX = 1\n',
    "X = unicode_of(1)\n",
    "from bindref.spec import lang as param\nX = param()\n",
    "from bindref.spec import param\nimport other\nX = other.param()\n",
    "from bindref.spec import param\nimport other\nX = (other.  # why\n    param())\n",
    "from bindref.spec import param\nimport other\nX = other.\\\n    param()\n",
    "import bindref.spec as s\nX = s.param()\n",
    "X = lang()\n",
    "class A:\n    x: int = code('a')\n",
]


@pytest.mark.parametrize("text", MODULES)
def test_skipping_the_search_for_calls_changes_no_error(tmp_path: Path, text: str) -> None:
    base = tmp_path / "binding_defs"
    file = base / "widgets" / "widget.py"
    file.parent.mkdir(parents=True)
    file.write_text(text, encoding="utf-8")
    module = _parse_module(file, "binding_defs/widgets/widget.py", base)
    modules = {module.name: module}
    assert [e.render() for e in check_module_imports(module, modules)] == [
        e.render() for e in searched_import_errors(module, modules)
    ]
