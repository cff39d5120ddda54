# `make run` and `make test` bootstrap .venv from requirements.lock, then act.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 120

.PHONY: setup test-setup run test lint clean bi bi-setup

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: setup
	$(BIN)/crosswire run

# The report's browser tests drive Debian's chromium (playwright's own browser downloads are not used).
CHROMIUM ?= /usr/bin/chromium

test-setup: setup
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing chromium for the report's browser tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; \
		else \
			echo "chromium is missing: install it (sudo apt-get install chromium) for the report's browser tests;"; \
			echo "they skip without it, and fail when CROSSWIRE_SLOW_TESTS=1"; \
		fi; \
	fi

test: test-setup
	$(BIN)/pytest -q $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check flows transforms warehouse tests benchmarks bi

# The Superset dashboard runs in its own environment (its pins, SQLAlchemy 1.4 among them, are not the pipeline's).
BI_VENV := bi/.venv
BI_STAMP := $(BI_VENV)/.installed

bi-setup: $(BI_STAMP)

$(BI_STAMP): bi/requirements.lock
	$(PYTHON) -m venv $(BI_VENV)
	$(BI_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -r bi/requirements.lock
	touch $(BI_STAMP)

bi: bi-setup
	$(BI_VENV)/bin/python bi/serve.py

clean:
	rm -rf $(VENV) data $(BI_VENV) bi/.home
