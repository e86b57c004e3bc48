"""Compare the type each page shows for a parameter with the SDK's own declaration (BR411).

The definition's per-language type (the profile's type map, or ``lang(type=...)``) is the
type column of every page, so a wrong one is a wrong page; but the SDKs write one type in
many ways. ``Optional[Union[str, OpenAIModels]]``, ``str | OpenAIModels | None`` and
``OpenAIModels | str`` are one type; ``string?`` is ``string``, and ``System.String`` is
``String`` is ``string``. Whether a parameter may be left out is the required/default
comparison's business (BR404, BR405), so nullability is left out here. What is left is
compared as a set of union members, each with its generic arguments. A difference is a
warning: the SDK's annotation is a hint to a type checker, not what the host accepts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from bindref.check.findings import Finding, sdk_difference
from bindref.core.model import Binding, LanguageParameter, Location
from bindref.languages import PROFILES, Language
from bindref.languages.profile import LanguageProfile
from bindref.sdk.sources import SdkParameter, SdkSurface

# One union member: its simple name and its generic arguments (``List[str]``: list, (str,)).
_Member = tuple[str, tuple["frozenset[_Member]", ...]]
_NONE: _Member = ("None", ())
_TOKEN = re.compile(r"\s*(\[\]|[A-Za-z_][\w.]*|'[^']*'|\"[^\"]*\"|[\[\]<>(),|?])")
_OPTIONAL = frozenset({"Optional", "Nullable"})  # typing.Optional[X], System.Nullable<X>
_UNION = "Union"
_NULLS = frozenset({"None", "null"})
_CLOSING = {"[": "]", "<": ">"}


def compare_types(binding: Binding, language: Language, surface: SdkSurface) -> list[Finding]:
    """A warning per parameter whose type differs from the SDK's, once normalised."""
    profile = PROFILES[language]
    sdk = {p.name: p for p in surface.parameters}
    where = f"{language.value} '{surface.symbol}'"
    findings = []
    for name, written, accepted, location in _documented(binding, language):
        theirs = sdk.get(name)
        if theirs is None or not theirs.type or not written:
            continue  # a missing parameter is BR401/BR402's; an unannotated one states nothing
        if normalised(written, profile, definition=True) == normalised(theirs.type, profile):
            continue
        message = f"type of '{name}' is {theirs.type} in {where} but {written} in the definition"
        findings.append(
            sdk_difference("BR411", message, location, _hint(theirs, surface, language), accepted)
        )
    return findings


def normalised(written: str, profile: LanguageProfile, *, definition: bool = False) -> object:
    """The members of a type written in any SDK's syntax, None left out; unparsable: the text.

    A definition may write a canonical name (``str``) in ``lang(type=...)``; the profile's
    type map spells it (``string``), as it does for types inherited from the annotation.
    """
    names = {**profile.type_synonyms, **(profile.type_names if definition else {})}
    tokens = [m.group(1) for m in _TOKEN.finditer(written)]
    if "".join(tokens) != "".join(written.split()):
        return "".join(written.split())  # characters no SDK's type syntax has: compare the text
    try:
        parser = _Parser(tokens, names)
        members = parser.union()
        if parser.position != len(tokens):
            raise ValueError(written)
    except (ValueError, IndexError):
        return "".join(written.split())
    return (members - {_NONE}) or members


class _Parser:
    """``A | B``, ``Union[A, B]``, ``Optional[A]``, ``A?``, ``A[]``, ``List[A]``, ``Map<K, V>``."""

    def __init__(self, tokens: list[str], names: Mapping[str, str]) -> None:
        self.tokens = tokens
        self.names = names
        self.position = 0

    def take(self) -> str:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def peek(self) -> str:
        return self.tokens[self.position] if self.position < len(self.tokens) else ""

    def union(self) -> frozenset[_Member]:
        members = self.postfix()
        while self.peek() == "|":
            self.take()
            members |= self.postfix()
        return members

    def postfix(self) -> frozenset[_Member]:
        members = self.primary()
        while self.peek() in {"?", "[]"}:
            if self.take() == "?":
                members |= {_NONE}
            else:
                members = frozenset({("[]", (frozenset(members),))})
        return members

    def primary(self) -> frozenset[_Member]:
        token = self.take()
        if token == "(":  # noqa: S105  # a bracket, not a password
            members = self.union()
            if self.take() != ")":
                raise ValueError(token)
            return members
        if token[0] in "'\"":  # a forward reference: "OpenAIModels"
            inner = _Parser([m.group(1) for m in _TOKEN.finditer(token[1:-1])], self.names)
            return inner.union()
        if not (token[0].isalpha() or token[0] == "_"):
            raise ValueError(token)
        name = self.names.get(token.split(".")[-1], token.split(".")[-1])
        arguments = list(self.arguments())
        if name in _OPTIONAL:
            return frozenset().union(*arguments, {_NONE})
        if name == _UNION:
            return frozenset().union(*arguments)
        if name in _NULLS:
            return frozenset({_NONE})
        return frozenset({(name, tuple(arguments))})

    def arguments(self) -> Iterator[frozenset[_Member]]:
        """``[A, B]`` or ``<A, B>`` after a name; nothing when neither follows."""
        opening = self.peek()
        if opening not in _CLOSING:
            return
        self.take()
        yield self.union()
        while self.peek() == ",":
            self.take()
            yield self.union()
        if self.take() != _CLOSING[opening]:
            raise ValueError(opening)


def _documented(binding: Binding, language: Language) -> Iterator[tuple[str, str, str, Location]]:
    """(name, type, accepted, location) of the binding's own parameters in ``language``.

    The profile's extras are left out: one type serves every binding, where the SDK's
    annotation varies by decorator (azure-functions 1.26.0 annotates ``data_type`` as
    ``Optional[DataType]`` on some, ``Optional[Union[DataType, str]]`` on others, and
    parses a string on all), and no definition could set it apart.
    """
    for parameter in binding.parameters:
        spelled = parameter.by_language.get(language)
        if not parameter.payload and isinstance(spelled, LanguageParameter):
            yield spelled.name, spelled.type, spelled.accepted, parameter.location


def _hint(theirs: SdkParameter, surface: SdkSurface, language: Language) -> str:
    declared = f"declared at {theirs.path or surface.path}:{theirs.line}"
    return f"{declared}; set languages={{'{language.value}': lang(type=\"{theirs.type}\")}}"
