# Everything installs into .venv from PyPI; a fresh machine needs only python3.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test lint format venv clean bench dist dist-test

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/drugspreventie

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# pytest exits 5 when it collected nothing; say so and fail instead of passing silently.
# check_factsheet: schema, no sentences copied from the seeds, readability floor.
test: lint
	$(PY) tools/check_factsheet.py data/middelen/*.json
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "FOUT: pytest heeft geen enkele test uitgevoerd." >&2; exit 1; fi; \
	exit $$rc

# The standalone one-folder app in dist/; its own smoke test runs the built program.
DIST_APP := dist/Drugspreventie Werkbank/Drugspreventie Werkbank

dist: $(STAMP)
	$(PY) -m pip install --quiet -e ".[build]"
	rm -rf build "dist/Drugspreventie Werkbank"
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
	@du -sh "dist/Drugspreventie Werkbank" | sed 's/^/Bundelgrootte: /'

dist-test:
	QT_QPA_PLATFORM=offscreen bash tools/dist_smoke_test.sh "$(DIST_APP)"

# Speed figures, printed (not asserted): see BENCHMARKS.md.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

clean:
	rm -rf $(VENV) build dist *.egg-info
