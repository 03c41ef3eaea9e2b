"""The vocabularies of events, claims and attribution, loaded once from their TSV files.

Every file has the columns `form class value [strength] [needs]` (its header says what they
mean there); a form may list spellings separated by `|`. Each file becomes a `Lexicon`: a
`PhraseTable` of `Entry` records (clitic-aware, accusative alef allowed) plus the set of its
folded words, which `reading.view` uses to take pronoun suffixes and typos off words.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid.kb.actors import actors
from rasid.resources.catalogue import read_tsv
from rasid.text.lexicon import PhraseTable
from rasid.text.normalise import fold

EVENT_TRIGGERS = "lexicons/event_triggers.tsv"
CLAIM_CHANNELS = "lexicons/claim_channels.tsv"
CLAIM_ROLES = "lexicons/claim_roles.tsv"
PARTIES = "lexicons/parties.tsv"
SOURCE_CUES = "lexicons/source_cues.tsv"
SOURCE_KINDS = "lexicons/source_kinds.tsv"
HEDGES = "lexicons/hedges.tsv"
POLARITY_CUES = "lexicons/polarity_cues.tsv"
#: The names of the actor base's armed groups (kb/actors.tsv), as parties of class `group`: apart
#: from parties.tsv, so that the learned taggers' features (reading/features.py) stay as trained.
GROUP_NAMES = "kb/actors.tsv"
LEXICONS = (EVENT_TRIGGERS, CLAIM_CHANNELS, CLAIM_ROLES, PARTIES, SOURCE_CUES, SOURCE_KINDS, HEDGES,
            POLARITY_CUES, GROUP_NAMES)
# Speech verbs never take an accusative alef: `تابعاً` is "belonging to", not "he went on"; nor do
# the particles of polarity: `لما`, `كلما` and `بعدما` are no `لم`, `لنا` no `لن`.
_NO_ACCUSATIVE = frozenset({SOURCE_CUES, POLARITY_CUES})
# Particles are short and common: a word one letter away from one (`الثلم`, `فلاه`) is another word;
# so are short names (`قسد`, `قصد`).
NO_TYPOS = frozenset({POLARITY_CUES, GROUP_NAMES})


@dataclass(frozen=True, slots=True)
class Entry:
    """One form's reading: its class, value (type, channel, role, kind) and matching needs."""
    cls: str
    value: str
    strength: int = 0
    needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    name: str
    table: PhraseTable[Entry]
    vocab: frozenset[str]      # folded words of the forms, each also with an accusative alef
    heads: frozenset[str]      # folded first words of the forms, likewise
    defaults: dict[str, str]


@lru_cache(maxsize=None)
def lexicon(name: str) -> Lexicon:
    """The lexicon in resource file `name` (one of LEXICONS)."""
    if name not in LEXICONS:
        raise ValueError(f"{name!r} is not one of the evidence lexicons {LEXICONS}")
    items: list[tuple[str, Entry]] = _armed_group_names() if name == GROUP_NAMES else []
    rows = () if name == GROUP_NAMES else read_tsv(name)  # the group names come from the actor base
    defaults: dict[str, str] = {}
    for row in rows:
        forms, entry = row[0], _entry(name, row)
        if entry.cls == "default":
            defaults[forms] = entry.value
            continue
        items.extend((form.strip(), entry) for form in forms.split("|") if form.strip())
    vocab = _with_alef(w for form, _ in items for w in fold(form).split())
    heads = _with_alef(fold(form).split()[0] for form, _ in items)
    return Lexicon(name, PhraseTable(items, accusative_alef=name not in _NO_ACCUSATIVE), vocab, heads, defaults)


@lru_cache(maxsize=1)
def any_vocab() -> frozenset[str]:
    """The words of every lexicon: a word none of them knows needs looking up in none."""
    return frozenset().union(*(lexicon(name).vocab for name in LEXICONS))


@lru_cache(maxsize=1)
def vocab_endings() -> tuple[frozenset[str], frozenset[str]]:
    """The last three letters of every lexicon word, and the two-letter tails a word needs to
    end a short one (`في`, or `ا` + two letters): a clitic-free reading of a word (see
    `stem_variants`) ends the word, so a word whose tail is in neither set has no reading any
    lexicon knows. Lets the one-edit typo search skip most edits without reading them."""
    words = any_vocab()
    three = frozenset(w[-3:] for w in words if len(w) >= 3)
    two = frozenset({w for w in words if len(w) == 2} | {w[1:] for w in words if len(w) == 3 and w[0] == "ا"})
    return three, two


def _armed_group_names() -> list[tuple[str, Entry]]:
    """The Arabic names and aliases of the actor base's armed groups (`قوات سوريا الديمقراطية`,
    `قسد`, `الحشد الشعبي`) as parties of class `group`: parties.tsv holds the common words for
    groups, the actor base their names, and a rule asking whether a group is named needs both
    (`View.armed_groups`). Common words that name one only in context stay out."""
    group = Entry("group", "-")
    return [(form, group) for a in actors().records if a.kind == "armed_group"
            for form in (a.name, *a.aliases) if form and not form.isascii()]


def _with_alef(words) -> frozenset[str]:
    """The words and their accusative spellings (`عنصر` → عنصرا), so one set test finds either."""
    words = set(words)
    return frozenset(words | {w + "ا" for w in words})


def _entry(name: str, row: list[str]) -> Entry:
    if len(row) < 3:
        raise ValueError(f"{name}: a row needs form, class and value columns, got {row!r}")
    strength = int(row[3]) if len(row) > 3 and row[3].strip() else 0
    needs = tuple(n for n in (row[4].split(",") if len(row) > 4 else ()) if n and n != "-")
    return Entry(row[1].strip(), row[2].strip(), strength, needs)


def default_role(channel: str) -> str | None:
    """The role of a claim on `channel` when no cue is near it (claim_roles.tsv)."""
    return lexicon(CLAIM_ROLES).defaults.get(channel)
