"""The tagger's recurrences compiled (rasid/ner/_kernels.c), when the build made them.

`pip install` compiles the C file as an optional extension: where no C compiler is found
the package installs without it and `AVAILABLE` is False, and rasid.ner.model runs the
NumPy versions, which give the same tags (the tests hold the two equal), only slower.
Setting `AVAILABLE = False` turns the compiled versions off (to compare, or to rule them out).
The library is loaded with ctypes from where the import system would find the module; it is
never imported as Python.
"""
from __future__ import annotations

import ctypes
import importlib.util

import numpy as np


def _load():
    spec = importlib.util.find_spec("rasid.ner._kernels")
    if spec is None or not spec.origin:
        return None  # not built: no C compiler where Rasid was installed
    try:
        lib = ctypes.CDLL(spec.origin)
    except OSError:
        return None  # built for another machine or Python
    pointer, size = ctypes.c_void_p, ctypes.c_int64
    lib.rasid_fo_pool.argtypes = [pointer, pointer, pointer, pointer, size, size]
    lib.rasid_fo_pool.restype = None
    lib.rasid_viterbi.argtypes = [pointer, pointer, size, size, pointer, pointer, pointer,
                                  pointer, pointer, pointer, pointer]
    lib.rasid_viterbi.restype = None
    return lib


_LIB = _load()
AVAILABLE = _LIB is not None


def _f32(a: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(a, dtype=np.float32)


def _lengths(lengths: np.ndarray, rows: int) -> np.ndarray:
    """Sentence lengths as the C loops read them; they must cover the rows exactly (the C code
    trusts them with its memory)."""
    lengths = np.ascontiguousarray(lengths, dtype=np.int64).reshape(-1)
    if len(lengths) and (lengths.min() < 0 or lengths.max() > rows):
        raise ValueError(f"a sentence length outside 0..{rows}")
    if int(lengths.sum()) != rows:  # no wrap-around: each length is at most `rows`
        raise ValueError(f"sentence lengths cover {int(lengths.sum())} tokens, not {rows}")
    return lengths


def _at(a: np.ndarray) -> int:
    return a.ctypes.data


def fo_pool_flat(f: np.ndarray, u: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """c (N, 2, H) of c_t = u_t + f_t·c_(t-1), forward (direction 0) and backward (1) within
    each sentence of `lengths`; f and u are (N, 2, H) float32."""
    f, u = _f32(f), _f32(u)
    if u.ndim != 3 or u.shape[1] != 2 or f.shape != u.shape:
        raise ValueError(f"gates of shapes {f.shape} and {u.shape}, not two equal (N, 2, H)")
    lengths = _lengths(lengths, len(u))
    c = np.empty_like(u)
    _LIB.rasid_fo_pool(_at(f), _at(u), _at(c), _at(lengths), len(lengths), u.shape[2])
    return c


def viterbi_flat(em: np.ndarray, lengths: np.ndarray, trans: np.ndarray, start: np.ndarray,
                 end: np.ndarray) -> np.ndarray:
    """Best tag id of each of N tokens (sentences of `lengths`, concatenated) under emissions
    em (N, K), transitions (K, K), start and end scores (K)."""
    em, trans, start, end = _f32(em), _f32(trans), _f32(start), _f32(end)
    if em.ndim != 2 or em.shape[1] == 0 or trans.shape != (em.shape[1],) * 2 \
            or start.shape != (em.shape[1],) or end.shape != (em.shape[1],):
        raise ValueError(f"emissions {em.shape}, transitions {trans.shape}, start {start.shape}, "
                         f"end {end.shape}: not (N, K), (K, K), (K,), (K,)")
    n, k = em.shape
    lengths = _lengths(lengths, n)
    tags = np.zeros(n, np.int64)
    back = np.empty((n, k), np.int64)
    score, following = np.empty(k, np.float32), np.empty(k, np.float32)
    _LIB.rasid_viterbi(_at(em), _at(lengths), len(lengths), k, _at(trans), _at(start), _at(end),
                       _at(tags), _at(back), _at(score), _at(following))
    return tags
