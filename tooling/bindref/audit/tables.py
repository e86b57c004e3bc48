"""BR605 and BR610: reference tables against the binding's definition, one finding per cause.

One mistake shows in every language's table (``model`` listed where the binding has
``chatModel``; the request's payload fields listed as binding parameters), so rows are
judged per table and then grouped by cause: one finding, every line. A row is matched by
its name with case, blanks and underscores ignored, so ``AIConnectionName``,
``aiConnectionName`` and ``ai_connection_name`` are one parameter. Besides names, a row's
"Optional"/"Required" mark and its stated default are compared with the definition. The
language's own optional rows (Python's ``data_type``, a Node.js ``type``) left out are notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import get_close_matches

from bindref.audit.context import PageAudit
from bindref.audit.page import Table, TableRow
from bindref.check.findings import Finding
from bindref.core.model import Binding, RuntimeKind
from bindref.languages import PROFILES, Language
from bindref.render.tables import Row, rows_for

_SQUASH = re.compile(r"[\s_]")  # is_reasoning _model, time_stamp_utc: misspellings, not new names
_MUST_BE = re.compile(r"[Mm]ust be `([^`]*)`")
_MARK = re.compile(
    r"^[\W_]*(optional|required)(?![a-z])|\((optional|required)\)", re.I
)  # "_Optional_.", "(Required)"
_LITERAL = re.compile(r"^(?:\".*\"|'.*'|-?\d+(?:\.\d+)?)$")  # a default the page can state as text
_DEFAULT = re.compile(
    r"(?:default(?:s| value)?(?: is| to| of|:)|defaults? to)\s+(?:the value\s+)?`([^`]+)`", re.I
)


_VERBS = ("leave", "spell", "mark", "say", "list")
_THIRD = {"leave": "leaves", "say": "says"}  # the verbs' singular forms, for one table


def squash(name: str) -> str:
    """The name with case, blanks and underscores ignored."""
    return _SQUASH.sub("", name).lower()


@dataclass
class Causes:
    """Findings of all tables, grouped by cause: key -> (message, hint, lines)."""

    groups: dict[tuple[str, ...], tuple[str, str, list[int]]] = field(default_factory=dict)
    labels: dict[tuple[str, ...], list[str]] = field(default_factory=dict)

    def add(self, key: tuple[str, ...], label: str, line: int, message: str, hint: str) -> None:
        """Record one line of a cause; the first message and hint stand for all."""
        self.groups.setdefault(key, (message, hint, []))[2].append(line)
        self.labels.setdefault(key, []).append(label)


@dataclass(frozen=True)
class TableScope:
    """A table and the languages of the zone it is in."""

    table: Table
    languages: tuple[Language, ...]
    label: str


def table_findings(audit: PageAudit, binding: Binding, scopes: list[TableScope]) -> Iterator[Finding]:
    """Every table's drift, one finding per cause."""
    errors, notes, payload = Causes(), Causes(), Causes()
    payload_names: dict[tuple[str, ...], list[str]] = {}  # as the first table spells them
    for scope in scopes:
        yield from _one_table(audit, binding, scope, errors, notes, payload)
        for key in payload.groups:
            payload_names.setdefault(key, [r.name for r in scope.table.rows if squash(r.name) in key[1:]])
    for key, (_, _, lines) in payload.groups.items():
        names = ", ".join(f"'{name}'" for name in payload_names[key])
        labels = "/".join(dict.fromkeys(payload.labels[key]))
        tables = "table" if len(set(lines)) == 1 else "tables"
        text = f"the {labels} {tables} list payload fields {names} as binding parameters"
        yield audit.grouped(
            "BR605", text, lines, "move them into a payload table of the request the binding reads"
        )
    for causes, code in ((errors, "BR605"), (notes, "BR610")):
        for key, (message, hint, lines) in causes.groups.items():
            labels = "/".join(dict.fromkeys(causes.labels[key]))
            tables = "table" if len(set(lines)) == 1 else "tables"
            verbs = {v: v if tables == "tables" else _THIRD.get(v, v + "s") for v in _VERBS}
            yield audit.grouped(code, message.format(labels=labels, tables=tables, **verbs), lines, hint)


def _one_table(
    audit: PageAudit, binding: Binding, scope: TableScope, errors: Causes, notes: Causes, payload: Causes
) -> Iterator[Finding]:
    languages = [lang for lang in scope.languages if binding.is_available(lang)]
    if not languages:  # a table for languages that do not have the binding at all
        reasons = dict.fromkeys(binding.unavailable[lang].reason for lang in scope.languages)
        message = f"{scope.label} table documents '{binding.key}', which {scope.label} does not have"
        yield audit.finding("BR605", message, scope.table.line, "; ".join(reasons))
        return
    expected = {squash(row.name): (lang, row) for lang in languages for row in rows_for(binding, lang)}
    fields = {squash(p.name): p.name for lang in languages for p in binding.payload_for(lang)}
    listed, extra_payload, guessed = set(), [], set[str]()
    for row in scope.table.rows:
        key = squash(row.name)
        if key in expected:
            listed.add(key)
            yield from _must_be(audit, scope.label, row, expected[key][1])
            _marks(scope.label, row, expected[key][1], errors)
            spellings = {
                r.name for lang in languages for r in rows_for(binding, lang) if squash(r.name) == key
            }
            if row.name not in spellings:
                want = " or ".join(f"'{n}'" for n in sorted(spellings))
                message = (
                    f"the {{labels}} {{tables}} {{spell}} '{row.name}', which {scope.label} writes {want}"
                )
                errors.add(("spelling", row.name, want), scope.label, row.line, message, f"write {want}")
        elif key in fields:
            extra_payload.append(row)
        else:
            unlisted = [r.name for k, (_, r) in expected.items() if k not in listed]
            named = {squash(x.name) for x in scope.table.rows}
            guess = _closest(row.name, [r for r in unlisted if squash(r) not in named | guessed])
            guessed.update([squash(guess)] if guess else [])
            hint = (
                f"did you mean '{guess}'?"
                if guess
                else f"'{binding.key}' has no such parameter: check its SDK"
            )
            message = f"the {{labels}} {{tables}} {{list}} '{row.name}', which '{binding.key}' does not have"
            errors.add(("extra", key), scope.label, row.line, message, hint)
    if extra_payload:
        group = ("payload", *(squash(row.name) for row in extra_payload))
        for row in extra_payload:
            payload.add(group, scope.label, row.line, "", "")
    # a parameter the host never reads is worth a row, but a page that leaves it out is not wrong
    ignored = {
        squash(p.name)
        for lang in languages
        for p in binding.parameters_for(lang)
        if p.runtime is not None and p.runtime.kind is RuntimeKind.IGNORED
    }
    missing = [(lang, row) for k, (lang, row) in expected.items() if k not in listed | guessed | ignored]
    _missing(scope, binding, missing, errors, notes)


def _missing(
    scope: TableScope, binding: Binding, missing: list[tuple[Language, Row]], errors: Causes, notes: Causes
) -> None:
    extras = {
        extra.name
        for lang, _ in missing
        for extra in PROFILES[lang].extras
        if not extra.required or extra.generic_only
    }
    own = [row.name for _, row in missing if row.name not in extras]
    optional = [row.name for _, row in missing if row.name in extras]
    if own:
        message = (
            f"the {{labels}} {{tables}} {{leave}} out {', '.join(map(repr, own))}, which '{binding.key}' has"
        )
        errors.add(
            ("missing", *map(squash, own)), scope.label, scope.table.line, message, "add a row for each"
        )
    if optional:
        names = ", ".join(map(repr, optional))
        message = f"the {{labels}} {{tables}} {{leave}} out {names}, which every binding has"
        notes.add(
            ("optional", *optional), scope.label, scope.table.line, message, "add a row, or leave it out"
        )


def _closest(name: str, candidates: list[str]) -> str | None:
    """A close spelling: equal but for case, blanks and underscores, else a difflib match."""
    key, by_key = squash(name), {squash(c): c for c in candidates}
    close = get_close_matches(key, list(by_key), n=1, cutoff=0.6)
    return by_key.get(key) or (by_key[close[0]] if close else None)


def _must_be(audit: PageAudit, label: str, row: TableRow, expected: Row) -> Iterator[Finding]:
    """``type`` and ``direction`` rows say "Must be `x`": the value must be the binding's."""
    want, said = _MUST_BE.search(expected.description), _MUST_BE.search(row.description)
    if want and said and want[1] != said[1]:
        message = f"{label} table says '{row.name}' must be '{said[1]}', but it is '{want[1]}'"
        yield audit.finding("BR605", message, row.line, f"write Must be `{want[1]}`.")


def _marks(label: str, row: TableRow, expected: Row, errors: Causes) -> None:
    """An "Optional"/"Required" mark and a stated default must be the definition's."""
    mark = _MARK.search(row.description)
    said = next((m for m in mark.groups() if m), "").lower() if mark else ""
    if said and (said == "required") != expected.required:
        want = "required" if expected.required else "optional"
        message = f"the {{labels}} {{tables}} {{mark}} '{row.name}' {said}, but it is {want}"
        errors.add(("mark", squash(row.name), said), label, row.line, message, f"mark it {want}")
    default = _DEFAULT.search(row.description)
    if default and expected.default is not None and _LITERAL.match(expected.default):
        said_default, want_default = default[1].strip("'\""), expected.default.strip("'\"")
        if said_default != want_default:
            message = f"the {{labels}} {{tables}} {{say}} '{row.name}' defaults to '{said_default}', "
            message += f"but it is '{want_default}'"
            key = ("default", squash(row.name), said_default)
            errors.add(key, label, row.line, message, f"write `{want_default}`")
