"""Document-level reasoning over events: one incident told in several sentences.

A report tells its main incident first (`قتل 12 شخصاً أمس في تفجير …`) and details it after
(`وأوضح أن التفجير …`): the later mentions carry no date of their own, yet the date is the
lead's (ANNOTATION.md). So an event with no date of its own takes the date of the event
before it in its paragraph (`… هجمات متزامنة يوم 25 تموز … وخطف التنظيم معه ثلاثين شخصاً`),
and a headline event, which is told again in the body, takes the date of the first body
event of its family (the fighting types are one family; every other type is its own), else
the date of the first body event: the headline tells the lead's incident. A
fighting event with no casualty figures takes those of its lead when that is of its type:
the dead of a clash are not those of the airstrike told after it.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from rasid.document import Event
from rasid.resources.catalogue import with_property

_DETAIL_DAYS = 7  # days before an announcement within which a detail dates the event announced


def family(event: Event) -> str:
    return "fighting" if event.type in with_property("event_type", "fighting") else event.type


def link_incidents(events: list[Event], body_start: int, paragraph_of: Callable[[int], int],
                   told_on: dict[int, bool] | None = None,
                   words_of: Callable[[Event], frozenset[str]] = lambda e: frozenset(),
                   further: frozenset[int] = frozenset(),
                   amounts_of: Callable[[Event], frozenset] = lambda e: frozenset(),
                   relative: frozenset[int] = frozenset()) -> list[Event]:
    """Carry dates and casualty figures: a headline event from the first body event of its
    family (else the first body event's date), a body event from the event before it in its
    paragraph; first, an event dated only by its announcement (trigger start in `told_on`) takes
    the day a later detail gives — where `told_on` maps the start to True (a day set off after
    the announcing verb's subject), only a detail that names the event again with a word of its
    trigger (`words_of`): `إحباط هجوم … إحباط الهجوم جرى الخميس`, not the attacks of the day
    before. `body_start` is where the headline ends; `paragraph_of(pos)` numbers the paragraph
    of a character offset. An event whose trigger start is in `further` is told as another
    incident (`هجوم مماثل`): it neither gives nor takes a date or a count. An event told again
    with the amount it was told with (`amounts_of`: `صادرت نحو ثلاثة ملايين دولار` in the
    official's words after the lead) is that event, across paragraphs: it takes its date. An
    event whose trigger start is in `relative` is timed against another (`قبل الانسحاب`): it takes
    no date from the event before it."""
    told_on = told_on or {}
    ordered = sorted((e for e in events if e.trigger.start not in further), key=lambda e: e.trigger.start)
    for k, event in enumerate(ordered):  # first: the days carried below are then the right ones
        if event.trigger.start in told_on:
            later = [e for e in ordered[k + 1:] if e.trigger.start not in told_on]
            if told_on[event.trigger.start]:
                later = [e for e in later if words_of(e) & words_of(event)]
            _date_from_details(event, later)
    body = [e for e in ordered if e.trigger.start >= body_start]
    for event in ordered:
        if event.trigger.start < body_start:
            first = next((e for e in body if family(e) == family(event)), None)
            lead = next((e for e in body if family(e) == family(event) and (e.date or e.killed or e.injured)), None)
            if lead is not None:  # the day only from the first of its family: a later one may be background
                _take(event, lead, date=lead is first)
            if event.date is None and body and body[0].date is not None:
                event.date, event.date_precision = body[0].date, body[0].date_precision  # the lead's day
    _date_restated_sums(ordered, amounts_of)
    _carry_in_paragraphs(body, paragraph_of, relative)
    return events


def _carry_in_paragraphs(body: list[Event], paragraph_of: Callable[[int], int], relative: frozenset[int]) -> None:
    """Each body event takes what it lacks from the event before it in its paragraph; one timed
    against another (`relative`) takes no date."""
    for previous, event in zip(body, body[1:]):
        if paragraph_of(previous.trigger.start) == paragraph_of(event.trigger.start):
            _take(event, previous, date=event.trigger.start not in relative)


def _date_restated_sums(ordered: list[Event], amounts_of: Callable[[Event], frozenset]) -> None:
    """An undated event with a sum an earlier event of its type was told with, by a speaker of
    the same kind, is that event told again: it takes its date (the report's own `وفي حادثة
    منفصلة … دفع ذووه مئة ألف دولار` is another incident with the same sum)."""
    for k, event in enumerate(ordered):
        amounts = amounts_of(event)
        if event.date is None and amounts:
            first = next((e for e in ordered[:k] if e.type == event.type and e.date and amounts_of(e) & amounts
                          and _same_speaker(e, event)), None)
            if first is not None:
                event.date, event.date_precision = first.date, first.date_precision


def _same_speaker(first: Event, later: Event) -> bool:
    a, b = first.source, later.source
    return a is not None and b is not None and a.kind == b.kind and a.kind != "outlet"


def _date_from_details(event: Event, later: list[Event]) -> None:
    """`أعلنت القوات، الجمعة، إحباط هجوم … وكان المسلحون هاجموا مساء الخميس`: an event dated
    only by the day it was announced takes the day a later detail of its family gives, when
    that day is one of the few before the announcement."""
    if event.date_precision != "day":
        return
    told = date.fromisoformat(event.date)
    for other in later:
        if family(other) != family(event) or other.date_precision != "day":
            continue
        day = date.fromisoformat(other.date)
        if told - timedelta(days=_DETAIL_DAYS) <= day < told:
            event.date = other.date
            return


def _take(event: Event, lead: Event, date: bool = True) -> None:
    if date and event.date is None and lead.date is not None:
        event.date, event.date_precision = lead.date, lead.date_precision
    if event.type != lead.type or family(event) != "fighting":
        return
    if not (event.killed or event.injured):
        event.killed, event.injured = lead.killed, lead.injured
    elif event.injured is None and event.killed == lead.killed:
        event.injured = lead.injured  # `مقتل 27 في انفجار` … `مقتل 27 شخصا وإصابة نحو 100`: one incident
    elif event.killed is None and event.injured == lead.injured:
        event.killed = lead.killed
