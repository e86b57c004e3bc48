"""Samples vs definitions: each binding a sample declares passes only arguments the definition has.

Readers copy the samples, so a misspelled argument or a binding declared with the wrong
direction would work in the docs and fail in their app. Usages come from
:mod:`bindref.samples`; this module finds the files and the bindings each may name, and
:mod:`bindref.check.sample_usage` judges each usage in the language's spelling.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import cached_property, partial

from bindref.check.context import CheckContext
from bindref.check.file_results import FileResults, valid_findings
from bindref.check.findings import Finding, finding_from_error
from bindref.check.sample_usage import Symbols, Target, check_usage
from bindref.core.cache import Cache
from bindref.core.errors import BindrefError
from bindref.core.model import Catalog
from bindref.languages import PROFILES, Language, languages_of_script, languages_of_syntax, script_suffixes
from bindref.samples.files import prefilter, sample_files
from bindref.samples.function_json import files_beside, function_script
from bindref.samples.usages import BindingUsage, Syntax, find_usages

# The languages each sample syntax is read for (C# serves both worker models).
_LANGUAGES: Mapping[Syntax, tuple[Language, ...]] = {syntax: languages_of_syntax(syntax) for syntax in Syntax}
_SCRIPT_SUFFIXES = script_suffixes()
# A Node.js generic call is found by this word; a typed helper by its own name.
_GENERIC = "generic"


def check_samples(context: CheckContext) -> list[Finding]:
    """BR301/BR302/BR303 for every binding usage under the samples folder; BR002 for broken JSON.

    BR304 (a note) for a function.json that belongs to a language bindref documents in code.
    """
    work = SampleWork(context)
    return work.outcome([work.judge(range(len(work)))])


class SampleWork:
    """The sample files of a check, judged in parts that any process may take (see :mod:`bindref.check.run`).

    The files are listed once, where the work is made, so that every process judges the same
    list; what each syntax may name is worked out in a process when it first judges a file.
    """

    def __init__(self, context: CheckContext) -> None:
        self.context = context
        self._judge = _Judge(context)
        settings = context.project.settings
        self.files = [
            (relative, entry.path, syntax)
            for folder in settings.sample_roots()
            for relative, entry, syntax in sample_files(settings.root, folder)
            if self._judge.reads(syntax)
        ]

    def __len__(self) -> int:
        return len(self.files)

    def judge(self, indexes: range) -> list[Finding]:
        """The findings of the files at ``indexes``."""
        findings: list[Finding] = []
        for relative, path, syntax in (self.files[index] for index in indexes):
            try:  # the reader every stage uses: a sample it cannot read is BR002, never skipped
                text = self.context.project.reader.text(relative)
            except BindrefError as error:
                findings.append(finding_from_error(error, "BR002"))
                continue
            findings.extend(self._judge.findings(relative, path, syntax, text.removeprefix("\ufeff")))
        return findings

    @staticmethod
    def outcome(parts: Iterable[list[Finding]]) -> list[Finding]:
        """The findings of every part, in a stable order."""
        findings = (finding for part in parts for finding in part)
        return sorted(findings, key=lambda f: (f.path, f.line, f.code, f.message))


class _Judge:
    """The findings of one sample file, cached by everything they depend on.

    They depend on the file's path and text (for a function.json, on the script beside it
    too) and on the catalog: a cached entry is keyed by all of them, so a warm check reads
    each file and looks its findings up; the index of what each syntax may name is built
    only when some file is not in the cache.
    """

    def __init__(self, context: CheckContext) -> None:
        self.context = context
        catalog_key = context.project.catalog_key(context.catalog)
        # Without a key (a catalog made up in code) there is nothing to key the findings by.
        cache = context.project.cache if catalog_key else Cache(None)
        self.results = FileResults[tuple[Finding, ...]](cache, "sample-findings", valid_findings, catalog_key)
        languages = {language for binding in context.catalog.bindings.values() for language in binding.names}
        self.syntaxes = {syntax for syntax, readers in _LANGUAGES.items() if languages.intersection(readers)}

    def reads(self, syntax: Syntax) -> bool:
        """Whether any binding may be named in ``syntax`` (in an enabled language that reads it)."""
        return syntax in self.syntaxes

    @cached_property
    def index(self) -> dict[Syntax, Symbols]:
        return _index(self.context.catalog)

    @cached_property
    def prefilters(self) -> dict[Syntax, re.Pattern[str] | None]:
        return {syntax: _prefilter(syntax, symbols) for syntax, symbols in self.index.items()}

    def findings(self, relative: str, path: str, syntax: Syntax, text: str) -> tuple[Finding, ...]:
        """What the usages in one file (``text``, BOM removed) do wrong."""
        script = None
        if syntax is Syntax.FUNCTION_JSON:
            script = function_script(text, files_beside(path), _SCRIPT_SUFFIXES)
        judge = partial(self._judge, relative, syntax, text, script)
        return self.results.get(judge, relative, syntax.value, text, "" if script is None else "\0" + script)

    def _judge(self, relative: str, syntax: Syntax, text: str, script: str | None) -> tuple[Finding, ...]:
        symbols = self.index[syntax]
        pattern = self.prefilters[syntax]
        if pattern is not None and pattern.search(text) is None:
            return ()
        try:
            usages = find_usages(
                text, syntax, None if symbols.by_type else symbols.by_name, cache=self.context.project.cache
            )
        except json.JSONDecodeError as error:
            message = f"not valid JSON: {error.msg[:1].lower()}{error.msg[1:]}"
            hint = f"column {error.colno}"
            return (Finding(code="BR002", message=message, path=relative, line=error.lineno, hint=hint),)
        findings: list[Finding] = []
        if syntax is Syntax.FUNCTION_JSON:
            symbols, note = _function_json_symbols(script, symbols, usages, relative)
            findings.extend(note)
        for usage in usages:
            findings.extend(check_usage(usage, symbols, relative))
        return tuple(findings)


def _index(catalog: Catalog) -> dict[Syntax, Symbols]:
    """Per syntax, what its usages may name in the enabled languages that read it.

    Languages named by an SDK symbol are found by it; the others by type string, and by a
    typed helper where the definition names one (Node.js ``input.sql``, ``app.sql``).
    """
    index = {syntax: Symbols() for syntax in Syntax}
    for binding in catalog.bindings.values():
        for syntax, languages in _LANGUAGES.items():
            for language in (lang for lang in languages if lang in binding.names):  # enabled languages
                profile, target, name = PROFILES[language], Target(binding, language), binding.names[language]
                if profile.names_binding_by_symbol:
                    index[syntax].by_name.setdefault(name, []).append(target)
                    continue
                index[syntax].by_type.setdefault(binding.type_name, []).append(target)
                for helper in profile.helper_names(name, binding.direction, binding.type_name):
                    index[syntax].by_name.setdefault(helper, []).append(target)
    return index


def _prefilter(syntax: Syntax, symbols: Symbols) -> re.Pattern[str] | None:
    """A cheap test that skips parsing files that cannot declare a known binding (None: parse all).

    A misspelled type string must still be found, so a Node.js file is parsed when it makes
    a generic call at all (or names a typed helper); function.json files are always parsed.
    """
    if syntax is Syntax.FUNCTION_JSON:
        return None
    return prefilter([_GENERIC, *symbols.by_name] if symbols.by_type else symbols.by_name)


def _function_json_symbols(
    script: str | None, symbols: Symbols, usages: tuple[BindingUsage, ...], relative: str
) -> tuple[Symbols, list[Finding]]:
    """The bindings a function.json may name: those of the language of its script.

    A function.json configures a function in whichever language its script is written in
    (run.ps1, index.js, __init__.py). Only languages that bindref documents through
    function.json are checked against it; one beside a script of another language (a
    Node.js v3 or Python v1 function) is not: that is a note (BR304), not an error, because
    the sample is not known to be wrong, only not judged, and a repository may keep such
    samples on purpose. Without a script that decides it (a sample that shows only the
    configuration), the file is read as every language that documents function.json.
    """
    if script is None:
        return symbols, []
    languages = languages_of_script(script)
    readers = [lang for lang in languages if lang in _LANGUAGES[Syntax.FUNCTION_JSON]]
    if readers:
        return symbols.only(readers), []
    known = [usage for usage in usages if usage.symbol in symbols.by_type]
    if not known:
        return Symbols(), []  # no binding of this catalog: nothing left unchecked
    checked = ", ".join(PROFILES[lang].label for lang in _LANGUAGES[Syntax.FUNCTION_JSON])
    types = ", ".join(sorted({f"'{usage.symbol}'" for usage in known}))
    if languages:
        whose = " and ".join(dict.fromkeys(PROFILES[lang].label for lang in languages))
        problem = f"function.json of a {whose} function ({script}) is not checked"
        hint = f"bindref documents {whose} bindings in code; function.json is checked for {checked}"
    else:
        problem = f"function.json for script '{script}' is not checked"
        hint = f"no documented language runs that script; function.json is checked for {checked}"
    message = f"{problem}: it configures {types}"
    note = Finding(code="BR304", message=message, path=relative, line=known[0].line, hint=hint)
    return Symbols(), [note]
