"""``bindref check`` against the SDK lock: what an SDK changed since it was reviewed (BR421-BR428).

The SDK comparison (:mod:`bindref.check.sdk`) only knows the SDK as it is now, so a
reworded doc comment, a new optional parameter or a changed default whose definition
still "matches" passes unseen. The lock (:mod:`bindref.check.sdk_lock_file`) keeps the SDK
text a person reviewed; this check reads the same SDKs as the comparison and reports each
difference from the lock as a review item, at the definition's line where there is one.
It never writes the lock: ``bindref sdk lock`` does, from :func:`refreshed_lock`.
"""

from __future__ import annotations

from collections.abc import Mapping

from bindref.check.context import CheckContext
from bindref.check.findings import Finding
from bindref.check.sdk import sdk_surfaces, source_roots
from bindref.check.sdk_lock_diff import LockScope, compare_surface, removed_surface
from bindref.check.sdk_lock_file import LockedSurface, SdkLock, lock_path, locked_surface, read_lock
from bindref.core.model import Binding
from bindref.languages import PROFILES, Language, languages_of_sdk
from bindref.sdk.provenance import Provenance, describe, package_provenance, source_provenance
from bindref.sdk.python import FAMILY as PYTHON_FAMILY
from bindref.sdk.python import PACKAGE


def check_sdk_lock(context: CheckContext) -> list[Finding]:
    """Every change since each extension's lock in the SDKs this run reads; nothing is written.

    Without a lock, a note says how to make one, where there is something to lock: an
    extension none of whose bindings any SDK of this run declares has no SDK text to keep.
    """
    findings: list[Finding] = []
    for extension in sorted({b.extension for b in context.catalog.bindings.values()}):
        relative = lock_path(context.project.settings, extension)
        locked = read_lock(context.project.settings.root, relative)
        current = current_lock(context, extension)
        if locked is None and current.bindings:
            hint = f"create it with 'bindref sdk lock --extension {extension}' once the SDK check is clean"
            message = f"no SDK lock for extension '{extension}'"
            findings.append(Finding(code="BR421", message=message, path=relative, hint=hint))
        elif locked is not None:
            findings += _compare(context, locked, current, relative)
    return findings


def current_lock(context: CheckContext, extension: str) -> SdkLock:
    """The lock as the SDKs of this run would write it for ``extension``."""
    surfaces = sdk_surfaces(context, extension, {})
    sdks = _provenances(context, extension, surfaces)
    bindings: dict[str, dict[Language, LockedSurface]] = {}
    for binding in _bindings(context, extension):
        for language in sorted(surfaces, key=lambda lang: lang.value):
            surface = surfaces[language].get(binding.names.get(language, ""))
            if surface is not None and binding.is_available(language):
                bindings.setdefault(binding.key, {})[language] = locked_surface(surface)
    return SdkLock(extension=extension, sdks=sdks, bindings=bindings)


def refreshed_lock(
    context: CheckContext, extension: str, previous: SdkLock | None
) -> tuple[SdkLock, list[str]]:
    """The lock to write: this run's SDKs, and the previous lock's for SDKs this run does not read.

    A refresh without the C# sources must not forget the C# review; the families kept are
    returned, so the command can say so. Bindings no definition has any more are dropped.
    """
    current = current_lock(context, extension)
    if previous is None:
        return current, []
    kept = sorted(family for family in previous.sdks if family not in current.sdks)
    keys = {b.key for b in _bindings(context, extension)}
    bindings = {key: dict(by_language) for key, by_language in current.bindings.items()}
    for key, by_language in previous.bindings.items():
        for language, surface in by_language.items():
            if key in keys and PROFILES[language].sdk_family in kept:
                bindings.setdefault(key, {})[language] = surface
    sdks = {**current.sdks, **{family: previous.sdks[family] for family in kept}}
    ordered = {
        key: dict(sorted(b.items(), key=lambda item: item[0].value)) for key, b in sorted(bindings.items())
    }
    return SdkLock(extension=extension, sdks=dict(sorted(sdks.items())), bindings=ordered), kept


def _bindings(context: CheckContext, extension: str) -> list[Binding]:
    return sorted(
        (b for b in context.catalog.bindings.values() if b.extension == extension), key=lambda b: b.key
    )


def _provenances(
    context: CheckContext, extension: str, surfaces: Mapping[Language, object]
) -> dict[str, tuple[Provenance, ...]]:
    """Which SDK of each family this run read: source roots, and the installed Python package."""
    outside = context.project.settings.root
    sdks = {
        family: tuple(source_provenance(root, outside=outside) for root in roots)
        for family, roots in source_roots(context, extension).items()
    }
    if any(language in surfaces for language in languages_of_sdk(PYTHON_FAMILY)):
        sdks[PYTHON_FAMILY] = (package_provenance(PACKAGE),)
    return dict(sorted(sdks.items()))


def _compare(context: CheckContext, locked: SdkLock, current: SdkLock, relative: str) -> list[Finding]:
    findings = _compare_sdks(locked, current, relative)
    refresh = f"'bindref sdk lock --extension {locked.extension}'"
    for binding in _bindings(context, locked.extension):
        old = locked.bindings.get(binding.key, {})
        new = current.bindings.get(binding.key, {})
        for language in sorted(set(old) | set(new), key=lambda lang: lang.value):
            if (
                PROFILES[language].sdk_family not in current.sdks
                or PROFILES[language].sdk_family not in locked.sdks
            ):
                continue  # not compared (BR422) or not locked (BR421): said once per SDK
            scope = LockScope(binding=binding, language=language, refresh=refresh)
            findings += _compare_language(scope, old.get(language), new.get(language))
    return findings


def _compare_language(
    scope: LockScope, old: LockedSurface | None, new: LockedSurface | None
) -> list[Finding]:
    location = scope.binding.location
    if new is None:
        if (
            old is None
            or scope.language not in scope.binding.names
            or not scope.binding.is_available(scope.language)
        ):
            return []  # the definition no longer documents it there: not an SDK change
        return [removed_surface(scope, old)]
    if old is None or old.symbol != new.symbol:
        was = "" if old is None else f" (it records '{old.symbol}')"
        message = f"the SDK lock has no entry for {scope.language.value} '{new.symbol}'{was}"
        hint = f"review binding '{scope.binding.key}' against it, then run {scope.refresh}"
        return [Finding(code="BR421", message=message, path=location.path, line=location.line, hint=hint)]
    return compare_surface(scope, old, new)


def _compare_sdks(locked: SdkLock, current: SdkLock, relative: str) -> list[Finding]:
    """Per SDK family: not compared now, not locked, or read from another version."""
    findings: list[Finding] = []
    refresh = f"run 'bindref sdk lock --extension {locked.extension}'"
    for family in sorted(set(locked.sdks) | set(current.sdks)):
        line = locked.line_of_sdk(family)
        if family not in current.sdks:
            message = f"the {family} SDK recorded in the lock is not compared in this run"
            hint = "its changes since the lock are unknown; give its sources or do not turn it off"
            findings.append(Finding(code="BR422", message=message, path=relative, line=line, hint=hint))
        elif family not in locked.sdks:
            message = f"the {family} SDK compared in this run is not recorded in the lock"
            hint = f"review the definitions against it, then {refresh}"
            findings.append(Finding(code="BR421", message=message, path=relative, line=1, hint=hint))
        elif locked.sdks[family] != current.sdks[family]:
            now, then = _versions(current.sdks[family]), _versions(locked.sdks[family])
            message = f"{family} SDK is {now}, the lock records {then}"
            hint = f"the changes it brings are listed as BR424-BR428; after review {refresh}"
            findings.append(Finding(code="BR423", message=message, path=relative, line=line, hint=hint))
    return findings


def _versions(provenances: tuple[Provenance, ...]) -> str:
    return "; ".join(describe(p) for p in provenances) or "none"
