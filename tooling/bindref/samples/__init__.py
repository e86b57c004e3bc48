"""Stage 1, samples: named regions, sample-file walking, tree-sitter parsing, binding usages.

One reader (:class:`bindref.samples.regions.SampleReader`, by the rules of
:mod:`bindref.samples.files`), one skip list, one tree-sitter set-up
(:mod:`bindref.samples.treesitter`, also used by :mod:`bindref.sdk`). Knows nothing about
the catalog. May import: core.
"""
