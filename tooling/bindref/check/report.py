"""Findings -> text, GitHub workflow commands, JSON or SARIF, for people, CI logs and code scanning.

Every format is a pure function of the findings: sorted the same way, no timestamps,
no absolute paths, so two runs over the same tree give byte-identical output that CI
can diff, cache or upload. The checks never format anything themselves; the CLI picks
a format here and prints the string (no format ends with a newline: ``print`` adds it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any, assert_never
from urllib.parse import quote

from bindref.check.findings import CODES, Finding, Severity

TOOL_NAME = "bindref"
INFORMATION_URI = "https://github.com/bindref/bindref"
JSON_REPORT_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "bindref/v1"

# GitHub Actions calls the SARIF "note" level "notice".
_GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}
_PLURALS = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.NOTE: "notes"}

JsonObject = dict[str, Any]


class OutputFormat(StrEnum):
    """The closed set of ``bindref check --format`` values."""

    TEXT = "text"
    GITHUB = "github"
    JSON = "json"
    SARIF = "sarif"


def format_findings(
    findings: Sequence[Finding],
    output: OutputFormat,
    *,
    tool_version: Callable[[], str],
    fix_command: str,
    command: str = "bindref check",
) -> str:
    """Render ``findings`` in ``output`` format, without a final newline.

    ``tool_version`` is asked only by the formats that state it: looking it up costs imports
    that a text report does not need.

    ``fix_command`` is the line printed after the summary when any error exists (text and
    github only): the caller knows which command fixes or explains the findings.
    """
    ordered = sort_findings(findings)
    match OutputFormat(output):  # also accepts the plain string from argparse
        case OutputFormat.TEXT:
            return _lines([f.render() for f in ordered], _closing_lines(ordered, fix_command, command))
        case OutputFormat.GITHUB:
            return _lines([github_command(f) for f in ordered], _closing_lines(ordered, fix_command, command))
        case OutputFormat.JSON:
            return _dump(json_report(ordered, tool_version=tool_version()))
        case OutputFormat.SARIF:
            return _dump(sarif_report(ordered, tool_version=tool_version()))
        case unknown:
            assert_never(unknown)


def sort_findings(findings: Sequence[Finding]) -> list[Finding]:
    """Path, line, code, then the rest, so that the order never depends on which check ran first."""
    return sorted(findings, key=lambda f: (f.path, f.line, f.code, f.column, f.message, f.hint))


def count_by_severity(findings: Sequence[Finding]) -> dict[Severity, int]:
    """How many findings of each severity, every severity present (0 when none)."""
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts


def summary_line(findings: Sequence[Finding], command: str = "bindref check") -> str:
    """``bindref check: 1 error, 2 warnings, 0 notes``, or ``no drift found``."""
    if not findings:
        return f"{command}: no drift found"
    counts = count_by_severity(findings)
    parts = [f"{n} {severity.value if n == 1 else _PLURALS[severity]}" for severity, n in counts.items()]
    return f"{command}: " + ", ".join(parts)


def _closing_lines(findings: Sequence[Finding], fix_command: str, command: str) -> list[str]:
    """The summary, then the fix line when anything fails, so the log ends with what to do next."""
    failing = any(f.severity is Severity.ERROR for f in findings)
    summary = summary_line(findings, command)
    return [summary, fix_command] if failing else [summary]


def _lines(body: list[str], closing: list[str]) -> str:
    return "\n".join([*body, *closing])


def _dump(document: JsonObject) -> str:
    """Sorted keys, fixed indentation, ASCII only: the same bytes on every machine and console."""
    return json.dumps(document, indent=2, sort_keys=True)


def _message_with_hint(finding: Finding) -> str:
    return f"{finding.message} ({finding.hint})" if finding.hint else finding.message


# --- GitHub Actions workflow commands -------------------------------------------------------------


def escape_github_data(text: str) -> str:
    """Escape a workflow command's message the way the Actions runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_github_property(text: str) -> str:
    """Escape a property value: as data, plus ``:`` and ``,`` which end a property."""
    return escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


def github_command(finding: Finding) -> str:
    """``::error file=PATH,line=N,col=C,title=BR301 name::message (hint)``: an annotation on the diff."""
    code = CODES[finding.code]
    properties: list[tuple[str, str]] = []
    if finding.path:
        properties.append(("file", finding.path))
    if finding.line > 0:
        properties.append(("line", str(finding.line)))
        if finding.column > 0:
            properties.append(("col", str(finding.column)))
    properties.append(("title", f"{code.code} {code.name}"))
    joined = ",".join(f"{key}={escape_github_property(value)}" for key, value in properties)
    command = _GITHUB_COMMANDS[code.severity]
    return f"::{command} {joined}::{escape_github_data(_message_with_hint(finding))}"


# --- JSON --------------------------------------------------------------------------------------------


def json_report(findings: Sequence[Finding], *, tool_version: str) -> JsonObject:
    """Our own machine-readable form; ``version`` changes only when a field changes meaning."""
    counts = count_by_severity(findings)
    return {
        "version": JSON_REPORT_VERSION,
        "tool": TOOL_NAME,
        "tool_version": tool_version,
        "summary": {severity.value: n for severity, n in counts.items()},
        "findings": [
            {
                "code": f.code,
                "name": CODES[f.code].name,
                "severity": f.severity.value,
                "message": f.message,
                "hint": f.hint,
                "path": f.path,
                "line": f.line,
                "column": f.column,
            }
            for f in findings
        ],
    }


# --- SARIF 2.1.0 ---------------------------------------------------------------------------------


def fingerprint(finding: Finding) -> str:
    """sha256 of code, path and message (NUL-separated); the line is left out on purpose.

    GitHub code scanning matches results across runs by this value, so a finding keeps
    its identity (and its dismissal) when lines above it move.
    """
    identity = "\0".join((finding.code, finding.path, finding.message))
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()


def sarif_rules() -> list[JsonObject]:
    """One reportingDescriptor per catalog code, sorted by id so ``ruleIndex`` is stable."""
    return [
        {
            "id": code.code,
            "name": code.name,
            "shortDescription": {"text": code.summary},
            "fullDescription": {"text": f"{code.summary} Example: {code.example}"},
            "help": {"text": code.fix},
            "defaultConfiguration": {"level": code.severity.value},
        }
        for code in sorted(CODES.values(), key=lambda c: c.code)
    ]


def sarif_location(finding: Finding) -> JsonObject:
    """A physicalLocation relative to ``%SRCROOT%``; a region only when the line is known."""
    physical: JsonObject = {
        "artifactLocation": {"uri": quote(finding.path, safe="/"), "uriBaseId": SRCROOT},
    }
    if finding.line >= 1:
        region: JsonObject = {"startLine": finding.line}
        if finding.column > 0:
            region["startColumn"] = finding.column
        physical["region"] = region
    return {"physicalLocation": physical}


def sarif_result(finding: Finding, rule_index: int) -> JsonObject:
    """One result; its level is the code's severity, whose values are SARIF's level names."""
    result: JsonObject = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": finding.severity.value,
        "message": {"text": _message_with_hint(finding)},
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding)},
    }
    if finding.path:  # a finding about no file has no location rather than a made-up one
        result["locations"] = [sarif_location(finding)]
    return result


def sarif_report(findings: Sequence[Finding], *, tool_version: str) -> JsonObject:
    """A SARIF 2.1.0 log with one run, in the shape GitHub code scanning accepts."""
    rules = sarif_rules()
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    run: JsonObject = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": tool_version,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        # No absolute root: it would differ per machine; the uploader knows the checkout.
        "originalUriBaseIds": {SRCROOT: {"description": {"text": "The repository root."}}},
        "columnKind": "unicodeCodePoints",  # Python string offsets count code points
        "results": [sarif_result(f, index[f.code]) for f in findings],
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
