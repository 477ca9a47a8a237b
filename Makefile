# jiancha（监察） — `make help` lists every target.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.DEFAULT_GOAL := help
.PHONY: help setup demo up down status test unit integration chaos security lint format bench clean

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

setup: $(VENV)/.installed ## install system packages (Java, Maven) and jiancha with its dev tools in .venv

$(VENV)/.installed: pyproject.toml scripts/install-system-deps.sh
	bash scripts/install-system-deps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: setup ## start Kafka + Elasticsearch + workers + API, replay the project's demo month, print logins and a search
	$(BIN)/jiancha demo $(if $(EVENTS),--events $(EVENTS))

up: setup ## start only the embedded Kafka and Elasticsearch
	$(BIN)/jiancha up

down: ## stop everything jiancha started
	$(BIN)/jiancha down

status: ## ports, versions, pids and health of the embedded services
	$(BIN)/jiancha status

test: setup ## run all tests: unit, integration (real Kafka + ES), chaos, e2e
	$(BIN)/python -m pytest tests

unit: setup ## run the unit tests only (no I/O)
	$(BIN)/python -m pytest tests/unit

integration: setup ## run the integration tests only
	$(BIN)/python -m pytest tests/integration

chaos: setup ## only the fault tests on a private Kafka + ES: first start, outages (~5 min)
	$(BIN)/python -m pytest tests/chaos -m chaos

security: setup ## only the security tier: the threat model's attacks on the real stack
	$(BIN)/python -m pytest tests/security -m security

lint: setup ## ruff lint + format check, mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: setup ## apply ruff's formatting and safe fixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: setup ## run the benchmark suite (results tables: "Benchmarks" in README.md)
	$(BIN)/python -m benchmarks.all

clean: ## remove the virtualenv and caches (not the data directory)
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
