"""Stage 3, render: the one path from the model to Markdown (jinja2).

The template environment, filters, table rows, code blocks and the page macros that the
site, ``bindref check`` and the Learn export all call. Every line of Markdown comes from a
template in ``render/templates/``. May import: core, spec, languages, definitions,
samples; never mkdocs, mkdocs_macros or zensical (those live in :mod:`bindref.hosts`).
"""
