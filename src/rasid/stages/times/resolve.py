"""What a time expression says (`Spec`) and its calendar value given the publication date.

The grammar only records what the words state — a day, a month, a year, a weekday, a shift
from the publication date, or which occurrence of a month is meant — and `resolve` turns
that into an ISO prefix whose length is the precision (`2020`, `2020-12`, `2020-12-30`).
Keeping the two apart lets one grammar serve documents with and without a date.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rasid.text import hijri

RECENT, PAST, NEXT = "recent", "past", "next"  # which occurrence of a month or weekday is meant


@dataclass(frozen=True, slots=True)
class Anchor:
    """The publication date; month and day are None when only a year (or month) is known."""
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> dt.date:
        if self.month is None or self.day is None:
            raise ValueError("the publication date has no day")
        return dt.date(self.year, self.month, self.day)


@dataclass(frozen=True, slots=True)
class Spec:
    """The calendar content of one time expression, before resolution."""
    precision: str                    # day, month, year
    calendar: str = "gregorian"       # or hijri: year, month and day are Hijri
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None        # ISO weekday, for a weekday named without a date
    year_shift: int | None = None     # the year relative to the publication year
    month_shift: int | None = None    # the month relative to the publication month
    day_shift: int | None = None      # the day relative to the publication date
    direction: str = RECENT           # for a month, day-month or weekday given without a year

    @property
    def relative(self) -> bool:
        """True when the value depends on the publication date."""
        return self.year is None and (self.month is not None or self.weekday is not None
                                      or self.year_shift is not None or self.month_shift is not None
                                      or self.day_shift is not None)


def parse_anchor(published: str | None) -> Anchor | None:
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY` (a longer timestamp is cut to its date) → Anchor."""
    if not published:
        return None
    parts = published[:10].split("-")
    try:
        numbers = [int(p) for p in parts[:3]]
        if len(numbers) == 3:
            dt.date(*numbers)
        return Anchor(*numbers)
    except (TypeError, ValueError):
        return None


def resolve(spec: Spec, anchor: Anchor | None) -> str | None:
    """The ISO value of `spec` (None when it needs an anchor that is missing or too coarse)."""
    if spec.relative and anchor is None:
        return None
    try:
        if spec.day_shift is not None:
            day = anchor.date + dt.timedelta(days=spec.day_shift)
            return day.isoformat()[:7] if spec.precision == "month" else day.isoformat()
        if spec.weekday is not None and spec.month is None and spec.month_shift is None:
            return nearest_weekday(anchor.date, spec.weekday, spec.direction).isoformat()
        if spec.calendar == "hijri":
            return _hijri_value(spec, anchor)
        return _gregorian_value(spec, anchor)
    except (ValueError, TypeError, OverflowError):
        return None


def nearest_weekday(anchor: dt.date, weekday: int, direction: str) -> dt.date:
    """The weekday on or before the anchor (recent), strictly before (past) or after (next)."""
    if direction == NEXT:
        return anchor + dt.timedelta(days=(weekday - anchor.isoweekday()) % 7 or 7)
    back = (anchor.isoweekday() - weekday) % 7
    return anchor - dt.timedelta(days=(back or 7) if direction == PAST else back)


def _gregorian_value(spec: Spec, anchor: Anchor | None) -> str:
    if spec.month_shift is not None:
        year, month = _add_months(anchor.year, anchor.month, spec.month_shift)
    else:
        year, month = _stated_year(spec, anchor), spec.month
        if year is None:
            year = _year_of_occurrence(spec.month, spec.day, (anchor.year, anchor.month, anchor.day),
                                       spec.direction)
    return _iso(year, month, spec.day, spec.precision)


def _hijri_value(spec: Spec, anchor: Anchor | None) -> str:
    """Resolve in Hijri terms, then convert; a month or year is dated by its middle."""
    year = spec.year
    if year is None:
        h_year, h_month, h_day = hijri.from_gregorian(anchor.date)
        year = (h_year + spec.year_shift if spec.year_shift is not None
                else _year_of_occurrence(spec.month, spec.day, (h_year, h_month, h_day), spec.direction))
    if spec.precision == "day":
        return hijri.to_gregorian(year, spec.month, spec.day).isoformat()
    if spec.precision == "month":
        return hijri.to_gregorian(year, spec.month, 15).isoformat()[:7]
    return hijri.to_gregorian(year, 7, 1).isoformat()[:4]


def _stated_year(spec: Spec, anchor: Anchor | None) -> int | None:
    if spec.year is not None:
        return spec.year
    if spec.year_shift is not None:
        return anchor.year + spec.year_shift
    return None


def _year_of_occurrence(month: int, day: int | None, anchor: tuple, direction: str) -> int:
    """The year that puts `month` (and `day`) where `direction` says, seen from the anchor.

    recent: on or before the anchor (`31 من كانون الأول` read on 1 January → last year);
    past: a month strictly before the anchor's month (`آذار الماضي`); next: strictly after.
    """
    year, a_month, a_day = anchor
    if a_month is None:
        raise ValueError("the publication date has no month")
    if direction == PAST:
        return year if month < a_month else year - 1
    if direction == NEXT:
        return year if month > a_month else year + 1
    if day is None or a_day is None:
        return year if month <= a_month else year - 1
    return year if (month, day) <= (a_month, a_day) else year - 1


def _add_months(year: int, month: int | None, shift: int) -> tuple[int, int]:
    if month is None:
        raise ValueError("the publication date has no month")
    months = year * 12 + month - 1 + shift
    return months // 12, months % 12 + 1


def _iso(year: int, month: int | None, day: int | None, precision: str) -> str:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` by precision; ValueError for a date that does not exist."""
    if precision == "year":
        return f"{year:04d}"
    if precision == "month":
        return f"{year:04d}-{month:02d}"
    return dt.date(year, month, day).isoformat()
