"""Sink, export: generated pages for other docs platforms (Microsoft Learn), behind a registry.

:mod:`bindref.export.registry` names the exporters; each renders its pages from templates,
and an export and its check share one writer (:func:`bindref.export.writes.sync_files`):
write mode writes, check mode compares. May import: render and what it imports.
"""
