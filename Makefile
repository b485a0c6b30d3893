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
	$(BIN)/newsgraph sources --db out/news.db --by outlet
	@echo "newsgraph: the sample corpus is at http://127.0.0.1:$(PORT)/, who gets quoted at /sources (Ctrl-C to stop)"
	$(BIN)/newsgraph serve --db out/news.db --port $(PORT)

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow and not gold"

bench: install
	$(BIN)/python bench/run.py

SECONDS ?= 60
FUZZ_FLAGS = -max_total_time=$(SECONDS) -timeout=10 -rss_limit_mb=2048 -artifact_prefix=out/fuzz/

fuzz: install
	$(BIN)/python -m pip install --quiet 'atheris>=2.3'
	mkdir -p out/fuzz/text out/fuzz/jsonl
	$(BIN)/python fuzz/fuzz_text_dump.py $(FUZZ_FLAGS) -max_len=65536 -dict=fuzz/text.dict out/fuzz/text
	$(BIN)/python fuzz/fuzz_jsonl.py $(FUZZ_FLAGS) -dict=fuzz/jsonl.dict out/fuzz/jsonl

clean:
	rm -rf out .pytest_cache .hypothesis
