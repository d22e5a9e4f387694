# Two commands set a newcomer up: `make site` builds the site into site/, `make test` runs every test.
VENV := .venv
PY := $(VENV)/bin/python
# What is installed in the venv, by the hash of the files that say what to install: the build's locked
# requirements (`make site`), and besides those the tests' (`make test`). A stamp is current when nothing changed.
STAMP := $(VENV)/.installed-build-$(shell cat requirements/build.txt pyproject.toml | sha1sum | cut -c1-12)
TEST_STAMP := $(VENV)/.installed-test-$(shell cat requirements/build.txt requirements/test.txt pyproject.toml | sha1sum | cut -c1-12)

.PHONY: site publish serve test lint check schema new-meeting new-agreement

# Values typed after `make` reach the commands as environment variables, exactly as typed: `$(value …)` keeps
# make from expanding them (make would run a $(shell …) in them) and the recipes never put them on a shell's
# command line, so quotes, backticks and $(…) in a name stay text. The commands check them (scaffold.py,
# publishing.py, dates.py).
VERBATIM := NAME DATE CASE PARTNER YEARS COMMITTEE WORDS DECIDED_AS SITE_URL BUILD_DATE
$(foreach v,$(VERBATIM),$(eval override $(v) := $$(value $(v))))
export $(VERBATIM)

# The build's locked dependencies (every file checked against its hash in requirements/build.txt), then this
# project as an editable package (its code stays under hooks/), built with the locked setuptools.
$(STAMP): requirements/build.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --require-hashes -r requirements/build.txt
	$(PY) -m pip install -q --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-* && touch $@

# The tests' locked dependencies, on top of the build's (requirements/test.txt keeps the build's versions).
$(TEST_STAMP): $(STAMP) requirements/test.txt
	$(PY) -m pip install -q --require-hashes -r requirements/test.txt
	rm -f $(VENV)/.installed-test-* && touch $@

# Locks requirements/*.txt again after a change to requirements/*.in (pip-tools, pinned, in a venv of its own);
# versions already locked stay unless the .in file asks for others. Dependabot does the same in its pull requests.
LOCK_VENV := .venv-lock
COMPILE := ../$(LOCK_VENV)/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
.PHONY: lock
lock:
	test -x $(LOCK_VENV)/bin/pip-compile || { python3 -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/pip install -q pip-tools==7.7.0; }
	cd requirements && $(COMPILE) -o build.txt build.in && $(COMPILE) -o test.txt test.in

# Built by the pinned engine (ProperDocs, hooks/namndbeslut/engine.py) into .site-new, indexed for search by Pagefind
# once the build's process has ended (one big process at a time: search.LATER), and put in place only
# when the build succeeded: a failed build (bad content, a warning under --strict) leaves site/ exactly as it was.
site: $(STAMP)
	@rm -rf .site-new .site-old
	NAMNDBESLUT_SEARCH=later $(PY) -m properdocs build --strict --dirty --config-file mkdocs.yml --site-dir .site-new \
		&& $(PY) -m namndbeslut.search .site-new || { rm -rf .site-new; exit 1; }
	@if [ -d site ]; then mv site .site-old; fi && mv .site-new site && rm -rf .site-old

# A build for publishing: refuses the placeholder site_url (set SITE_URL=https://…) and placeholder contacts.
publish:
	PUBLISH=1 $(MAKE) --no-print-directory site

# Editors: the preview on http://127.0.0.1:8000; it keeps answering (with the errors on every page) when content is broken.
# The editors' desk (forms that write the content files, docs/desk.md) is at http://127.0.0.1:8000/admin/: its
# bundle (decap-cms) comes from node_modules, installed from package-lock.json.
PORT ?= 8000
serve: $(STAMP)
	@$(VENV)/bin/namndbeslut-serve --port $(PORT)

# The W3C Nu HTML checker (vnu-jar, pinned in package-lock.json; run with the system's Java by
# tests/test_html_valid.py). --ignore-scripts: its install script would download a Java of its own.
NPM_STAMP := node_modules/.installed-$(shell cat package-lock.json | sha1sum | cut -c1-12)
$(NPM_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	rm -f node_modules/.installed-* && touch $@

serve: $(NPM_STAMP) # the desk's bundle (its prerequisite here, where NPM_STAMP is defined)

test: $(TEST_STAMP) $(NPM_STAMP)
	$(PY) -m pytest

# Material's stylesheet trimmed to the rules the pages use (site_src/stylesheets/material.css): after changing
# templates, when tests/test_material_css.py says it is not current.
.PHONY: css
css: $(TEST_STAMP) $(NPM_STAMP)
	UPDATE_CSS=1 $(PY) -m pytest -q tests/test_material_css.py

lint: $(TEST_STAMP)
	$(PY) -m ruff check hooks tests bench
	$(PY) -m mypy

# Editors: validate all content without building; one problem per line, nothing when all is well.
check: $(STAMP)
	@$(VENV)/bin/namndbeslut-check

# The pages as plain Markdown and static files in export/, which any engine builds without our plugin
# (the command is at the top of export/mkdocs.yml; hooks/namndbeslut/export.py).
.PHONY: export
export: $(STAMP)
	@rm -rf export
	@$(VENV)/bin/namndbeslut-export export

# Regenerate schema/*.schema.json (JSON Schema of each folder's front matter) from the model.
schema: $(STAMP)
	$(VENV)/bin/namndbeslut-schema

# Editors: a new meeting or agreement file with every field present and explained (an agreement: PARTNER="…", or
# NAME="…" for one whose source names no counterparty; a decision outside a meeting: DECIDED_AS=… WORDS=…).
new-meeting: $(STAMP)
	@$(VENV)/bin/namndbeslut-scaffold meeting

new-agreement: $(STAMP)
	@$(VENV)/bin/namndbeslut-scaffold agreement

# Editors: the project made into a site for another municipality, once (NAME="Uppsala kommun"): the example content
# goes, mkdocs.yml gets the municipality's name (FYLL I where only the editor knows), the address register the
# commit the site starts after (hooks/namndbeslut/newsite.py).
.PHONY: new-site
new-site: $(STAMP)
	@$(PY) -m namndbeslut.newsite

# Editors: a new partner, committee or officer's report (CASE="SO 2021/0001", optional DATE and COMMITTEE: without
# COMMITTEE the report names no body).
.PHONY: new-partner new-committee new-report
new-partner: $(STAMP)
	@$(VENV)/bin/namndbeslut-scaffold partner

new-committee: $(STAMP)
	@$(VENV)/bin/namndbeslut-scaffold committee

new-report: $(STAMP)
	@$(VENV)/bin/namndbeslut-scaffold report

# Benchmark (not part of `make test`): `make bench` (full size, ~2,000 and ~8,000 meetings) or `make bench SIZE=small`.
.PHONY: bench
SIZE ?= full
bench: $(TEST_STAMP)
	$(PY) bench/run.py --size $(SIZE)
	$(PY) bench/preview.py --size $(SIZE)
