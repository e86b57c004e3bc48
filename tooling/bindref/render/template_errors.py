"""Template failures as bindref errors, at the template's own ``path:line``.

A template is user code when a project overrides it: a syntax error, an undefined
variable, a runtime error or bytes that are not UTF-8 must each name the template file
and line, never end in a traceback.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from difflib import get_close_matches
from pathlib import Path
from typing import Any

import jinja2

from bindref.core.errors import TemplateError

WhereIs = Callable[[str | None], str]


@contextmanager
def template_errors(
    candidates: Sequence[str], context: Mapping[str, Any], where: WhereIs, sources: Sequence[Path]
) -> Iterator[None]:
    """Turn any failure of rendering ``candidates`` into a :class:`TemplateError`.

    ``sources`` are the template files that may be read (to locate one that is not UTF-8).
    """
    try:
        yield
    except Exception as error:  # a template is user code: any failure is its error
        raise template_error(error, candidates, context, where, sources) from None


def template_error(
    error: Exception,
    candidates: Sequence[str],
    context: Mapping[str, Any],
    where: WhereIs,
    sources: Sequence[Path],
) -> TemplateError:
    """The :class:`TemplateError` for ``error``, raised while rendering one of ``candidates``."""
    if isinstance(error, jinja2.TemplateNotFound):
        if error.name in candidates:
            return TemplateError(
                f"template '{error.name}' not found", hint=f"looked for: {', '.join(candidates)}"
            )
        path, line = failing_line(error, where)  # an {% include %} or {% extends %} of a missing name
        names = [source.as_posix() for source in _names(sources)]
        close = get_close_matches(str(error.name), names, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"templates: {', '.join(sorted(set(names)))}"
        return TemplateError(f"template '{error.name}' not found", path=path, line=line, hint=hint)
    if isinstance(error, jinja2.TemplateSyntaxError):
        return TemplateError(
            f"template syntax error: {error.message}", path=where(error.filename), line=error.lineno or 0
        )
    if isinstance(error, jinja2.UndefinedError):
        path, line = failing_line(error, where)
        return TemplateError(
            f"template uses an undefined value: {error.message}",
            path=path,
            line=line,
            hint=f"variables available here: {', '.join(sorted(context))}",
        )
    if isinstance(error, UnicodeDecodeError):
        culprit = next((file for file in sources if file.read_bytes() == error.object), None)
        return TemplateError(
            "template is not valid UTF-8",
            path=where(str(culprit)) if culprit else "",
            line=error.object.count(b"\n", 0, error.start) + 1 if culprit else 0,
            hint=f"byte 0x{error.object[error.start]:02x} at offset {error.start}; re-save it as UTF-8",
        )
    path, line = failing_line(error, where)
    return TemplateError(
        f"template failed: {error}", path=path, line=line, hint="fix the expression on this line"
    )


def _names(sources: Sequence[Path]) -> list[Path]:
    """Template names as templates refer to them: the path below its templates folder."""
    return [Path(*file.parts[-3:]) for file in sources]  # output/folder/name


def failing_line(error: BaseException, where: WhereIs) -> tuple[str, int]:
    """The innermost template frame of ``error``'s traceback."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")]
    if not frames:
        return "", 0
    return where(frames[-1].filename), frames[-1].lineno or 0
