"""Attribution (the `source` of events and claims) on reports written for these tests and on the seeds."""
from __future__ import annotations

import pytest

import rasid
from rasid.document import Entity, Mention
from rasid.stages.claims import find_claims
from rasid.stages.events import find_events
from rasid.stages.attribution import attribute

from conftest import seed_strict_f1


def source_of(text: str, phrase: str, mentions: list[tuple[str, str]] = ()):
    """The source the report gives for the words `phrase`."""
    doc = rasid.extract(text, published="2021-03-10", outlet="راصد")
    for k, (surface, kind) in enumerate(mentions, 1):
        start = text.index(surface)
        doc.mentions.append(Mention(f"m{k}", start, start + len(surface), surface, kind, f"e{k}"))
        doc.entities.append(Entity(f"e{k}", kind, surface))
    return attribute(doc).attribution.source_at(text.index(phrase))


@pytest.mark.parametrize("text, kind", [
    ("وقالت وزارة الداخلية العراقية إن التنظيم يبيع النفط.", "official"),
    ("وأكدت وكالة أعماق التابعة للتنظيم أن التنظيم يبيع النفط.", "group"),
    ("ويقول أبو عمر وهو منشق سابق عن التنظيم إن التنظيم يبيع النفط.", "defector"),
    ("وقال محمد الأحمد (من سكان مدينة هجين) إن التنظيم يبيع النفط.", "resident"),
    ("ويرى الباحث في شؤون الجماعات الجهادية حسن خليل أن التنظيم يبيع النفط.", "researcher"),
    ('وذكرت صفحات محلية على "فيسبوك" أن التنظيم يبيع النفط.', "media"),
    ("وأفاد تقرير لمجلس الأمن الدولي بأن التنظيم يبيع النفط.", "report"),
    ("وقال مصدر عسكري، طلب عدم الكشف عن اسمه، إن التنظيم يبيع النفط.", "anonymous"),
    ("وأشار إلى ذلك أمس في مؤتمر صحفي. التنظيم يبيع النفط.", "outlet"),
    ("وقال المحلل في مركز الأهرام للدراسات السياسية كامل عبد الله إن التنظيم يبيع النفط.", "researcher"),
    ("ويشكك الباحث حسن خليل في هذه الأرقام، ويرى أن التنظيم يبيع النفط.", "researcher"),
    ("ومن أبرز موارده، حسب البيان، أن التنظيم يبيع النفط.", "official"),
    ("ويعتقد وزير الخارجية أن التنظيم يبيع النفط.", "official"),
    ("وقال الكاتب إن التنظيم يبيع النفط.", "media"),  # a writer, a journalist: the press
    ("وبحسب المحامية، فإن التنظيم يبيع النفط.", "researcher"),  # a lawyer: a specialist, not a state
    ("وكشفت تحقيقات قضائية أوروبية أن التنظيم يبيع النفط.", "official"),  # the judiciary investigates
    ("وكشفت التحقيقات أن التنظيم يبيع النفط.", "report"),  # no author named
])
def test_sources_kind_from_the_words_that_name_the_source(text, kind):
    assert source_of(text, "يبيع النفط").kind == kind


def test_sources_the_outlet_when_no_source_is_named():
    source = source_of("يبيع التنظيم النفط للتجار المحليين.", "النفط")
    assert (source.kind, source.text, source.cue) == ("outlet", "راصد", None)


def test_sources_a_verb_of_telling_followed_by_a_clause_joined_by_and_reports_nothing():
    """`منشق يروي والخلايا تطالب بحصتها`: he tells (the body gives what); the cells demanding is
    the outlet's, not his words. With a complementizer he reports what follows."""
    text = "نفط التنك الذي ملأ خزينة داعش.. منشق يروي والخلايا تطالب بحصتها\n\nوقال مصدر إن التنظيم يفرض إتاوات."
    assert source_of(text, "تطالب").kind == "outlet"
    assert source_of("منشق يروي أن الخلايا تطالب بحصتها.", "تطالب").kind == "defector"


def test_sources_a_verb_after_a_clause_of_its_own_is_said_by_that_clauses_subject():
    """`أن السلطات صادرت نحو ثلاثة ملايين دولار من أصول مشفرة قالت إنها ارتبطت بشبكات`: the
    authorities said it, not the whole clause before the verb; a name that holds a trigger word
    (`هيئة تحرير الشام`) stays whole."""
    text = ("وأعلن مسؤول في وزارة المالية أن السلطات صادرت نحو ثلاثة ملايين دولار من أصول مشفرة قالت إنها "
            "ارتبطت بشبكات تجمع الأموال لصالح التنظيم.")
    source = source_of(text, "تجمع الأموال")
    assert (source.kind, source.text) == ("official", "السلطات")
    source = source_of("وقالت هيئة تحرير الشام إن التنظيم يفرض إتاوات.", "يفرض")
    assert source.text == "هيئة تحرير الشام"


def test_sources_estimates_researchers_gathered_are_the_researchers():
    """`تقديرات جمعها باحثون`: the researchers who gathered the estimates; a body's report stays a
    report (`تقرير أعدته وزارة الخزانة`)."""
    text = "ووفق تقديرات جمعها باحثون من وثائق التنظيم، فإن التنظيم راكم نحو ٣٠٠ كيلوغرام من الذهب."
    assert source_of(text, "راكم").kind == "researcher"
    assert source_of("وبحسب تقرير أعدته وزارة الخزانة، فإن التنظيم يملك 20 مليون دولار.", "يملك").kind == "report"


def test_sources_subject_before_the_verb():
    source = source_of("الباحث المتخصص في شؤون الجماعات، عمرو فاروق، كان اعتبر أن التنظيم يبيع النفط.", "يبيع")
    assert (source.kind, source.cue) == ("researcher", "اعتبر")
    assert "عمرو فاروق" in source.text


def test_sources_preposition_attributes_what_follows():
    text = "وبحسب منشقين عن التنظيم تتم العمليات من خلال أموال النفط والضرائب."
    source = source_of(text, "الضرائب")
    assert (source.kind, source.cue, source.text) == ("defector", "بحسب", text[text.index("منشقين"):text.index("منشقين") + 6])


def test_sources_preposition_at_sentence_end_attributes_the_sentence_before_it():
    assert source_of("سافر 820 شخصا إلى سوريا، عاد منهم 280، بحسب الدراسة.", "سافر").kind == "report"


def test_sources_preposition_inside_a_sentence_attributes_the_whole_sentence():
    """`… موجة من الخطف، يقف وراءها بحسب السكان خلايا التنظيم`: what comes before the cue is
    told by the same source; after a source named before it, the earlier words keep theirs."""
    text = "تعيش القرى على وقع موجة من الخطف والابتزاز، يقف وراءها بحسب السكان ما تبقى من خلايا التنظيم."
    assert source_of(text, "الخطف").kind == "resident"
    text = "وقال مسؤول في الوزارة إن التنظيم يبيع النفط، ويشتري السلاح بحسب السكان من المهربين."
    assert source_of(text, "يبيع").kind == "official"
    text = "وسيطر تنظيم داعش على حقول النفط عام 2014، وباتت عائداتها بحسب وزارة الخزانة تصل إلى مليون دولار."
    assert source_of(text, "حقول").kind == "outlet"  # a clause opened by و before the cue is not its
    assert source_of(text, "عائداتها").kind == "official"


def test_sources_continuation_verbs_carry_the_speaker_across_paragraphs():
    text = "وقال المسؤول الروسي: \"التنظيم ينقل أمواله.\"\nوتابع: \"الأموال ستصرف على خلايا داعش\".\n" \
           "وأضاف، مشيراً إلى أن التنظيم يبيع النفط."
    for phrase in ("ستصرف", "يبيع النفط"):
        source = source_of(text, phrase)
        assert (source.kind, source.text) == ("official", "المسؤول الروسي")


@pytest.mark.parametrize("said", ["وشدد على أن", "وأشار في الوقت نفسه، إلى أن", "ولفت في السياق ذاته إلى أن"])
def test_sources_a_speech_verb_with_a_preposition_after_it_keeps_the_speaker(said):
    """A preposition right after a speech verb opens no subject: the verb's subject is a pronoun,
    the speaker named before (never `على` or `في الوقت نفسه` as a source)."""
    text = f"وقال الباحث في شؤون الجماعات حسن خليل إن التنظيم ضعيف.\n{said} الحوثيين يفرضون الجبايات على التجار."
    source = source_of(text, "يفرضون")
    assert (source.kind, source.text) == ("researcher", "الباحث في شؤون الجماعات حسن خليل")


def test_sources_a_speech_verb_with_a_preposition_then_a_name_has_that_subject():
    text = "وقال الباحث حسن خليل إن التنظيم ضعيف.\nوقال من جهته الخبير الأمني سامي عادل إن الحوثيين يفرضون الجبايات."
    source = source_of(text, "يفرضون")
    assert source.kind == "researcher" and "سامي عادل" in source.text


def test_sources_a_quotation_spans_sentences():
    text = 'قال أبو عمر، وهو عنصر سابق في التنظيم، لموقع راصد: "كان التنظيم يبيع النفط. ' \
           'وكان يجني من ذلك نحو 3 ملايين دولار شهرياً. ونقل الأموال إلى تركيا". وتشهد المنطقة هدوءاً.'
    assert source_of(text, "ونقل الأموال").kind == "defector"
    assert source_of(text, "وتشهد المنطقة").kind == "outlet"


def test_sources_cues_inside_a_quotation_start_no_new_source():
    text = 'وقال المسؤول الروسي: "في واقع الأمر، أعلن التنظيم الدنانير الذهبية كعملته الوحيدة".'
    assert source_of(text, "الدنانير").kind == "official"


@pytest.mark.parametrize("stray", ["‘", '"'])
def test_sources_a_mark_that_ends_a_word_before_a_space_opens_no_quotation(stray):
    """`‘` typed for the comma `،`, or a closing mark with nothing open: the speech cue after it
    is the writer's, not words inside a quotation."""
    text = f"ولم يقل المتحدث إن للتنظيم صلات بدول أخرى{stray} إذ قال وزير الخارجية إن التنظيم تلقى تمويلا من الخارج."
    assert source_of(text, "تلقى").kind == "official"


def test_sources_a_lone_closing_mark_after_a_full_stop_opens_no_quotation():
    text = 'وأكد المتحدث أن الوضع مستقر." وقال مسؤول في الشرطة إن تنظيم داعش يجني أموالا من تهريب النفط.'
    source = source_of(text, "يجني")
    assert (source.kind, source.text) == ("official", "مسؤول في الشرطة")


@pytest.mark.parametrize("mark", ["«", "“", '"'])
def test_sources_a_mark_right_after_a_colon_opens_a_quotation(mark):
    """`وقال الوزير:« …`: the words quoted are the minister's; a cue inside them starts nothing."""
    text = f"وقال وزير الخارجية:{mark} يقول المحللون إن التنظيم تلقى تمويلا من الخارج، وهذا غير صحيح»."
    assert source_of(text, "تلقى").kind == "official"


def test_sources_the_channel_a_speaker_spoke_on_is_not_the_speaker():
    """`X، في الكلمة التي نقلتها إذاعة …`: the part from `في` on says where the statement was made."""
    text = 'ودعا سالم، في الكلمة التي نقلتها إذاعة "الوطن" التابعة له، السكان إلى انتفاضة ضد الميليشيا، ' \
           'وحملها مسؤولية نهب أموال الدولة.'
    source = source_of(text, "نهب أموال")
    assert (source.kind, source.text) == ("official", "سالم")


def test_sources_a_name_described_before_keeps_its_kind():
    text = "وتحدث محمد الجمعة (من سكان مدينة هجين) لموقع الحل عن التنظيم.\nويرى الجمعة أن التنظيم فقد المال."
    source = source_of(text, "فقد المال")
    assert (source.kind, source.text) == ("resident", "الجمعة")


def test_sources_recipient_and_time_of_the_statement_are_not_the_source():
    text = "قال أبو صهيب، وهو منشق عن التنظيم، لموقع أخبار الآن، مساء الخميس، إن التنظيم يبيع النفط."
    source = source_of(text, "يبيع")
    assert source.kind == "defector" and "أخبار" not in source.text


@pytest.mark.parametrize("text", [
    "وتشير تقديرات استخباراتية إلى أن التنظيم فقد قرابة 90% من آبار النفط.",
    "وقال الخبير إن التنظيم فقد قرابة 90% من آبار النفط، وفق تعبيره.",
    "ويعتقد أن التنظيم فقد قرابة 90% من آبار النفط.",
])
def test_sources_hedges(text):
    assert source_of(text, "فقد قرابة").hedged is True


def test_sources_not_hedged_by_default():
    assert source_of("وقال وزير الداخلية إن التنظيم فقد آبار النفط.", "فقد").hedged is False


def test_sources_link_the_named_entity():
    source = source_of("وقالت وزارة العدل الأميركية إن التنظيم يبيع النفط.", "يبيع",
                       mentions=[("وزارة العدل الأميركية", "ORG")])
    assert (source.entity, source.kind) == ("e1", "official")


def test_sources_every_event_and_claim_of_the_seeds_has_one(seeds):
    for record in seeds:
        doc = find_claims(find_events(rasid.extract(record["text"], published=record["published"],
                                                    outlet=record["outlet"])))
        items = doc.events + doc.claims
        assert items and all(item.source is not None and item.source.kind for item in items)


def test_sources_seed_strict_f1_meets_acceptance(seeds):
    assert seed_strict_f1(seeds, "sources") >= 0.80


@pytest.mark.parametrize("text, kind", [
    ("وأرجع خبراء اقتصاديون ارتفاع الأسعار إلى فرض الحوثيين جبايات على التجار.", "researcher"),
    ("واتهمت الحكومة اليمنية ميليشيات الحوثي بنهب المساعدات وبيعها في السوق السوداء.", "official"),
    ("وأقرت الحكومة القطرية بأنها دفعت 5 ملايين دولار لجبهة النصرة.", "official"),
    ("ونفت وزارة الخارجية أن تكون قد دفعت 5 ملايين دولار لجبهة النصرة.", "official"),
    ("وجاء في بيان لوزارة الدفاع أن التنظيم يبيع النفط المهرب.", "official"),
    ("وقال المتحدث إن التنظيم يبيع النفط المهرب.", "official"),
])
def test_sources_accusing_and_ascribing_verbs_attribute(text, kind):
    """`اتهم`, `أرجع … إلى`: the subject is the source of what follows (looting of aid, levies)."""
    from conftest import run_evidence_stages
    [claim] = run_evidence_stages(text).claims
    assert claim.source.kind == kind and claim.role == "revenue"


@pytest.mark.parametrize("text, kind", [
    ("التحالف العربي: الحوثيون يتاجرون بالمخدرات لتمويل عملياتهم", "official"),
    ("ملف خاص: الحوثيون يتاجرون بالمخدرات لتمويل عملياتهم", "outlet"),
])
def test_sources_a_headline_that_names_a_source_before_a_colon_quotes_it(text, kind):
    assert source_of(text, "يتاجرون").kind == kind


def test_sources_a_verb_after_a_clause_opener_carries_the_speaker_before():
    """`…، حيث أوضح أن`: the verb's subject is a pronoun, so the source is the speaker before,
    not the words of the clause ahead of the comma."""
    text = ("وقال التقرير إن الحوثيين يجنون أموالا من الوقود. كما لفت إلى أن رسوم الموانئ مصدر آخر، "
            "حيث أوضح أن الضرائب بلغت 24 مليار ريال.")
    source = source_of(text, "الضرائب")
    assert source.kind == "report" and source.text == "التقرير"


@pytest.mark.parametrize("words", ["وأظهرت التسريبات", "وكشفت الرسائل", "وقال فريق الخبراء"])
def test_sources_leaks_messages_and_expert_panels_are_reports(words):
    text = f"{words} أن التنظيم يبيع النفط."
    assert source_of(text, "يبيع").kind == "report"


def test_sources_a_speech_verb_after_a_relative_reports_the_person_before_it():
    text = ("ويتفق مع ذلك وكيل وزارة حقوق الإنسان اليمني، ماجد فضائل، الذي أكد أن جماعة الحوثي "
            "تقوم بابتزاز ذوي المختطفين.")
    assert source_of(text, "تقوم").kind == "official"


@pytest.mark.parametrize("text, source", [
    ("فرضت وزارة الخزانة الأميركية الخميس عقوبات على ثلاثة أشخاص بتهمة تمويل تنظيم القاعدة.", "وزارة الخزانة الأميركية"),
    ("واشنطن تفرض عقوبات على رجلين بتهمة تمويل تنظيم القاعدة", "واشنطن"),
])
def test_sources_a_charge_is_the_word_of_the_authority_that_brings_it(text, source):
    from conftest import run_evidence_stages
    [claim] = run_evidence_stages(text).claims
    assert (claim.source.kind, claim.source.text) == ("official", source)


@pytest.mark.parametrize("text, phrase, accuser", [
    ("واتهمت الحكومة إيران بدعم الحوثيين بالمال.", "بدعم", "الحكومة"),
    ("واتهمت الحكومة الحوثيين المدعومين من إيران بنهب أموال الدولة.", "بنهب", "الحكومة"),
    ("واتهم وزير خارجية إيران الولايات المتحدة بتمويل تنظيم داعش.", "بتمويل", "وزير خارجية إيران"),
    ("واتهمت الولايات المتحدة إيران بتمويل الحوثيين.", "بتمويل", "الولايات المتحدة"),
])
def test_sources_the_accused_after_a_verb_of_accusing_is_not_the_accuser(text, phrase, accuser):
    """The words after `اتهم` run on into its object, a place or a group after a definite word:
    the accuser ends before it; a place inside the accuser's title (`وزير خارجية إيران`) stays."""
    source = source_of(text, phrase)
    assert (source.kind, source.text) == ("official", accuser)


def test_sources_a_statement_that_accuses_is_its_issuers_word_not_the_accuseds():
    """`أصدرت الوزارة بيانا يتهم حزب الله بـ…`: the verb after a statement noun describes the
    statement; the name after it is the accused, so the source is the body that issued it."""
    source = source_of("وأصدرت وزارة الخزانة بيانا يتهم حزب الله بتهريب النفط.", "بتهريب")
    assert (source.kind, source.text) == ("official", "وزارة الخزانة")


def test_sources_a_state_that_accuses_in_a_relative_clause_is_the_source():
    """A verb of accusing needs no complementizer (اتهم X بـ…): in a relative clause what follows
    it is the word of the party before the relative; a state named alone is an official source,
    and a clause opener (لكن) before it is not part of its name."""
    text = "لكن السعودية التي اتهمت مرارا إيران بدعم الحوثيين شعرت بالقلق الشديد من هذا التحالف."
    source = source_of(text, "بدعم")
    assert (source.kind, source.text) == ("official", "السعودية")


@pytest.mark.parametrize("text, phrase, kind, source", [
    ('وتلقت الفصائل دعما مباشرا من تركيا حسب موقع "عنب بلدي" المعارض', "دعما", "media", 'موقع "عنب بلدي" المعارض'),
    ("وأثبتت تقارير أوروبية متخصصة أن التنظيمات تعول على تجارة المخدرات.", "تجارة", "report", "تقارير أوروبية متخصصة"),
    ("وخلص التحقيق إلى أن العناصر كانوا ينقلون المخدرات للجماعات المتطرفة.", "ينقلون", "report", "التحقيق"),
    ("وتبين من تحقيقات نيابة أمن الدولة العليا أن المتهمين قاموا بتمويل التنظيم.", "بتمويل", "official",
     "تحقيقات نيابة أمن الدولة العليا"),
    ("ويقول الكاتب والباحث السياسي سامر نعيم إن الميليشيا تتلقى دعما من الخارج.", "تتلقى", "researcher",
     "الكاتب والباحث السياسي سامر نعيم"),
    ("وبحسب مراسلات مسربة حصلت عليها صحيفة أجنبية، تلقى قائد الميليشيا خمسة ملايين دولار.", "تلقى", "report",
     "مراسلات مسربة حصلت عليها صحيفة أجنبية"),
])
def test_sources_reports_investigations_and_quoted_outlet_names(text, phrase, kind, source):
    """Verbs of finding (أثبت, خلص إلى) and `تبين من` attribute what follows; an investigation is
    a report unless its author is named (the prosecution: official); a quoted name after its
    descriptor (`موقع "عنب بلدي"`) belongs to the source's words."""
    found = source_of(text, phrase)
    assert (found.kind, found.text) == (kind, source)


def test_sources_what_a_source_said_runs_on_in_its_paragraph():
    """A named source's statement goes on into the sentences after it in its paragraph (no cue
    of their own), not past the paragraph, a closing quotation or another cue."""
    text = ("وكشفت الوزارة أن الرجل كان متورطا في جمع تبرعات للتنظيم. وفي الفترة نفسها، تلقى طلبا بدفع فدية. "
            "وقال الباحث إن التنظيم يبيع النفط. ويشتري السلاح من تجار محليين.\n"
            "ويقاتل التنظيم في المنطقة منذ سنوات.")
    assert source_of(text, "تلقى").kind == "official"
    assert source_of(text, "يبيع").kind == "researcher"
    assert source_of(text, "ويشتري").kind == "researcher"
    assert source_of(text, "ويقاتل").kind == "outlet"
    quoted = 'وقالت معلمة في المدينة « الوضع مأساوي ولا نعرف النهاية ». ويسيطر التنظيم على المدينة.'
    assert source_of(quoted, "ويسيطر").kind == "outlet"
    turned = "وقالت الوزارة إن التنظيم يبيع النفط. ومن جهة أخرى، قتل خمسة أشخاص في هجوم."
    assert source_of(turned, "قتل").kind == "outlet"


@pytest.mark.parametrize("text, phrase, kind", [
    ('وتظهر الوثائق التي حصلت عليها صحيفة "واشنطن بوست" أن المال دفع للإرهابيين.', "دفع", "report"),
    ('وقال أبو عمر، وهو عنصر سابق في التنظيم، إن التنظيم يبيع النفط.', "يبيع", "defector"),
])
def test_sources_the_first_part_of_a_name_decides_its_kind(text, phrase, kind):
    """A descriptor in the name's first part wins over one in a relative clause or apposition
    after it (documents a newspaper obtained are documents); with none there, the rest decides."""
    assert source_of(text, phrase).kind == kind


@pytest.mark.parametrize("text, phrase, kind", [
    ("وطبقا لإحدى روايات الأحداث، فقد دفعت الدوحة مئات الملايين من الدولارات للخاطفين.", "دفعت", "report"),
    ('رسائل السفير تفضح تفاصيل "فدية المليار" التي دفعتها قطر للميليشيات', "فدية", "report"),
    ("في الصحف اليوم: حزب الله يبيض أمواله في العقارات الفخمة", "يبيض", "media"),
])
def test_sources_accounts_exposing_letters_and_the_press(text, phrase, kind):
    assert source_of(text, phrase).kind == kind


def test_sources_moving_money_is_no_speech_and_a_reporting_agency_does_not_take_over():
    """`نقل` reports only with a source named right after it (`نقلت وكالة رويترز`); money that
    `نقلت` (was moved) keeps the speaker carried on, and an agency named at the end of a quote
    (`وفق ما ذكرت وكالة الأناضول`) reported it: the next `وأوضح` is still the prosecutor's."""
    text = ('وقال المدعي العام إن التنظيم نقل الأموال. وأضاف: "الحقيقة أن الشبكة تمول الإرهاب"، '
            'وفق ما ذكرت وكالة الأناضول. وأوضح أن المبالغ نقلت بالأساس عبر شبكة غير رسمية.')
    assert source_of(text, "نقلت بالأساس").kind == "official"
    assert source_of("ونقلت وكالة رويترز أن التنظيم يبيع النفط.", "يبيع").kind == "media"
    # and whom the agency quotes is the closest attribution (ANNOTATION.md): the official
    assert source_of("ونقلت وكالة رويترز عن مسؤول أن التنظيم يبيع النفط.", "يبيع").kind == "official"
    # a group that moves money names no source, though it stands right after the verb
    assert source_of("ونقلت الجماعة أموال الفدية إلى حسابات في الخارج.", "أموال").kind == "outlet"


def test_sources_a_plural_object_after_the_verb_is_not_its_subject():
    """`واتهم الحوثيين`: a subject would be الحوثيون; the report named before goes on speaking."""
    text = ("وبحسب التقرير، بدأ الحوثيون في تحصيل رسوم جمركية إضافية. "
            "واتهم الحوثيين كذلك باتباع أساليب غير قانونية لتحصيل الضرائب من المستوردين.")
    source = source_of(text, "لتحصيل")
    assert (source.kind, source.text) == ("report", "التقرير")


@pytest.mark.parametrize("text, kind", [
    ("وذكرت مصادر محلية أن التنظيم يبيع النفط.", "resident"),
    ("وقال مسافرون إن التنظيم يفرض الإتاوات.", "resident"),
])
def test_sources_local_sources_and_travellers_are_residents(text, kind):
    assert source_of(text, "التنظيم").kind == kind


@pytest.mark.parametrize("text", [
    "وقال أحد أقارب الضحية إن المسلحين طلبوا فدية قدرها مليون دينار.",
    "وقال والد المخطوف إن المسلحين طلبوا فدية قدرها مليون دينار.",
    "ودفعت العائلة مليون دينار للخاطفين، بحسب أحد أقاربه، بعد أن طلبوا فدية.",
])
def test_sources_relatives_of_a_victim_are_residents(text):
    """A victim's family speaks as private people, not as the body an undescribed name is."""
    assert source_of(text, "فدية").kind == "resident"


@pytest.mark.parametrize("text, phrase, kind", [
    ("وقالت أسرة التحرير في الصحيفة إن التنظيم يبيع النفط.", "التنظيم", "media"),
    ("وتعتبر تجارة الفحم مصدر دخل رئيسيا لحركة الشباب.", "تجارة", "outlet"),  # is considered
    ("ويشدد الحوثيون قبضتهم على ميناء الحديدة الذي يدر عليهم ملايين الدولارات.", "ميناء", "outlet"),  # tighten
])
def test_sources_words_that_only_look_like_a_source(text, phrase, kind):
    """A family of an institution (`أسرة التحرير`) is no victim's kin; the present of `اعتبر` and
    `شدد` is mostly no speech, so it is not a cue."""
    assert source_of(text, phrase).kind == kind


def test_sources_according_to_a_measure_is_no_source():
    """`بحسب ظروف ذوي المختطف` is "depending on the family's means": no statement of the family,
    though his kin are a source where they speak (`بحسب ذوي المختطف`)."""
    text = "وتتراوح الفدية ما بين مليون إلى مليوني ريال، وتختلف بحسب ظروف ذوي المختطف."
    assert source_of(text, "الفدية").kind == "outlet"
    assert source_of(text.replace("ظروف ", ""), "الفدية").kind == "resident"


def test_sources_a_bare_definite_descriptor_refers_back_to_the_source_it_names():
    """`وأشارت المصادر` after `وذكرت مصادر محلية`: the same local sources, not anonymous ones;
    with no such source before, `المصادر` are anonymous."""
    text = ("وذكرت مصادر محلية أن الحوثيين اعتقلوا عشرات المسافرين.\n\n"
            "وأشارت المصادر إلى أن الحوثيين أفرجوا عن بعضهم بعد دفع مبالغ كبيرة.")
    assert source_of(text, "أفرجوا").kind == "resident"
    assert source_of("وأشارت المصادر إلى أن الحوثيين أفرجوا عن بعضهم.", "أفرجوا").kind == "anonymous"


def test_sources_a_speaker_whose_words_name_another_source_goes_on():
    """`وقال مسؤول … إن التحقيق كشف …` then `وأوضح أن …`: the official explains, not the
    investigation his words named; a preposition opening a sentence does not hold on to it."""
    text = ("وقال مسؤول مكافحة الإرهاب في الادعاء إن التحقيق كشف صلات بين ممولي التنظيم والمهربين.\n"
            "وأوضح أن الأموال نقلت عبر شبكات غير رسمية.")
    assert source_of(text, "الأموال نقلت").kind == "official"
    text = ("وبحسب تقارير سابقة، يحاول التنظيم الاستثمار في أوروبا وقال الباحث حسن خليل: \"التنظيم يبيع النفط\".\n"
            "وأضاف أن التنظيم يشتري العقارات.")
    assert source_of(text, "يشتري العقارات").kind == "researcher"


@pytest.mark.parametrize("text, kind", [
    ("ودلت تحريات الشرطة على أن التنظيم يبيع النفط.", "official"),
    ("وتبين وثائق مسربة أن التنظيم يبيع النفط.", "report"),
])
def test_sources_verbs_of_showing(text, kind):
    assert source_of(text, "يبيع").kind == kind


@pytest.mark.parametrize("text, kind", [
    ("ورجحت تقارير إعلامية أميركية أن التنظيم يبيع النفط.", "media"),
    # an outlet's name after في is the region it names
    ("وتتهم السعودية منافستها على النفوذ في الشرق الأوسط بأن التنظيم يبيع النفط.", "official"),
    ("وذكرت صحيفة الشرق الأوسط أن التنظيم يبيع النفط.", "media"),
])
def test_sources_media_reports_and_regions_named_like_outlets(text, kind):
    assert source_of(text, "يبيع").kind == kind


def test_sources_a_contrasted_second_speaker_goes_on():
    """A second speaker set against the first with `فيما` is the one `وأضاف` carries on."""
    text = ("وقال المسؤول في الوزارة إن الحدود مغلقة، فيما قال الباحث حسن خليل إن التنظيم يهرب السلاح.\n"
            "وأضاف أن التنظيم يبيع النفط.")
    assert source_of(text, "يبيع").kind == "researcher"


@pytest.mark.parametrize("text, name", [
    ("وكان التنظيم قد أعلن أنه يبيع النفط.", "التنظيم"),  # background كان … قد around the name
    ("وكانت وزارة المالية قد كشفت أن التنظيم يبيع النفط.", "وزارة المالية"),
    ("وذكرت مصادر محلية، الأربعاء، أن التنظيم يبيع النفط.", "مصادر محلية"),  # the day of the statement
    ("وأكدت قيادة الشرطة الأحد مقتل ثلاثة عناصر في هجوم، وأن التنظيم يبيع النفط.", "قيادة الشرطة"),
    ("ونظراً لخطورة القضية، فإن النيابة العامة تؤكد أن التنظيم يبيع النفط.", "النيابة العامة"),
    ("وأعلنت روسيا في يونيو 2017 أن التنظيم يبيع النفط.", "روسيا"),  # a date with its year
    ("وأفاد مسؤول بوزارة الداخلية بأن التنظيم يبيع النفط.", "مسؤول بوزارة الداخلية"),  # ب of belonging stays
    # a relative clause or an aside set off by a comma says something of the speaker
    ("وقال المسؤول، الذي طلب عدم ذكر اسمه، إن التنظيم يبيع النفط.", "المسؤول"),
    ("وأكد ضابط في الشرطة، فضّل عدم الكشف عن اسمه، أن التنظيم يبيع النفط.", "ضابط في الشرطة"),
    ("وقال مدير المرصد، رامي عبد الرحمن، إن التنظيم يبيع النفط.", "مدير المرصد، رامي عبد الرحمن"),
    ("وقال خالد العبيد، الذي يعمل باحثاً في مركز للدراسات، إن التنظيم يبيع النفط.", "خالد العبيد"),
    # a body issuing a statement in which it speaks
    ("وأصدرت وزارة الداخلية بياناً قالت فيه إن التنظيم يبيع النفط.", "وزارة الداخلية"),
    ("وفي المقابل، نشرت حركة الشباب تسجيلاً صوتياً زعمت فيه أن التنظيم يبيع النفط.", "حركة الشباب"),
])
def test_sources_the_name_without_what_stands_around_it(text, name):
    assert source_of(text, "يبيع").text == name


def test_sources_a_date_with_a_number_inside_a_name_stays_in_it():
    text = "وقالت حركة 6 أبريل إن التنظيم يبيع النفط."
    assert source_of(text, "يبيع").text == "حركة 6 أبريل"


def test_sources_a_verb_with_no_complementizer_stops_its_subject_before_its_object():
    text = "وأفادت مصادر ميدانية بسيطرة التنظيم على حقل نفطي في البادية."
    assert source_of(text, "حقل").text == "مصادر ميدانية"


@pytest.mark.parametrize("text, kind", [
    ("وأعلنت جماعة الحوثي أنها تبيع النفط.", "group"),  # the group itself
    ("ونفى الأمين العام لحزب الله أن الحزب يبيع النفط.", "group"),  # its leader speaks for it
    ("وقال المتحدث باسم الحوثيين إن الجماعة تبيع النفط.", "group"),
    ("وقال المتحدث باسم الجيش إن الجماعة تبيع النفط.", "official"),  # an army is no armed group
    ("ودعت السلطات الأفغانية حركة طالبان إلى وقف بيع النفط.", "official"),  # the group is the object
    ("وقال الناطق باسم حركة طالبان إن الحركة تبيع النفط.", "group"),
    ("وأكد عناصر من الشرطة أن الجماعة تبيع النفط.", "official"),  # a word for fighters, no group's name
    ("وقالت قوات سوريا الديمقراطية إن التنظيم يبيع النفط.", "official"),  # the lexicon gives its kind
])
def test_sources_a_group_speaking_for_itself(text, kind):
    assert source_of(text, "النفط").kind == kind


def test_sources_a_denied_speech_verb_names_no_source():
    text = "وأفرج عن التاجر مقابل مبلغ أقل لم تكشف العائلة عن قيمته، دفعته لمسلحي التنظيم."
    assert source_of(text, "دفعته").kind == "outlet"  # not `تكشف` with `العائلة` or words before it


def test_sources_the_object_of_bihasab_ends_before_what_they_say():
    text = "ويقف وراء الخطف بحسب السكان ما تبقى من خلايا التنظيم التي تفرض الإتاوات."
    source = source_of(text, "الإتاوات")
    assert (source.kind, source.text) == ("resident", "السكان")


@pytest.mark.parametrize("text, kind", [
    ("ولا يستبعد الخبراء أن يكون التنظيم يبيع النفط.", "researcher"),  # belief: the speaker stays
    ("ولم يستبعد المتحدث باسم الوزارة أن يكون التنظيم يبيع النفط.", "official"),
])
def test_sources_a_negated_verb_of_belief_or_denial_keeps_its_speaker(text, kind):
    assert source_of(text, "يبيع").kind == kind


def test_sources_a_group_whose_name_holds_an_army_word_is_the_group():
    assert source_of("وقال الجيش السوري الحر إن التنظيم يبيع النفط.", "يبيع").kind == "group"


def test_sources_a_bank_after_a_title_is_where_the_speaker_works():
    assert source_of("وقال مسؤول بالبنك المركزي إن التنظيم يبيع النفط.", "يبيع").text == "مسؤول بالبنك المركزي"


@pytest.mark.parametrize("text", [
    "وطالب الخاطفون ذويه بفدية قدرها مليون دينار للإفراج عنه.",
    "وتطالب خلايا التنظيم أصحاب الآبار بحصتها من النفط.",
])
def test_sources_a_demand_for_money_is_an_act_not_a_statement(text):
    """The kidnappers demanding a ransom say nothing the report attributes to them."""
    assert source_of(text, "ب" + text.split(" ب", 1)[1][:3]).kind == "outlet"


def test_sources_a_demand_for_an_act_attributes_what_it_names():
    assert source_of("وطالب الوزير بوقف تمويل الحوثيين.", "تمويل").kind == "official"


def test_sources_a_speaker_introduced_by_his_name_and_a_long_description():
    """`NAME، description …، يقول إن`: the description, past a clause of time, tells his kind; the
    name is remembered with it for later sentences."""
    text = ("أبو خالد، رجل من بلدة صغيرة على الفرات عمل سنوات في مكتب الزكاة لدى التنظيم قبل أن "
            "ينشق عنه ويغادر إلى الشمال، يقول إن التنظيم كان يبيع النفط لتجار المنطقة. "
            "ويرى أبو خالد أن التنظيم ما زال يجني الأموال من الآبار.")
    first, later = source_of(text, "كان يبيع"), source_of(text, "يجني")
    assert (first.kind, first.text.split("،")[0]) == ("defector", "أبو خالد")
    assert (later.kind, later.text) == ("defector", "أبو خالد")


def test_sources_a_clause_of_time_left_open_holds_the_speaker():
    text = "وارتفع عدد المخطوفين إلى 36، بعد أن كانت تقارير سابقة تحدثت عن بيع التنظيم النفط."
    assert source_of(text, "بيع").text == "تقارير سابقة"


@pytest.mark.parametrize("text, kind", [
    ("ويشرح في حديثه: «كان التنظيم يبيع النفط لتجار المنطقة».", "outlet"),  # who explains is said before
    ("وشرح المنشق أن التنظيم كان يبيع النفط لتجار المنطقة.", "defector"),
    ("وروى سائق صهريج أن مسلحي التنظيم يبيعون النفط على الطريق.", "resident"),
])
def test_sources_verbs_of_explaining_and_telling_a_story(text, kind):
    assert source_of(text, "النفط").kind == kind


@pytest.mark.parametrize("text, kind", [
    ("وقالت وكالة “أعماق” إن التنظيم يبيع النفط.", "group"),  # the quoted name after its descriptor
    ("وقالت صحيفة «الشرق الأوسط» إن التنظيم يبيع النفط.", "media"),
    ("وقال المحلل في مركز «الأهرام» للدراسات السياسية إن التنظيم يبيع النفط.", "researcher"),
])
def test_sources_a_quoted_name_right_after_its_descriptor(text, kind):
    assert source_of(text, "يبيع").kind == kind


def test_sources_a_relative_clause_cut_from_the_name_still_tells_the_kind():
    text = "وقال خالد العبيد، الذي يعمل باحثاً في مركز للدراسات، إن التنظيم يبيع النفط."
    assert source_of(text, "يبيع").kind == "researcher"
    text = "وقال أبو محمد زعيم الجبهة التي انشقت عن القاعدة إن التنظيم يبيع النفط."
    assert source_of(text, "يبيع").kind != "defector"  # a body that split off is no defector


def test_sources_an_aside_in_brackets_does_not_cut_the_description_after_it():
    """`ويقول صالح (اسم مستعار)، وهو راعي أغنام من قرية قريبة من ناحية الحضر، إن`: the
    bracketed words do not count towards the length of a speaker's words; what follows tells
    who he is."""
    text = ("ويقول صالح (اسم مستعار)، وهو راعي أغنام من قرية قريبة من ناحية الحضر، إن المسلحين "
            "يطلبون من كل راعٍ مبلغا عن كل مئة رأس غنم.")
    assert source_of(text, "المسلحين").kind == "resident"


@pytest.mark.parametrize("text", [
    "ويقول صالح، وهو راعٍ من قرية قريبة، إن مسلحي داعش يفرضون الإتاوات.",
    "ويقول أحمد، وهو تاجر في السوق، إن مسلحي داعش يفرضون الإتاوات.",
])
def test_sources_a_shepherd_or_a_trader_is_a_resident(text):
    """`راعٍ` (the shepherd, with its tanwin) and `تاجر` describe a resident, not an official."""
    assert source_of(text, "الإتاوات").kind == "resident"


@pytest.mark.parametrize("text", [
    "وكشف وجهاء وشيوخ صعدة أن إيران تمول الحوثيين.",
    "وقال أحد شيوخ قبائل صعدة، فهد الأشرفي، إن إيران تمول الحوثيين.",
])
def test_sources_tribal_elders_are_residents(text):
    """Tribal elders and notables speak for the people of a place, not for a state (a bare
    `الشيخ` stays undescribed: it is as often a ruler's title)."""
    assert source_of(text, "تمول").kind == "resident"


def test_sources_the_medium_a_speaker_talks_to_is_not_his_description():
    """`ويقول بن هامل للموقع الإلكتروني لـ…`: the outlet he spoke to ends the words that name him."""
    text = ('ويقول الباحث بن هامل للموقع الإلكتروني لـ"سكاي نيوز عربية" إن التنظيم يبيع النفط.')
    source = source_of(text, "يبيع")
    assert (source.kind, source.text) == ("researcher", "الباحث بن هامل")


def test_sources_a_name_described_in_one_phrase_keeps_its_kind_later():
    """`بحسب وصف الكاتب والباحث السياسي عبد الباسط بن هامل` describes and names him in one
    phrase; `ويقول بن هامل` later is the same researcher, not an undescribed official."""
    text = ("وتعيش المنطقة فوضى خطيرة، بحسب وصف الكاتب والباحث السياسي عبد الباسط بن هامل. "
            "ويقول بن هامل إن التنظيم يبيع النفط.")
    assert source_of(text, "يبيع", [("عبد الباسط بن هامل", "PER")]).kind == "researcher"


def test_sources_an_accusation_is_the_word_of_the_official_who_makes_it():
    """`ووجه عمدة مدينة غاو اتهامات لأمير قطر بتمويل …`: like a charge, what the accusation names
    is the mayor's word; a denied accusation names no new source (`ونفت الحكومة اتهامات بـ…`)."""
    text = "ووجه سادو ديالو عمدة مدينة غاو اتهامات لأمير قطر بتمويل تنظيم داعش."
    assert source_of(text, "بتمويل").kind == "official"
    text = "ونفت الحكومة اتهامات بتمويل الحوثيين."
    assert source_of(text, "بتمويل").text == "الحكومة"


def test_sources_a_learned_claim_opening_on_a_complementizer_is_the_speakers():
    """The claim tagger takes in `أن` (`أن تدعم تركيا فصائل`); the complementizer belongs to the
    words of attribution, so the claim is the media's, not the outlet's."""
    text = "وتوقعت العديد من وسائل الإعلام السورية أن تدعم تركيا فصائل أخرى في إدلب لإنهاء وجود هيئة تحرير الشام."
    doc = rasid.extract(text, published="2021-03-10", outlet="راصد")
    opening = [c for c in doc.claims if text[c.evidence.start:c.evidence.end].startswith("أن ")]
    assert opening and all(c.source.kind == "media" for c in opening)


@pytest.mark.parametrize("text, kind", [
    ('وقال تقرير لمجلة "فورين بوليسي" الأميركية، إن التنظيم يبيع النفط.', "media"),  # the press's own report
    ("وكشف تقرير BBC أن التنظيم يبيع النفط.", "media"),
    ('وقال الوزير لمجلة "فورين بوليسي" الأميركية، إن التنظيم يبيع النفط.', "official"),  # whom he told
    ("وأفاد تقرير لمجلس الأمن الدولي بأن التنظيم يبيع النفط.", "report"),
    ("وكشفت وثائق نشرتها صحيفة أن التنظيم يبيع النفط.", "report"),  # documents a paper published
])
def test_sources_a_report_of_the_press_is_the_press(text, kind):
    assert source_of(text, "يبيع").kind == kind


@pytest.mark.parametrize("text, kind, name", [
    ("ونقلت الوكالة عن شهود عيان أن مسلحي داعش ينهبون المساعدات.", "resident", "شهود عيان"),
    ("ونقلت وكالة رويترز عن مصدر أمني قوله إن داعش يبيع النفط.", "anonymous", "مصدر أمني"),
    ("ونقل عن شهود عيان القول إن مسلحي داعش ينهبون المساعدات.", "resident", "شهود عيان"),
])
def test_sources_the_closest_source_is_whom_a_reporter_quotes(text, kind, name):
    """`نقلت X عن Y`: Y is the closest attribution (ANNOTATION.md), and the words of the quoting
    (`قوله`, `القول`) are not part of Y's name."""
    source = source_of(text, "داعش")
    assert (source.kind, source.text) == (kind, name)


def test_sources_moving_money_is_no_quoting():
    doc = rasid.extract("ونقلت الجماعة أموال الفدية عن طريق وسطاء إلى تركيا.", published="2021-03-10", outlet="راصد")
    assert [c.source.kind for c in doc.claims] == ["outlet"]


def test_sources_a_reporters_verb_of_quoting_is_not_a_transfer():
    """`ونقل عن شهود عيان القول إن شاحنات محملة بالمنهوبات`: نقل reports here, it moves nothing;
    the claim is the loot, not the words that quote the witnesses."""
    text = ("وأفاد مراسلنا بفرار قيادات الحوثي من الحديدة. "
            "ونقل عن شهود عيان القول إن شاحنات محملة بالمنهوبات تغادر الحديدة متجهة نحو صنعاء.")
    doc = rasid.extract(text, published="2021-03-10", outlet="راصد")
    assert [text[c.evidence.start:c.evidence.end] for c in doc.claims] == ["شاحنات محملة بالمنهوبات"]


def test_sources_our_correspondent_is_the_outlet():
    text = "وأفاد مراسلنا في اليمن بأن الميليشيات المتمردة تنهب مقرات حكومية."
    assert source_of(text, "تنهب").kind == "outlet"


@pytest.mark.parametrize("text, kind, name", [
    ("وقال المستشار الأمني، هشام الهاشمي، لرويترز، إن التنظيم يبيع النفط.", "official", "المستشار الأمني، هشام الهاشمي"),
    ("وقال العميد الركن المتقاعد خلفان الكعبي لسكاي نيوز عربية إن التنظيم يبيع النفط.", "official",
     "العميد الركن المتقاعد خلفان الكعبي"),
    ("وأعلنت جمهورية مصر العربية أن التنظيم يبيع النفط.", "official", "جمهورية مصر العربية"),  # no channel
    ("وذكرت العربية أن التنظيم يبيع النفط.", "media", "العربية"),
    ("وكشف تقرير لسكاي نيوز أن التنظيم يبيع النفط.", "media", "تقرير لسكاي نيوز"),
])
def test_sources_the_outlet_a_speaker_talks_to_is_not_the_speaker(text, kind, name):
    """An outlet named with ل after a speaker (`لرويترز`) is whom he spoke to, and a channel's
    name right after a place (`مصر العربية`) is the place's adjective."""
    source = source_of(text, "يبيع")
    assert (source.kind, source.text) == (kind, name)


def test_sources_a_verb_of_reporting_moves_nothing():
    """`ونقلت الوكالة أن الأموال وصلت إلى داعش`: نقلت reports (its object is أن …), no transfer
    event and no claim opening on it; `ونقلت الجماعة أموال الفدية` moves money."""
    doc = rasid.extract("ونقلت الوكالة أن الأموال وصلت إلى داعش عبر وسطاء في تركيا.", published="2021-03-10")
    assert doc.events == [] and all(doc.text[c.evidence.start:c.evidence.end].find("نقلت") < 0 for c in doc.claims)
    doc = rasid.extract("ونقلت الجماعة أموال الفدية إلى حسابات في الخارج.", published="2021-03-10")
    assert [e.type for e in doc.events] == ["funds_transfer"] and doc.claims


def test_sources_a_channel_word_in_a_speakers_name_makes_no_claim():
    """`وقال مسؤول في وزارة النفط إن داعش يبيع النفط`: the ministry's oil names the speaker, it
    neither makes a claim nor draws the claim after إن back over the complementizer."""
    text = "وقال مسؤول في وزارة النفط إن داعش يبيع النفط."
    doc = rasid.extract(text, published="2021-03-10")
    assert [(text[c.evidence.start:c.evidence.end], c.source.kind) for c in doc.claims] == [("يبيع النفط", "official")]


def test_sources_a_speaker_carried_on_adds_only_the_cues_clause_to_the_attribution():
    """`وبحسب التقرير، فإن توزيع الوقود … مصدر لإيرادات الحوثيين، مشيراً إلى …`: مشيراً carries the
    report on; what stands between the report's name and مشيراً is its statement, not words of
    attribution."""
    text = ("وبحسب التقرير، فإن توزيع الوقود والمنتجات النفطية لا يزال أحد المصادر الرئيسة لإيرادات "
            "الحوثيين، مشيراً إلى سيطرتهم على هذا القطاع.")
    doc = rasid.extract(text, published="2021-03-10")
    assert not doc.attribution.in_attribution(text.index("الوقود"))
    assert doc.attribution.in_attribution(text.index("مشيراً"))


@pytest.mark.parametrize("text, kind, name", [
    ("وأدانت الخارجية السعودية دعم إيران لميليشيات الحوثي بالصواريخ.", "official", "الخارجية السعودية"),
    ("وأعربت الحكومات الأوروبية عن قلقها من تمويل إيران لحزب الله.", "official", "الحكومات الأوروبية"),
    ("وأعلنت قسد اعتقال خمسة من عناصر داعش أمس.", "official", "قسد"),
])
def test_sources_a_verb_with_an_act_as_its_object(text, kind, name):
    """Condemning, voicing concern (`أدان`, `أعرب عن قلقه`) attribute what they name to whoever
    does it; with no complementizer the speaker's name ends where the act the verb governs
    begins (`قسد اعتقال …`: قسد)."""
    at = next(w for w in ("دعم", "تمويل", "اعتقال") if w in text)
    source = source_of(text, at)
    assert (source.kind, source.text) == (kind, name)


def test_sources_a_word_with_bi_after_a_verb_is_its_object_not_its_subject():
    """`معلومات تفيد بتعمّد أحد الأشخاص …`, `وشدد بالقول إن`: a subject carries no preposition; the
    speaker is the one carried on (or none)."""
    text = "وقال الباحث إن داعش يبيع النفط. وشدد بالقول إن التنظيم يفرض الإتاوات."
    assert source_of(text, "يفرض").text == "الباحث"
    assert source_of("وشدد بالقول إن داعش يبيع النفط.", "يبيع").kind == "outlet"


def test_sources_a_group_adopting_an_attack_is_its_actor_not_a_source():
    """`أعلن تنظيم داعش تبنيه لهجوم مانشستر`, like `مسؤوليته`: the group claims the act."""
    assert source_of("أعلن تنظيم داعش الإرهابي منذ قليل تبنيه لهجوم مانشستر.", "لهجوم").kind == "outlet"


@pytest.mark.parametrize("text, kind", [
    ("وقالت منظمة العفو الدولية إن التنظيم يبيع النفط.", "researcher"),  # the actor base's rights groups
    ("وقالت هيومن رايتس ووتش إن التنظيم يبيع النفط.", "researcher"),
    ("وقال رئيس المنظمة المصرية لحقوق الإنسان، حافظ أبو سعدة، إن التنظيم يبيع النفط.", "researcher"),
    ("وقال المرصد السوري لحقوق الإنسان إن التنظيم يبيع النفط.", "media"),  # a monitor the press quotes
    ("وقال مجلس الأمم المتحدة لحقوق الإنسان إن التنظيم يبيع النفط.", "official"),
    ("أكد تقرير لمنظمة حقوقية أن التنظيم يبيع النفط.", "report"),  # a rights group's report
])
def test_sources_rights_groups_are_researchers_not_states(text, kind):
    assert source_of(text, "يبيع").kind == kind


@pytest.mark.parametrize("verb", ["ويضيف", "ويحذر", "ويرجح", "ويستطرد"])
def test_sources_a_verb_in_the_present_carries_the_speaker_past_his_quotation(verb):
    """`ويضيف أن …` after a speaker's quotation: the same speaker goes on (the present of the
    verbs of saying, as their past: `وأضاف`)."""
    text = f'ويقول صالح، وهو راعي أغنام، إن "المسلحين يطلبون المال". {verb} أن التنظيم يبيع النفط للتجار.'
    assert source_of(text, "يبيع النفط").kind == "resident"
