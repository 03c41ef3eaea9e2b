"""The NER tagger in torch, for training only; `export` hands its weights to rasid.ner.model.

Token representation: two frozen pretrained word vectors (the token and its most frequent
clitic-free reading), a character CNN with max pooling and a shape embedding. Encoder: a
BiLSTM, a bidirectional QRNN (gates from the input only, so the
recurrence is elementwise and cheap in NumPy) or a stack of width-3 convolutions. Output: a linear-chain CRF. The NumPy forward
pass in src/rasid/ner/model.py mirrors this module parameter for parameter.
"""
from __future__ import annotations

import numpy as np
import torch
from torch import nn


class Tagger(nn.Module):
    def __init__(self, vectors: np.ndarray, n_chars: int, n_shapes: int, n_tags: int, *,
                 encoder: str = "lstm", hidden: int = 128, char_dim: int = 32, char_filters: int = 64,
                 shape_dim: int = 8, layers: int = 3, dropout: float = 0.5):
        super().__init__()
        self.encoder_kind = encoder
        self.word_emb = nn.Embedding.from_pretrained(torch.from_numpy(vectors), freeze=True, padding_idx=0)
        self.char_emb = nn.Embedding(n_chars, char_dim, padding_idx=0)
        self.char_conv = nn.Conv1d(char_dim, char_filters, 3, padding=1)
        self.shape_emb = nn.Embedding(n_shapes, shape_dim)
        d_in = 2 * vectors.shape[1] + char_filters + shape_dim
        self.drop = nn.Dropout(dropout)
        if encoder == "lstm":
            self.lstm = nn.LSTM(d_in, hidden, batch_first=True, bidirectional=True)
            d_out = 2 * hidden
        elif encoder == "qrnn":
            self.qrnn = nn.ModuleList(nn.Linear(d_in if i == 0 else 2 * hidden, 6 * hidden) for i in range(layers))
            d_out = 2 * hidden
        else:
            self.convs = nn.ModuleList(nn.Conv1d(d_in if i == 0 else hidden, hidden, 3, padding=1)
                                       for i in range(layers))
            d_out = hidden
        self.out = nn.Linear(d_out, n_tags)
        self.trans = nn.Parameter(torch.zeros(n_tags, n_tags))
        self.start = nn.Parameter(torch.zeros(n_tags))
        self.end = nn.Parameter(torch.zeros(n_tags))

    def char_features(self, chars: torch.Tensor) -> torch.Tensor:
        b, t, c = chars.shape
        x = self.char_emb(chars.view(b * t, c)).transpose(1, 2)          # (BT, D, C)
        h = torch.relu(self.char_conv(x))
        h = h.masked_fill((chars.view(b * t, 1, c) == 0), 0.0)          # relu ≥ 0: padding → 0
        return h.max(dim=2).values.view(b, t, -1)

    def emissions(self, words, shapes, chars, lengths) -> torch.Tensor:
        w = self.word_emb(words).flatten(2)                               # (B, T, 2Dw)
        x = torch.cat([w, self.char_features(chars), self.shape_emb(shapes)], dim=-1)
        x = self.drop(x)
        if self.encoder_kind == "lstm":
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
        elif self.encoder_kind == "qrnn":
            mask = (torch.arange(x.shape[1])[None, :] < lengths[:, None]).unsqueeze(-1).float()
            h = x
            for i, layer in enumerate(self.qrnn):
                h = bi_qrnn(layer(h), mask)
                h = self.drop(h) if i < len(self.qrnn) - 1 else h
        else:
            mask = (torch.arange(x.shape[1])[None, :] < lengths[:, None]).unsqueeze(-1).float()
            h = x
            for i, conv in enumerate(self.convs):
                y = torch.relu(conv((h * mask).transpose(1, 2)).transpose(1, 2))
                h = y + h if i else y
                h = self.drop(h) if i < len(self.convs) - 1 else h
        return self.out(self.drop(h))

    def nll(self, emissions: torch.Tensor, tags: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """Mean negative log-likelihood of the gold tag sequences under the CRF."""
        mask = torch.arange(emissions.shape[1])[None, :] < lengths[:, None]
        return (log_partition(emissions, mask, self.trans, self.start, self.end)
                - gold_score(emissions, tags, mask, self.trans, self.start, self.end)).mean()


def bi_qrnn(gates: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """fo-pooling in both directions: c_t = f_t·c_(t-1) + (1 - f_t)·z_t, h_t = o_t·c_t.

    `gates` (B, T, 6H) hold z, f, o forward then backward. Padding (mask 0) has f = 0 and
    no input, so the backward pass over the whole padded length starts clean at each end.
    """
    hid = gates.shape[-1] // 6
    out = []
    for d, g in enumerate(gates.split(3 * hid, dim=-1)):
        z, f, o = torch.tanh(g[..., :hid]), torch.sigmoid(g[..., hid:2 * hid]), torch.sigmoid(g[..., 2 * hid:])
        f = f * mask
        u = (1 - f) * z * mask
        steps = range(g.shape[1]) if d == 0 else range(g.shape[1] - 1, -1, -1)
        c = torch.zeros_like(z[:, 0])
        cs = [None] * g.shape[1]
        for t in steps:
            c = f[:, t] * c + u[:, t]
            cs[t] = c
        out.append(o * torch.stack(cs, dim=1))
    return torch.cat(out, dim=-1)


def log_partition(em, mask, trans, start, end):
    alpha = start + em[:, 0]
    for t in range(1, em.shape[1]):
        nxt = torch.logsumexp(alpha.unsqueeze(2) + trans.unsqueeze(0), dim=1) + em[:, t]
        alpha = torch.where(mask[:, t:t + 1], nxt, alpha)
    return torch.logsumexp(alpha + end, dim=1)


def gold_score(em, tags, mask, trans, start, end):
    b = torch.arange(em.shape[0])
    score = start[tags[:, 0]] + em[b, 0, tags[:, 0]]
    for t in range(1, em.shape[1]):
        step = trans[tags[:, t - 1], tags[:, t]] + em[b, t, tags[:, t]]
        score = score + step * mask[:, t]
    last = tags[b, mask.sum(1) - 1]
    return score + end[last]


def export(model: Tagger, rank: int | None = None) -> dict[str, np.ndarray]:
    """Weights as NumPy arrays under the names rasid.ner.model reads.

    With `rank`, QRNN layers after the first (whose projection the tagger caches per token)
    ship as two SVD factors of that rank: half the multiply-adds for a dev F1 within 0.001
    of the full layer (rank 96 of 256 inputs, measured on the dev part).
    """
    sd = {k: v.detach().cpu().numpy() for k, v in model.state_dict().items()}
    out = {"word_emb": sd["word_emb.weight"].astype(np.float16),
           "char_emb": sd["char_emb.weight"], "char_conv_w": sd["char_conv.weight"],
           "char_conv_b": sd["char_conv.bias"], "shape_emb": sd["shape_emb.weight"],
           "out_w": sd["out.weight"], "out_b": sd["out.bias"],
           "crf_trans": sd["trans"], "crf_start": sd["start"], "crf_end": sd["end"]}
    if model.encoder_kind == "lstm":
        for d, sfx in (("fw", ""), ("bw", "_reverse")):
            out[f"lstm_{d}_wi"] = sd[f"lstm.weight_ih_l0{sfx}"]
            out[f"lstm_{d}_wh"] = sd[f"lstm.weight_hh_l0{sfx}"]
            out[f"lstm_{d}_b"] = sd[f"lstm.bias_ih_l0{sfx}"] + sd[f"lstm.bias_hh_l0{sfx}"]
    elif model.encoder_kind == "qrnn":
        for i in range(len(model.qrnn)):
            w = sd[f"qrnn.{i}.weight"]
            out[f"qrnn{i}_b"] = sd[f"qrnn.{i}.bias"]
            if i and rank and rank < min(w.shape):
                u, sv, vt = np.linalg.svd(w.T, full_matrices=False)   # (D_in, 6H) = u·diag(sv)·vt
                out[f"qrnn{i}_wa"], out[f"qrnn{i}_wb"] = u[:, :rank] * sv[:rank], vt[:rank]
            else:
                out[f"qrnn{i}_w"] = w
    else:
        for i in range(len(model.convs)):
            out[f"conv{i}_w"] = sd[f"convs.{i}.weight"]
            out[f"conv{i}_b"] = sd[f"convs.{i}.bias"]
    return {k: (v if v.dtype == np.float16 else v.astype(np.float32)) for k, v in out.items()}
