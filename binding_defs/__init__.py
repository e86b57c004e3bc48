"""Binding definitions: one module per binding, grouped by extension. Read by bindref, never run."""
