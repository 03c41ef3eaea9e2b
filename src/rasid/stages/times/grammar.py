"""The grammar of calendar dates: days, month names, years and the dates they make.

Readers take the token stream (`Lexed`) and a token index and return what they read with
the index after it, or None. Each looks a bounded number of tokens ahead, so a scan that
tries them at every token stays linear. Top-level readers return a list of `Found` spans
(a range of years gives two); the span may start after the index when a cue word that
licenses the expression is not part of it (`عام 2015` → `2015`).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from rasid.stages.times.lexicon import Lexed
from rasid.stages.times.resolve import NEXT, PAST, RECENT, Spec

STRONG_YEARS = (1000, 2199)  # a 4-digit number after عام/سنة, or inside a date
WEAK_YEARS = (1900, 2100)    # after a bare preposition (في 2015), or alone after مطلع/صيف
MAX_HIJRI_YEAR = 1700
HIJRI_NUMERIC = (1300, 1500)  # a numeric date with such a year is Hijri (14/10/1439)
SHIFTS = {"past": -1, "current": 0, "next": 1}
DIRECTIONS = {"past": PAST, "next": NEXT}
_GREGORIAN_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True, slots=True)
class Found:
    first: int  # token index where the span starts
    end: int    # token index after the span
    spec: Spec


@dataclass(frozen=True, slots=True)
class MonthRef:
    """A named month (`month`) or the publication month shifted (`shift`)."""
    month: int | None
    calendar: str = "gregorian"
    shift: int | None = None
    licensed: bool = False   # `شهر` before it or a paired name: a month for sure
    ambiguous: bool = False  # also a common word or first name (آب, رمضان): no attached ب/ل/ك
    strict: bool = False     # too common a word to be a month after a bare preposition (ماي, صفر)
    in_prep: bool = False    # carries the preposition ب or ل (بآذار), as good as `في آذار`


@dataclass(frozen=True, slots=True)
class YearRef:
    year: int | None = None
    shift: int | None = None
    era: str | None = None
    first: int = 0
    end: int = 0


def preceded_by(lx: Lexed, i: int, *roles: str) -> bool:
    """True when a phrase in one of `roles` ends right before token `i`."""
    return any((h := lx.hit(k, *roles)) and h.end == i for k in (i - 1, i - 2) if k >= 0)


def read_day(lx: Lexed, i: int) -> tuple[int, int] | None:
    """A day of the month before its month: `14`, `14 من`, `الرابع عشر من`."""
    tok = lx.number(i)
    if tok and len(tok.text) <= 2 and 1 <= int(tok.text) <= 31:
        of = lx.hit(i + 1, "of")
        return int(tok.text), of.end if of else i + 1
    ordinal = lx.hit(i, "day_ordinal")
    if ordinal and definite_word(lx, i - 1) and not lx.hit(i - 1, "deictic"):
        return None  # الأسبوع الأول من الشهر: the ordinal counts another noun (اليوم الأول is a day)
    if ordinal and (of := lx.hit(ordinal.end, "of")):
        return int(ordinal.value), of.end
    if ordinal and ordinal.extra == "bare":
        return int(ordinal.value), ordinal.end
    return None


def read_month_name(lx: Lexed, i: int) -> tuple[MonthRef, int] | None:
    """`آذار`, `شهر آذار`, `أيلول/سبتمبر`, `ديسمبر/ كانون الأول`, `آب (أغسطس)`."""
    noun = lx.hit(i, "month_noun")
    name = lx.hit(noun.end if noun else i, "month")
    if name is None:
        return None
    calendar, *flags = name.extra.split()
    ambiguous = bool(flags)  # ambiguous or strict
    if ambiguous and set(name.clitic) & set("بلك"):
        return None  # لأب, باب: a word with a preposition, not a month
    end, paired = read_pair(lx, name.end, name.value)
    prep = (noun or name).clitic[-1:] in ("ب", "ل")
    return MonthRef(int(name.value), calendar, licensed=bool(noun) or paired, ambiguous=ambiguous,
                    strict="strict" in flags, in_prep=prep), end


def read_pair(lx: Lexed, i: int, month: str) -> tuple[int, bool]:
    """A second name of the same month after `/`, `(`, `-` or a space: (index after it, found)."""
    opener = lx.punct(i)
    other = lx.hit(i + 1, "month") if opener in ("/", "(", "-") else lx.hit(i, "month")
    if other is None or other.value != month or other.clitic:
        return i, False
    end = other.end
    if opener == "(" and lx.punct(end) == ")":
        end += 1
    return end, True


def read_unit_shift(lx: Lexed, i: int, unit: str, bare: bool = False) -> tuple[int, int] | None:
    """`الشهر الماضي` (-1), `العام الجاري` (0), `هذا العام` (0), `العام` alone when `bare`."""
    this = lx.hit(i, "this")
    noun = lx.hit(this.end if this else i, "unit_def")
    if noun is None or noun.value != unit:
        return None
    if this:
        return 0, noun.end
    mod = lx.hit(noun.end, *SHIFTS)
    if mod:
        return SHIFTS[mod.role], mod.end
    if bare and not definite_word(lx, noun.end):
        return 0, noun.end  # مطلع العام, but not نهاية السنة المالية
    return None


def definite_word(lx: Lexed, i: int) -> bool:
    """True when token `i` is a word with the article (an adjective agreeing with the noun before)."""
    return 0 <= i < len(lx) and lx.tokens[i].kind == "word" and lx.tokens[i].text.startswith("ال")


def read_month_ref(lx: Lexed, i: int) -> tuple[MonthRef, int] | None:
    """A named month, or the publication month shifted (`الشهر الماضي`, `هذا الشهر`)."""
    named = read_month_name(lx, i)
    if named:
        return named
    shift = read_unit_shift(lx, i, "month")
    return (MonthRef(None, shift=shift[0], licensed=True), shift[1]) if shift else None


def read_year_number(lx: Lexed, i: int, low: int, high: int) -> YearRef | None:
    """A 4-digit year in [low, high], with its era mark if any (`1441 هـ`, `2015م`)."""
    tok = lx.number(i)
    if tok is None or len(tok.text) != 4 or not low <= int(tok.text) <= high:
        return None
    era = lx.hit(i + 1, "era")
    return YearRef(int(tok.text), era=era.value if era else None, first=i, end=era.end if era else i + 1)


def read_year_ref(lx: Lexed, i: int) -> YearRef | None:
    """The year after a month: `2020`, `، 2020`, `من عام 2019`, `من هذا العام`, `العام الماضي`."""
    of = lx.hit(i, "of")
    j = of.end if of else (i + 1 if lx.punct(i) == "," else i)
    cue = lx.hit(j, "year_cue")
    if cue and cue.value == "strong" and (year := read_year_number(lx, cue.end, *STRONG_YEARS)):
        return year
    if year := read_year_number(lx, j, *STRONG_YEARS):
        return year
    shift = read_unit_shift(lx, j, "year")
    return YearRef(shift=shift[0], first=j, end=shift[1]) if shift and lx.punct(i) != "," else None


def read_date(lx: Lexed, i: int, cued: bool = False) -> list[Found] | None:
    """[day [من]] month [year | الماضي/المقبل | من هذا العام]: a date or a month.

    A month name alone is a time only when something shows it is one: `شهر`, a paired name,
    a modifier, a cue before it (`مطلع`, `cued`), a preposition (`في آب`; not for the `strict`
    names of months.tsv), or an attached ب/ل on a name that is no common word (`بآذار`).
    """
    day = read_day(lx, i)
    month = read_month_ref(lx, day[1] if day else i)
    if month is None:
        return None
    ref, end = month
    if day and day[0] > _longest_month(ref):
        return None
    year = read_year_ref(lx, end) if ref.month is not None else None
    mod = lx.hit(end, *SHIFTS) if ref.month is not None and year is None else None
    licensed = bool(day or year or mod or ref.licensed or cued or (ref.in_prep and not ref.ambiguous)
                    or (not ref.strict and preceded_by(lx, i, "preposition")))
    if not licensed or (ref.calendar == "hijri" and year and (year.year or 0) > MAX_HIJRI_YEAR):
        return None
    spec = _date_spec(ref, day[0] if day else None, year, mod.role if mod else None)
    return [Found(i, (year or mod).end if (year or mod) else end, spec)]


def _longest_month(ref: MonthRef) -> int:
    """The most days the month can have in any year (a Hijri month has 29 or 30)."""
    if ref.month is None or ref.calendar == "hijri":
        return 30 if ref.month is not None else 31
    return _GREGORIAN_MONTH_DAYS[ref.month - 1]


def read_coordinated(lx: Lexed, i: int) -> list[Found] | None:
    """`16 و17 تموز`, `آب وأيلول 2019`, `نيسان و أيار الماضيين`: the first takes the last's tail."""
    day = read_day(lx, i)
    month = read_month_ref(lx, day[1] if day else i)
    if (not day and not month) or (month and month[0].month is None):
        return None
    end = month[1] if month else day[1]
    if month and (read_year_ref(lx, end) or lx.hit(end, *SHIFTS)):
        return None  # a complete date: read_date's
    second = read_date(lx, nxt) if (nxt := _after_join(lx, end)) is not None else None
    if not second or second[0].spec.month is None:
        return None
    spec = second[0].spec
    if month:
        if month[0].calendar != spec.calendar:
            return None
        first = replace(spec, month=month[0].month, day=day[0] if day else None,
                        precision="day" if day else "month")
    elif spec.precision == "day":
        first = replace(spec, day=day[0])
    else:
        return None
    return [Found(i, end, first), *second]


def _after_join(lx: Lexed, i: int) -> int | None:
    """Where the second item starts after `و`, `إلى`, `-` or an attached و, or None."""
    join = lx.hit(i, "year_join")
    if join:
        return join.end
    return i if any(h.clitic.startswith("و") for h in lx.hits(i)) else None


def _date_spec(ref: MonthRef, day: int | None, year: YearRef | None, mod: str | None) -> Spec:
    precision = "day" if day else "month"
    if ref.month is None:
        return Spec(precision, day=day, month_shift=ref.shift)
    if mod == "current":
        return Spec(precision, ref.calendar, month=ref.month, day=day, year_shift=0)
    return Spec(precision, ref.calendar, year=year.year if year else None, month=ref.month, day=day,
                year_shift=year.shift if year else None, direction=DIRECTIONS.get(mod, RECENT))


def read_numeric_date(lx: Lexed, i: int) -> list[Found] | None:
    """`15/8/2020`, `2020-08-15`, `15.08.2020`, `1 01 2021`, `12/2/1439هـ` (digits of any script)."""
    toks = lx.tokens
    if toks[i].kind != "num":
        return None
    sep = lx.punct(i + 1)
    if sep in ("/", "-", ".") and lx.punct(i + 3) == sep:
        parts, end = (i, i + 2, i + 4), i + 5
    elif sep is None:
        parts, end = (i, i + 1, i + 2), i + 3
    else:
        return None
    if end > len(toks) or any(toks[k].kind != "num" for k in parts):
        return None
    ymd = _numeric_ymd(*(toks[k].text for k in parts), spaced=sep is None)
    if ymd is None:
        return None
    era = lx.hit(end, "era")
    hijri_year = HIJRI_NUMERIC[0] <= ymd[0] <= HIJRI_NUMERIC[1]
    calendar = era.value if era else "hijri" if hijri_year else "gregorian"
    return [Found(i, era.end if era else end, Spec("day", calendar, *ymd))]


def _numeric_ymd(a: str, b: str, c: str, spaced: bool) -> tuple[int, int, int] | None:
    """Day-month-year or year-month-day; a date written with spaces only needs a plausible year."""
    if len(a) == 4 and len(b) <= 2 and len(c) <= 2 and not spaced:
        y, m, d = int(a), int(b), int(c)
    elif len(c) == 4 and len(a) <= 2 and len(b) <= 2:
        y, m, d = int(c), int(b), int(a)
    else:
        return None
    if spaced and not WEAK_YEARS[0] <= y <= WEAK_YEARS[1] or not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return y, m, d


def read_years(lx: Lexed, i: int) -> list[Found] | None:
    """`عام 2015`, `في 2015`, `منذ 2014`, `بين عامي 2015 و2016` (two years): the numbers."""
    cue = lx.hit(i, "year_cue")
    if cue is None:
        return None
    strong = cue.value == "strong"
    first = read_year_number(lx, cue.end, *(STRONG_YEARS if strong else WEAK_YEARS))
    if first is None or (not strong and lx.hit(first.end, "unit", "month")):
        return None  # منذ 2000 عام is a duration
    years = [first]
    while (join := lx.hit(years[-1].end, "year_join")) and (
            more := read_year_number(lx, join.end, first.year, first.year + 100)):
        years.append(more)
    if cue.value == "range" and len(years) < 2:
        return None
    return [Found(y.first, y.end, year_spec(y)) for y in years]


def read_bare_year(lx: Lexed, i: int) -> list[Found] | None:
    """A 4-digit year with no cue, for readers whose own cue makes it one (`صيف 2014`)."""
    year = read_year_number(lx, i, *STRONG_YEARS)
    if year is None or (year.era is None and not WEAK_YEARS[0] <= year.year <= WEAK_YEARS[1]):
        return None  # an era mark makes any year plausible (مطلع 1436 هـ)
    return [Found(i, year.end, year_spec(year))]


def read_era_year(lx: Lexed, i: int) -> list[Found] | None:
    """A year marked by its era with no other cue: `1441 هـ`, `2015 ميلادية`; an era word
    written out also makes an early year of fewer digits one (`عام 120 ميلادية`)."""
    year = read_year_number(lx, i, *STRONG_YEARS) or _early_year(lx, i)
    era = lx.hit(i + 1, "era") if year else None
    if era is None or era.extra == "short":
        return None
    return [Found(i, year.end, year_spec(year))]


def _early_year(lx: Lexed, i: int) -> YearRef | None:
    tok = lx.number(i)
    era = lx.hit(i + 1, "era") if tok is not None and len(tok.text) <= 3 else None
    if era is None or era.extra == "short" or int(tok.text) == 0:
        return None
    return YearRef(int(tok.text), era=era.value, first=i, end=era.end)


def year_spec(year: YearRef) -> Spec:
    return Spec("year", "hijri" if year.era == "hijri" else "gregorian", year=year.year)
