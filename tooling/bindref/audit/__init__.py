"""Sink, audit: read a hand-written Microsoft Learn page and report what is wrong in it.

:mod:`bindref.audit.page` parses the page (headings, zones, tables, :::code references);
:mod:`bindref.audit.learn` holds the table, example and placeholder rules and
:mod:`bindref.audit.references` the ``:::code`` ones. May import: render, samples, export
(page names), check (findings, placeholders) and the shared vocabulary.
"""
