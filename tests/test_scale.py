"""Memory flat in corpus size: no per-word cache of the pipeline grows without bound. A worker
reading a stream of reports keeps only bounded caches (WORD_CACHE entries each), so its memory
stops growing once they are full; bench/scale.py measures a Dask worker's peak RSS at 2,000 and
20,000 reports."""
from __future__ import annotations

import sys

import rasid
from rasid.text.normalise import WORD_CACHE

REPORT = ("قال مسؤول عراقي إن تنظيم داعش يجني نحو {n} ألف دولار شهريا من بيع النفط في دير الزور، "
          "وإن عناصره فرضوا إتاوات على التجار في القرية {n} يوم {day}.")


def _caches():
    """(module, name, cache_info) of every functools cache of the rasid modules loaded."""
    for module_name, module in list(sys.modules.items()):
        if module_name.startswith("rasid") and module is not None:
            for name, value in vars(module).items():
                if callable(getattr(value, "cache_info", None)) and getattr(value, "__module__", "") == module_name:
                    yield module_name, name, value.cache_info()


def test_scale_every_word_cache_is_bounded():
    """A cache keyed by what the input holds (words, names) has at most WORD_CACHE entries; one
    without a bound is keyed by the code's own tables and stops growing once they are loaded."""
    days = ("الأحد", "الاثنين", "الثلاثاء", "الأربعاء")

    def read(first: int, count: int) -> dict:
        for n in range(first, first + count):
            rasid.extract(REPORT.format(n=n, day=days[n % 4]), published="2021-03-10")
        return {(m, name): info for m, name, info in _caches()}

    loaded = read(0, 20)
    later = read(1000, 20)  # new numbers, new village names: new words for every per-word cache
    assert len(later) > 20  # the pipeline's caches were found
    too_big = [(key, info.maxsize) for key, info in later.items() if info.maxsize and info.maxsize > WORD_CACHE]
    growing = [key for key, info in later.items()
               if info.maxsize is None and key in loaded and info.currsize > loaded[key].currsize]
    assert too_big == [] and growing == []


def test_scale_lexicon_memos_start_afresh_when_full():
    from rasid.text import lexicon, normalise
    assert lexicon._MEMO_LIMIT <= WORD_CACHE and normalise._MEMO_LIMIT <= WORD_CACHE
    table = lexicon.PhraseTable([("حقل النفط", 1)])
    for i in range(WORD_CACHE + 10):
        table.may_start(f"كلمة{i}")
    assert len(table._memo[True]) <= WORD_CACHE
