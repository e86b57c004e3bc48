"""The subcommands of ``bindref``: plain functions from parsed arguments to an exit code.

They print results to stdout; errors are raised and turned into messages and exit
codes by :mod:`bindref.cli.main`.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from bindref.check.context import CheckContext, CheckOptions
from bindref.check.findings import CODES, exit_code_for
from bindref.check.report import OutputFormat, format_findings
from bindref.check.run import run_checks
from bindref.check.sdk_inputs import require_sdks
from bindref.core.errors import EXIT_OK, ConfigError, raise_all
from bindref.export.registry import EXPORTERS
from bindref.export.writes import Mode, sync_files, write_atomic
from bindref.languages import Direction
from bindref.render.project import Project

# The commands import the stages they need when they run, not here: a check that finds its
# answer in the cache never loads jinja2, griffe or tree-sitter, and 'bindref codes' loads
# nothing of the pipeline at all.

FIX_COMMAND = (
    "each finding's hint says how to fix it; 'bindref codes' (or docs/reference/check-codes.md) "
    "explains every code, and 'bindref check --diff' shows what changed in generated files"
)


def tool_version() -> str:
    """The installed bindref version, for reports that state it (JSON, SARIF)."""
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415  # 40 ms of imports

    try:
        return version("bindref")
    except PackageNotFoundError:  # running from a source tree without installing
        return "0+unknown"


def run_list(project: Project, _args: argparse.Namespace) -> int:
    """``bindref list``: one line per binding with its name in each language."""
    for key, binding in project.catalog().bindings.items():
        names = ", ".join(f"{lang.value}={name}" for lang, name in binding.names.items())
        print(f"{key}  ({binding.direction.value})  {names}")
    project.raise_problems()  # an extension that failed to load is not left out in silence
    return EXIT_OK


def run_render(project: Project, args: argparse.Namespace) -> int:
    """``bindref render``: the exact Markdown the site build renders."""
    binding = project.binding(args.binding)
    renderer = project.renderer
    if args.section == "table":
        if not args.language:
            raise ConfigError("--section table needs --language", hint="for example --language python")
        print(renderer.parameter_table(binding, project.language(args.language)))
    else:
        section: Callable[..., str] = getattr(renderer, args.section)
        print(section(binding))
    return EXIT_OK


def parse_sdk_sources(values: list[str]) -> dict[str, dict[str, Path]]:
    """``[EXTENSION:]LANGUAGE=DIR`` values of ``--sdk-source``, by extension ('' = every one)."""
    sources: dict[str, dict[str, Path]] = {}
    for value in values:
        scoped, _, folder = value.partition("=")
        extension, _, family = scoped.rpartition(":")
        from bindref.check.sdk import SOURCE_READERS  # noqa: PLC0415  # see above

        if family not in SOURCE_READERS or not folder:
            raise ConfigError(
                f"--sdk-source '{value}' is not [EXTENSION:]LANGUAGE=DIR",
                hint=f"languages: {', '.join(SOURCE_READERS)}; e.g. sql:csharp=../sql-extension",
            )
        path = Path(folder)
        if not path.is_dir():
            raise ConfigError(
                f"--sdk-source folder '{folder}' does not exist", hint="point at a source checkout"
            )
        sources.setdefault(extension, {})[family] = path
    return sources


def run_check(project: Project, args: argparse.Namespace) -> int:
    """``bindref check``: every drift check in one pass; the exit code says what was found."""
    options = CheckOptions(
        sdk_sources=parse_sdk_sources(args.sdk_source),
        python_sdk=not args.no_python_sdk,
        java_sdk=not args.no_java_sdk,
        extension=args.extension or "",
    )
    if args.output and args.output.is_dir():
        raise ConfigError(f"--output '{args.output}' is a folder", hint="name the report file to write")
    require_sdks(options)  # a comparison that cannot run is an error, never a silent pass
    project.refresh()
    diffs: list[str] = []
    findings = run_checks(project, options, diffs)
    report = format_findings(
        findings, OutputFormat(args.format), tool_version=tool_version, fix_command=FIX_COMMAND
    )
    if args.diff and diffs:
        print("".join(diffs), end="")
    if args.output:
        try:
            write_atomic(args.output, report + "\n")
        except OSError as error:
            raise ConfigError(f"cannot write --output '{args.output}'", hint=error.strerror or "") from None
        print(f"bindref check: report written to {args.output}")
    else:
        print(report)
    return exit_code_for(findings)


def run_export(project: Project, args: argparse.Namespace) -> int:
    """``bindref export NAME``: write the export's pages atomically; remove the stale ones it wrote."""
    exporter = EXPORTERS[args.platform]
    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    if out.exists() and not out.is_dir():
        raise ConfigError(
            f"--out '{args.out}' is not a folder", hint="name the folder to write the pages into"
        )
    project.raise_problems()  # nothing is exported while any definition is broken
    pages = exporter.render_pages(project)
    try:
        changes = sync_files(pages, out, Mode.WRITE, force=args.force, pattern=exporter.pattern)
    except OSError as error:  # a folder that cannot be created or written to
        raise ConfigError(f"cannot write to --out '{args.out}'", hint=error.strerror or "") from None
    written = sum(change.expected is not None for change in changes)
    removed = len(changes) - written
    summary = f"bindref export {exporter.name}: {written} of {len(pages)} page(s) written to {args.out}"
    print(summary + (f"; {removed} stale page(s) removed" if removed else ""))
    return EXIT_OK


def run_new(project: Project, args: argparse.Namespace) -> int:
    """``bindref new EXT/KEY``: stubs for a definition, a page and samples; never overwrites."""
    from bindref.cli.scaffold import scaffold_binding  # noqa: PLC0415  # see above

    direction = Direction(args.direction) if args.direction else None
    written = scaffold_binding(project, args.name, direction, args.from_sdk)
    for path in written:
        print(f"wrote {path.relative_to(project.settings.root).as_posix()}")
    print("next: add the page to nav in mkdocs.yml, then run 'bindref check' for what is left to write")
    return EXIT_OK


def run_templates(project: Project | None, args: argparse.Namespace) -> int:
    """``bindref templates list|eject NAME``: see (in any folder), or take over, a packaged template."""
    from bindref.cli.scaffold import eject_template, packaged_templates  # noqa: PLC0415  # see above

    if args.action == "list":
        print("\n".join(packaged_templates()))
        return EXIT_OK
    if not args.name:
        raise ConfigError("'templates eject' needs a template name", hint="see 'bindref templates list'")
    if project is None:  # main loads the project for every command but 'codes' and 'templates list'
        raise ConfigError(
            "'templates eject' needs a project", hint="run it inside the project, or pass --root"
        )
    target = eject_template(project.settings, args.name)
    print(f"copied {args.name} to {target.relative_to(project.settings.root).as_posix()}; edit it there")
    return EXIT_OK


def run_audit(project: Project, args: argparse.Namespace) -> int:
    """``bindref audit learn PAGE``: a hand-written Learn page against the definitions and samples."""
    from bindref.audit.learn import audit_learn_page  # noqa: PLC0415  # see above

    project.raise_problems()
    findings = audit_learn_page(project, args.page, samples=args.samples, binding_key=args.binding)
    fix = "each finding's hint says how to fix it; 'bindref export learn' writes the page from the definition"
    report = format_findings(
        findings,
        OutputFormat(args.format),
        tool_version=tool_version,
        fix_command=fix,
        command="bindref audit",
    )
    print(report)
    return exit_code_for(findings)


def run_coverage(project: Project, args: argparse.Namespace) -> int:
    """``bindref coverage``: the binding x language example matrix, as text or JSON."""
    from bindref.check.coverage import coverage_matrix  # noqa: PLC0415  # see above
    from bindref.check.scope import catalog_of  # noqa: PLC0415  # see above

    catalog = project.catalog()
    if args.extension:
        catalog = catalog_of(catalog, args.extension)
    raise_all(catalog.errors())  # no matrix with gaps unsaid
    context = CheckContext(project=project, catalog=catalog, options=CheckOptions())
    matrix = coverage_matrix(context)
    languages = project.settings.languages
    if args.format == "json":
        data = {
            key: {lang.value: {"status": cell.status, "detail": cell.detail} for lang, cell in row.items()}
            for key, row in matrix.items()
        }
        print(json.dumps(data, indent=2, sort_keys=True))
        return EXIT_OK
    symbols = {"example": "yes", "no example": "none", "not available": "n/a", "missing": "MISSING"}
    width = max([len("binding"), *(len(key) for key in matrix)])
    print("  ".join(["binding".ljust(width), *(lang.value for lang in languages)]))
    for key, row in matrix.items():
        cells = [symbols[row[lang].status].ljust(len(lang.value)) for lang in languages]
        print("  ".join([key.ljust(width), *cells]).rstrip())
    print("yes: example  none: reasoned no_example()  n/a: binding not in that language  MISSING: gap")
    return EXIT_OK


def run_codes(_project: Project | None, _args: argparse.Namespace) -> int:
    """``bindref codes``: every finding code with its meaning and fix."""
    for code in CODES.values():
        print(f"{code.code}  {code.name}  ({code.severity.value})\n    {code.summary}\n    fix: {code.fix}")
    return EXIT_OK
