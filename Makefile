# newsgraph: `make run` processes the bundled samples, `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: install run test test-fast bench fuzz clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

PORT ?= 8000

run: install
	mkdir -p out
	$(BIN)/newsgraph extract samples -o out/articles.jsonl --workers 2
	$(BIN)/newsgraph ingest out/articles.jsonl --records --db out/news.db
	$(BIN)/newsgraph speakers --db out/news.db --limit 10
	@echo "newsgraph: the sample corpus is at http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(BIN)/newsgraph serve --db out/news.db --port $(PORT)

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow and not gold"

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf out .pytest_cache .hypothesis
