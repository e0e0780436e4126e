# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
ADMIN_KEY_MARKER := var/.admin-key-issued

.PHONY: run test lint typecheck audit openapi clients clients-check bench clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

## run: install, migrate the embedded SQLite database, seed the sample town, print an admin
##      key the first time, and serve on http://$(HOST):$(PORT) (docs at /docs)
run: $(VENV)/.installed
	$(BIN)/civic-social migrate
	$(BIN)/civic-social seed
	@if [ ! -f $(ADMIN_KEY_MARKER) ]; then \
		key=$$($(BIN)/civic-social create-api-key --name "local admin" --role admin | tail -n 1) && \
		touch $(ADMIN_KEY_MARKER) && \
		echo "" && echo "Admin API key (shown once; send it as 'Authorization: Bearer <key>'):" && \
		echo "    $$key" && echo ""; \
	else \
		echo "An admin key was issued on an earlier run; make another with:"; \
		echo "    $(BIN)/civic-social create-api-key --name NAME --role admin"; \
	fi
	@echo "Serving on http://$(HOST):$(PORT)  (API docs: http://$(HOST):$(PORT)/docs)"
	$(BIN)/civic-social serve --host $(HOST) --port $(PORT)

## test: lint, type-check, check the contract and the clients generated from it, and run the
##       suite on SQLite and PostgreSQL
test: $(VENV)/.installed lint typecheck audit clients-check
	$(BIN)/python -m pytest --cov --cov-report=term

lint: $(VENV)/.installed
	$(BIN)/ruff check app tests migrations bench
	$(BIN)/ruff format --check app tests migrations bench

typecheck: $(VENV)/.installed
	$(BIN)/mypy

## audit: known vulnerabilities in the installed dependencies (pip-audit); the static security
##        rules (flake8-bandit, ruff's S) run with lint
audit: $(VENV)/.installed
	$(BIN)/python scripts/audit.py

openapi: $(VENV)/.installed
	$(BIN)/civic-social openapi export

## clients: regenerate clients/ (TypeScript types, Python client) from openapi/openapi.json
clients: $(VENV)/.installed
	$(BIN)/python scripts/clients.py generate

clients-check: $(VENV)/.installed
	$(BIN)/python scripts/clients.py check

bench: $(VENV)/.installed
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache .coverage htmlcov
