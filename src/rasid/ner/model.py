"""The NER tagger's forward pass and Viterbi decoding in NumPy (no torch at run time).

Mirrors tools/ner_torch.py: token vectors (two frozen word embeddings, a character CNN,
a shape embedding) → a bidirectional QRNN or LSTM → tag scores → CRF Viterbi.
Work is laid out for speed on one CPU core: everything that depends on the token alone
(embeddings, character CNN, the first layer's input projection) is computed once per
distinct token and cached by the caller; per-token layers run on the flat (N, D) array of
real tokens; only the recurrences and Viterbi see padded (B, T) batches.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from rasid.ner import kernels

_FORBIDDEN = -1e4  # transition score that rules out an I- tag not continuing its entity


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


@dataclass
class Network:
    """Weights by name (see tools/ner_torch.export) plus the tag set."""
    w: dict[str, np.ndarray]
    tags: tuple[str, ...]
    encoder: str
    _layers: list = field(default_factory=list, repr=False)

    def __post_init__(self):
        self.trans = self.w["crf_trans"] + bio_constraints(self.tags)
        self.start = self.w["crf_start"] + bio_constraints(self.tags, start=True)
        self._char_tables = char_tables(self.w["char_emb"], self.w["char_conv_w"])
        if self.encoder == "lstm":
            self._layers = [(np.concatenate([self.w["lstm_fw_wi"], self.w["lstm_bw_wi"]]).T.copy(),
                             np.concatenate([self.w["lstm_fw_b"], self.w["lstm_bw_b"]]))]
            self._wh = np.stack([self.w["lstm_fw_wh"].T, self.w["lstm_bw_wh"].T])
        else:
            n = sum(1 for k in self.w if k.startswith("qrnn") and k.endswith("_b"))
            self._layers = [(self._qrnn_weight(i), self.w[f"qrnn{i}_b"]) for i in range(n)]

    def _qrnn_weight(self, i: int):
        """Layer i's (D_in, 6H) weight, or its two low-rank factors when the model ships them."""
        if f"qrnn{i}_w" in self.w:
            return self.w[f"qrnn{i}_w"].T.copy()
        return self.w[f"qrnn{i}_wa"], self.w[f"qrnn{i}_wb"]

    @property
    def projection_size(self) -> int:
        return self._layers[0][0].shape[1]

    def project(self, words: np.ndarray, shapes: np.ndarray, chars: np.ndarray) -> np.ndarray:
        """First-layer input projections (N, P) of N distinct tokens (ids from rasid.ner.encode)."""
        vec = np.concatenate([self.w["word_emb"][words].reshape(len(words), -1).astype(np.float32),
                              self._char_features(chars), self.w["shape_emb"][shapes]], axis=1)
        w, b = self._layers[0]
        return vec @ w + b

    def decode(self, projected: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Best tag ids of N tokens (sentences of `lengths`, concatenated) under the CRF."""
        if self.encoder != "lstm" and kernels.AVAILABLE:
            return self._decode_flat(projected, lengths)
        pad = Padding(lengths)
        if self.encoder == "lstm":
            h = pad.flat(self._lstm(pad.batch(projected), lengths))
        else:
            h = fo_pool(projected, pad)
            for w, b in self._layers[1:]:
                h = fo_pool((h @ w[0] @ w[1] if isinstance(w, tuple) else h @ w) + b, pad)
        em = pad.batch(h @ self.w["out_w"].T + self.w["out_b"])
        return pad.flat(viterbi(em, lengths, self.trans, self.start, self.w["crf_end"]))

    def _decode_flat(self, projected: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """`decode` with the compiled recurrences (rasid.ner.kernels) on the flat token layout."""
        h = fo_pool_flat(projected, lengths)
        for w, b in self._layers[1:]:
            h = fo_pool_flat((h @ w[0] @ w[1] if isinstance(w, tuple) else h @ w) + b, lengths)
        em = h @ self.w["out_w"].T + self.w["out_b"]
        return kernels.viterbi_flat(em, lengths, self.trans, self.start, self.w["crf_end"])

    def _char_features(self, chars: np.ndarray) -> np.ndarray:
        """The character CNN (N, F) of N tokens' character ids (N, C): a width-K convolution over
        each token's characters, ReLU, max over positions (padding positions give 0)."""
        n, c = chars.shape
        tables = self._char_tables
        k, edge = len(tables), len(tables[0]) - 1  # `edge`: the zero row outside the word
        padded = np.full((n, c + k - 1), edge, dtype=chars.dtype)
        padded[:, k // 2:k // 2 + c] = chars
        h = self.w["char_conv_b"] + tables[0][padded[:, 0:c]]
        for j in range(1, k):
            h += tables[j][padded[:, j:j + c]]
        np.maximum(h, 0.0, out=h)
        h[chars == 0] = 0.0
        return h.max(axis=1)

    def _lstm(self, xp: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Both directions over projected inputs `xp` (B, T, 8H); returns (B, T, 2H)."""
        b, t, _ = xp.shape
        hid = self._wh.shape[1]
        rev = reverse_index(lengths, t)
        x = np.stack([xp[:, :, :4 * hid], np.take_along_axis(xp[:, :, 4 * hid:], rev[:, :, None], axis=1)])
        h = np.zeros((2, b, hid), np.float32)
        c = np.zeros((2, b, hid), np.float32)
        out = np.empty((2, b, t, hid), np.float32)
        for step in range(t):
            g = x[:, :, step] + np.matmul(h, self._wh)
            i, f, o = sigmoid(g[..., :hid]), sigmoid(g[..., hid:2 * hid]), sigmoid(g[..., 3 * hid:])
            c = f * c + i * np.tanh(g[..., 2 * hid:3 * hid])
            h = o * np.tanh(c)
            out[:, :, step] = h
        backward = np.take_along_axis(out[1], rev[:, :, None], axis=1)
        return np.concatenate([out[0], backward], axis=2)


def char_tables(char_emb: np.ndarray, conv_w: np.ndarray) -> np.ndarray:
    """(K, V + 1, F): for each offset j of the (F, D, K) convolution, every character's
    embedding times the filters at j, and a row of zeros for the padding past a word's edge.
    The convolution is then K look-ups and sums per position instead of a product of windows."""
    tables = np.einsum("vd,fdk->kvf", char_emb.astype(np.float32), conv_w.astype(np.float32))
    return np.concatenate([tables, np.zeros((tables.shape[0], 1, tables.shape[2]), np.float32)], axis=1)


class Padding:
    """Moves per-token rows between the flat (N, D) layout and padded (B, T, D) batches."""

    def __init__(self, lengths: np.ndarray):
        self.lengths = lengths
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.intp)
        self.rows = np.repeat(np.arange(len(lengths)), lengths)
        self.cols = np.arange(int(lengths.sum())) - np.repeat(starts, lengths)
        self.rev_cols = np.repeat(lengths, lengths) - 1 - self.cols  # position from the end
        self.shape = (len(lengths), int(lengths.max()) if len(lengths) else 0)

    def batch(self, flat: np.ndarray) -> np.ndarray:
        out = np.zeros(self.shape + flat.shape[1:], flat.dtype)
        out[self.rows, self.cols] = flat
        return out

    def flat(self, batch: np.ndarray) -> np.ndarray:
        return batch[self.rows, self.cols]


def fo_pool(gates: np.ndarray, pad: Padding) -> np.ndarray:
    """QRNN fo-pooling both ways (see tools/ner_torch.bi_qrnn): flat (N, 6H) → flat (N, 2H).

    Activations run on the N real tokens; only c_t = f_t·c_(t-1) + u_t steps through time,
    on a (T, 2, B, H) array where the backward direction is stored reversed per sentence.
    """
    hid = gates.shape[1] // 6
    g = gates.reshape(len(gates), 2, 3, hid)
    f = sigmoid(g[:, :, 1])
    u = (1.0 - f) * np.tanh(g[:, :, 0])
    fs = np.zeros((pad.shape[1], 2, pad.shape[0], hid), np.float32)
    us = np.zeros_like(fs)
    for d, cols in enumerate((pad.cols, pad.rev_cols)):
        fs[cols, d, pad.rows] = f[:, d]
        us[cols, d, pad.rows] = u[:, d]
    for step in range(1, pad.shape[1]):
        us[step] += fs[step] * us[step - 1]
    c = np.stack([us[pad.cols, 0, pad.rows], us[pad.rev_cols, 1, pad.rows]], axis=1)
    return (sigmoid(g[:, :, 2]) * c).reshape(len(gates), 2 * hid)


def fo_pool_flat(gates: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """`fo_pool` with the compiled recurrence: the same activations, no padded arrays."""
    hid = gates.shape[1] // 6
    g = gates.reshape(len(gates), 2, 3, hid)
    f = sigmoid(g[:, :, 1])
    u = (1.0 - f) * np.tanh(g[:, :, 0])
    c = kernels.fo_pool_flat(f, u, lengths)
    return (sigmoid(g[:, :, 2]) * c).reshape(len(gates), 2 * hid)


def reverse_index(lengths: np.ndarray, t: int) -> np.ndarray:
    """(B, T) positions that reverse each sentence within its length, padding left in place."""
    pos = np.arange(t)[None, :]
    return np.where(pos < lengths[:, None], lengths[:, None] - 1 - pos, pos)


def viterbi(em: np.ndarray, lengths: np.ndarray, trans: np.ndarray, start: np.ndarray,
            end: np.ndarray) -> np.ndarray:
    """Best paths of a padded batch (B, T, K); tags past a sentence's end repeat its last tag."""
    order = np.argsort(-lengths, kind="stable")
    em, lengths = em[order], lengths[order]
    b, t, k = em.shape
    live = np.searchsorted(-lengths, -np.arange(t), side="left")  # sentences longer than each step
    score = start + em[:, 0]
    back = np.empty((t, b, k), np.intp)
    back[:] = np.arange(k)
    for step in range(1, t):
        n = live[step]
        cand = score[:n, :, None] + trans
        back[step, :n] = cand.argmax(axis=1)
        score[:n] = cand.max(axis=1) + em[:n, step]
    tags = np.empty((b, t), np.intp)
    tags[:, -1] = (score + end).argmax(axis=1)
    rows = np.arange(b)
    for step in range(t - 1, 0, -1):
        tags[:, step - 1] = back[step, rows, tags[:, step]]
    out = np.empty_like(tags)
    out[order] = tags
    return out


def bio_constraints(tags: tuple[str, ...], start: bool = False) -> np.ndarray:
    """Transition (or start) penalties that forbid an I-X not preceded by B-X or I-X."""
    k = len(tags)
    if start:
        return np.array([_FORBIDDEN if t.startswith("I-") else 0.0 for t in tags], np.float32)
    out = np.zeros((k, k), np.float32)
    for j, to in enumerate(tags):
        if to.startswith("I-"):
            for i, frm in enumerate(tags):
                if frm[2:] != to[2:]:
                    out[i, j] = _FORBIDDEN
    return out
