"""Sink, audit: read a hand-written Microsoft Learn page and report what is wrong in it.

:mod:`bindref.audit.page` parses the page (headings, zones, tables, :::code references);
:mod:`bindref.audit.learn` holds the rules. May import: render, samples, check findings.
"""
