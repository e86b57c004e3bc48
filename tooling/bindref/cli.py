"""The ``bindref`` command line: argparse in, exit code out.

Subcommands are plain functions taking the parsed arguments and returning an exit
code; errors raised below are printed here (``path:line: problem (hint)``) and
mapped to the documented exit codes. Nothing else in bindref exits the process.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bindref.config import find_project_root
from bindref.errors import EXIT_OK, EXIT_USAGE, BindrefError, BindrefErrors
from bindref.project import Project

EXIT_CODES_HELP = """\
exit codes:
  0  success, nothing to report
  1  drift found (a check failed)
  2  usage or configuration error
  3  definition, region or template error
"""

_SECTIONS = ("examples", "reference", "usage", "table")


def get_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to document the CLI)."""
    parser = argparse.ArgumentParser(
        prog="bindref",
        description="Generate and check Azure Functions binding reference pages.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        help="project folder (default: nearest folder with a pyproject.toml)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    listing = commands.add_parser(
        "list",
        help="list the bindings and their names per language",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    listing.set_defaults(run=run_list)

    render = commands.add_parser(
        "render",
        help="print the Markdown a macro would produce",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    render.add_argument("binding", help="binding key, such as openai/assistantPost")
    render.add_argument("--section", choices=_SECTIONS, default="reference")
    render.add_argument("--language", help="language for --section table, such as python")
    render.set_defaults(run=run_render)

    check = commands.add_parser(
        "check",
        help="load every definition and render every binding",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.set_defaults(run=run_check)
    return parser


def run_list(project: Project, _args: argparse.Namespace) -> int:
    """``bindref list``: one line per binding with its name in each language."""
    for key, binding in project.catalog().bindings.items():
        names = ", ".join(f"{lang.value}={name}" for lang, name in binding.names.items())
        print(f"{key}  ({binding.direction.value})  {names}")
    return EXIT_OK


def run_render(project: Project, args: argparse.Namespace) -> int:
    """``bindref render``: the exact Markdown the site build renders."""
    binding = project.binding(args.binding)
    renderer = project.renderer
    if args.section == "table":
        if not args.language:
            raise BindrefError("--section table needs --language", hint="for example --language python")
        print(renderer.parameter_table(binding, project.language(args.language)))
    else:
        section: Callable[..., str] = getattr(renderer, args.section)
        print(section(binding))
    return EXIT_OK


def run_check(project: Project, _args: argparse.Namespace) -> int:
    """``bindref check``: every definition, region and template, all problems at once."""
    catalog = project.catalog()
    problems: list[BindrefError] = []
    for binding in catalog.bindings.values():
        for section in (project.renderer.examples, project.renderer.reference, project.renderer.usage):
            try:
                section(binding)
            except BindrefErrors as errors:
                problems.extend(errors.errors)
            except BindrefError as error:
                problems.append(error)
    if problems:
        raise BindrefErrors(problems)
    print(f"bindref check: {len(catalog.bindings)} binding(s) render cleanly")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``bindref`` console script."""
    parser = get_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_request:  # argparse exits on --help and on usage errors
        return int(exit_request.code or 0) and EXIT_USAGE
    try:
        root = args.root.resolve() if args.root else find_project_root(Path.cwd())
        project = Project.at(root)
        code: int = args.run(project, args)
    except BindrefError as error:
        print(error.render(), file=sys.stderr)
        count = len(error.errors) if isinstance(error, BindrefErrors) else 1
        print(f"bindref: {count} problem(s) found", file=sys.stderr)
        return error.exit_code
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
