"""Template failures as bindref errors, at the template's own ``path:line``.

A template is user code when a project overrides it: a syntax error, an undefined
variable, a runtime error or bytes that are not UTF-8 must each name the template file
and line, never end in a traceback.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import jinja2

from bindref.errors import TemplateError

WhereIs = Callable[[str | None], str]


@contextmanager
def template_errors(candidates: Sequence[str], context: Mapping[str, Any], where: WhereIs) -> Iterator[None]:
    """Turn any failure of rendering ``candidates`` into a :class:`TemplateError`."""
    try:
        yield
    except jinja2.TemplateNotFound as error:
        raise TemplateError(
            f"template '{error.name}' not found", hint=f"looked for: {', '.join(candidates)}"
        ) from None
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(
            f"template syntax error: {error.message}", path=where(error.filename), line=error.lineno or 0
        ) from None
    except jinja2.UndefinedError as error:
        path, line = failing_line(error, where)
        raise TemplateError(
            f"template uses an undefined value: {error.message}",
            path=path,
            line=line,
            hint=f"variables available here: {', '.join(sorted(context))}",
        ) from None
    except UnicodeDecodeError as error:
        raise TemplateError(
            "template is not valid UTF-8",
            hint=f"byte 0x{error.object[error.start]:02x} at offset {error.start}; re-save it as UTF-8",
        ) from None
    except Exception as error:  # a template is user code: any failure is its error
        path, line = failing_line(error, where)
        raise TemplateError(
            f"template failed: {error}", path=path, line=line, hint="fix the expression on this line"
        ) from None


def failing_line(error: BaseException, where: WhereIs) -> tuple[str, int]:
    """The innermost template frame of ``error``'s traceback."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")]
    if not frames:
        return "", 0
    return where(frames[-1].filename), frames[-1].lineno or 0
