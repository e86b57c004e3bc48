"""Variant bindings built in code: a trigger, a payload, a parameter one language lacks (and a
Node.js typed helper), no parameters at all, and a reasoned no-example, each with samples in
every language.

The golden matrix renders these next to the repository's own bindings, so each shape the
templates branch on has a golden file even if no shipped binding has that shape; the
Learn export tests and the overview tests use them as a several-binding fixture site.
"""

from __future__ import annotations

from collections.abc import Mapping

# One definition module per variant; ``{examples}`` is filled with every language's example.
_HEADER = '''\
"""{doc}"""

from __future__ import annotations

from dataclasses import dataclass

from bindref.spec import binding, example, lang, no_example, param

'''

_NAMES_AND_USAGE = """\
    names={{
        "csharp_isolated": "{pascal}{suffix}",
        "csharp_inprocess": "{pascal}",
        "java": "{pascal}",
        "python": "{snake}",{node}
    }},
    usage={{
        "csharp": "Bind to `{pascal}Value`.",
        "java": "Annotate a `{pascal}Value` parameter.",
        "node": "Read it from `context.extraInputs`.",
        "powershell": "A hashtable.",
        "python": "A JSON string.",
    }},
"""


def _examples(region: str, *, python_reason: str = "") -> str:
    python = (
        f'        no_example("python", "{python_reason}"),\n'
        if python_reason
        else f'        example("python", "variants/function_app.py", region="{region}"),\n'
    )
    return (
        "    examples=[\n"
        f'        example("csharp_isolated", "variants/Variants.cs", region="{region}"),\n'
        '        no_example("csharp_inprocess", "Isolated worker only."),\n'
        f'        example("java", "variants/Variants.java", region="{region}"),\n'
        f'        example("javascript", "variants/variants.js", region="{region}"),\n'
        f'        example("typescript", "variants/variants.ts", region="{region}"),\n'
        f'        example("powershell", "variants/{region}/function.json"),\n'
        f"{python}"
        "    ],\n"
    )


def _definition(
    *,
    doc: str,
    type_name: str,
    direction: str,
    title: str,
    pascal: str,
    snake: str,
    region: str,
    body: str,
    node: str = "",
) -> str:
    """One variant's module; ``node`` names its Node.js typed helper (else it is named generically)."""
    suffix = {"in": "Input", "out": "Output", "trigger": ""}[direction]
    python_reason = "The Python worker has no sample for this yet." if region == "noexample" else ""
    return (
        _HEADER.format(doc=doc)
        + "@binding(\n"
        + f'    type="{type_name}",\n    direction="{direction}",\n    title="{title}",\n'
        + _NAMES_AND_USAGE.format(
            pascal=pascal, suffix=suffix, snake=snake, node=f'\n        "node": "{node}",' if node else ""
        )
        + _examples(region, python_reason=python_reason)
        + ")\n@dataclass(frozen=True, kw_only=True)\n"
        + f"class {pascal}:\n"
        + body
    )


VARIANT_DEFINITIONS: Mapping[str, str] = {
    "binding_defs/variants/variant_trigger.py": _definition(
        doc="A trigger.",
        type_name="variantTrigger",
        direction="trigger",
        title="Variant trigger",
        pascal="VariantTrigger",
        snake="variant_trigger",
        region="trigger",
        body='''\
    """Runs a function when a variant fires."""

    function_description: str = param(required=True)
    """What the function does, for the caller."""

    polling_seconds: int = param(default=30)
    """How often to look for a new variant."""
''',
    ),
    "binding_defs/variants/variant_payload.py": _definition(
        doc="An output binding configured by the data it writes.",
        type_name="variantPayload",
        direction="out",
        title="Variant payload output binding",
        pascal="VariantPayload",
        snake="variant_payload",
        region="payload",
        body='''\
    """Writes a variant request."""

    connection: str = param(default="VariantConnection")
    """The app setting with the service endpoint."""

    request_id: str = param(required=True, payload=True)
    """The request to send."""

    retry_count: int = param(default=3, payload=True, names={"csharp": "Retries"})
    """How often to retry a failed request."""
''',
    ),
    "binding_defs/variants/variant_partial.py": _definition(
        doc="A parameter that one language does not have.",
        type_name="variantPartial",
        direction="in",
        title="Variant partial input binding",
        pascal="VariantPartial",
        snake="variant_partial",
        region="partial",
        node="input.variantPartial",  # a Node.js typed helper, so its reference text names it
        body='''\
    """Reads a variant, with an option Java lacks."""

    source: str = param(required=True)
    """Where to read from."""

    page_size: int = param(
        default=10,
        languages={"java": lang(available=False, reason="The Java library reads every page at once.")},
    )
    """How many items to read per page."""
''',
    ),
    "binding_defs/variants/variant_empty.py": _definition(
        doc="A binding with no parameters.",
        type_name="variantEmpty",
        direction="out",
        title="Variant empty output binding",
        pascal="VariantEmpty",
        snake="variant_empty",
        region="empty",
        body='''\
    """Writes a variant; it has nothing to configure."""
''',
    ),
    "binding_defs/variants/variant_no_example.py": _definition(
        doc="A language with a reasoned no-example.",
        type_name="variantNoExample",
        direction="in",
        title="Variant no-example input binding",
        pascal="VariantNoExample",
        snake="variant_no_example",
        region="noexample",
        body='''\
    """Reads a variant that Python has no sample for."""

    name_filter: str = param(default="*")
    """Which variants to read."""
''',
    ),
}

# Regions used by the examples above (Python has none for "noexample").
_REGIONS = ("trigger", "payload", "partial", "empty", "noexample")


def _sample(comment: str, body: str, *, skip: tuple[str, ...] = ()) -> str:
    parts = []
    for region in _REGIONS:
        if region in skip:
            continue
        code = body.format(region=region, Region=region.capitalize())
        parts.append(f"{comment} <{region}>\n{code}\n{comment} </{region}>\n")
    return "\n".join(parts)


VARIANT_SAMPLES: Mapping[str, str] = {
    "samples/variants/Variants.cs": _sample(
        "//", '[Function("{Region}")]\npublic static string {Region}(string value) => value;'
    ),
    "samples/variants/Variants.java": _sample(
        "//", '@FunctionName("{Region}")\npublic String {region}(String value) {{ return value; }}'
    ),
    "samples/variants/variants.js": _sample("//", "app.generic('{region}', {{ handler: (v) => v }});"),
    "samples/variants/variants.ts": _sample(
        "//", "app.generic('{region}', {{ handler: (v: unknown) => v }});"
    ),
    "samples/variants/function_app.py": _sample(
        "#",
        '@app.function_name("{Region}")\ndef {region}(value: str) -> str:\n    return value',
        skip=("noexample",),
    ),
    **{
        f"samples/variants/{region}/function.json": (
            f'{{\n  "bindings": [{{"type": "{type_name}", "name": "v"}}]\n}}\n'
        )
        for region, type_name in (
            ("trigger", "variantTrigger"),
            ("payload", "variantPayload"),
            ("partial", "variantPartial"),
            ("empty", "variantEmpty"),
            ("noexample", "variantNoExample"),
        )
    },
}

VARIANT_FILES: Mapping[str, str] = {**VARIANT_DEFINITIONS, **VARIANT_SAMPLES}

# The variant bindings, by key; each maps to the type names its binding_payload() call passes
# (None: the binding has no payload).
VARIANT_BINDINGS: Mapping[str, Mapping[str, str] | None] = {
    "variants/variantTrigger": None,
    "variants/variantPayload": {"csharp": "VariantRequest", "java": "VariantRequest"},
    "variants/variantPartial": None,
    "variants/variantEmpty": None,
    "variants/variantNoExample": None,
}
