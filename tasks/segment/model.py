"""The line-labelling model: two small neural networks score each line's labels, a Viterbi pass
picks the most likely label sequence for the page.

The first network sees a line's own features and its neighbours' (tasks.segment.features). The
second sees the same plus what the first guessed for the lines around, for the page above and
below, for the lines of the same shape and for the same place in the neighbouring comment
records — so a comment system's repeated unit (name, date, text, buttons) is read off the page
itself (stacked sequential learning). A transition table learned from labelled pages then says
which label may follow which, and Viterbi decoding keeps the page's labels consistent (a hybrid of
a neural classifier and an HMM).

Everything is numpy: a page is a few matrix products and a loop over its lines. The weights live
in `model.npz` next to this file, written by `python -m tasks.segment.train`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from tasks.segment.features import FEATURES, batch_context, context_names, shape_ids
from tasks.segment.labels import AUTH, AUTH_B, BODY, CCHROME, CMETA, CMETA_B, LABELS, TEXT, TEXT_B
from tasks.segment.lines import Line

MODEL_PATH = Path(__file__).with_name("model.npz")


@dataclass
class Network:
    """Standardise, then dense layers with ReLU between them and a softmax at the end."""

    mean: np.ndarray
    scale: np.ndarray
    weights: list[np.ndarray]  # W1, b1, W2, b2, ...

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        h = (X - self.mean) / self.scale
        w = self.weights
        for i in range(0, len(w), 2):
            h = h @ w[i] + w[i + 1]
            if i + 2 < len(w):
                np.maximum(h, 0, out=h)
        h -= h.max(axis=1, keepdims=True)
        np.exp(h, out=h)
        h /= h.sum(axis=1, keepdims=True)
        return h

    def contributions(self, X: np.ndarray, labels: np.ndarray) -> np.ndarray:
        """Gradient of each row's label logit times the standardised input: how much each feature
        moved the network towards that label."""
        h = (X - self.mean) / self.scale
        w = self.weights
        acts = [h]
        for i in range(0, len(w) - 2, 2):
            acts.append(np.maximum(acts[-1] @ w[i] + w[i + 1], 0))
        grad = w[-2][:, labels].T  # (rows, last hidden)
        for i in range(len(w) - 4, -1, -2):
            grad = (grad * (acts[i // 2 + 1] > 0)) @ w[i].T
        return grad * h

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        out = {f"{prefix}mean": self.mean.astype(np.float32), f"{prefix}scale": self.scale.astype(np.float32)}
        out.update({f"{prefix}w{i}": w.astype(np.float32) for i, w in enumerate(self.weights)})
        return out

    @classmethod
    def from_arrays(cls, z, prefix: str) -> Network:
        count = sum(1 for k in z.files if k.startswith(prefix + "w"))
        return cls(z[prefix + "mean"], z[prefix + "scale"], [z[f"{prefix}w{i}"] for i in range(count)])


@dataclass
class LineModel:
    first: Network
    second: Network
    log_prior: np.ndarray  # (K,) label frequencies in training
    log_trans: np.ndarray  # (K, K) log P(next label | label)
    log_start: np.ndarray  # (K,)
    prior_weight: float = 0.5  # how much of the prior is divided out of the network's posteriors

    def probabilities(self, X: np.ndarray, lines: list[Line]) -> tuple[np.ndarray, np.ndarray]:
        """(first-pass, second-pass) label probabilities of each line of one page."""
        return self.batch_probabilities(X, shape_ids(lines), np.array([0, len(lines)]))

    def batch_probabilities(
        self, X: np.ndarray, shapes: np.ndarray, offsets: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """The same for many pages at once (rows stacked; `offsets` are the pages' row offsets)."""
        p1 = self.first.probabilities(X)
        p2 = self.second.probabilities(np.hstack([X, batch_context(p1, shapes, offsets)]))
        return p1, p2

    def reasons(
        self, X: np.ndarray, shapes: np.ndarray, labels: np.ndarray, top: int = 3
    ) -> list[list[tuple[str, float]]]:
        """Per line, the second network's inputs that pushed hardest towards the line's label
        (gradient times input on standardised features): for `scrapeline explain`."""
        p1 = self.first.probabilities(X)
        inputs = np.hstack([X, batch_context(p1, shapes, np.array([0, len(X)]))])
        contrib = self.second.contributions(inputs, labels)
        order = np.argsort(-contrib, axis=1)[:, :top]
        return [[(SECOND_PASS[j], float(contrib[i, j])) for j in row] for i, row in enumerate(order)]

    def label_batch(self, probs: np.ndarray, gaps: np.ndarray, offsets: np.ndarray) -> np.ndarray:
        """Each line's label, for pages stacked as in `batch_probabilities`: the page's own
        record rhythm (`split_at_record_gaps`), then the decode."""
        adjusted, boundaries = split_at_record_gaps(probs, gaps, offsets)
        return self.decode_batch(adjusted, offsets, boundaries)

    def decode_batch(
        self, probs: np.ndarray, offsets: np.ndarray, boundaries: np.ndarray | None = None
    ) -> np.ndarray:
        """`decode` for many pages at once: the pages' label sequences, stacked. At rows marked
        in `boundaries` a new comment record opens: entering it from comment text costs what a
        record boundary costs, not what a paragraph of the same comment would."""
        emit = np.log(probs + 1e-9) - self.prior_weight * self.log_prior
        sizes = np.diff(offsets)
        out = np.zeros(len(probs), dtype=np.int64)
        best = np.full(len(sizes), -np.inf)
        for trans, start in _templates(self.log_trans, self.log_start):
            labels, scores = _viterbi_batch(emit, offsets, trans, start, boundaries)
            better = scores > best
            best = np.where(better, scores, best)
            rows = np.repeat(better, sizes)
            out[rows] = labels[rows]
        return out

    def decode(self, probs: np.ndarray) -> np.ndarray:
        """The most likely label sequence under the network's scores and the transition table,
        with one record template for the whole page: authors head their comments (a name, then
        its text) or sign them (the text, then the name), not some one way and some the other."""
        if len(probs) == 0:
            return np.zeros(0, dtype=np.int64)
        emit = np.log(probs + 1e-9) - self.prior_weight * self.log_prior
        best, best_score = None, -np.inf
        for trans, start in _templates(self.log_trans, self.log_start):
            labels, score = _viterbi(emit, trans, start)
            if score > best_score:
                best, best_score = labels, score
        return best

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            features=np.array(FEATURES),
            labels=np.array(LABELS),
            log_prior=self.log_prior,
            log_trans=self.log_trans,
            log_start=self.log_start,
            prior_weight=np.array(self.prior_weight),
            **self.first.arrays("a_"),
            **self.second.arrays("b_"),
        )

    @classmethod
    def load(cls, path: Path) -> LineModel:
        with np.load(path, allow_pickle=False) as z:
            if (
                tuple(str(f) for f in z["features"]) != FEATURES
                or tuple(str(x) for x in z["labels"]) != LABELS
            ):
                raise ValueError(f"{path} was trained on other features or labels: retrain it")
            return cls(
                Network.from_arrays(z, "a_"),
                Network.from_arrays(z, "b_"),
                z["log_prior"],
                z["log_trans"],
                z["log_start"],
                float(z["prior_weight"]),
            )


SECOND_PASS = (*FEATURES, *context_names(LABELS))  # the second network's inputs
_NEVER = -1e4


def _templates(trans: np.ndarray, start: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """The transition table as it reads for pages whose comments are headed by their author line
    (no author line right after comment text) and for pages whose comments are signed (no author
    line opens a record)."""
    headed = trans.copy()
    headed[[TEXT, TEXT_B], AUTH] = _NEVER
    signed = trans.copy()
    signed[:, AUTH_B] = _NEVER
    signed_start = start.copy()
    signed_start[AUTH_B] = _NEVER
    return [(headed, start), (signed, signed_start)]


_CHUNK = 256  # pages decoded together


def _at_boundary(trans: np.ndarray) -> np.ndarray:
    """The transition table at a known record boundary: comment text to an unnamed record's
    text as cheap as comment text to the next author line."""
    out = trans.copy()
    opening = trans[TEXT, AUTH_B]
    for src in (TEXT, TEXT_B):
        out[src, TEXT_B] = max(out[src, TEXT_B], opening)
    return out


def _viterbi_batch(
    emit: np.ndarray,
    offsets: np.ndarray,
    trans: np.ndarray,
    start: np.ndarray,
    boundaries: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Viterbi over many pages at once: pages of similar length are padded into one array and
    decoded step by step together. Returns the stacked labels and each page's best score."""
    sizes = np.diff(offsets)
    k = emit.shape[1]
    labels = np.zeros(len(emit), dtype=np.int64)
    scores = np.full(len(sizes), -np.inf)
    order = np.argsort(sizes, kind="stable")
    order = order[sizes[order] > 0]
    for c in range(0, len(order), _CHUNK):
        pages = order[c : c + _CHUNK]
        lens = sizes[pages]
        b, length = len(pages), int(lens.max())
        rows = offsets[pages][:, None] + np.arange(length)[None, :]
        valid = np.arange(length)[None, :] < lens[:, None]
        e = np.where(valid[:, :, None], emit[np.minimum(rows, len(emit) - 1)], 0.0)
        cut = None
        if boundaries is not None and boundaries.any():
            cut = valid & boundaries[np.minimum(rows, len(emit) - 1)]
            at_cut = _at_boundary(trans)
        back = np.zeros((b, length, k), dtype=np.int8)
        score = start[None, :] + e[:, 0]
        ended = np.searchsorted(lens, np.arange(length), side="right")  # pages sorted by length
        for t in range(1, length):
            a = ended[t]  # the pages from a on still have a line t: only they take a step
            if cut is not None and cut[a:, t].any():
                cand = score[a:, :, None] + np.where(cut[a:, t, None, None], at_cut[None], trans[None])
            else:
                cand = score[a:, :, None] + trans[None]
            back[a:, t] = cand.argmax(axis=1)
            score[a:] = cand.max(axis=1) + e[a:, t]
        cur = score.argmax(axis=1)
        scores[pages] = score.max(axis=1)
        seq = np.zeros((b, length), dtype=np.int64)
        seq[np.arange(b), lens - 1] = cur
        for t in range(length - 1, 0, -1):
            active = t <= lens - 1
            prev = back[np.arange(b), t, cur]
            cur = np.where(active, prev, cur)
            seq[active, t - 1] = cur[active]
        labels[rows[valid]] = seq[valid]
    return labels, scores


def _viterbi(emit: np.ndarray, trans: np.ndarray, start: np.ndarray) -> tuple[np.ndarray, float]:
    n, k = emit.shape
    back = np.empty((n, k), dtype=np.int64)
    score = start + emit[0]
    cols = np.arange(k)
    for t in range(1, n):
        cand = score[:, None] + trans
        best = cand.argmax(axis=0)
        back[t] = best
        score = cand[best, cols] + emit[t]
    out = np.empty(n, dtype=np.int64)
    out[-1] = int(score.argmax())
    for t in range(n - 1, 0, -1):
        out[t - 1] = back[t, out[t]]
    return out, float(score.max())


@cache
def shipped() -> LineModel:
    """The model in the package, loaded once per process."""
    return LineModel.load(MODEL_PATH)


def split_at_record_gaps(
    probs: np.ndarray, gaps: np.ndarray, offsets: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Comments without an author line (anonymous posters) are told from the paragraphs of the
    comment above them by the page's own rhythm: where the author-headed records start after at
    most `g` blank lines (nine in ten of them) and comment paragraphs are set `g` apart or less,
    a line after a wider gap below comment text opens a record, unless it looks like an author or
    meta line. Returns the adjusted probabilities and those record boundaries (for the decode).
    The page is its own training data here, as a comment section repeats its unit;
    the model alone cannot know this page's gaps."""
    out = probs
    cuts = np.zeros(len(probs), dtype=bool)
    heads = probs[:, AUTH_B] > 0.5
    texty = probs[:, TEXT] + probs[:, TEXT_B] > 0.5
    header = probs[:, [AUTH_B, AUTH, CMETA_B, CMETA, CCHROME]].sum(axis=1) > 0.5
    for lo, hi in zip(offsets[:-1], offsets[1:], strict=True):
        head = np.flatnonzero(heads[lo:hi])
        if len(head) < 3:
            continue
        g = gaps[lo:hi]
        record_gap = int(np.percentile(g[head], 90, method="lower"))  # a stray wide one aside
        t = texty[lo:hi]
        follows = np.flatnonzero(t[1:] & t[:-1]) + 1  # text right after text: paragraph or record
        spaced = g[follows][g[follows] > 0]  # paragraph breaks, not the lines of a wrapped paragraph
        if record_gap < 1 or len(spaced) < 2 or np.bincount(spaced).argmax() != record_gap:
            continue  # paragraphs not set as records are: the page has no such rhythm
        after_text = np.flatnonzero(t[:-1] & ~header[lo + 1 : hi]) + 1
        wide = after_text[g[after_text] > record_gap]
        if not len(wide) or len(wide) * 3 > len(spaced):
            continue
        if out is probs:
            out = probs.copy()
        rows = lo + wide
        out[rows, TEXT_B] += out[rows, TEXT] + out[rows, BODY]
        out[rows, TEXT] = 0.0
        out[rows, BODY] = 0.0
        cuts[rows] = True
    return out, cuts
