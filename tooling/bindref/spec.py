"""The vocabulary binding definitions are written in.

Definitions in ``binding_defs/`` are plain, importable, type-checkable Python that
uses these helpers. bindref itself never imports them: the loader reads the source
statically (griffe + a literal evaluator), so every argument given to these helpers
must be a literal. Importing them (for an IDE or mypy) is harmless: the helpers only
build inert values.

A minimal definition::

    @binding(type="assistantPost", direction="in", title="...",
             names={"csharp_isolated": "AssistantPostInput", ...})
    @dataclass(frozen=True, kw_only=True)
    class AssistantPost:
        '''One-paragraph summary of what the binding does.'''

        id: str = param(required=True)
        '''The ID of the assistant to post to.'''
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bindref.languages import Direction

__all__ = [
    "Direction",
    "Example",
    "LanguageOverride",
    "NoExample",
    "Runtime",
    "SourceCode",
    "binding",
    "code",
    "example",
    "lang",
    "no_example",
    "param",
    "runtime",
]

T = TypeVar("T")


class _Unset:
    """Marker for 'not given', distinct from an explicit ``None`` default."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


@dataclass(frozen=True)
class SourceCode:
    """A default written as source code rather than a value (``OpenAIModels.DefaultChatModel``)."""

    text: str


def code(text: str) -> SourceCode:
    """Document a default exactly as the SDK spells it in source."""
    return SourceCode(text)


@dataclass(frozen=True, kw_only=True)
class Runtime:
    """What the extension does beyond a parameter's declared signature (see :func:`runtime`)."""

    required: bool = False
    default: Any = UNSET
    ignored: bool = False
    reason: str = ""
    source: str = ""
    line: int = field(default=0, compare=False)  # set by the loader: where the call is


def runtime(
    *,
    required: bool = False,
    default: Any = UNSET,
    ignored: bool = False,
    reason: str = "",
    source: str = "",
) -> Runtime:
    """Record one way the extension's runtime departs from the SDK's declaration, with its evidence.

    Exactly one of: ``required=True`` (the SDK declares the parameter optional, the extension
    rejects an empty value: the table says Required and names the declared default),
    ``default=...`` (the value that applies when the parameter is not set, where the SDK's
    literal never reaches the host: the table shows it and names the SDK literal), or
    ``ignored=True`` (the host never reads it: the table says it has no effect). The parameter's
    own ``required``/``default`` stay the SDK's declaration, which ``bindref check`` compares;
    the check reports the runtime difference as accepted, with ``reason`` (a sentence the page
    shows) and ``source`` (where the extension does it: ``path:L<line>`` or ``path:L<a>-L<b>``,
    relative to the extension's source at the commit its ``runtime_source`` setting names).
    """
    return Runtime(required=required, default=default, ignored=ignored, reason=reason, source=source)


@dataclass(frozen=True, kw_only=True)
class LanguageOverride:
    """How one parameter differs in one language (see :func:`lang`)."""

    name: str | None = None
    type: str | None = None
    default: Any = UNSET
    required: bool | None = None
    available: bool = True
    reason: str = ""
    note: str = ""
    accepted: str = ""
    settable: bool | None = None
    runtime: Runtime | None = None


def lang(
    *,
    name: str | None = None,
    type: str | None = None,  # noqa: A002  # mirrors the table column authors think in
    default: Any = UNSET,
    required: bool | None = None,
    available: bool = True,
    reason: str = "",
    note: str = "",
    accepted: str = "",
    settable: bool | None = None,
    runtime: Runtime | None = None,
) -> LanguageOverride:
    """Override a parameter for one language (or group: ``csharp``, ``node``).

    ``note`` is appended to the description in that language's table; ``available=False``
    needs a ``reason``; ``accepted`` records why a difference from the SDK is intended.
    ``settable`` says whether a C# constructor parameter also has a public setter (by default
    a constructor parameter is a get-only property, and any other parameter is settable).
    ``runtime`` (:func:`runtime`) records what the extension does beyond the declared signature
    in that language; it replaces a ``param(runtime=...)`` there.
    """
    return LanguageOverride(
        name=name,
        type=type,
        default=default,
        required=required,
        available=available,
        reason=reason,
        note=note,
        accepted=accepted,
        settable=settable,
        runtime=runtime,
    )


def param(
    *,
    required: bool = False,
    default: Any = UNSET,
    names: Mapping[str, str] | None = None,
    languages: Mapping[str, LanguageOverride] | None = None,
    payload: bool = False,
    only: Sequence[str] | None = None,
    shown: bool = False,
    example: str | int | float | bool | None = None,
    runtime: Runtime | None = None,
) -> Any:
    """Declare a binding parameter (or, with ``payload=True``, a field of the data it carries).

    ``required=True`` means a constructor argument / element without default /
    positional argument. Without ``default`` an optional parameter has no default
    (null). ``names`` overrides the spelling per language; ``languages`` holds every
    other per-language difference. A payload field (the JSON an output binding writes,
    such as the assistant create request) is spelled as C# properties in C# and as
    camelCase JSON keys elsewhere, and is shown in its own table. ``only`` lists the language
    keys that have the parameter at all (the in-process ``[Blob]`` attribute's ``Access``): the
    other languages leave it out of their tables without a "not available" sentence.
    ``shown=True`` puts an optional parameter that is commonly set into the generated
    declaration (which otherwise holds the parameters required in some language only), and
    ``example`` is the value the declaration shows for it (else a ``"<NAME>"`` placeholder).
    ``runtime`` (:func:`runtime`) records what the extension does beyond the declared signature,
    in every language (``lang(runtime=...)`` replaces it in one language or group).
    """
    spec = {
        "required": required,
        "default": default,
        "names": names,
        "languages": languages,
        "payload": payload,
        "only": only,
        "shown": shown,
        "example": example,
        "runtime": runtime,
    }
    return field(default=None, metadata={"bindref": spec})


@dataclass(frozen=True, kw_only=True)
class Example:
    """A sample region shown in one language's example tab."""

    language: str
    path: str
    region: str | None
    description: str
    title: str | None
    line: int = field(default=0, compare=False)  # set by the loader: where the call is


@dataclass(frozen=True, kw_only=True)
class NoExample:
    """An explicit, reasoned absence of an example in one language."""

    language: str
    reason: str
    line: int = field(default=0, compare=False)  # set by the loader: where the call is


def example(
    language: str,
    path: str,
    *,
    region: str | None = None,
    description: str = "",
    title: str | None = None,
) -> Example:
    """Pull ``region`` (or the whole file) of ``path`` under the samples folder."""
    return Example(language=language, path=path, region=region, description=description, title=title)


def no_example(language: str, reason: str) -> NoExample:
    """Say why a language has no example instead of leaving its tab empty."""
    return NoExample(language=language, reason=reason)


def binding(
    *,
    type: str,  # noqa: A002  # the function.json key is literally "type"
    direction: Direction | str,
    title: str,
    names: Mapping[str, str],
    key: str | None = None,
    constructors: Mapping[str, Sequence[str] | Sequence[Sequence[str]]] | None = None,
    unavailable: Mapping[str, str] | None = None,
    usage: Mapping[str, str] | None = None,
    examples: Sequence[Example | NoExample] = (),
    payload_types: Mapping[str, str] | None = None,
) -> Callable[[builtins.type[T]], builtins.type[T]]:
    """Mark a dataclass as a binding definition; the class is returned unchanged.

    ``key`` names the binding inside its extension (pages call ``binding_reference("sql/input")``);
    it defaults to the module's file name in camelCase, so ``sql/input.py`` is ``sql/input``.
    Several bindings may share a ``type`` string (SQL input and output are both ``sql``).
    ``constructors`` gives, per language key, the SDK's positional signature as canonical field
    names in their real order: a C# attribute's constructor (a list of tuples for overloads), or
    Python's positional parameters. A listed field that is not required is an optional
    constructor parameter. Without it, the required fields are positional in declaration order.
    ``payload_types`` names, per language key, the class that holds the binding's payload
    (``param(payload=True)`` fields), such as ``AssistantCreateRequest``; elsewhere it is a JSON object.
    """

    def mark(cls: builtins.type[T]) -> builtins.type[T]:
        return cls

    return mark
