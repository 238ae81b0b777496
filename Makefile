# solar-leads: every target sets itself up; `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help setup run test eval bench lint docs clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-6s %s\n", $$1, $$2}'

setup: $(STAMP) ## create .venv and install the project (quick when nothing changed)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: setup ## run the whole pipeline on the bundled demo corpus, outputs in output/
	$(BIN)/leads run

test: setup ## lint, then every test (pytest drives dbt build, unit tests and crawls)
	$(BIN)/ruff check .
	$(BIN)/pytest -q

eval: setup ## precision / recall / F1 of the scoring rules on the labeled data
	$(BIN)/leads evaluate

bench: setup ## benchmarks against pure-Python baselines; writes bench_results/
	$(BIN)/python -m benchmarks.run

lint: setup ## ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

docs: setup ## dbt docs for the models (target/index.html)
	$(BIN)/leads build
	$(BIN)/dbt docs generate --project-dir . --profiles-dir dbt

clean: ## remove generated files (keeps .venv)
	rm -rf output target logs data/warehouse.duckdb* .pytest_cache bench_results
