"""What a run shows: a progress bar while batches run, artifacts in the Prefect UI, a summary."""

from __future__ import annotations

import sys
from collections import defaultdict

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress
from rich.table import Table

from flows.show import NULL, line, plain
from tasks.validate import ExpectationOutcome

stderr = Console(stderr=True)


class Progress:
    """A files-done bar on the terminal (stderr), or nothing when disabled or not a terminal."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.enabled = enabled and total > 0 and sys.stderr.isatty()
        self.total = total
        self._bar: RichProgress | None = None

    def __enter__(self) -> Progress:
        if self.enabled:
            self._bar = RichProgress(
                TextColumn("scrapes"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=stderr,
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("load", total=self.total)
        return self

    def advance(self, n: int) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, n)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()


def summarise_outcomes(outcomes: list[ExpectationOutcome]) -> list[dict]:
    """Merge per-batch outcomes into one line per expectation."""
    merged: dict[tuple[str, str], dict] = {}
    for o in outcomes:
        m = merged.setdefault(
            (o.suite, o.name),
            {
                "suite": o.suite,
                "expectation": o.name,
                "severity": o.severity,
                "rows": 0,
                "unexpected": 0,
                "examples": [],
            },
        )
        m["rows"] += o.element_count
        m["unexpected"] += o.unexpected_count
        m["examples"] = (m["examples"] + [e for e in o.examples if e not in m["examples"]])[:3]
    for m in merged.values():
        m["success"] = m["unexpected"] == 0
        m["unexpected_percent"] = round(100 * m["unexpected"] / m["rows"], 2) if m["rows"] else 0.0
    return sorted(merged.values(), key=lambda m: (m["suite"], m["expectation"]))


def summary_lines(summary: dict) -> list[tuple[str, str]]:
    """The run's figures as (label, value), in order: what the terminal prints, what the run's
    summary artifact shows and what its state message says, from this one list."""
    rows = [
        ("files seen", summary["files_seen"]),
        ("  new or changed", summary["files_new"]),
        ("  unchanged", summary["files_unchanged"]),
        ("  rejected", summary["files_rejected"]),
    ]
    if summary.get("records_seen", 0) > summary["files_new"]:  # multi-record files or resegment
        rows.append(("records seen", summary["records_seen"]))
        rows += [
            (f"  {k}", summary.get(f"records_{k}", 0)) for k in ("loaded", "duplicate", "rejected", "skipped")
        ]
    elif summary.get("records_duplicate"):
        rows.append(("duplicates", summary["records_duplicate"]))
    rows += [
        ("articles loaded", summary["articles"]),
        ("comments loaded", summary["comments"]),
        ("reject rows", summary["rejects"]),
    ]
    if "reject_rate" in summary:
        rows.append(
            (
                "reject rate",
                f"{100 * summary['reject_rate']:.1f}% ({summary['inputs_rejected']} of {summary['inputs_read']})",
            )
        )
    rows.append(("seconds", f"{summary['seconds']:.1f}"))
    return [(label, str(value)) for label, value in rows]


def count_rows(summary: dict) -> list[dict]:
    """The run's counts by stage and reason: inputs, loaded rows, then rejects by stage and reason
    (the input labels are the terminal summary's)."""
    rows = [
        {"stage": "input", "reason": "files seen", "rows": summary["files_seen"]},
        {"stage": "input", "reason": "new or changed", "rows": summary["files_new"]},
        {"stage": "input", "reason": "unchanged", "rows": summary["files_unchanged"]},
        {"stage": "input", "reason": "rejected", "rows": summary["files_rejected"]},
        {"stage": "load", "reason": "articles", "rows": summary["articles"]},
        {"stage": "load", "reason": "comments", "rows": summary["comments"]},
    ]
    rows += [
        {"stage": r["stage"], "reason": r["reason"], "rows": r["rows"]} for r in summary["reject_reasons"]
    ]
    return rows


def _cell(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("|", "\\|")


def quality_markdown(summary: dict, outcomes: list[ExpectationOutcome]) -> str:
    """One section per suite, one line per expectation: severity, result, unexpected %, examples."""
    merged = summarise_outcomes(outcomes)
    failed_critical = [m for m in merged if not m["success"] and m["severity"] == "critical"]
    warned = [m for m in merged if not m["success"] and m["severity"] == "warning"]
    lines = [f"# Data quality, run `{summary['run_id']}`", ""]
    if not merged:
        lines.append("No rows were validated in this run (nothing new or changed).")
    else:
        lines.append(
            f"{len(merged)} expectations checked: {len(merged) - len(failed_critical) - len(warned)} passed, "
            f"{len(failed_critical)} critical failed (their rows are in `rejects`), "
            f"{len(warned)} warnings (reported only)."
        )
    by_suite = defaultdict(list)
    for m in merged:
        by_suite[m["suite"]].append(m)
    for suite, items in by_suite.items():
        lines += [
            "",
            f"## {suite} ({items[0]['rows']} rows)",
            "",
            "| expectation | severity | result | unexpected | examples |",
            "|---|---|---|---|---|",
        ]
        for m in items:
            verdict = "pass" if m["success"] else ("**FAIL**" if m["severity"] == "critical" else "warn")
            examples = ", ".join(_cell(repr(e), 40) for e in m["examples"])
            lines.append(
                f"| {m['expectation']} | {m['severity']} | {verdict} | "
                f"{m['unexpected']} ({m['unexpected_percent']}%) | {examples} |"
            )
    if summary.get("data_docs"):
        lines += ["", f"Great Expectations Data Docs: `{summary['data_docs']}`"]
    return "\n".join(lines)


DOCS_PORT = 8765  # where `scrapeline docs` serves the Data Docs unless told otherwise


def docs_url(port: int = DOCS_PORT) -> str:
    return f"http://127.0.0.1:{port}/index.html"


def quality_verdict(summary: dict) -> str:
    """One line on the run's data quality, from `summary["quality"]`."""
    q = summary.get("quality") or {}
    if not q.get("checked"):
        return "nothing validated (no new or changed rows)"
    if q["critical_failed"]:
        return (
            f"{q['critical_failed']} critical expectation(s) failed: {q['rows_quarantined']} of "
            f"{q['rows_validated']} rows quarantined; {q['warnings']} warning(s)"
        )
    if q["warnings"]:
        return (
            f"no critical failure; {q['checked'] - q['warnings']} of {q['checked']} expectations pass, "
            f"{q['warnings']} warning(s)"
        )
    return f"all {q['checked']} expectations pass"


def slowest_stage(summary: dict) -> tuple[str, float] | None:
    stages = summary.get("stage_seconds") or {}
    if not stages:
        return None
    name = max(stages, key=stages.get)
    return name, stages[name]


def state_message(summary: dict) -> str:
    """The flow run's state message: the counts a person checks first, in one line."""
    parts = [
        f"{summary['files_seen']} files seen ({summary['files_new']} new or changed, "
        f"{summary['files_unchanged']} unchanged, {summary['files_rejected']} rejected)",
        f"{summary['articles']} articles, {summary['comments']} comments loaded",
        f"{summary['rejects']} reject rows"
        + (f" (reject rate {100 * summary['reject_rate']:.1f}%)" if "reject_rate" in summary else ""),
    ]
    if summary.get("failed_because"):
        parts.insert(0, "FAILED: " + "; ".join(summary["failed_because"]))
    return "; ".join(parts)


def summary_markdown(summary: dict, docs_command: str | None = None) -> str:
    """The run on one screen: verdict, the terminal's figures, reject rate, data quality, the
    slowest stage, the largest reject reasons and where the Data Docs are."""
    status = summary.get("status", "completed")
    lines = [
        f"# Run `{summary['run_id']}`: {status.upper() if summary.get('failed_because') else status}",
        "",
    ]
    for why in summary.get("failed_because") or []:
        lines.append(f"**Failed:** {_cell(why, 200)}  ")
    lines += ["", f"Warehouse: `{_cell(summary['warehouse'], 200)}`", "", "| | |", "|---|---:|"]
    lines += [
        f"| {'seconds in the flow' if label == 'seconds' else _cell(label.strip(), 80)} | {value} |"
        for label, value in summary_lines(summary)
    ]
    lines += ["", f"**Data quality:** {quality_verdict(summary)}"]
    slow = slowest_stage(summary)
    if slow:
        total = sum((summary.get("stage_seconds") or {}).values())
        lines.append(f"**Slowest stage:** {slow[0]} ({slow[1]:.1f} s of {total:.1f} s spent in stages)")
    reasons = sorted(summary.get("reject_reasons") or [], key=lambda r: -r["rows"])
    if reasons:
        lines += ["", "| rejects: stage | reason | rows |", "|---|---|---:|"]
        lines += [f"| {r['stage']} | {_cell(r['reason'])} | {r['rows']} |" for r in reasons[:10]]
        if len(reasons) > 10:
            lines.append(f"| … | {len(reasons) - 10} more reasons | |")
    if docs_command:
        lines += ["", f"**Data Docs:** `{docs_command}`, then open {docs_url()}"]
    return "\n".join(lines)


def publish_artifacts(
    summary: dict, outcomes: list[ExpectationOutcome], docs_command: str | None = None
) -> None:
    """The run's summary first, then counts by stage and reason, the expectation results and a
    link to the Data Docs, as artifacts of the flow run (on the run's page in the Prefect UI)."""
    from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact

    create_markdown_artifact(
        summary_markdown(summary, docs_command),
        key="run-summary",
        description=f"Run {summary['run_id']}: {summary.get('status', 'completed')}",
    )
    create_table_artifact(
        count_rows(summary),
        key="run-counts",
        description=f"Counts by stage and reason, run {summary['run_id']}",
    )
    create_markdown_artifact(
        quality_markdown(summary, outcomes),
        key="data-quality",
        description="Great Expectations results for this run",
    )
    if summary.get("data_docs") and docs_command:
        create_link_artifact(
            docs_url(),
            link_text="Great Expectations Data Docs",
            key="data-docs",
            description=f"Served by `{docs_command}` (both suites, recent runs)",
        )


def print_table(columns: list[str], rows: list[tuple], console: Console | None = None) -> None:
    """Query results as a table, every value as it is (NULL for null)."""
    cells = [[plain(v, NULL) for v in r] for r in rows]
    if console is None:
        console = Console()
        if not console.is_terminal:  # piped or captured: as wide as the values, none cut or wrapped
            widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
            console = Console(width=max(80, min(100_000, sum(widths) + 3 * len(widths) + 1)))
    table = Table(show_lines=False)
    for c in columns:
        table.add_column(plain(c), overflow="fold")  # long values wrap; none is cut short with "…"
    for r in cells:
        table.add_row(*r)
    console.print(table)
    console.print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", style="dim", markup=False)


def print_summary(summary: dict, console: Console | None = None, hint_warehouse: str | None = None) -> None:
    """The short end-of-run report for the terminal. `hint_warehouse`: the --warehouse to name in
    the command shown for the rejects (None when it is the default)."""
    console = console or Console()
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    for label, value in summary_lines(summary):
        table.add_row(plain(label), plain(value))
    style = "bold red" if summary.get("failed_because") else "bold green"
    done = "FAILED" if summary.get("failed_because") else "done"
    console.print(
        line((f"run {summary['run_id']} {done}", style), " → ", plain(summary["warehouse"])), soft_wrap=True
    )
    console.print(table)
    for why in summary.get("failed_because") or []:
        console.print(line(("failed: ", "bold red"), plain(why)), soft_wrap=True)
    if summary.get("quality", {}).get("checked"):
        console.print(line(("data quality: ", "bold"), plain(quality_verdict(summary))), soft_wrap=True)
    if summary.get("skipped"):
        console.print("skipped records (not pages):")
        for kind, n in summary["skipped"].items():
            console.print(plain(f"  {kind:<42} {n:>6}"))
    if summary.get("reject_reasons"):
        console.print("rejects by reason:")
        for r in summary["reject_reasons"]:
            console.print(plain(f"  {r['stage']:<9} {r['reason']:<32} {r['rows']:>6}"))
        where = f" --warehouse {_shell_quote(hint_warehouse)}" if hint_warehouse else ""
        console.print(plain(f"  see them with: scrapeline rejects{where}"), soft_wrap=True)
    for source in summary.get("empty_sources") or []:
        console.print(
            line(("warning: ", "bold yellow"), plain(f"no files found under {source}")), soft_wrap=True
        )


def _shell_quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


def print_expectations(merged: list[dict], console: Console | None = None) -> None:
    """`scrapeline validate`: one table per suite, failures first in red, then a verdict line."""
    if console is None:
        console = Console()
        if not console.is_terminal:  # piped or captured: no terminal width to fit, keep every column whole
            console = Console(width=120)
    suites: dict[str, list[dict]] = defaultdict(list)
    for m in merged:
        suites[m["suite"]].append(m)
    for suite, items in suites.items():
        console.print(line((suite, "bold"), f" ({items[0]['rows']} rows)"))
        table = Table()
        width = max(len(m["expectation"]) for m in items)
        table.add_column("expectation", no_wrap=True, min_width=width)
        table.add_column("severity", no_wrap=True, min_width=8)
        table.add_column("result", no_wrap=True, min_width=6)
        table.add_column("unexpected", justify="right", no_wrap=True, min_width=14)
        table.add_column("examples", overflow="ellipsis", no_wrap=True, max_width=40)
        for m in sorted(items, key=lambda m: (m["success"], m["severity"] != "critical", m["expectation"])):
            if m["success"]:
                result = "[green]pass[/]"
            else:
                result = "[bold red]FAIL[/]" if m["severity"] == "critical" else "[yellow]warn[/]"
            table.add_row(
                plain(m["expectation"]),
                plain(m["severity"]),
                result,
                plain(f"{m['unexpected']} ({m['unexpected_percent']}%)"),
                plain(", ".join(repr(e) for e in m["examples"])),
            )
        console.print(table)
    failed = [m for m in merged if not m["success"] and m["severity"] == "critical"]
    warned = [m for m in merged if not m["success"] and m["severity"] == "warning"]
    if not merged:
        console.print("nothing loaded to validate")
    elif failed:
        console.print(f"[bold red]{len(failed)} critical expectation(s) failed[/], {len(warned)} warning(s)")
    else:
        console.print(f"[bold green]all critical expectations pass[/], {len(warned)} warning(s)")


def print_rejects(
    columns: list[str], rows: list[tuple], resolved_too: bool, console: Console | None = None
) -> None:
    """`scrapeline rejects`: one table per (stage, reason), largest group first."""
    console = console or Console()
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        row = dict(zip(columns, r, strict=True))
        groups[(row["stage"], row["reason"])].append(row)
    if not groups:
        console.print("no rejects" if resolved_too else "no open rejects", markup=False)
        return
    for (stage, reason), items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        console.print(line((f"{stage} · ", "bold"), (str(reason), "bold"), f" ({len(items)} rows)"))
        table = Table()
        table.add_column("source", overflow="fold")
        table.add_column("detail", overflow="fold")
        table.add_column("run", no_wrap=True)
        if resolved_too:
            table.add_column("resolved by", no_wrap=True)
        for row in items:
            cells = [plain(row["source"]), plain(row["detail"]), plain(row["run_id"])]
            if resolved_too:
                cells.append(plain(row["resolved_by_run"] or "open"))
            table.add_row(*cells)
        console.print(table)
    console.print(f"{len(rows)} reject row(s) in {len(groups)} group(s)", style="dim")
