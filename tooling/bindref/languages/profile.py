"""The shape of a language profile: every fact a language decides, as data.

Modules and templates ask a :class:`LanguageProfile` (how to spell a name, how to mark up
a symbol, what a member is called, where a binding goes, which Learn pivot shows it)
instead of testing which language they are handling, so a convention changes in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from bindref.languages.naming import as_written


class Language(StrEnum):
    """A language surface that a binding reference documents."""

    CSHARP_ISOLATED = "csharp_isolated"
    CSHARP_INPROCESS = "csharp_inprocess"
    JAVA = "java"
    JAVASCRIPT = "javascript"
    TYPESCRIPT = "typescript"
    POWERSHELL = "powershell"
    PYTHON = "python"


class Direction(StrEnum):
    """Binding direction as a definition declares it."""

    IN = "in"
    OUT = "out"
    TRIGGER = "trigger"


# How prose names a binding of each direction ("the input binding").
DIRECTION_KIND: Mapping[Direction, str] = {
    Direction.IN: "input",
    Direction.OUT: "output",
    Direction.TRIGGER: "trigger",
}


class _Default(Protocol):
    @property
    def source(self) -> str: ...  # read-only, so the model's frozen DefaultValue fits


class LanguageParameterShape(Protocol):
    """What :meth:`LanguageProfile.signature` reads of a parameter (the model's LanguageParameter)."""

    @property
    def name(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def required(self) -> bool: ...
    @property
    def default(self) -> _Default | None: ...


@dataclass(frozen=True, kw_only=True)
class ExtraParameter:
    """A parameter every binding has in one language (Java ``name``, Python ``arg_name``).

    ``description`` may use ``{type}``, ``{direction}`` and ``{kind}`` (input, output
    or trigger) and is formatted with Python's ``str.format`` (never Jinja).
    """

    name: str
    type: str
    required: bool
    default: str | None
    description: str
    last: bool = False  # listed after the binding's own parameters (Python's data_type)
    # Only where the binding is named by its type string (``input.generic({ type })``, function.json):
    # a typed SDK helper (``input.sql({...})``) has no ``type`` option, so it is not offered there.
    generic_only: bool = False
    # For a binding with a typed helper, a generic-only parameter is still worth a row: the
    # helper sets it (``input.sql`` writes ``type: 'sql'``). ``{helper}`` names the helper.
    helper_description: str = ""
    # An output binding's wording, where the value flows the other way ("sets" not "receives").
    output_description: str = ""
    # Its value in a generated declaration (str.format with {variable}, the function's name for
    # the value; {type}, the type string; {flow}, ``in`` or ``out``); "" = not declared.
    declared: str = ""


@dataclass(frozen=True, kw_only=True)
class LanguageProfile:
    """Everything the renderer, checks, exports and audits need to know about one language."""

    language: Language
    label: str  # "Isolated worker model", "Java": the name of the language (or worker model)
    tab: str  # the content tab that shows it; the two C# models share one
    column: str  # its column in the extension overview table ("" = no column)
    section_title: str  # "Attributes", "Annotations", "Decorators", "Configuration"
    name_column: str  # "Parameter", "Element", "Property": the reference table's first column
    member_nouns: tuple[str, str]  # ("element", "elements"): how prose and messages call a member
    symbol_kind: str  # "attribute", "annotation", "decorator"; "" where a binding has no symbol
    symbol_markup: str  # "[{name}]", "@{name}", "@app.{name}": the symbol as code writes it
    usage_subject: str  # how check messages name a usage: "attribute '[{name}]'", "'{name}' binding"
    # The binding's name when it is not an SDK symbol: str.format with {kind} and {type}.
    generic_name: str = ""
    # Where the binding goes in code, by direction (the reference intro); "" = the template says it.
    placement: Mapping[Direction, str] = field(default_factory=dict)
    # Languages named generically that also have typed SDK helpers (Node.js ``input.sql``,
    # ``app.sql``): the objects whose methods are helpers, per direction, the first as a
    # definition writes it (a trigger registers with ``app.sql`` or is ``trigger.sql``).
    helper_owners: Mapping[Direction, tuple[str, ...]] = field(default_factory=dict)
    # Where a binding with such a helper goes, as a clause that names it: str.format with {name}.
    helper_placement: Mapping[Direction, str] = field(default_factory=dict)
    # The keys of a function registration's options that are the registration's own, not the
    # trigger binding's (``app.sql(name, { handler, extraInputs, ... })``).
    registration_options: frozenset[str] = frozenset()
    fence: str
    template_dir: str
    naming_rule: Callable[[str], str]
    payload_naming_rule: Callable[[str], str]  # the data a binding carries: properties or JSON keys
    payload_nouns: str  # "properties" of a request class, "fields" of a JSON object
    type_names: Mapping[str, str]
    nullable_suffix: str = ""  # C# writes an optional value type as ``int?``
    # Other spellings an SDK uses for a type the pages spell as the value (C# ``String``, typing's ``List``).
    type_synonyms: Mapping[str, str] = field(default_factory=dict)
    true_literal: str
    false_literal: str
    null_literal: str
    extras: tuple[ExtraParameter, ...] = ()
    # Arguments a usage may pass by position: these extras, then one of the binding's
    # constructor signatures (Binding.constructors: C# overloads, Python's parameters); None = none.
    positional_extras: tuple[str, ...] | None = None
    # C#: a named argument outside the constructor sets a property (``Connection = "..."``),
    # and a constructor parameter is a get-only property unless a definition says otherwise.
    settable_properties: bool = False
    # A generated declaration passes constructor parameters by position (C# attributes);
    # otherwise every argument is named (Java elements, Python keywords, Node.js options).
    declares_positionally: bool = False
    # The smallest file a declaration parses in (str.format with {code}): an attribute alone is
    # not a C# file, a binding entry alone not a function.json.
    declaration_context: str = "{code}"
    # How hints write a positional signature: str.format with {name} and {parameters}, and one
    # parameter with {type}, {name} and (when it has a default) {default}.
    # How a named constructor argument spells a parameter (C# ``connectionStringSetting:``).
    constructor_spelling: Callable[[str], str] = as_written
    signature_markup: str = "{name}({parameters})"
    signature_parameter: str = "{name}"
    signature_default: str = "{name}={default}"
    signature_nouns: tuple[str, str] = ("signature", "signatures")  # C#: a constructor
    host_properties: frozenset[str] = frozenset()  # read by the host on every binding (dataType)
    sample_syntax: str  # how its sample files declare bindings (bindref.samples.usages.Syntax)
    # The scripts of its function.json programming model (PowerShell, Node.js v3, Python v1):
    # a function.json belongs to the language of the script beside it, whichever syntax
    # bindref reads that language's samples in.
    script_suffixes: tuple[str, ...] = ()
    sdk_family: str = ""  # the SDK reader that knows its surface: "csharp", "java", "python"
    sdk_namespace: str = ""  # the namespace that tells a worker model's attributes apart
    learn_pivot: str  # Microsoft Learn's zone pivot: programming-language-<pivot>
    learn_tab: str = ""  # the Learn tab id inside a pivot shared by several models
    # The Learn pivot groups (a page's zone_pivot_groups) that offer its pivot; the audit expects
    # an example zone for the pivot only on a page of one of these groups.
    learn_pivot_groups: tuple[str, ...] = (
        "programming-languages-set-functions",
        "programming-languages-set-functions-lang-workers",
    )
    # What `bindref new` writes for this language. The sample's definition key and folder under
    # samples/<extension>/ (both C# models share one sample: "csharp"); its file name
    # (str.format with {pascal}, {camel}, {snake}); how a line comment starts in it (for the
    # region markers); the SDK symbol's name (str.format with {pascal}, {snake}, {suffix}:
    # Input/Output, {snake_suffix}: _input/_output, both empty for a trigger; "" = named
    # generically); and what the language's usage text describes (its TODO).
    sample_key: str = ""
    sample_file: str = ""
    comment_leader: str = ""
    indented_blocks: bool = False  # a block's body is its indented lines (the audit's range checks)
    scaffold_name: str = ""
    usage_prompt: str = ""

    @property
    def names_binding_by_symbol(self) -> bool:
        """Whether a definition must spell the binding's SDK symbol for this language."""
        return not self.generic_name

    def spell(self, canonical: str) -> str:
        """The parameter name this language uses, before per-field overrides."""
        return self.naming_rule(canonical)

    def symbol(self, name: str) -> str:
        """The binding's name as code writes it: ``[AssistantPost]``, ``@AssistantPost``."""
        return self.symbol_markup.format(name=name)

    def binding_name(self, *, kind: str, type_name: str) -> str:
        """The name of a binding this language names by its type string (``input.generic(...)``)."""
        return self.generic_name.format(kind=kind, type=type_name)

    def helper_names(self, name: str, direction: Direction, type_name: str) -> tuple[str, ...]:
        """The typed SDK helpers a usage may call for a binding this language names ``name``.

        None for a language without helpers or a binding named generically; a trigger's
        helper is accepted under each of its owners (``app.sql`` and ``trigger.sql``).
        """
        generic = self.binding_name(kind=DIRECTION_KIND[direction], type_name=type_name)
        if not self.helper_owners or not name or name == generic:
            return ()
        owners = self.helper_owners.get(direction, ())
        owner, _, helper = name.partition(".")
        return tuple(f"{o}.{helper}" for o in owners) if helper and owner in owners else (name,)

    def placement_for(self, direction: Direction, name: str, type_name: str) -> str:
        """Where a binding named ``name`` goes in code: its typed helper's clause, else ``placement``."""
        if self.helper_names(name, direction, type_name) and direction in self.helper_placement:
            return self.helper_placement[direction].format(name=name)
        return self.placement.get(direction, "")

    def type_name(self, canonical_type: str) -> str:
        """Map a canonical annotation (``str``, ``bool``, ``int``, ``str | None``)."""
        optional = canonical_type.endswith(" | None")
        base = canonical_type.removesuffix(" | None")
        name = self.type_names.get(base, base)
        return f"{name}{self.nullable_suffix}" if optional else name

    def literal(self, value: object) -> str:
        """Format a default value as this language writes it in source code."""
        if value is None:
            return self.null_literal
        if value is True:
            return self.true_literal
        if value is False:
            return self.false_literal
        if isinstance(value, str):
            escaped = value.replace("\\", "\\\\").replace('"', '\\"')
            return f'"{escaped}"'
        return str(value)

    def signature(self, name: str, parameters: Sequence[LanguageParameterShape]) -> str:
        """A positional signature as hints print it: ``SqlInputAttribute(string commandText, ...)``."""
        shown = []
        for parameter in parameters:
            values = {"type": parameter.type, "name": self.constructor_spelling(parameter.name)}
            if parameter.default is None and not parameter.required:
                values["default"] = self.null_literal
                shown.append(self.signature_default.format(**values))
            elif parameter.default is not None:
                values["default"] = parameter.default.source
                shown.append(self.signature_default.format(**values))
            else:
                shown.append(self.signature_parameter.format(**values))
        return self.signature_markup.format(name=name, parameters=", ".join(shown))
