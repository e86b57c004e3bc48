"""Stage 1, SDKs: readers of the real SDK surfaces a definition is compared with.

The installed azure-functions package (griffe, never imported), and C# attribute classes
and Java annotations from source checkouts (tree-sitter, through
:mod:`bindref.samples.treesitter`). May import: core, languages, samples.
"""
