"""Lexicons load, and are checked when loaded against the vocabularies of the output schema."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from rasid.ner import rules as ner_rules
from rasid.resources import catalogue, checks
from rasid.text import numerals
from rasid.resources.catalogue import LexiconError, PACKAGE_DIR, read_tsv
from rasid.resources.files import use_data_folder
from rasid.stages.reading import lexicons as evidence

LEXICON_DIR = PACKAGE_DIR / "lexicons"
README = Path(__file__).resolve().parent.parent / "README.md"
_CACHED = (catalogue.word_lists, catalogue.grammar_words, catalogue.function_words, catalogue.relatives,
           catalogue.properties, catalogue.with_property, numerals.unit_words, numerals.quantity_cues,
           numerals.number_words, catalogue.boilerplate_patterns, evidence.lexicon, evidence.any_vocab,
           ner_rules.name_table)


def _clear_caches() -> None:
    for loader in _CACHED:
        loader.cache_clear()


@pytest.fixture
def data_dir(tmp_path):
    """A data folder for broken copies; every cached lexicon is read afresh in and after the test."""
    (tmp_path / "lexicons").mkdir()
    use_data_folder(tmp_path)
    _clear_caches()
    yield tmp_path
    use_data_folder(None)
    _clear_caches()


def _break(folder: Path, name: str, first: str, column: int, bad: str) -> int:
    """Copy lexicon `name` into `folder` with column `column` of the first data row whose column 0
    starts with `first` set to `bad`; the line number of that row."""
    lines = (LEXICON_DIR / name).read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines, 1):
        cells = line.split("\t")
        if line.strip() and not line.startswith("#") and cells[0].startswith(first):
            cells += [""] * (column + 1 - len(cells))
            cells[column] = bad
            lines[number - 1] = "\t".join(cells)
            (folder / "lexicons" / name).write_text("\n".join(lines), encoding="utf-8")
            return number
    raise AssertionError(f"no row of {name} starts with {first!r}")


def test_every_shipped_lexicon_loads():
    for path in sorted(LEXICON_DIR.glob("*.tsv")):
        assert read_tsv(f"lexicons/{path.name}"), path.name


def test_checked_lexicons_validate():
    files = checks.checked_files()
    assert len(files) >= 15 and all((PACKAGE_DIR / f).is_file() for f in files)
    for name in files:
        for number, row in catalogue.read_numbered_tsv(name):
            assert number > 0 and row


def test_loaders_read_every_list():
    for role in checks.allowed("grammar role"):
        assert catalogue.grammar_words(role), role
    for kind in checks.allowed("suffix kind"):
        assert catalogue.suffixes(kind), kind
    assert {"من", "في", "و", "هذه", "كان", "قبل"} <= catalogue.function_words()
    assert {"التي", "الذي", "اللتين"} <= catalogue.relatives()
    assert catalogue.with_property("event_type", "fighting") >= {"attack", "territory_change", "leader_killed"}
    assert "seizure" not in catalogue.with_property("event_type", "fighting")
    assert catalogue.properties("unit")["barrel"] == {"volume": "oil"}
    for vocab in ("event_type", "channel", "role", "unit", "source_kind"):
        assert set(catalogue.properties(vocab)) <= set(catalogue.vocabulary(vocab)), vocab
    for name in evidence.LEXICONS:
        assert evidence.lexicon(name).vocab, name


def test_trigger_needs_are_those_the_events_stage_checks():
    from rasid.stages.events.needs import _CHECKS
    assert set(checks.allowed("event trigger need")) == set(_CHECKS)


def _lexicon(name: str):
    return lambda: evidence.lexicon(name)


def _with(vocab: str, prop: str):
    return lambda: catalogue.with_property(vocab, prop)


BROKEN = [  # file, row starting with, column, value written there, the bad value named, the loader
    ("event_triggers.tsv", "كمين", 2, "ambush", "ambush", _lexicon(evidence.EVENT_TRIGGERS)),
    ("event_triggers.tsv", "كمين", 1, "triger", "triger", _lexicon(evidence.EVENT_TRIGGERS)),
    ("event_triggers.tsv", "كمين", 4, "support,weather", "weather", _lexicon(evidence.EVENT_TRIGGERS)),
    ("claim_channels.tsv", "غاز", 2, "petrol", "petrol", _lexicon(evidence.CLAIM_CHANNELS)),
    ("claim_roles.tsv", "cash", 0, "bitcoin", "bitcoin", _lexicon(evidence.CLAIM_ROLES)),
    ("claim_roles.tsv", "cash", 2, "holding", "holding", _lexicon(evidence.CLAIM_ROLES)),
    ("source_kinds.tsv", "منشق", 2, "blogger", "blogger", _lexicon(evidence.SOURCE_KINDS)),
    ("units.tsv", "دولار", 1, "furlong", "furlong", numerals.unit_words),
    ("units.tsv", "دولار", 1, "usd", "usd", numerals.unit_words),
    ("quantity_cues.tsv", "نحو", 1, "before:roughly", "roughly", numerals.quantity_cues),
    ("quantity_cues.tsv", "نحو", 1, "befor:approx", "befor", numerals.quantity_cues),
    ("ner_names.tsv", "بيتكوين", 1, "CURRENCY", "CURRENCY", ner_rules.name_table),
    ("boilerplate.tsv", "cookie", 0, "footer", "footer", catalogue.boilerplate_patterns),
    ("event_type_properties.tsv", "attack", 0, "riot", "riot", _with("event_type", "fighting")),
    ("event_type_properties.tsv", "attack", 1, "fighting,definite", "definite", _with("event_type", "fighting")),
    ("channel_properties.tsv", "cash", 1, "moveable", "moveable", _with("channel", "movable")),
    ("role_properties.tsv", "transfer", 0, "gift", "gift", _with("role", "money")),
    ("unit_properties.tsv", "barrel", 1, "volume:petrol", "petrol", lambda: catalogue.properties("unit")),
    ("source_kind_properties.tsv", "researcher", 0, "analyst", "analyst", _with("source_kind", "x")),
    ("grammar_words.tsv", "عام", 1, "yearword", "yearword", lambda: catalogue.grammar_words("year_word")),
    ("function_words.tsv", "من", 1, "preposition,noun", "noun", catalogue.function_words),
    ("suffixes.tsv", "هما", 1, "dual", "dual", lambda: catalogue.suffixes("pronoun")),
]


@pytest.mark.parametrize("name,first,column,written,bad,load", BROKEN, ids=[f"{b[0]}:{b[3]}" for b in BROKEN])
def test_bad_value_names_file_line_and_value(data_dir, name, first, column, written, bad, load):
    line = _break(data_dir, name, first, column, written)
    with pytest.raises(LexiconError) as raised:
        load()
    message = str(raised.value)
    assert name in message and f"line {line}:" in message
    assert f"{name}, line {line}: {bad!r} is not a" in message
    assert isinstance(raised.value, ValueError)


def test_broken_copy_is_not_read_once_removed(data_dir):
    _break(data_dir, "units.tsv", "دولار", 1, "furlong")
    with pytest.raises(LexiconError):
        numerals.unit_words()
    (data_dir / "lexicons" / "units.tsv").unlink()
    _clear_caches()
    assert numerals.unit_words().get("دولار")[0].unit == "USD"


def test_unknown_list_is_an_error():
    with pytest.raises(LexiconError, match="grammar_words.tsv.*'no_such_role'"):
        catalogue.grammar_words("no_such_role")


def test_nothing_is_read_at_import(tmp_path):
    """A broken lexicon does not stop the package from importing: lexicons load at first use."""
    (tmp_path / "lexicons").mkdir()
    _break(tmp_path, "event_triggers.tsv", "كمين", 2, "ambush")
    _break(tmp_path, "grammar_words.tsv", "عام", 1, "yearword")
    code = (f"from rasid.resources.files import use_data_folder; use_data_folder({str(tmp_path)!r}); "
            "import rasid.pipeline, rasid.stages.events, rasid.stages.claims, rasid.stages.quantities, "
            "rasid.corpus.resolve, rasid.text.tokens")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_command_takes_its_data_folder_from_rasid_data(tmp_path):
    """RASID_DATA is read once, by the command; a broken lexicon there stops the run with its name."""
    (tmp_path / "lexicons").mkdir()
    line = _break(tmp_path, "event_triggers.tsv", "كمين", 2, "ambush")
    example = README.parent / "examples" / "03_ambush.txt"
    run = subprocess.run([sys.executable, "-m", "rasid", "extract", str(example)], capture_output=True,
                         text=True, env=dict(os.environ, RASID_DATA=str(tmp_path)))
    assert run.returncode == 2
    assert f"event_triggers.tsv, line {line}: 'ambush' is not a value of event_type" in run.stderr


def test_every_lexicon_file_is_in_the_readme_table():
    text = README.read_text(encoding="utf-8")
    table = text[text.index("## Data and licences"):]
    table = table[:table.index("\n## ", 3)]
    named = set(re.findall(r"`(?:resources/lexicons/)?([\w.]+\.tsv)`", table))
    missing = sorted(p.name for p in LEXICON_DIR.glob("*.tsv") if p.name not in named)
    assert not missing, f"README.md's Data and licences table lacks {missing}"


def test_typo_search_keeps_every_edit_a_lexicon_knows():
    """The ending filter before the one-edit search drops only edits no lexicon can read: for
    misspelt lexicon words (with clitics, a dropped or swapped letter anywhere, the last ones
    included) the readings equal those of the search over every edit."""
    import random

    from rasid.stages.reading import view
    from rasid.stages.reading.lexicons import any_vocab
    from rasid.text.tokens import stem_variants

    def every_edit_readings(word):
        forms = [word, *view.without_suffix(word), *view._one_edit(word)]
        return tuple((form, variants) for form in dict.fromkeys(forms)
                     if not any_vocab().isdisjoint(variants := stem_variants(form)))

    rng = random.Random(7)
    words = sorted(w for w in any_vocab() if len(w) >= 4)
    checked = found = 0
    for word in rng.sample(words, 300):
        for clitic in ("", "و", "وال", "بال", "لل"):
            k = rng.randrange(len(word) - 1)
            for typo in (clitic + word[:k] + word[k + 1:], clitic + word[:k] + word[k + 1] + word[k] + word[k + 2:],
                         clitic + word[:-1] + "ز" + word[-1], clitic + word + "ر"):
                if len(typo) < view._MIN_TYPO_LENGTH or view._in_corpus(typo):
                    continue
                readings = view._lexicon_readings(typo, False)
                assert readings == every_edit_readings(typo), typo
                checked += 1
                found += len(readings) > 0
    assert checked > 1000 and found > checked // 2  # most misspellings are read back


@pytest.mark.parametrize("name", ["claim_channels", "claim_roles", "event_triggers", "source_kinds", "source_cues",
                                  "polarity_cues", "hedges"])
def test_lexicons_no_phrase_opens_on_an_inflected_form_of_a_word_of_its_own(name):
    """A phrase whose first word is a single word of the same lexicon with a pronoun or plural
    ending (`إفلاسها السياسي` beside `إفلاس`, `احتجزوا رهائن` beside `احتجز`) makes that inflected
    form a word the lexicon knows as it stands, so it is no longer read without its ending: the
    bare `إفلاسها` or `احتجزوا` found nothing. Phrases are written on the bare form."""
    from rasid.stages.reading.view import without_suffix
    from rasid.text.normalise import fold
    forms = [form for row in read_tsv(f"lexicons/{name}.tsv") for form in row[0].split("|") if form.strip()]
    single = {fold(f) for f in forms if " " not in f.strip()}
    heads = {fold(f.split()[0]) for f in forms if " " in f.strip()}
    inflected = sorted(h for h in heads - single if any(s in single for s in without_suffix(h)))
    assert inflected == []
