"""The tagger's cache of per-token projections: same rows as computing them afresh."""
import numpy as np

from rasid.ner.tagger import ProjectionCache

WIDTH = 4


def project(tokens: list[str]) -> np.ndarray:
    """A stand-in projection: a row that depends only on the token."""
    return np.array([[len(t), ord(t[0]), ord(t[-1]), hash(t) % 97] for t in tokens], np.float32)


def small_cache(capacity: int) -> ProjectionCache:
    cache = ProjectionCache(WIDTH)
    cache.capacity = capacity
    cache.matrix = np.empty((capacity, WIDTH), np.float32)
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

    def counting(tokens):
        seen.extend(tokens)
        return project(tokens)
    cache.rows(["a", "b", "a"], counting)
    cache.rows(["b", "c"], counting)
    assert seen == ["a", "b", "c"]
