"""Generate a synthetic bindref project of N bindings, for benchmarks.

Each binding has a definition with per-language differences, a sample per language
with named regions, and a page that calls the macros: the shape of a real binding
reference site, at any size. The bindings are dealt round-robin to several extensions
(``binding_defs/<ext>/``, ``samples/<ext>/``, ``docs/<ext>/``), as in bindref's own site.
"""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

PARAMETERS = (
    ("connection", "str", "required=True"),
    ("item_id", "str", "required=True"),
    ("ai_connection_name", "str", 'default="", names={"csharp": "AIConnectionName"}'),
    ("model", "str", 'default="gpt-4o", languages={"csharp_isolated": lang(type="string?", default=None)}'),
    ("temperature", "str | None", 'default="0.5"'),
    ("max_tokens", "str | None", 'default="100", languages={"java": lang(default="2048")}'),
    ("max_chunk_length", "int", "default=8 * 1024"),
    ("is_enabled", "bool", "default=False"),
)

DEFINITION = '''\
"""Synthetic binding {index}."""

from __future__ import annotations

from dataclasses import dataclass

from bindref.spec import binding, example, lang, no_example, param


@binding(
    type="synth{index}",
    direction="in",
    title="Synthetic input binding {index}",
    names={{
        "csharp_isolated": "Synth{index}Input",
        "csharp_inprocess": "Synth{index}",
        "java": "Synth{index}",
        "python": "synth{index}_input",
    }},
    usage={{
        "csharp": "Bind to `string`.",
        "java": "Annotate a `String` parameter.",
        "node": "Read it from `context.extraInputs`.",
        "powershell": "A string.",
        "python": "A JSON string.",
    }},
    examples=[
        example("csharp_isolated", "{ext}/csharp/Synth{index}.cs", region="synth{index}", description="Reads it."),
        no_example("csharp_inprocess", "Isolated worker only."),
        example("java", "{ext}/java/Synth{index}.java", region="synth{index}", description="Reads it."),
        example("javascript", "{ext}/javascript/synth{index}.js", region="synth{index}", description="Reads it."),
        example("typescript", "{ext}/typescript/synth{index}.ts", region="synth{index}", description="Reads it."),
        example("powershell", "{ext}/powershell/Synth{index}/function.json", description="The bindings."),
        example("python", "{ext}/python/synth{index}.py", region="synth{index}", description="Reads it."),
    ],
)
@dataclass(frozen=True, kw_only=True)
class Synth{index}:
    """Reads synthetic item {index} and hands it to the function."""
{fields}'''

SAMPLES = {
    "csharp/Synth{index}.cs": """\
using Microsoft.Azure.Functions.Worker;

public static class Synth{index}Functions
{{
    // <synth{index}>
    [Function("Read{index}")]
    public static string Read(
        [HttpTrigger(AuthorizationLevel.Function, "get")] object req,
        [Synth{index}Input("conn", "{{id}}", Temperature = "0.7")] string item) => item;
    // </synth{index}>
}}
""",
    "java/Synth{index}.java": """\
public class Synth{index}Functions {{
    // <synth{index}>
    @FunctionName("Read{index}")
    public String read(@Synth{index}(name = "item", connection = "conn", itemId = "{{id}}") String item) {{
        return item;
    }}
    // </synth{index}>
}}
""",
    "javascript/synth{index}.js": """\
const {{ app, input }} = require('@azure/functions');
// <synth{index}>
const item = input.generic({{ type: 'synth{index}', connection: 'conn', itemId: '{{id}}' }});
app.http('read{index}', {{ extraInputs: [item], handler: (req, context) => context.extraInputs.get(item) }});
// </synth{index}>
""",
    "typescript/synth{index}.ts": """\
import {{ app, input, HttpRequest, InvocationContext }} from '@azure/functions';
// <synth{index}>
const item = input.generic({{ type: 'synth{index}', connection: 'conn', itemId: '{{id}}' }});
app.http('read{index}', {{
    extraInputs: [item],
    handler: async (req: HttpRequest, context: InvocationContext) => ({{ body: String(context.extraInputs.get(item)) }}),
}});
// </synth{index}>
""",
    "powershell/Synth{index}/function.json": """\
{{
  "bindings": [
    {{"type": "httpTrigger", "direction": "in", "name": "Request", "methods": ["get"]}},
    {{"type": "synth{index}", "direction": "in", "name": "Item", "connection": "conn", "itemId": "{{id}}"}},
    {{"type": "http", "direction": "out", "name": "Response"}}
  ]
}}
""",
    "python/synth{index}.py": """\
import azure.functions as func

app = func.FunctionApp()


# <synth{index}>
@app.route(route="items/{{id}}")
@app.synth{index}_input(arg_name="item", connection="conn", item_id="{{id}}")
def read{index}(req: func.HttpRequest, item: str) -> str:
    return item
# </synth{index}>
""",
}

PAGE = """\
# Synthetic binding {index}

{{{{ binding_summary("{ext}/synth{index}") }}}}

## Example

{{{{ binding_examples("{ext}/synth{index}") }}}}

## Reference

{{{{ binding_reference("{ext}/synth{index}") }}}}

## Usage

{{{{ binding_usage("{ext}/synth{index}") }}}}
"""

MKDOCS = """\
site_name: synthetic
docs_dir: docs
exclude_docs: |
  overrides/
theme:
  name: material
  features: [content.tabs.link, content.code.copy]
markdown_extensions:
  - admonition
  - attr_list
  - tables
  - toc:
      permalink: true
  - pymdownx.highlight
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
plugins:
  - search
{macros}nav:
  - Home: index.md
{nav}
"""
MACROS_PLUGIN = """\
  - bindref
  - macros:
      modules: [bindref.hosts.mkdocs_macros]
      on_undefined: strict
      on_error_fail: true
"""


def _fields() -> str:
    return "".join(
        f'\n    {name}: {annotation} = param({spec})\n    """The {name.replace("_", " ")} of the item."""\n'
        for name, annotation, spec in PARAMETERS
    )


def write(path: Path, text: str) -> None:
    """Write one generated file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_static_site(source: Path, destination: Path, pages: dict[str, str]) -> Path:
    """The same site with every page pre-rendered to plain Markdown and no macros plugin."""
    for relative, text in pages.items():
        write(destination / "docs" / relative, text)
    mkdocs = (source / "mkdocs.yml").read_text(encoding="utf-8").replace(MACROS_PLUGIN, "")
    write(destination / "mkdocs.yml", mkdocs)
    return destination


EXTENSIONS = ("alpha", "beta", "gamma")
# A project override of the tab template, so that the preview bench can edit a template
# without touching bindref's packaged ones.
TEMPLATE = "docs/overrides/bindref/site/_default/tabs.md.j2"
TEMPLATE_MARK = "{# synthetic override #}"


def extension_of(index: int) -> str:
    """The extension binding ``index`` belongs to."""
    return EXTENSIONS[index % len(EXTENSIONS)]


def generate(root: Path, count: int, *, pages: bool = True) -> Path:
    """Write a project of ``count`` bindings under ``root`` and return ``root``."""
    write(root / "pyproject.toml", '[project]\nname = "synthetic"\n\n[tool.bindref]\nsource_base_url = ""\n')
    write(root / "binding_defs/__init__.py", '"""Synthetic definitions."""\n')
    for ext in EXTENSIONS[:count]:
        write(root / f"binding_defs/{ext}/__init__.py", '"""Synthetic extension."""\n')
    fields = _fields()
    for index in range(count):
        tag, ext = f"{index:04d}", extension_of(index)
        write(
            root / f"binding_defs/{ext}/synth{tag}.py", DEFINITION.format(index=tag, fields=fields, ext=ext)
        )
        for relative, text in SAMPLES.items():
            write(root / f"samples/{ext}" / relative.format(index=tag), text.format(index=tag))
        if pages:
            write(root / f"docs/{ext}/synth{tag}.md", PAGE.format(index=tag, ext=ext))
    write(root / "docs/index.md", "# Synthetic bindings\n\nGenerated for benchmarks.\n")
    packaged = Path(__file__).resolve().parents[1] / "bindref/render/templates/site/_default/tabs.md.j2"
    write(root / TEMPLATE, TEMPLATE_MARK + "\n" + packaged.read_text(encoding="utf-8"))
    nav = "".join(
        f"  - synth{index:04d}: {extension_of(index)}/synth{index:04d}.md\n" for index in range(count)
    )
    write(root / "mkdocs.yml", MKDOCS.format(macros=MACROS_PLUGIN, nav=nav))
    return root


def main() -> None:
    """``python tooling/bench/synthetic.py DEST N``."""
    parser = argparse.ArgumentParser(description=textwrap.dedent(__doc__ or ""))
    parser.add_argument("destination", type=Path)
    parser.add_argument("count", type=int)
    args = parser.parse_args()
    generate(args.destination, args.count)
    print(f"wrote {args.count} synthetic bindings to {args.destination}")


if __name__ == "__main__":
    main()
