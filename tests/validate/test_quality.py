"""Data quality users can see: every critical expectation quarantines what breaks it, warnings only
report, runs reconcile, Data Docs and Prefect artifacts are published, replay resolves fixed rejects."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from uuid import UUID

import duckdb
import pytest

from flows import ingest as ingest_module
from flows.ingest import ingest
from flows.replay import replay
from flows.run import ReconciliationError
from tasks import validate
from tasks.validate import EXPECTATIONS_DIR, SUITES, load_suite_json, quarantine_failing_rows
from tests.conftest import SEED_EXAMPLE
from tests.segment.pages import WORDPRESS

BODY = (
    "The town council met on Monday evening to discuss the harbour.\n\n"
    "The harbour committee voted to extend the pier by forty metres next spring.\n\n"
    "Fishermen welcomed the plan, saying the longer pier will let bigger boats unload at low tide."
)
QUOTE = "The harbour committee voted to extend the pier by forty metres next spring."


# ---------------------------------------------------------------- rows that break each critical rule


def _article(aid: str = "a1", comments: int = 2, **over) -> dict:
    row = {
        "article_id": aid,
        "source": f"{aid}.txt",
        "url": "https://news.example.org/harbour",
        "domain": "news.example.org",
        "title": "Harbour pier to be extended",
        "byline": "By Sam Reed",
        "published_at": None,
        "body": BODY,
        "word_count": len(BODY.split()),
        "language": "en",
        "comment_count": comments,
        "content_hash": f"hash-{aid}",
    }
    row.update(over)
    return row


def _comment(aid: str, position: int, **over) -> dict:
    text = f"Comment number {position}: long overdue for the town, in my view."
    row = {
        "comment_id": f"{aid}:{position}",
        "article_id": aid,
        "position": position,
        "author": f"Reader {position}",
        "text": text,
        "word_count": len(text.split()),
    }
    row.update(over)
    return row


def _good_batch() -> tuple[list[dict], list[list[dict]]]:
    """Three clean articles with two comments each: nothing here fails a critical expectation.
    The breakers below touch only a1 and a2; a3 shows that the rest of the batch loads."""
    ids = ("a1", "a2", "a3")
    return [_article(a) for a in ids], [[_comment(a, 0), _comment(a, 1)] for a in ids]


Breaker = Callable[[list[dict], list[list[dict]]], None]


def _set_article(**over) -> Breaker:
    def breaker(articles, comments):
        articles[0].update(over)

    return breaker


def _set_comment(**over) -> Breaker:
    def breaker(articles, comments):
        comments[0][1].update(over)

    return breaker


def _duplicate_article_id(articles, comments):
    articles[1]["article_id"] = "a1"


def _duplicate_comment_id(articles, comments):
    comments[0][1]["comment_id"] = "a1:0"


def _lose_a_comment_row(articles, comments):
    articles[0]["comment_count"] = 5


def _gap_in_positions(articles, comments):
    comments[0][1].update(position=2, comment_id="a1:2")


BREAKERS: dict[str, tuple[str, Breaker]] = {
    # expectation name -> (table whose row is quarantined, what breaks it)
    "article_id_present": ("articles", _set_article(article_id=None)),
    "article_id_unique": ("articles", _duplicate_article_id),
    "source_present": ("articles", _set_article(source=None)),
    "content_hash_present": ("articles", _set_article(content_hash=None)),
    "body_not_empty": ("articles", _set_article(body=" \n\n ")),
    "body_present": ("articles", _set_article(body=None)),
    "body_has_words": ("articles", _set_article(word_count=0)),
    "comment_count_non_negative": ("articles", _set_article(comment_count=-1)),
    "comment_count_matches_rows": ("articles", _lose_a_comment_row),
    "comment_id_present": ("comments", _set_comment(comment_id=None)),
    "comment_id_unique": ("comments", _duplicate_comment_id),
    "comment_article_present": ("comments", _set_comment(article_id=None)),
    "position_non_negative": ("comments", _set_comment(position=-1)),
    "positions_without_gaps": ("comments", _gap_in_positions),
    "comment_text_present": ("comments", _set_comment(text=None)),
    "comment_has_words": ("comments", _set_comment(word_count=0)),
    "text_not_chrome_only": ("comments", _set_comment(text="Reply")),
    "text_not_in_body": ("comments", _set_comment(text=QUOTE)),
    "author_length": ("comments", _set_comment(author="Jane " * 20)),
    "author_not_chrome": ("comments", _set_comment(author="Report")),
    "author_name_shaped": ("comments", _set_comment(author="Jane\nMarch 3, 2021")),
}


def _critical_names() -> set[str]:
    return {
        e["meta"]["name"]
        for suite in SUITES
        for e in load_suite_json(suite)["expectations"]
        if e["severity"] == "critical"
    }


def test_suites_are_rich_enough_and_every_critical_rule_has_a_breaking_case():
    expectations = [e for suite in SUITES for e in load_suite_json(suite)["expectations"]]
    assert len(expectations) >= 12
    assert {e["severity"] for e in expectations} == {"critical", "warning"}
    assert set(BREAKERS) == _critical_names()


@pytest.mark.parametrize("name", sorted(BREAKERS))
def test_breaking_a_critical_expectation_quarantines_the_row_with_its_name(name):
    table, breaker = BREAKERS[name]
    articles, comments = _good_batch()
    breaker(articles, comments)
    before = {"articles": len(articles), "comments": sum(map(len, comments))}
    checked = quarantine_failing_rows(copy.deepcopy(articles), copy.deepcopy(comments))

    hits = [r for r in checked.rejects if r.reason == name]
    assert hits, f"{name} quarantined nothing: {[(r.reason, r.detail) for r in checked.rejects]}"
    assert all(r.stage == "validate" and "=" in r.detail for r in hits)
    if table == "articles":
        assert {r.row_id for r in hits} <= {a["article_id"] for a in articles}
        assert len(checked.articles) < before["articles"]
    else:
        assert len(checked.comments) < before["comments"]
        assert len(checked.articles) == 3  # a comment goes alone; its article loads
    # the rest of the batch loads
    assert "a3" in {a["article_id"] for a in checked.articles}
    assert {c["comment_id"] for c in checked.comments if c["article_id"] == "a3"} == {"a3:0", "a3:1"}
    loaded = {a["article_id"]: a["comment_count"] for a in checked.articles}
    for aid, count in loaded.items():
        assert count == sum(c["article_id"] == aid for c in checked.comments)


def test_good_batch_passes_every_expectation():
    articles, comments = _good_batch()
    checked = quarantine_failing_rows(articles, comments)
    assert checked.rejects == []
    assert all(o.success for o in checked.outcomes)
    assert {o.suite for o in checked.outcomes} == set(SUITES)


@pytest.mark.parametrize(
    ("column", "value", "name"),
    [
        ("title", "T" * 400, "title_length"),
        ("byline", "B" * 300, "byline_length"),
        ("language", "english", "language_iso639_1"),
        ("url", "news example org/harbour", "url_well_formed"),
        ("published_at", __import__("datetime").datetime(2999, 1, 1), "published_not_in_future"),
    ],
)
def test_warnings_report_but_never_quarantine(column, value, name):
    articles, comments = _good_batch()
    articles[0][column] = value
    checked = quarantine_failing_rows(articles, comments)
    assert checked.rejects == []
    assert len(checked.articles) == 3 and len(checked.comments) == 6
    [outcome] = [o for o in checked.outcomes if o.name == name]
    assert (outcome.severity, outcome.success, outcome.unexpected_count) == ("warning", False, 1)


def test_overlong_comment_text_is_a_warning_only():
    articles, comments = _good_batch()
    long_text = "word " * 5000  # 25,000 characters: a comment that swallowed the page footer
    comments[0][0].update(text=long_text, word_count=5000)
    checked = quarantine_failing_rows(articles, comments)
    assert checked.rejects == []
    assert len(checked.comments) == 6
    [outcome] = [o for o in checked.outcomes if o.name == "comment_text_length"]
    assert (outcome.severity, outcome.success, outcome.unexpected_count) == ("warning", False, 1)


def test_more_than_two_hundred_failing_rows_are_all_quarantined():
    n = 260
    articles = [_article("a1", comments=n)]
    comments = [[_comment("a1", i, author="Share" if i % 2 else f"Reader {i}") for i in range(n)]]
    checked = quarantine_failing_rows(articles, comments)
    hits = [r for r in checked.rejects if r.reason == "author_not_chrome"]
    assert len(hits) == n // 2
    assert {r.row_id for r in hits} == {f"a1:{i}" for i in range(1, n, 2)}
    assert all(r.detail.endswith("author='Share'") for r in hits)
    assert len(checked.comments) == n // 2 and checked.articles[0]["comment_count"] == n // 2


# ---------------------------------------------------------------- real runs


def quoting_page(n: int, title: str = "Harbour pier to be extended") -> str:
    """A WordPress-style page whose even comments only repeat a sentence of the article."""
    parts = [f"# {title}", "", "By Sam Reed", "", *BODY.split("\n"), ""]
    parts += [f"{n} thoughts on “{title}”", ""]
    for i in range(n):
        text = QUOTE if i % 2 == 0 else f"I agree with point {i}, this is overdue for the town."
        parts += [f"Reader Number{i} says:", "May 2, 2022 at 9:14 am", "", text, "", "Reply", ""]
    parts += ["Leave a Reply", "Your email address will not be published."]
    return "\n".join(parts)


URL_AUTHOR = "www.lindapark.example"
QUOTED_COMMENTS = 440  # 220 of them repeat the body: quarantined one by one


def _query(warehouse: Path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _mixed_sources(root: Path) -> Path:
    src = root / "in"
    src.mkdir()
    shutil.copy(SEED_EXAMPLE, src / "seed.txt")
    (src / "quoting.md").write_text(quoting_page(QUOTED_COMMENTS), encoding="utf-8")
    # a commenter who signs with a web address: a warning, reported but loaded
    (src / "wordpress.txt").write_text(
        WORDPRESS.replace("Linda Park says:", f"{URL_AUTHOR} says:"), encoding="utf-8"
    )
    (src / "empty.txt").write_bytes(b"")
    (src / "menu.txt").write_text("Home\nAbout\nContact\n")
    return src


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed")
    src = _mixed_sources(root)
    wh = root / "wh"
    summary = ingest(sources=[str(src)], warehouse=str(wh))
    return src, wh, summary


@pytest.mark.slow
def test_mixed_run_quarantines_rows_loads_the_rest_and_reconciles(mixed_run):
    src, wh, summary = mixed_run
    half = QUOTED_COMMENTS // 2
    assert summary["files_seen"] == 5
    assert summary["files_new"] + summary["files_unchanged"] + summary["files_rejected"] == 5
    by_status = dict(_query(wh, "SELECT status, count(*) FROM inputs GROUP BY status"))
    assert by_status == {"loaded": summary["files_new"], "rejected": summary["files_rejected"]}

    rows = _query(
        wh,
        "SELECT row_id, detail FROM rejects WHERE source = 'quoting.md' AND reason = 'text_not_in_body'",
    )
    assert len(rows) == half  # every failing row, not a sample
    assert all(QUOTE in detail for _, detail in rows)
    [(aid, count)] = _query(wh, "SELECT article_id, comment_count FROM articles WHERE source = 'quoting.md'")
    assert {r for r, _ in rows} == {f"{aid}:{i}" for i in range(0, QUOTED_COMMENTS, 2)}
    assert count == half == _query(wh, "SELECT count(*) FROM comments WHERE article_id = ?", [aid])[0][0]

    # warnings report only: the comment signed with a web address loads
    assert _query(wh, "SELECT count(*) FROM comments WHERE author = ?", [URL_AUTHOR]) == [(1,)]
    assert _query(wh, "SELECT count(*) FROM rejects WHERE source = 'wordpress.txt'") == [(0,)]
    assert _query(
        wh, "SELECT count(*) FROM comments c JOIN articles a USING (article_id) WHERE a.source = 'seed.txt'"
    ) == [(50,)]

    again = ingest(sources=[str(src)], warehouse=str(wh))
    assert (again["files_seen"], again["files_unchanged"], again["rejects"]) == (5, 5, 0)
    assert _query(wh, "SELECT count(*) FROM rejects WHERE reason = 'text_not_in_body'") == [(half,)]


@pytest.mark.slow
def test_data_docs_are_built_under_the_warehouse_and_name_both_suites(mixed_run):
    _, wh, summary = mixed_run
    index = wh / "data_docs" / "index.html"
    assert summary["data_docs"] == str(index)
    html = index.read_text(encoding="utf-8")
    for suite in SUITES:
        assert f"expectations/{suite}.html" in html
        assert (wh / "data_docs" / "expectations" / f"{suite}.html").is_file()
        pages = list((wh / "data_docs" / "validations" / suite / summary["run_id"]).rglob("*.html"))
        assert pages, f"no validation page for {suite} in this run"
    page = next((wh / "data_docs" / "validations" / "comments" / summary["run_id"]).rglob("*.html"))
    assert "text_in_body" in page.read_text(encoding="utf-8")


@pytest.mark.slow
def test_run_artifacts_can_be_read_back_through_the_prefect_api(mixed_run):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    _, wh, summary = mixed_run
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(
                flow_run_id=ArtifactFilterFlowRunId(any_=[UUID(summary["flow_run_id"])])
            )
        )
    by_key = {a.key: a for a in artifacts}
    assert {"run-summary", "run-counts", "data-quality", "data-docs"} <= set(by_key)

    counts = by_key["run-counts"].data
    counts = json.loads(counts) if isinstance(counts, str) else counts
    table = {(r["stage"], r["reason"]): r["rows"] for r in counts}
    assert table[("input", "files seen")] == 5  # the terminal summary's label
    assert table[("load", "comments")] == summary["comments"]
    assert table[("validate", "text_not_in_body")] == QUOTED_COMMENTS // 2
    assert table[("read", "empty file")] == 1

    markdown = by_key["data-quality"].data
    for name in _critical_names():
        assert f"| {name} |" in markdown
    assert "| text_not_in_body | critical | **FAIL** |" in markdown
    assert "| author_not_url | warning | warn | 1 (" in markdown

    assert by_key["data-docs"].type == "markdown"  # how Prefect stores a link artifact
    # a browser opens no file:// link from the UI: the link is where `scrapeline docs` serves them
    assert "](http://127.0.0.1:8765/index.html)" in by_key["data-docs"].data
    assert f"scrapeline docs --warehouse {wh}" in by_key["data-docs"].description


@pytest.mark.slow
def test_a_run_that_does_not_reconcile_fails_loudly_and_commits_nothing(tmp_path, monkeypatch):
    src = _mixed_sources(tmp_path)
    wh = tmp_path / "wh"
    real_plan = ingest_module.plan

    def plan_losing_a_file(files, state):  # a stage that silently drops one input
        todo, unchanged = real_plan(files, state)
        return todo[1:], unchanged

    monkeypatch.setattr(ingest_module, "plan", plan_losing_a_file)
    with pytest.raises(ReconciliationError, match=r"5 input files seen.*= 4 \(\+1 unaccounted for\)"):
        ingest(sources=[str(src)], warehouse=str(wh))
    assert _query(wh, "SELECT count(*) FROM runs") == [(0,)]
    assert _query(wh, "SELECT count(*) FROM articles") == [(0,)]


@pytest.mark.slow
def test_replay_after_a_suite_fix_resolves_those_rejects_and_keeps_history(tmp_path, monkeypatch):
    src = _mixed_sources(tmp_path)
    wh = tmp_path / "wh"
    first = ingest(sources=[str(src)], warehouse=str(wh))
    half = QUOTED_COMMENTS // 2
    open_before = _query(wh, "SELECT count(*) FROM rejects")[0][0]
    assert _query(wh, "SELECT count(*) FROM rejects WHERE reason = 'text_not_in_body'") == [(half,)]

    # the fix: quoting the article is accepted from now on (the rule becomes a warning)
    fixed = tmp_path / "expectations"
    fixed.mkdir()
    for suite in SUITES:
        data = json.loads((EXPECTATIONS_DIR / f"{suite}.json").read_text(encoding="utf-8"))
        for e in data["expectations"]:
            if e["meta"]["name"] == "text_not_in_body":
                e["severity"] = "warning"
        (fixed / f"{suite}.json").write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(validate, "EXPECTATIONS_DIR", fixed)
    validate._validator.cache_clear()
    try:
        summary = replay(warehouse=str(wh))
    finally:
        monkeypatch.undo()
        validate._validator.cache_clear()

    assert summary["resolved"] == half
    assert summary["still_failing"] == open_before - half  # the empty file and the menu page
    assert _query(wh, "SELECT count(*) FROM rejects WHERE reason = 'text_not_in_body'") == [(0,)]
    assert _query(wh, "SELECT count(*) FROM rejects") == [(open_before - half,)]
    # nothing vanished: history keeps every row, marked with the run that resolved it
    assert _query(
        wh,
        "SELECT count(*), count(DISTINCT resolved_by_run), min(resolved_by_run) FROM rejects_all "
        "WHERE reason = 'text_not_in_body'",
    ) == [(half, 1, summary["run_id"])]
    assert _query(wh, "SELECT count(*) FROM rejects_all WHERE resolved_by_run IS NULL") == [
        (open_before - half,)
    ]
    # the replayed page now loads with every comment
    [(aid, count, run_id)] = _query(
        wh, "SELECT article_id, comment_count, run_id FROM articles WHERE source = 'quoting.md'"
    )
    assert (count, run_id) == (QUOTED_COMMENTS, summary["run_id"])
    assert _query(wh, "SELECT count(*) FROM comments WHERE article_id = ?", [aid]) == [(QUOTED_COMMENTS,)]
    assert _query(wh, "SELECT status FROM runs ORDER BY started_at") == [("completed",), ("replay",)]
    assert first["run_id"] != summary["run_id"]

    # a second replay finds the same unfixable inputs and writes nothing twice
    again = replay(warehouse=str(wh))
    assert (again["resolved"], again["rejects"]) == (0, 0)
    assert _query(wh, "SELECT count(*) FROM rejects_all") == [(open_before,)]
