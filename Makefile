# qualcode: `make demo` and `make test` work on a fresh machine (set-up included).
VENV    ?= .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed-$(shell sha256sum pyproject.toml | cut -c1-12)
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: setup browser demo test lint i18n bench bench-redact bench-coding bench-load bench-report report-pages clean

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

# Debian's chromium for the browser test (skipped, with a warning, where it can't install).
browser:
	sh .ci/install-browser.sh

test: setup browser
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check src api tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# The web page's strings (templates, scripts, web.py) into the catalogs; translate the new
# entries in api/locales/*/LC_MESSAGES/messages.po (tests/service/test_i18n.py checks ru).
i18n: setup
	$(VENV)/bin/pybabel extract -F babel.cfg -k t -k N_ --add-location=file --sort-output \
		--no-wrap -o api/locales/messages.pot .
	for lang in ru uz; do \
		test -f api/locales/$$lang/LC_MESSAGES/messages.po \
		|| $(VENV)/bin/pybabel init -i api/locales/messages.pot -d api/locales -l $$lang; \
		$(VENV)/bin/pybabel update -i api/locales/messages.pot -d api/locales -l $$lang \
			--no-wrap --no-fuzzy-matching --ignore-obsolete; \
	done

# Issue 15's goals, each measured against a peer in the same run (A/B/B/A, load average
# printed), then one table: goal, figure, ratio.  About 20 minutes on 2 cores.
bench: setup
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	rm -rf out/bench
	$(PY) benchmarks/bench_embed.py
	$(PY) benchmarks/bench_presidio.py
	$(PY) benchmarks/bench_topics.py
	$(PY) benchmarks/bench_review_load.py
	$(PY) benchmarks/bench_scale.py
	$(PY) benchmarks/summary.py

# Redaction against Microsoft Presidio (installs presidio-analyzer, the bench extra).
bench-redact: setup
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	$(PY) benchmarks/bench_redact.py
	$(PY) benchmarks/bench_presidio.py

# Suggestions: retraining speed on 10,000 segments and learning curves against peers.
bench-coding: setup
	$(PY) benchmarks/bench_coding.py --no-setfit
	$(PY) benchmarks/bench_coding_sets.py

# Time to build the briefing report (HTML + DOCX) for the demo corpus, against the CSV export.
bench-report: setup
	$(PY) benchmarks/bench_report.py

# The demo's HTML report as A4-shaped PNG screenshots (headless chromium) in out/report-pages/.
report-pages: setup browser
	$(PY) benchmarks/render_report_pages.py

# 20 concurrent coders against a loopback server: p95 latency, no lost decisions.
bench-load: setup
	$(PY) benchmarks/bench_review_load.py

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
