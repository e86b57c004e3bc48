"""The finding codes of the SDK comparison (BR401-BR411), kept apart from the rest of the catalog.

They are the largest family, and grow with every fact an SDK states that a definition can
contradict; :mod:`bindref.core.codes` places them in the one catalog in code order.
"""

from __future__ import annotations

from bindref.core.code_kinds import Code, Severity

SDK_CODES = (
    Code(
        code="BR401",
        name="sdk-missing-parameter",
        severity=Severity.ERROR,
        summary="The SDK has a parameter the definition does not document for that language.",
        example="binding_defs/openai/assistant_post.py:15: python 'assistant_post_input' has parameter "
        "'collection_name' that the definition lacks",
        fix="Add the field to the definition (or lang(available=False, ...) with accepted=... for a known "
        "difference).",
    ),
    Code(
        code="BR402",
        name="sdk-extra-parameter",
        severity=Severity.ERROR,
        summary="The definition documents a parameter the SDK does not have in that language.",
        example="binding_defs/openai/assistant_post.py:77: 'model' is not a parameter of python "
        "'assistant_post_input'",
        fix="Remove or rename the field, or mark it unavailable in that language.",
    ),
    Code(
        code="BR403",
        name="sdk-renamed-parameter",
        severity=Severity.ERROR,
        summary="A parameter is spelled differently in the SDK than in the definition.",
        example="binding_defs/openai/semantic_search.py:60: java spells 'max_knowledge_count' as "
        "'maxKnowledgeLength', the definition as 'maxKnowledgeCount'",
        fix="Set the spelling with names={'java': 'maxKnowledgeLength'}.",
    ),
    Code(
        code="BR404",
        name="sdk-required-mismatch",
        severity=Severity.ERROR,
        summary="The definition and the SDK disagree on whether a parameter is required.",
        example="binding_defs/openai/assistant_query.py:30: 'timestamp_utc' is required in python "
        "'assistant_query_input' but optional in the definition",
        fix="Set required=... for that language with lang(required=...).",
    ),
    Code(
        code="BR405",
        name="sdk-default-mismatch",
        severity=Severity.ERROR,
        summary="The definition and the SDK disagree on a parameter's default.",
        example="binding_defs/openai/semantic_search.py:70: default of 'max_tokens' is \"2048\" in "
        "csharp_isolated 'SemanticSearchInput' but \"100\" in the definition",
        fix="Set the default for that language with lang(default=...).",
    ),
    Code(
        code="BR406",
        name="sdk-binding-not-found",
        severity=Severity.ERROR,
        summary="The SDK has no decorator, attribute or annotation by the name the definition gives.",
        example="binding_defs/openai/assistant_post.py:15: python SDK has no decorator "
        "'assistant_post_inputs'",
        fix="Fix the name in binding(names={...}).",
    ),
    Code(
        code="BR407",
        name="sdk-accepted-difference",
        severity=Severity.NOTE,
        summary="A difference from the SDK that the definition records as intended, with its reason: "
        "accepted=..., or a runtime(...) record of what the extension does beyond the declared signature "
        "(with the extension source line that shows it).",
        example="binding_defs/openai/semantic_search.py:106: accepted runtime difference: 'query' is "
        "required in practice; python 'semantic_search_input' declares it optional (None)",
        fix="Nothing to fix; remove accepted=... or runtime(...) when the SDK or the extension changes.",
    ),
    Code(
        code="BR408",
        name="sdk-type-mismatch",
        severity=Severity.ERROR,
        summary="The SDK binds another type string than the definition's type= (as its binding class, or "
        "Java's @CustomBinding, states it).",
        example="binding_defs/sql/input.py:9: python 'sql_input' binds type 'sql', the definition 'sqlInput'",
        fix="Set type= to the SDK's type string; the hint says where the SDK states it.",
    ),
    Code(
        code="BR409",
        name="sdk-direction-mismatch",
        severity=Severity.ERROR,
        summary="The SDK gives the binding another direction than the definition's direction= (a base class "
        "such as OutputBindingAttribute or Trigger, or Java's @CustomBinding direction).",
        example="binding_defs/sql/output.py:9: python 'sql_output' is an output binding, the definition "
        "says direction 'in'",
        fix="Set direction= as the hint says.",
    ),
    Code(
        code="BR410",
        name="sdk-constructor-mismatch",
        severity=Severity.ERROR,
        summary="A C# attribute's public constructors are not the positional signatures the definition "
        "declares (names, their order, or the set of overloads).",
        example="binding_defs/sql/input.py:9: csharp_isolated 'SqlInput' constructors differ from the "
        "definition's (CommandText)",
        fix="Set binding(constructors=...) to the signatures the hint prints.",
    ),
    Code(
        code="BR411",
        name="sdk-parameter-type-mismatch",
        severity=Severity.WARNING,
        summary="A parameter's type on the pages (the profile's type map or lang(type=...)) is not the type "
        "the SDK declares, once spellings are normalised (Optional[X], X | None and C#'s X? are X; "
        "System.String is string; the order of a union's members does not count).",
        example="binding_defs/openai/_shared.py:122: type of 'max_chunk_length' is Optional[int] in python "
        "'embeddings_input' but str in the definition",
        fix="Set the type for that language with lang(type=...) as the hint prints it, or record why "
        "the page differs with accepted=....",
    ),
)
