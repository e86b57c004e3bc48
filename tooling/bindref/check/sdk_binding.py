"""Compare what an SDK states about a binding itself with its definition (BR408-BR410).

The parameters can all match while the binding is still wrong: a definition that says
``type="sqlInput"`` where ``SqlInput.get_binding_name()`` returns ``"sql"``, or
``direction="in"`` for a class derived from ``OutputBindingAttribute``, documents a
binding the host does not have. And a C# attribute is used by its constructors, so the
positional signatures a definition declares must be the real ones, in their order.
"""

from __future__ import annotations

from dataclasses import dataclass

from bindref.check.findings import Finding
from bindref.core.model import Binding
from bindref.languages import DIRECTION_KIND, PROFILES, Language
from bindref.sdk.sources import SdkParameter, SdkSurface


@dataclass(kw_only=True)
class _SourceText:
    """A default as source text; mutable because the profile's protocol declares a plain attribute."""

    source: str


@dataclass(frozen=True, kw_only=True)
class _Shown:
    """An SDK constructor parameter in the shape :meth:`LanguageProfile.signature` prints."""

    name: str
    type: str
    required: bool
    default: _SourceText | None


def compare_statement(binding: Binding, language: Language, surface: SdkSurface) -> list[Finding]:
    """The type string and direction, where the SDK states them (and nothing where it does not)."""
    statement = surface.statement
    if statement is None:
        return []
    where = f"{language.value} '{surface.symbol}'"
    said = f"{statement.stated_as} at {statement.path}:{statement.line}"
    findings = []
    if statement.type_name is not None and statement.type_name != binding.type_name:
        message = f"{where} binds type '{statement.type_name}', the definition '{binding.type_name}'"
        hint = f'read from {said}; set type="{statement.type_name}"'
        findings.append(_finding("BR408", message, binding, hint))
    if statement.directions and binding.direction not in statement.directions:
        allowed = sorted(statement.directions)
        kinds = " or ".join(DIRECTION_KIND[d] for d in allowed)
        message = f"{where} is an {kinds} binding, the definition says direction '{binding.direction.value}'"
        choices = " or ".join(f'direction="{d.value}"' for d in allowed)
        findings.append(_finding("BR409", message, binding, f"read from {said}; set {choices}"))
    return findings


def compare_constructors(binding: Binding, language: Language, surface: SdkSurface) -> list[Finding]:
    """The definition's positional signatures against every public constructor, as sets of overloads."""
    if surface.constructors is None or language not in binding.constructors:
        return []
    real = {tuple(p.name for p in signature) for signature in surface.constructors}
    ours = set(binding.constructors[language])
    if real == ours:
        return []
    profile = PROFILES[language]
    declared = "; ".join(
        profile.signature(surface.symbol, [_shown(p) for p in signature])
        for signature in sorted(surface.constructors, key=len, reverse=True)
    )
    written = "; ".join(f"({', '.join(names)})" for names in sorted(ours, key=len, reverse=True))
    message = f"{language.value} '{surface.symbol}' constructors differ from the definition's {written}"
    hint = f"declared at {surface.path}:{surface.line}: {declared}; set constructors= in binding() to match"
    return [_finding("BR410", message, binding, hint)]


def _shown(parameter: SdkParameter) -> _Shown:
    default = None if parameter.default is None else _SourceText(source=parameter.default)
    return _Shown(name=parameter.name, type=parameter.type, required=parameter.required, default=default)


def _finding(code: str, message: str, binding: Binding, hint: str) -> Finding:
    location = binding.location
    return Finding(code=code, message=message, path=location.path, line=location.line, hint=hint)
