"""What the validate stage reuses between GX calls gives the results GX gives without it.

`_run_suite` loads a batch's frame once for both result formats and lets the expectations GX
creates inside a validation build their configuration once. These tests run the same frames
through GX's plain path (`Batch.validate`, a new validator and fresh configurations per call)
and compare the whole validation results, on batches with failing rows of every kind.
"""

from __future__ import annotations

import random
import threading
from datetime import UTC, datetime, timedelta

import pytest

from tasks import validate
from tests.validate.test_validate import _ARTICLE_BREAKS, _COMMENT_BREAKS, _article_row, _broken, _comment

NOW = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_parameters(monkeypatch):
    """The suite parameters of one moment, so two runs compare value for value."""
    monkeypatch.setattr(validate, "suite_parameters", lambda: {"latest_plausible_time": NOW})


def _plain_run(suite: str, frame):
    """GX's plain path, as the validate stage ran it before it reused anything."""
    batch_definitions, suites = validate._validator()
    parameters = validate.suite_parameters()
    batch = batch_definitions[suite].get_batch(batch_parameters={"dataframe": frame})
    result = batch.validate(suites[suite], result_format=validate.BASIC, expectation_parameters=parameters)
    by_name = {validate._expectation_name(e): e for e in suites[suite].expectations}
    for i, res in enumerate(result.results):
        config = res.expectation_config
        if not res.success and validate._severity(config) == "critical":
            result.results[i] = batch.validate(
                by_name[validate._expectation_name(config)],
                result_format=validate.COMPLETE,
                expectation_parameters=parameters,
            )
    return result


def _comparable(result) -> dict:
    """The result as JSON, without the time GX loaded the batch."""
    data = result.to_json_dict()
    data["meta"]["batch_markers"].pop("ge_load_time")
    return data


def _frames(seed: int) -> list[tuple[str, object]]:
    rng = random.Random(seed)
    out = []
    for n in (30, 300):
        articles = _broken([_article_row(i) for i in range(n)], _ARTICLE_BREAKS, rng)
        for row in articles[::7]:  # the suite parameter's expectation fails on these
            row["published_at"] = NOW + timedelta(days=2)
        comments = _broken([_comment(i) for i in range(n)], _COMMENT_BREAKS, rng)
        out.append(("articles", validate.article_frame(articles, [0] * n)))
        out.append(("comments", validate.comment_frame(comments, {"a": "Well put. A body."})))
    out.append(("comments", validate.comment_frame([_comment(i) for i in range(20)], {})))  # clean
    return out


def test_results_equal_gx_plain_path_on_batches_with_failing_rows():
    frames = _frames(11)
    plain = [_comparable(_plain_run(suite, frame)) for suite, frame in frames]
    reused = [_comparable(validate._run_suite(suite, frame)) for suite, frame in frames]
    assert reused == plain
    listed = [r for result in reused for r in result["results"] if "unexpected_index_list" in r["result"]]
    assert {r["expectation_config"]["meta"]["name"] for r in listed} >= {
        "article_id_unique",
        "body_not_empty",
        "comment_count_matches_rows",
        "author_not_chrome",
        "positions_without_gaps",
    }
    failed_warnings = [
        r["expectation_config"]["meta"]["name"]
        for result in reused
        for r in result["results"]
        if not r["success"] and r["expectation_config"]["severity"] == "warning"
    ]
    assert "published_not_in_future" in failed_warnings


def test_repeated_runs_in_any_order_give_the_same_results():
    frames = _frames(12)
    first = [_comparable(validate._run_suite(suite, frame)) for suite, frame in frames]
    again = [_comparable(validate._run_suite(suite, frame)) for suite, frame in reversed(frames)]
    assert again[::-1] == first


def test_configurations_are_built_once_only_inside_a_suite_run_and_only_in_its_thread():
    _, suites = validate._validator()
    expectation = suites["articles"].expectations[0]
    validate._run_suite("articles", validate.article_frame([_article_row(0)], [0]))
    assert expectation.configuration is not expectation.configuration  # outside: built per read
    parameterised = [e for e in suites["articles"].expectations if "$PARAMETER" in str(e.configuration)]
    assert parameterised  # the suite's own expectations keep the parameter after a run

    seen: dict[str, bool] = {}
    made = suites["comments"].expectations[0].configuration.to_domain_obj()
    with validate._configurations_built_once(suites["articles"].expectations):
        seen["same inside"] = made.configuration is made.configuration
        seen["suite exempt"] = expectation.configuration is not expectation.configuration

        def elsewhere() -> None:
            seen["same elsewhere"] = made.configuration is made.configuration

        thread = threading.Thread(target=elsewhere)
        thread.start()
        thread.join()
    seen["same after"] = made.configuration is made.configuration
    assert seen == {"same inside": True, "suite exempt": True, "same elsewhere": False, "same after": False}


def test_quarantine_is_the_same_as_on_gx_plain_path(monkeypatch):
    rng = random.Random(13)
    articles = _broken([_article_row(i) for i in range(200)], _ARTICLE_BREAKS, rng)
    comments = [
        [_comment(j, article_id=a["article_id"], comment_id=f"{a['article_id']}:{j}") for j in range(2)]
        for a in articles
    ]
    for group in comments[::5]:
        group[1]["author"] = "Share"

    def checked():
        copies = [dict(a) for a in articles]
        return validate.quarantine_failing_rows(copies, [[dict(c) for c in g] for g in comments])

    reused = checked()
    monkeypatch.setattr(validate, "_run_suite", _plain_run)
    plain = checked()
    assert reused.rejects == plain.rejects and reused.rejects
    assert reused.articles == plain.articles and reused.comments == plain.comments
    assert reused.outcomes == plain.outcomes
    for result in (*reused.results, *plain.results):
        result["meta"]["batch_markers"].pop("ge_load_time")
    assert reused.results == plain.results


def test_columns_only_checked_for_presence_are_the_body_and_ids_that_are_never_compared():
    assert validate.presence_columns("articles", validate.EXPECTATIONS_DIR) == {
        "body",
        "source",
        "content_hash",
    }
    assert validate.presence_columns("comments", validate.EXPECTATIONS_DIR) == {"article_id"}
    assert validate._through_first_non_space("  \n Harbour pier") == "  \n H"
    for blank in ("", "   ", "\n\t", "\u00a0\u2003\u3000"):
        assert validate._through_first_non_space(blank) == blank
    assert validate._through_first_non_space(None) is None
    row = {"body": "x" * (validate.CUT_FROM - 1), "source": "a.txt"}
    assert validate._cut(row, ["body", "source"]) is row  # short values go whole, the row uncopied
    row["body"] += "yz"
    assert validate._cut(row, ["body", "source"]) == {"body": "x", "source": "a.txt"}
    assert len(row["body"]) == validate.CUT_FROM + 1


def test_values_cut_after_their_first_non_space_character_give_the_results_of_whole_values(monkeypatch):
    long = validate.CUT_FROM
    bodies = [
        "Article body: the harbour pier will be extended. " * 10,
        " " * long,
        "   ",
        "",
        None,
        "\u00a0\u2003\u3000" * long,  # no-break, em and ideographic spaces: blank to Python, not to RE2
        "\u00a0" * long + "x",
        "\n\n\tIndented body\nwith lines" * 20,
        "\x0b\x1c" * long,
    ]
    articles = [_article_row(i, body=b) for i, b in enumerate(bodies * 5)]
    articles[3]["source"] = "   "
    articles[4]["content_hash"] = ""

    def run():
        copies = [dict(a) for a in articles]
        checked = validate.quarantine_failing_rows(copies, [[] for _ in copies])
        for result in checked.results:
            result["meta"]["batch_markers"].pop("ge_load_time")
            result["meta"]["batch_markers"].pop("pandas_data_fingerprint")  # of the frame GX got
        return checked

    assert validate._frame("articles", articles)["body"][0] == "A"  # GX gets cut bodies
    cut = run()
    assert any("body" in r.detail for r in cut.rejects)
    monkeypatch.setattr(validate, "presence_columns", lambda *_: frozenset())
    whole = run()
    assert cut.rejects == whole.rejects
    assert cut.articles == whole.articles
    assert cut.outcomes == whole.outcomes
    assert cut.results == whole.results
