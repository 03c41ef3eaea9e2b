from hypothesis import given, strategies as st

from rasid.text.segment import paragraphs, sentences


def texts(text, segs):
    return [text[s.start:s.end] for s in segs]


def test_segment_paragraphs_are_trimmed_non_blank_lines():
    text = "  العنوان  \n\nالفقرة الأولى.\n   \nالفقرة الثانية"
    assert texts(text, paragraphs(text)) == ["العنوان", "الفقرة الأولى.", "الفقرة الثانية"]


def test_segment_sentences_split_on_arabic_and_latin_stops():
    text = "قتل خمسة عناصر. هل انتهى التنظيم؟ لا! قال المصدر: «انتهى.» ثم غادر"
    assert texts(text, sentences(text)) == [
        "قتل خمسة عناصر.", "هل انتهى التنظيم؟", "لا!", "قال المصدر: «انتهى.»", "ثم غادر"]


def test_segment_initials_and_decimals_do_not_end_a_sentence():
    text = "قال م. ح إن الإيرادات بلغت 3.5 مليون دولار. وأضاف آخرون"
    assert texts(text, sentences(text)) == ["قال م. ح إن الإيرادات بلغت 3.5 مليون دولار.", "وأضاف آخرون"]


def test_segment_sentences_never_cross_paragraphs():
    text = "سطر بلا نقطة\nسطر آخر"
    assert texts(text, sentences(text)) == ["سطر بلا نقطة", "سطر آخر"]


@given(st.text(alphabet=st.sampled_from(list("كتب الجند.؟!\n «»م ح\t")), max_size=150))
def test_segment_sentences_cover_only_text_inside_paragraphs(text):
    paras = paragraphs(text)
    for sent in sentences(text, paras):
        assert any(p.start <= sent.start < sent.end <= p.end for p in paras)
        assert text[sent.start:sent.end].strip() == text[sent.start:sent.end]


def test_segment_a_stop_glued_to_the_next_word_ends_a_sentence():
    text = 'وأكد أن القرار "نهائي".وأشارت الوزارة إلى خطة جديدة'
    assert texts(text, sentences(text)) == ['وأكد أن القرار "نهائي".', "وأشارت الوزارة إلى خطة جديدة"]
    text = "وصلت القافلة إلى المدينة.وبدأ توزيع المساعدات"
    assert texts(text, sentences(text)) == ["وصلت القافلة إلى المدينة.", "وبدأ توزيع المساعدات"]
    text = "وقال إن الوضع مستقر جداً.وأضاف أن الطريق مفتوح"
    assert texts(text, sentences(text)) == ["وقال إن الوضع مستقر جداً.", "وأضاف أن الطريق مفتوح"]


def test_segment_acronyms_and_domains_keep_their_dots():
    text = "وقالت شبكة (سي.إن.إن) وموقع العربية.نت وموقع ماركت.كوم وشركة كيه.كيه.آر إن الوفد غادر ق.م"
    assert texts(text, sentences(text)) == [text]
