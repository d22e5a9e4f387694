# Two commands set a newcomer up: `make site` builds the site into site/, `make test` runs every test.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test lint

$(STAMP): requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

site: $(STAMP)
	$(PY) -m mkdocs build --strict --site-dir site

serve: $(STAMP)
	$(PY) -m mkdocs serve --strict

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check hooks tests
	$(PY) -m mypy hooks

# Benchmark (not part of `make test`): `make bench` (full size, ~2,000 and ~8,000 meetings) or `make bench SIZE=small`.
.PHONY: bench
SIZE ?= full
bench: $(STAMP)
	$(PY) bench/run.py --size $(SIZE)
