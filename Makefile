# Quick start: `make run` starts the app, `make test` runs the whole suite offscreen.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run demo test lint typecheck check bench bundle screenshots casefile-sample clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/headway-journal

demo: $(STAMP)
	$(BIN)/headway-journal --demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider -n 2 tests
	$(BIN)/ruff check headway_journal tests bench
	$(BIN)/mypy

lint: $(STAMP)
	$(BIN)/ruff check headway_journal tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

bundle: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/headway_journal.spec

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_screenshots.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_dialog_screenshots.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_exhibit_screenshot.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_security_screenshots.py

casefile-sample: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_sample_casefile.py

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
