# qualcode: `make demo` and `make test` work on a fresh machine (set-up included).
VENV    ?= .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed-$(shell sha256sum pyproject.toml | cut -c1-12)
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: setup demo test lint bench bench-redact clean

# torch==2.13.0 first: it takes the local CPU wheel; an unpinned torch pulls GBs of CUDA.
$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(VENV)/bin/qualcode demo --out out

test: setup
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

bench: setup
	$(PY) benchmarks/bench_embed.py
	$(PY) benchmarks/bench_topics.py
	$(PY) benchmarks/bench_pipeline.py

# Redaction against Microsoft Presidio (installs presidio-analyzer, the bench extra).
bench-redact: setup
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	$(PY) benchmarks/bench_redact.py
	$(PY) benchmarks/bench_presidio.py

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
