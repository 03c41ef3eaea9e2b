"""Reports written for the corpus tests, annotated the way the extraction stages will annotate them.

`Report` builds a `Document` whose mentions, entities, events, claims and sources point at
substrings of a text written here, so the corpus layer can be tested before the stages that
fill these lists exist. The tests of this module check the builder keeps offsets honest.
"""
from __future__ import annotations

from dataclasses import dataclass

from rasid.document import Claim, Document, Entity, Event, Mention, Quantity, Segment, Source, Time
from rasid.text.segment import paragraphs


@dataclass(slots=True)
class PlaceEntity(Entity):
    """An entity with the extra fields the linking stage adds (OUTPUT.md allows extra fields)."""
    admin1: str | None = None
    geo_precision: int | None = None
    kind: str | None = None


# Knowledge-base entities used across the tests (ids as in resources/kb).
ISIS = dict(type="ORG", kb="rasid:org/isis", name="داعش", name_en="Islamic State (ISIS)", kind="armed_group")
ARMY = dict(type="ORG", kb="rasid:org/saa", name="قوات النظام", name_en="Syrian Arab Army", country="SY",
            kind="state_force")
AMAQ = dict(type="ORG", kb="rasid:org/amaq", name="أعماق", name_en="Amaq News Agency", kind="group_media")
SYRIA = dict(type="LOC", kb="rasid:place/country-SY", name="سوريا", name_en="Syria", country="SY",
             lat=35.0, lon=38.5, kind="country", geo_precision=3)
HOMS = dict(type="LOC", kb="rasid:place/homs-governorate", name="حمص", name_en="Homs", country="SY",
            admin1="Homs", lat=34.5, lon=37.8, kind="admin1", geo_precision=3)
SUKHNA = dict(type="LOC", kb="rasid:place/al-sukhnah", name="السخنة", name_en="Al-Sukhnah", country="SY",
              admin1="Homs", lat=34.88, lon=38.87, kind="town", geo_precision=1)
PALMYRA = dict(type="LOC", kb="rasid:place/palmyra", name="تدمر", name_en="Palmyra", country="SY",
               admin1="Homs", lat=34.56, lon=38.28, kind="city", geo_precision=1)
OMAR = dict(type="LOC", kb="rasid:place/al-omar-field", name="حقل العمر", name_en="Al-Omar oil field",
            country="SY", admin1="Deir ez-Zor", lat=35.05, lon=40.55, kind="field", geo_precision=2)
TANAK = dict(type="LOC", kb="rasid:place/al-tanak-field", name="حقل التنك", name_en="Al-Tanak oil field",
             country="SY", admin1="Deir ez-Zor", lat=34.87, lon=40.68, kind="field", geo_precision=2)


class Report:
    """A document being annotated: every record is placed by the substring it covers."""

    def __init__(self, text: str, id: str, published: str | None = None, outlet: str | None = None):
        self.doc = Document(text=text, id=id, published=published, outlet=outlet, title=f"تقرير {id}")
        self.doc.paragraphs = paragraphs(text)
        self._n = {}

    def _id(self, prefix: str) -> str:
        self._n[prefix] = self._n.get(prefix, 0) + 1
        return f"{prefix}{self._n[prefix]}"

    def find(self, surface: str, nth: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = self.doc.text.index(surface, start + 1)
        return start, start + len(surface)

    def entity(self, surface: str, nth: int = 0, *, type: str = "ORG", kb: str | None = None,
               name: str | None = None, **attrs) -> str:
        eid = self._id("e")
        self.doc.entities.append(PlaceEntity(id=eid, type=type, kb=kb, name=name or surface,
                                             aliases=[], **attrs))
        self.mention(surface, eid, nth)
        return eid

    def mention(self, surface: str, eid: str, nth: int = 0) -> None:
        start, end = self.find(surface, nth)
        kind = next(e.type for e in self.doc.entities if e.id == eid)
        self.doc.mentions.append(Mention(self._id("m"), start, end, surface, kind, eid))

    def quantity(self, surface: str, value=None, *, low=None, high=None, qualifier="exact", unit=None,
                 per=None, item=None, nth: int = 0) -> str:
        start, end = self.find(surface, nth)
        qid = self._id("q")
        if qualifier == "exact" and low is None and high is None:
            low = high = value
        self.doc.quantities.append(Quantity(qid, start, end, surface, value, low, high, qualifier, unit, per, item))
        return qid

    def time(self, surface: str, value: str, precision: str, nth: int = 0) -> str:
        start, end = self.find(surface, nth)
        tid = self._id("t")
        self.doc.times.append(Time(tid, start, end, surface, value, precision))
        return tid

    def source(self, surface: str | None, kind: str, entity: str | None = None, cue: str | None = None,
               hedged: bool = False) -> Source:
        if surface is None:
            return Source(self.doc.outlet, kind)
        start, end = self.find(surface)
        return Source(surface, kind, entity, cue, hedged, start, end)

    def event(self, trigger: str, type: str, *, evidence: str | None = None, date: str | None = None,
              actors=(), targets=(), location=None, killed=None, injured=None, source: Source | None = None) -> str:
        vid = self._id("v")
        t = Segment(*self.find(trigger))
        e = Segment(*self.find(evidence)) if evidence else t
        precision = {4: "year", 7: "month", 10: "day"}.get(len(date)) if date else None
        self.doc.events.append(Event(vid, type, t, e, date, precision, location, list(actors), list(targets),
                                     _interval(killed), _interval(injured), [], source))
        return vid

    def claim(self, evidence: str, channel: str, role: str, *, actor=None, asset=None, quantities=(),
              time=None, location=None, polarity="affirmed", source: Source | None = None) -> str:
        cid = self._id("c")
        self.doc.claims.append(Claim(cid, channel, role, Segment(*self.find(evidence)), actor, asset,
                                     list(quantities), time, location, polarity, source))
        return cid

    def dict(self) -> dict:
        return self.doc.to_dict(with_text=True)


def _interval(value):
    if value is None:
        return None
    if isinstance(value, dict):
        return value
    return {"low": value, "high": value}


def test_corpus_builders_offsets_hold_for_every_record():
    r = Report("قال مصدر إن داعش هاجم قوات النظام قرب السخنة وقتل 20 عنصرا.", "x", "2021-01-01", "منفذ")
    isis = r.entity("داعش", **ISIS)
    army = r.entity("قوات النظام", **ARMY)
    r.quantity("20 عنصرا", 20, unit="person")
    r.event("هاجم", "attack", date="2021-01-01", actors=[isis], targets=[army], killed=20,
            source=r.source("مصدر", "anonymous"))
    data = r.dict()
    text = data["doc"]["text"]
    for key in ("mentions", "quantities"):
        for record in data[key]:
            assert text[record["start"]:record["end"]] == record["text"]
    assert data["entities"][0]["kind"] == "armed_group" and data["events"][0]["killed"] == {"low": 20, "high": 20}
    source = data["events"][0]["source"]
    assert text[source["start"]:source["end"]] == source["text"] == "مصدر"


# --- a small corpus written for the tests ------------------------------------------------
# r1 and r2 share a researcher's paragraph (r2 re-publishes it) and report one ambush with
# different death tolls; r3 and r4 give oil figures for fields; r2 ties a kunya to a full name.

RESEARCHER = ("وقال الباحث في شؤون الجماعات المسلحة خالد العمر إن التنظيم ما زال يعتمد على بيع النفط الخام "
              "للمهربين في البادية، وإنه يحول جزءاً من عائداته إلى تركيا عبر وسطاء بعيداً عن أعين الرقابة المالية.")


def r1() -> Report:
    text = "\n".join([
        "كمين جديد في البادية",
        "قتل أكثر من 20 عنصراً من قوات النظام يوم الاثنين الأول من آذار في كمين نصبه تنظيم داعش لرتل عسكري "
        "قرب مدينة السخنة في ريف حمص الشرقي.",
        RESEARCHER,
        "وأكد المرصد المحلي أن التنظيم يتلقى تبرعات من أنصاره في الخارج عبر حسابات إلكترونية مجهولة تدار "
        "من خارج البلاد منذ أشهر.",
    ])
    r = Report(text, "r1", "2021-03-02", "شبكة الرصد")
    isis = r.entity("داعش", **ISIS)
    r.mention("التنظيم", isis)
    r.mention("التنظيم", isis, 1)
    army = r.entity("قوات النظام", **ARMY)
    sukhna = r.entity("السخنة", **SUKHNA)
    r.entity("حمص", **HOMS)
    umar = r.entity("خالد العمر", type="PER")
    turkey = r.entity("تركيا", type="LOC", kb="rasid:place/country-TR", name_en="Turkey", country="TR",
                      lat=39.0, lon=35.0, kind="country", geo_precision=3)
    r.quantity("أكثر من 20 عنصراً", 20, low=20, high=None, qualifier="more_than", unit="person")
    r.event("كمين", "attack", evidence="قتل أكثر من 20 عنصراً", date="2021-03-01", actors=[isis],
            targets=[army], location=sukhna, killed={"low": 20, "high": None}, source=r.source(None, "outlet"))
    researcher = r.source("خالد العمر", "researcher", umar, "قال")
    r.claim("يعتمد على بيع النفط الخام للمهربين", "oil", "revenue", actor=isis, source=researcher)
    r.claim("يحول جزءاً من عائداته إلى تركيا عبر وسطاء", "oil", "transfer", actor=isis, location=turkey,
            source=researcher)
    r.claim("يتلقى تبرعات من أنصاره في الخارج", "donations", "revenue", actor=isis,
            source=r.source("المرصد المحلي", "media", cue="أكد"))
    return r


def r2() -> Report:
    text = "\n".join([
        "التنظيم يتبنى هجوم البادية",
        "وأعلن تنظيم الدولة عبر وكالة أعماق مقتل 27 عنصراً من قوات النظام في هجوم على رتل عسكري في بادية حمص "
        "يوم الاثنين، ونشر صوراً قال إنها للهجوم.",
        RESEARCHER,
        "كما ذكرت الوكالة أن أبو محمد الشامي، واسمه الحقيقي سامر الحلبي، يشرف على تجارة النفط في التنظيم منذ عامين.",
    ])
    r = Report(text, "r2", "2021-03-03", "وكالة الشرق")
    isis = r.entity("تنظيم الدولة", name="داعش", **{k: v for k, v in ISIS.items() if k != "name"})
    r.mention("التنظيم", isis, 1)
    amaq = r.entity("أعماق", **AMAQ)
    army = r.entity("قوات النظام", **ARMY)
    homs = r.entity("حمص", **HOMS)
    umar = r.entity("خالد العمر", type="PER")
    turkey = r.entity("تركيا", type="LOC", kb="rasid:place/country-TR", name_en="Turkey", country="TR",
                      lat=39.0, lon=35.0, kind="country", geo_precision=3)
    r.entity("أبو محمد الشامي", type="PER")
    r.entity("سامر الحلبي", type="PER")
    r.quantity("27 عنصراً", 27, unit="person")
    r.event("هجوم", "attack", evidence="مقتل 27 عنصراً", date="2021-03-01", actors=[isis], targets=[army],
            location=homs, killed=27, source=r.source("أعماق", "group", amaq, "أعلن"))
    researcher = r.source("خالد العمر", "researcher", umar, "قال")
    r.claim("يعتمد على بيع النفط الخام للمهربين", "oil", "revenue", actor=isis, source=researcher)
    r.claim("يحول جزءاً من عائداته إلى تركيا عبر وسطاء", "oil", "transfer", actor=isis, location=turkey,
            source=researcher)
    return r


def r3() -> Report:
    text = "\n".join([
        "وبحسب تقرير لمعهد دراسات الطاقة فإن حقل العمر كان ينتج 34 ألف برميل نفط يومياً حين كان التنظيم "
        "يسيطر عليه، في حين كان حقلا التنك والورد ينتجان معاً 25 ألف برميل يومياً.",
        "ويدير سامر الحلبي شبكة تهريب النفط نحو الحدود انطلاقاً من ريف دير الزور.",
    ])
    r = Report(text, "r3", "2021-04-10", "صحيفة الأفق")
    isis = r.entity("التنظيم", name="داعش", **{k: v for k, v in ISIS.items() if k != "name"})
    omar = r.entity("حقل العمر", **OMAR)
    tanak = r.entity("التنك", name="حقل التنك", **{k: v for k, v in TANAK.items() if k != "name"})
    r.entity("سامر الحلبي", type="PER")
    r.entity("دير الزور", type="LOC")
    q34 = r.quantity("34 ألف برميل نفط يومياً", 34000, unit="barrel", per="day", item="oil")
    q25 = r.quantity("25 ألف برميل يومياً", 25000, unit="barrel", per="day", item="oil")
    report = r.source("تقرير لمعهد دراسات الطاقة", "report", cue="بحسب")
    r.claim("حقل العمر كان ينتج 34 ألف برميل نفط يومياً", "oil", "asset", actor=isis, asset=omar,
            quantities=[q34], source=report)
    r.claim("حقلا التنك والورد ينتجان معاً 25 ألف برميل يومياً", "oil", "asset", actor=isis, asset=tanak,
            quantities=[q25], source=report)
    return r


def r4() -> Report:
    text = "\n".join([
        "ونقل الموقع عن مهندس سابق في حقل العمر قوله إن الحقل لم يكن ينتج تحت سيطرة داعش أكثر من 10 آلاف "
        "برميل يومياً، وإن أبو محمد الشامي كان يزوره كل أسبوع.",
        "ونفى المهندس أن يكون التنظيم يتلقى تبرعات من الخارج.",
        "وفي ديرالزور قال سكان إن الأسعار ارتفعت.",
    ])
    r = Report(text, "r4", "2021-04-20", "موقع البادية")
    isis = r.entity("داعش", **ISIS)
    r.mention("التنظيم", isis)
    omar = r.entity("حقل العمر", **OMAR)
    r.entity("أبو محمد الشامي", type="PER")
    r.entity("ديرالزور", type="LOC")
    q10 = r.quantity("أكثر من 10 آلاف برميل يومياً", None, low=None, high=10000, qualifier="at_most",
                     unit="barrel", per="day")
    engineer = r.source("مهندس سابق", "anonymous", cue="قوله")
    r.claim("لم يكن ينتج تحت سيطرة داعش أكثر من 10 آلاف", "oil", "asset", actor=isis, asset=omar,
            quantities=[q10], source=engineer)
    r.claim("يتلقى تبرعات من الخارج", "donations", "revenue", actor=isis, polarity="negated", source=engineer)
    return r


def r5() -> Report:
    text = "\n".join([
        "هاجم عناصر من داعش حاجزاً لقوات النظام عند مدخل مدينة تدمر يوم الاثنين الأول من آذار، "
        "وقتل في الهجوم ثلاثة عناصر.",
        "وتبادلت فصائل الجيش الحر الاتهامات مع فصيل آخر يحمل الاسم ذاته في الشمال.",
    ])
    r = Report(text, "r5", "2021-03-02", "شبكة الرصد")
    isis = r.entity("داعش", **ISIS)
    army = r.entity("قوات النظام", **ARMY)
    palmyra = r.entity("تدمر", **PALMYRA)
    r.entity("الجيش الحر", kb="rasid:org/fsa")
    r.entity("الاسم ذاته", name="الجيش الحر", kb="rasid:org/fsa-north")
    r.quantity("ثلاثة عناصر", 3, unit="person")
    r.event("هاجم", "attack", date="2021-03-01", actors=[isis], targets=[army], location=palmyra, killed=3,
            source=r.source(None, "outlet"))
    return r


def corpus_reports() -> list[Report]:
    return [r1(), r2(), r3(), r4(), r5()]


def test_corpus_builders_reports_are_consistent():
    for report in corpus_reports():
        data = report.dict()
        ids = {e["id"] for e in data["entities"]}
        assert all(m["entity"] in ids for m in data["mentions"])
        for item in data["events"] + data["claims"]:
            assert item["evidence"]["end"] <= len(data["doc"]["text"])
