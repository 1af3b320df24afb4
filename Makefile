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
DSFR_DIST := node_modules/@gouvfr/dsfr/dist
BUILD := build
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the tests use, as command:package pairs: the browser, its
# driver, GNU gettext, and npm. Only the packages of missing commands are
# installed (a machine with Node.js from elsewhere already has npm, and Debian's
# npm package would conflict with it).
SYSTEM_DEPS := chromium:chromium chromedriver:chromium-driver msgfmt:gettext npm:npm

.PHONY: help demo test lint format screenshot i18n system-deps assets clean bench bench-quick

help:
	@echo "make demo   render the bundled examples into $(BUILD)/ (sets everything up)"
	@echo "make test   run the whole test suite (sets everything up)"
	@echo "make lint   ruff check and format check"
	@echo "make screenshot  retake the screenshots in docs/images/"
	@echo "make i18n   re-extract the UI strings into locales/"
	@echo "make bench  benchmarks against the peers: docs/benchmarks.md (about 5 min; bench-quick: under 1 min)"
	@echo "make clean  remove $(BUILD)/, $(VENV)/ and node_modules/"

$(VENV)/.created:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' || \
	  { echo "Python >= 3.12 is needed; found $$($(PYTHON) --version 2>&1) at $(PYTHON)" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.installed: $(VENV)/.created pyproject.toml
	$(VPY) -m pip install --quiet -e .
	$(VPY) tools/ui_catalogue.py --compile
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(VPY) -m pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.installed-bench: $(VENV)/.installed pyproject.toml
	$(VPY) -m pip install --quiet -e '.[bench]'
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

demo: $(VENV)/.installed assets
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

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check src tests docs/tools tools hatch_build.py benchmarks examples/integrations
	$(VENV)/bin/ruff format --check src tests docs/tools tools hatch_build.py benchmarks examples/integrations

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix src tests docs/tools tools hatch_build.py benchmarks examples/integrations
	$(VENV)/bin/ruff format src tests docs/tools tools hatch_build.py benchmarks examples/integrations

test: $(VENV)/.installed-test system-deps assets lint
	$(VPY) -m pytest

# Re-extract the library's own words into locales/ (make test fails while they are stale).
i18n: $(VENV)/.installed
	$(VPY) tools/ui_catalogue.py

# Benchmarks (issue 9): benchmarks/results.json, docs/benchmarks.md and its charts.
# ARGS=--quick (or make bench-quick) runs in under a minute into build/bench-quick/.
bench: $(VENV)/.installed-bench system-deps assets
	$(VPY) -m benchmarks $(ARGS)

bench-quick:
	@$(MAKE) --no-print-directory bench ARGS="--quick $(ARGS)"

screenshot: $(VENV)/.installed system-deps assets
	$(VPY) docs/tools/screenshot.py

clean:
	rm -rf $(BUILD) $(VENV) node_modules .pytest_cache
