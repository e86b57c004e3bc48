"""One surface against its lock: parameters added, removed, renamed, re-typed, re-documented.

Each change is one finding at the definition's line for that parameter (the binding's line
when the definition does not document it), with the old and the new SDK text side by side,
so the reviewer can decide whether the definition's own text still holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from bindref.check.findings import Finding
from bindref.check.renames import pair_renames
from bindref.check.sdk_lock_file import LockedParameter, LockedSurface
from bindref.core.model import Binding, LanguageParameter, Location
from bindref.languages import PROFILES, Language


@dataclass(frozen=True, kw_only=True)
class LockScope:
    """One binding in one language; ``refresh`` is the command that records the review."""

    binding: Binding
    language: Language
    refresh: str

    def where(self, symbol: str) -> str:
        return f"{self.language.value} '{symbol}'"

    @property
    def noun(self) -> str:
        return PROFILES[self.language].member_nouns[0]

    @property
    def hint(self) -> str:
        return f"review the definition against it, then run {self.refresh}"

    def location_of(self, name: str) -> Location:
        """Where the definition documents SDK parameter ``name`` in this language, else the binding."""
        for parameter in self.binding.parameters:
            spelled = parameter.by_language.get(self.language)
            if isinstance(spelled, LanguageParameter) and spelled.name == name:
                return parameter.location
        return self.binding.location


def compare_surface(scope: LockScope, old: LockedSurface, new: LockedSurface) -> list[Finding]:
    """Every parameter change from ``old`` (the lock) to ``new`` (this run's SDK)."""
    removed = [name for name in old.parameters if name not in new.parameters]
    added = [name for name in new.parameters if name not in old.parameters]
    renames = rename_pairs(removed, added)
    findings = [_renamed(scope, new.symbol, before, after) for before, after in renames]
    paired = {name for pair in renames for name in pair}
    findings += [_removed(scope, old, name) for name in removed if name not in paired]
    findings += [_added(scope, new, name) for name in added if name not in paired]
    common = [(name, name) for name in old.parameters if name in new.parameters]
    for before, after in [*common, *renames]:
        findings += _changes(scope, new.symbol, after, old.parameters[before], new.parameters[after])
    return findings


def removed_surface(scope: LockScope, old: LockedSurface) -> Finding:
    """The whole symbol the lock records is gone from the SDK (BR406 says so against the definition)."""
    kind = PROFILES[scope.language].symbol_kind
    message = f"the {scope.language.value} SDK no longer has the {kind} '{old.symbol}' that the lock records"
    return _finding("BR425", message, scope.binding.location, scope.hint)


def rename_pairs(removed: list[str], added: list[str]) -> list[tuple[str, str]]:
    """Pair each removed name with the closest added one: one rename, not two findings (as BR403)."""
    return pair_renames(removed, added, str, str)


def _renamed(scope: LockScope, symbol: str, before: str, after: str) -> Finding:
    message = f"{scope.where(symbol)} renamed {scope.noun} '{before}' to '{after}' since the lock"
    return _finding("BR426", message, scope.location_of(before), scope.hint)


def _removed(scope: LockScope, old: LockedSurface, name: str) -> Finding:
    message = f"{scope.where(old.symbol)} no longer has {scope.noun} '{name}'"
    hint = f"the lock records it as {_signature(old.parameters[name])}; {scope.hint}"
    return _finding("BR425", message, scope.location_of(name), hint)


def _added(scope: LockScope, new: LockedSurface, name: str) -> Finding:
    parameter = new.parameters[name]
    message = f"{scope.where(new.symbol)} has {scope.noun} '{name}' that the lock does not record"
    hint = f"{_signature(parameter)}, documented as {_quoted(parameter.doc)}; {scope.hint}"
    return _finding("BR424", message, scope.location_of(name), hint)


def _changes(
    scope: LockScope, symbol: str, name: str, old: LockedParameter, new: LockedParameter
) -> list[Finding]:
    location = scope.location_of(name)
    fields = [
        f"{label} was {before}, now {after}"
        for label, before, after in (
            ("type", _quoted(old.type), _quoted(new.type)),
            ("required", str(old.required).lower(), str(new.required).lower()),
            ("default", _default(old.default), _default(new.default)),
        )
        if before != after
    ]
    findings = []
    if fields:
        message = f"{scope.where(symbol)} {scope.noun} '{name}' changed since the lock: {'; '.join(fields)}"
        findings.append(_finding("BR427", message, location, scope.hint))
    if old.doc_sha256 != new.doc_sha256:
        message = (
            f"doc comment of {scope.where(symbol)} {scope.noun} '{name}' changed since the lock: "
            f"was {_quoted(old.doc)} now {_quoted(new.doc)}"
        )
        hint = f"check that the definition's description still holds, then run {scope.refresh}"
        findings.append(_finding("BR428", message, location, hint))
    return findings


def _signature(parameter: LockedParameter) -> str:
    required = "required" if parameter.required else f"optional, default {_default(parameter.default)}"
    return f"type {_quoted(parameter.type)}, {required}"


def _default(default: str | None) -> str:
    return "not set" if default is None else default


def _quoted(text: str) -> str:
    return f'"{text}"' if text else "(none)"


def _finding(code: str, message: str, location: Location, hint: str) -> Finding:
    return Finding(code=code, message=message, path=location.path, line=location.line, hint=hint)
