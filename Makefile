# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test venv lint bench snapshot clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

run: venv
	$(PY) -m streamlit run app.py --server.port $(PORT)

test: venv
	$(PY) -m ruff check .
	$(PY) -m pytest

lint: venv
	$(PY) -m ruff check .

bench: venv
	for b in benchmarks/bench_*.py; do $(PY) $$b || exit 1; done

# Rebuild the embedded snapshot from ../shared/data/ctgov (developers only; the app never reads ../shared).
snapshot: venv
	$(PY) scripts/build_embedded_snapshot.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
