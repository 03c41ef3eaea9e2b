"""Publication dates as the inputs state them, checked and written as ISO prefixes.

Rasid dates are ISO prefixes whose length is the precision (`2021`, `2021-02`,
`2021-02-16`), as in FollowTheMoney. Only stated dates are read here; nothing is guessed.
"""
from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_LEADING_DAY = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_COMPACT_DAY = re.compile(r"\s*(\d{4})(\d{2})(\d{2})(?:T|\s|$)")


def is_partial_date(value: str) -> bool:
    """True for a real calendar date written YYYY-MM-DD, YYYY-MM or YYYY."""
    match = _PARTIAL.fullmatch(value)
    if not match:
        return False
    year, month, day = (int(g) if g else 1 for g in match.groups())
    return _real_day(year, month, day) is not None


def iso_day(value: str) -> str | None:
    """YYYY-MM-DD from a metadata date: ISO 8601 (with time/zone), YYYY/MM/DD, YYYYMMDD or RFC 2822.

    The local calendar day as written is kept (no conversion to UTC), which is the day
    the outlet says it published.
    """
    for pattern in (_LEADING_DAY, _COMPACT_DAY):
        match = pattern.match(value)
        if match:
            return _real_day(*(int(g) for g in match.groups()))
    return _rfc2822_day(value)


def _rfc2822_day(value: str) -> str | None:
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if parsed else None


def _real_day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
