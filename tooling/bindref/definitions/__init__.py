"""Stage 1, definitions: read ``binding_defs/`` statically and resolve it into the model.

griffe and :mod:`ast` read the files (nothing is imported or executed), literals are
evaluated, helper calls checked, and each field resolved per language through the
language profiles. One of two subpackages allowed to import griffe (with :mod:`bindref.sdk`).
May import: spec, core, languages.
"""
