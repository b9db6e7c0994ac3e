"""Scores of a line model on labelled pages: line accuracy, the combined gold score (the metrics of
../shared/tools/score.py), and body F1 on real pages (word 4-gram shingles, as article-extraction
benchmarks measure it)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from tasks.segment.assemble import assemble
from tasks.segment.labels import BODY, LABELS
from tasks.segment.lines import strip_links, wrap_width
from tasks.segment.model import LineModel
from tasks.segment.train.fit import Featured
from tasks.segment.train.scoring import DocResult, aggregate, as_pred, score_doc

K = len(LABELS)
_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def f1(pred: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of `pred`'s 4-gram shingles against `gold`'s."""
    p, g = shingles(pred), shingles(gold)
    if not p and not g:
        return 1.0, 1.0, 1.0
    hit = len(p & g)
    precision = hit / len(p) if p else 0.0
    recall = hit / len(g) if g else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if hit else 0.0


@dataclass
class Report:
    name: str
    line_accuracy: float = 0.0
    confusion: np.ndarray = field(default_factory=lambda: np.zeros((K, K), dtype=np.int64))
    results: list[DocResult] = field(default_factory=list)
    body_f1: dict[str, list[tuple[float, float, float]]] = field(default_factory=lambda: defaultdict(list))

    def combined(self) -> dict:
        return aggregate(self.results) if self.results else {}

    def by_group(self) -> dict[str, dict]:
        groups: dict[str, list[DocResult]] = defaultdict(list)
        for r in self.results:
            groups[r.gold.get("layout") or r.gold.get("comment_system") or "?"].append(r)
        return {g: aggregate(rs) for g, rs in sorted(groups.items())}

    def f1_means(self) -> dict[str, tuple[float, float, float, int]]:
        return {fmt: (*np.mean(v, axis=0).tolist(), len(v)) for fmt, v in sorted(self.body_f1.items()) if v}


def evaluate(name: str, data: Featured, model: LineModel) -> Report:
    rep = Report(name)
    correct = total = 0
    for page, lines, X, y in zip(data.pages, data.lines, data.X, data.y, strict=True):
        if not lines:
            continue
        _, probs = model.probabilities(X, lines)
        gaps = np.array([ln.gap for ln in lines], dtype=np.int64)
        labels = model.label_batch(probs, gaps, np.array([0, len(lines)]))
        if page.kind == "newspaper":  # the expected article text against the assembled body
            seg = assemble(lines, labels, wrap=wrap_width(lines), probs=probs)
            body = strip_links(seg.body) if page.format == "markdown" else seg.body
            rep.body_f1[page.format].append(f1(body, page.meta["expected"]))
            continue
        known = y >= 0
        correct += int((labels[known] == y[known]).sum())
        total += int(known.sum())
        np.add.at(rep.confusion, (y[known], labels[known]), 1)
        if page.kind == "real":  # the teacher's body lines against the predicted ones
            gold = "\n".join(ln.plain for ln, lab in zip(lines, y, strict=True) if lab == BODY)
            pred = "\n".join(
                ln.plain for ln, lab, t in zip(lines, labels, y, strict=True) if lab == BODY and t >= 0
            )
            if gold:
                rep.body_f1[page.format].append(f1(pred, gold))
        if page.gold:
            seg = assemble(lines, labels, wrap=wrap_width(lines), probs=probs)
            rep.results.append(score_doc(page.gold, as_pred(seg)))
    rep.line_accuracy = correct / max(total, 1)
    return rep


def pct(v: float | None) -> str:
    return "   n/a" if v is None else f"{100 * v:6.1f}"


def print_report(rep: Report, groups: bool = True, out=print) -> None:
    out(f"{rep.name}: line accuracy {pct(rep.line_accuracy)}")
    for fmt, (p, r, f, n) in rep.f1_means().items():
        out(f"  body F1 vs the markup's main text [{fmt}, {n} renderings]: P {pct(p)} R {pct(r)} F1 {pct(f)}")
    agg = rep.combined()
    if not agg:
        return
    out(
        f"  combined {pct(agg['score'])}  title {pct(agg['title'])}  body {pct(agg['body'])}  leak {pct(agg['leak'])}"
        f"  count= {pct(agg['count_exact'])}  authors {pct(agg['authors'])}  boundaries {pct(agg['boundaries'])}  pages {agg['docs']}"
    )
    if groups:
        for g, a in rep.by_group().items():
            out(
                f"    {g[:18]:18} {pct(a['score'])}  title {pct(a['title'])} body {pct(a['body'])} leak {pct(a['leak'])}"
                f" count= {pct(a['count_exact'])} authors {pct(a['authors'])} bound {pct(a['boundaries'])} ({a['docs']})"
            )
