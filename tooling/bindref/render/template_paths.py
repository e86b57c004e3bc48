"""Where templates live and the outputs they are grouped by: names only, cheap to import.

:mod:`bindref.render.template_set` (jinja2, the language profiles, the table helpers) loads
and checks the templates; a site build whose every call is remembered only lists them to
key its caches, so it imports this and never that.
"""

from __future__ import annotations

from pathlib import Path

PACKAGED_TEMPLATES = Path(__file__).parent / "templates"
SITE, LEARN, SCAFFOLD = "site", "learn", "scaffold"
OUTPUTS = (SITE, LEARN, SCAFFOLD)
