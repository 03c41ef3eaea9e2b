"""The events stage on reports written for these tests, and on the seed reports of ../shared."""
from __future__ import annotations

import pytest

import rasid
from rasid.document import Entity, Mention
from rasid.stages.claims import find_claims
from rasid.stages.events import find_events

from conftest import run_evidence_stages, seed_strict_f1

PUBLISHED = "2021-03-10"


def run(text: str, published: str | None = PUBLISHED, mentions: list[tuple[str, str]] = ()):
    return run_evidence_stages(text, published, mentions)


def only(doc):
    assert len(doc.events) == 1, [(e.type, doc.text[e.trigger.start:e.trigger.end]) for e in doc.events]
    return doc.events[0]


def trigger(doc, event) -> str:
    return doc.text[event.trigger.start:event.trigger.end]


@pytest.mark.parametrize("text, kind, word", [
    ("شن مسلحو التنظيم هجوماً على حاجز للجيش قرب الرطبة يوم الأحد.", "attack", "هجوماً"),
    ("نصب عناصر التنظيم كميناً لدورية عسكرية في البادية أمس.", "attack", "كميناً"),
    ("اندلعت اشتباكات عنيفة بين قسد وخلايا التنظيم في الشحيل اليوم.", "clash", "اشتباكات"),
    ("شنت طائرات التحالف غارة جوية على مخبأ للتنظيم في وادي حوران.", "airstrike", "غارة جوية"),
    ("انفجرت عبوة ناسفة بسيارة عسكرية على طريق الميادين صباح اليوم.", "explosion", "انفجرت"),
    ("سيطرت القوات العراقية على قرية البو حياة في 5 آذار الجاري.", "territory_change", "سيطرت"),
    ("صادرت السلطات التركية أموالاً تقدر بنحو 3 ملايين دولار لشبكة تمول التنظيم.", "seizure", "صادرت"),
    ("أعلنت وزارة الداخلية مقتل الوالي المزعوم للتنظيم في كركوك خلال عملية أمنية.", "leader_killed", "مقتل الوالي"),
    ("انشق القيادي أبو محمد الشامي عن التنظيم وسلم نفسه لقسد.", "defection", "انشق"),
    ("حولت شبكة تابعة للتنظيم أكثر من مليون دولار إلى تركيا في شباط الماضي.", "funds_transfer", "حولت"),
    ("حرص مسؤولو التنظيم على نقل جزء من السيولة إلى البادية في أيار الماضي.", "funds_transfer", "نقل"),
    ("أحرق مسلحو الحركة ثلاث مدارس في القرية يوم الاثنين.", "attack", "أحرق"),  # arson
    ("أوقف مسلحون ملثمون صهريجاً ليلاً وأشعلوا الحمولة يوم الثلاثاء.", "attack", "وأشعلوا"),  # liquidity: money
    ("عاد 25 مقاتلا من التنظيم إلى تونس الشهر الماضي.", "return", "عاد"),
    ("اختطف مسلحون من التنظيم خمسة رعاة في بادية الأنبار يوم السبت.", "kidnapping", "اختطف"),
    ("أعدم التنظيم ثلاثة مدنيين في ريف دير الزور بتهمة التعامل مع التحالف.", "execution", "أعدم"),
    ("اعتقلت قوات الأمن العراقية أمس خمسة مشتبه بهم بتمويل التنظيم في الموصل.", "arrest", "اعتقلت"),
    ("توصلت الفصائل إلى اتفاق لوقف إطلاق النار في ريف إدلب يوم الجمعة الماضي.", "agreement", "اتفاق"),
    ("وأطلقوا النار على دورية للشرطة في المدينة أمس.", "attack", "وأطلقوا النار"),
    ("احتجز رهائن داخل متجر في البلدة يوم الجمعة.", "kidnapping", "احتجز رهائن"),
])
def test_events_each_type(text, kind, word):
    doc = run(text)
    event = only(doc)
    assert (event.type, trigger(doc, event)) == (kind, word)


def test_events_casualty_intervals_from_quantities():
    doc = run("وفي 14 من كانون الأول الماضي، قتل 5 من قوات النظام وأصيب 12 آخرين نتيجة الاشتباكات "
              "بين التنظيم وقوات النظام قرب السخنة.", published="2021-01-01")
    event = only(doc)
    assert (event.type, event.killed, event.injured) == ("clash", {"low": 5, "high": 5}, {"low": 12, "high": 12})
    assert (event.date, event.date_precision) == ("2020-12-14", "day")
    assert len(event.quantities) == 2


def test_events_more_than_is_an_open_interval():
    doc = run("وشهد يوم الأربعاء مقتل أكثر من 30 عنصراً من قوات النظام في كمين نصبه التنظيم.",
              published="2021-01-01")
    event = only(doc)
    assert event.killed == {"low": 30, "high": None}
    assert event.date == "2020-12-30"


def test_events_subject_count_before_the_verb_adds_joined_singulars():
    doc = run("وأفادت الشبكة أن أربعة عناصر أجانب وقياديا سوريا بارزا قتلوا في غارة للتحالف على بلدة السوسة.")
    assert only(doc).killed == {"low": 5, "high": 5}


def test_events_wounded_without_a_count_stay_null():
    doc = run("كما قتل 5 عناصر من قوات النظام وأصيب آخرون عقب هجوم واسع شنه التنظيم.")
    event = only(doc)
    assert (event.killed, event.injured) == ({"low": 5, "high": 5}, None)


@pytest.mark.parametrize("text", [
    "وسقط عشرات الحوثيين بين قتلى وجرحى إثر غارات للتحالف على مواقع الميليشيات في الدريهمي.",
    "ووصل عشرات القتلى والجرحى من المتمردين إلى مستشفيات المدينة إثر المواجهات مع المقاومة.",
    "وأسفر الهجوم الذي شنه التنظيم على حاجز للجيش عن مقتل وإصابة 30 شخصا.",
    "وأسفر الهجوم الذي شنه التنظيم على حاجز للجيش عن سقوط 30 بين قتيل وجريح.",
])
def test_events_a_count_of_the_dead_and_wounded_together_gives_neither_figure(text):
    event = only(run(text))
    assert (event.killed, event.injured) == (None, None)
    assert len(event.quantities) == 1  # the count is still the event's evidence


def test_events_a_phrase_for_taking_lives_counts_the_dead():
    event = only(run("ووقع تفجير انتحاري في سوق شعبي بمدينة الرمادي أودى بحياة 12 مدنيا."))
    assert (event.type, event.killed) == ("explosion", {"low": 12, "high": 12})


def test_events_separate_counts_of_the_dead_and_wounded_stay_apart():
    event = only(run("وأسفر الهجوم الذي شنه التنظيم على حاجز للجيش عن مقتل 7 جنود وإصابة 3 آخرين."))
    assert (event.killed, event.injured) == ({"low": 7, "high": 7}, {"low": 3, "high": 3})


@pytest.mark.parametrize("text", [
    # a bare number joined by و right before the wounded verb is its subject
    "وقال الأهالي إن 9 مدنيين قتلوا و14 أصيبوا في انفجار سيارة مفخخة بسوق المدينة.",
    # the martyred are the dead
    "وأسفر انفجار سيارة مفخخة قرب حاجز للجيش عن استشهاد 9 مجندين وإصابة 14 آخرين.",
    "وأسفر انفجار سيارة مفخخة قرب حاجز للجيش عن سقوط 9 شهداء و14 جريحا.",
    # the count after the dead belongs to the wounded word between
    "وذكر الأهالي أن 9 مدنيين قتلوا مساء الجمعة وجرح 14 آخرون في تفجير سيارة مفخخة بسوق المدينة.",
    # a count of the dead and one of the wounded, each beside its own word
    "وانفجرت سيارة مفخخة قرب سوق المدينة ما أسفر عن سقوط 9 قتلى وإصابة 14 آخرين.",
    # the count before the verb with its noun behind `من`
    "وانفجرت سيارة مفخخة قرب سوق المدينة، وقال الأهالي إن 9 على الأقل من المدنيين قتلوا وجرح 14 آخرون.",
])
def test_events_the_dead_and_the_wounded_each_take_their_own_count(text):
    event = only(run(text))
    assert (event.killed["low"], event.injured["low"]) == (9, 14)


@pytest.mark.parametrize("text, killed", [
    # counts of people joined by و are the dead of one event, added
    ("وانفجرت سيارة مفخخة قرب سوق المدينة ما أدى إلى مقتل 6 رجال وثلاث نساء.", {"low": 9, "high": 9}),
    # a count after بينهم is part of the count before it
    ("ولقي 12 شخصا على الأقل، بينهم 5 أطفال، مصرعهم في انفجار سيارة مفخخة قرب سوق المدينة.",
     {"low": 12, "high": None}),
    # a count of the wounded joined to the dead is the wounded's, not added
    ("وانفجرت سيارة مفخخة قرب سوق المدينة ما أدى إلى مقتل 6 أشخاص و3 جرحى.", {"low": 6, "high": 6}),
    ("وانفجرت سيارة مفخخة قرب سوق المدينة ما أدى إلى مقتل 6 أشخاص و11 إصابة.", {"low": 6, "high": 6}),
    ("وانفجرت سيارة مفخخة قرب سوق المدينة ما أدى إلى مقتل 6 أشخاص و11 آخرين بجروح.", {"low": 6, "high": 6}),
    # nor the missing or the captured
    ("وأسفر الكمين الذي نصبه المسلحون للقافلة عن مقتل 6 جنود و3 مفقودين.", {"low": 6, "high": 6}),
    ("وأسفر الكمين الذي نصبه المسلحون للقافلة عن مقتل 6 جنود و20 أسيرا.", {"low": 6, "high": 6}),
    # a part after the count of the dead
    ("ولقي 12 شخصا مصرعهم، بينهم 5 أطفال، في انفجار سيارة مفخخة قرب سوق المدينة.", {"low": 12, "high": 12}),
    # the wounded in a clause of their own do not stop the joined dead
    ("وأسفر انفجار سيارة مفخخة قرب سوق المدينة عن مقتل 4 جنود و3 مدنيين، وإصابة 12 آخرين.", {"low": 7, "high": 7}),
    # past where the first count's people come from (`من السكان`), not past a comma
    ("وأدى هجوم التنظيم على البلدة أمس إلى مقتل 250 شخصا من السكان و63 مسلحا من التنظيم.", {"low": 313, "high": 313}),
    ("وأدى هجوم التنظيم على البلدة أمس إلى مقتل 3 جنود من الجيش السوري، و4 مدنيين.", {"low": 3, "high": 3}),
    ("وأدى هجوم التنظيم على البلدة أمس إلى مقتل 3 جنود من الجيش و4 آخرين بجروح.", {"low": 3, "high": 3}),
    ("وأدى هجوم التنظيم على القرية أمس إلى مقتل 12 شخصا من سكان القرية و5 منهم أطفال.", {"low": 12, "high": 12}),
    # an indefinite singular joined to the count is one more; an accusative one the same number's
    ("وأدى هجوم التنظيم على البلدة أمس إلى مقتل 4 جنود وطفل.", {"low": 5, "high": 5}),
    ("وأدى هجوم التنظيم على البلدة أمس إلى مقتل 12 شخصا وطفل.", {"low": 13, "high": 13}),
    ("وأدى هجوم التنظيم على البلدة أمس إلى مقتل 50 مسلحا وعنصرا من الحركة.", {"low": 50, "high": 50}),
])
def test_events_joined_counts_of_the_dead_add_up_and_a_part_is_not_the_whole(text, killed):
    assert only(run(text)).killed == killed


def test_events_died_of_wounds_is_no_count_of_the_wounded():
    event = only(run("وقتل 5 أشخاص في انفجار سيارة مفخخة في السوق، وتوفي 3 آخرون متأثرين بجروحهم."))
    assert (event.killed, event.injured) == ({"low": 5, "high": 5}, None)


def test_events_publication_date_only_when_the_text_says_today():
    today = only(run("انفجرت عبوة ناسفة بسيارة عسكرية قرب الميادين اليوم."))
    undated = only(run("انفجرت عبوة ناسفة بسيارة عسكرية قرب الميادين."))
    assert (today.date, today.date_precision) == (PUBLISHED, "day")
    assert undated.date is None


def test_events_date_of_the_reported_clause_wins_over_the_statement_date():
    doc = run('وقالت وكالة "رويترز"، مساء الخميس، 31 من كانون الأول، إن التنظيم شن هجوماً على حافلة'
              ' يوم الثلاثاء.', published="2021-01-01")
    assert only(doc).date == "2020-12-29"


def test_events_a_day_told_from_the_story_is_not_the_statement_date():
    doc = run('وقالت وكالة "رويترز"، مساء الخميس، 31 من كانون الأول، إن التنظيم شن هجوماً على حافلة'
              ' في اليوم السابق.', published="2021-01-01")
    assert only(doc).date is None


def test_events_a_date_in_the_events_own_clause_wins_over_a_nearer_one():
    """`أمدت قطر الجبهة بالأموال بين 2010 و2015، ودفعت الدوحة 16 مليون دولار … في 2014`: the
    payment is dated by its own clause, not by the nearer date before the comma."""
    text = "وأمدت قطر الجبهة بالأموال بين 2010 و2015، ودفعت الدوحة 16 مليون دولار للجبهة عند تحرير راهبات اختطفوهن في 2014."
    doc = run(text, published="2018-06-13")
    assert [(e.type, e.date) for e in doc.events] == [("funds_transfer", "2014"), ("kidnapping", "2014")]


def test_events_a_background_month_across_a_clause_of_time_dates_no_event():
    """`تصاعدت الحرب مع تدخل التحالف في آذار/مارس 2015 بعدما تمكن الحوثيون من السيطرة على صنعاء`:
    the month is the intervention's; the takeover came before it. A day told with بعدما is one
    incident's (`قتل 3 أشخاص الجمعة بعدما احتجز مسلح رهائن`)."""
    doc = run("ويشهد اليمن حربا تصاعدت مع تدخل التحالف في آذار/مارس 2015 بعدما تمكن الحوثيون من السيطرة "
              "على صنعاء.", published="2018-06-13")
    assert [(e.type, e.date) for e in doc.events] == [("territory_change", None)]
    doc = run("قتل مسلح 3 أشخاص في جنوب فرنسا، الجمعة، بعدما احتجز رهائن في متجر.", published="2018-03-24")
    assert {e.date for e in doc.events} == {"2018-03-23"}


def test_events_statement_date_dates_an_event_with_none_of_its_own():
    """News style (`قال ضابط، السبت، إن قوات الأمن قتلت ...`): the day of the statement is the
    day the text ties to the event, as the annotators read it."""
    doc = run("قال ضابط في الشرطة، السبت، إن مسلحين شنوا هجوماً على نقطة تفتيش.", published="2018-07-14")
    assert only(doc).date == "2018-07-14"


@pytest.mark.parametrize("text, word", [
    ("أعلنت واشنطن أن الوزارة صاردت نحو مليوني دولار من حسابات التنظيم.", "صاردت"),
    ("مني التنظيم بخسائر بعد إستهداف موقع قرب هجين يوم الاثنين.", "إستهداف"),
])
def test_events_real_misspellings_and_hamza(text, word):
    doc = run(text)
    assert trigger(doc, only(doc)) == word


@pytest.mark.parametrize("text", [
    "لم يشن التنظيم أي هجوم على المنطقة منذ أشهر.",
    "وتخشى السلطات من أن يشن التنظيم هجوماً جديداً على السجن.",
    "وقال إن التنظيم سيخسر المدن الكبرى وسيدفع الكثير من عناصره إلى الإنشقاق.",
    "بات التنظيم يعتمد على تنفيذ هجمات صغيرة مبتعداً عن العمليات الكبيرة.",
    "ولعل التساؤل الأبرز في ظل حالة الهجوم المتقطع الذي يتبعه التنظيم.",
    "ويحافظ التنظيم على أمواله بعيداً عن التجميد والمصادرة.",
    "وخطط التنظيم لإخراج مقاتليه من المعتقلات.",
    "وحذر المرصد السوري من هجوم وشيك لقوات النظام على الغوطة الشرقية.",
    "وتفيد التقارير بأن الجيش يجهز لهجوم متعدد المراحل على إدلب.",
    "وكشفت التحقيقات عن التحضير لهجوم إرهابي وسط العاصمة.",
    "وأشار التقرير إلى التخطيط لاعتداء على كنيسة في الضواحي.",
    "وطالب التنظيم بالإفراج عن عناصره، محذرا من إعدام المختطفات إن لم تنفذ شروطه.",
    "وقال الوزير إن منفذ الهجوم كان معروفا للسلطات الأمنية.",
    "ويستخدم الرجل حسابه المصرفي لتحويل أموال إلى شريك له في الخارج.",
    "وارتفع عدد الهجمات التي نفذها التنظيم في المحافظة خلال العام الماضي.",
    # an aim told after a clause of achievement, or control in general
    "ونجحت القوات في صد الهجوم، وتواصل تقدمها نحو تحرير المدينة.",
    "ويحرص التنظيم على إحكام سيطرته في الرقة، ويفرض على السكان دفع الزكاة.",
    # citing (استشهد ب) is no death
    "واستشهد المتحدث بتقرير أممي عن الهجوم على القافلة.",
    # what a group does since a year, told in a relative clause, is no event
    "وتسيطر الحركة التي تقاتل الحكومة منذ 2009 على مناطق واسعة في الجنوب.",
    # an intention, a risk or an ability is no event
    "وتدل الحشود على نية الجيش شن هجوم بري على البلدة.",
    "وقالت الشرطة إن خطر شن المتطرفين هجمات في العاصمة ما زال مرتفعا.",
    "ويسعى التنظيم إلى إظهار قدرته على شن اعتداءات رغم خسائره.",
])
def test_events_negated_planned_and_generic_statements_are_not_events(text):
    assert run(text).events == []


@pytest.mark.parametrize("text, word", [
    ("وقال المرصد إن اشتباكات ضارية تدور في بلدة الميادين بين الفصائل وقوات النظام.", "اشتباكات"),
    ("وشهدت البلدة معارك بين الفصائل وعناصر التنظيم.", "معارك"),
    ("ووقعت مواجهات بين المحتجين وعناصر الميليشيا قرب المطار.", "مواجهات"),
])
def test_events_a_verb_of_occurrence_makes_a_plural_fighting_noun_one_event(text, word):
    """`اشتباكات` alone may name a kind of event; `اشتباكات تدور`, `وقعت مواجهات` report one."""
    event = only(run(text))
    assert (event.type, trigger(run(text), event)) == ("clash", word)


@pytest.mark.parametrize("text, kind", [
    ("وشنت مقاتلات التحالف العربي غارات على مواقع المسلحين في صعدة.", "airstrike"),
    ("وتشهد المنطقة منذ الصباح مواجهات عنيفة بين الجيش والمسلحين.", "clash"),
    ("وتوغل الجيش في الحي بعد معارك عنيفة مع التنظيم.", "clash"),
])
def test_events_a_plural_fighting_noun_told_as_carried_out_or_fierce_is_one_event(text, kind):
    assert only(run(text)).type == kind


def test_events_a_casualty_word_with_its_pronoun_counts_the_dead_before_it():
    doc = run("ولقي ثلاثة عناصر من الميليشيات مصرعهم في غارة للتحالف على صعدة.")
    assert only(doc).killed == {"low": 3, "high": 3}


def test_events_a_plural_fighting_noun_with_no_verb_of_occurrence_or_anchor_is_no_event():
    assert run("وتعتمد الجماعة على اشتباكات مع القوات الحكومية لاستنزافها.").events == []


def test_events_fighting_words_of_one_sentence_are_one_incident():
    doc = run("شنت الطائرات الروسية أكثر من 60 غارة جوية على البادية بالتزامن مع اشتباكات متواصلة.")
    event = only(doc)
    assert event.type == "airstrike" and event.quantities


def test_events_separate_clauses_of_one_type_stay_separate():
    doc = run("حيث استولوا على منجم لاستخراج الفوسفات في العراق، أما في سوريا فقد استولوا على مصانع الأسمنت.")
    assert [e.type for e in doc.events] == ["seizure", "seizure"]


def test_events_restatement_of_the_previous_sentence_is_not_a_new_event():
    doc = run("بدأ التنظيم نقل رؤوس أمواله إلى دول أوروبية. وكشفت تقارير عن عمليات لنقل أمواله إلى الخارج.")
    assert [e.type for e in doc.events] == ["funds_transfer"]


def test_events_casualties_without_trigger_detail_the_event_before():
    doc = run("وقالت رويترز إن التنظيم شن هجوماً على حافلة. وأضافت أن بياناً للتنظيم أكد مقتل 40 من قوات النظام.")
    event = only(doc)
    assert event.killed == {"low": 40, "high": 40}


def test_events_boilerplate_yields_nothing():
    text = "اقرأ أيضاً: شن التنظيم هجوماً على حاجز في الرطبة\nتقرير عن الاقتصاد المحلي في المدينة."
    doc = run(text)
    assert doc.boilerplate and doc.events == []


def test_events_fill_places_and_actors_from_linked_mentions():
    doc = run("شن تنظيم داعش هجوماً على قوات النظام قرب مدينة الميادين يوم أمس.",
              mentions=[("داعش", "ORG"), ("قوات النظام", "ORG"), ("الميادين", "LOC")])
    event = only(doc)
    assert (event.actors, event.targets, event.location) == (["e1"], ["e2"], "e3")


def test_events_the_group_claiming_responsibility_is_the_actor_not_the_source():
    text = ("قتل 12 عنصراً من الجيش مساء الثلاثاء، حيث أعلن التنظيم مسؤوليته عن الكمين الذي استهدف "
            "رتلهم قرب البلدة.")
    doc = rasid.extract("قالت مصادر إن داعش نشط في المنطقة.\n" + text, published=PUBLISHED, outlet="راصد")
    start = doc.text.index("داعش")
    doc.mentions = [Mention("m1", start, start + 4, "داعش", "ORG", "e1")]
    ref = doc.text.index("التنظيم")
    doc.entities = [Entity("e1", "ORG", "داعش", refs=[{"start": ref, "end": ref + 7, "text": "التنظيم"}])]
    doc = find_claims(find_events(doc))
    ambush = next(e for e in doc.events if trigger(doc, e) == "الكمين")
    assert ambush.actors == ["e1"]
    assert ambush.killed == {"low": 12, "high": 12}
    assert ambush.source.kind == "outlet"  # claiming an act is not reporting it


def test_events_ids_offsets_and_sources(seeds):
    for record in seeds:
        doc = find_events(rasid.extract(record["text"], published=record["published"], outlet=record["outlet"]))
        assert [e.id for e in doc.events] == [f"v{k}" for k in range(1, len(doc.events) + 1)]
        for e in doc.events:
            assert e.evidence.start <= e.trigger.start < e.trigger.end <= e.evidence.end <= len(doc.text)
            assert e.source is not None and e.source.kind




def test_events_seed_strict_f1_meets_acceptance(seeds):
    assert seed_strict_f1(seeds, "events") >= 0.80


@pytest.mark.parametrize("text", [
    "شن مسلحون هجوما بقنبلة على مركز للشرطة أمس.",
    "نفذ التنظيم هجوما بسيارة مفخخة على حاجز للجيش أمس.",
])
def test_events_an_attack_carried_out_with_a_bomb_is_an_explosion(text):
    event = only(run(text))
    assert event.type == "explosion" and event.date == "2021-03-09"


def test_events_an_attack_with_guns_stays_an_attack():
    assert only(run("شن مسلحون هجوما بالأسلحة الرشاشة على مركز للشرطة أمس.")).type == "attack"


@pytest.mark.parametrize("text", [
    "ودانت المحكمة أمس المتهمة بالتآمر لارتكاب عملية قتل جماعي في لندن.",
    "واتهمت النيابة أمس الخلية بمؤامرة لتنفيذ هجوم على السفارة.",
])
def test_events_a_conspiracy_to_commit_is_no_event(text):
    """A conspiracy or a purpose of committing (`بالتآمر لارتكاب`, `مؤامرة`) tells a plan."""
    assert run(text).events == []


@pytest.mark.parametrize("text, expected", [
    ("وعين التنظيم قائدا جديدا مكان الرجل الذي نفذ عناصره هجوم السوق.", []),
    ("واعتقلت الشرطة أمس الرجل الذي نفذ الهجوم على السوق في 3 آذار.", ["arrest", "attack"]),
])
def test_events_an_event_carried_out_in_a_relative_clause_is_background_unless_dated(text, expected):
    """`الذي نفذ عناصره هجوم …` says who someone is; dated in its clause it tells an event."""
    assert sorted(e.type for e in run(text).events) == expected


def test_events_what_a_group_is_able_to_do_is_no_event():
    """`لا يزال قادراً على شن هجمات`: a capability, no attack that happened."""
    assert run("وقال التقرير إن تنظيم داعش لا يزال قادرا على شن هجمات داخل الأراضي السورية.").events == []
    assert [e.type for e in run("وشن مسلحو تنظيم داعش أمس هجمات على مواقع الجيش.").events] == ["attack"]


def test_events_a_threat_is_no_event():
    """ANNOTATION.md: plans, threats and hypotheticals are not events (`هدد … بإعدام`)."""
    assert run("وهدد مسلحو التنظيم بإعدام الرهائن إن لم تدفع الحكومة الفدية.").events == []


@pytest.mark.parametrize("text, expected", [
    ("وتمثل السيطرة على مدينة الحديدة في حال تحققت أكبر انتصار للقوات الحكومية.", []),
    ("وسيطر الجيش أمس على مدينة الحديدة، في أكبر انتصار للقوات الحكومية.", ["territory_change"]),
])
def test_events_an_event_on_a_condition_after_it_is_no_event(text, expected):
    """`في حال تحققت` after a taking of ground: it is spoken of as possible, not done."""
    assert [e.type for e in run(text).events] == expected


@pytest.mark.parametrize("text", [
    "وأطلق الجيش العراقي أمس عملية عسكرية لتحرير مدينة الموصل من التنظيم.",
    "وتحشد القوات الحكومية أمس للسيطرة على مدينة درنة.",
])
def test_events_taking_ground_after_li_is_an_aim_not_a_change_of_territory(text):
    assert "territory_change" not in [e.type for e in run(text).events]


@pytest.mark.parametrize("text, events", [
    ("وتحاول قوات النظام أمس التقدم إلى الحدود لاستعادة السيطرة على معبر نصيب.", []),
    ("وتحذر المنظمات من معركة السيطرة على ميناء الحديدة، التي يتوقع أن تخلف تبعات كارثية.", []),
    ("وتشهد المحافظة أمس استعدادات لانطلاق معركة استعادة السيطرة على المدينة.", []),
    ("وأعلن الجيش أمس السيطرة على معبر نصيب.", ["territory_change"]),
])
def test_events_control_sought_by_an_aim_or_a_campaign_is_no_change_of_territory(text, events):
    """The whole pipeline (the learned trigger tagger proposes `السيطرة` too)."""
    types = [e.type for e in rasid.extract(text, published=PUBLISHED).events]
    assert [t for t in types if t == "territory_change"] == events


@pytest.mark.parametrize("text, kind", [
    ("وقصفت مقاتلات التحالف أمس مواقع للحوثيين في صعدة.", "airstrike"),
    ("وقتل ثلاثة مدنيين أمس في هجوم بطائرة بدون طيار على سيارة في مأرب.", "airstrike"),
    ("وأسفر قصف مدفعي أمس على القرية عن مقتل 3 مدنيين.", "explosion"),
    ("ونفذ مسلحون أمس هجوما انتحاريا على دورية أمنية.", "explosion"),
    ("وشنت الميليشيات أمس قصفا عشوائيا على منازل المواطنين في حي المنظر.", "explosion"),  # shells, not fire
    ("ونفذت مقاتلات التحالف أمس قصفا على مخازن الذخيرة في ريف المدينة.", "airstrike"),
    # a means in the clause before is another's (`طائرة مسيرة` shot down)
    ("وأسقطت الدفاعات الجوية أمس طائرة مسيرة، وقصفت المدفعية مواقع المسلحين.", "explosion"),
])
def test_events_an_attack_takes_its_type_from_what_carries_it_out(text, kind):
    """Issue 13: shelling typed `attack` instead of `airstrike`/`explosion`."""
    assert [e.type for e in run(text).events] == [kind]


@pytest.mark.parametrize("text", [
    "ودخلت معركة تحرير مدينة الحديدة ومينائها مرحلة جديدة بعد الانتصارات.",
    "وقال إن تحرير المدينة سيخدم الجانب العسكري في أوجه عدة.",
    "وطالب المجلس بانسحاب الحوثيين من مدينة الحديدة ومينائها.",
    "وتهدف العملية إلى بسط نفوذ الدولة على مدينة الحديدة.",
])
def test_events_a_verbal_noun_of_taking_ground_told_as_an_aim_is_no_event(text):
    assert "territory_change" not in [e.type for e in run(text).events]


@pytest.mark.parametrize("text", [
    "وتمكنت قوات الجيش من تحرير مديرية نعمان في محافظة البيضاء.",
    "ونجح الجيش الليبي، في تحرير منطقة الهلال النفطي من الميليشيات المتشددة.",
    "وأعلنت القوات أمس تحرير مدينة الرمادي.",
    "وانسحب مقاتلو التنظيم من مدينة الباب.",
    # the word of achievement before a long subject
    "واستطاعت وحدات اللواء الثالث مشاة بمساندة من طيران الجيش وسلاح المدفعية من تحرير قرية العطشانة.",
    # على past the subject and a day set off by commas
    "وسيطرت وحدات اللواء الثالث مشاة، مساء الأحد، على قرية العطشانة.",
])
def test_events_a_verbal_noun_of_taking_ground_told_as_achieved_is_a_territory_change(text):
    assert [e.type for e in run(text).events] == ["territory_change"]


def test_events_a_fall_of_the_dead_is_a_toll_not_a_territory_change():
    """`سقوط عشرات القتلى`: the dead "fall"; `سقوط مدينة` is a place that fell."""
    assert "territory_change" not in [e.type for e in run(
        "وأسفرت غارات التحالف أمس عن سقوط عشرات القتلى في مدينة الحديدة.").events]
    assert [e.type for e in run("وأعلن الجيش أمس سقوط مدينة الرمادي بيد التنظيم.").events] == ["territory_change"]


@pytest.mark.parametrize("text, expected", [
    ("ونزح السكان من القرى الواقعة تحت سيطرة المسلحين على أطراف مدينة حلب.", []),
    ("وقصفت المدفعية أمس مناطق سيطرة المسلحين على أطراف مدينة حلب.", ["explosion"]),
    # joined by و to a place noun, control is taken
    ("وتوغلت القوات أمس نحو أطراف المدينة والسيطرة على قرية العطشانة.", ["territory_change"]),
])
def test_events_control_held_is_no_territory_change(text, expected):
    """`تحت سيطرة`, `مناطق سيطرة`: who holds ground, not a change of it."""
    assert [e.type for e in run(text).events] == expected


@pytest.mark.parametrize("text, expected", [
    # a relative clause with its own date tells a past event
    ("وتدخل التحالف لوقف تقدم المسلحين الذين سيطروا على مدينة الرمادي في أيار 2015.",
     [("territory_change", "2015-05")]),
    # without one, background
    ("وتدخل التحالف لوقف تقدم المسلحين الذين سيطروا على مدينة الرمادي.", []),
])
def test_events_a_relative_clause_with_a_date_of_its_own_tells_an_event(text, expected):
    assert [(e.type, e.date) for e in run(text).events] == expected


def test_events_no_learned_trigger_is_a_word_for_who_fights():
    doc = run("وأعلنت القوات الشرعية خلال اليومين الماضيين السيطرة على سلسلة جبال في مديرية حرض.")
    assert [trigger(doc, e) for e in doc.events] == ["السيطرة"]  # not `القوات الشرعية خلال اليومين`


def test_events_background_after_was_is_an_event_only_with_a_date_of_its_own():
    doc = run("وكانت غارة جوية مماثلة استهدفت قرية الشميخ في فبراير 2016.", published="2018-04-21")
    assert [(e.type, e.date) for e in doc.events] == [("airstrike", "2016-02")]
    assert run("وكان التنظيم يسيطر على حقول النفط في المنطقة.").events == []


def test_events_a_condition_in_a_later_clause_is_that_clauses_own():
    doc = run("وقتل خمسة جنود أمس في هجوم على حاجز للجيش، وتوعد الجيش بالرد إن لم يسلم المهاجمون أنفسهم.")
    assert "attack" in [e.type for e in doc.events]


def test_events_the_announced_start_of_a_campaign_is_no_territory_change():
    doc = run("وأعلن التحالف أمس بدء معركة تحرير مدينة الحديدة من الحوثيين.")
    assert "territory_change" not in [e.type for e in doc.events]


def test_events_a_plural_place_noun_is_what_a_territory_change_is_about():
    doc = run("وتمكنت القوات أمس من السيطرة على عدد من القرى جنوب المدينة.")
    assert only(doc).type == "territory_change"


def test_events_a_learned_trigger_is_never_a_word_the_lexicon_knows_as_a_place_or_a_leader():
    from rasid.stages.events import _specific
    from rasid.stages.events.context import context
    from rasid.stages.reading.view import View
    doc = run("وقدرت الإيرادات من الوقود الذي سلم في ميناء الحديدة عام 2016 بنحو مليار دولار.")
    view = View.of(doc)
    lo, hi = view.sent_ranges[0]
    ctx = context(view, 0, lo, hi)
    port = next(k for k in range(lo, hi) if view.words[k] == "ميناء")
    assert not _specific(view, ctx, port, port + 1, "territory_change")
    freed = View.of(run("وأطلق سراح ثلاثة رهائن كانوا لدى التنظيم أمس."))
    lo2, hi2 = freed.sent_ranges[0]
    ctx2 = context(freed, 0, lo2, hi2)
    let_go = next(k for k in range(lo2, hi2) if freed.words[k] == "واطلق")
    assert not _specific(freed, ctx2, let_go, let_go + 1, "attack")  # freeing: no shooting
    took = next(k for k in range(lo, hi) if view.words[k] == "وقدرت")
    assert _specific(view, ctx, took, took + 1, "other")  # a word the lexicon does not know stays the tagger's call
    records = View.of(run("ووفق تقديرات جمعها باحثون من وثائق التنظيم، فإن ديوان المال جمع الذهب."))
    lo3, hi3 = records.sent_ranges[0]
    ctx3 = context(records, 0, lo3, hi3)
    papers = next(k for k in range(lo3, hi3) if records.words[k] == "وثائق")
    assert not _specific(records, ctx3, papers, papers + 1, "territory_change")  # a record tells of events


@pytest.mark.parametrize("text, expected", [
    ("وجمع التنظيم الذهب خلال سنوات سيطرته على المدينة.", []),  # control held for years
    ("وكان النفط مصدر دخله طوال فترة سيطرة التنظيم على الحقول.", []),
    ("وقتل 5 جنود خلال سيطرة القوات على المدينة أمس.", ["territory_change"]),  # during the capture: one
])
def test_events_control_over_a_span_of_time_is_held(text, expected):
    assert [e.type for e in run(text).events if e.type == "territory_change"] == expected


def test_events_a_fighting_event_takes_the_casualties_of_its_lead_only_when_of_its_type():
    doc = run("انفجرت سيارة مفخخة أمس في السوق ما أسفر عن مقتل 12 شخصا. وشنت طائرات التحالف بعد "
              "ذلك غارة على مواقع التنظيم.")
    assert [(e.type, e.killed) for e in doc.events] == [("explosion", {"low": 12, "high": 12}), ("airstrike", None)]


def test_events_a_headline_with_the_leads_dead_takes_its_wounded_too():
    doc = run("مقتل 27 في انفجار ببلدة تركية\n\nقالت وزارة الداخلية التركية اليوم إن انفجارا في بلدة سروج "
              "أسفر عن مقتل 27 مدنيا وإصابة نحو 100.", published="2015-07-20")
    assert [(e.killed, e.injured) for e in doc.events][:1] == [({"low": 27, "high": 27}, {"low": 100, "high": 100})]


def test_events_a_learned_leader_killed_needs_a_leader_or_a_person_named():
    from rasid.stages.events import _specific
    from rasid.stages.events.context import context
    from rasid.stages.reading.view import View
    for text, named, expected in [("ولقي 18 عنصرا من قوات النظام مصرعهم أمس.", (), False),
                                  ("وأكد التحالف مقتل صالح الصماد أمس.", [("صالح الصماد", "PER")], True)]:
        view = View.of(run(text, mentions=named))
        lo, hi = view.sent_ranges[0]
        kill = next(k for k in range(lo, hi) if view.words[k] in ("مصرعهم", "مقتل"))
        assert _specific(view, context(view, 0, lo, hi), kill, kill + 1, "leader_killed") is expected


def test_events_a_learned_funds_transfer_needs_money_named_after_it():
    """`تلقى ستة تجار … رسائل … تطالبهم بمبالغ`: the messages received move no money (the sum is
    what the messages demand, far after the verb); a whole report's run keeps no such transfer."""
    from rasid.stages.events import _specific
    from rasid.stages.events.context import context
    from rasid.stages.reading.view import View
    text = ('وخلال الشهر الماضي، تلقى ستة تجار على الأقل في بلدات الريف الشرقي رسائل عبر تطبيق "تلغرام" '
            "تطالبهم بمبالغ تتراوح بين ألف و3 آلاف دولار، مرفقة بتهديد صريح.")
    assert [e.type for e in run("تقرير\n\n" + text).events] == []
    for sentence, expected in [(text, False), ("وتلقى قائد الفصيل مليوني دولار من جهة خارجية.", True)]:
        view = View.of(run(sentence))
        lo, hi = view.sent_ranges[0]
        verb = next(k for k in range(lo, hi) if view.words[k] in ("تلقي", "وتلقي"))
        assert _specific(view, context(view, 0, lo, hi), verb, verb + 1, "funds_transfer") is expected


def test_events_an_event_timed_against_another_takes_no_date_from_elsewhere():
    """`قبل الانسحاب`: the text dates the transfer by another event, not by the month of the
    clause before (`خسر حقل العمر في تشرين الأول … ، وأن مسؤولي الديوان حرصوا قبل الانسحاب على نقل`)
    nor by the event told before it in its paragraph; without it, the paragraph's date carries."""
    def dated(text: str) -> list:
        doc = run("تقرير\n\n" + text)
        return [(e.type, e.date) for e in doc.events]
    assert dated("وأكد أن التنظيم خسر حقل العمر في تشرين الأول من عام 2017، وأن مسؤولي الديوان حرصوا قبل "
                 "الانسحاب على نقل جزء من السيولة نحو البادية.") == [
        ("territory_change", "2017-10"), ("funds_transfer", None)]
    assert dated("سيطر الجيش على بلدة هجين يوم الخميس 4 آذار. ونقل التنظيم أمواله إلى البادية قبل الانسحاب.") == [
        ("territory_change", "2021-03-04"), ("funds_transfer", None)]
    assert dated("سيطر الجيش على بلدة هجين يوم الخميس 4 آذار. ونقل التنظيم أمواله إلى البادية.") == [
        ("territory_change", "2021-03-04"), ("funds_transfer", "2021-03-04")]


def test_events_setting_alight_figuratively_is_no_attack():
    assert run("تقرير\n\nوأشعل القرار موجة من الغضب في الشارع يوم الاثنين.").events == []


@pytest.mark.parametrize("text", [
    "أحرقت قوات الأمن كميات كبيرة من المخدرات المضبوطة في حفل رسمي.",  # the state burns
    "أحرق الرجل نفسه أمام مبنى المحافظة احتجاجا على البطالة.",
    "أحرق محتجون إطارات السيارات في الشوارع الرئيسية.",
    "أشعلت الهجمات على السفن أسعار الشحن في البحر الأحمر.",  # figurative, whatever the tagger's type
])
def test_events_burning_by_no_armed_group_is_no_attack(text):
    assert run("تقرير\n\n" + text).events == []


def test_events_a_time_of_day_after_before_or_after_keeps_the_day_of_its_sentence():
    """`بعد الظهر`, `قبل الفجر`: a time of day, no other event; `في 8 أبريل، … بعد الهجوم بساعات`:
    a day stays the event's; the withdrawal `قبل الانسحاب` names is itself dated; `الفجر` is no
    detonation."""
    def dated(text: str) -> list:
        return [(e.type, e.date) for e in run("تقرير\n\n" + text).events]
    assert dated("وفي 12 أبريل، قتل خمسة جنود بهجوم شنه مسلحو داعش على حاجز بعد الظهر.") == [("attack", "2020-04-12")]
    assert dated("وفي ليلة 4 مارس، شن مسلحون هجوما على قرية قبل الفجر.") == [("attack", "2021-03-04")]
    assert ("explosion", "2020-04-08") in dated("وفي الثامن من أبريل، انفجرت عبوة ناسفة بسيارة عسكرية بعد الهجوم "
                                               "على القاعدة بساعات.")
    assert ("territory_change", "2021-03-07") in dated("هاجم مسلحون قرية في ولاية بورنو يوم الأحد 7 آذار. وأحرق "
                                                      "المهاجمون عشرات المنازل قبل الانسحاب من القرية.")


@pytest.mark.parametrize("text, expected", [
    ("وأسفرت غارات للتحالف في منطقة الفازة عن تدمير آليات للمتمردين.", ["airstrike"]),  # who made them
    ("وقالت مصادر محلية إن غارات على مواقع المتمردين في صعدة دمرت مخزنا للسلاح.", ["airstrike"]),  # on a place
    ("وتعتمد الجيوش الحديثة على الغارات الجوية في حروبها.", []),  # a kind of warfare
    ("ويخشى السكان من غارات جديدة.", []),
])
def test_events_strikes_in_the_plural_with_their_target_or_maker_were_made(text, expected):
    assert [e.type for e in run("تقرير\n\n" + text).events] == expected


def test_events_an_event_dated_by_its_announcement_takes_the_day_a_later_detail_gives():
    def dates(detail_day: str):
        doc = run("قال المرصد اليوم الجمعة إن مسلحي التنظيم سيطروا على مدينة القريتين في ريف حمص. "
                  f"واندلعت اشتباكات عنيفة {detail_day} في محيط المدينة.", published="2015-08-07")
        return [(e.type, e.date) for e in doc.events]
    assert dates("الليلة الماضية") == [("territory_change", "2015-08-06"), ("clash", "2015-08-06")]
    # a day long before is another incident
    assert dates("في 3 تموز") == [("territory_change", "2015-08-07"), ("clash", "2015-07-03")]


def test_events_a_day_set_off_after_the_announcer_is_corrected_by_the_event_named_again():
    doc = run("أعلنت القوات العراقية، الجمعة، صد هجوم شنه مسلحو تنظيم داعش في محافظة نينوى. "
              "وذكر مركز الإعلام الأمني أن الهجوم وقع الخميس في ناحية بادوش.", published="2018-03-02")
    assert doc.events[0].date == "2018-03-01"


def test_events_a_day_set_off_after_the_announcer_is_kept_against_another_incident():
    doc = run("أعلن تنظيم القاعدة، الاثنين، مسؤوليته عن هجوم بسيارة مفخخة أمام مقر للشرطة في مدينة ساحلية. "
              "وجاء التفجير بعد يوم على سلسلة اعتداءات انتحارية نفذتها عائلة، الأحد، ضد كنائس في المدينة.",
              published="2018-05-14")
    assert doc.events[0].date == "2018-05-14"


def test_events_dawn_before_a_day_is_a_time_not_a_detonation():
    doc = run("وتواصلت المعارك منذ فجر الجمعة في محيط المدينة. وفجر انتحاري نفسه أمس قرب حاجز للجيش.",
              published="2018-06-09")
    assert [(e.type, trigger(doc, e)) for e in doc.events if e.type == "explosion"] == [("explosion", "وفجر")]


@pytest.mark.parametrize("text, named", [
    ("ولقي القيادي الحوثي وليد السراجي مصرعه أمس في منطقة الفازة.", ()),
    ("وأعلن الحوثيون أمس مقتل رئيس المجلس السياسي في غارة للتحالف.", ()),
    ("وأعلنت وزارة الدفاع أمس مقتل الملا فضل الله في ضربة قرب الحدود.", [("الملا فضل الله", "PER")]),
])
def test_events_a_leader_before_the_kill_word_or_a_person_after_it_is_a_leader_killed(text, named):
    assert "leader_killed" in [e.type for e in run(text, mentions=named).events]


@pytest.mark.parametrize("text, expected", [
    ("وأفادت مصادر عسكرية أمس بمقتل قائدين ميدانيين من الميليشيات في قصف مدفعي.", ("بمقتل قائدين", 2)),
    ("واعترفت الميليشيات أمس بمصرع اثنين من أبرز قياداتها الميدانيين في المواجهات.",
     ("بمصرع اثنين من أبرز قياداتها", 2)),  # a number after a kill word with its clitic counts people
    ("وكشفت مصادر عسكرية أمس عن مصرع 8 قيادات ميدانية من الميليشيات.", ("مصرع 8 قيادات", 8)),
    ("مقتل قيادات حوثية بغارات للتحالف في صعدة", ("مقتل قيادات", None)),
])
def test_events_several_leaders_counted_after_a_kill_word_are_a_leader_killed(text, expected):
    events = [(trigger(doc, e), (e.killed or {}).get("low")) for doc in [run(text)] for e in doc.events
              if e.type == "leader_killed"]
    assert events == [expected]


@pytest.mark.parametrize("text", [
    "وأسفرت المعركة أمس عن مقتل مزيد من قيادات الميليشيات.",
    "وتعترف الميليشيات أمس بمصرع قياداتها البارزة.",
    "وقتل أمس 25 عنصرا بينهم قيادات في المواجهات.",
])
def test_events_leaders_among_other_dead_or_with_no_count_are_no_leader_killed(text):
    assert "leader_killed" not in [e.type for e in run(text).events]


def test_events_a_leaders_death_stands_beside_the_strike_that_killed_him():
    doc = run("وأعلن الجيش أمس مقتل القيادي في التنظيم في غارة جوية قرب المدينة.")
    assert sorted(e.type for e in doc.events) == ["airstrike", "leader_killed"]


@pytest.mark.parametrize("text, expected", [
    ("وأوقفت الشرطة أمس 14 شخصا في مدن عدة.", ["arrest"]),
    ("واقتحم المحتجون المطار أمس وأوقفوا الحركة الجوية لساعات.", ["attack"]),
    ("وأغلقت المحال التجارية أبوابها أمس وأوقفت نشاطها.", []),
    ("واقتحم مئات العراقيين المطار أمس وأوقفوا الحركة الجوية.", ["attack"]),  # the people are before it
    ("وأوقفت أمس قوات الأمن الوطني بمنطقة المكنين شخصا يشتبه في أنه إرهابي.", ["arrest"]),
    ("وأوقفته الشرطة أمس في مطار القاهرة.", ["arrest"]),
    ("واستأنفت الشركة رحلاتها أمس بعد أن أوقفتها الشهر الماضي.", []),
    ("وأوقفت الشرطة المشتبه به أمس.", ["arrest"]),
    ("وأوقفت السلطات الحوثية أمس صرف رواتب الموظفين في صنعاء.", []),  # the wages stopped, not the staff
    ("وأوقفت الشرطة أمس عددا من العناصر في الموصل.", ["arrest"]),
])
def test_events_stopping_is_an_arrest_only_of_people(text, expected):
    assert [e.type for e in run(text).events] == expected


@pytest.mark.parametrize("text, expected", [
    ("وفجر انتحاري نفسه أمس قرب حاجز للجيش.", ["explosion"]),
    ("وفجّر الجيش، الأربعاء، مفاجأة بشأن إسقاط الطائرة.", []),
    ("وفجر انقطاع الكهرباء أمس موجة من الغضب في المدينة.", []),
    ("وفجر انتحاري نفسه أمس وسط احتجاجات في ساحة التحرير.", ["explosion"]),
    ("واستهدف مسلحو التنظيم أمس دورية للجيش قرب الحدود.", ["attack"]),
    ("وأعلنت الرياض أمس تصنيف قادة في التنظيم عبر مركز استهداف تمويل الإرهاب.", []),
    ("وتعمل الدول الأعضاء أمس على استهداف شبكات تمويل التنظيم.", []),
])
def test_events_blowing_up_a_surprise_or_targeting_money_is_no_event(text, expected):
    """A word of violence with a figurative or an abstract object (`فجّر مفاجأة`, `استهداف تمويل
    الإرهاب`) tells no explosion and no attack."""
    assert [e.type for e in run(text).events] == expected


@pytest.mark.parametrize("text, expected", [
    ("وسيطرت قوات الجيش أمس على مطار الحديدة.", ["territory_change"]),
    ("وسيطرت فرق الإطفاء أمس على الحريق في المصفاة.", []),
    ("وقالت المصادر أمس إن قيادة الميليشيا تفقد السيطرة على إدارة معركة الحديدة.", []),
])
def test_events_control_of_a_situation_or_a_fire_takes_no_ground(text, expected):
    """After a report of fighting, control of a fire or of running a battle is no ground taken."""
    doc = run("وشن مسلحو الحوثي هجوما على مواقع الجيش قرب المصفاة أمس. " + text)
    assert [e.type for e in doc.events if e.type != "attack"] == expected


@pytest.mark.parametrize("text, expected", [
    ("وقضت المحكمة أمس بإعدام خمسة من عناصر التنظيم.", []),
    ("وقضت المحكمة العسكرية في مصر، الاثنين، بإعدام 4 متهمين.", []),
    ("وقضى القاضي بإعدام ثلاثة من عناصر داعش شنقا.", []),
    ("حكم على الإرهابي عشماوي بالإعدام غيابيا في مصر.", []),
    ("ووجهت إليه أمس اتهامات عقوبتها الإعدام.", []),
    ("وأمر رئيس الوزراء أمس بتنفيذ أحكام الإعدام الصادرة بحق إرهابيين.", []),
    ("ودعا المسلح الحكومة إلى إطلاق المعتقلات، مهددا بإعدام الرهائن لديه.", []),
    ("وأعدم التنظيم أمس خمسة من الرهائن.", ["execution"]),
    ("ونفذ التنظيم أمس حكم الإعدام بحق ثلاثة من الرهائن.", ["execution"]),
    ("وفي ظل الحكم الحوثي أعدمت الميليشيا 3 أسرى في صنعاء أمس.", ["execution"]),
])
def test_events_an_execution_a_court_orders_or_a_gunman_threatens_is_no_event(text, expected):
    """ANNOTATION.md: court cases and threats are no events."""
    assert [e.type for e in run(text).events] == expected


@pytest.mark.parametrize("text, expected", [
    ("وأطلق الحوثيون أمس صاروخا باليستيا على جازان.", ["explosion"]),
    ("وكان لدى الحزب أمس 14 ألف صاروخ.", []),
    ("وضبطت البحرية أمس شحنة صواريخ إيرانية.", ["seizure"]),
    ("وقال السفير لدى الأمم المتحدة إن صاروخا أصاب مدينة مأرب أمس.", ["explosion"]),
    ("وأطلق الحوثيون الذين يملكون ترسانة كبيرة صاروخا على جازان أمس.", ["explosion"]),
    ("وتواصل إيران تهريب الصواريخ إلى الميليشيات.", []),
    ("وقتل ثلاثة مدنيين أمس لدى سقوط قذيفة أطلقها مسلحو داعش على حي سكني.", ["explosion"]),  # لدى: "upon"
])
def test_events_missiles_held_or_smuggled_went_off_nowhere(text, expected):
    assert [e.type for e in run(text).events] == expected


@pytest.mark.parametrize("text, expected", [
    ("وغادر مقاتلوه آخر معاقلهم قرب دمشق بموجب اتفاق إجلاء مع النظام.", ["agreement"]),
    ("وتلقى زعيم الكتائب أموالا نظير دوره في صفقة الإفراج عن الرهائن.", ["agreement"]),
    ("ووقعت الحكومة والجماعة أمس اتفاق السلام في ستوكهولم.", ["agreement"]),
    ("ولجأت إيران إلى تخزين النفط نتيجة الاتفاق النووي المبرم عام 2015.", []),
    ("وانضمت الدولة إلى اتفاقية مكافحة تمويل الإرهاب في 2015.", []),
    ("ووقعت الحكومة والمتمردون صفقة تبادل أسرى أمس.", ["agreement"]),
    ("وكشفت تحقيقات العام الماضي عن صفقة واحدة بيعت فيها قطع منهوبة بمليوني يورو.", []),  # a sale
    ("وأبرم التنظيم أمس صفقة لشراء أسلحة من تجار.", []),
    ("وأعلن الطرفان أمس هدنة تسمح ببيع المحاصيل في الأسواق.", ["agreement"]),  # a truce, whatever it allows
])
def test_events_a_deal_is_one_by_what_it_does_and_a_treaty_is_none(text, expected):
    """OUTPUT.md: agreement is a deal, truce or evacuation between sides; a nuclear treaty or a
    convention is policy, and a deal of selling or buying a trade."""
    assert [e.type for e in run(text).events] == expected


def test_events_issued_with_the_article_is_no_seizure():
    """`الصادر` is "issued" (no verb takes the article): the decision, no confiscation."""
    assert run("وأكد أن الدولة خالفت القرار الصادر عام 2001 عن مجلس الأمن.").events == []


@pytest.mark.parametrize("text, kind", [
    ("وشنت وحدات الجيش أمس هجوما على مواقع التنظيم شرق المدينة.", "clash"),
    ("وشن مسلحو التنظيم أمس هجوما على حاجز للجيش قرب المدينة.", "attack"),
])
def test_events_an_attack_on_an_armed_groups_positions_is_a_clash(text, kind):
    assert only(run(text)).type == kind


def test_events_a_headline_takes_no_day_from_a_background_event_after_its_lead():
    """The headline's attack is the lead's (`تجددت الاشتباكات …`, no day); a dated attack told later
    as background (`وكان الحوثيون شنوا هجوما … في مارس 2015`) does not date it."""
    doc = run("هجوم واسع للقوات الحكومية على مطار الحديدة\n\nتجددت الاشتباكات العنيفة بين القوات الحكومية "
              "والحوثيين في محيط مطار الحديدة.\nوكان الحوثيون شنوا هجوما على مدينة عدن في مارس 2015.",
              published="2018-06-13")
    assert [(e.type, e.date) for e in doc.events] == [("attack", None), ("clash", None), ("attack", "2015-03")]


def test_events_a_headline_event_takes_the_leads_date_when_its_family_gives_none():
    doc = run("إطلاق نار واحتجاز رهائن في متجر جنوب فرنسا\n\nقتل مسلح ثلاثة أشخاص يوم الجمعة في هجوم على "
              "متجر جنوب فرنسا.", published="2018-03-24")
    kidnapping = next(e for e in doc.events if e.type == "kidnapping")
    assert kidnapping.date == "2018-03-23"


@pytest.mark.parametrize("text", [
    "وقال المرصد إن مسلحي التنظيم اختطفوهم، من قرية الشبكي أمس.",
    "وتخطف الميليشيات عشرات المدنيين من منازلهم في المدينة منذ الجمعة.",
])
def test_events_a_kidnapping_with_its_object_as_a_pronoun_or_in_the_present(text):
    assert [e.type for e in run(text).events] == ["kidnapping"]


@pytest.mark.parametrize("text", [
    "وحملت النقابة الحوثيين المسؤولية عن مقتل الصحافي أنور الركن أمس.",
    "وذكر مصدر محلي أن رصاص قناص حوثي قتل المواطن عبده احمد قائد عقلان في حي زيد.",
])
def test_events_a_named_citizen_or_journalist_killed_is_no_leader_killed(text):
    """The whole pipeline: the learned trigger tagger proposes the kill word, a name follows."""
    assert "leader_killed" not in [e.type for e in rasid.extract(text, published=PUBLISHED).events]


def test_events_a_name_a_common_noun_begins_is_no_leader_on_the_rule_path_either():
    """The rule reads a name right after the kill word; the tagger may take the noun into it."""
    doc = run("وأعلنت الشرطة أمس مقتل المواطن عبده عقلان برصاص قناص في حي زيد.",
              mentions=[("المواطن عبده عقلان", "PER")])
    assert "leader_killed" not in [e.type for e in doc.events]
    doc = run("وأعلنت وزارة الدفاع أمس مقتل الملا فضل الله في ضربة قرب الحدود.", mentions=[("الملا فضل الله", "PER")])
    assert "leader_killed" in [e.type for e in doc.events]


def test_events_a_leaders_death_told_by_two_words_of_its_clause_is_one_event():
    doc = rasid.extract("ولقي القيادي الحوثي وليد السراجي مصرعه أمس في منطقة الفازة.", published=PUBLISHED)
    assert [e.type for e in doc.events] == ["leader_killed"]


@pytest.mark.parametrize("text", [
    "وقال قائد الشرطة إن ثلاثة مسلحين لقوا مصرعهم أمس.",
    "وأكد قائد الشرطة أن مسلحا قتل أمس.",
    "وأسفر الهجوم أمس عن مقتل عنصرين وإصابة قائد اللواء.",
    "وأعلن المتحدث باسم الوزارة أمس في بيان مقتل المواطن محمد الرضيع.",
    "وأعلن أمس المتحدث باسم الوزارة مقتل 5 مسلحين.",
])
def test_events_a_leader_who_speaks_of_the_dead_or_is_wounded_is_no_leader_killed(text):
    assert "leader_killed" not in [e.type for e in run(text).events]


def test_events_a_verb_of_clashing_reports_one_clash_with_no_anchor():
    assert only(run("واشتبكت قوات الأمن مع مسلحين قرب الحدود.")).type == "clash"


def test_events_casualties_with_no_trigger_detail_the_fighting_before_them_and_alone_make_none():
    assert run("وقتل 5 عناصر من التنظيم أمس في ريف دير الزور.").events == []
    doc = run("واندلعت اشتباكات عنيفة أمس بين الجيش والتنظيم في المدينة. وأسفرت عن مقتل 12 عنصرا من التنظيم.")
    assert [(e.type, e.killed) for e in doc.events] == [("clash", {"low": 12, "high": 12})]


@pytest.mark.parametrize("text, expected", [
    ("واستعاد الجيش السوري السيطرة عليها في آذار 2016.", [("territory_change", "واستعاد")]),
    ("وتمكنت القوات من استعادة السيطرة على البلدتين.", [("territory_change", "استعادة")]),
    ("وفقدان السيطرة على الأرض يعني فقدان الأموال.", []),
    ("واستعاد الجيش السيطرة على الأرض.", []),  # control with على and a common noun names no place
])
def test_events_regaining_control_of_a_place_named_before_or_in_the_dual(text, expected):
    """Control with على and a pronoun stands for the place a territory trigger needs; a dual
    place noun (البلدتين) is a place; control of `الأرض` in general names none."""
    doc = run(text)
    assert [(e.type, trigger(doc, e)) for e in doc.events] == expected


@pytest.mark.parametrize("text, expected", [
    ("وانتزعت قوات سوريا الديمقراطية أراضي من التنظيم في العام الماضي.", [("territory_change", "وانتزعت")]),
    ("وتمكنت الفصائل من استرداد الأراضي في العام الماضي.", [("territory_change", "استرداد")]),
    ("وبعد خسارة أراضيه بدأ التنظيم في ترتيب نفسه.", []),  # a loss word alone: background
    ("وقررت الحكومة المحلية استرداد أراضي الدولة التي استحوذ عليها متنفذون، وفق بيان صدر الأربعاء.", []),  # civil land
    ("وأدى سقوط الأمطار الغزيرة على الأراضي الزراعية في سهل الغاب، الجمعة، إلى إتلاف المحاصيل.", []),  # rain
])
def test_events_land_taken_is_what_a_territory_change_is_about(text, expected):
    """Land (أراضي) after a word of taking ground is the place taken; after a word of loss alone
    (خسارة, فقدان) it tells a group's decline, no event."""
    doc = run(text)
    assert [(e.type, trigger(doc, e)) for e in doc.events] == expected


@pytest.mark.parametrize("text, expected", [
    ("وكان حقل العمر يدار بالطريقة ذاتها حتى خسره التنظيم في تشرين الأول 2017.", [("territory_change", "خسره")]),
    ("ووصل الجيش إلى بلدة المهاشمة، وحررها الجيش الوطني من الحوثيين الشهر الماضي.", [("territory_change", "وحررها")]),
    ("وقاتل الحوثيون طويلاً في المناطق التي حررها الجيش الوطني.", []),  # a relative clause: where, not what happened
    ("وبعد خسارته تراجعت قوة الحوثيين في المحافظة.", []),  # a noun of loss with its possessor
])
def test_events_a_verb_of_ground_with_the_place_as_its_pronoun_and_a_party_after_it(text, expected):
    """`خسره التنظيم`: the pronoun stands for the place named before, the party after the verb is
    its subject; a verb after a relative pronoun tells where, and a noun with a pronoun is no verb."""
    doc = run(text)
    assert [(e.type, trigger(doc, e)) for e in doc.events] == expected


def test_events_a_further_incident_told_in_detail_after_fa_is_one_event():
    """`بعد أيام من هجوم آخر، ففي ٢٨ من كانون الأول هاجم مسلحون نقطة`: the clause opened by ف tells
    the further attack itself, with its day and its dead: one event, dated by the detail (the
    whole pipeline: the learned tagger proposes the detail's verb)."""
    doc = rasid.extract("أسفر كمين نصبه مسلحو داعش مساء الأربعاء عن مقتل 15 عنصرا من قوات النظام.\n\n"
                        "ويأتي الكمين بعد أيام من هجوم آخر، ففي 28 من كانون الأول هاجم مسلحون نقطة عسكرية "
                        "قرب حقل الشاعر، ما أدى إلى مقتل أربعة عناصر.", published="2023-01-05")
    further = [(trigger(doc, e), e.date, e.killed) for e in doc.events if e.trigger.start > doc.text.index("\n")]
    assert further == [("هجوم", "2022-12-28", {"low": 4, "high": 4})]


@pytest.mark.parametrize("second, expected", [
    ("ويذكر أن واشنطن كانت قد أعلنت في آب 2020 عملية مماثلة.", [("seizure", "2020-08")]),
    ("وتستعد الشرطة لتنفيذ عملية مماثلة في مدن أخرى.", []),  # undated: a kind of operation
])
def test_events_a_similar_operation_with_a_date_of_its_own_is_another_of_that_type(second, expected):
    """`عملية مماثلة` names no type of its own: dated, it is another event of the type told before."""
    doc = run("وصادرت السلطات ثلاثة ملايين دولار من أصول مشفرة لتنظيم داعش يوم الاثنين.\n\n" + second)
    later = [(e.type, e.date) for e in doc.events if e.trigger.start > doc.text.index("\n")]
    assert later == expected


def test_events_the_fall_of_a_groups_last_pocket_is_a_territory_change_dated_back_from_today():
    """`بعد أربع سنوات على سقوط آخر جيب لتنظيم داعش`: a pocket (جيب) is a place a group holds, and
    the sentence that opens on `بعد … على` dates what it names that long before the report."""
    doc = run("بعد أربع سنوات على سقوط آخر جيب لتنظيم داعش في بلدة الباغوز، لا تزال خلاياه تشن الهجمات.",
              published="2023-05-14")
    assert [(e.type, trigger(doc, e), e.date) for e in doc.events if e.type == "territory_change"] == [
        ("territory_change", "سقوط", "2019")]


@pytest.mark.parametrize("text, expected", [
    ('مرت سنوات على خروج تنظيم "داعش" من حقول النفط في ريف دير الزور، وما زالت خلاياه تطالب بحصتها حتى اليوم.',
     [("territory_change", "خروج", None)]),  # `حتى اليوم` ends a span: it dates nothing
    ("ويطالب السكان بخروج المسلحين من المدينة قبل الانتخابات.", []),  # asked for, not done
    ("وخرج المتظاهرون من الساحة بعد الظهر.", []),  # no armed group leaves
])
def test_events_an_armed_group_leaving_a_place_is_a_territory_change(text, expected):
    """`خروج` is a territory change only with an armed group right after it (quotes and all), من and
    a place after that, and told as done (`مرت سنوات على`: years have passed since)."""
    doc = run(text)
    assert [(e.type, trigger(doc, e), e.date) for e in doc.events] == expected


def test_events_fighting_told_as_still_going_on_takes_no_date_from_the_event_before():
    """`ولا تزال قسد تقاتل داعش` after a taking of ground dated last year: the fighting is told
    as going on now, not as of that year."""
    doc = run("وانتزعت قوات سوريا الديمقراطية أراضي من التنظيم في عام 2019. "
              "ولا تزال قوات سوريا الديمقراطية تقاتل داعش في بعض المناطق الصحراوية.")
    assert [(e.type, e.date) for e in doc.events] == [("territory_change", "2019"), ("clash", None)]


@pytest.mark.parametrize("text, first_word", [
    ("ولقي القياديان الحوثيان أبو زيد وعبدالرحمن رسام مصرعهما مع عدد من العناصر.", "ولقي"),
    ("كما لقيت قيادات حوثية أخرى مصرعها خلال اليومين الماضيين.", "لقيت"),
    ("ونعت الميليشيا ثلاثة من قياداتها البارزين لقوا مصرعهم في جبهات مختلفة.", "لقوا"),
    ("ولم تستطع الميليشيات إيجاد البدائل للقيادات التي لقيت مصرعها.", None),  # background
    ("ولقي القياديان في تنظيم داعش أبو حفص العراقي وأبو خطاب الأنباري مصرعهما في كمين.", "ولقي"),  # long names
    ("وبلغ عدد القتلى 20 مسلحاً، بينهم قادة ميدانيون لقوا مصرعهم في القصف.", None),  # among other dead
    ("وتمكن قادة الجيش من صد الهجوم، ولقي عدد من المهاجمين مصرعهم.", None),  # another clause's subject
])
def test_events_leaders_who_met_their_death_are_leaders_killed(text, first_word):
    """Two or more leaders as the subject of `لقي … مصرعهم` (met their death): every one of the
    dead a leader, a leader_killed whose trigger starts at the verb; in a relative clause,
    leaders lost told as background."""
    doc = run(text)
    found = [trigger(doc, e).split()[0] for e in doc.events if e.type == "leader_killed"]
    assert found == ([first_word] if first_word else [])


@pytest.mark.parametrize("text", [
    "وخلال حلقة المواجهة، قام الفنان بخطف المتسابقة وضمها إلى فريقه.",  # a song contest
    "ورد الفنان على هجوم الجمهور عليه عبر حسابه على تويتر.",  # criticism
    "ووقعت الشركتان اتفاقية لبناء مصنع للبتروكيماويات بقيمة ملياري ريال.",  # a trade deal
])
def test_events_a_report_that_tells_of_no_armed_conflict_has_no_events(text):
    """Events are of armed conflict and violence: a report that names no armed group, no force,
    no means of violence and no dead or wounded has none, whatever its words read as."""
    assert run(text).events == []


@pytest.mark.parametrize("text, kind", [
    ("وانفجرت عبوة ناسفة قرب السوق صباح اليوم.", "explosion"),  # a means of violence
    ("احتجز رهائن داخل متجر في البلدة يوم الجمعة.", "kidnapping"),
    ("وهاجم الجيش مواقع في ريف المدينة أمس.", "attack"),  # a force
])
def test_events_a_report_of_violence_has_its_events_with_no_group_named(text, kind):
    assert kind in [e.type for e in run(text).events]


def test_events_a_territory_change_takes_no_casualties_of_its_sentence():
    """The dead told with a taking of ground are the fighting's, not the territory change's
    (ANNOTATION.md: the interval the text gives for that event)."""
    doc = run("وسيطرت القوات الحكومية على مدينة هجين الأحد بعد اشتباكات أسفرت عن مقتل 20 مسلحا.")
    changes = [e for e in doc.events if e.type == "territory_change"]
    assert changes and all(e.killed is None and e.injured is None for e in changes)


def test_events_a_learned_verbal_noun_of_taking_ground_needs_to_be_told_as_done():
    """The tagger's `انتزاع السيطرة` is held to the lexicon's rule for verbal nouns of taking ground."""
    def kinds(text):
        return [e.type for e in rasid.extract(text, published="2021-03-10").events]
    assert "territory_change" not in kinds("ونقل التقرير عن قائد في التنظيم قوله إن انتزاع السيطرة على "
                                           "المناجم من جماعات مسلحة أخرى يتطلب مقاتلين.")
    assert "territory_change" in kinds("وتمكن الجيش من انتزاع السيطرة على المناجم من الجماعات المسلحة.")


@pytest.mark.parametrize("text", [
    "وقال إن الوضع هادئ بعدما اشتبكت دوريات الشرطة مع المسلحين قرب الحدود.",  # بعد + ما, no عدم with an alef
    "ولما اشتبكت قوات الأمن مع المسلحين قرب الحدود فر السكان.",  # لما: `when`, no لم with an alef
])
def test_events_a_particle_that_spells_a_negation_with_an_alef_negates_nothing(text):
    assert [e.type for e in run(text).events] == ["clash"]


@pytest.mark.parametrize("text", [
    "وأحبطت قوات الأمن محاولة لشن هجوم على مقر البرلمان أمس.",
    "وأحبطت القوات المشتركة محاولة تسلل لمسلحي الجماعة إلى مواقعها أمس.",
    "وأحبط الجيش هجوما للتنظيم على حاجز عسكري أمس.",
])
def test_events_a_foiled_attack_or_attempt_happened(text):
    """The annotators mark `أحبطت هجوماً` and `إحباط محاولة تسلل` as attacks: made and repelled."""
    doc = rasid.extract(text, published=PUBLISHED)
    assert [e.type for e in doc.events] == ["attack"], [trigger(doc, e) for e in doc.events]
    assert "حبط" not in trigger(doc, doc.events[0])  # the foiling word is no event of its own


@pytest.mark.parametrize("text", [
    "وقال مسؤول إن التنظيم يحاول شن هجوم على المدينة.",
    "وأحبطت الشرطة مخططا لشن هجوم على المدينة.",  # a plot foiled stays a plan
])
def test_events_an_attempt_or_a_plot_not_foiled_is_no_event(text):
    assert run(text).events == []


def test_events_an_attack_told_with_the_bomb_that_did_it_is_an_explosion():
    """`وفي هجوم منفصل، قتل 3 … حين انفجرت قنبلة`: one incident, named by the word that says how
    it was done (ANNOTATION.md: a bomb is an explosion where the text says هجوم)."""
    doc = run("وفي هجوم منفصل، قتل 3 مدنيين وجرح آخرون حين انفجرت قنبلة في سوق شعبي.")
    assert [(e.type, trigger(doc, e)) for e in doc.events] == [("explosion", "انفجرت")]
    doc = run("وسيطر التنظيم على أجزاء من المدينة أمس بعد هجوم تخلله تفجير انتحاري.")
    assert "territory_change" in [e.type for e in doc.events]  # a taking of ground is no bare attack


def test_events_a_further_incident_in_the_sentence_is_its_own_event():
    doc = run("وانفجرت سيارة مفخخة قرب نقطة تفتيش أمس، وسمع دوي انفجار عبوة أخرى قرب السوق المجاور.")
    assert [e.type for e in doc.events] == ["explosion", "explosion"]
    assert [e.type for e in run("وانفجرت سيارة مفخخة قرب نقطة تفتيش أمس، وأدى الانفجار إلى مقتل 3.").events] == ["explosion"]


def test_events_a_date_counted_back_from_the_story_dates_only_what_follows_it():
    doc = run("وجاء التفجير بعد يوم على هجوم مماثل أسفر عن مقتل 9 أشخاص.")
    assert [(trigger(doc, e), e.date) for e in doc.events if e.type == "attack"] == [("هجوم", "2021-03-09")]
    assert all(e.date is None for e in doc.events if e.type == "explosion")


def test_events_a_further_incident_neither_gives_nor_takes_the_leads_date():
    """`ويأتي ذلك بعد أسبوعين من هجوم مشابه`: two weeks before publication, another attack; the lead's attack,
    announced on Saturday, keeps its day."""
    doc = run("وقال ضابط، السبت، إن قوات الأمن أحبطت هجوما على القصر.\n"
              "ويأتي ذلك بعد أسبوعين من هجوم مشابه على مقر وزارة العدل أسفر عن مقتل 9 أشخاص.")
    assert [(trigger(doc, e), e.date) for e in doc.events] == [("هجوما", "2021-03-06"), ("هجوم", "2021-02-24")]


def test_events_a_sum_told_again_is_the_same_event_and_takes_its_date():
    """The official's words in the next paragraph restate the seizure of the lead with its sum: the
    same event, the lead's day; a count of dead is no such sum (two attacks may each kill four)."""
    doc = run("وأعلن مسؤول، الاثنين، أن السلطات صادرت نحو مليوني دولار من أموال التنظيم.\n"
              "وقال المسؤول إن الوزارة \"صادرت نحو مليوني دولار كانت في حسابات مصرفية\".")
    assert [e.date for e in doc.events if e.type == "seizure"] == ["2021-03-08", "2021-03-08"]
    doc = run("ودفعت عائلة التاجر فدية قدرها مئة ألف دولار للخاطفين يوم الاثنين.\n"
              "وفي حادثة منفصلة، أفرج مسلحون عن طبيب بعد أن دفع ذووه مئة ألف دولار.")
    assert [e.date for e in doc.events if e.type == "funds_transfer"][1:] == [None]  # the report's own second sum
    doc = run("قتل أربعة جنود في هجوم شنه مسلحون على حاجز للجيش يوم الاثنين.\n"
              "وفي حادث آخر، قتل أربعة عناصر من الشرطة في هجوم على نقطة أمنية.")
    assert [e.date for e in doc.events] == ["2021-03-08", None]


def test_events_fighting_told_as_going_on_keeps_the_day_it_was_told():
    """`قال المرصد، السبت، إن اشتباكات ضارية تدور` … `المعارك المستمرة منذ فجر الجمعة`: going on
    on Saturday, whatever day it began."""
    doc = run("قال المرصد، السبت، إن اشتباكات ضارية تدور في المدينة.\n"
              "وأسفرت المعارك المستمرة منذ فجر الجمعة عن مقتل 20 عنصرا.")
    assert [e.date for e in doc.events if e.type == "clash"][:1] == ["2021-03-06"]
    doc = run("قال المرصد، السبت، إن اشتباكات عنيفة اندلعت في المدينة.\n"
              "وأسفرت المعارك التي بدأت فجر الجمعة عن مقتل 20 عنصرا.")
    assert [e.date for e in doc.events if e.type == "clash"][:1] == ["2021-03-05"]


@pytest.mark.parametrize("text, expected", [
    ("قتل التنظيم المتطرف رهينة ثالثة من الرعاة الذين خطفهم.", ["execution"]),
    ("وقتل المسلحون إحدى المختطفات أمس.", ["execution"]),
    ("وتكبدت ميليشيات الحوثي عشرات القتلى والجرحى والأسرى.", []),  # captives counted beside the dead
    ("داعش يقتل إحدى مختطفات السويداء في ريف المدينة.", ["execution"]),
    ("قتل جنديان خلال عملية تحرير رهائن في المدينة.", []),  # a preposition first: no object
    ("قتل مسلحو داعش حراس سجن المحتجزين.", []),  # the guards are killed, not the held
    ("قتل أحد المسلحين حارسا للأسرى.", []),
])
def test_events_killing_a_captive_is_an_execution(text, expected):
    assert [e.type for e in run(text).events] == expected


def test_events_a_new_attack_is_the_story_not_a_further_incident():
    """`هجوم جديد` is most often the story itself: it keeps its date and gives it to its details."""
    doc = run("وقع يوم الأحد هجوم جديد على موقع للجيش. وأوضح المصدر أن الهجوم أسفر عن مقتل ثلاثة جنود.")
    assert [e.date for e in doc.events if e.type == "attack"][:1] == ["2021-03-07"]
    assert all(e.date == "2021-03-07" for e in doc.events)


@pytest.mark.parametrize("text, expected", [
    ("وقال المسؤول إن القوات لم تسجل أي هجوم على الطريق منذ شهر.", []),
    ("وتساءل السكان عن أي هجوم يتحدث الجيش.", []),  # only `أي` makes this one no report
    ("ونفى مسؤول، فضل عدم ذكر اسمه، أن يكون للتنظيم أي سيطرة على الطرق الرئيسية.", []),
    ("وشن مسلحو التنظيم هجوما على الطريق أمس.", ["attack"]),
])
def test_events_any_before_an_event_word_asks_or_denies(text, expected):
    assert [e.type for e in run(text).events] == expected


def test_events_the_event_told_again_beside_another_is_not_a_new_one():
    """`ويأتي الهجوم بعد يومين من …`: the report's attack set beside an earlier one, whose date and
    dead are not its own."""
    doc = run("وقتل مسلحون ثلاثة جنود في هجوم على حاجز عسكري أمس.\nوأعلنت السلطات حالة التأهب في المدينة.\n"
              "ويأتي الهجوم بعد يومين من شن مسلحين عدة اعتداءات استهدفت مراكز للشرطة الأربعاء، ما أسفر عن "
              "مقتل عشرة أشخاص.")
    assert "الهجوم" not in [trigger(doc, e) for e in doc.events]


def test_events_deaths_told_before_the_attack_they_happened_in_are_that_attack():
    """`وقتل مسلحون ثلاثة جنود في هجوم على حاجز`: one incident, named by the attack (the learned
    tagger reads the killing as an attack too)."""
    text = "وقتل مسلحون ثلاثة جنود في هجوم على حاجز عسكري أمس.\nوأعلنت السلطات حالة التأهب في المدينة."
    doc = rasid.extract(text, published=PUBLISHED)
    assert [(e.type, trigger(doc, e)) for e in doc.events] == [("attack", "هجوم")]


@pytest.mark.parametrize("text, word", [
    ("وجاء الهجوم الذي أسفر عن مقتل خمسة جنود قرب الحدود فجر اليوم.", "الهجوم"),
    ("وجاء انفجار السيارة المفخخة في السوق المركزي صباح اليوم وقتل فيه عشرة مدنيين.", "انفجار"),
])
def test_events_a_verb_of_coming_before_an_event_told_nowhere_before_keeps_it(text, word):
    """Only an event an earlier sentence told is set beside another by `جاء`/`يأتي`."""
    assert [trigger(run(text), e) for e in run(text).events] == [word]


def test_events_an_attack_after_another_is_not_the_other():
    """`بعد هجوم مماثل … الأسبوع الماضي`: killing after an earlier attack is not that attack."""
    text = "وقتل مسلحون ثلاثة جنود اليوم بعد هجوم مماثل شنه التنظيم على الحاجز نفسه الأسبوع الماضي.\n" \
           "وأعلنت السلطات حالة التأهب في المدينة."
    assert len(rasid.extract(text, published=PUBLISHED).events) == 2


@pytest.mark.parametrize("text", [
    "وعادة ينفذ مسلحو التنظيم هجمات تستهدف حواجز الجيش في البادية.",  # what they do, not what they did
    "ودمرت القوات مخابئ يشن منها عناصر التنظيم هجمات على القرى.",
])
def test_events_attacks_a_group_carries_out_as_a_habit_are_no_event(text):
    assert run(text).events == []


def test_events_a_ceasefire_is_no_shooting():
    doc = run("وانتقل مئات المسلحين إلى الشمال بموجب اتفاقات وقف إطلاق نار في مناطق عدة.")
    assert all(e.type != "attack" for e in doc.events)


@pytest.mark.parametrize("text, verb", [('وأطلق الجيش عملية عسكرية أطلق عليها اسم "الفجر" لاستعادة الطريق.', "أطلق"),
                                        ("وأطلق الجيش حملة لتطهير الطريق من الألغام.", "أطلق"),
                                        ("وتخوض القوات الحكومية معارك عنيفة مع المسلحين في أطراف المدينة.", "تخوض")])
def test_events_a_verb_of_carrying_out_alone_is_no_learned_trigger(text, verb):
    doc = rasid.extract(text, published="2021-03-10")  # with the learned tagger
    assert not [e for e in doc.events if trigger(doc, e).endswith(verb)]


@pytest.mark.parametrize("text", ["وأطلقت المنظمة نداء لوقف الهجمات على المدنيين في المدينة.",
                                  "وأطلقت الحكومة حملة لمكافحة التفجيرات في العاصمة."])
def test_events_launching_a_call_or_a_campaign_against_attacks_reports_none(text):
    assert rasid.extract(text, published="2021-03-10").events == []


@pytest.mark.parametrize("text", [
    "ويبسط مسلحو الجماعة سيطرتهم على مطار المدينة وقاعدتها الجوية.",  # held, as it is now
    "ويحكم مقاتلو الجبهة سيطرتهم على المحافظة منذ سنوات.",
    "وتبسط قوات سوريا الديمقراطية سيطرتها على المدينة منذ عام 2017.",  # past a subject of four words
    "وفي حال سيطرت القوات على المدينة فسيكون ذلك أكبر انتصار لها.",  # a condition
])
def test_events_control_held_or_on_a_condition_is_no_territory_change(text):
    doc = rasid.extract(text, published="2021-03-10")
    assert "territory_change" not in [e.type for e in doc.events]


def test_events_control_taken_with_a_verb_of_holding_in_the_past_is_one():
    doc = rasid.extract("وبسط مسلحو الجماعة سيطرتهم على مطار المدينة أمس.", published="2021-03-10")
    assert "territory_change" in [e.type for e in doc.events]


@pytest.mark.parametrize("text", [
    "وأكدت القيادة أن الفرق الهندسية اكتشفت 12 عبوة ناسفة مزروعة على الطريق.",  # devices found
    "ونزعت فرق الهندسة أكثر من 150 عبوة ناسفة من الطرق الزراعية.",
    "وأعلن المتحدث أن القوات ضبطت صاروخاً في الميناء.",
    "وتحركت القوات فجراً نحو البلدة لتمشيطها.",  # at dawn, no detonation
])
def test_events_devices_handled_and_dawn_are_no_explosion(text):
    doc = rasid.extract(text, published="2021-03-10")
    assert "explosion" not in [e.type for e in doc.events]


@pytest.mark.parametrize("text", ["وانفجرت عبوة ناسفة بدورية للجيش قرب المدينة أمس.",
                                  "وفجّرا نفسيهما قرب حاجز للشرطة أمس.",
                                  "وأكد البيان الصادر عن القيادة سقوط صاروخ على قاعدة عسكرية أمس.",  # صادر: issued
                                  "ودعت الأمم المتحدة إلى ضبط النفس بعد سقوط قذيفة على حي سكني أمس."])
def test_events_a_device_that_went_off_is_an_explosion(text):
    doc = rasid.extract(text, published="2021-03-10")
    assert "explosion" in [e.type for e in doc.events]


def test_events_qad_before_a_perfect_verb_that_begins_with_ta_tells_it_happened():
    doc = run("وقد تمكنت القوات الحكومية من تحرير ميناء الصليف شمال المدينة.")
    assert [e.type for e in doc.events] == ["territory_change"]


@pytest.mark.parametrize("text", [
    "وشهدت أطراف البلدة اشتباكات بين قوات الجيش ومسلحي التنظيم.",  # the sides it was fought between
    "وقتل عدد من المسلحين خلال مواجهات مع قوات الأمن في ضواحي المدينة.",
])
def test_events_fighting_between_named_sides_is_reported(text):
    assert [e.type for e in run(text).events] == ["clash"]


def test_events_fighting_with_no_side_named_after_it_needs_an_anchor():
    assert run("وتتكرر المواجهات في ضواحي المدينة.").events == []


@pytest.mark.parametrize("text", [
    "واسترد الجيش بلدة الشيخ مسكين من مسلحي التنظيم أمس.",
    "وانتزعت القوات الكردية قرى عدة من التنظيم الأسبوع الماضي.",
])
def test_events_verbs_of_recovering_or_wresting_ground_are_territory_changes(text):
    assert [e.type for e in run(text).events] == ["territory_change"]


def test_events_money_paid_or_handed_over_is_a_funds_transfer():
    assert "funds_transfer" in [e.type for e in run("ودفعت الحكومة فدية قدرها 5 ملايين دولار للخاطفين أمس.").events]
    assert "funds_transfer" in [e.type for e in run("وسلمت الشركة مليوني دولار للتنظيم الشهر الماضي.").events]
    assert run("ودفع الجيش بتعزيزات كبيرة إلى المدينة.").events == []  # no money: sending troops


@pytest.mark.parametrize("text", ["وتفرج الجماعة عن المخطوفين عادة مقابل دفع مبالغ كبيرة.",
                                  "وتجبر الجماعة أصحاب المحلات على دفع الأموال لعناصرها."])
def test_events_paying_as_a_condition_or_a_levy_is_no_transfer(text):
    assert "funds_transfer" not in [e.type for e in run(text).events]


@pytest.mark.parametrize("text", [
    "ناقش المبعوث سبل التوصل إلى اتفاق بين الحكومة والمسلحين.",  # no fighting between them
    "وأشار إلى أن هجمات المسلحين مع قوات الجيش تراجعت.",  # مع after a party in construct
])
def test_events_sides_named_after_no_fighting_noun_report_nothing(text):
    assert run(text).events == []


def test_events_fighting_in_a_place_whose_name_begins_like_a_present_verb_is_reported():
    assert [e.type for e in run("وشهدت مدينة تعز اشتباكات بين القوات الحكومية والمسلحين.").events] == ["clash"]


@pytest.mark.parametrize("text, kind", [
    ("وقد تمكن الجيش من تحرير مدينة الرمادي أمس.", "territory_change"),  # وقد opening a clause: the past
    ("وقد تصدت القوات لهجوم شنه مسلحو التنظيم على حاجز أمس.", "attack"),
])
def test_events_waqad_before_a_ta_verb_tells_the_past(text, kind):
    assert kind in [e.type for e in run(text).events]


@pytest.mark.parametrize("text", ["وتحررت الرهينة الفرنسية في مالي أمس.", "وضبط الجيش عبوة ناسفة في سيارة عند الحاجز."])
def test_events_a_freed_hostage_or_a_seized_device_is_no_event_of_their_kind(text):
    assert not {"territory_change", "explosion"} & {e.type for e in rasid.extract(text, published="2021-03-10").events}


@pytest.mark.parametrize("text, expected", [
    ("ويجمع التنظيم أموالا تسمح لخلاياه بالاستمرار في شن الهجمات على القرى.", []),
    ("ويبحث التقرير في المصادر التي تسمح للتنظيم بشن هجوم جديد.", []),
    ("وشن التنظيم أمس هجوما على حاجز للجيش، في عملية تسمح له بالتقدم نحو المدينة.", ["attack"]),
])
def test_events_what_money_allows_a_group_is_no_event(text, expected):
    """`تسمح لخلاياه بالاستمرار في شن الهجمات`: an ability, as `قدرته على`; it governs only
    the words right after it, not an attack told before it."""
    assert [e.type for e in run(text).events] == expected
