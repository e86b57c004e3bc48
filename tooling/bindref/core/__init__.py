"""The vocabulary every stage shares: the model, the settings, typed errors, finding codes.

``model`` holds bindref's frozen dataclasses (no griffe, jinja or mkdocs in sight),
``config`` the ``[tool.bindref]`` settings, ``errors`` the typed errors and the one
error collector, ``codes`` the catalog of finding codes. May import: languages.
"""
