from hypothesis import given, strategies as st

from rasid.text.normalise import fold, fold_digits, normalise


def test_normalise_folds_alef_hamza_ya_ta_marbuta():
    assert fold("أكثر إلى آبار ٱلله مدينة") == "اكثر الي ابار الله مدينه"


def test_normalise_drops_tatweel_and_diacritics_and_maps_offsets_back():
    text = "قالـــت الوزارةُ إنّ"
    n = normalise(text)
    assert n.text == "قالت الوزاره ان"
    start = n.text.index("الوزاره")
    s, e = n.span(start, start + len("الوزاره"))
    assert text[s:e] == "الوزارةُ"[:-1]  # the trailing damma is not part of the folded word


def test_normalise_digits_and_punctuation_one_to_one():
    text = "٣٤٫٥ ألف؟ ۱۲، «نعم»"
    n = normalise(text)
    assert n.index is None  # nothing removed: offsets identical
    assert n.text == '34.5 الف? 12, "نعم"'
    assert fold_digits("٢٠٢١/٠١/٠١") == "2021/01/01"


def test_normalise_identity_on_plain_text():
    n = normalise("داعش في سوريا")
    assert n.text == "داعش في سوريا" and n.span(0, 4) == (0, 4)


ARABIC = st.text(alphabet=st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآىةؤئ") + ["\u0640", "\u064e", "\u0651", "\u0652", " ", "\n",
                                                    "٣", "7", "،", ".", "\u200f", "A"]), max_size=200)


@given(ARABIC)
def test_normalise_every_folded_span_maps_to_original_characters(text):
    n = normalise(text)
    assert len(n.text) <= len(text)
    for i, ch in enumerate(n.text):
        s, e = n.span(i, i + 1)
        assert 0 <= s < e <= len(text)
        assert fold(text[s:e]) == ch
