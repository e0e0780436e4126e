"""The screening engine: pure detection code, importable and benchmarkable without FastAPI or
a database. Built once per ruleset version and reused for every text."""
