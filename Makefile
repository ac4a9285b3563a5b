# Two commands do all set-up: `make demo` and `make test`. Each creates .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test bench eval clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/folio demo

test: $(BIN)/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(BIN)/.installed
	$(BIN)/python bench/crawl.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
