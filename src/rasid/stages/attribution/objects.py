"""What the words after a verb of saying tell about it: a verb of moving or demanding with money
as its object moves or asks for money and reports nothing (`ونقلت الجماعة أموال الفدية`,
`وطالب الخاطفون ذويه بفدية`); `نقلت … عن` quotes a source (`ونقلت الوكالة عن شهود عيان`); an
accuser's name stops before the accused (`اتهمت الحكومة إيران بدعم …`)."""
from __future__ import annotations

from rasid.resources.catalogue import grammar_words
from rasid.stages.attribution.names import Named, complementizer_at, named, prep_object
from rasid.stages.reading.lexicons import CLAIM_CHANNELS, CLAIM_ROLES
from rasid.stages.reading.view import Hit, View
from rasid.text.tokens import one_of

_MOVED_GAP = 3    # words after a verb of moving where the money it moves stands, past its subject
_DEMAND_GAP = 5   # words after a verb of demanding where the money demanded (ب…) may stand
_DEMANDED = frozenset({"kidnapping_ransom", "taxation_extortion"})  # channels of money demanded


def quoted_from(view: View, k: int, hi: int, registry: dict[str, str]) -> Named | None:
    """The source `عن` names at token k after `نقل` and its subject (`ونقل عن شهود عيان القول`,
    `ونقلت الوكالة عن مصادر أمنية`): whom the reporter quotes, when the words name one."""
    if k >= hi or view.words[k] != "عن":
        return None
    np = prep_object(view, Hit(k, k + 1, (), ""), hi)
    speaker = named(view, np, registry) if np else None
    return speaker if speaker is not None and speaker.kind is not None else None


def moves_funds(view: View, k: int, hi: int) -> bool:
    """Money or a channel's goods within _MOVED_GAP words after a verb of moving that ends at
    token k, in its clause (`ونقلت الجماعة أموال الفدية`): what is moved, no statement reported."""
    for j in range(k, min(hi, k + _MOVED_GAP)):
        if view.is_break(j) or complementizer_at(view, j):
            return False  # `ونقلت الوكالة أن الأموال …`: what follows أن is what it reported
        role, channel = view.match(CLAIM_ROLES, j), view.match(CLAIM_CHANNELS, j)
        if role and role.entries[0].cls == "money" or channel and channel.entries[0].cls in ("word", "cued"):
            return True
    return False


def demands_money(view: View, k: int, hi: int) -> bool:
    """Money asked for with ب within _DEMAND_GAP words from token k, in the clause (`ذويه بفدية`,
    `بمبالغ مالية`, `بدفع مليون دولار`, `بحصتها`)."""
    for j in range(k, min(hi, k + _DEMAND_GAP)):
        if view.is_break(j):
            return False
        if not view.prefixed(j, "ب"):
            continue
        channel = view.match(CLAIM_CHANNELS, j)
        role = view.match(CLAIM_ROLES, j)
        return bool(channel and channel.entries[0].value in _DEMANDED or role and role.entries[0].cls in ("money", "payment")
                    or one_of(view.words[j], grammar_words("share"))
                    or view.quantities.starting_in(*view.chars(j, min(hi, j + 3))))
    return False


def without_the_accused(view: View, np: tuple[int, int]) -> tuple[int, int]:
    """The accuser of `اتهمت الحكومة إيران بدعم …`, `واتهمت الحكومة الحوثيين المدعومين من …`:
    the words after the verb run on into its object, a place or an armed group that starts
    after a definite word or right after another place (`وزير خارجية إيران الولايات المتحدة`:
    the accuser's name is complete there); one inside the accuser's name
    (`وزير خارجية إيران`, `سفير اليمن`, `جماعة الحوثي`) starts after a word in construct, or at
    its first word, and stays."""
    lo, hi = np
    start, end = view.chars(lo, hi)
    places = [m for m in view.mentions(start, end, ("LOC",)) if m.start >= start]
    units = [view.token_at(m.start) for m in places] + [h.start for h in view.armed_groups(lo, hi)]
    place_ends = {view.token_at(m.end - 1) for m in places}
    cut = min((k for k in units if k > lo and (view.words[k - 1].startswith(("ال", "وال")) or k - 1 in place_ends)),
              default=hi)
    return lo, cut
