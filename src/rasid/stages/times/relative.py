"""The grammar of times named from the publication date: day words, weekdays, units, periods.

Same reader contract as `times.grammar`: (stream, index) → list of `Found` or None.
A weekday name is also a surname (`محمد الجمعة`), so it is a time only with a cue: a day
word or part of the day before it (`يوم`, `مساء`), a preposition (`منذ الخميس`), a modifier
after it (`الخميس الماضي`), a date after it (`الخميس، 31 من كانون الأول`), commas around it
as an adverb (`قال ترامب، الثلاثاء، إن`), or another weekday it is joined to (`السبت والأحد`).
"""
from __future__ import annotations

from rasid.stages.times.grammar import (DIRECTIONS, STRONG_YEARS, Found, definite_word, preceded_by,
                                         read_bare_year, read_date, read_numeric_date, read_unit_shift,
                                         read_year_number, read_years, year_spec)
from rasid.stages.times.lexicon import Hit, Lexed
from rasid.stages.times.resolve import RECENT, Spec

_UNIT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year"}
_MAX_COUNT = 999
_NOT_AN_EVENT = ("خلال", "الان")  # after `من`: no event the count goes back from
_FEW_DAYS = 3  # `قبل أيام`: the month of a day this far back
_FROM = ("من",)  # after `قبل` and a counted unit: counted back from the event it names
_AFTER = ("من", "علي")  # after `بعد` and a counted unit: what the story comes after (بعد يوم على موجة)
_COMING_BEFORE = 4  # words between a verb of coming and its بعد (ويأتي هذا التطور بعد)
_SENTENCE_ENDS = frozenset({".", "!", "؟", "?", ":"})  # before a word that opens a sentence


def read_day_word(lx: Lexed, i: int) -> list[Found] | None:
    """`يوم الأربعاء`, `مساء الخميس، 31 من كانون الأول`, `يوم أمس الجمعة`, `أمس`, `اليوم`."""
    lead = lx.hit(i, "day_noun", "day_part", "preposition")
    j = lead.end if lead else i
    first = i if lead and lead.role == "day_noun" else j
    if (deictic := lx.hit(j, "deictic")) and (lead or deictic.extra != "cued"):
        return _deictic(lx, first, j, deictic)
    if weekday := lx.hit(j, "weekday"):
        return _weekday(lx, first, j, weekday, lead is not None)
    return None


def _deictic(lx: Lexed, first: int, j: int, deictic: Hit) -> list[Found] | None:
    """A day word; a weekday after it names the same day (`أمس الجمعة`) and, where the two
    disagree with the publication date (`اليوم الاثنين` in a report dated Saturday: written
    on Monday, published later), the weekday wins: the latest such day up to publication; a full
    date right after the weekday is the day, the three one expression."""
    end = deictic.end
    weekday = lx.hit(end, "weekday")
    if weekday and not weekday.clitic:
        if date := _date_after_weekday(lx, weekday.end):  # `اليوم الثلاثاء 25 رجب 1442 هـ`: the date says which
            return [Found(first, date.end, date.spec)]
        return [Found(first, weekday.end, Spec("day", weekday=int(weekday.value), direction=RECENT))]
    if (definite_word(lx, end) or lx.hit(end, "determiner")
          or preceded_by(lx, j, "determiner", "rate_prep")):
        return None  # اليوم السابق, اليوم نفسه, في ذلك اليوم, برميل في اليوم: not the publication day
    return [Found(first, end, Spec("day", day_shift=int(deictic.value)))]


def _weekday(lx: Lexed, first: int, j: int, weekday: Hit, cued: bool) -> list[Found] | None:
    end = weekday.end
    mod = lx.hit(end, "past", "next")
    end = mod.end if mod else end
    if date := _date_after_weekday(lx, end):
        close = date.end < len(lx) and lx.punct(date.end) == ")" and lx.punct(end) == "("
        return [Found(first, date.end + int(close), date.spec)]
    if not (cued or mod or _between_commas(lx, j, end) or _joined_to_weekday(lx, j, weekday)
            or _weekday_joined_after(lx, end) or _bare_day(lx, j, weekday)):
        return None
    direction = DIRECTIONS.get(mod.role, RECENT) if mod else RECENT
    return [Found(first, end, Spec("day", weekday=int(weekday.value), direction=direction))]


def _bare_day(lx: Lexed, j: int, weekday: Hit) -> bool:
    """A definite weekday name standing alone (`هاجم مسلحون القرية الخميس`) is that day, unless
    the name is also a common word (الاثنين), a noun before it makes it a name (صلاة الجمعة), or
    the report uses it as a family name (محمد الجمعة), or it is the subject of a speech verb
    right before it (ويرى الجمعة أن)."""
    return ("ambiguous" not in weekday.extra and not (j > 0 and lx.hit(j - 1, "weekday_head"))
            and lx.tokens[j].text not in lx.surnames
            and not (j > 0 and lx.tokens[j - 1].end in lx.speech_verb_ends))


def _date_after_weekday(lx: Lexed, i: int) -> Found | None:
    """The date a weekday is followed by, after a comma or `الموافق`, if it has a day."""
    k = i + 1 if lx.punct(i) in (",", "(", "-") else i
    link = lx.hit(k, "link")
    k = link.end if link else k
    found = read_date(lx, k, cued=True) or read_numeric_date(lx, k) if k < len(lx) else None
    return found[0] if found and found[0].spec.precision == "day" else None


def _between_commas(lx: Lexed, j: int, end: int) -> bool:
    """An adverb set off by commas: `قال ترامب، الثلاثاء، إن`."""
    return lx.punct(j - 1) == "," and lx.punct(end) in (",", ".")


def _joined_to_weekday(lx: Lexed, j: int, weekday: Hit) -> bool:
    """`السبت والأحد`: a weekday with و right after another weekday."""
    return weekday.clitic.startswith("و") and j > 0 and lx.hit(j - 1, "weekday") is not None


def _weekday_joined_after(lx: Lexed, end: int) -> bool:
    """`السبت والأحد`: the first of two weekdays joined by و."""
    after = lx.hit(end, "weekday")
    return after is not None and after.clitic.startswith("و")


def read_ago(lx: Lexed, i: int) -> list[Found] | None:
    """`قبل يومين`, `منذ ثلاثة أيام`, `قبل 3 أشهر`, `قبل أسبوع`: back from publication; `قبل أيام`
    (a few days ago) only to the month, as the dev gold dates it."""
    ago = lx.hit(i, "ago") or _after_the_story(lx, i)
    if ago is None:
        return None
    approx = lx.hit(ago.end, "approx")
    count, j = _read_count(lx, approx.end if approx else ago.end)
    unit = lx.hit(j, "unit")
    if unit is None:
        return None
    if lx.number(unit.end) or lx.hit(unit.end, "month", "weekday", "deictic"):
        return None  # منذ عام 2015, منذ شهر يناير: a name follows
    story = ago.role == "after_story"
    if _before_another_time(lx, unit.end, _AFTER if story else _FROM) != story:
        return None  # قبل أيام من الانتخابات: not from today; ويأتي ذلك بعد أسبوع: from what?
    if count is None and unit.extra == "n" and unit.value == "day" and not approx:
        return [Found(i, unit.end, Spec("month", day_shift=-_FEW_DAYS))]  # قبل أيام: that month
    if (count is None) == (unit.extra == "n"):
        return None  # قبل 3 يومين is no phrase; قبل أسابيع, قبل سنوات too vague to date
    n = count if count is not None else int(unit.extra)
    return [Found(i, unit.end, _shift_spec(unit.value, -n))]


def _before_another_time(lx: Lexed, j: int, prepositions: tuple[str, ...]) -> bool:
    """`قبل أيام من الانتخابات`, `قبل يومين من الهجوم`: counted back from an event, not publication
    (`من خلال`, `من الآن` name none)."""
    return j + 1 < len(lx) and lx.tokens[j].text in prepositions and lx.tokens[j + 1].text not in _NOT_AN_EVENT


def _after_the_story(lx: Lexed, i: int) -> Hit | None:
    """`بعد` in `ويأتي ذلك بعد أسبوعين من هجوم مشابه`, `وجاء القصف بعد يوم على سلسلة من الغارات`:
    the report's story comes that long after what من names, so that is dated back from today.
    So does a sentence that opens on `بعد … على` (`بعد أربع سنوات على سقوط آخر جيب للتنظيم، لا
    تزال الأسئلة قائمة`): the story is now, that long after what على names."""
    after = lx.hit(i, "after_story")
    if after is None:
        return None
    if any(lx.hit(k, "coming") for k in range(max(0, i - _COMING_BEFORE), i)):
        return after
    opens = i == 0 or lx.tokens[i - 1].kind == "nl" or lx.tokens[i - 1].text in _SENTENCE_ENDS
    return after if opens and _counted_on(lx, after.end) else None


def _counted_on(lx: Lexed, j: int) -> bool:
    """A count and a unit from token j, then `على` (`أربع سنوات على`, `عام على`)."""
    _, j = _read_count(lx, j)
    unit = lx.hit(j, "unit")
    return unit is not None and unit.end < len(lx) and lx.tokens[unit.end].text == "علي"


def _read_count(lx: Lexed, i: int) -> tuple[int | None, int]:
    tok = lx.number(i)
    if tok and len(tok.text) <= 3 and 0 < int(tok.text) <= _MAX_COUNT:
        return int(tok.text), i + 1
    word = lx.hit(i, "count")
    return (int(word.value), word.end) if word else (None, i)


def _shift_spec(unit: str, n: int) -> Spec:
    precision = _UNIT_PRECISION[unit]
    if unit in ("day", "week"):
        return Spec(precision, day_shift=n * (7 if unit == "week" else 1))
    if unit == "month":
        return Spec(precision, month_shift=n)
    return Spec(precision, year_shift=n)


def read_relative_unit(lx: Lexed, i: int, bare: bool = False) -> list[Found] | None:
    """`الشهر الماضي`, `العام الجاري`, `هذا العام`, `السنة المقبلة` (`العام` alone if `bare`);
    `الأسبوع الماضي` is the month of the day a week back (the schema has no week precision)."""
    for unit in ("month", "year", "week"):
        if shift := read_unit_shift(lx, i, unit, bare):
            spec = (Spec(unit, month_shift=shift[0]) if unit == "month" else
                    Spec(unit, year_shift=shift[0]) if unit == "year" else Spec("month", day_shift=7 * shift[0]))
            return [Found(i, shift[1], spec)]
    return None


def read_period(lx: Lexed, i: int) -> list[Found] | None:
    """`مطلع/منتصف/أواخر` + a month, a year or a unit: the span grows, the precision stays."""
    part = lx.hit(i, "period_part")
    if part is None:
        return None
    j = part.end
    inner = (read_date(lx, j, cued=True) or read_years(lx, j) or read_bare_year(lx, j)
             or read_relative_unit(lx, j, bare=True))
    if not inner:
        return None
    return [Found(i, inner[0].end, inner[0].spec), *inner[1:]]


def read_season(lx: Lexed, i: int) -> list[Found] | None:
    """`صيف 2014`, `شتاء عام 2015`, `خريف العام الماضي`: a season is dated by its year."""
    season = lx.hit(i, "season")
    if season is None:
        return None
    j = season.end
    cue = lx.hit(j, "year_cue")
    year = read_year_number(lx, cue.end, *STRONG_YEARS) if cue and cue.value == "strong" else None
    inner = [Found(j, year.end, year_spec(year))] if year else (
        read_bare_year(lx, j) or read_relative_unit(lx, j))
    if not inner or inner[0].spec.precision != "year":
        return None
    return [Found(i, inner[0].end, inner[0].spec)]
