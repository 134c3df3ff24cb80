# Two commands do all set-up on a fresh machine (Python 3.11 + apt): `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
SUDO   := $(if $(filter 0,$(shell id -u)),,sudo)
PYTEST_ARGS ?=

.PHONY: run demo test lint bench chromium clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here).
chromium:
	@command -v chromium >/dev/null 2>&1 || ($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium)

run: $(STAMP)
	$(BIN)/tryghedspuls serve $(ARGS)

demo: $(STAMP)
	$(BIN)/tryghedspuls serve --demo $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(STAMP) chromium lint
	$(BIN)/pytest -q $(PYTEST_ARGS)

bench: $(STAMP) chromium
	$(BIN)/pytest -q -m slow -p no:randomly -s $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) build test-artifacts .pytest_cache
