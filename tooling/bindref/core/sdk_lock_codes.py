"""The finding codes of the SDK lock (BR421-BR428): what changed in an SDK since it was reviewed.

The SDK comparison (BR401-BR410) says where a definition contradicts the SDK today; the
lock says what the SDK changed since a person last read it against the definitions, so
an SDK upgrade becomes a short list of review items. A change since review is a warning,
not an error: the SDK may be right and the definition still correct (a reworded doc
comment, a widened type), and a contradiction it causes is already an error of its own
(BR401-BR405). Warnings are listed and annotated in CI without failing the run, until
``bindref sdk lock`` records the reviewed state.
"""

from __future__ import annotations

from bindref.core.code_kinds import Code, Severity

_REFRESH = "Review the definition against the SDK, then run `bindref sdk lock --extension NAME`."

SDK_LOCK_CODES = (
    Code(
        code="BR421",
        name="sdk-lock-missing",
        severity=Severity.NOTE,
        summary="An extension has no SDK lock, or its lock does not record an SDK, binding or language "
        "that this run compares: there is nothing to compare that SDK text with.",
        example="binding_defs/sql/sdk.lock.json: no SDK lock for extension 'sql' "
        "(create it with bindref sdk lock --extension sql)",
        fix="Run `bindref sdk lock --extension NAME` once the definitions match the SDKs; commit the file.",
    ),
    Code(
        code="BR422",
        name="sdk-lock-not-compared",
        severity=Severity.NOTE,
        summary="The lock records an SDK that this run does not read (its sources not given, or turned off "
        "with --no-python-sdk or --no-java-sdk): its changes since the lock are not known.",
        example="binding_defs/openai/sdk.lock.json:4: the csharp SDK recorded in the lock is not compared "
        "in this run",
        fix="Give that SDK's sources (--sdk-source, or the extension's settings) to compare it.",
    ),
    Code(
        code="BR423",
        name="sdk-lock-version",
        severity=Severity.NOTE,
        summary="The SDK read in this run is another version (package version, Maven coordinate or "
        "checkout commit) than the one the lock was made from.",
        example="binding_defs/sql/sdk.lock.json:12: python SDK is azure-functions 1.27.0, the lock "
        "records azure-functions 1.26.0",
        fix=_REFRESH,
    ),
    Code(
        code="BR424",
        name="sdk-lock-added",
        severity=Severity.WARNING,
        summary="The SDK has a parameter that it did not have when the lock was made.",
        example="binding_defs/sql/input.py:9: java 'SQLInput' has element 'timeout' that the lock does "
        "not record",
        fix=_REFRESH,
    ),
    Code(
        code="BR425",
        name="sdk-lock-removed",
        severity=Severity.WARNING,
        summary="A parameter (or the whole attribute, annotation or decorator) that the lock records is "
        "gone from the SDK.",
        example="binding_defs/sql/input.py:30: java 'SQLInput' no longer has element 'commandType'",
        fix=_REFRESH,
    ),
    Code(
        code="BR426",
        name="sdk-lock-renamed",
        severity=Severity.WARNING,
        summary="A parameter the lock records is spelled differently in the SDK now (a missing and an "
        "added name that are one spelling apart, as BR403 pairs them).",
        example="binding_defs/sql/input.py:30: java 'SQLInput' renamed element 'commandType' to "
        "'commandKind' since the lock",
        fix=_REFRESH,
    ),
    Code(
        code="BR427",
        name="sdk-lock-signature",
        severity=Severity.WARNING,
        summary="A parameter's type, required-ness or default in the SDK changed since the lock.",
        example="binding_defs/sql/input.py:30: java 'SQLInput' element 'commandType' changed since the "
        'lock: default was "Text", now "StoredProcedure"',
        fix=_REFRESH,
    ),
    Code(
        code="BR428",
        name="sdk-lock-doc",
        severity=Severity.WARNING,
        summary="The SDK's own doc comment of a parameter (C# XML doc, Javadoc, Python docstring) changed "
        "since the lock; the message shows the old and the new text.",
        example="binding_defs/sql/input.py:18: doc comment of java 'SQLInput' element 'commandText' "
        'changed since the lock: was "The query." now "The query or procedure."',
        fix="Check that the definition's description still says what the SDK says; then refresh the lock.",
    ),
)
