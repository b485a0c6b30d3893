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

run: install
	mkdir -p out
	$(BIN)/newsgraph extract samples -o out/articles.jsonl --workers 2
	@$(BIN)/python -c "import json; recs=[json.loads(l) for l in open('out/articles.jsonl')]; \
	ok=[r for r in recs if 'error' not in r]; \
	print(f'{len(ok)} articles, {sum(len(r[\"quotes\"]) for r in ok)} quotes, ' \
	      f'{sum(len(r[\"entities\"]) for r in ok)} entities, {sum(len(r[\"timexes\"]) for r in ok)} time expressions -> out/articles.jsonl')"

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow and not gold"

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf out .pytest_cache .hypothesis
