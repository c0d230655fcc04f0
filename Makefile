# Everything installs into .venv from PyPI; a fresh machine needs only python3 and make.
# The exact versions and hashes come from requirements.lock (app, test and build extras for
# Linux and Windows, made by `make lock`); pyproject.toml keeps the compatible ranges.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
LOCK := requirements.lock
STAMP := $(VENV)/.installed-$(shell cat $(LOCK) pyproject.toml | cksum | cut -d' ' -f1)
# The lock tool itself, pinned so that a refresh is repeatable; only `make lock` needs it.
UV_VERSION := 0.13.9
LOCK_ARGS := pyproject.toml --extra test --extra build --universal --generate-hashes \
	--python-version 3.10 --quiet -o $(LOCK)

.PHONY: run test lint format venv clean bench dist dist-test lock lock-upgrade

# --no-deps: the lock already lists every dependency, and pip must not fetch anything else.
$(STAMP): $(LOCK) pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) tools/check_lock.py
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

# The standalone one-folder app in dist/ (window program, console twin, licences) with its
# SBOM next to it; dist-test drives the built program.
DIST_DIR := dist/Drugspreventie Werkbank

dist: $(STAMP)
	rm -rf build "$(DIST_DIR)" "$(DIST_DIR).cdx.json"
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
	@$(PY) tools/release/bundle_report.py "$(DIST_DIR)"

dist-test:
	PYTHON=$(PY) bash tools/dist_smoke_test.sh "$(DIST_DIR)"

# Speed figures, printed (not asserted): see BENCHMARKS.md.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

# Add what pyproject.toml newly asks for, keeping every other pin.
lock:
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet "uv==$(UV_VERSION)"
	$(VENV)/bin/uv pip compile $(LOCK_ARGS)

# Move every pin to the newest release pyproject.toml allows (then run make test and make dist).
lock-upgrade:
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet "uv==$(UV_VERSION)"
	$(VENV)/bin/uv pip compile --upgrade $(LOCK_ARGS)

clean:
	rm -rf $(VENV) build dist build-bench *.egg-info
