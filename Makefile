# dsfr-accordion: the two commands of the README's Quick start, and their parts.
#   make demo   set up, then render the bundled examples into build/
#   make test   set up (test extras, Chromium, chromedriver, gettext, DSFR assets), lint, test
# Every target is idempotent and quick once set up.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Python >= 3.12: python3.12 when on PATH (pyenv reads .python-version), else python3.
PYTHON ?= $(shell command -v python3.12 2>/dev/null || command -v python3)
VENV := .venv
VPY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
DSFR_DIST := node_modules/@gouvfr/dsfr/dist
BUILD := build
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the tests use, as command:package pairs: the browser, its
# driver, GNU gettext, and npm. Only the packages of missing commands are
# installed (a machine with Node.js from elsewhere already has npm, and Debian's
# npm package would conflict with it).
SYSTEM_DEPS := chromium:chromium chromedriver:chromium-driver msgfmt:gettext npm:npm java:default-jre-headless

# The Python environment is uv.lock, exactly (docs/architecture.md, "Locked
# environment"). uv works with the interpreter of .venv, never one it would
# download. --locked refuses a lock that no longer matches pyproject.toml (run
# make lock); --inexact keeps what another target installed from the same lock
# (demo, test and bench share .venv). The project itself is installed editable
# by the locked hatchling, so no build step fetches anything either.
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
SYNC := $(UV) sync --quiet --locked --inexact --no-install-project

.PHONY: help demo test lint format screenshot i18n system-deps assets clean bench bench-quick \
	lock test-oldest test-latest dist

help:
	@echo "make demo   render the bundled examples into $(BUILD)/ (sets everything up)"
	@echo "make test   run the whole test suite (sets everything up)"
	@echo "make lint   ruff check and format check"
	@echo "make screenshot  retake the screenshots in docs/images/"
	@echo "make i18n   re-extract the UI strings into locales/"
	@echo "make bench  benchmarks against the peers: docs/benchmarks.md (about 12 min; bench-quick: about 2 min)"
	@echo "make lock   upgrade uv.lock to the newest allowed versions, record them in the changelog, test"
	@echo "make test-oldest  the suite on the lowest versions pyproject.toml allows (outside the lock)"
	@echo "make test-latest  the suite on the newest versions pyproject.toml allows (outside the lock)"
	@echo "make dist   wheel and sdist into dist/, twine check, smoke test of the installed wheel"
	@echo "make clean  remove $(BUILD)/, $(VENV)/, the unlocked test venvs and the node_modules/"

# --clear: a .venv without this stamp predates the lock (packages pip chose) and
# is made anew, so that nothing but the lock is left in it.
$(VENV)/.made:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' || \
	  { echo "Python >= 3.12 is needed; found $$($(PYTHON) --version 2>&1) at $(PYTHON)" >&2; exit 1; }
	$(PYTHON) -m venv --clear $(VENV)
	touch $@

# uv itself, at the version and with the hashes uv.lock records: pip, all a new
# venv has, installs it; uv installs the rest.
$(UV): $(VENV)/.made uv.lock
	$(VPY) tools/bootstrap_uv.py
	touch $@

$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	$(SYNC)
	$(UV) pip install --quiet --python $(VPY) --no-deps --no-build-isolation -e .
	$(VPY) tools/ui_catalogue.py --compile
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(SYNC) --extra test
	touch $@

$(VENV)/.installed-bench: $(VENV)/.installed
	$(SYNC) --extra bench
	touch $@

$(VENV)/.installed-release: $(VENV)/.installed
	$(SYNC) --group release
	touch $@

system-deps:
	@missing=""; for pair in $(SYSTEM_DEPS); do \
	  command -v "$${pair%%:*}" >/dev/null || missing="$$missing $${pair#*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# The DSFR release pinned in package.json / package-lock.json (npm verifies its integrity).
# DSFR_ACCEPT_LICENSE answers the package's licence prompt; --ignore-scripts skips it anyway.
$(DSFR_DIST)/dsfr.min.css: package.json package-lock.json
	@command -v npm >/dev/null || $(MAKE) --no-print-directory system-deps
	DSFR_ACCEPT_LICENSE=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

assets: $(DSFR_DIST)/dsfr.min.css

# The library's own words compiled as a wheel ships them: a source .po newer than
# its .mo is compiled again at every run (so that translators see their work at
# once), which costs a command Babel and a compile (docs/benchmarks.md).
UI_MO := $(patsubst locales/%.po,src/dsfr_accordion/locales/%.mo,\
	$(wildcard locales/*/LC_MESSAGES/dsfr_accordion.po))
# One run compiles them all (a grouped target: once, however many are stale).
$(UI_MO) &: $(patsubst src/dsfr_accordion/locales/%.mo,locales/%.po,$(UI_MO)) | $(VENV)/.installed
	$(VPY) tools/ui_catalogue.py --compile

demo: $(VENV)/.installed assets $(UI_MO)
	@mkdir -p $(BUILD)
	@for example in examples/temoignages-cloud.yaml examples/si-samu.md; do \
	  name=$$(basename "$${example%.*}"); \
	  $(VPY) -m dsfr_accordion render "$$example" --page --dsfr-dist $(DSFR_DIST) -o $(BUILD)/$$name.html; \
	  $(VPY) -m dsfr_accordion render "$$example" -o $(BUILD)/$$name.fragment.html; \
	done
	@echo "Rendered into $(BUILD)/:"
	@for f in $(BUILD)/*.html; do echo "  $$f"; done
	@echo "Open the pages through a local server (the DSFR JS is a module):"
	@echo "  $(VPY) -m http.server -d $(BUILD) 8000   then http://127.0.0.1:8000/temoignages-cloud.html"

LINTED := src tests docs/tools tools hatch_build.py benchmarks examples/integrations

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check $(LINTED)
	$(VENV)/bin/ruff format --check $(LINTED)

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix $(LINTED)
	$(VENV)/bin/ruff format $(LINTED)

test: $(VENV)/.installed-test system-deps assets $(UI_MO) lint
	$(VPY) -m pytest

# Upgrade every locked version to the newest that pyproject.toml allows, on
# purpose: uv prints each change, tools/lock_changes.py records them under
# [Unreleased] in docs/changelog.md, then the suite runs on the new lock.
lock: $(UV)
	@mkdir -p $(BUILD)
	cp uv.lock $(BUILD)/uv.lock.before
	$(UV) lock --upgrade
	$(VPY) tools/lock_changes.py $(BUILD)/uv.lock.before uv.lock
	$(MAKE) --no-print-directory test

# The suite outside the lock, in a venv of its own made anew each time: on the
# lowest versions the ranges of pyproject.toml allow (a library must not pin its
# users, so its lower bounds must hold), or on the newest ones (what a user
# installing today gets). Not part of .ci/run: they resolve against the
# registry of the day. No lint there: the rules are those of the locked ruff.
UNLOCKED = rm -rf $(1) && $(PYTHON) -m venv $(1) && \
	$(UV) pip install --quiet --python $(1)/bin/python $(2) -e '.[test]' && \
	$(1)/bin/python tools/ui_catalogue.py --compile && \
	$(UV) pip list --python $(1)/bin/python --format freeze > $(1)/versions.txt && \
	echo "versions in $(1)/versions.txt" && \
	DSFR_ACCORDION_UNLOCKED=$(1) $(1)/bin/python -m pytest -p no:cacheprovider -q

test-oldest: $(UV) system-deps assets
	$(call UNLOCKED,.venv-oldest,--resolution lowest-direct)

test-latest: $(UV) system-deps assets
	$(call UNLOCKED,.venv-latest,--upgrade)

# Release: the sdist, then the wheel built from it (so the sdist is complete),
# with the build backend pinned and hash-checked from the lock; twine's upload
# checks; then the wheel installed in a fresh venv outside the repository runs
# render, check and i18n stats on the examples (tools/smoke_wheel.py).
dist: $(VENV)/.installed-release
	rm -rf dist
	@mkdir -p $(BUILD)
	$(UV) export --quiet --frozen --no-emit-project --all-groups --format requirements-txt \
	  -o $(BUILD)/build-constraints.txt
	$(UV) build --quiet --require-hashes --build-constraint $(BUILD)/build-constraints.txt -o dist
	$(VENV)/bin/twine check --strict dist/*
	$(VPY) tools/smoke_wheel.py dist/*.whl

# Re-extract the library's own words into locales/ (make test fails while they are stale).
i18n: $(VENV)/.installed
	$(VPY) tools/ui_catalogue.py

# The peers of the browser audit (issue 19), pinned in benchmarks/package.json and
# package-lock.json, for make bench only. No browser download: they drive the system
# Chromium (--ignore-scripts skips the chromedriver package's download, and
# PUPPETEER_SKIP_DOWNLOAD puppeteer's).
BENCH_PEERS := benchmarks/node_modules/.installed
$(BENCH_PEERS): benchmarks/package.json benchmarks/package-lock.json
	@command -v npm >/dev/null || $(MAKE) --no-print-directory system-deps
	cd benchmarks && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Benchmarks (issues 9 and 19): benchmarks/results.json, docs/benchmarks.md and its charts
# (about 12 minutes on 2 cores). ARGS=--quick (or make bench-quick) runs in about two
# minutes into build/bench-quick/.
bench: $(VENV)/.installed-bench system-deps assets $(UI_MO) $(BENCH_PEERS)
	$(VPY) -m benchmarks $(ARGS)

bench-quick:
	@$(MAKE) --no-print-directory bench ARGS="--quick $(ARGS)"

screenshot: $(VENV)/.installed-test system-deps assets
	$(VPY) docs/tools/screenshot.py

clean:
	rm -rf $(BUILD) $(VENV) .venv-oldest .venv-latest dist node_modules benchmarks/node_modules \
	  .pytest_cache
