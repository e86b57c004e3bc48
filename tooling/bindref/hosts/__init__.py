"""Sink, hosts: the adapters for site engines (MkDocs, mkdocs-macros, Zensical) and preview.

The only subpackage that imports mkdocs, mkdocs_macros or zensical, so an upgrade of an
engine breaks one place. Adapters stay thin: they call :mod:`bindref.render.macros`.
May import: render and the shared vocabulary (core, spec, languages).
"""
