"""The exporters, by name: what ``bindref export NAME`` writes and ``bindref check`` keeps fresh.

An exporter renders every page of its format from the project (``render_pages``); writing
and checking are the one writer's job (:func:`bindref.export.writes.sync_files`). Adding a
format is one entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bindref.core.config import Settings
from bindref.export.learn import render_learn_pages
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


def _learn_export(settings: Settings) -> str:
    return settings.learn_export


EXPORTERS: Mapping[str, Exporter] = {
    "learn": Exporter(
        name="learn",
        summary="Microsoft Learn Markdown with zone pivots",
        render_pages=render_learn_pages,
        checked_folder=_learn_export,
    ),
}
