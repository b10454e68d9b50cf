# peergraph: two commands on a fresh machine.
#   make demo   set up .venv, load the sample reports into the embedded store, draw the maps
#   make test   set up .venv with dev dependencies and run the whole suite
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
REPORTS := data/reports
STORE ?= peergraph-data

.PHONY: demo test lint venv dev clean gallery bench

$(BIN)/python:
	@PY=$$(scripts/find-python.sh) && echo "Using $$PY" && $$PY -m venv $(VENV)
	@$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@echo "Installing peergraph into $(VENV) (the first time builds falkordblite from source: about 2 minutes)..."
	@$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	@$(BIN)/pip install -q -e '.[dev]'
	@touch $@

venv: $(VENV)/.installed
dev: $(VENV)/.installed-dev

demo: $(VENV)/.installed
	@$(BIN)/peergraph demo $(REPORTS) --store $(STORE)

test: $(VENV)/.installed-dev
	@scripts/ensure-chromium.sh
	@$(BIN)/ruff check graphload queries visualise tests benchmarks scripts
	@$(BIN)/ruff format --check graphload queries visualise tests benchmarks scripts
	@$(BIN)/mypy graphload queries visualise
	@$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	@$(BIN)/ruff check graphload queries visualise tests benchmarks scripts
	@$(BIN)/ruff format --check graphload queries visualise tests benchmarks scripts
	@$(BIN)/mypy graphload queries visualise

gallery: $(VENV)/.installed-dev
	@$(BIN)/python scripts/make_gallery.py
	@$(BIN)/python -m pytest -q tests/test_map_browser.py
	@$(BIN)/python scripts/copy_screenshots.py

bench: $(VENV)/.installed-dev
	@$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache .ruff_cache
