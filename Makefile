# solar-leads: every target sets itself up; `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help setup run test test-fast eval bench lint docs clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

setup: $(STAMP) ## create .venv and install the project (quick when nothing changed)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: setup ## run the whole pipeline on the bundled demo corpus (warehouse data/demo/, files in output/demo/)
	$(BIN)/leads run

test: setup ## lint, then every test: unit and end to end (real crawls, real dbt build), three at a time
	$(BIN)/ruff check .
	$(BIN)/pytest -q -n 3

test-fast: setup ## the unit tests only (in-process, no crawl, no dbt build)
	$(BIN)/pytest -q -m "not e2e"

eval: setup ## precision / recall / F1 of the scoring rules on the labeled data
	$(BIN)/leads evaluate

bench: setup ## benchmarks against pure-Python baselines; writes bench_results/
	$(BIN)/python -m benchmarks.run

lint: setup ## ruff, mypy, and sqlfluff (dbt templater) on the models
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/leads build --warehouse target/lint.duckdb --select resource_type:seed --quiet
	WAREHOUSE=$(CURDIR)/target/lint.duckdb $(BIN)/sqlfluff lint models --processes 2

docs: setup ## dbt docs for the models (target/index.html)
	$(BIN)/leads build
	$(BIN)/dbt docs generate

clean: ## remove generated files (keeps .venv)
	rm -rf output target logs data/warehouse.duckdb* data/demo .pytest_cache bench_results
