"""Score a warehouse's segmentation against hand-labelled gold pages.

    python -m tasks.segment.train.scoring --gold tests/devset/gold --warehouse DIR [--failures N] [--min-score P]

One gold JSON per page (`file`, `title`, `byline`, `body_first`, `body_last`, `boilerplate`,
`comments` [{author, text_first, text_last}], optional `layout` and `tags`). Each gold file is
matched to the `articles` row whose `source` basename is the gold `file`; its comments come from
the `comments` view in `position` order. The metrics are those of the shared evaluation scorer,
kept here so the test suite does not depend on files outside the project:

- title: same text, case- and whitespace-insensitive (a null gold title always counts as right);
- body start/end: the gold anchor occurs within the first/last 200 characters of the body;
- leak: a gold boilerplate line shows up in the body or a comment (long lines as a substring,
  short ones only as a whole line);
- count_exact: as many comments as the gold has;
- authors, boundaries: per gold comment, the comment at the same position has the same author
  (placeholders such as "Anonymous" equal null) and starts and ends with the gold anchors.

A page's score is the mean of title, body start, body end, no leak, count_exact, author rate and
boundary rate. The combined score averages the same parts over all pages, with authors and
boundaries pooled over all gold comments. Bylines are reported but not part of the score.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

_WS = re.compile(r"\s+")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_RECORD_SUFFIX = re.compile(r"#\d+$")

LONG_BOILERPLATE = 20  # normalised length from which a boilerplate line is searched as a substring
ANCHOR_WINDOW = 200  # characters of extra text allowed before body_first / after body_last
PLACEHOLDER_AUTHORS = {"anonymous", "unknown", "guest", "anon", "[deleted]", "deleted"}
METRICS = ("title", "byline", "body_start", "body_end", "leak", "count_exact")


def norm(text: object) -> str:
    """NFKC, invisible characters dropped, markdown escapes and **/__ undone, whitespace collapsed."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).translate(_INVISIBLE)
    s = _MD_ESCAPE.sub(r"\1", s).replace("**", "").replace("__", "")
    return _WS.sub(" ", s).strip()


def same_name(gold: str | None, pred: str | None) -> bool:
    """Titles and names compare case-insensitively; '' and None are the same."""
    return norm(gold).casefold() == norm(pred).casefold()


def same_author(gold: str | None, pred: str | None) -> bool:
    """Like same_name, with a placeholder author ('Anonymous', 'Guest', …) equal to none."""

    def key(name: str | None) -> str:
        k = norm(name).casefold()
        return "" if k in PLACEHOLDER_AUTHORS else k

    return key(gold) == key(pred)


def anchor_start(anchor: str | None, text: str) -> bool:
    a, t = norm(anchor), norm(text)
    return not a or 0 <= t.find(a) <= ANCHOR_WINDOW


def anchor_end(anchor: str | None, text: str) -> bool:
    a, t = norm(anchor), norm(text)
    if not a:
        return True
    i = t.rfind(a)
    return i >= 0 and len(t) - (i + len(a)) <= ANCHOR_WINDOW


def boundary_ok(gold_comment: dict, text: str | None) -> bool:
    t = norm(text)
    return bool(t) and (
        t.startswith(norm(gold_comment.get("text_first"))) and t.endswith(norm(gold_comment.get("text_last")))
    )


def leak_hits(boilerplate: Iterable[str], texts: Iterable[str | None]) -> list[str]:
    """The boilerplate lines found in any text: long ones as substrings, short ones as whole lines."""
    texts = [t for t in texts if t]
    normed = [norm(t) for t in texts]
    lines = {norm(line) for t in texts for line in t.splitlines()}
    hits = []
    for line in boilerplate or []:
        b = norm(line)
        if b and (any(b in t for t in normed) if len(b) >= LONG_BOILERPLATE else b in lines):
            hits.append(line)
    return hits


@dataclass
class DocResult:
    """How one page scored; `pred` is None when the warehouse has no row for it."""

    gold: dict
    pred: dict | None
    title: float = 0.0
    byline: float = 0.0
    body_start: float = 0.0
    body_end: float = 0.0
    leak: float = 1.0
    leaked: list[str] = field(default_factory=list)
    count_exact: float = 0.0
    author_ok: list[bool] = field(default_factory=list)
    bound_ok: list[bool] = field(default_factory=list)

    @property
    def file(self) -> str:
        return self.gold["file"]

    @property
    def n_gold(self) -> int:
        return len(self.gold.get("comments") or [])

    @property
    def n_pred(self) -> int:
        return len(self.pred["comments"]) if self.pred else 0

    @property
    def count_abs_err(self) -> int:
        return abs(self.n_pred - self.n_gold)

    @property
    def score(self) -> float:
        if self.pred is None:
            return 0.0
        if self.n_gold:
            a_rate, b_rate = sum(self.author_ok) / self.n_gold, sum(self.bound_ok) / self.n_gold
        else:  # an article-only page is right only when no comment was found
            a_rate = b_rate = 0.0 if self.n_pred else 1.0
        parts = [self.title, self.body_start, self.body_end, 1 - self.leak, self.count_exact, a_rate, b_rate]
        return sum(parts) / len(parts)


def as_pred(seg) -> dict:
    """A Segmentation as the scorer reads a warehouse row and its comments."""
    return {
        "title": seg.title,
        "byline": seg.byline,
        "body": seg.body,
        "comments": [
            {
                "author": c.author,
                "text": c.text,
                "position": c.position,
                "parent_position": c.parent_position,
                "published_at": c.published_at,
            }
            for c in seg.comments
        ],
    }


def score_doc(gold: dict, pred: dict | None) -> DocResult:
    """pred: {title, byline, body, comments: [{author, text}]} in page order, or None when missing."""
    gc = gold.get("comments") or []
    r = DocResult(gold, pred)
    if pred is None:
        r.author_ok = r.bound_ok = [False] * len(gc)
        return r
    comments = pred.get("comments") or []
    r.title = 1.0 if gold.get("title") is None else float(same_name(gold["title"], pred.get("title")))
    r.byline = 1.0 if gold.get("byline") is None else float(same_name(gold["byline"], pred.get("byline")))
    body = pred.get("body") or ""
    r.body_start = float(anchor_start(gold.get("body_first"), body))
    r.body_end = float(anchor_end(gold.get("body_last"), body))
    r.leaked = leak_hits(gold.get("boilerplate") or [], [body] + [c.get("text") for c in comments])
    r.leak = 1.0 if r.leaked else 0.0
    r.count_exact = float(len(comments) == len(gc))
    for i, g in enumerate(gc):
        p = comments[i] if i < len(comments) else None
        r.author_ok.append(p is not None and same_author(g.get("author"), p.get("author")))
        r.bound_ok.append(p is not None and boundary_ok(g, p.get("text")))
    return r


def aggregate(results: list[DocResult]) -> dict:
    """Means over pages; authors and boundaries pooled over every gold comment."""
    n = len(results)
    out: dict = {"docs": n}
    if not n:
        return out
    for k in METRICS:
        out[k] = sum(getattr(r, k) for r in results) / n
    out["count_mae"] = sum(r.count_abs_err for r in results) / n
    ng = sum(r.n_gold for r in results)
    out["gold_comments"] = ng
    out["authors"] = sum(sum(r.author_ok) for r in results) / ng if ng else None
    out["boundaries"] = sum(sum(r.bound_ok) for r in results) / ng if ng else None
    out["body"] = (out["body_start"] + out["body_end"]) / 2
    parts = [out["title"], out["body_start"], out["body_end"], 1 - out["leak"], out["count_exact"]]
    parts += [v for v in (out["authors"], out["boundaries"]) if v is not None]
    out["score"] = sum(parts) / len(parts)
    out["found"] = sum(r.pred is not None for r in results)
    return out


def load_gold(gold_dir: str | Path) -> list[dict]:
    """Every *.json in the folder that has a `file` key, in file-name order."""
    golds = []
    for path in sorted(Path(gold_dir).glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(g, dict) and "file" in g:
            golds.append(g)
        else:
            print(f"warning: {path} is not a gold file (no 'file' key), skipped", file=sys.stderr)
    return golds


def _basename_keys(source: str) -> list[str]:
    base = str(source).replace("\\", "/").rsplit("/", 1)[-1]
    stripped = _RECORD_SUFFIX.sub("", base)
    return [base] if stripped == base else [base, stripped]


def load_predictions(warehouse: str | Path, wanted: set[str]) -> dict[str, dict]:
    """Newest `articles` row per wanted basename, with its comments in position order."""
    import duckdb

    db = Path(warehouse) / "warehouse.duckdb"
    if not db.exists():
        raise SystemExit(f"no warehouse at {db}")
    con = duckdb.connect(str(db), read_only=True)
    try:
        best: dict[str, tuple] = {}
        rows = con.execute(
            "SELECT article_id, source, title, byline, body, ingested_at, run_id FROM articles"
        ).fetchall()
        for row in rows:
            for key in _basename_keys(row[1]):
                if key in wanted and (key not in best or str(row[5]) >= str(best[key][5])):
                    best[key] = row
        ids = sorted({row[0] for row in best.values()})
        by_article: dict[str, list[tuple]] = {}
        if ids:
            for aid, pos, author, text in con.execute(
                "SELECT article_id, position, author, text FROM comments "
                "WHERE list_contains(?, article_id) ORDER BY article_id, position",
                [ids],
            ).fetchall():
                by_article.setdefault(aid, []).append((pos, author, text))
    finally:
        con.close()
    return {
        key: {
            "title": row[2],
            "byline": row[3],
            "body": row[4],
            "source": row[1],
            "comments": [{"author": a, "text": t} for _, a, t in by_article.get(row[0], [])],
        }
        for key, row in best.items()
    }


def score_warehouse(gold_dir: str | Path, warehouse: str | Path) -> list[DocResult]:
    golds = load_gold(gold_dir)
    preds = load_predictions(warehouse, {Path(g["file"]).name for g in golds})
    return [score_doc(g, preds.get(Path(g["file"]).name)) for g in golds]


def group_by(results: list[DocResult], key: str) -> dict[str, list[DocResult]]:
    """Results grouped by a gold field ('layout', 'comment_system', 'format') or by each tag ('tags')."""
    groups: dict[str, list[DocResult]] = {}
    for r in results:
        names = r.gold.get("tags") or [] if key == "tags" else [r.gold.get(key) or "?"]
        for name in names:
            groups.setdefault(name, []).append(r)
    return groups


def _pct(v: float | None, width: int = 6) -> str:
    return ("n/a" if v is None else f"{100 * v:.1f}").rjust(width)


def table(label: str, groups: dict[str, list[DocResult]]) -> list[str]:
    head = (
        f"{label:<26} {'docs':>4} {'score':>6} {'title':>6} {'bylin':>6} {'b.beg':>6} {'b.end':>6} "
        f"{'leak':>6} {'cnt=':>6} {'cntMAE':>6} {'auth':>6} {'bound':>6} {'#gc':>5}"
    )
    out = [head, "-" * len(head)]
    for name in sorted(groups):
        a = aggregate(groups[name])
        out.append(
            f"{name[:26]:<26} {a['docs']:>4} {_pct(a['score'])} {_pct(a['title'])} {_pct(a['byline'])} "
            f"{_pct(a['body_start'])} {_pct(a['body_end'])} {_pct(a['leak'])} {_pct(a['count_exact'])} "
            f"{a['count_mae']:>6.2f} {_pct(a['authors'])} {_pct(a['boundaries'])} {a['gold_comments']:>5}"
        )
    return out + [""]


def _clip(s: object, n: int = 70) -> str:
    s = norm(s)
    return s if len(s) <= n else s[: n - 1] + "…"


def _tail(s: object, n: int = 70) -> str:
    s = norm(s)
    return s if len(s) <= n else "…" + s[-(n - 1) :]


def describe_failure(r: DocResult) -> list[str]:
    """What is wrong with one page, in the order a reader would check it."""
    if r.pred is None:
        return ["  not in warehouse (no articles row whose source basename is this file)"]
    g, p, out = r.gold, r.pred, []
    if not r.title:
        out.append(f"  title   gold={_clip(g.get('title'))!r}  pred={_clip(p.get('title'))!r}")
    if not r.byline:
        out.append(f"  byline  gold={_clip(g.get('byline'))!r}  pred={_clip(p.get('byline'))!r}")
    if not r.body_start:
        out.append(f"  body start  want {_clip(g.get('body_first'), 60)!r}  got {_clip(p.get('body'), 80)!r}")
    if not r.body_end:
        out.append(f"  body end    want {_tail(g.get('body_last'), 60)!r}  got {_tail(p.get('body'), 80)!r}")
    if r.leaked:
        more = f" (+{len(r.leaked) - 4} more)" if len(r.leaked) > 4 else ""
        out.append("  leaked boilerplate: " + ", ".join(repr(_clip(x, 40)) for x in r.leaked[:4]) + more)
    if not r.count_exact:
        out.append(f"  comments  gold={r.n_gold} pred={r.n_pred}")
    bad = [i for i, (a, b) in enumerate(zip(r.author_ok, r.bound_ok, strict=True)) if not (a and b)]
    if bad:
        i = bad[0]
        gi, pc = g["comments"][i], p["comments"]
        what = "+".join(w for w, ok in (("author", r.author_ok[i]), ("boundary", r.bound_ok[i])) if not ok)
        line = (
            f"  first bad comment #{i} ({what}): gold author={gi.get('author')!r} "
            f"text={_clip(gi.get('text_first'), 30)!r}…{_tail(gi.get('text_last'), 30)!r}"
        )
        if i < len(pc):
            line += (
                f" | pred author={_clip(pc[i].get('author'), 30)!r} "
                f"text={_clip(pc[i].get('text'), 30)!r}…{_tail(pc[i].get('text'), 30)!r}"
            )
        else:
            line += " | pred: none"
        out.append(line)
        if len(bad) > 1:
            out.append(f"  ({len(bad)} of {r.n_gold} gold comments wrong in total)")
    return out


def report(results: list[DocResult], failures: int = 20) -> list[str]:
    """Tables by comment system, layout, format and tag, the worst pages, and the summary line."""
    overall = aggregate(results)
    out = table("comment_system", group_by(results, "comment_system"))
    if any(r.gold.get("layout") for r in results):
        out += table("layout", group_by(results, "layout"))
    extra = {f"format:{k}": v for k, v in group_by(results, "format").items()}
    extra.update(group_by(results, "tags"))
    extra["ALL"] = results
    out += table("format / tag", extra)
    failing = sorted((r for r in results if r.score < 1.0), key=lambda r: (r.score, r.file))
    if failing and failures:
        out.append(
            f"failing documents: {len(failing)} of {len(results)} (worst {min(failures, len(failing))} shown)"
        )
        for r in failing[:failures]:
            layout = f"/{r.gold['layout']}" if r.gold.get("layout") else ""
            system = r.gold.get("comment_system") or "?"
            out.append(f"- {r.file} [{system}{layout}] doc score {100 * r.score:.1f}%")
            out += describe_failure(r)
        out.append("")
    if results:
        o = overall
        out.append(
            f"score: {100 * o['score']:.1f}% title={_pct(o['title'], 0)}% body={_pct(o['body'], 0)}% "
            f"leak={_pct(o['leak'], 0)}% count_exact={_pct(o['count_exact'], 0)}% "
            f"authors={_pct(o['authors'], 0)}% boundaries={_pct(o['boundaries'], 0)}% docs={o['docs']}"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True, help="folder of gold *.json files")
    ap.add_argument("--warehouse", required=True, help="warehouse folder holding warehouse.duckdb")
    ap.add_argument("--failures", type=int, default=20, help="failing pages to list (default 20)")
    ap.add_argument("--min-score", type=float, help="exit 1 when the combined score (percent) is below this")
    args = ap.parse_args(argv)
    results = score_warehouse(args.gold, args.warehouse)
    if not results:
        print(f"no gold files in {args.gold}")
        return 2
    found = sum(r.pred is not None for r in results)
    n_comments = sum(r.n_gold for r in results)
    print(f"gold: {Path(args.gold).resolve()} ({len(results)} docs, {n_comments} gold comments)")
    print(f"warehouse: {Path(args.warehouse).resolve()} ({found} of {len(results)} docs found)")
    print()
    print("\n".join(report(results, args.failures)))
    score = 100 * aggregate(results)["score"]
    if args.min_score is not None and score < args.min_score:
        print(f"SCORE BELOW MINIMUM: {score:.1f}% < {args.min_score:g}%")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
