"""``bindref new`` and ``bindref templates``: start a binding, or take over a template.

``new`` writes a definition, a page and a sample per language, with the region markers
in place and placeholders where only the author knows the words, so that ``bindref
check`` then lists exactly what is left to write. ``--from-sdk python:<decorator>``
takes the parameters (names, types, defaults) from the installed azure-functions.
Nothing is ever overwritten: every target is checked before the first write.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from bindref.config import Settings
from bindref.errors import ConfigError, choices_hint
from bindref.export.writes import write_atomic
from bindref.languages import DIRECTION_KIND, Direction, camel_case, pascal_case
from bindref.render.renderer import PACKAGED_TEMPLATES
from bindref.sdk.python import FAMILY as PYTHON_FAMILY
from bindref.sdk.python import read_python_sdk
from bindref.sdk.sources import SdkParameter

_NAME = re.compile(r"^[a-z][a-z0-9]*/[a-z][a-z0-9_]*$")
_EXTRAS = {"arg_name", "data_type", "self"}
_SUFFIX = {Direction.IN: "Input", Direction.OUT: "Output", Direction.TRIGGER: ""}
_PY_SUFFIX = {Direction.IN: "_input", Direction.OUT: "_output", Direction.TRIGGER: ""}
_SAMPLE_FILES = {
    "csharp": (
        "{pascal}Functions.cs",
        "// <{region}>\n// TODO: a function that uses [{isolated}(...)]\n// </{region}>\n",
    ),
    "java": (
        "{pascal}Functions.java",
        "// <{region}>\n// TODO: a function that uses @{java}(...)\n// </{region}>\n",
    ),
    "javascript": (
        "{camel}.js",
        "// <{region}>\n// TODO: {kind}.generic({{ type: '{type}', ... }})\n// </{region}>\n",
    ),
    "typescript": (
        "{camel}.ts",
        "// <{region}>\n// TODO: {kind}.generic({{ type: '{type}', ... }})\n// </{region}>\n",
    ),
    "powershell": (
        "{pascal}/run.ps1",
        "# <{region}>\n# TODO: the function body; its function.json declares '{type}'\n# </{region}>\n",
    ),
    "python": (
        "{snake}.py",
        "# <{region}>\n# TODO: a function decorated with @app.{python}(...)\n# </{region}>\n",
    ),
}


def scaffold_binding(settings: Settings, name: str, direction: Direction, from_sdk: str | None) -> list[Path]:
    """Write the stubs for ``extension/binding`` and return the files written."""
    if not _NAME.match(name):
        raise ConfigError(f"'{name}' is not EXTENSION/BINDING", hint="lowercase, like openai/assistant_post")
    extension, snake = name.split("/")
    parameters = _sdk_parameters(from_sdk) if from_sdk else ()
    names = {
        "snake": snake,
        "pascal": pascal_case(snake),
        "camel": camel_case(snake),
        "type": camel_case(snake),
        "region": snake,
        "kind": DIRECTION_KIND[direction],
        "isolated": pascal_case(snake) + _SUFFIX[direction],
        "java": pascal_case(snake),
        "python": from_sdk.split(":", 1)[1] if from_sdk else snake + _PY_SUFFIX[direction],
    }
    root = settings.root
    files: dict[Path, str] = {
        root / settings.definitions / extension / f"{snake}.py": _definition(
            extension, names, direction, parameters
        ),
        root / settings.docs / extension / f"{snake.replace('_', '-')}.md": _page(extension, names),
    }
    for language, (file_name, body) in _SAMPLE_FILES.items():
        path = root / settings.samples / extension / language / file_name.format(**names)
        files[path] = body.format(**names)
    for folder in (root / settings.definitions, root / settings.definitions / extension):
        init = folder / "__init__.py"
        if not init.exists() and init not in files:
            files[init] = f'"""Binding definitions: {folder.name}."""\n'
    existing = [path for path in files if path.exists()]
    if existing:
        shown = ", ".join(path.relative_to(root).as_posix() for path in existing)
        raise ConfigError(
            f"refusing to overwrite {shown}", hint="choose another name, or move those files away"
        )
    for path, text in files.items():
        write_atomic(path, text)
    return sorted(files)


def _sdk_parameters(from_sdk: str) -> tuple[SdkParameter, ...]:
    family, _, decorator = from_sdk.partition(":")
    if family != PYTHON_FAMILY or not decorator:
        raise ConfigError(
            f"--from-sdk '{from_sdk}' is not python:<decorator>", hint="e.g. python:assistant_post_input"
        )
    surfaces = read_python_sdk()
    if surfaces is None:
        raise ConfigError("azure-functions is not installed", hint="pip install azure-functions, then retry")
    if decorator not in surfaces:
        raise ConfigError(
            f"azure-functions has no decorator '{decorator}'", hint=choices_hint(decorator, surfaces)
        )
    return tuple(p for p in surfaces[decorator].parameters if p.name not in _EXTRAS)


def _definition(
    extension: str, names: dict[str, str], direction: Direction, parameters: tuple[SdkParameter, ...]
) -> str:
    fields = "".join(_field(p) for p in parameters) or (
        '\n    example: str = param(required=True)\n    """TODO: describe this parameter, or replace it."""\n'
    )
    return f'''"""The {names["type"]} binding of the {extension} extension."""

from __future__ import annotations

from dataclasses import dataclass

from bindref.spec import binding, code, example, lang, param

_DESCRIPTION = "TODO: one sentence on what the example function does."


@binding(
    type="{names["type"]}",
    direction="{direction.value}",
    title="TODO: the page title, such as 'Azure OpenAI assistant post input binding'",
    names={{
        "csharp_isolated": "{names["isolated"]}",
        "csharp_inprocess": "{names["pascal"]}",
        "java": "{names["java"]}",
        "python": "{names["python"]}",
    }},
    usage={{
        "csharp": "TODO: the parameter type the attribute binds to.",
        "java": "TODO: the parameter type the annotation binds to.",
        "node": "TODO: what context.extraInputs.get(...) returns.",
        "powershell": "TODO: what the binding variable holds.",
        "python": "TODO: what the function parameter receives.",
    }},
    examples=[
        example("csharp", "{extension}/csharp/{names["pascal"]}Functions.cs", region="{names["region"]}", description=_DESCRIPTION),
        example("java", "{extension}/java/{names["pascal"]}Functions.java", region="{names["region"]}", description=_DESCRIPTION),
        example("javascript", "{extension}/javascript/{names["camel"]}.js", region="{names["region"]}", description=_DESCRIPTION),
        example("typescript", "{extension}/typescript/{names["camel"]}.ts", region="{names["region"]}", description=_DESCRIPTION),
        example("powershell", "{extension}/powershell/{names["pascal"]}/run.ps1", region="{names["region"]}", description=_DESCRIPTION),
        example("python", "{extension}/python/{names["snake"]}.py", region="{names["region"]}", description=_DESCRIPTION),
    ],
)
@dataclass(frozen=True, kw_only=True)
class {names["pascal"]}:
    """TODO: what the binding does, in one or two sentences."""
{fields}'''


def _field(parameter: SdkParameter) -> str:
    annotation = _annotation(parameter.type)
    if parameter.required:
        spec = "param(required=True)"
    else:
        try:
            spec = f"param(default={ast.literal_eval(parameter.default or 'None')!r})"
        except (ValueError, SyntaxError):
            spec = f'param(languages={{"python": lang(default=code({parameter.default!r}))}})'
    return f'\n    {parameter.name}: {annotation} = {spec}\n    """TODO: describe {parameter.name}."""\n'


def _annotation(sdk_type: str) -> str:
    """``Optional[str]`` -> ``str | None``; anything unusual becomes ``str`` for the author to fix."""
    match = re.fullmatch(r"Optional\[(\w+)\]", sdk_type.strip())
    if match:
        return f"{match.group(1)} | None"
    return sdk_type if sdk_type in ("str", "int", "bool", "float") else "str"


def _page(extension: str, names: dict[str, str]) -> str:
    key = f"{extension}/{names['type']}"
    return f"""# TODO: the page title

{{{{ binding_summary("{key}") }}}}

TODO: a paragraph on when to use this binding.

## Example

{{{{ binding_examples("{key}") }}}}

## Reference

{{{{ binding_reference("{key}") }}}}

## Usage

{{{{ binding_usage("{key}") }}}}
"""


def eject_template(settings: Settings, name: str) -> Path:
    """Copy a packaged template into the project's override folder, never over a file."""
    available = packaged_templates()
    if name not in available:
        raise ConfigError(
            f"no packaged template '{name}'", hint=choices_hint(name, available, noun="templates")
        )
    target = settings.root / settings.templates / name
    if target.exists():
        raise ConfigError(
            f"'{target.relative_to(settings.root).as_posix()}' exists", hint="edit it, or delete it first"
        )
    write_atomic(target, (PACKAGED_TEMPLATES / name).read_text(encoding="utf-8"))
    return target


def packaged_templates() -> list[str]:
    """Every packaged template name, as ``eject`` takes it."""
    return sorted(p.relative_to(PACKAGED_TEMPLATES).as_posix() for p in PACKAGED_TEMPLATES.rglob("*.j2"))
