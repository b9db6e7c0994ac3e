"""Fitting the two-pass line model on labelled pages.

The second pass learns from the first pass's guesses, so on training pages it must see guesses
the first pass made without having trained on those pages: the first pass is fitted on three
folds (pages grouped by family or site), each fold's pages get the guesses of the model that
did not see them, and the second pass trains on those. The shipped first pass is then fitted on
everything.
"""

from __future__ import annotations

import hashlib
import pickle
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tasks.segment.features import PageInput, batch_features, boilerplate_key, context_features, shape_ids
from tasks.segment.labels import CCHROME, CHROME, LABELS, OPENS_RECORD
from tasks.segment.lines import Line, split_lines
from tasks.segment.model import LineModel, Network
from tasks.segment.train.data import CACHE
from tasks.segment.train.mlp import train_mlp
from tasks.segment.train.teacher import LabelledPage

K = len(LABELS)
FOLDS = 3
TRANSITION_WEIGHT = 0.5  # the networks already see their neighbours: the transition table only tempers them


@dataclass
class Featured:
    """A data set's pages with their lines, features and labels."""

    pages: list[LabelledPage]
    lines: list[list[Line]]
    X: list[np.ndarray]
    y: list[np.ndarray]


def _code_version() -> str:
    """A hash of the feature code as it was when this process imported it (not as it is on disk
    now: features computed by the code in memory must not be cached under a newer code's name)."""
    return _CODE_VERSION


def _hash_code() -> str:
    h = hashlib.sha256()
    here = Path(__file__).resolve().parents[1]
    for name in ("features.py", "cues.toml", "lines.py", "dates.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()[:12]


_CODE_VERSION = _hash_code()


def featurize(name: str, pages: list[LabelledPage], train: bool = False) -> Featured:
    """Features of every page, cached by data set and feature code. Only training pages get the
    simulated site boilerplate (`site_boilerplate`): it is read off the labels, which a page
    that is measured must not lend its features."""
    lines = [split_lines(p.text, p.format == "markdown") for p in pages]
    kind = "measure"
    if train:  # training features read the labels (site boilerplate): new labels, new features
        kind = "train-" + hashlib.sha256(repr([p.labels for p in pages]).encode()).hexdigest()[:12]
    path = CACHE / f"features-{name}-{_code_version()}-{len(pages)}-{kind}.pkl"
    if path.exists():
        X = pickle.loads(path.read_bytes())
    else:
        X = []
        for lo in range(0, len(pages), 256):
            chunk = [
                PageInput(ls, p.format == "markdown", site_boilerplate(p, ls) if train else frozenset())
                for p, ls in zip(pages[lo : lo + 256], lines[lo : lo + 256], strict=True)
            ]
            feats = batch_features(chunk)
            X += [feats.X[a:b] for a, b in zip(feats.offsets[:-1], feats.offsets[1:], strict=True)]
        path.write_bytes(pickle.dumps(X, protocol=pickle.HIGHEST_PROTOCOL))
    y = [np.array(p.labels, dtype=np.int64) for p in pages]
    return Featured(pages, lines, X, y)


SITE_SHARE = 0.3  # pages seen as if other pages of their site were in the batch


def site_boilerplate(page: LabelledPage, lines: list[Line]) -> frozenset[str]:
    """What `batch_boilerplate` would have found had the page's site other pages in the batch: most
    of its chrome lines (menus, footers, widgets repeat across a site), none of its text. Training
    pages come one per site, so without this the model never sees the signal."""
    rng = random.Random(page.name)
    if not page.labels or rng.random() >= SITE_SHARE:
        return frozenset()
    chrome = (CHROME, CCHROME)
    return frozenset(
        boilerplate_key(ln)
        for ln, lab in zip(lines, page.labels, strict=True)
        if lab in chrome and len(ln.raw) <= 200 and rng.random() < 0.7
    )


def _fold(group: str) -> int:
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % FOLDS


def _stack(parts: list[np.ndarray], ys: list[np.ndarray], ws: list[float]):
    X = np.vstack(parts)
    y = np.concatenate(ys)
    w = np.concatenate([np.full(len(yy), wt, dtype=np.float32) for yy, wt in zip(ys, ws, strict=True)])
    keep = y >= 0
    return X[keep], y[keep], w[keep]


OPENER_WEIGHT = 2.0  # a missed or extra record opener costs a whole comment: they count double


def _balance(y: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Rare labels count more (by the square root of their rarity), so openers are not drowned."""
    freq = np.bincount(y, minlength=K) / len(y)
    w = w / np.sqrt(np.maximum(freq[y], 1e-6) * K)
    return np.where(np.isin(y, list(OPENS_RECORD)), w * OPENER_WEIGHT, w)


def _network(X: np.ndarray, y: np.ndarray, w: np.ndarray, hidden, epochs: int, seed: int, log) -> Network:
    mean = X.mean(axis=0)
    scale = X.std(axis=0) + 1e-3
    Xn = ((X - mean) / scale).astype(np.float32)
    valid = np.random.default_rng(seed).random(len(y)) < 0.04
    weights = train_mlp(
        Xn[~valid],
        y[~valid],
        w[~valid],
        K,
        hidden=hidden,
        epochs=epochs,
        seed=seed,
        valid=(Xn[valid], y[valid], w[valid]),
        log=log,
    )
    return Network(mean.astype(np.float32), scale.astype(np.float32), weights)


def _transitions(ys: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    trans = np.ones((K, K))
    start = np.ones(K)
    for y in ys:
        y = y[y >= 0]
        if len(y):
            start[y[0]] += 1
            np.add.at(trans, (y[:-1], y[1:]), 1)
    return np.log(trans / trans.sum(axis=1, keepdims=True)), np.log(start / start.sum())


def fit(
    sets: list[tuple[Featured, float]],
    hidden: tuple[int, ...] = (128, 64),
    epochs: int = 12,
    seed: int = 0,
    log=print,
) -> LineModel:
    """The two-pass model from data sets with their weights."""
    pages = [
        (X, y, lines, p.group, wt)
        for f, wt in sets
        for X, y, lines, p in zip(f.X, f.y, f.lines, f.pages, strict=True)
        if len(y)
    ]
    folds = [_fold(group) for *_, group, _ in pages]
    oof: list[np.ndarray | None] = [None] * len(pages)
    for k in range(FOLDS):
        log(f"first pass, fold {k + 1}/{FOLDS}")
        train = [i for i, f in enumerate(folds) if f != k]
        X, y, w = _stack(
            [pages[i][0] for i in train], [pages[i][1] for i in train], [pages[i][4] for i in train]
        )
        net = _network(X, y, _balance(y, w), hidden, epochs, seed + k, log)
        for i, f in enumerate(folds):
            if f == k:
                oof[i] = net.probabilities(pages[i][0])
    log("first pass, all pages")
    X, y, w = _stack([p[0] for p in pages], [p[1] for p in pages], [p[4] for p in pages])
    w = _balance(y, w)
    first = _network(X, y, w, hidden, epochs, seed, log)
    log("second pass")
    second_X = [
        np.hstack([p[0], context_features(o, shape_ids(p[2]))]) for p, o in zip(pages, oof, strict=True)
    ]
    X2, y2, w2 = _stack(second_X, [p[1] for p in pages], [p[4] for p in pages])
    second = _network(X2, y2, _balance(y2, w2), hidden, epochs, seed + 100, log)
    log_trans, log_start = _transitions([p[1] for p in pages])
    prior = np.bincount(y, weights=w, minlength=K)
    return LineModel(
        first,
        second,
        np.log(prior / prior.sum()),
        TRANSITION_WEIGHT * log_trans,
        TRANSITION_WEIGHT * log_start,
    )
