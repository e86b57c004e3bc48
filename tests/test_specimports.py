"""Definitions must import the bindref.spec helpers they call, as Python would need them to."""

from __future__ import annotations

import pytest

from bindref.core.errors import BindrefError, BindrefErrors
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
