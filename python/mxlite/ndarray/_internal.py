"""Operators whose names start with "_" (filled from the registry at import)."""
