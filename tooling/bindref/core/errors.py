"""Typed errors that carry a repo-relative ``path:line`` and a hint.

Every failure tells the author where to look and what to do.

Nothing below the CLI exits the process: code raises these, the CLI maps them to
exit codes (see :data:`EXIT_CODES`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from bindref.core.snapshot import read_bytes

EXIT_OK = 0
EXIT_DRIFT = 1
EXIT_USAGE = 2
EXIT_DEFINITION = 3
# The reader of the output went away (`bindref list | head -1`): 128 + SIGPIPE, as the shell reports
# a writer killed by it. Not 0, since a `bindref check` cut short has not passed (CI shells run with
# pipefail); not 1-3, which say what is wrong with the project or the command line.
EXIT_CLOSED_PIPE = 141


class BindrefError(Exception):
    """Base error: ``path:line: problem (hint)``.

    ``path`` is repo-relative (posix); ``line`` is 1-based, 0 when the problem
    concerns a whole file.
    """

    exit_code = EXIT_DEFINITION

    def __init__(self, message: str, *, path: str = "", line: int = 0, hint: str = "") -> None:
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint
        super().__init__(self.render())

    def __reduce__(self) -> tuple[Callable[..., BindrefError], tuple[type[BindrefError], dict[str, Any]]]:
        """Pickled by its fields, whatever a subclass's constructor takes: forked workers send errors."""
        return (_rebuilt, (type(self), dict(self.__dict__)))

    def render(self) -> str:
        """The one-line form every sink prints."""
        where = (
            f"{self.path}:{self.line}: "
            if self.path and self.line
            else (f"{self.path}: " if self.path else "")
        )
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{hint}"


def _rebuilt(kind: type[BindrefError], fields: dict[str, Any]) -> BindrefError:
    error = kind.__new__(kind)
    error.__dict__.update(fields)
    Exception.__init__(error, error.render())
    return error


class ConfigError(BindrefError):
    """Settings in ``[tool.bindref]`` or on the command line are wrong."""

    exit_code = EXIT_USAGE


class DefinitionError(BindrefError):
    """A binding definition in ``binding_defs/`` cannot be read."""


class RegionError(BindrefError):
    """A sample file or one of its named regions cannot be extracted."""


class TemplateError(BindrefError):
    """A template is missing or fails to render."""


class NotFoundError(BindrefError):
    """A macro or command names a binding, language or region that does not exist.

    Without a file location the name came from the command line (or a macro call), so it
    is a usage error; with one, the file that names it is wrong.
    """

    def __init__(self, message: str, *, path: str = "", line: int = 0, hint: str = "") -> None:
        super().__init__(message, path=path, line=line, hint=hint)
        self.exit_code = EXIT_DEFINITION if path else EXIT_USAGE


class MissingExampleError(NotFoundError):
    """A binding has neither an example nor a reasoned absence for a language."""


class BindrefErrors(BindrefError):  # noqa: N818  # a group of errors, raised as one
    """Several problems found in one pass; raised so that all are reported at once."""

    def __init__(self, errors: Sequence[BindrefError]) -> None:
        unique = {error.render(): error for error in errors}  # one cause is one error, however reached
        ordered = sorted(unique.values(), key=lambda e: (e.path, e.line, e.message))
        self.errors: tuple[BindrefError, ...] = tuple(ordered)
        self.exit_code = max((e.exit_code for e in ordered), default=EXIT_DEFINITION)
        super().__init__("\n".join(e.render() for e in ordered))

    def render(self) -> str:
        return "\n".join(e.render() for e in getattr(self, "errors", ()))


def raise_all(errors: Sequence[BindrefError]) -> None:
    """Raise nothing, the single error, or a :class:`BindrefErrors` of all of them."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise BindrefErrors(errors)


def read_text_file(file: Path, relative: str, error: type[BindrefError] = BindrefError) -> str:
    """The text of ``file`` (UTF-8, a byte-order mark dropped), or ``error`` located at ``relative``.

    The one way a stage reads a project file as text (a page, a definition): one that cannot
    be read (a broken symlink, a folder, no permission) or is not UTF-8 is a ``path:line``
    error naming the byte and the fix, never a traceback.
    """
    try:
        data = read_bytes(file)
    except OSError as exc:
        raise error("cannot be read", path=relative, hint=exc.strerror or str(exc)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + len(data) - len(exc.object)  # utf-8-sig counts from after the mark
        line = data.count(b"\n", 0, start) + 1
        hint = f"byte 0x{data[start]:02x} at offset {start}; re-save it as UTF-8"
        raise error("not UTF-8 text", path=relative, line=line, hint=hint) from None


def choices_hint(word: str, valid: Iterable[str], *, noun: str = "valid choices") -> str:
    """``did you mean 'x'? valid choices: a, b, c`` for error hints."""
    options = sorted(set(valid))
    if not options:
        return f"there are no {noun}"
    from difflib import get_close_matches  # noqa: PLC0415  # only when a name is wrong

    close = get_close_matches(word, options, n=1, cutoff=0.6)
    listed = ", ".join(f"'{o}'" for o in options)
    prefix = f"did you mean '{close[0]}'? " if close else ""
    return f"{prefix}{noun}: {listed}"


class Problems:
    """The one error collector: problems found in one file, reported together in one pass.

    Stages that read user files (definitions above all) keep going after an error, so one
    run lists every problem; the caller raises them with :func:`raise_all`.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[BindrefError] = []

    def add(self, line: int, message: str, hint: str = "", *, path: str = "") -> None:
        """Record a problem at ``line`` of this file (or of ``path``, for a base class's field)."""
        self.errors.append(DefinitionError(message, path=path or self.path, line=line, hint=hint))
