"""Stage: drift checks (sink). Each check is a function (context) -> findings.

May import core, spec, languages, definitions (through the project), samples, sdk, render
and export; never hosts or cli. ``run_checks`` lives in :mod:`bindref.check.run`.
"""
