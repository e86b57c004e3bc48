"""Report formats: exact text, GitHub commands, JSON, and SARIF checked against the official schema."""

from __future__ import annotations

import copy
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bindref.check.findings import CODES, Finding
from bindref.check.report import (
    OutputFormat,
    escape_github_data,
    escape_github_property,
    fingerprint,
    format_findings,
)

FIX = "run 'bindref check --diff' to see what changed; codes are explained in docs/reference/check-codes.md"
SCHEMA_ENV = "BINDREF_SARIF_SCHEMA"
REQUIRE_ENV = "BINDREF_REQUIRE_SARIF_SCHEMA"

UNKNOWN = Finding(
    code="BR301",
    message="'@AssistantPost' has no element 'usermessage'",
    path="samples/openai/java/AssistantApis.java",
    line=62,
    column=9,
    hint="did you mean 'userMessage'?",
)
UNUSED = Finding(
    code="BR202",
    message="region 'create_assistant' is used nowhere",
    path="samples/openai/python/function_app.py",
    line=20,
)
ACCEPTED = Finding(
    code="BR407",
    message="accepted: 'model' is missing in python (set by the host)",
    path="binding_defs/openai/assistant_post.py",
    line=60,
)
EXPORT = Finding(code="BR501", message="out of date", path="learn/assistant post.md")  # line 0
# Input order is deliberately not the output order.
FINDINGS = [UNKNOWN, EXPORT, UNUSED, ACCEPTED]


def render(findings: list[Finding], output: OutputFormat) -> str:
    return format_findings(findings, output, tool_version=lambda: "1.2.3", fix_command=FIX)


def sarif(findings: list[Finding]) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(render(findings, OutputFormat.SARIF))
    return document


# --- text ------------------------------------------------------------------------------------------


def test_text_sorts_by_path_line_code_then_summarises_and_names_the_fix() -> None:
    assert render(FINDINGS, OutputFormat.TEXT) == (
        "binding_defs/openai/assistant_post.py:60: [BR407] accepted: 'model' is missing in python "
        "(set by the host)\n"
        "learn/assistant post.md: [BR501] out of date\n"
        "samples/openai/java/AssistantApis.java:62: [BR301] '@AssistantPost' has no element 'usermessage' "
        "(did you mean 'userMessage'?)\n"
        "samples/openai/python/function_app.py:20: [BR202] region 'create_assistant' is used nowhere\n"
        "bindref check: 2 errors, 1 warning, 1 note\n"
        f"{FIX}"
    )


def test_text_without_errors_has_no_fix_line() -> None:
    assert render([UNUSED, ACCEPTED], OutputFormat.TEXT) == (
        "binding_defs/openai/assistant_post.py:60: [BR407] accepted: 'model' is missing in python "
        "(set by the host)\n"
        "samples/openai/python/function_app.py:20: [BR202] region 'create_assistant' is used nowhere\n"
        "bindref check: 0 errors, 1 warning, 1 note"
    )


def test_same_path_and_line_sort_by_code() -> None:
    second = Finding(code="BR102", message="placeholder 'TBD' in the page", path="docs/a.md", line=3)
    first = Finding(code="BR101", message="placeholder 'TODO'", path="docs/a.md", line=3)
    assert render([second, first], OutputFormat.TEXT).splitlines()[:2] == [
        "docs/a.md:3: [BR101] placeholder 'TODO'",
        "docs/a.md:3: [BR102] placeholder 'TBD' in the page",
    ]


@pytest.mark.parametrize("output", [OutputFormat.TEXT, OutputFormat.GITHUB])
def test_no_findings_says_no_drift(output: OutputFormat) -> None:
    assert render([], output) == "bindref check: no drift found"


# --- github ----------------------------------------------------------------------------------------


def test_github_commands_then_plain_summary_and_fix() -> None:
    assert render(FINDINGS, OutputFormat.GITHUB) == (
        "::notice file=binding_defs/openai/assistant_post.py,line=60,title=BR407 sdk-accepted-difference::"
        "accepted: 'model' is missing in python (set by the host)\n"
        "::error file=learn/assistant post.md,title=BR501 export-out-of-date::out of date\n"
        "::error file=samples/openai/java/AssistantApis.java,line=62,col=9,"
        "title=BR301 sample-unknown-parameter::"
        "'@AssistantPost' has no element 'usermessage' (did you mean 'userMessage'?)\n"
        "::warning file=samples/openai/python/function_app.py,line=20,title=BR202 unused-region::"
        "region 'create_assistant' is used nowhere\n"
        "bindref check: 2 errors, 1 warning, 1 note\n"
        f"{FIX}"
    )


def test_github_escapes_message_and_properties() -> None:
    finding = Finding(
        code="BR102",
        message="100% done:\r\nnot, really",
        path="docs/a,b:c%d.md",
        line=4,
        hint="a, b: c",
    )
    assert render([finding], OutputFormat.GITHUB).splitlines()[0] == (
        "::error file=docs/a%2Cb%3Ac%25d.md,line=4,title=BR102 placeholder-in-page::"
        "100%25 done:%0D%0Anot, really (a, b: c)"
    )


def test_github_finding_without_path_has_no_file_property() -> None:
    finding = Finding(
        code="BR001", message="no definitions folder", path="", hint="set [tool.bindref] definitions"
    )
    assert render([finding], OutputFormat.GITHUB).splitlines()[0] == (
        "::error title=BR001 definition-error::no definitions folder (set [tool.bindref] definitions)"
    )


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("50%", "50%25", "50%25"),
        ("%0A", "%250A", "%250A"),
        ("a\nb\rc", "a%0Ab%0Dc", "a%0Ab%0Dc"),
        ("k: v, w", "k: v, w", "k%3A v%2C w"),
    ],
)
def test_github_escaping(text: str, data: str, prop: str) -> None:
    assert escape_github_data(text) == data
    assert escape_github_property(text) == prop


def unescape_github(text: str) -> str:
    """The runner's unescaping, in its order: %25 last so that escaped escapes survive."""
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


@given(st.text())
def test_github_property_escaping_round_trips(text: str) -> None:
    escaped = escape_github_property(text)
    assert not {"\r", "\n", ":", ","} & set(escaped)
    assert unescape_github(escaped) == text


# --- json ------------------------------------------------------------------------------------------


def test_json_exact() -> None:
    assert render([UNUSED, UNKNOWN], OutputFormat.JSON) == (
        """\
{
  "findings": [
    {
      "code": "BR301",
      "column": 9,
      "hint": "did you mean 'userMessage'?",
      "line": 62,
      "message": "'@AssistantPost' has no element 'usermessage'",
      "name": "sample-unknown-parameter",
      "path": "samples/openai/java/AssistantApis.java",
      "severity": "error"
    },
    {
      "code": "BR202",
      "column": 0,
      "hint": "",
      "line": 20,
      "message": "region 'create_assistant' is used nowhere",
      "name": "unused-region",
      "path": "samples/openai/python/function_app.py",
      "severity": "warning"
    }
  ],
  "summary": {
    "error": 1,
    "note": 0,
    "warning": 1
  },
  "tool": "bindref",
  "tool_version": "1.2.3",
  "version": 1
}"""
    )


def test_json_no_findings() -> None:
    assert json.loads(render([], OutputFormat.JSON)) == {
        "findings": [],
        "summary": {"error": 0, "note": 0, "warning": 0},
        "tool": "bindref",
        "tool_version": "1.2.3",
        "version": 1,
    }


@pytest.mark.parametrize("output", list(OutputFormat))
def test_output_is_byte_stable_and_independent_of_input_order(output: OutputFormat) -> None:
    first = render(FINDINGS, output)
    assert render(FINDINGS, output) == first
    assert render(list(reversed(FINDINGS)), output) == first
    assert not first.endswith("\n")  # the caller prints it


def test_output_format_values() -> None:
    assert [f.value for f in OutputFormat] == ["text", "github", "json", "sarif"]


# --- sarif structure ---------------------------------------------------------------------------------


def test_sarif_log_and_driver() -> None:
    document = sarif(FINDINGS)
    assert document["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert document["version"] == "2.1.0"
    [run] = document["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("bindref", "1.2.3")
    assert driver["informationUri"] == "https://github.com/bindref/bindref"
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"description": {"text": "The repository root."}}}


def test_sarif_has_one_rule_per_code_in_id_order() -> None:
    rules = sarif([])["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == sorted(CODES)
    unknown = next(rule for rule in rules if rule["id"] == "BR301")
    code = CODES["BR301"]
    assert unknown == {
        "id": "BR301",
        "name": "sample-unknown-parameter",
        "shortDescription": {"text": code.summary},
        "fullDescription": {"text": f"{code.summary} Example: {code.example}"},
        "help": {"text": code.fix},
        "defaultConfiguration": {"level": "error"},
    }
    assert {rule["defaultConfiguration"]["level"] for rule in rules} == {"error", "warning", "note"}


def test_sarif_results_point_at_their_rules_in_sorted_order() -> None:
    run = sarif(FINDINGS)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["BR407", "BR501", "BR301", "BR202"]
    assert [r["level"] for r in results] == ["note", "error", "error", "warning"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_result_with_line_column_and_hint() -> None:
    [result] = sarif([UNKNOWN])["runs"][0]["results"]
    assert result == {
        "ruleId": "BR301",
        "ruleIndex": sorted(CODES).index("BR301"),
        "level": "error",
        "message": {"text": "'@AssistantPost' has no element 'usermessage' (did you mean 'userMessage'?)"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {
                        "uri": "samples/openai/java/AssistantApis.java",
                        "uriBaseId": "%SRCROOT%",
                    },
                    "region": {"startLine": 62, "startColumn": 9},
                }
            }
        ],
        "partialFingerprints": {
            "bindref/v1": hashlib.sha256(
                b"BR301\0samples/openai/java/AssistantApis.java\0"
                b"'@AssistantPost' has no element 'usermessage'"
            ).hexdigest()
        },
    }


def test_sarif_line_zero_has_no_region_and_uri_is_percent_encoded() -> None:
    [result] = sarif([EXPORT])["runs"][0]["results"]
    assert result["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "learn/assistant%20post.md", "uriBaseId": "%SRCROOT%"}
            }
        }
    ]


def test_sarif_column_zero_has_no_start_column() -> None:
    [result] = sarif([UNUSED])["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 20}


def test_sarif_finding_without_path_has_no_location() -> None:
    [result] = sarif([Finding(code="BR001", message="no definitions folder", path="")])["runs"][0]["results"]
    assert "locations" not in result


def test_fingerprint_ignores_line_and_hint_but_not_message() -> None:
    moved = Finding(code=UNKNOWN.code, message=UNKNOWN.message, path=UNKNOWN.path, line=80, hint="other")
    reworded = Finding(code=UNKNOWN.code, message="another message", path=UNKNOWN.path, line=62)
    assert fingerprint(moved) == fingerprint(UNKNOWN)
    assert fingerprint(reworded) != fingerprint(UNKNOWN)


# --- sarif against the official schema ----------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator() -> Any:
    """A validator for the SARIF 2.1.0 schema named by BINDREF_SARIF_SCHEMA (see fetch_sarif_schema.py)."""
    fetch = f"run `python tests/fetch_sarif_schema.py .nox/_cache` and set {SCHEMA_ENV} to the path it prints"
    schema_path = os.environ.get(SCHEMA_ENV, "")
    if not schema_path:
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{REQUIRE_ENV}=1 but {SCHEMA_ENV} is not set: {fetch}")
        pytest.skip(f"{SCHEMA_ENV} is not set; to validate SARIF output, {fetch}")
    if not Path(schema_path).is_file():
        pytest.fail(f"{SCHEMA_ENV}={schema_path} is not a file: {fetch}")
    from jsonschema import Draft202012Validator  # noqa: PLC0415  # only this test needs jsonschema
    from jsonschema.validators import validator_for  # noqa: PLC0415  # only this test needs jsonschema

    schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    validator_class = validator_for(schema)  # the schema's own $schema picks the draft
    assert validator_class is Draft202012Validator
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def test_sarif_output_matches_the_official_schema(sarif_validator: Any) -> None:
    no_path = Finding(
        code="BR001", message="no definitions folder", path="", hint="set [tool.bindref] definitions"
    )
    for findings in ([], [*FINDINGS, no_path]):
        errors = [error.message for error in sarif_validator.iter_errors(sarif(findings))]
        assert errors == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (["runs", 0, "results", 0, "level"], "fatal"),
        (["runs", 0, "results", 0, "locations", 0, "physicalLocation", "region", "startLine"], 0),
        (["runs", 0, "tool", "driver", "rules", 0, "defaultConfiguration", "level"], "critical"),
    ],
)
def test_schema_rejects_a_broken_log(sarif_validator: Any, path: list[str | int], value: object) -> None:
    document = copy.deepcopy(sarif([UNKNOWN]))
    parent: Any = document
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    assert not sarif_validator.is_valid(document)
