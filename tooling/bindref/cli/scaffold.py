"""``bindref new`` and ``bindref templates``: start a binding, or take over a template.

``new`` writes a definition, a page and a sample per language, with the region markers
in place and placeholders where only the author knows the words, so that ``bindref
check`` then lists exactly what is left to write. ``--from-sdk`` (repeatable) takes the
type string, direction, names, parameters and their doc text from the SDKs
(:mod:`bindref.cli.scaffold_sdk`); a symbol no SDK gave is the naming convention's guess,
marked as such in a comment.
Every file comes from a ``templates/scaffold/`` template (a sample's from its language's
folder, chosen by the profile); this module only prepares their data. Nothing is ever
overwritten: every target is checked before the first write.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bindref.cli.scaffold_sdk import SdkFacts, read_sdk_facts
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
    pascal_case,
)
from bindref.render.project import Project
from bindref.render.template_paths import PACKAGED_TEMPLATES, SCAFFOLD

_NAME = re.compile(r"^[a-z][a-z0-9]*/[a-z][a-z0-9_]*$")
# How SDKs suffix a binding's symbol by direction (a trigger is named by its type alone).
_SUFFIX = {Direction.IN: "Input", Direction.OUT: "Output", Direction.TRIGGER: ""}
_SNAKE_SUFFIX = {Direction.IN: "_input", Direction.OUT: "_output", Direction.TRIGGER: ""}


@dataclass(frozen=True, kw_only=True)
class Sample:
    """One sample stub: its definition key, its path below the samples folder, the language it shows."""

    key: str
    path: str
    language: Language


def scaffold_binding(
    project: Project, name: str, direction: Direction | None, from_sdk: Sequence[str] = ()
) -> list[Path]:
    """Write the stubs for ``extension/key`` and return the files written."""
    if not _NAME.match(name):
        raise ConfigError(f"'{name}' is not EXTENSION/KEY", hint="lowercase, like tables/input")
    settings = project.settings
    extension, snake = name.split("/")
    facts = read_sdk_facts(from_sdk, direction) if from_sdk else None
    chosen = facts.direction if facts is not None else (direction or Direction.IN)
    if chosen is None:
        raise ConfigError(
            "the SDKs given do not say whether this is an input binding or a trigger",
            hint="add --direction in or --direction trigger",
        )
    spellings = {"snake": snake, "pascal": pascal_case(snake), "camel": camel_case(snake)}
    symbols = _symbols(_guess_base(facts, chosen) or spellings, chosen)
    read = {} if facts is None else {lang: surface.symbol for lang, surface in facts.surfaces.items()}
    symbols.update({lang: symbol for lang, symbol in read.items() if lang in symbols})
    samples = _samples(extension, spellings)
    type_name = facts.type_name if facts is not None else None
    shared = {
        "extension": extension,
        "type": type_name or spellings["camel"],
        "region": snake,
        "kind": DIRECTION_KIND[chosen],
    }
    render = partial(project.renderer.templates.render, SCAFFOLD)
    root = settings.root
    files: dict[Path, str] = {
        root / settings.definitions / extension / f"{snake}.py": render(
            "definition.py.j2",
            None,
            direction=chosen.value,
            key=spellings["camel"],
            type_stated=type_name is not None,
            class_name=spellings["pascal"],
            # a symbol no SDK gave is the naming convention's guess, said so beside it; a
            # check with that SDK's sources (--sdk-source) confirms or corrects it
            names=[
                (lang.value, symbol, lang not in read, PROFILES[lang].label)
                for lang, symbol in symbols.items()
            ],
            usages=list({definition_key(lang): p.usage_prompt for lang, p in PROFILES.items()}.items()),
            samples=samples,
            fields=list(facts.fields) if facts is not None else [],
            constructors=list(facts.constructors) if facts is not None else [],
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


def _symbols(spellings: dict[str, str], direction: Direction) -> dict[Language, str]:
    """The likely SDK symbol in each language that names the binding by one (a guess to confirm)."""
    suffixes = {"suffix": _SUFFIX[direction], "snake_suffix": _SNAKE_SUFFIX[direction]}
    return {
        language: profile.scaffold_name.format(**spellings, **suffixes)
        for language, profile in PROFILES.items()
        if profile.names_binding_by_symbol
    }


def _guess_base(facts: SdkFacts | None, direction: Direction) -> dict[str, str] | None:
    """The spellings to guess other languages' symbols from: an SDK's snake_case symbol, unsuffixed.

    ``table_input`` guesses ``TableInput`` and ``Table`` better than the key ``input`` does.
    """
    snake = next((s.symbol for s in (facts.surfaces.values() if facts else ()) if s.symbol.islower()), None)
    if snake is None:
        return None
    base = snake.removesuffix(_SNAKE_SUFFIX[direction]) if _SNAKE_SUFFIX[direction] else snake
    return {"snake": base, "pascal": pascal_case(base), "camel": camel_case(base)}


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
