"""Bad pages, templates and descriptions: clear findings, and text that is shown, never run.

A description holding ``|``, HTML, ``<script>``, backticks, ``{{ }}`` or ``{% %}``
passes ``bindref check`` (only ``{{ }}`` is reported, as a placeholder) and reaches
readers exactly as written: the site is built in process and its HTML inspected.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import FIXTURE_MKDOCS, WIDGET_DEFINITION, WIDGET_PAGE, ProjectFactory
from corpus import CLEAN, DEF_PATH, Case, errors, findings, line_of, params, run_case, tree_hashes
from html_tree import Element, parse_html

D = WIDGET_DEFINITION
PAGE = "docs/widget.md"
OVERRIDES = "docs/overrides/bindref/site"  # overrides of site templates
CALL_LINE = line_of(WIDGET_PAGE, "binding_reference") + 2  # a call appended after the page's last line
VARIABLES = "variables available here: blocks, profile"


def described(text: str) -> str:
    """The widget definition with ``text`` as the description of ``chat_model``."""
    return D.replace('"""The model."""', f'"""Model. {text}"""')


def with_call(call: str) -> dict[str, str | bytes]:
    """The widget page with one more macro call after its last line."""
    return {PAGE: WIDGET_PAGE + f"\n{call}\n"}


def override(name: str, text: str | bytes) -> dict[str, str | bytes]:
    return {f"{OVERRIDES}/{name}": text}


CHAT_MODEL_AT = f"{DEF_PATH}:{line_of(D, 'chat_model: str')}"
DESCRIPTIONS = {
    "pipe": "A | B.",
    "html": "<b>bold</b> & <i>x</i>",
    "script": "<script>alert(1)</script>",
    "backticks": "Use `a|b`, ``x`y`` or a lone ` tick.",
    "jinja-expression": "{{ secret }} stays.",
    "jinja-statement": "{% if x %}shown{% endif %}",
    "attribute-list": "Ends like an attribute list { onclick=alert(1) }",
}

CASES = [
    *(
        Case(id=f"description-with-{name}", definition=described(text), exit_code=0, out=CLEAN)
        for name, text in DESCRIPTIONS.items()
        if name != "jinja-expression"
    ),
    Case(
        id="description-with-jinja-expression",
        definition=described(DESCRIPTIONS["jinja-expression"]),
        exit_code=1,
        out=findings(
            f"{CHAT_MODEL_AT}: [BR101] placeholder '{{{{ secret }}}}' in the description of 'chat_model' "
            "(write the real text: this is shown to readers)"
        ),
    ),
    Case(
        id="placeholder-in-page-prose",
        files={PAGE: WIDGET_PAGE + "\nTODO: explain the retry policy.\n"},
        exit_code=1,
        out=findings(
            f"{PAGE}:{CALL_LINE}: [BR102] placeholder 'TODO' in the page (write the real text before "
            "publishing)"
        ),
    ),
    Case(
        id="macro-names-an-unknown-binding",
        files=with_call('{{ binding_usage("widgets/widgetOut") }}'),
        exit_code=1,
        out=findings(
            f"{PAGE}:{CALL_LINE}: [BR104] no binding 'widgets/widgetOut' "
            "(did you mean 'widgets/widgetIn'? bindings: 'widgets/widgetIn')"
        ),
    ),
    Case(
        id="macro-names-an-unknown-language",
        files=with_call('{{ parameter_table("widgetIn", "pyhton") }}'),
        exit_code=1,
        out=findings(
            f"{PAGE}:{CALL_LINE}: [BR104] unknown language 'pyhton' (did you mean 'python'? languages: "
            "'csharp_inprocess', 'csharp_isolated', 'java', 'javascript', 'powershell', 'python', "
            "'typescript')"
        ),
    ),
    Case(
        id="macro-with-a-missing-argument",
        files=with_call("{{ parameter_table() }}"),
        exit_code=1,
        out=findings(
            f"{PAGE}:{CALL_LINE}: [BR104] parameter_table(): PageMacros.parameter_table() missing 2 required "
            "positional arguments: 'binding' and 'language'"
        ),
    ),
    Case(
        id="snippet-path-with-parent-folders",
        files=with_call('{{ snippet("../../etc/passwd") }}'),
        exit_code=3,
        out=findings(
            f"{PAGE}:{CALL_LINE}: [BR002] path '../../etc/passwd' must not contain '..' "
            "(samples must be inside the repository)"
        ),
    ),
    Case(
        id="snippet-path-absolute",
        files=with_call('{{ snippet("/etc/passwd") }}'),
        exit_code=3,
        out=findings(
            f"{PAGE}:{CALL_LINE}: [BR002] path '/etc/passwd' is absolute "
            "(make it relative to the samples folder 'samples')"
        ),
    ),
    Case(
        id="snippet-names-a-missing-region",
        files=with_call('{{ snippet("widgets/function_app.py", "widgte") }}'),
        exit_code=3,
        out=findings(
            f"{PAGE}:{CALL_LINE}: [BR002] file 'samples/widgets/function_app.py' has no region 'widgte' "
            "(did you mean 'widget'? regions in this file: 'widget')"
        ),
    ),
    Case(
        id="template-undefined-attribute",
        files=override(
            "_default/examples.md.j2", "{% for block in blocks %}\n{{ block.descriptio }}\n{% endfor %}\n"
        ),
        exit_code=3,
        out=findings(
            f"{OVERRIDES}/_default/examples.md.j2:2: [BR003] template uses an undefined value: "
            f"'bindref.render.codeblocks.CodeBlock object' has no attribute 'descriptio' ({VARIABLES})"
        ),
    ),
    Case(
        id="template-undefined-variable",
        files=override(
            "_default/examples.md.j2", "{% for block in blocks %}\n{{ block_title }}\n{% endfor %}\n"
        ),
        exit_code=3,
        out=findings(
            f"{OVERRIDES}/_default/examples.md.j2:2: [BR003] template uses an undefined value: "
            f"'block_title' is undefined ({VARIABLES})"
        ),
    ),
    Case(
        id="template-undefined-variable-in-render",
        files=override(
            "python/parameter_table.md.j2",
            "{% extends 'site/_default/parameter_table.md.j2' %}\n{% block intro %}\n{{ decorator }}\n{% "
            "endblock %}\n",
        ),
        args=("render", "widgetIn", "--section", "table", "--language", "python"),
        exit_code=3,
        err=errors(
            f"{OVERRIDES}/python/parameter_table.md.j2:3: template uses an undefined value: 'decorator' is "
            "undefined (variables available here: binding, binding_name, kind, named_by_helper, placement, "
            "profile, rows, symbol, unavailable)"
        ),
    ),
    Case(
        id="template-syntax-error",
        files=override("_default/tabs.md.j2", "{% for label, body in tabs %}\n{{ body }\n{% endfor %}\n"),
        exit_code=3,
        out=findings(f"{OVERRIDES}/_default/tabs.md.j2:2: [BR003] template syntax error: unexpected '}}'"),
    ),
    Case(
        id="template-unknown-filter",
        files=override(
            "_default/tabs.md.j2", "{% for label, body in tabs %}\n{{ body | shout }}\n{% endfor %}\n"
        ),
        exit_code=3,
        out=findings(
            f"{OVERRIDES}/_default/tabs.md.j2:2: [BR003] template syntax error: No filter named 'shout'."
        ),
    ),
    Case(
        id="template-includes-a-missing-template",
        files=override("_default/tabs.md.j2", "{% include 'site/_default/tab.md.j2' %}\n"),
        exit_code=3,
        out=findings(
            f"{OVERRIDES}/_default/tabs.md.j2:1: [BR003] template 'site/_default/tab.md.j2' not found "
            "(did you mean 'site/_default/tabs.md.j2'?)"
        ),
    ),
    Case(
        id="template-fails-while-rendering",
        files=override("_default/tabs.md.j2", "{{ tabs | length / 0 }}\n"),
        exit_code=3,
        out=findings(
            f"{OVERRIDES}/_default/tabs.md.j2:1: [BR003] template failed: division by zero "
            "(fix the expression on this line)"
        ),
    ),
    Case(
        id="template-not-utf8",
        files=override("_default/tabs.md.j2", "caf\xe9 {{ tabs }}\n".encode("latin-1")),
        exit_code=3,
        out=findings(
            f"{OVERRIDES}/_default/tabs.md.j2:1: [BR003] template is not valid UTF-8 "
            "(byte 0xe9 at offset 3; re-save it as UTF-8)"
        ),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_bad_page_template_or_description(
    case: Case,
    make_project: ProjectFactory,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    run_case(case, make_project, tmp_path, tmp_path_factory.mktemp("outside"), capsys)


# --- the built site -------------------------------------------------------------------------------


def visible(element: Element) -> str:
    """The text a reader sees, line breaks as spaces, whitespace runs collapsed."""
    parts = [
        (" " if part.tag == "br" else visible(part)) if isinstance(part, Element) else part
        for part in element.content
    ]
    return " ".join("".join(parts).split())


def build_site(make_project: ProjectFactory, root: Path, site: Path, definition: str) -> tuple[str, Element]:
    """Build the widget site like ``mkdocs build --strict``; return the page's HTML and its article."""
    make_project(
        {"mkdocs.yml": FIXTURE_MKDOCS, "docs/index.md": WIDGET_PAGE + '\n{{ binding_usage("widgetIn") }}\n'},
        definition=definition,
    )
    before = tree_hashes(root)
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=True))
    assert tree_hashes(root) == before, "the build changed, created or deleted a file in the project"
    html = (site / "index.html").read_text(encoding="utf-8")
    return html, parse_html(html).find_all("article")[0]


@pytest.mark.parametrize(("name", "text"), list(DESCRIPTIONS.items()), ids=list(DESCRIPTIONS))
def test_description_is_shown_literally_in_every_table(
    name: str,
    text: str,
    make_project: ProjectFactory,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    html, article = build_site(make_project, tmp_path, tmp_path_factory.mktemp("site"), described(text))
    cells = [cell for cell in article.find_all("td") if "Model." in visible(cell)]
    assert len(cells) == 7  # one table per language
    shown = text if name != "backticks" else "Use a|b, x`y or a lone ` tick."
    for cell in cells:
        assert len(cell.parent.find_all("td") if cell.parent else []) == 4  # the row kept its columns
        assert visible(cell) in (f"Model. {shown}", f"Model. {shown} Null means gpt-4.")
        assert not cell.attrs, cell.attrs  # no attribute list was applied
        assert not [e for e in cell.find_all() if e.tag not in ("code", "br")]  # no element from the text
    assert not article.find_all("script")
    if name == "script":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    if name == "backticks":
        assert [visible(code) for code in cells[0].find_all("code")] == ["a|b", "x`y"]


@pytest.mark.parametrize(
    "where",
    [
        pytest.param(
            D.replace('"""Reads a widget."""', '"""Reads <script>alert(1)</script> a widget."""'),
            id="summary",
        ),
        pytest.param(D.replace('"A JSON string."', '"A <script>alert(1)</script> string."'), id="usage"),
        pytest.param(
            D.replace('description="Python widget."', 'description="A <script>alert(1)</script> widget."'),
            id="example-description",
        ),
    ],
)
def test_html_in_prose_is_shown_as_text(
    where: str, make_project: ProjectFactory, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    html, article = build_site(make_project, tmp_path, tmp_path_factory.mktemp("site"), where)
    assert not article.find_all("script")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
