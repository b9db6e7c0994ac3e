"""Several batches validated in one GX call give each batch what it gets validated alone.

`quarantine_batches` runs each suite once on the rows of a group of batches and splits GX's
results back into each batch's: the rows that load, the rejects, the expectation outcomes and the
validation results (Data Docs) must be those of `quarantine_failing_rows` batch by batch.
"""

from __future__ import annotations

import copy
import itertools
import random
from datetime import UTC, datetime, timedelta

import pytest

from tasks import validate
from tests.validate.test_validate import _ARTICLE_BREAKS, _COMMENT_BREAKS, _article_row, _broken, _comment

NOW = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_parameters(monkeypatch):
    """The suite parameters of one moment, so two runs compare value for value."""
    monkeypatch.setattr(validate, "suite_parameters", lambda: {"latest_plausible_time": NOW})


def _batch(
    rng: random.Random, first: int, n: int, breaks: bool = True
) -> tuple[list[dict], list[list[dict]]]:
    articles = [_article_row(i) for i in range(first, first + n)]
    if breaks:
        articles = _broken(articles, [b for b in _ARTICLE_BREAKS if b[0] != "article_id"], rng)
    for row in articles[::9]:
        row["published_at"] = NOW + timedelta(days=2)  # a warning, with the suite parameter
    comments = []
    for a in articles:
        rows = [
            _comment(j, article_id=a["article_id"], comment_id=f"{a['article_id']}:{j}")
            for j in range(rng.randrange(3))
        ]
        if breaks:
            rows = _broken(rows, [b for b in _COMMENT_BREAKS if b[0] != "comment_id"], rng)
        comments.append(rows)
        a["comment_count"] = len(rows) if a["comment_count"] == 0 else a["comment_count"]
    return articles, comments


def _comparable(checked: validate.Checked) -> dict:
    results = copy.deepcopy(checked.results)
    for result in results:
        result["meta"]["batch_markers"].pop("ge_load_time")
    return {
        "articles": checked.articles,
        "comments": checked.comments,
        "rejects": checked.rejects,
        "outcomes": checked.outcomes,
        "results": results,
    }


def _both(batches):
    alone = [validate.quarantine_failing_rows(*copy.deepcopy(b)) for b in batches]
    together = validate.quarantine_batches(copy.deepcopy(batches))
    return [_comparable(c) for c in alone], [_comparable(c) for c in together]


def _calls(monkeypatch) -> list[int]:
    """The rows of each GX call, as they are made."""
    calls = []
    run = validate._run_suite_listing

    def counted(suite, frame, relist):
        calls.append(len(frame))
        return run(suite, frame, relist)

    monkeypatch.setattr(validate, "_run_suite_listing", counted)
    return calls


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_group_of_batches_gives_each_batch_what_it_gets_alone(seed, monkeypatch):
    rng = random.Random(seed)
    sizes = [rng.randrange(1, 60) for _ in range(5)]
    starts = [sum(sizes[:i]) for i in range(len(sizes))]
    batches = [_batch(rng, first, n) for first, n in zip(starts, sizes, strict=True)]
    batches.insert(2, ([], []))  # a batch whose pages were all rejected before validation
    alone, _ = _both(batches)
    calls = _calls(monkeypatch)
    together = [_comparable(c) for c in validate.quarantine_batches(copy.deepcopy(batches))]
    assert together == alone
    assert any(a["rejects"] for a in alone) and any(
        o.severity == "warning" and not o.success for a in alone for o in a["outcomes"]
    )
    # one call per suite, plus the failing expectations listed again for the group
    assert sum(1 for n in calls if n == sum(sizes)) == 1


def test_clean_batches_are_one_call_per_suite(monkeypatch):
    rng = random.Random(5)
    batches = [_batch(rng, 100 * i, 20, breaks=False) for i in range(4)]
    for articles, _ in batches:
        for a in articles:
            a["published_at"] = None
    alone, _ = _both(batches)
    calls = _calls(monkeypatch)
    together = [_comparable(c) for c in validate.quarantine_batches(copy.deepcopy(batches))]
    assert together == alone
    assert len(calls) == 2 and calls[0] == 80


def test_an_id_in_two_batches_is_judged_within_each_batch_as_before(monkeypatch):
    """Uniqueness across batches is not asked of a run (a repeated page is settled by dedup):
    a batch repeating an id of an earlier batch of the group is validated apart."""
    rng = random.Random(7)
    batches = [_batch(rng, 0, 10), _batch(rng, 10, 10), _batch(rng, 5, 10), _batch(rng, 40, 10)]
    batches[1][0][3]["article_id"] = batches[1][0][2]["article_id"]  # a repeat within a batch fails
    alone, together = _both(batches)
    assert together == alone
    assert any(r.reason == "article_id_unique" for r in alone[1]["rejects"])
    assert not any(r.reason == "article_id_unique" for a in alone[2:] for r in a["rejects"])


def test_a_batch_whose_columns_differ_is_validated_apart():
    rng = random.Random(9)
    batches = [_batch(rng, 0, 10), _batch(rng, 10, 10), _batch(rng, 20, 10)]
    for a in batches[1][0]:
        a["word_count"] = float(a["word_count"])  # a column of another type
    for a in batches[2][0]:
        del a["byline"]  # a column missing
    alone, together = _both(batches)
    assert together == alone
    assert validate._groups("articles", [validate._articles_frame(*b) for b in batches]) == [[0], [1], [2]]


def test_more_failing_rows_than_a_sample_are_split_exactly():
    """Over GX's first 20 values, each batch still gets its own first values and every index."""
    rng = random.Random(11)
    batches = [_batch(rng, 100 * i, 45, breaks=False) for i in range(3)]
    for articles, _ in batches:
        for a in articles[1::2]:
            a["body"] = " "
            a["url"] = "not a url"
    alone, together = _both(batches)
    assert together == alone
    assert all(len(a["rejects"]) == 22 for a in alone)


def test_each_batch_of_a_group_fills_in_its_own_suite_parameters(monkeypatch):
    """Validated alone, each batch fills in the suite parameters of its own moment, and the run's
    result keeps one entry per value (Data Docs); a group gives each of its batches its own too."""
    from tasks.data_docs import merge_result

    ticks = itertools.count()
    monkeypatch.setattr(
        validate,
        "suite_parameters",
        lambda: {"latest_plausible_time": NOW + timedelta(seconds=next(ticks))},
    )
    rng = random.Random(13)
    batches = [_batch(rng, 100 * i, 15) for i in range(4)]
    alone = [validate.quarantine_failing_rows(*copy.deepcopy(b)) for b in batches]
    together = validate.quarantine_batches(copy.deepcopy(batches))

    def run_results(checked: list[validate.Checked]) -> list:
        merged: dict[str, dict] = {}
        for c in checked:
            for result in copy.deepcopy(c.results):
                merged[result["suite_name"]] = merge_result(merged.get(result["suite_name"]), result)
        return [
            (
                suite,
                merged[suite]["statistics"],
                [
                    (
                        r["expectation_config"]["meta"]["name"],
                        r["success"],
                        r["result"].get("unexpected_count"),
                    )
                    for r in merged[suite]["results"]
                ],
            )
            for suite in sorted(merged)
        ]

    assert run_results(together) == run_results(alone)
    filled = {
        r["expectation_config"]["kwargs"]["max_value"]
        for c in together
        for result in c.results
        for r in result["results"]
        if r["expectation_config"]["meta"]["name"] == "published_not_in_future"
    }
    assert len(filled) == len(batches)
    assert [_comparable(c)["rejects"] for c in together] == [_comparable(c)["rejects"] for c in alone]
