"""The command line: ``get_parser()``, ``main(argv) -> int``; subcommands are plain functions.

The only place that turns errors into exit codes. May import every stage but hosts.
"""

from bindref.cli.main import get_parser, main

__all__ = ["get_parser", "main"]
