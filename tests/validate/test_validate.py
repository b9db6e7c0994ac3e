"""The Great Expectations suites: critical expectations quarantine rows, warnings only report."""

from __future__ import annotations

import json
from typing import Any

from tasks.validate import EXPECTATIONS_DIR, SUITES, Verdict, validate_articles, validate_comments


def validate_rows(suite: str, rows: list[dict], **related: Any) -> Verdict:
    """Run one suite on rows of its table; `related` carries what the helper columns need."""
    if suite == "articles":
        return validate_articles(rows, related.get("comments", ()))
    return validate_comments(rows, related.get("bodies", {}), related.get("skipped_positions"))


def _comment(i: int, **over) -> dict:
    row = {
        "comment_id": f"a:{i}",
        "article_id": "a",
        "position": i,
        "author": "Jane",
        "text": "Well put.",
        "word_count": 2,
    }
    row.update(over)
    return row


def test_suites_are_json_files_with_severities():
    for name in SUITES:
        suite = json.loads((EXPECTATIONS_DIR / f"{name}.json").read_text())
        assert suite["name"] == name
        names = [e["meta"]["name"] for e in suite["expectations"]]
        assert len(names) == len(set(names))
        assert {e["severity"] for e in suite["expectations"]} <= {"critical", "warning"}


def test_critical_failures_name_the_expectation_and_value():
    rows = [
        _comment(0),
        _comment(1, author="Reply"),
        _comment(2, author="x" * 120),
        _comment(3, text=None, word_count=0),
        _comment(4, comment_id="a:0"),  # duplicate id of row 0
    ]
    verdict = validate_rows("comments", rows)
    failed = {i: sorted(name for name, _ in v) for i, v in verdict.failures.items()}
    assert failed[1] == ["author_not_chrome"]
    assert failed[2] == ["author_length"]
    assert failed[3] == ["comment_has_words", "comment_text_present"]
    assert verdict.columns["author_not_chrome"] == "author"
    assert failed[0] == ["comment_id_unique"] and failed[4] == ["comment_id_unique"]
    assert ("author_not_chrome", "Reply") in verdict.failures[1]


def test_warnings_report_but_do_not_quarantine():
    verdict = validate_rows("comments", [_comment(0, author="https://example.org/jane")])
    assert verdict.failures == {}
    warned = [o for o in verdict.outcomes if not o.success]
    assert [(o.name, o.severity, o.unexpected_count) for o in warned] == [("author_not_url", "warning", 1)]


def test_every_failing_row_is_reported_not_a_sample():
    rows = [_comment(i, author="Share") for i in range(500)]
    verdict = validate_rows("comments", rows)
    assert len(verdict.failures) == 500


def _article_row(i: int, **over) -> dict:
    body = f"Article {i} body: the harbour pier will be extended by forty metres next spring."
    row = {
        "article_id": f"a{i}",
        "source": f"a{i}.txt",
        "url": f"https://news.example.org/{i}",
        "title": f"Harbour pier {i} to be extended",
        "byline": "By Sam Reed",
        "published_at": None,
        "body": body,
        "word_count": len(body.split()),
        "language": "en",
        "comment_count": 0,
        "content_hash": f"hash-{i}",
    }
    row.update(over)
    return row


# (column, broken value): critical and warning rules of both suites, each broken on some rows
_ARTICLE_BREAKS = [
    ("article_id", None),
    ("article_id", "a0"),
    ("body", "   "),
    ("word_count", 0),
    ("comment_count", 3),
    ("title", "x" * 400),
    ("byline", "B"),
    ("url", "not a url"),
    ("language", "xx"),
]
_COMMENT_BREAKS = [
    ("author", "Reply"),
    ("author", "x" * 120),
    ("author", "https://example.org/jane"),
    ("text", "Share"),
    ("text", None),
    ("comment_id", "a:0"),
    ("position", -1),
    ("word_count", 0),
]


def _broken(rows: list[dict], breaks: list[tuple[str, object]], rng) -> list[dict]:
    for row in rows:
        if rng.random() < 0.3:
            column, value = rng.choice(breaks)
            row[column] = value
    return rows


def test_two_pass_validation_finds_what_complete_results_for_the_whole_suite_find(monkeypatch):
    """BASIC first and COMPLETE only for failing critical rules gives the same verdict, row for
    row and rule for rule, as COMPLETE for every rule."""
    import random

    from tasks import validate

    def verdicts() -> list:
        rng = random.Random(7)
        out = []
        for n in (40, 400):
            articles = _broken([_article_row(i) for i in range(n)], _ARTICLE_BREAKS, rng)
            comments = _broken([_comment(i) for i in range(n)], _COMMENT_BREAKS, rng)
            out += [validate_rows("articles", articles, comments=[]), validate_rows("comments", comments)]
        return out

    def essence(v) -> tuple:
        outcomes = [
            (o.name, o.severity, o.success, o.element_count, o.unexpected_count, o.examples)
            for o in v.outcomes
        ]
        return v.failures, outcomes, v.columns

    two_pass = verdicts()
    monkeypatch.setattr(validate, "BASIC", validate.COMPLETE)
    complete = verdicts()
    assert [essence(v) for v in two_pass] == [essence(v) for v in complete]
    assert all(v.failures for v in two_pass)  # every batch had quarantined rows to agree on
    assert any(o.severity == "warning" and not o.success for v in two_pass for o in v.outcomes)


def test_a_clean_batch_is_validated_without_listing_rows_and_a_failing_rule_lists_every_row():
    clean = validate_rows("comments", [_comment(i) for i in range(50)])
    assert clean.failures == {}
    assert all("unexpected_index_list" not in (r.get("result") or {}) for r in clean.result["results"])
    rows = [_comment(i, author="Share" if i % 2 else "Jane") for i in range(50)]
    failing = validate_rows("comments", rows)
    assert sorted(failing.failures) == list(range(1, 50, 2))
    listed = [r for r in failing.result["results"] if r["result"].get("unexpected_index_list")]
    assert [r["expectation_config"]["meta"]["name"] for r in listed] == ["author_not_chrome"]
