# Two commands do all set-up on a fresh machine (Python 3.11 + apt): `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
SUDO   := $(if $(filter 0,$(shell id -u)),,sudo)
PYTEST_ARGS ?=

AXE    := tests/browser/axe/node_modules/axe-core/axe.min.js
# checkov pins its own boto3 and friends: it gets a venv of its own, beside ours.
CHECKOV := $(VENV)/tools/checkov/bin/checkov

.PHONY: run demo test lint bench mutants system clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

# Debian's packages the tests use as real tools: Chromium (Playwright never downloads a browser
# here), poppler-utils and zbar-tools to read back our PDFs and QR codes, Node.js for the static
# PWA's memory snapshot and npm for axe-core.
SYSTEM_TOOLS := chromium:chromium pdftoppm:poppler-utils zbarimg:zbar-tools node:nodejs npm:npm
system:
	@missing=""; for t in $(SYSTEM_TOOLS); do command -v $${t%%:*} >/dev/null 2>&1 || missing="$$missing $${t#*:}"; done; \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q $$missing; fi

$(AXE): tests/browser/axe/package.json tests/browser/axe/package-lock.json
	cd tests/browser/axe && npm ci --silent --no-audit --no-fund
	touch $@

$(CHECKOV):
	$(PYTHON) -m venv $(VENV)/tools/checkov
	$(VENV)/tools/checkov/bin/python -m pip install -q checkov==3.3.30

run: $(STAMP)
	$(BIN)/tryghedspuls serve $(ARGS)

demo: $(STAMP)
	$(BIN)/tryghedspuls serve --demo $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(STAMP) system $(AXE) $(CHECKOV) lint
	$(BIN)/pytest -q $(PYTEST_ARGS)

bench: $(STAMP) system $(AXE)
	$(BIN)/pytest -q -m slow -p no:randomly -s $(PYTEST_ARGS)

# Plants small bugs in the domain and store code and runs the tests that should catch each one;
# not part of `make test`. MUTANTS_ARGS="--only weeks.py" narrows it, "--jobs 1" eases the load.
MUTANTS_ARGS ?=
mutants: $(STAMP)
	$(BIN)/python -m tests.mutants.run $(MUTANTS_ARGS)

clean:
	rm -rf $(VENV) build test-artifacts .pytest_cache
