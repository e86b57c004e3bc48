"""``bindref new`` and ``bindref templates``: start a binding, or take over a template.

``new`` writes a definition, a page and a sample per language, with the region markers
in place and placeholders where only the author knows the words, so that ``bindref
check`` then lists exactly what is left to write. ``--from-sdk python:<decorator>``
takes the parameters (names, types, defaults) from the installed azure-functions.
Every file comes from a ``templates/scaffold/`` template (a sample's from its language's
folder, chosen by the profile); this module only prepares their data. Nothing is ever
overwritten: every target is checked before the first write.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bindref.core.config import Settings
from bindref.core.errors import ConfigError, choices_hint
from bindref.export.writes import write_atomic
from bindref.languages import (
    DIRECTION_KIND,
    PROFILES,
    Direction,
    Language,
    camel_case,
    definition_key,
    languages_of_sdk,
    pascal_case,
)
from bindref.render.project import Project
from bindref.render.template_set import PACKAGED_TEMPLATES, SCAFFOLD
from bindref.sdk.python import INSTALLED_READERS
from bindref.sdk.sources import SdkParameter

_NAME = re.compile(r"^[a-z][a-z0-9]*/[a-z][a-z0-9_]*$")
_EXTRAS = {"arg_name", "data_type", "self"}
# How SDKs suffix a binding's symbol by direction (a trigger is named by its type alone).
_SUFFIX = {Direction.IN: "Input", Direction.OUT: "Output", Direction.TRIGGER: ""}
_SNAKE_SUFFIX = {Direction.IN: "_input", Direction.OUT: "_output", Direction.TRIGGER: ""}


@dataclass(frozen=True, kw_only=True)
class Sample:
    """One sample stub: its definition key, its path below the samples folder, the language it shows."""

    key: str
    path: str
    language: Language


@dataclass(frozen=True, kw_only=True)
class Field:
    """One parameter of the definition stub, from the SDK: a literal default, or SDK code."""

    name: str
    annotation: str
    required: bool
    default: str | None  # the Python literal of the default
    code: str | None  # the SDK's default expression (a string literal) when it is not a literal


def scaffold_binding(project: Project, name: str, direction: Direction, from_sdk: str | None) -> list[Path]:
    """Write the stubs for ``extension/binding`` and return the files written."""
    if not _NAME.match(name):
        raise ConfigError(f"'{name}' is not EXTENSION/BINDING", hint="lowercase, like openai/assistant_post")
    settings = project.settings
    extension, snake = name.split("/")
    family, parameters = _sdk_parameters(from_sdk) if from_sdk else ("", ())
    spellings = {"snake": snake, "pascal": pascal_case(snake), "camel": camel_case(snake)}
    symbols = _symbols(spellings, direction, from_sdk)
    samples = _samples(extension, spellings)
    shared = {
        "extension": extension,
        "type": spellings["camel"],
        "region": snake,
        "kind": DIRECTION_KIND[direction],
    }
    render = partial(project.renderer.templates.render, SCAFFOLD)
    root = settings.root
    files: dict[Path, str] = {
        root / settings.definitions / extension / f"{snake}.py": render(
            "definition.py.j2",
            None,
            direction=direction.value,
            class_name=spellings["pascal"],
            names=[(language.value, symbol) for language, symbol in symbols.items()],
            usages=list({definition_key(lang): p.usage_prompt for lang, p in PROFILES.items()}.items()),
            samples=samples,
            fields=[_field(parameter) for parameter in parameters],
            sdk_key=definition_key(languages_of_sdk(family)[0]) if family else "",
            **shared,
        ),
        root / settings.docs / extension / f"{snake.replace('_', '-')}.md": render(
            "page.md.j2", None, key=f"{extension}/{spellings['camel']}"
        ),
    }
    for sample in samples:
        profile = PROFILES[sample.language]
        files[root / settings.samples / sample.path] = render(
            "sample.j2",
            sample.language,
            profile=profile,
            comment=profile.comment_leader,
            name=symbols.get(sample.language, ""),
            **shared,
        )
    for folder in (root / settings.definitions, root / settings.definitions / extension):
        init = folder / "__init__.py"
        if not init.exists() and init not in files:
            files[init] = render("package_init.py.j2", None, folder=folder.name)
    existing = [path for path in files if path.exists()]
    if existing:
        shown = ", ".join(path.relative_to(root).as_posix() for path in existing)
        raise ConfigError(
            f"refusing to overwrite {shown}", hint="choose another name, or move those files away"
        )
    for path, text in files.items():
        write_atomic(path, text + "\n")
    return sorted(files)


def _symbols(spellings: dict[str, str], direction: Direction, from_sdk: str | None) -> dict[Language, str]:
    """The binding's SDK symbol in each language that names it by one; ``--from-sdk`` names its own."""
    suffixes = {"suffix": _SUFFIX[direction], "snake_suffix": _SNAKE_SUFFIX[direction]}
    symbols = {
        language: profile.scaffold_name.format(**spellings, **suffixes)
        for language, profile in PROFILES.items()
        if profile.names_binding_by_symbol
    }
    if from_sdk:
        family, _, decorator = from_sdk.partition(":")
        symbols.update(dict.fromkeys(languages_of_sdk(family), decorator))
    return symbols


def _samples(extension: str, spellings: dict[str, str]) -> list[Sample]:
    """One sample per sample key (both C# models share one), shown by its first language."""
    first: dict[str, Language] = {}
    for language, profile in PROFILES.items():
        first.setdefault(profile.sample_key, language)
    return [
        Sample(
            key=key,
            path=f"{extension}/{key}/{PROFILES[language].sample_file.format(**spellings)}",
            language=language,
        )
        for key, language in first.items()
    ]


def _sdk_parameters(from_sdk: str) -> tuple[str, tuple[SdkParameter, ...]]:
    """The SDK family named by ``--from-sdk FAMILY:DECORATOR`` and that decorator's parameters."""
    family, _, decorator = from_sdk.partition(":")
    if family not in INSTALLED_READERS or not decorator:
        families = "|".join(INSTALLED_READERS)
        raise ConfigError(
            f"--from-sdk '{from_sdk}' is not {families}:<decorator>", hint="e.g. python:assistant_post_input"
        )
    surfaces = INSTALLED_READERS[family]()
    if surfaces is None:
        raise ConfigError("azure-functions is not installed", hint="pip install azure-functions, then retry")
    if decorator not in surfaces:
        raise ConfigError(
            f"azure-functions has no decorator '{decorator}'", hint=choices_hint(decorator, surfaces)
        )
    return family, tuple(p for p in surfaces[decorator].parameters if p.name not in _EXTRAS)


def _field(parameter: SdkParameter) -> Field:
    annotation = _annotation(parameter.type)
    try:
        literal = None if parameter.required else repr(ast.literal_eval(parameter.default or "None"))
    except (ValueError, SyntaxError):
        return Field(
            name=parameter.name,
            annotation=annotation,
            required=False,
            default=None,
            code=repr(parameter.default),
        )
    return Field(
        name=parameter.name, annotation=annotation, required=parameter.required, default=literal, code=None
    )


def _annotation(sdk_type: str) -> str:
    """``Optional[str]`` -> ``str | None``; anything unusual becomes ``str`` for the author to fix."""
    match = re.fullmatch(r"Optional\[(\w+)\]", sdk_type.strip())
    if match:
        return f"{match.group(1)} | None"
    return sdk_type if sdk_type in ("str", "int", "bool", "float") else "str"


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
