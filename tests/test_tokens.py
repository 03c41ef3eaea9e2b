from hypothesis import given, strategies as st

from rasid.text.tokens import covered, stem_variants, tokenize


def parts_of(text, word):
    tok = next(t for t in tokenize(text) if t.text == word)
    return [(text[p.start:p.end], p.kind) for p in tok.parts]


def test_tokens_clitics_come_off_when_the_rest_is_a_word():
    text = "وقال إن وداعش وبالتنظيم للتنظيم"
    assert parts_of(text, "وداعش") == [("و", "conj"), ("داعش", "stem")]
    assert parts_of(text, "وبالتنظيم") == [("و", "conj"), ("ب", "prep"), ("ال", "det"), ("تنظيم", "stem")]
    assert parts_of(text, "للتنظيم") == [("ل", "prep"), ("ل", "det"), ("تنظيم", "stem")]


def test_tokens_words_that_start_like_clitics_stay_whole():
    text = "وزارة فرنسا بريطانيا ألفاً الذي"
    for word in ("وزارة", "فرنسا", "بريطانيا", "ألفاً", "الذي"):
        assert parts_of(text, word) == [(word, "stem")]


def test_tokens_tatweel_inside_a_word_keeps_surface_offsets():
    text = "ولـداعـش"
    tok = tokenize(text)[0]
    assert tok.text == text
    # the tatweel between the clitic and the stem belongs to neither part
    assert [(text[p.start:p.end], p.kind) for p in tok.parts] == [("و", "conj"), ("ل", "prep"), ("داعـش", "stem")]


def test_tokens_kinds_numbers_latin_punctuation():
    toks = tokenize("بلغ ٣٤٫٥ ألفاً (ISIS) و12,500 دولار؟")
    assert [(t.text, t.kind) for t in toks] == [
        ("بلغ", "word"), ("٣٤٫٥", "number"), ("ألفاً", "word"), ("(", "punct"), ("ISIS", "latin"),
        (")", "punct"), ("و", "word"), ("12,500", "number"), ("دولار", "word"), ("؟", "punct")]


def test_tokens_stem_variants_lists_every_reading():
    assert stem_variants("وبالتنظيم") == ("وبالتنظيم", "بالتنظيم", "التنظيم", "تنظيم")
    assert stem_variants("لداعش") == ("لداعش", "داعش")


MIXED = st.text(alphabet=st.sampled_from(list("وفبلكالتنظيمداعشسوريا") + ["ـ", "ً", "ّ", " ", "\n", "٣",
                                                                        "5", ",", ".", "A", "b", "#", "«"]),
                max_size=120)


@given(MIXED)
def test_tokens_every_token_and_part_indexes_the_text(text):
    prev_end = 0
    for tok in tokenize(text):
        assert text[tok.start:tok.end] == tok.text and tok.start >= prev_end
        prev_end = tok.end
        if tok.parts:
            assert tok.parts[0].start == tok.start and tok.parts[-1].end == tok.end
            for a, b in zip(tok.parts, tok.parts[1:]):
                assert a.end <= b.start


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=6))
def test_tokens_covered_matches_a_check_of_every_span(raw_spans):
    text = "كلمة و12 «داعش» في دير الزور، ثم بـ 3 آبار نفط؛ Reuters " * 2
    tokens = tokenize(text)
    spans = [(a, a + n) for a, n in raw_spans]
    expected = [any(a < t.end and t.start < b for a, b in spans) for t in tokens]
    assert covered(tokens, spans) == expected


def test_tokens_a_hashtag_reads_as_the_words_it_joins():
    text = "استولت #ميليشيات_الحوثي على الأموال في #صنعاء، و#2018 و a_b"
    tokens = tokenize(text)
    assert [t.text for t in tokens][:6] == ["استولت", "ميليشيات", "الحوثي", "على", "الأموال", "في"]
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert "#" in [t.text for t in tokens] and "_" in [t.text for t in tokens]  # not before a word: kept
