"""The labelled development set: its gold is consistent with its pages, and the real ingest flow
scores at least the floor on it (a regression gate for the segmenter)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tasks.segment.train import scoring
from tests.conftest import SHARED

DEVSET = Path(__file__).resolve().parent.parent / "devset"
PAGES = DEVSET / "pages"
GOLD = DEVSET / "gold"

# Combined score (percent) the shipped segmenter reaches on the development set, rounded down: a
# regression check, not a measure, as the rules were written and the model trained on these pages
# (rule cascade alone 99.6%, line model alone 95.4%, the two together 98.8%; on pages nobody tuned
# on see tests/segment/test_heldout.py). Raised as the segmenter improves.
DEVSET_FLOOR = 98

GOLD_KEYS = {"file", "format", "comment_system", "language", "title", "byline", "body_first", "body_last"}
COMMENT_FREE_LAYOUTS = {"no_comments", "hard_negative"}


def _golds() -> list[dict]:
    return scoring.load_gold(GOLD)


def _page_text(gold: dict) -> str:
    return (PAGES / gold["file"]).read_text(encoding="utf-8")


def test_every_page_has_one_gold_file_and_the_set_is_broad():
    golds = _golds()
    pages = sorted(p.name for p in PAGES.iterdir() if not p.name.startswith("."))
    assert sorted(g["file"] for g in golds) == pages
    assert len(pages) >= 70
    layouts = Counter(g["layout"] for g in golds)
    assert len(layouts) >= 10
    assert min(layouts.values()) >= 3, layouts
    assert {g["language"] for g in golds} >= {"en", "de", "es", "fr", "pt"}
    assert sum(1 for g in golds if not g["comments"]) >= 8


@pytest.mark.parametrize("gold", _golds(), ids=lambda g: g["file"])
def test_gold_matches_its_page(gold):
    """Every label is text of the page: anchors in order, boilerplate as written, authors shown."""
    assert gold.keys() >= GOLD_KEYS
    assert gold["format"] == ("markdown" if gold["file"].endswith(".md") else "text")
    page = scoring.norm(_page_text(gold))
    lines = {scoring.norm(line) for line in _page_text(gold).splitlines()}
    for key in ("title", "body_first", "body_last"):
        assert gold[key] is None or scoring.norm(gold[key]) in page, key
    assert page.find(scoring.norm(gold["body_first"])) < page.rfind(scoring.norm(gold["body_last"]))
    assert gold["boilerplate"], "every page has chrome"
    for line in gold["boilerplate"]:
        b = scoring.norm(line)
        assert (b in page) if len(b) >= scoring.LONG_BOILERPLATE else (b in lines), line
    pos = page.rfind(scoring.norm(gold["body_last"]))
    for c in gold["comments"]:
        start = page.find(scoring.norm(c["text_first"]), pos)
        assert start > pos, c
        assert page.find(scoring.norm(c["text_last"]), start) >= start, c
        assert c["author"] is None or scoring.norm(c["author"]) in page[:start], c
        pos = start


@pytest.mark.parametrize("gold", _golds(), ids=lambda g: g["file"])
def test_a_reader_following_the_gold_scores_full_marks(gold):
    """A prediction made of the gold anchors scores 100%: no boilerplate line overlaps a label."""
    pred = {
        "title": gold["title"],
        "body": gold["body_first"] + "\n\n" + gold["body_last"],
        "comments": [
            {"author": c["author"], "text": c["text_first"] + "\n\n" + c["text_last"]}
            for c in gold["comments"]
        ],
    }
    assert scoring.score_doc(gold, pred).score == 1.0


def test_crlf_pages_keep_their_line_endings():
    crlf = [g["file"] for g in _golds() if "crlf" in (g.get("tags") or [])]
    assert crlf
    for name in crlf:
        data = (PAGES / name).read_bytes()
        assert data.count(b"\r\n") == data.count(b"\n") > 10


def test_scorer_metrics_on_small_cases():
    gold = {
        "file": "x.txt",
        "title": "A Title",
        "body_first": "First words here",
        "body_last": "last words.",
        "boilerplate": ["Reply", "Subscribe to our weekly newsletter"],
        "comments": [{"author": "Anonymous", "text_first": "Hello", "text_last": "bye."}],
    }
    good = {
        "title": " a  title ",
        "body": "First words here and more. The last words.",
        "comments": [{"author": None, "text": "Hello and bye."}],
    }
    assert scoring.score_doc(gold, good).score == 1.0
    leaky = dict(good, body=good["body"] + "\nSubscribe to our weekly newsletter now")
    assert scoring.score_doc(gold, leaky).leaked == ["Subscribe to our weekly newsletter"]
    short_inside = dict(good, body="First words here. Reply to this. last words.")
    assert scoring.score_doc(gold, short_inside).leak == 0.0  # short lines count only as whole lines
    two = dict(good, comments=good["comments"] * 2)
    r = scoring.score_doc(gold, two)
    assert (r.count_exact, r.author_ok, r.bound_ok) == (0.0, [True], [True])
    named = dict(good, comments=[{"author": "Jo", "text": "Hello and bye."}])
    assert scoring.score_doc(gold, named).author_ok == [False]
    assert scoring.score_doc(gold, None).score == 0.0
    no_comments = dict(gold, comments=[])
    assert scoring.score_doc(no_comments, dict(good, comments=[])).score == 1.0
    assert scoring.score_doc(no_comments, good).score == pytest.approx(4 / 7)


@pytest.fixture(scope="module")
def devset_warehouse(tmp_path_factory):
    from flows.ingest import ingest

    wh = tmp_path_factory.mktemp("devset-wh")
    ingest(sources=[str(PAGES)], warehouse=str(wh))
    return wh


@pytest.mark.slow
def test_devset_score_does_not_fall_below_the_floor(devset_warehouse):
    results = scoring.score_warehouse(GOLD, devset_warehouse)
    overall = scoring.aggregate(results)
    table = "\n".join(scoring.report(results, failures=10))
    assert 100 * overall["score"] >= DEVSET_FLOOR, table


@pytest.mark.slow
def test_pages_without_comments_get_none(devset_warehouse):
    """Interviews, Q&A, credits, signatories, closed and comment-free pages: zero comments."""
    results = scoring.score_warehouse(GOLD, devset_warehouse)
    free = [r for r in results if r.gold["layout"] in COMMENT_FREE_LAYOUTS or not r.gold["comments"]]
    assert len(free) >= 8
    assert {r.file: r.n_pred for r in free if r.n_pred} == {}


@pytest.mark.slow
def test_command_line_scorer_prints_the_layout_table(devset_warehouse):
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "tasks.segment.train.scoring",
            "--gold",
            str(GOLD),
            "--warehouse",
            str(devset_warehouse),
        ],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    layouts = {g["layout"] for g in _golds()}
    table_rows = {line.split()[0] for line in out.stdout.splitlines() if line.strip()}
    assert layouts <= table_rows
    assert re.search(r"^score: \d+\.\d% ", out.stdout.splitlines()[-1])


@pytest.mark.slow
def test_agrees_with_the_shared_evaluation_scorer(devset_warehouse):
    reference = SHARED / "tools" / "score.py"
    if not reference.is_file():
        pytest.skip("../shared/tools/score.py is not present on this machine")
    out = subprocess.run(
        [sys.executable, str(reference), "--gold", str(GOLD), "--warehouse", str(devset_warehouse)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    ours = scoring.report(scoring.score_warehouse(GOLD, devset_warehouse))
    assert out.stdout.splitlines()[-1] == ours[-1]


def test_gold_files_are_plain_json_objects():
    for path in GOLD.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(data, dict) and data["file"] == path.stem + Path(data["file"]).suffix
