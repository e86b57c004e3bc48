"""Microsoft Learn export: one Learn-flavoured Markdown page per binding, from ``learn/`` templates.

Learn pages use zone pivots (one per profile ``learn_pivot``), tabs for the languages that
share a pivot (the C# worker models, by profile ``learn_tab``) and ``:::code ... id=:::``
references into the samples, whose ``// <region>`` tags bindref's samples already carry.
This module only prepares data; every line of Markdown comes from a template under
``templates/learn/`` (overridable per project like the site's), and the tables are the very
ones the site renders. A binding x language with neither an example nor a reasoned absence,
or without a usage text, is an error here as on the site; every problem of the export is
reported in one pass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

from bindref.core.config import Settings
from bindref.core.errors import BindrefError, BindrefErrors, TemplateError, raise_all
from bindref.core.model import Binding
from bindref.export.writes import GENERATED
from bindref.languages import DIRECTION_KIND, PROFILES, Language, learn_pivots
from bindref.render.codeblocks import fence_for
from bindref.render.payload import has_payload, payload_table
from bindref.render.project import Project
from bindref.render.renderer import missing_example, missing_usage
from bindref.render.template_paths import LEARN


@dataclass(frozen=True, kw_only=True)
class Zone:
    """One ``::: zone pivot=...`` block: a pivot id and the section rendered for it."""

    pivot: str
    body: str


@dataclass(frozen=True, kw_only=True)
class Tab:
    """One Learn tab inside a zone that several languages share."""

    label: str
    id: str
    body: str


@dataclass(frozen=True, kw_only=True)
class CodeReference:
    """One ``:::code:::`` line: the Learn code language, the docset path and the region id."""

    description: str
    code_language: str
    source: str
    region: str | None


_BodyFor = Callable[[Binding, Language], str]


def page_name(binding: Binding, settings: Settings) -> str:
    """``functions-bindings-openai-assistantpost-input.md`` by default; the extension may name it."""
    return settings.extension(binding.extension).learn_file_name(
        key=binding.key.split("/", 1)[1], type_name=binding.type_name, kind=DIRECTION_KIND[binding.direction]
    )


def render_learn_pages(project: Project) -> dict[str, str]:
    """Every binding's Learn page, by file name; raises every problem of every page at once."""
    pages: dict[str, str] = {}
    problems: list[BindrefError] = []
    for binding in project.catalog().bindings.values():
        try:
            pages[page_name(binding, project.settings)] = render_learn_page(project, binding)
        except BindrefErrors as errors:
            problems.extend(errors.errors)
        except BindrefError as error:
            problems.append(error)
    raise_all(problems)
    return pages


def render_learn_page(project: Project, binding: Binding) -> str:
    """One binding's Learn page."""
    page = _LearnPage(project, binding)
    sections = {
        "examples": page.zones(page.example_body),
        "reference": page.zones(page.reference_body, titled=True),
        # the data the binding carries, as on the site; both C# models share its classes
        "payload": page.zones(page.payload_body, tabbed=False) if has_payload(binding) else [],
        "usage": page.zones(page.usage_body),
    }
    raise_all(page.problems)
    text = page.render(
        "page.md.j2",
        None,
        binding=binding,
        source=binding.location.path,
        date=project.settings.learn_date,
        description=binding.summary.split("\n", 1)[0],
        overview=f"functions-bindings-{binding.extension}.md",
        **sections,
    )
    if GENERATED not in text:  # the writer would take the page for a hand-written one next time
        raise TemplateError(
            f"the Learn page of '{binding.key}' lacks the '{GENERATED}' comment",
            path=project.renderer.templates.source_of(LEARN, "page.md.j2", None),
            hint="keep the generated-file comment of the packaged page.md.j2",
        )
    return text + "\n"


class _LearnPage:
    """The data of one page; errors are collected so that one pass reports them all."""

    def __init__(self, project: Project, binding: Binding) -> None:
        self.project = project
        self.binding = binding
        self.problems: list[BindrefError] = []

    def render(self, template_name: str, language: Language | None, **context: object) -> str:
        return self.project.renderer.templates.render(LEARN, template_name, language, **context)

    def zones(self, body_for: _BodyFor, *, titled: bool = False, tabbed: bool = True) -> list[Zone]:
        """One zone per pivot with an enabled language; a pivot shared by several has a tab each.

        With ``tabbed=False`` a shared pivot shows its first language's body alone (the payload
        classes are the same in both C# worker models).
        """
        zones = []
        for pivot, every in learn_pivots().items():
            languages = [lang for lang in every if lang in self.project.settings.languages]
            if not languages:
                continue
            languages = languages if tabbed else languages[:1]
            bodies = [(lang, self._body(body_for, lang)) for lang in languages]
            if tabbed and any(PROFILES[lang].learn_tab for lang in languages):
                tabs = [
                    Tab(label=PROFILES[lang].label, id=PROFILES[lang].learn_tab, body=b) for lang, b in bodies
                ]
                body = self.render("tabs.md.j2", languages[0], tabs=tabs)
            else:
                body = bodies[0][1]
            if titled:
                title = PROFILES[languages[0]].section_title
                body = self.render("reference.md.j2", languages[0], title=title, body=body)
            zones.append(Zone(pivot=pivot, body=body))
        return zones

    def _body(self, body_for: _BodyFor, language: Language) -> str:
        try:
            return body_for(self.binding, language)
        except BindrefErrors as errors:
            self.problems.extend(errors.errors)
        except BindrefError as error:
            self.problems.append(error)
        return ""

    def _not_available(self, language: Language, reason: str) -> str:
        return self.render("not_available.md.j2", language, profile=PROFILES[language], reason=reason)

    def example_body(self, binding: Binding, language: Language) -> str:
        refs = binding.examples.get(language, ())
        if not refs:
            absent = binding.no_examples.get(language) or binding.unavailable.get(language)
            if absent is None:
                raise missing_example(binding, language)
            return self._not_available(language, absent.reason)
        references = []
        problems: list[BindrefError] = []
        for ref in refs:
            try:  # extract to prove the region exists, as the site build does
                where = (ref.location.path, ref.location.line)
                self.project.reader.extract(ref.path, ref.region, referenced_from=where)
            except BindrefErrors as errors:
                problems.extend(errors.errors)
            except BindrefError as error:
                problems.append(error)
            references.append(self._code_reference(binding.extension, ref.path, ref.region, ref.description))
        raise_all(problems)
        profile = PROFILES[language]
        return self.render("examples.md.j2", language, profile=profile, references=references)

    def _code_reference(
        self, extension: str, path: str, region: str | None, description: str
    ) -> CodeReference:
        settings = self.project.settings
        below = PurePosixPath(path).relative_to(settings.samples_of(extension)).as_posix()
        return CodeReference(
            description=description,
            code_language=fence_for(path),
            source=f"{settings.code_root_of(extension).rstrip('/')}/{below}",
            region=region,
        )

    def reference_body(self, binding: Binding, language: Language) -> str:
        if not binding.is_available(language):
            return self._not_available(language, binding.unavailable[language].reason)
        renderer = self.project.renderer
        return self.render(
            "declaration.md.j2",
            language,
            profile=PROFILES[language],
            declaration=renderer.declaration(binding, language),
            table=renderer.parameter_table(binding, language),
        )

    def payload_body(self, binding: Binding, language: Language) -> str:
        if not binding.is_available(language):
            return self._not_available(language, binding.unavailable[language].reason)
        return payload_table(self.project.renderer, binding, language, binding.payload_types)

    def usage_body(self, binding: Binding, language: Language) -> str:
        if language in binding.usage:  # as on the site: a group's usage text wins over a reason
            text = binding.usage[language]
            return self.render("usage.md.j2", language, profile=PROFILES[language], text=text)
        if not binding.is_available(language):
            return self._not_available(language, binding.unavailable[language].reason)
        raise missing_usage(binding, language)
