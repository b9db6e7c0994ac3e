"""Validate stage: run the Great Expectations suites in `expectations/` on a batch's rows.

Each expectation carries a GX severity: `critical` ones quarantine every failing row (all of
them: the COMPLETE result format lists every index, not a sample); `warning` ones only report.

Some rules span rows or tables (positions 0..n-1 per article, comment_count equal to the
comment rows, a comment's text standing in its article's body). GX expectations are per
column or column pair, so those facts are computed first as helper columns of the validated
frame (`comment_rows`, `position_gap`, `text_in_body`) and checked by ordinary expectations:
every failing row keeps its index, so quarantine stays row-level and complete. Helper columns
are never loaded.

Great Expectations is imported on first use: it costs seconds and hundreds of MB.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from tasks.deferred import import_great_expectations
from tasks.load import utcnow
from tasks.models import Reject

# package data (the top-level `expectations/` folder); SCRAPELINE_EXPECTATIONS names another folder
EXPECTATIONS_DIR = Path(os.environ.get("SCRAPELINE_EXPECTATIONS") or str(files("tasks.expectations")))
SUITES = ("articles", "comments")
TEXT_IN_BODY_MIN_WORDS = 4  # shorter comments ("Well said.") can occur in a body by chance
WIDEST_UTC_OFFSET = timedelta(hours=14)  # a date "today" somewhere on Earth is not a future date
# helper column -> the loaded column whose value a reject shows beside it
HELPER_SOURCES = {"comment_rows": "comment_count", "position_gap": "position", "text_in_body": "text"}
DOCS_EXAMPLES = 20  # unexpected values kept per expectation in the results shown in Data Docs


@dataclass(slots=True)
class ExpectationOutcome:
    """What one expectation found in one batch (for reports and artifacts)."""

    suite: str
    name: str
    severity: str
    success: bool
    element_count: int
    unexpected_count: int
    examples: list[Any] = field(default_factory=list)


@dataclass(slots=True)
class Verdict:
    """Failing rows of one table: row index -> [(expectation name, offending value)]."""

    failures: dict[int, list[tuple[str, Any]]]
    outcomes: list[ExpectationOutcome]
    result: dict | None = None  # the GX validation result as JSON, trimmed for Data Docs
    columns: dict[str, str] = field(default_factory=dict)  # expectation name -> column(s) it checks

    def quarantined(self) -> set[int]:
        return set(self.failures)


def load_suite_json(name: str) -> dict:
    with open(EXPECTATIONS_DIR / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)


@cache
def _validator():
    """One ephemeral GX context per process, with a pandas asset per suite."""
    gx = import_great_expectations()  # without ~95 MB of modules our suites never use
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    source = context.data_sources.add_pandas("scrapeline")
    batches = {}
    suites = {}
    for name in SUITES:
        batches[name] = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name)
        suites[name] = gx.ExpectationSuite(**load_suite_json(name))
    return batches, suites


def _expectation_name(expectation) -> str:
    meta = expectation.meta or {}
    column = getattr(expectation, "column", None)
    return meta.get("name") or f"{expectation.expectation_type}({column})"


# ---------------------------------------------------------------- helper columns


def _squash(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


@cache
def suite_columns(name: str) -> frozenset[str]:
    """The columns a suite's expectations read (helper columns included)."""
    keys = ("column", "column_A", "column_B")
    return frozenset(
        e["kwargs"][k] for e in load_suite_json(name)["expectations"] for k in keys if k in e["kwargs"]
    )


def _frame(suite: str, rows: list[dict]):
    """The rows' columns that `suite` reads, as a pandas frame.

    Only what the expectations read: GX filters the frame's rows for every expectation, and a
    batch's other columns (the comments' published text, the rules that found each field) would
    be copied each time for nothing. A column no row has stays absent, so an expectation on it
    fails as before. (Strings as Python objects instead of pandas' Arrow strings cost more: GX's
    regular expressions then run row by row.)
    """
    import pandas as pd

    wanted = suite_columns(suite)
    present = [c for c in dict.fromkeys(k for r in rows[:1] for k in r) if c in wanted]
    if any(r.keys() != rows[0].keys() for r in rows):  # rows of different shapes: every key any has
        present = [c for c in dict.fromkeys(k for r in rows for k in r) if c in wanted]
    cut = [c for c in present if c in presence_columns(suite, EXPECTATIONS_DIR)]
    if cut:
        rows = [_cut(r, cut) for r in rows]
    return pd.DataFrame.from_records(rows, columns=present)


@cache
def presence_columns(name: str, folder: Path) -> frozenset[str]:
    """The columns of suite `name` (in `folder`) whose expectations only ask that a value be
    there: not null, or matching `\\S` (a non-space character somewhere).

    GX gets each of their long strings only up to its first non-space character (`_frame`): the
    article body is a batch's largest column, and GX copies it for every expectation and hashes
    it for the batch's fingerprint, for two checks that look at its first characters. Both checks
    judge the cut value as they judge the whole one, and a value that fails (no non-space
    character) is passed whole, so the failing values listed are the rows' own.
    """
    keys = ("column", "column_A", "column_B")
    readers: dict[str, list[dict]] = defaultdict(list)
    for e in load_suite_json(name)["expectations"]:
        for key in keys:
            if key in e["kwargs"]:
                readers[e["kwargs"][key]].append(e)

    def asks_presence(e: dict) -> bool:
        kwargs, kind = e["kwargs"], e.get("type") or e.get("expectation_type")
        if kind == "expect_column_values_to_not_be_null":
            return kwargs.keys() == {"column"}
        return (
            kind == "expect_column_values_to_match_regex"
            and kwargs.keys() == {"column", "regex"}
            and kwargs["regex"] == r"\S"
        )

    return frozenset(c for c, es in readers.items() if all(asks_presence(e) for e in es))


_NON_SPACE = re.compile(r"\S")
CUT_FROM = 200  # characters: a shorter value goes to GX whole (copying its row costs more than it saves)


def _cut(row: dict, columns: list[str]) -> dict:
    """`row`, or a copy with its long values in `columns` cut after their first non-space character."""
    long = {c: row[c] for c in columns if isinstance(row.get(c), str) and len(row[c]) >= CUT_FROM}
    return {**row, **{c: _through_first_non_space(v) for c, v in long.items()}} if long else row


def _through_first_non_space(value: Any) -> Any:
    """A string up to and including its first non-space character; whole if it has none.

    Python's `\\S` matches no whitespace of any script, so the character it finds is one that
    `\\S` matches in every regex engine GX may use (RE2's whitespace is ASCII whitespace only).
    """
    if not isinstance(value, str):
        return value
    found = _NON_SPACE.search(value)
    return value if found is None else value[: found.end()]


def article_frame(articles: list[dict], comment_rows: list[int]):
    """Articles plus `comment_rows`: how many comment rows each article has."""
    frame = _frame("articles", articles)
    frame["comment_rows"] = comment_rows
    return frame


class TextInBody:
    """Whether a comment's whitespace-normalised text (of TEXT_IN_BODY_MIN_WORDS words or more)
    occurs in its article's whitespace-normalised body.

    A body is normalised only when a comment needs it: most comments have a word that the raw
    body lacks, and then the answer is no (a run of non-space characters of the normalised body
    lies within one of its words, which all stand in the raw body as they are).
    """

    def __init__(self, bodies: dict[str, str | None]) -> None:
        self.bodies, self.squashed = bodies, {}

    def __call__(self, article_id: str | None, text: str | None) -> bool:
        words = text.split() if text else []
        if len(words) < TEXT_IN_BODY_MIN_WORDS:
            return False
        body = self.bodies.get(article_id) or ""
        if max(words, key=len) not in body:
            return False
        if article_id not in self.squashed:
            self.squashed[article_id] = _squash(body)
        return " ".join(words) in self.squashed[article_id]


def comment_frame(
    comments: list[dict],
    bodies: dict[str, str | None],
    skipped_positions: dict[str, set[int]] | None = None,
):
    """Comments plus `position_gap` and `text_in_body`.

    `position_gap` is the position minus its rank among the article's comments (0 for every
    comment when the positions run 0..n-1). `skipped_positions` are positions of the article that
    are accounted for elsewhere (quarantined rows), so re-validating loaded data does not count
    the hole a quarantined comment leaves as a gap.
    """
    import pandas as pd

    skipped_positions = skipped_positions or {}
    positions: dict[str, list[int]] = defaultdict(list)
    for c in comments:
        if c.get("position") is not None:
            positions[c.get("article_id")].append(int(c["position"]))
    rank: dict[str, dict[int, int]] = {}
    for aid, seen in positions.items():
        # a repeated position gets the rank of its later copy, so repeats show as gaps too
        ordered = sorted([*seen, *skipped_positions.get(aid, ())])
        rank[aid] = {p: i for i, p in enumerate(ordered)}
    in_body_of = TextInBody(bodies)
    gaps, in_body = [], []
    for c in comments:
        aid, pos = c.get("article_id"), c.get("position")
        gaps.append(None if pos is None else int(pos) - rank[aid][int(pos)])
        in_body.append(in_body_of(aid, c.get("text")))
    frame = _frame("comments", comments)
    frame["position_gap"] = pd.array(gaps, dtype="Int64")
    frame["text_in_body"] = in_body
    return frame


# ---------------------------------------------------------------- validation


def validate_articles(articles: list[dict], comments: Iterable[dict] | list[list[dict]]) -> Verdict:
    """The articles suite. `comments` is either one list of comment rows per article (a batch:
    the rows shaped for it) or all comment rows (loaded data: counted by article_id)."""
    if not articles:
        return Verdict({}, [])
    comments = list(comments)
    if len(comments) == len(articles) and all(isinstance(c, list) for c in comments):
        rows = [len(c) for c in comments]
    else:
        per_article = Counter(c.get("article_id") for c in comments)
        rows = [per_article[a.get("article_id")] for a in articles]
    return _validate("articles", article_frame(articles, rows))


def validate_comments(
    comments: list[dict],
    bodies: dict[str, str | None],
    skipped_positions: dict[str, set[int]] | None = None,
) -> Verdict:
    """The comments suite; `bodies` maps article_id to the article body the comments sit under."""
    if not comments:
        return Verdict({}, [])
    return _validate("comments", comment_frame(comments, bodies, skipped_positions))


def suite_parameters() -> dict[str, Any]:
    """Values the suites refer to with {"$PARAMETER": ...}, fixed at validation time."""
    return {"latest_plausible_time": utcnow() + WIDEST_UTC_OFFSET}


# Great Expectations is not thread-safe (its suite-parameter parser, pyparsing, races) and
# holds the GIL anyway: batches running in threads validate one at a time.
_GX_LOCK = threading.Lock()


@cache
def warm_up() -> None:
    """Import GX and build its context in a background thread (once per process).

    That costs seconds of this process's time. Started when the first batch goes to the
    segmenters, it fills time this process would spend waiting on them, instead of competing
    with the reading of the first batches or stalling them all at their first validation.
    """

    def build() -> None:
        with _GX_LOCK:
            _validator()

    threading.Thread(target=build, name="gx-warm-up", daemon=True).start()


COMPLETE = {"result_format": "COMPLETE", "include_unexpected_rows": False}  # every failing row
BASIC = {"result_format": "BASIC"}  # counts and the first values, no row indexes


def _run_suite(suite: str, frame):
    """The suite on `frame`: first in GX's BASIC result format, then, only for the critical
    expectations that failed, again in COMPLETE (every failing row's index, for quarantine).

    Listing the failing rows is what costs in GX: COMPLETE for the whole suite takes ~35% more
    than BASIC on a clean batch, and most batches are clean. A failing critical expectation is
    run again alone (a fraction of the suite's cost) and its COMPLETE result takes the place of
    the BASIC one, so every result that decides a quarantine lists every failing row.

    One GX validator holds the frame for both passes: `Batch.validate` would load it (and hash
    it, for the batch's fingerprint) once for the batch and again for every call.
    """
    batch_definitions, suites = _validator()  # first: it imports GX without what our suites never use
    from great_expectations.validator.v1_validator import Validator

    parameters = suite_parameters()
    validator = Validator(
        batch_definitions[suite], result_format=BASIC, batch_parameters={"dataframe": frame}
    )
    with _configurations_built_once(suites[suite].expectations):
        result = validator.validate_expectation_suite(suites[suite], expectation_parameters=parameters)
        by_name = {_expectation_name(e): e for e in suites[suite].expectations}
        validator.result_format = COMPLETE
        for i, res in enumerate(result.results):
            config = res.expectation_config
            if not res.success and _severity(config) == "critical":
                expectation = by_name[_expectation_name(config)]
                result.results[i] = validator.validate_expectation(
                    expectation, expectation_parameters=parameters
                )
    return result


# ---------------------------------------------------------------- GX expectations' configuration

_BUILT = threading.local()  # .configurations: id -> (expectation, its configuration) while a suite runs


@contextmanager
def _configurations_built_once(exempt: Iterable):
    """While a suite runs in this thread, each GX expectation builds its `configuration` once.

    GX rebuilds an expectation's configuration (a pydantic `.dict()` and a new object) every time
    it is read, and reads it dozens of times per expectation while it plans the metrics of one
    validation: that was over a third of a validation's cost on a batch of 1,000 pages. The
    expectations GX creates inside a validation are not changed after they are made, so their
    configuration is the same each time it is read. The suite's own expectations are `exempt`:
    GX fills the suite parameters into the configuration they hand out, which must therefore stay
    a new object per validation. Objects are held until the suite is done, so an id names one
    object only. Other threads, and code outside this block, build configurations as GX does.
    """
    _memoise_configurations()
    _BUILT.configurations, _BUILT.exempt = {}, {id(e) for e in exempt}
    try:
        yield
    finally:
        _BUILT.configurations = _BUILT.exempt = None


@cache
def _memoise_configurations() -> None:
    """GX's `Expectation.configuration`, built once per object inside `_configurations_built_once`."""
    from great_expectations.expectations.expectation import Expectation

    found = Expectation.__dict__.get("configuration")
    if not isinstance(found, property):  # a GX that builds it otherwise: nothing to reuse
        return
    build = found.fget

    def configuration(self):
        built = getattr(_BUILT, "configurations", None)
        if built is None or id(self) in _BUILT.exempt:
            return build(self)
        entry = built.get(id(self))
        if entry is None or entry[0] is not self:
            entry = built[id(self)] = (self, build(self))
        return entry[1]

    configuration.__doc__ = build.__doc__
    Expectation.configuration = property(configuration)


def _severity(config) -> str:
    return str(getattr(config.severity, "value", config.severity))


def _validate(suite: str, frame) -> Verdict:
    with _GX_LOCK:
        result = _run_suite(suite, frame)
    failures: dict[int, list[tuple[str, Any]]] = {}
    outcomes = []
    columns = {}
    for res in result.results:
        config = res.expectation_config
        name = _expectation_name(config)
        kwargs = config.kwargs
        columns[name] = kwargs.get("column") or f"({kwargs.get('column_A')}, {kwargs.get('column_B')})"
        severity = _severity(config)
        info = res.result or {}
        if res.exception_info and res.exception_info.get("raised_exception"):
            raise RuntimeError(
                f"expectation {name} could not run: {res.exception_info.get('exception_message')}"
            )
        outcomes.append(
            ExpectationOutcome(
                suite,
                name,
                severity,
                bool(res.success),
                int(info.get("element_count") or len(frame)),
                int(info.get("unexpected_count") or 0),
                [
                    _plain(v)
                    for v in (info.get("unexpected_list") or info.get("partial_unexpected_list") or [])[:5]
                ],
            )
        )
        if severity == "critical" and not res.success:
            indexes = info.get("unexpected_index_list") or []
            values = info.get("unexpected_list") or []
            if info.get("unexpected_count") and len(indexes) != info["unexpected_count"]:
                raise RuntimeError(f"expectation {name} did not list every failing row")
            for i, idx in enumerate(indexes):
                failures.setdefault(int(idx), []).append(
                    (name, _plain(values[i]) if i < len(values) else None)
                )
    return Verdict(failures, outcomes, _trimmed(result.to_json_dict()), columns)


def _trimmed(result: dict) -> dict:
    """A validation result small enough to carry back from a batch and store for Data Docs."""
    for res in result.get("results", []):
        info = res.get("result") or {}
        for key in ("unexpected_list", "unexpected_index_list", "partial_unexpected_index_list"):
            if isinstance(info.get(key), list):
                info[key] = info[key][:DOCS_EXAMPLES]
        for key in ("unexpected_index_query", "partial_unexpected_counts", "unexpected_rows"):
            info.pop(key, None)
    return result


def _plain(value: Any) -> Any:
    """GX hands back numpy/pandas scalars, tuples of them and NaN: make them JSON-friendly."""
    if value is None:
        return None
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return None if _is_missing(value) else value


def _is_missing(value: Any) -> bool:
    import pandas as pd

    return value is pd.NA or value is pd.NaT


# ---------------------------------------------------------------- quarantine


@dataclass(slots=True)
class Checked:
    """A batch after its suites ran: rows that load, rejects for the rest, what each rule found."""

    articles: list[dict]
    comments: list[dict]
    rejects: list[Reject]
    outcomes: list[ExpectationOutcome]
    results: list[dict]  # GX validation results (JSON) for Data Docs


def quarantine_failing_rows(articles: list[dict], comments_by_article: list[list[dict]]) -> Checked:
    """Run both suites; every row failing a critical expectation becomes one reject per failure.

    An article that fails holds back its comments (they are not validated or loaded, and its
    reject says how many). A comment that fails goes alone; the article's comment_count is then
    set to the comment rows that do load, so `articles` and `comments` agree.
    """
    verdict = validate_articles(articles, comments_by_article)
    rejects: list[Reject] = []
    kept_articles, kept_comments, owners = [], [], []  # owners[i]: the article of kept_comments[i]
    for i, article in enumerate(articles):
        failed = verdict.failures.get(i)
        if not failed:
            kept_articles.append(article)
            kept_comments.extend(comments_by_article[i])
            owners.extend([article] * len(comments_by_article[i]))
            continue
        held = len(comments_by_article[i])
        for name, value in failed:
            detail = _detail(verdict.columns.get(name), value, article) + (
                f"; its {held} comments were held back with it" if held else ""
            )
            rejects.append(
                Reject(
                    article["source"],
                    "validate",
                    name,
                    detail,
                    article["content_hash"],
                    article["article_id"],
                )
            )
    bodies = {a["article_id"]: a["body"] for a in kept_articles}
    comment_verdict = validate_comments(kept_comments, bodies)
    final_comments = []
    for i, comment in enumerate(kept_comments):
        failed = comment_verdict.failures.get(i)
        if not failed:
            final_comments.append(comment)
            continue
        owner = owners[i]
        for name, value in failed:
            detail = f"comment {comment['position']}: " + _detail(
                comment_verdict.columns.get(name), value, comment
            )
            rejects.append(
                Reject(
                    owner["source"], "validate", name, detail, owner["content_hash"], comment["comment_id"]
                )
            )
    loaded_per_article = Counter(c["article_id"] for c in final_comments)
    for article in kept_articles:
        article["comment_count"] = loaded_per_article[article["article_id"]]
    return Checked(
        kept_articles,
        final_comments,
        rejects,
        verdict.outcomes + comment_verdict.outcomes,
        [r for r in (verdict.result, comment_verdict.result) if r],
    )


def _detail(column: str | None, value: Any, row: dict) -> str:
    """`column=value` of a failure; for a helper column also the loaded value it was computed from."""
    detail = f"{column or 'value'}={value!r}"
    source = HELPER_SOURCES.get(column or "")
    return f"{detail}; {source}={row.get(source)!r}" if source else detail


def validate_loaded(con) -> list[Verdict]:
    """Both suites on what the warehouse's views show now (for `scrapeline validate`).

    Positions held by unresolved comment rejects count as accounted for: a quarantined comment
    leaves a hole in the loaded positions that is explained, not a gap.
    """

    def rows(sql: str) -> list[dict]:
        cur = con.execute(sql)
        columns = [d[0] for d in cur.description]
        return [dict(zip(columns, r, strict=True)) for r in cur.fetchall()]

    articles = rows("SELECT * FROM articles")
    comments = rows("SELECT * FROM comments")
    skipped: dict[str, set[int]] = defaultdict(set)
    for (row_id,) in con.execute(
        "SELECT DISTINCT row_id FROM rejects WHERE stage = 'validate' AND row_id LIKE '%:%'"
    ).fetchall():
        article, _, position = row_id.rpartition(":")
        if position.isdigit():
            skipped[article].add(int(position))
    return [
        validate_articles(articles, comments),
        validate_comments(comments, {a["article_id"]: a["body"] for a in articles}, skipped),
    ]
