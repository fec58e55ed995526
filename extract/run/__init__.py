"""Orchestration: extraction over many inputs into the store, and the check, report and gate workflow."""
