"""Everything the terminal shows is the data as it is: Rich never reads user values as markup
(`[bold]`, `[/]`, `[insert democrat here]`, `[text](url)`) or as emoji codes (`:smile:`)."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from flows import cli
from flows.report import print_expectations, print_rejects, print_summary, print_table

# pieces Rich would read as markup, closing tags, escapes, links or emoji codes
TRICKY = [
    "[",
    "]",
    "[/]",
    "[bold]",
    "[/bold]",
    "[red]",
    "[link=http://x]",
    "\\",
    "\\[",
    ":smile:",
    "[i]",
    "@",
    "(",
    ")",
]
piece = st.sampled_from(TRICKY) | st.text(alphabet="abc xyz/._-#:=", min_size=1, max_size=6)
tricky_text = st.lists(piece, min_size=1, max_size=8).map("".join).filter(lambda s: s.strip() == s and s)


def _console() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=10_000, color_system=None, emoji=True, highlight=True), out


def test_the_comment_rich_ate_is_printed_whole():
    console, out = _console()
    print_table(["text"], [("#odds [insert democrat here] wins",)], console)
    assert "#odds [insert democrat here] wins" in out.getvalue()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(tricky_text, tricky_text), min_size=1, max_size=4), tricky_text)
def test_query_results_show_every_value_and_column_name_as_it_is(rows, column):
    console, out = _console()
    print_table([column, "b"], rows, console)
    text = out.getvalue()
    assert column in text
    for a, b in rows:
        assert a in text and b in text


@settings(max_examples=100, deadline=None)
@given(tricky_text, tricky_text, tricky_text, tricky_text)
def test_run_summary_shows_paths_reasons_and_kinds_as_they_are(warehouse, reason, kind, source):
    console, out = _console()
    summary = {
        "run_id": "20260101T000000-abcdef",
        "warehouse": warehouse,
        "files_seen": 2,
        "files_new": 1,
        "files_unchanged": 0,
        "files_rejected": 1,
        "articles": 1,
        "comments": 0,
        "rejects": 1,
        "seconds": 1.0,
        "skipped": {kind: 1},
        "reject_reasons": [{"stage": "read", "reason": reason, "rows": 1}],
        "empty_sources": [source],
    }
    print_summary(summary, console, hint_warehouse=warehouse)
    text = out.getvalue()
    assert warehouse in text and reason in text and kind in text and source in text


@settings(max_examples=100, deadline=None)
@given(tricky_text, tricky_text, tricky_text)
def test_rejects_show_reason_source_and_detail_as_they_are(reason, source, detail):
    console, out = _console()
    columns = ["stage", "reason", "source", "detail", "run_id", "rejected_at", "resolved_by_run"]
    print_rejects(
        columns, [("read", reason, source, detail, "r1", None, None)], resolved_too=False, console=console
    )
    text = out.getvalue()
    assert reason in text and source in text and detail in text


@settings(max_examples=100, deadline=None)
@given(tricky_text, st.text(alphabet="[]/ab:", min_size=1, max_size=10))
def test_expectation_names_and_examples_as_they_are(name, example):
    console, out = _console()
    merged = [
        {
            "suite": "comments",
            "expectation": name,
            "severity": "warning",
            "rows": 3,
            "unexpected": 1,
            "unexpected_percent": 33.3,
            "examples": [example],
            "success": False,
        }
    ]
    print_expectations(merged, console)
    text = out.getvalue()
    assert name in text and repr(example) in text


@settings(max_examples=100, deadline=None)
@given(tricky_text)
def test_error_messages_show_the_path_as_given(path):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as exit_:
        cli._fail(f"no such file or folder: {path}")
    assert exit_.value.code == 2
    assert f"no such file or folder: {path}" in err.getvalue().replace("\n", "")
