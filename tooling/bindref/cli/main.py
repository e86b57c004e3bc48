"""The ``bindref`` command line: argparse in, exit code out.

The parser is :mod:`bindref.cli.parser` and the subcommands live in
:mod:`bindref.cli.commands`; errors raised below are printed here
(``path:line: problem (hint)``) and mapped to the documented exit codes. Nothing else in
bindref exits the process.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from bindref.cli.parser import EXIT_CODES_HELP, get_parser
from bindref.core.config import find_project_root
from bindref.core.errors import EXIT_CLOSED_PIPE, EXIT_USAGE, BindrefError, BindrefErrors
from bindref.core.parallel import available_workers
from bindref.render.project import Project

__all__ = ["EXIT_CODES_HELP", "entry", "get_parser", "main"]


# A check of a thousand bindings makes millions of objects that live until it exits (syntax
# trees, the catalog, rendered pages) and hardly any garbage cycles; the default thresholds
# would walk them over and over. Collect far less often, as mypy does for the same reason.
_GC_THRESHOLDS = (100_000, 50, 100)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``bindref`` console script."""
    gc.set_threshold(*_GC_THRESHOLDS)
    try:
        code = _run(argv)
        sys.stdout.flush()  # output still buffered meets a closed pipe here, not at exit
    except BrokenPipeError:  # Python's recipe: the closed stream to devnull, so exit cannot fail
        devnull = os.open(os.devnull, os.O_WRONLY)
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except OSError:  # this stream is the closed pipe (and has a file descriptor)
                os.dup2(devnull, stream.fileno())
        return EXIT_CLOSED_PIPE
    return code


def entry() -> NoReturn:
    """The ``bindref`` console script: :func:`main`, then an exit that frees nothing.

    A check of a thousand bindings ends holding millions of objects; an ordinary exit frees
    them one by one and collects them once more, which took 1.5 to 2 s of a 6 s check. By
    then the report is printed and the cache written (atomically, in :func:`main`), so the
    process ends at once, as mypy's does for the same reason. ``main`` itself returns, for
    callers in the same process.

    The console script also runs without the cycle collector. Its objects live until the
    exit, and they make almost no cycles (a cold check of 1000 bindings peaks 4 MiB higher
    without it), while each object made was walked once by a young collection (0.35 s of
    that check). A caller of ``main`` in a process of its own keeps its collector.
    """
    gc.disable()
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):  # a pipe closed after main flushed: the code is what is left
            stream.flush()
    os._exit(code)


def _needs_project(args: argparse.Namespace) -> bool:
    """``codes`` and ``templates list`` show what bindref ships, so they run outside a project too."""
    return args.command != "codes" and not (args.command == "templates" and args.action == "list")


def _run(argv: Sequence[str] | None) -> int:
    parser = get_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_request:  # argparse exits on --help and on usage errors
        return int(exit_request.code or 0) and EXIT_USAGE
    project = None
    try:
        if _needs_project(args):
            root = args.root.resolve() if args.root else find_project_root(Path.cwd())
            workers = args.jobs or available_workers()
            project = Project.at(root, use_cache=not args.no_cache, workers=workers)
        code: int = args.run(project, args)
    except BindrefError as error:
        print(error.render(), file=sys.stderr)
        count = len(error.errors) if isinstance(error, BindrefErrors) else 1
        print(f"bindref: {count} problem(s) found", file=sys.stderr)
        return error.exit_code
    finally:
        if project is not None:  # entries are results of file contents: valid whatever the outcome
            project.cache.flush()
    return code


if __name__ == "__main__":  # pragma: no cover
    entry()
