"""The ``bindref`` argument parser: every subcommand, option and the documented exit codes.

Kept apart from :mod:`bindref.cli.main` (which runs a parsed command and maps errors to
exit codes) so that the CLI's surface can be read, and documented, in one place.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bindref.check.report import OutputFormat
from bindref.cli import commands, sdk_lock
from bindref.core.cache import CACHE_DIR, ENV_NO_CACHE
from bindref.export.registry import EXPORTERS

EXIT_CODES_HELP = """\
exit codes:
  0  success, nothing to report (warnings and notes do not fail)
  1  drift found (a check failed)
  2  usage or configuration error
  3  definition, region or template error, or a page that cannot be read
  141  the output pipe closed early (as in 'bindref list | head -1'): stopped quietly
"""


def _jobs(text: str) -> int:
    """A positive number of processes (argparse turns the error into a usage message)."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of processes: give 1 or more")
    return int(text)


def get_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to document the CLI)."""
    parser = argparse.ArgumentParser(
        prog="bindref",
        description="Generate and check Azure Functions binding reference pages.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--root", type=Path, help="project folder (default: nearest with a pyproject.toml)")
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_text: str, run: object) -> argparse.ArgumentParser:
        sub = subcommands.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=EXIT_CODES_HELP,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(run=run, no_cache=False, jobs=0)
        return sub

    def reads_project(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument(
            "--no-cache",
            action="store_true",
            help=f"neither read nor write {CACHE_DIR}/ (the cache of parsed files; also {ENV_NO_CACHE}=1)",
        )
        sub.add_argument(
            "--jobs",
            "-j",
            type=_jobs,
            default=0,
            metavar="N",
            help="processes that read and check at once on a big project (default: the cores this "
            "process may use; 1: this process only)",
        )
        return sub

    reads_project(add("list", "list the bindings and their names per language", commands.run_list))
    render = reads_project(add("render", "print the Markdown a macro would produce", commands.run_render))
    render.add_argument("binding", help="binding key, such as openai/assistantPost")
    render.add_argument("--section", choices=("examples", "reference", "usage", "table"), default="reference")
    render.add_argument("--language", help="language for --section table, such as python")
    check = reads_project(
        add("check", "check definitions, pages, samples and SDKs for drift", commands.run_check)
    )
    check.add_argument("--format", choices=[f.value for f in OutputFormat], default="text")
    check.add_argument(
        "--sdk-source",
        action="append",
        default=[],
        metavar="[EXT:]LANG=DIR",
        help="compare with attribute classes (csharp=DIR) or annotations (java=DIR); "
        "sql:csharp=DIR compares the sql extension only",
    )
    check.add_argument(
        "--no-python-sdk",
        action="store_true",
        help="skip the comparison with the installed azure-functions package",
    )
    check.add_argument(
        "--no-java-sdk",
        action="store_true",
        help="skip the comparison with the Java sources the extensions' settings name",
    )
    check.add_argument("--extension", metavar="NAME", help="check one extension only, such as sql")
    check.add_argument("--output", type=Path, metavar="FILE", help="write the report to FILE (atomically)")
    check.add_argument(
        "--diff", action="store_true", help="print a unified diff for out-of-date generated files"
    )
    export = reads_project(
        add("export", "write generated pages for another docs platform", commands.run_export)
    )
    export.add_argument(
        "platform",
        choices=tuple(EXPORTERS),
        help="; ".join(f"{name}: {exporter.summary}" for name, exporter in EXPORTERS.items()),
    )
    export.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="folder to write the pages into"
    )
    export.add_argument("--force", action="store_true", help="overwrite files that bindref did not write")
    new = reads_project(
        add("new", "write stubs for a new binding: definition, page, samples", commands.run_new)
    )
    new.add_argument("name", metavar="EXTENSION/KEY", help="such as tables/input")
    new.add_argument(
        "--direction", choices=("in", "out", "trigger"), help="default: what the SDKs say, else in"
    )
    new.add_argument(
        "--from-sdk",
        action="append",
        default=[],
        metavar="SPEC",
        help="repeatable: python:DECORATOR (installed azure-functions), csharp=ROOT:ATTRIBUTE or "
        "java=ROOT:ANNOTATION (source checkouts): type, direction, names, parameters and doc text",
    )
    templates = add(
        "templates", "list the packaged templates, or copy one to override it", commands.run_templates
    )
    templates.add_argument("action", choices=("list", "eject"))
    templates.add_argument(
        "name", nargs="?", help="template to eject, such as site/python/parameter_table.md.j2"
    )
    audit = reads_project(add("audit", "audit a hand-written Microsoft Learn page", commands.run_audit))
    audit.add_argument("platform", choices=("learn",))
    audit.add_argument("page", type=Path, metavar="PAGE.md")
    audit.add_argument(
        "--samples",
        action="append",
        default=[],
        metavar="[ALIAS=]DIR",
        help="folder that source='~/ALIAS/' stands for (repeatable; a plain DIR: every other alias)",
    )
    audit.add_argument("--binding", metavar="KEY", help="the binding the page documents (default: inferred)")
    audit.add_argument("--format", choices=[f.value for f in OutputFormat], default="text")
    coverage = reads_project(
        add("coverage", "print the binding x language example matrix", commands.run_coverage)
    )
    coverage.add_argument("--format", choices=("text", "json"), default="text")
    coverage.add_argument("--extension", metavar="NAME", help="one extension only, such as sql")
    add("codes", "list every finding code, what it means and how to fix it", commands.run_codes)
    sdk = add(
        "sdk", "record the SDK text the definitions were reviewed against (lock)", sdk_lock.run_sdk_lock
    )
    sdk.add_argument("action", choices=("lock",), help="lock: write binding_defs/<extension>/sdk.lock.json")
    sdk.add_argument("--extension", metavar="NAME", help="lock one extension only, such as sql")
    _add_sdk_options(sdk)
    return parser


def _add_sdk_options(sub: argparse.ArgumentParser) -> None:
    """The SDKs to read, as ``bindref check`` reads them: a lock holds what the check compares."""
    sub.add_argument(
        "--sdk-source", action="append", default=[], metavar="[EXT:]LANG=DIR", help="as in bindref check"
    )
    sub.add_argument("--no-python-sdk", action="store_true", help="leave the installed azure-functions out")
    sub.add_argument("--no-java-sdk", action="store_true", help="leave the configured Java sources out")
