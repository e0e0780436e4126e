"""Cross-cutting infrastructure. Imports no domain package."""
