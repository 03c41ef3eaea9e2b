"""Hijri (Islamic lunar) dates to Gregorian and back.

Arab news dates religious events and some official statements in the Hijri calendar
(`15 رمضان 1441 هـ`). Rasid uses the Umm al-Qura calendar, the official calendar of Saudi
Arabia and the one most Arabic outlets print, from a table of month starts
(`lexicons/ummalqura.tsv`, 1343–1500 AH = 1924–2077 CE): inside it a conversion is exact
for Umm al-Qura. Countries that start a month on a sighting of the crescent may differ by
a day. Outside the table the arithmetical (tabular, "Kuwaiti") Islamic calendar is used,
which is within one or two days of the observed calendar.
"""
from __future__ import annotations

import bisect
import datetime as dt
from functools import lru_cache

from rasid.resources.catalogue import read_tsv

_JDN_OF_ORDINAL_ZERO = 1721425  # Julian day number of proleptic Gregorian ordinal 0
_TABULAR_EPOCH_JDN = 1948440    # 1 Muharram 1 AH, 16 July 622 (Julian), civil epoch


@lru_cache(maxsize=1)
def _umm_al_qura() -> tuple[dict[tuple[int, int], int], tuple[int, ...], tuple[tuple[int, int], ...]]:
    """(year, month) → ordinal of the month's first day, plus sorted ordinals and their months."""
    starts = {(int(y), int(m)): dt.date.fromisoformat(day).toordinal()
              for y, m, day in read_tsv("lexicons/ummalqura.tsv")}
    months = tuple(sorted(starts, key=starts.__getitem__))
    return starts, tuple(starts[k] for k in months), months


def _tabular_month_start(year: int, month: int) -> int:
    """Ordinal of the first day of a month in the arithmetical Islamic calendar."""
    jdn = (1 + (295 * (month - 1) + 9) // 10 + (year - 1) * 354
           + (3 + 11 * year) // 30 + _TABULAR_EPOCH_JDN - 1)
    return jdn - _JDN_OF_ORDINAL_ZERO


def month_start(year: int, month: int) -> int:
    """Gregorian ordinal of 1 `month` `year` AH (Umm al-Qura inside the table, else tabular)."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    starts, _, _ = _umm_al_qura()
    start = starts.get((year, month))
    return start if start is not None else _tabular_month_start(year, month)


def month_length(year: int, month: int) -> int:
    """Days in a Hijri month: 29 or 30."""
    return month_start(year, month + 1) - month_start(year, month)


def to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of a Hijri date; ValueError for a day the month does not have."""
    if not (1 <= month <= 12 and 1 <= day <= month_length(year, month)):
        raise ValueError(f"no Hijri date {year}-{month}-{day}")
    return dt.date.fromordinal(month_start(year, month) + day - 1)


def from_gregorian(date: dt.date) -> tuple[int, int, int]:
    """The Hijri (year, month, day) of a Gregorian date."""
    ordinal = date.toordinal()
    _, ordinals, months = _umm_al_qura()
    if ordinals[0] <= ordinal < ordinals[-1]:
        k = bisect.bisect_right(ordinals, ordinal) - 1
        year, month = months[k]
        return year, month, ordinal - ordinals[k] + 1
    return _tabular_from_ordinal(ordinal)


def _tabular_from_ordinal(ordinal: int) -> tuple[int, int, int]:
    """Inverse of the tabular calendar: estimate the month, then step to the right one."""
    months = int((ordinal - _tabular_month_start(1, 1)) / 29.530588)
    year, month = months // 12 + 1, months % 12 + 1
    while _tabular_month_start(year, month) > ordinal:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    while _tabular_month_start(year + (month // 12), month % 12 + 1) <= ordinal:
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    return year, month, ordinal - _tabular_month_start(year, month) + 1
