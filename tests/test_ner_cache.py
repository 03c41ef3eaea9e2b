"""The cache of rows by key (the NER tagger's per-token projections, the evidence taggers'
summed weights): the same rows as computing them afresh."""
import numpy as np

from rasid.models.rows import RowCache

WIDTH = 4


def project(tokens: list[str]) -> np.ndarray:
    """A stand-in projection: a row that depends only on the token."""
    return np.array([[len(t), ord(t[0]), ord(t[-1]), hash(t) % 97] for t in tokens], np.float32)


def counting(computed: list[str]):
    """`project` that notes in `computed` every token it is asked for."""
    def compute(tokens):
        computed.extend(tokens)
        return project(tokens)
    return compute


def small_cache(capacity: int) -> RowCache:
    cache = RowCache(WIDTH, 0)
    cache.capacity = capacity
    return cache


def test_cached_rows_equal_fresh_rows_across_calls_and_refills():
    cache = small_cache(8)
    calls = [["a", "bb", "a", "ccc"], ["bb", "dd", "ee", "ff", "gg"], ["hh", "a", "ii", "jj", "kk"]]
    for tokens in calls:  # the third call overflows the cache, which starts afresh
        assert np.array_equal(cache.rows(tokens, project), project(tokens))
    assert len(cache.index) <= cache.capacity


def test_a_call_with_more_distinct_tokens_than_the_cache_holds():
    cache = small_cache(4)
    tokens = [f"w{k}" for k in range(10)] + ["w1", "w2"]
    assert np.array_equal(cache.rows(tokens, project), project(tokens))
    assert np.array_equal(cache.rows(["w1", "x"], project), project(["w1", "x"]))


def test_only_new_tokens_are_computed():
    cache = small_cache(16)
    seen: list[str] = []
    cache.rows(["a", "b", "a"], counting(seen))
    cache.rows(["b", "c"], counting(seen))
    assert seen == ["a", "b", "c"]


def test_the_matrix_grows_as_keys_come_and_keeps_the_rows_it_had():
    cache = RowCache(WIDTH, 4 * WIDTH * 20_000)  # room for 20,000 rows, 4,096 allocated at first
    first = [f"a{k}" for k in range(3000)]
    cache.rows(first, project)
    more = [f"b{k}" for k in range(9000)]
    assert np.array_equal(cache.rows(more + first, project), project(more + first))
    assert len(cache.matrix) >= 12_000 and len(cache.index) == 12_000


def test_a_full_cache_keeps_the_keys_asked_for_again():
    cache = small_cache(8)
    computed: list[str] = []
    compute = counting(computed)
    cache.rows(["often", "a", "b", "c"], compute)
    cache.rows(["often", "d", "e", "f"], compute)  # "often" asked for again: it stays
    tokens = ["g", "h", "i", "often", "j"]
    assert np.array_equal(cache.rows(tokens, compute), project(tokens))  # full: a to f dropped
    assert computed.count("often") == 1 and len(cache.index) <= cache.capacity
    assert np.array_equal(cache.rows(["a", "often"], compute), project(["a", "often"]))
    assert computed.count("often") == 1 and computed.count("a") == 2


def test_keys_kept_from_before_leave_room_for_a_large_call():
    cache = small_cache(8)
    cache.rows(["k1", "k2", "k3"], project)
    cache.rows(["k1", "k2", "k3", "k4"], project)  # k1 to k3 asked for again
    tokens = [f"n{k}" for k in range(7)]  # 7 new keys: only one old row may stay
    assert np.array_equal(cache.rows(tokens, project), project(tokens))
    assert len(cache.index) == 8 and "k1" in cache.index
