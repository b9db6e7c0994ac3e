"""The Great Expectations suites: critical expectations quarantine rows, warnings only report."""

from __future__ import annotations

import json

from tasks.validate import EXPECTATIONS_DIR, SUITES, validate_rows


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
