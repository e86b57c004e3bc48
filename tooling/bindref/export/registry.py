"""The exporters, by name: what ``bindref export NAME`` writes and ``bindref check`` keeps fresh.

An exporter renders every page of its format from the project (``render_pages``); writing
and checking are the one writer's job (:func:`bindref.export.writes.sync_files`). Adding a
format is one entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bindref.core.config import Settings

if TYPE_CHECKING:
    from bindref.render.project import Project


@dataclass(frozen=True, kw_only=True)
class Exporter:
    """One export format."""

    name: str
    summary: str  # the help text of ``bindref export NAME``
    render_pages: Callable[[Project], dict[str, str]]  # file name -> text
    # The committed folder that ``bindref check`` compares with the export ("" = not checked).
    checked_folder: Callable[[Settings], str]
    pattern: str = "*.md"  # the files of the folder that the export owns when bindref wrote them


def _render_learn(project: Project) -> dict[str, str]:
    """The Learn pages; the renderer is imported when an export runs, not with the registry."""
    from bindref.export.learn import render_learn_pages  # noqa: PLC0415  # the CLI's parser reads this registry

    return render_learn_pages(project)


def _learn_export(settings: Settings) -> str:
    return settings.learn_export


EXPORTERS: Mapping[str, Exporter] = {
    "learn": Exporter(
        name="learn",
        summary="Microsoft Learn Markdown with zone pivots",
        render_pages=_render_learn,
        checked_folder=_learn_export,
    ),
}
