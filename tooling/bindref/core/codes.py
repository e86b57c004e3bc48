"""The catalog of ``bindref check`` finding codes: one entry per kind of problem.

Each code has a title, a severity, what it means, an example and its fix; the
"Reference: check codes" docs page, ``bindref codes`` and the SARIF rules are all
rendered from this one list.
"""

from __future__ import annotations

from bindref.core.code_kinds import Code, Severity
from bindref.core.sdk_codes import SDK_CODES
from bindref.core.sdk_lock_codes import SDK_LOCK_CODES

__all__ = ["CODES", "Code", "Severity"]


_CATALOG = (
    Code(
        code="BR001",
        name="definition-error",
        severity=Severity.ERROR,
        broken_input=True,
        summary="A binding definition cannot be read (syntax error, non-literal value, unknown language key, "
        "missing docstring, two parameters with one name).",
        example="binding_defs/openai/assistant_post.py:12: non-literal value 'os.getenv('X')'",
        fix="Write the value as a literal or a bindref.spec helper call, as the hint says.",
    ),
    Code(
        code="BR002",
        name="region-error",
        severity=Severity.ERROR,
        broken_input=True,
        summary="A sample file or named region cannot be extracted (missing, unclosed, mismatched, "
        "duplicate or empty region, path outside the repository).",
        example="samples/openai/python/function_app.py:48: region 'assistant_post' is never closed",
        fix="Close or rename the region marker, or point the example at an existing region.",
    ),
    Code(
        code="BR003",
        name="template-error",
        severity=Severity.ERROR,
        broken_input=True,
        summary="A template is missing or fails to render (syntax error, undefined variable).",
        example="docs/overrides/bindref/site/python/parameter_table.md.j2:4: "
        "template uses an undefined value",
        fix="Fix the override template; `bindref templates eject NAME` shows the packaged default.",
    ),
    Code(
        code="BR101",
        name="placeholder-in-definition",
        severity=Severity.ERROR,
        summary="A description or binding text in a definition still holds placeholder text "
        "(`{{...}}`, TODO, TBD).",
        example="binding_defs/openai/assistant_post.py:40: placeholder 'TODO' in the description of 'id'",
        fix="Write the real description.",
    ),
    Code(
        code="BR102",
        name="placeholder-in-page",
        severity=Severity.ERROR,
        summary="A docs page holds placeholder text outside macro calls and code (`{{do something}}`, "
        "TODO, TBD).",
        example="docs/openai/assistant-post.md:14: placeholder 'TBD' in the page",
        fix="Write the real text.",
    ),
    Code(
        code="BR103",
        name="binding-without-page",
        severity=Severity.ERROR,
        summary="A binding is not rendered by any docs page.",
        example="binding_defs/openai/assistant_query.py:15: binding 'openai/assistantQuery' has no page",
        fix="Add a page that calls binding_reference(...) and binding_examples(...) for it.",
    ),
    Code(
        code="BR104",
        name="unknown-macro-target",
        severity=Severity.ERROR,
        summary="A macro call on a page names a binding, language or region that does not exist, "
        "or cannot be rendered.",
        example="docs/openai/assistant-post.md:23: no binding 'openai/assistantPots'",
        fix="Use a name from the hint.",
    ),
    Code(
        code="BR105",
        name="unreadable-page",
        severity=Severity.ERROR,
        broken_input=True,
        summary="A docs page cannot be read: it is not UTF-8 text, or it is a broken symlink. "
        "Its macro calls cannot be checked, so no binding is reported as having no page (BR103) "
        "and no region as unused (BR202) until it is fixed.",
        example="docs/openai/assistant-post.md:3: not UTF-8 text "
        "(byte 0xe9 at offset 40; re-save it as UTF-8)",
        fix="Re-save the page as UTF-8, or point the symlink at an existing page (or remove it).",
    ),
    Code(
        code="BR201",
        name="missing-example",
        severity=Severity.ERROR,
        summary="A binding has neither an example nor a reasoned no_example() for a language.",
        example="binding_defs/openai/assistant_post.py:15: binding 'openai/assistantPost' has no example "
        "for 'java'",
        fix="Add example('java', ...) or no_example('java', 'why').",
    ),
    Code(
        code="BR202",
        name="unused-region",
        severity=Severity.WARNING,
        summary="A sample defines a named region that no definition or page uses.",
        example="samples/openai/python/function_app.py:20: region 'create_assistant' is used nowhere",
        fix="Reference it from a definition or page, or remove its markers.",
    ),
    Code(
        code="BR203",
        name="placeholder-in-sample",
        severity=Severity.ERROR,
        summary="An example region of a sample still holds placeholder text (TODO, TBD, FIXME), "
        "as `bindref new` leaves it.",
        example="samples/openai/python/assistant_post.py:2: placeholder 'TODO' in example region "
        "'assistant_post'",
        fix="Write the sample code.",
    ),
    Code(
        code="BR301",
        name="sample-unknown-parameter",
        severity=Severity.ERROR,
        summary="A sample passes a binding argument that the definition does not have in that language.",
        example="samples/openai/java/.../AssistantApis.java:62: '@AssistantPost' has no element "
        "'usermessage' (did you mean 'userMessage'?)",
        fix="Fix the spelling in the sample, or add the parameter to the definition.",
    ),
    Code(
        code="BR302",
        name="sample-wrong-binding",
        severity=Severity.ERROR,
        summary="A sample's binding has the wrong type string or direction.",
        example="samples/openai/powershell/PostUserQuery/function.json:12: binding type 'assistantPost' "
        "has direction 'out', expected 'in'",
        fix="Use the type string and direction from the reference table.",
    ),
    Code(
        code="BR303",
        name="sample-missing-required",
        severity=Severity.ERROR,
        summary="A sample's binding leaves out a required parameter.",
        example="samples/openai/python/function_app.py:52: 'assistant_post_input' is missing required "
        "'user_message'",
        fix="Pass the parameter in the sample, or make it optional in the definition.",
    ),
    Code(
        code="BR304",
        name="sample-not-checked",
        severity=Severity.NOTE,
        summary="A function.json configures a binding of the catalog for a function whose script is in a "
        "language bindref documents in code (a Node.js v3 or Python v1 function), so its bindings are "
        "not checked. A note: the sample is not known to be wrong, only not judged.",
        example="samples/sql/javascript-v3/GetItem/function.json:5: function.json of a JavaScript function "
        "(index.js) is not checked: it configures 'sql' (bindref documents JavaScript bindings in code; "
        "function.json is checked for PowerShell)",
        fix="Nothing to fix; show the binding in the language's code model, or move the sample out of the "
        "samples folder.",
    ),
    *SDK_CODES,
    *SDK_LOCK_CODES,
    Code(
        code="BR601",
        name="learn-placeholder",
        severity=Severity.ERROR,
        summary="A hand-written Microsoft Learn page still holds placeholder text ({{...}}, TODO, TBD).",
        example="articles/functions-bindings-openai-assistantpost-input.md:54: placeholder "
        "'{{This comes from the example code comment}}'",
        fix="Write the real text, or generate the page with `bindref export learn`.",
    ),
    Code(
        code="BR602",
        name="learn-range-reference",
        severity=Severity.NOTE,
        summary="The page's `:::code` references include sample lines by `range=`, which drifts when the "
        "samples change: one note per page, with a region id for each (a broken range is BR606).",
        example="articles/x.md:40: 2 :::code references select sample lines by range=, which drift when "
        'the samples change (tag named regions in the samples and use id= instead (line 40: id="post"))',
        fix='Wrap the code in `// <name>` ... `// </name>` tags in the sample and use `id="name"`.',
    ),
    Code(
        code="BR603",
        name="learn-source-not-found",
        severity=Severity.ERROR,
        summary="A `:::code source=...` path does not resolve to a file under the samples folder.",
        example="articles/x.md:40: source '~/functions-openai-extension/samples/nodejs/a.ts' does not exist",
        fix="Point source= at the sample's current path.",
    ),
    Code(
        code="BR604",
        name="learn-language-without-example",
        severity=Severity.ERROR,
        summary="A language zone of the Example section has no code reference.",
        example="articles/x.md:60: the programming-language-java zone has no example",
        fix="Add a `:::code` reference to a sample region, or state that the language has none.",
    ),
    Code(
        code="BR605",
        name="learn-table-drift",
        severity=Severity.ERROR,
        summary="A row of a language's reference table disagrees with the bindref definition: a parameter "
        "missing from the table, one the binding does not have, or a misspelled one.",
        example="articles/x.md:98: Java table lists 'model', which '@AssistantPost' does not have "
        "(did you mean 'chatModel'?)",
        fix="Regenerate the tables with `bindref export learn`, or fix the rows by hand.",
    ),
    Code(
        code="BR501",
        name="export-out-of-date",
        severity=Severity.ERROR,
        summary="A generated file (such as a Microsoft Learn export) differs from what bindref renders now.",
        example="learn/functions-bindings-openai-assistantpost-input.md:1: out of date",
        fix="Run the export command named in the finding; `--diff` shows the change.",
    ),
    Code(
        code="BR606",
        name="learn-range-broken",
        severity=Severity.ERROR,
        summary="A `range=` no longer shows whole code: a span cuts a block, starts or ends mid-statement, "
        "runs past the end of the file, or does not show the binding's attribute, annotation, decorator or "
        "type; or it is not a line range at all. Every span of a multi-span range is checked.",
        example="articles/x.md:40: range '4-5,36-60' of AssistantApis.cs does not show whole code: the block "
        'opened on line 36 is closed after line 60 (make it range="4-5,36-61", or ...)',
        fix="Use the range the hint gives, or better tag a named region and use `id=`.",
    ),
    Code(
        code="BR607",
        name="learn-binding-mismatch",
        severity=Severity.ERROR,
        summary="The page's words disagree with the binding's definition on what the binding is: it calls "
        "an input binding an output binding (title, prose).",
        example="articles/x.md:2: the page calls 'openai/assistantPost' an output binding, but it is an "
        "input binding",
        fix="Use the definition's direction in the title and the text.",
    ),
    Code(
        code="BR608",
        name="learn-checks-skipped",
        severity=Severity.NOTE,
        summary="Some checks could not run on the page: no definition fits it, several fit it equally, or "
        "it is an extension overview or an include-only page; the note says which checks ran.",
        example="articles/x.md:1: no bindref definition fits the page: only placeholders, code references, "
        "ranges and example zones were checked",
        fix="Pass `--binding KEY` when a definition documents the page.",
    ),
    Code(
        code="BR609",
        name="learn-prose-drift",
        severity=Severity.ERROR,
        summary="The page's prose or a code reference disagrees with the definition: an attribute, "
        "annotation, decorator or type string it names, a C# text that names one worker model's attribute "
        "while the examples use the other, or a `language=` that the file's extension is not written in.",
        example="articles/x.md:100: the C#/Java/Python text names 'PostUserQuery', which is not the "
        "binding's; it is '@AssistantPost' or ...",
        fix="Name the binding's own symbols and type string; write the file's language in `language=`.",
    ),
    Code(
        code="BR610",
        name="learn-advice",
        severity=Severity.NOTE,
        summary="Worth a look, not wrong: a table without a row every binding of the language has (Python's "
        "`data_type`, a Node.js `type`), or a real example left commented out.",
        example="articles/x.md:134: the Python tables leave out 'data_type', which every binding has",
        fix="Add the row, or uncomment the example when its sample is ready.",
    ),
)

CODES: dict[str, Code] = {code.code: code for code in _CATALOG}
