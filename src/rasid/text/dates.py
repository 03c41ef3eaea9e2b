"""Absolute calendar dates written out in full (`15 أغسطس 2020`, `1 01 2021`, `2020-08-15`).

A small reader shared by the byline reader and the times stage: month names come from
`lexicons/months.tsv` (every Gregorian naming system of Arabic news), digits may be
Arabic-Indic, and a paired form (`أيلول/سبتمبر`, `آب (أغسطس)`) is one month.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from rasid.resources.catalogue import month_names
from rasid.text.normalise import fold

_ISO = r"(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
_NUMERIC = r"(?P<nd>\d{1,2})[ /.\-]{1,3}(?P<nm>\d{1,2})[ /.\-]{1,3}(?P<ny>\d{4})"


@lru_cache(maxsize=1)
def _date_re() -> re.Pattern[str]:
    names = sorted((n for n, (_, cal) in month_names().items() if cal == "gregorian"),
                   key=len, reverse=True)
    month = "(?:" + "|".join(re.escape(n) for n in names) + ")"
    named = (rf"(?P<wd>\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?(?P<wm>{month})"
             rf"(?:\s*[/(]\s*{month}\s*\)?)?\s*,?\s*(?:من\s+)?(?:عام\s+)?(?P<wy>\d{{4}})")
    return re.compile(rf"(?<!\d)(?:{_ISO}|{_NUMERIC}|{named})(?!\d)")


def find_date(text: str) -> str | None:
    """The first full calendar date in `text` as YYYY-MM-DD, or None."""
    folded = fold(text)
    for m in _date_re().finditer(folded):
        value = _to_iso(m)
        if value:
            return value
    return None


def _to_iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    if g["iy"]:
        y, mo, d = g["iy"], g["im"], g["id"]
    elif g["ny"]:
        y, mo, d = g["ny"], g["nm"], g["nd"]
    else:
        y, mo, d = g["wy"], str(month_names()[g["wm"]][0]), g["wd"]
    try:
        return dt.date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None
