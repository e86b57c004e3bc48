"""Render bindings to Markdown with Jinja2: the one render path for site, check and export.

Templates are selected by :class:`bindref.render.template_set.TemplateSet` (project
overrides first, then the packaged per-language folder, then ``_default``). Sample code
never passes through Jinja: templates place a slot token, and :func:`inject_code`
swaps the real code in afterwards, indented to the token's column, so ``{{ }}``,
``{queueTrigger}`` or ``%Setting%`` in a sample is shown, never evaluated.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bindref.core.config import Settings
from bindref.core.errors import (
    BindrefError,
    BindrefErrors,
    MissingExampleError,
    NotFoundError,
    choices_hint,
    raise_all,
)
from bindref.core.model import Binding, LanguageParameter, Unavailable
from bindref.languages import DIRECTION_KIND, PROFILES, TAB_ORDER, Language, languages_in_tab
from bindref.render.codeblocks import CodeBlock, fence_for, file_name, inject_code, slot_token
from bindref.render.declaration import declaration_for
from bindref.render.filters import escape_prose, heading_anchor
from bindref.render.tables import rows_for
from bindref.render.template_paths import SITE
from bindref.render.template_set import TemplateSet
from bindref.samples.regions import SampleReader

__all__ = ["Renderer", "missing_example", "missing_usage"]


def missing_example(binding: Binding, language: Language) -> MissingExampleError:
    """The error for a binding x language with neither an example nor a reasoned absence."""
    return MissingExampleError(
        f"binding '{binding.key}' has no example for '{language.value}'",
        path=binding.location.path,
        line=binding.location.line,
        hint=f"add example('{language.value}', ...) or no_example('{language.value}', reason)",
    )


def missing_usage(binding: Binding, language: Language) -> NotFoundError:
    """The error for a language the binding exists in but has no usage text for."""
    return NotFoundError(
        f"binding '{binding.key}' has no usage text for '{language.value}'",
        path=binding.location.path,
        line=binding.location.line,
        hint="add it to binding(usage={...})",
    )


class Renderer:
    """Renders one project's bindings; create one per build and reuse it."""

    def __init__(self, settings: Settings, reader: SampleReader) -> None:
        self.settings = settings
        self.reader = reader
        self.templates = TemplateSet(settings)
        # The tabs a page shows and the enabled languages of each: the same for every binding.
        self._layout = [
            (tab, languages) for tab in TAB_ORDER if (languages := self._enabled(languages_in_tab(tab)))
        ]

    # -- public render functions (one per macro) ---------------------------------

    def parameter_table(self, binding: Binding, language: Language) -> str:
        """The reference table of ``binding`` in one language."""
        self._require_language(binding, language)
        return self._parameter_table(binding, language)

    def declaration(self, binding: Binding, language: Language) -> str:
        """How to declare ``binding`` in one language: a code block generated from the definition."""
        self._require_language(binding, language)
        return self._declaration(binding, language)

    def reference(self, binding: Binding) -> str:
        """One tab per language, each titled as that language calls it (Attributes, ...)."""
        tabs = []
        for tab, languages in self._layout:
            bodies = [(PROFILES[lang].label, self._table_or_reason(binding, lang)) for lang in languages]
            body = bodies[0][1] if len(bodies) == 1 else self.tab_group(bodies)
            title = PROFILES[languages[0]].section_title
            tabs.append(
                (
                    tab,
                    self.render_template(
                        "reference_tab.md.j2",
                        languages[0],
                        title=title,
                        tab=tab,
                        anchor=heading_anchor(f"{binding.type_name}-{tab}-{title}"),
                        body=body,
                    ),
                )
            )
        return self.tab_group(tabs)

    def examples(self, binding: Binding) -> str:
        """One tab per language with every example region (or the reason there is none)."""
        tabs = []
        slots: list[CodeBlock] = []
        problems: list[BindrefError] = []
        for tab, languages in self._layout:
            bodies = []
            for lang in languages:
                try:
                    bodies.append((PROFILES[lang].label, self._example_body(binding, lang, slots, problems)))
                except BindrefError as error:
                    problems.append(error)
            if len(bodies) == 1:
                tabs.append((tab, bodies[0][1]))
            elif bodies:
                tabs.append((tab, self.tab_group(bodies)))
        raise_all(problems)
        return inject_code(self.tab_group(tabs), slots)

    def usage(self, binding: Binding) -> str:
        """One tab per language with the usage notes of the definition."""
        tabs = []
        for tab, languages in self._layout:
            bodies = []
            for lang in languages:
                if lang not in binding.usage and binding.is_available(lang):
                    raise missing_usage(binding, lang)
                text = binding.usage.get(lang) or binding.unavailable[lang].reason
                bodies.append((PROFILES[lang].label, escape_prose(text)))
            tabs.append((tab, bodies[0][1] if len(bodies) == 1 else self.tab_group(bodies)))
        return self.tab_group(tabs)

    def snippet(
        self,
        path: str,
        region: str | None,
        *,
        title: str | None = None,
        referenced_from: tuple[str, int] | None = None,
    ) -> str:
        """A fenced code block of one region (or a whole file) with its title and source link."""
        slots: list[CodeBlock] = []
        block = self._code_block(path, region, title, "", slots, referenced_from)
        return inject_code(self.render_template("snippet.md.j2", None, block=block), slots)

    def tab_group(self, tabs: Sequence[tuple[str, str]]) -> str:
        """A Material content-tab group whose bodies are indented to nest correctly."""
        return self.render_template("tabs.md.j2", None, tabs=tabs)

    # -- helpers --------------------------------------------------------------------

    def _enabled(self, languages: Sequence[Language]) -> list[Language]:
        return [lang for lang in languages if lang in self.settings.languages]

    def _require_language(self, binding: Binding, language: Language) -> None:
        if language not in self.settings.languages:
            raise NotFoundError(
                f"language '{language.value}' is not enabled",
                hint=choices_hint(
                    language.value, (lang.value for lang in self.settings.languages), noun="enabled languages"
                ),
            )
        if not binding.is_available(language):
            raise NotFoundError(
                f"binding '{binding.key}' is not available in '{language.value}': "
                f"{binding.unavailable[language].reason}",
                path=binding.location.path,
                line=binding.location.line,
            )

    def _table_or_reason(self, binding: Binding, language: Language) -> str:
        if not binding.is_available(language):
            return self.render_template(
                "not_available.md.j2", language, reason=binding.unavailable[language].reason
            )
        parameters = binding.parameters_for(language)  # shown by both
        return self.render_template(
            "reference_body.md.j2",
            language,
            declaration=self._declaration(binding, language, parameters),
            table=self._parameter_table(binding, language, parameters),
        )

    def _parameter_table(
        self, binding: Binding, language: Language, parameters: Sequence[LanguageParameter] | None = None
    ) -> str:
        profile = PROFILES[language]
        name = binding.names[language]
        hidden = [  # named as the language would spell it, had it the parameter
            (profile.spell(p.canonical), state.reason)
            for p in binding.parameters
            if isinstance(state := p.by_language.get(language), Unavailable) and state.listed
        ]
        return self.render_template(
            "parameter_table.md.j2",
            language,
            binding=binding,
            profile=profile,
            rows=rows_for(binding, language, parameters),
            binding_name=name,
            symbol=profile.symbol(name),
            kind=DIRECTION_KIND[binding.direction],
            placement=profile.placement_for(binding.direction, name, binding.type_name),
            named_by_helper=bool(profile.helper_names(name, binding.direction, binding.type_name)),
            unavailable=hidden,
        )

    def _declaration(
        self, binding: Binding, language: Language, parameters: Sequence[LanguageParameter] | None = None
    ) -> str:
        declared = declaration_for(binding, language, parameters)
        return self.render_template(
            "declaration.md.j2", language, declaration=declared, profile=PROFILES[language]
        )

    def _example_body(
        self, binding: Binding, language: Language, slots: list[CodeBlock], problems: list[BindrefError]
    ) -> str:
        refs = binding.examples.get(language, ())
        if not refs:
            reason = binding.no_examples.get(language) or binding.unavailable.get(language)
            if reason is None:
                raise missing_example(binding, language)
            return self.render_template("not_available.md.j2", language, reason=reason.reason)
        blocks = []
        for ref in refs:
            try:
                where = (ref.location.path, ref.location.line)
                blocks.append(
                    self._code_block(
                        ref.path, ref.region, ref.title, ref.description, slots, where, binding.extension
                    )
                )
            except BindrefErrors as errors:
                problems.extend(errors.errors)
            except BindrefError as error:
                problems.append(error)
        return self.render_template("examples.md.j2", language, blocks=blocks, profile=PROFILES[language])

    def _code_block(  # each argument is one field of the block
        self,
        path: str,
        region: str | None,
        title: str | None,
        description: str,
        slots: list[CodeBlock],
        referenced_from: tuple[str, int] | None = None,
        extension: str = "",
    ) -> CodeBlock:
        """Extract the code; errors about the reference point at ``referenced_from``."""
        snippet = self.reader.extract(path, region, referenced_from=referenced_from)
        block = CodeBlock(
            snippet=snippet,
            fence=fence_for(path),
            title=title or file_name(path),
            url=self.settings.source_url(path, snippet.start_line, snippet.end_line, extension),
            slot=slot_token(len(slots)),
            description=description,
        )
        slots.append(block)
        return block

    def render_template(self, template_name: str, language: Language | None, **context: Any) -> str:
        """Render a ``site/`` template: the language's own one if there is one, else ``_default``."""
        return self.templates.render(SITE, template_name, language, **context)
