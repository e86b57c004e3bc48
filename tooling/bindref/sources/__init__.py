"""Read sample code statically: which bindings a sample file uses, and with which arguments.

Only this package imports tree-sitter, so a grammar or binding upgrade touches it alone; it
knows nothing about the catalog, and the checks map what it finds onto definitions.
"""

from __future__ import annotations

from bindref.sources.usages import Argument, BindingUsage, Syntax, find_usages, syntax_for

__all__ = ["Argument", "BindingUsage", "Syntax", "find_usages", "syntax_for"]
