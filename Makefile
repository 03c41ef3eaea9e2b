# Two commands on a fresh machine with only python3:  make demo  ·  make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.db

.PHONY: demo test setup clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"

# Reinstall whenever the project metadata or the pinned versions change.
$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/rasid analyze examples --db $(DEMO_DB) --summary

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache .hypothesis

.PHONY: wordfreq lock
# The clitic segmenter's word frequencies, from the unlabeled news corpus of ../shared/data.
wordfreq: $(STAMP)
	$(BIN)/python tools/build_wordfreq.py --corpus ../shared/data/unlabeled/ant_news_ar.txt.gz \
		--out src/rasid/resources/lexicons/wordfreq.tsv

# Re-pin every dependency: resolve in a scratch venv, write constraints.txt.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip && .lock-venv/bin/pip install --quiet ".[test]"
	{ echo "# Pinned versions of every dependency (direct and transitive); regenerate with 'make lock'."; \
	  .lock-venv/bin/pip freeze --exclude-editable | grep -v '^rasid'; } > constraints.txt
	rm -rf .lock-venv
