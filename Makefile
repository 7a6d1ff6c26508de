# Two commands set up a fresh machine: `make run` (the demo site) and `make test` (the suite).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
VAR := var
# The embedded default serves plain http on the loopback only.
RUN_ENV := SITE_HTTPS=0 ALLOWED_HOSTS=127.0.0.1,localhost
# gunicorn starts the task worker next to itself and stops it with itself (site/gunicorn.conf.py).
RUN_WORKER := TASK_WORKER=embedded
# Build tools for the editable install, pinned like everything else.
BUILD_TOOLS := setuptools==80.9.0 wheel==0.45.1

.PHONY: help run serve install install-test test lint pytest browser-deps load-deps scale-deps load bench lighthouse unit-costs check-python clean

help:
	@echo "make run    install, migrate, seed demo content and serve on http://127.0.0.1:$(PORT)"
	@echo "make test   install test tools, run ruff and the whole test suite"
	@echo "make load   load test: 60 s of wrk on a story, a static file, the API and search while an editor publishes (LOAD_ARGS=\"--duration 600 --dead-webhook\": the soak)"
	@echo "make bench  a large throwaway site: render times, queries, throughput, against the budgets"
	@echo "make lighthouse  Lighthouse's mobile performance score of a demo story, offline, in Debian's Chromium (at least 0.95)"
	@echo "make unit-costs  time the suite's work units on both databases, for the parallel run's order (tests/unit_costs.json)"

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)' 2>/dev/null || { \
	  echo "This project needs Python 3.11; '$(PYTHON)' is $$($(PYTHON) --version 2>&1 || echo missing)."; \
	  echo "Install Python 3.11 or run: make PYTHON=/path/to/python3.11 ..."; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { \
	  echo "Python's venv module is missing. On Debian: apt-get install python3.11-venv"; exit 1; }

$(BIN)/python: | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet $(BUILD_TOOLS)

# Installs exactly what the lock file pins, then the project itself (editable, without deps).
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

$(VENV)/.installed-test: requirements-test.lock $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-test.lock
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VAR)/secret_key:
	@mkdir -p $(VAR)
	@$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	@chmod 600 $@
	@echo "Generated a local SECRET_KEY in $@ (kept out of git)."

run: install $(VAR)/secret_key
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py seed_demo
	$(RUN_ENV) $(BIN)/python manage.py compile_catalogues
	$(RUN_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(RUN_ENV) $(BIN)/python manage.py ensure_admin
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(RUN_ENV) $(RUN_WORKER) $(BIN)/gunicorn sitewide.wsgi --config site/gunicorn.conf.py \
	  --bind 127.0.0.1:$(PORT) --workers 2 --control-socket $(VAR)/gunicorn.ctl

# Debian packages the browser tests need (installed when missing; needs root or sudo), and
# axe-core from npm, pinned in package-lock.json.
browser-deps: node_modules/.installed
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# Debian's wrk for the load test (installed when missing; needs root or sudo).
load-deps:
	@command -v wrk >/dev/null 2>&1 || { \
	  echo "Installing Debian's wrk for the load test"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk >/dev/null; }

# Debian's redis-server for the scale-out tests (tests/serving/test_scale_out.py: a real Redis next to
# moto's S3; installed when missing; needs root or sudo).
scale-deps:
	@command -v redis-server >/dev/null 2>&1 || { \
	  echo "Installing Debian's redis-server for the scale-out tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq redis-server >/dev/null; }

# The load test on its own copy of the demo site (SQLite, or a throwaway database on the
# PostgreSQL server of DATABASE_URL). Shorter: make load LOAD_ARGS="--duration 10".
load: install load-deps
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python manage.py compile_catalogues
	$(BIN)/python scripts/load_test.py $(LOAD_ARGS)

# The bench on a large throwaway site (issue #8): render times, queries per request, throughput
# under wrk, page weight, checked against the budgets; JSON in var/bench/. A quick check that it
# runs: make bench BENCH_ARGS="--tiny".
bench: install load-deps
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# Lighthouse's mobile performance score of the first demo story on its own throwaway site, in
# Debian's Chromium, offline (docs/performance.md). Another story: LIGHTHOUSE_ARGS="--path /en/...".
# Its npm package lives apart (tools/lighthouse), so that `make test` does not install it.
lighthouse: install browser-deps tools/lighthouse/node_modules/.installed
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python manage.py compile_catalogues
	$(BIN)/python scripts/lighthouse.py $(LIGHTHOUSE_ARGS)

tools/lighthouse/node_modules/.installed: tools/lighthouse/package-lock.json node_modules/.installed
	cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

node_modules/.installed: package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's npm for axe-core"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm >/dev/null; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -c pyproject.toml -r site stories longread -ll -q
	@# The deployment checks, with a throwaway key and a public host name.
	SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  ALLOWED_HOSTS=example.org DJANGO_SETTINGS_MODULE=sitewide.settings \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

# The suite in parallel: PYTEST_WORKERS processes (pytest-xdist), a test database each, the
# browser tests together in one of them; the ten slowest tests are listed at the end.
PYTEST_WORKERS ?= 2
pytest: install-test browser-deps load-deps scale-deps
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python manage.py compile_catalogues
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) --dist loadgroup --durations=10 $(PYTEST_ARGS)

test: lint pytest

# How long each work unit of the parallel run takes, on both databases as CI runs them, for the
# order in which the run hands them out (tests/xdist_groups.py; written to tests/unit_costs.json).
unit-costs:
	$(MAKE) pytest PYTEST_ARGS=--record-unit-costs
	bash .ci/postgres.sh && . $(VAR)/ci-postgres.env && \
	  DATABASE_URL="$$CI_DATABASE_URL" $(MAKE) pytest PYTEST_ARGS=--record-unit-costs

clean:
	rm -rf $(VENV) $(VAR)/cache $(VAR)/static
