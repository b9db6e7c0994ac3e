"""What a run shows: a progress bar while batches run, artifacts in the Prefect UI, a summary."""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress
from rich.table import Table

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


def count_rows(summary: dict) -> list[dict]:
    """The run's counts by stage and reason: inputs, loaded rows, then rejects by stage and reason."""
    rows = [
        {"stage": "input", "reason": "seen", "rows": summary["files_seen"]},
        {"stage": "input", "reason": "loaded", "rows": summary["files_new"]},
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


def publish_artifacts(summary: dict, outcomes: list[ExpectationOutcome]) -> None:
    """Counts by stage and reason, the expectation results and a link to the Data Docs, as
    artifacts of the flow run (visible on the run's page in the Prefect UI)."""
    from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact

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
    if summary.get("data_docs"):
        create_link_artifact(
            Path(summary["data_docs"]).resolve().as_uri(),
            link_text="Great Expectations Data Docs",
            key="data-docs",
            description=f"Data Docs of the warehouse {summary['warehouse']} (both suites, recent runs)",
        )


def print_summary(summary: dict, console: Console | None = None) -> None:
    """The short end-of-run report for the terminal."""
    console = console or Console()
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("files seen", str(summary["files_seen"]))
    table.add_row("  new or changed", str(summary["files_new"]))
    table.add_row("  unchanged", str(summary["files_unchanged"]))
    table.add_row("  rejected", str(summary["files_rejected"]))
    if summary.get("records_seen", 0) > summary["files_new"]:  # multi-record files or resegment
        table.add_row("records seen", str(summary["records_seen"]))
        for outcome in ("loaded", "duplicate", "rejected", "skipped"):
            table.add_row(f"  {outcome}", str(summary.get(f"records_{outcome}", 0)))
    elif summary.get("records_duplicate"):
        table.add_row("duplicates", str(summary["records_duplicate"]))
    table.add_row("articles loaded", str(summary["articles"]))
    table.add_row("comments loaded", str(summary["comments"]))
    table.add_row("reject rows", str(summary["rejects"]))
    table.add_row("seconds", f"{summary['seconds']:.1f}")
    console.print(f"[bold green]run {summary['run_id']} done[/] → {summary['warehouse']}")
    console.print(table)
    if summary.get("skipped"):
        console.print("skipped records (not pages):")
        for kind, n in summary["skipped"].items():
            console.print(f"  {kind:<42} {n:>6}")
    if summary.get("reject_reasons"):
        console.print("rejects by reason:")
        for r in summary["reject_reasons"]:
            console.print(f"  {r['stage']:<9} {r['reason']:<32} {r['rows']:>6}")
        console.print('  see them with: scrapeline sql "SELECT * FROM rejects"')


def print_expectations(merged: list[dict], console: Console | None = None) -> None:
    """`scrapeline validate`: one table per suite, failures first in red, then a verdict line."""
    console = console or Console()
    if not console.is_terminal:  # piped or captured: no terminal width to fit, keep every column whole
        console = Console(width=120)
    suites: dict[str, list[dict]] = defaultdict(list)
    for m in merged:
        suites[m["suite"]].append(m)
    for suite, items in suites.items():
        table = Table(title=f"{suite} ({items[0]['rows']} rows)", title_justify="left")
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
                m["expectation"],
                m["severity"],
                result,
                f"{m['unexpected']} ({m['unexpected_percent']}%)",
                ", ".join(repr(e) for e in m["examples"]),
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
        console.print("no rejects" if resolved_too else "no open rejects")
        return
    for (stage, reason), items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        table = Table(title=f"{stage} · {reason} ({len(items)} rows)", title_justify="left")
        table.add_column("source", overflow="fold")
        table.add_column("detail", overflow="fold")
        table.add_column("run", no_wrap=True)
        if resolved_too:
            table.add_column("resolved by", no_wrap=True)
        for row in items:
            cells = [row["source"], row["detail"] or "", row["run_id"]]
            if resolved_too:
                cells.append(row["resolved_by_run"] or "open")
            table.add_row(*cells)
        console.print(table)
    console.print(f"{len(rows)} reject row(s) in {len(groups)} group(s)", style="dim")
