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

import copy
import json
import os
import re
import threading
from bisect import bisect_left
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
    return _validate("articles", _articles_frame(articles, list(comments)))


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
    result, listed = _run_suite_listing(suite, frame, lambda config: _severity(config) == "critical")
    for i, res in listed.items():
        result.results[i] = res
    return result


def _run_suite_listing(suite: str, frame, relist) -> tuple[Any, dict[int, Any]]:
    """The suite on `frame` in BASIC, and the COMPLETE result of each failing expectation whose
    configuration `relist` accepts, by its place in the results (see `_run_suite`)."""
    batch_definitions, suites = _validator()  # first: it imports GX without what our suites never use
    from great_expectations.validator.v1_validator import Validator

    parameters = suite_parameters()
    validator = Validator(
        batch_definitions[suite], result_format=BASIC, batch_parameters={"dataframe": frame}
    )
    listed = {}
    with _configurations_built_once(suites[suite].expectations):
        result = validator.validate_expectation_suite(suites[suite], expectation_parameters=parameters)
        by_name = {_expectation_name(e): e for e in suites[suite].expectations}
        validator.result_format = COMPLETE
        for i, res in enumerate(result.results):
            config = res.expectation_config
            if not res.success and relist(config):
                expectation = by_name[_expectation_name(config)]
                listed[i] = validator.validate_expectation(expectation, expectation_parameters=parameters)
    return result, listed


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
    return _verdict(suite, result, len(frame))


def _verdict(suite: str, result, rows: int) -> Verdict:
    """What a suite's validation result (of a frame of `rows` rows) says about each row."""
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
                int(info.get("element_count") or rows),
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


# ---------------------------------------------------------------- several batches in one GX call

# Expectations that judge each row by its own values alone: on several batches' rows together they
# find, row for row, what they find on each batch's. GX costs ~0.15 s per call for the two suites
# whatever the rows (planning the metrics, building configurations), so a run validates a group of
# batches in one call per suite and splits the results back into each batch's (`_validate_frames`).
ROW_BY_ROW = frozenset(
    {
        "expect_column_values_to_not_be_null",
        "expect_column_values_to_match_regex",
        "expect_column_values_to_not_match_regex",
        "expect_column_values_to_be_between",
        "expect_column_value_lengths_to_be_between",
        "expect_column_values_to_be_in_set",
        "expect_column_pair_values_to_be_equal",
    }
)
UNIQUE = (
    "expect_column_values_to_be_unique"  # a row judged by the others: values must not meet across batches
)
ROW_OPTIONS = frozenset({"mostly", "ignore_row_if", "row_condition", "condition_parser"})  # not split here
PARTIAL = 20  # GX's partial_unexpected_count: the failing values (and indexes) a result lists first
_COUNTS = ("element_count", "unexpected_count", "unexpected_percent", "partial_unexpected_list")
_MISSING = ("missing_count", "missing_percent", "unexpected_percent_total", "unexpected_percent_nonmissing")
_LISTING = (
    "partial_unexpected_counts",
    "partial_unexpected_index_list",
    "unexpected_list",
    "unexpected_index_list",
    "unexpected_index_query",
)


class _NotSplittable(Exception):
    """A group's result that does not split into its batches' as expected: they go one by one."""


@cache
def _splittable(name: str, folder: Path) -> tuple[bool, tuple[str, ...]]:
    """Whether suite `name` (in `folder`) run on several batches' rows at once gives, split by
    rows, each batch's own result; and the columns whose values must then not repeat across the
    batches of one call (those of its uniqueness expectations)."""
    expectations = load_suite_json(name)["expectations"]
    kinds = [e.get("type") or e.get("expectation_type") for e in expectations]
    ok = all(k in ROW_BY_ROW or k == UNIQUE for k in kinds) and not any(
        ROW_OPTIONS & e["kwargs"].keys() for e in expectations
    )
    return ok, tuple(e["kwargs"]["column"] for e, k in zip(expectations, kinds, strict=True) if k == UNIQUE)


def _validate_frames(suite: str, frames: list) -> list[Verdict]:
    """The verdict of `suite` on each frame (None or empty: no rows, no verdict), as `_validate`
    gives it frame by frame, with one GX call for each run of frames that can share one."""
    verdicts = [Verdict({}, []) for _ in frames]
    for group in _groups(suite, frames):
        if len(group) == 1:
            verdicts[group[0]] = _validate(suite, frames[group[0]])
            continue
        try:
            found = _validate_together(suite, [frames[i] for i in group])
        except _NotSplittable:
            found = None
        if found is None:  # (not inside the handler: GX's tracebacks would name its exception)
            found = [_validate(suite, frames[i]) for i in group]
        for i, verdict in zip(group, found, strict=True):
            verdicts[i] = verdict
    return verdicts


def _groups(suite: str, frames: list) -> list[list[int]]:
    """Consecutive frames that one GX call can validate together: the same columns of the same
    types (so each value is held as it would be alone), and no value of a uniqueness
    expectation's column in two of them (ids are content hashes: a repeat is a real repeat, and
    it is judged within its batch, as before)."""
    splittable, unique = _splittable(suite, EXPECTATIONS_DIR)
    groups: list[list[int]] = []
    shape: tuple | None = None
    seen: dict[str, set] = {}
    for i, frame in enumerate(frames):
        if frame is None or not len(frame):
            continue
        values = _values(frame, unique) if splittable else None
        if values is None:  # alone, and the next frame starts a new group
            groups.append([i])
            shape = None
            continue
        mine = (tuple(frame.columns), tuple(frame.dtypes))
        if not groups or shape != mine or any(not seen[c].isdisjoint(values[c]) for c in unique):
            groups.append([])
            shape, seen = mine, {c: set() for c in unique}
        groups[-1].append(i)
        for c in unique:
            seen[c] |= values[c]
    return groups


def _values(frame, columns: tuple[str, ...]) -> dict[str, set] | None:
    """The non-null values of each column, or None if a column is absent or holds unhashable values."""
    try:
        return {c: set(frame[c].dropna().tolist()) for c in columns}
    except (KeyError, TypeError):
        return None


def _validate_together(suite: str, frames: list) -> list[Verdict]:
    """One GX call on the frames' rows, split into the verdict each frame gets alone.

    Every failing expectation is listed in COMPLETE for the group, so each batch's failing rows
    and values are known; each batch then gets the result its own call gives: BASIC counts and
    first values, and the complete list for a critical expectation that fails in it.
    """
    import pandas as pd

    frame = pd.concat(frames, ignore_index=True)
    if tuple(frame.dtypes) != tuple(frames[0].dtypes):
        raise _NotSplittable("the frames' types change when joined")
    with _GX_LOCK:
        result, listed = _run_suite_listing(suite, frame, lambda config: True)
        own = [_run_parameterised(suite, f) for f in frames]
    del frame
    return [
        _verdict(suite, piece, len(f))
        for piece, f in zip(_split(result, listed, frames, own), frames, strict=True)
    ]


@cache
def _parameterised(name: str, folder: Path) -> tuple[str, ...]:
    """The expectations of suite `name` (in `folder`) that take a suite parameter, by name."""

    def takes(value: Any) -> bool:
        return isinstance(value, dict) and "$PARAMETER" in value

    return tuple(
        (e.get("meta") or {}).get("name") or ""
        for e in load_suite_json(name)["expectations"]
        if any(takes(v) for v in e["kwargs"].values())
    )


def _run_parameterised(suite: str, frame) -> dict[str, Any]:
    """The results, by name, of the suite's expectations that take a suite parameter, run on
    `frame` alone with the parameters of this moment, as `_run_suite` runs them on a batch.

    A batch validated alone fills in its own parameters (the time it is validated), and the
    run's validation result keeps one entry per value (`data_docs.merge_result`): each batch of
    a group gets its own, so the run's results are those of batches validated one by one.
    """
    names = _parameterised(suite, EXPECTATIONS_DIR)
    if not names:
        return {}
    batch_definitions, suites = _validator()
    from great_expectations.validator.v1_validator import Validator

    expectations = [e for e in suites[suite].expectations if _expectation_name(e) in names]
    keys = ("column", "column_A", "column_B")
    columns = list(dict.fromkeys(getattr(e, k) for e in expectations for k in keys if getattr(e, k, None)))
    if any(c not in frame.columns for c in columns):
        raise _NotSplittable("a parameterised expectation's column is missing")
    parameters = suite_parameters()
    validator = Validator(
        batch_definitions[suite], result_format=BASIC, batch_parameters={"dataframe": frame[columns]}
    )
    found = {}
    with _configurations_built_once(suites[suite].expectations):
        for e in expectations:
            res = validator.validate_expectation(e, expectation_parameters=parameters)
            if not res.success and _severity(res.expectation_config) == "critical":
                validator.result_format = COMPLETE
                res = validator.validate_expectation(e, expectation_parameters=parameters)
                validator.result_format = BASIC
            found[_expectation_name(e)] = res
    return found


def _split(result, listed: dict[int, Any], frames: list, own: list[dict[str, Any]]) -> list:
    """A suite's result on the frames' rows together -> the result of each frame alone (`own`:
    per frame, results by expectation name that it got on its own, which take their place)."""
    starts = [0]
    for f in frames:
        starts.append(starts[-1] + len(f))
    pieces: list[list] = [[] for _ in frames]
    for i, res in enumerate(result.results):
        info = res.result or {}
        if _raised(res.exception_info) or info.keys() - {*_COUNTS, *_MISSING}:
            raise _NotSplittable(f"result {i}")
        config = res.expectation_config
        missing = _missing(config.kwargs, frames) if "missing_count" in info else None
        if missing is not None and sum(missing) != info["missing_count"]:
            raise _NotSplittable(f"missing values of result {i}")
        indexes: list[int] = []
        values: list[Any] = []
        full = listed.get(i)
        if not res.success:
            got = full.result if full is not None else {}
            indexes, values = got.get("unexpected_index_list"), got.get("unexpected_list")
            if (
                got.keys() - {*_COUNTS, *_MISSING, *_LISTING}
                or indexes is None
                or values is None
                or len(indexes) != len(values)
                or len(indexes) != info.get("unexpected_count")
                or any(not isinstance(k, int) for k in indexes)
                or indexes != sorted(indexes)
                or got.get("unexpected_index_query", f"df.filter(items={indexes}, axis=0)")
                != f"df.filter(items={indexes}, axis=0)"
            ):
                raise _NotSplittable(f"failing rows of result {i}")
        elif info.get("unexpected_count"):
            raise _NotSplittable(f"result {i} succeeds with failing rows")
        critical = _severity(config) == "critical"
        for b, f in enumerate(frames):
            lo, hi = starts[b], starts[b + 1]
            a, z = bisect_left(indexes, lo), bisect_left(indexes, hi)
            rows, found = [k - lo for k in indexes[a:z]], values[a:z]
            complete = critical and bool(rows)  # relisted in COMPLETE, as a batch alone does
            alone = own[b].get(_expectation_name(config))
            if alone is not None:
                pieces[b].append(alone)
                continue
            piece = copy.copy(full if complete else res)
            piece.success = not rows
            piece.result = _map_result(
                len(f),
                None if missing is None else missing[b],
                rows,
                found,
                full.result if complete else None,
            )
            pieces[b].append(piece)
    return [_suite_result(result, p, f) for p, f in zip(pieces, frames, strict=True)]


def _raised(info: dict | None) -> bool:
    """Whether GX's `exception_info` of a result tells of an exception (its own, or one per metric)."""
    info = info or {}
    return bool(info.get("raised_exception")) or any(
        isinstance(v, dict) and v.get("raised_exception") for v in info.values()
    )


def _missing(kwargs: dict, frames: list) -> list[int]:
    """Rows GX leaves out of an expectation as missing, per frame: a null in its column, or in
    both columns of a pair (GX's default `ignore_row_if`, both values missing)."""
    if "column" in kwargs:
        return [int(f[kwargs["column"]].isnull().sum()) for f in frames]
    a, b = kwargs["column_A"], kwargs["column_B"]
    return [int((f[a].isnull() & f[b].isnull()).sum()) for f in frames]


def _map_result(n: int, missing: int | None, rows: list[int], values: list, complete: dict | None) -> dict:
    """A map expectation's `result` on n rows as GX writes it (great_expectations'
    `_format_map_output`): BASIC, or COMPLETE when `complete` (the group's COMPLETE result) is given."""
    unexpected = len(rows)
    total = unexpected / n * 100
    if missing is None:
        percent = total
    else:
        present = n - missing
        percent = unexpected / present * 100 if present > 0 else None
    out = {
        "element_count": n,
        "unexpected_count": unexpected,
        "unexpected_percent": percent,
        "partial_unexpected_list": values[:PARTIAL],
    }
    if missing is not None:
        out["missing_count"] = missing
        out["missing_percent"] = missing / n * 100
        out["unexpected_percent_total"] = total
        out["unexpected_percent_nonmissing"] = percent
    if complete is None:
        return out
    counts = _value_counts(values)
    if counts is not None and "partial_unexpected_counts" in complete:
        out["partial_unexpected_counts"] = counts
    out["partial_unexpected_index_list"] = rows[:PARTIAL]
    out["unexpected_list"] = values
    out["unexpected_index_list"] = rows
    if "unexpected_index_query" in complete:
        out["unexpected_index_query"] = f"df.filter(items={rows}, axis=0)"
    return out


def _value_counts(values: list) -> list[dict] | None:
    """GX's `partial_unexpected_counts` of failing values (None where GX leaves it out)."""
    if values and isinstance(values[0], dict):
        values = [tuple(v.values()) for v in values]
    try:
        common = Counter(values).most_common(PARTIAL)
        return [{"value": k, "count": c} for k, c in sorted(common, key=lambda x: (-x[1], x[0]))]
    except TypeError:
        return None


def _suite_result(result, pieces: list, frame):
    """The suite's result for one frame: its expectations' results, statistics and fingerprint."""
    from great_expectations.execution_engine.pandas_execution_engine import hash_pandas_dataframe

    out = copy.copy(result)
    out.results = pieces
    good = sum(1 for p in pieces if p.success)
    out.success = good == len(pieces)
    out.statistics = {
        **result.statistics,
        "evaluated_expectations": len(pieces),
        "successful_expectations": good,
        "unsuccessful_expectations": len(pieces) - good,
        "success_percent": good / len(pieces) * 100 if pieces else None,
    }
    out.meta = copy.deepcopy(result.meta)
    markers = out.meta.get("batch_markers")
    if markers is not None and "pandas_data_fingerprint" in markers:
        markers["pandas_data_fingerprint"] = hash_pandas_dataframe(frame)
    return out


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
    return quarantine_batches([(articles, comments_by_article)])[0]


def quarantine_batches(batches: list[tuple[list[dict], list[list[dict]]]]) -> list[Checked]:
    """`quarantine_failing_rows` of each batch (its articles and their comments), the same rows,
    rejects, outcomes and results, with each suite run once for as many batches as can share a GX
    call (`_validate_frames`)."""
    verdicts = _validate_frames(
        "articles", [_articles_frame(articles, comments) for articles, comments in batches]
    )
    kept = [_kept_articles(verdict, *batch) for verdict, batch in zip(verdicts, batches, strict=True)]
    comment_verdicts = _validate_frames(
        "comments",
        [
            comment_frame(comments, {a["article_id"]: a["body"] for a in articles}) if comments else None
            for articles, comments, _, _ in kept
        ],
    )
    return [
        _checked(verdict, comment_verdict, *k)
        for verdict, comment_verdict, k in zip(verdicts, comment_verdicts, kept, strict=True)
    ]


def _articles_frame(articles: list[dict], comments_by_article: list[list[dict]]):
    """The articles suite's frame of a batch (None: no articles), as `validate_articles` builds it."""
    if not articles:
        return None
    if len(comments_by_article) == len(articles) and all(isinstance(c, list) for c in comments_by_article):
        rows = [len(c) for c in comments_by_article]
    else:
        per_article = Counter(c.get("article_id") for c in comments_by_article)
        rows = [per_article[a.get("article_id")] for a in articles]
    return article_frame(articles, rows)


def _kept_articles(
    verdict: Verdict, articles: list[dict], comments_by_article: list[list[dict]]
) -> tuple[list[dict], list[dict], list[dict], list[Reject]]:
    """The articles that pass, their comments, each comment's article, and the failing articles' rejects."""
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
    return kept_articles, kept_comments, owners, rejects


def _checked(
    verdict: Verdict,
    comment_verdict: Verdict,
    kept_articles: list[dict],
    kept_comments: list[dict],
    owners: list[dict],
    rejects: list[Reject],
) -> Checked:
    """A batch's rows that load, its rejects and what each rule found, from both suites' verdicts."""
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
