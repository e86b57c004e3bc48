"""Site builds: bindref's macros vs the same pages pre-rendered, and the jinja2 floor.

``mkdocs build`` of the synthetic site is compared with ``mkdocs build`` of the very
same pages pre-rendered to static Markdown (no macros plugin): the ratio is what
bindref costs on top of MkDocs. The floor reads the same inputs and renders the same
Markdown with jinja2 alone, the least any generator could do.
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

from synthetic import write_static_site

from bindref.render.macros import PageMacros
from bindref.render.project import Project

_CALL = re.compile(r"\{\{\s*(\w+)\((.*?)\)\s*\}\}")


def prerender(root: Path) -> dict[str, str]:
    """Every page of ``root/docs`` with its macro calls replaced by their output."""
    macros = PageMacros(Project.at(root))
    pages: dict[str, str] = {}
    for page in sorted((root / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")

        def expand(match: re.Match[str]) -> str:
            arguments = [part.strip().strip('"') for part in match.group(2).split(",") if part.strip()]
            return str(getattr(macros, match.group(1))(*arguments))

        pages[page.relative_to(root / "docs").as_posix()] = _CALL.sub(expand, text)
    return pages


def static_copy(root: Path, destination: Path) -> Path:
    """A copy of the synthetic site whose pages are pre-rendered Markdown."""
    return write_static_site(root, destination, prerender(root))


def floor_command(root: Path, pages: Path) -> list[str]:
    """A process that reads every input and renders the finished Markdown with jinja2 alone.

    ``pages`` holds the finished pages (pre-rendered for a synthetic site; for the
    repository its own ``docs/``, which the floor renders as they are written).
    """
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        import jinja2
        root = Path({str(root)!r})
        inputs = [p.read_bytes() for folder in ("binding_defs", "samples", "docs")
                  for p in sorted((root / folder).rglob("*")) if p.is_file()]
        template = jinja2.Environment(autoescape=False).from_string("{{{{ text }}}}")
        pages = {{p: template.render(text=p.read_text()) for p in sorted(Path({str(pages)!r}).rglob("*.md"))}}
        assert inputs and pages
        """
    )
    return [sys.executable, "-c", script]
