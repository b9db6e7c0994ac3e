"""Great Expectations Data Docs for the warehouse: a static HTML site at DIR/data_docs/index.html.

Built once per run, after every batch, from the validation results the batches carried back
(trimmed to a few unexpected values each), merged into ONE result per suite for the run
(`merge_result`): the batches validate in an in-memory context, and this module stores the run's
results in a file-backed GX project under DIR/gx/ so the site keeps the history of earlier runs.

What GX would show differently from the run's own verdict is set right here: a suite whose only
failures are warnings is "Succeeded" (passed with warnings), and every expectation shows its name
and severity (GX's meta-properties columns). The pages work offline: the scripts, styles and fonts
GX links from CDNs are served from `static/vendor/` (shipped in `tasks/docs_assets/`), and the
GX logo is the site's own copy.
"""

from __future__ import annotations

import copy
import re
import shutil
import time
from datetime import datetime
from importlib.resources import as_file, files
from pathlib import Path

from tasks.deferred import import_great_expectations
from tasks.validate import SUITES, load_suite_json

SITE_NAME = "scrapeline"
DOCS_DIR = "data_docs"
GX_DIR = "gx"
RESULTS_SHOWN = 200  # validation results listed on the index page (newest first)
EXAMPLES_SHOWN = 20  # unexpected values kept per expectation in a run's merged result


def describe(config: dict) -> str:
    """What Data Docs shows for an expectation: its name, its severity and what it is for (GX
    renders an expectation's `description` in place of its own wording; `$` would be a parameter)."""
    meta = config.get("meta") or {}
    name = meta.get("name") or config.get("type") or "expectation"
    severity = config.get("severity") or "critical"
    effect = "quarantines failing rows" if severity == "critical" else "reported only"
    text = f"{name} · {severity} ({effect})" + (f": {meta['notes']}" if meta.get("notes") else "")
    return text.replace("$", "$$")


# ---------------------------------------------------------------- one result per suite per run


def _counts(result: dict) -> None:
    """The percentages of one expectation's result, from its counts."""
    r = result.setdefault("result", {})
    total = r.get("element_count") or 0
    missing = r.get("missing_count") or 0
    unexpected = r.get("unexpected_count") or 0
    present = total - missing
    if "missing_percent" in r:
        r["missing_percent"] = 100 * missing / total if total else None
    if "unexpected_percent" in r:
        r["unexpected_percent"] = 100 * unexpected / present if present else None
    if "unexpected_percent_nonmissing" in r:
        r["unexpected_percent_nonmissing"] = 100 * unexpected / present if present else None
    if "unexpected_percent_total" in r:
        r["unexpected_percent_total"] = 100 * unexpected / total if total else None


def _annotate(result: dict) -> None:
    """Each expectation titled with its name and severity (see `describe`)."""
    for r in result.get("results", []):
        config = r.get("expectation_config")
        if config:
            config["description"] = describe(config)


def _key(r: dict) -> tuple:
    config = r.get("expectation_config") or {}
    return (
        config.get("type"),
        (config.get("meta") or {}).get("name"),
        str(sorted((config.get("kwargs") or {}).items())),
    )


def merge_result(merged: dict | None, result: dict) -> dict:
    """Fold one batch's validation result of a suite into the run's result of that suite: counts
    added up, unexpected examples kept up to EXAMPLES_SHOWN, success and statistics recomputed."""
    if merged is None:
        merged = copy.deepcopy(result)
        _annotate(merged)
        return finish_result(merged)
    index = {_key(r): r for r in merged["results"]}
    for r in result.get("results", []):
        into = index.get(_key(r))
        if into is None:  # an expectation this run's earlier batches did not have
            r = copy.deepcopy(r)
            merged["results"].append(r)
            index[_key(r)] = r
            continue
        into["success"] = bool(into.get("success")) and bool(r.get("success"))
        a, b = into.setdefault("result", {}), r.get("result") or {}
        for count in ("element_count", "missing_count", "unexpected_count"):
            if count in a or count in b:
                a[count] = (a.get(count) or 0) + (b.get(count) or 0)
        if "partial_unexpected_list" in a or "partial_unexpected_list" in b:
            examples = list(a.get("partial_unexpected_list") or [])
            examples += [e for e in b.get("partial_unexpected_list") or [] if e not in examples]
            a["partial_unexpected_list"] = examples[:EXAMPLES_SHOWN]
        _counts(into)
    _annotate(merged)
    return finish_result(merged)


def finish_result(result: dict) -> dict:
    """Statistics, and the suite's success as the run judges it: no critical expectation failed
    (failed warnings are reported, the suite passes with warnings)."""
    rows = result.get("results", [])
    failed = [r for r in rows if not r.get("success")]
    critical = [
        r for r in failed if (r.get("expectation_config") or {}).get("severity", "critical") == "critical"
    ]
    result["statistics"] = {
        "evaluated_expectations": len(rows),
        "successful_expectations": len(rows) - len(failed),
        "unsuccessful_expectations": len(failed),
        "success_percent": 100 * (len(rows) - len(failed)) / len(rows) if rows else None,
    }
    result["success"] = not critical
    meta = result.setdefault("meta", {})
    meta["scrapeline_verdict"] = (
        f"failed: {len(critical)} critical expectation(s)"
        if critical
        else (f"passed with {len(failed)} warning(s)" if failed else "passed")
    )
    return result


def docs_index(warehouse: Path) -> Path:
    return warehouse / DOCS_DIR / "index.html"


def _context(warehouse: Path):
    """The warehouse's file-backed GX project, with the suites and our Data Docs site in it."""
    gx = import_great_expectations()

    context = gx.get_context(mode="file", project_root_dir=str(warehouse))
    site = {
        "class_name": "SiteBuilder",
        "show_how_to_buttons": False,
        "store_backend": {
            "class_name": "TupleFilesystemStoreBackend",
            "base_directory": str((warehouse / DOCS_DIR).resolve()),
        },
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        "site_section_builders": {
            "expectations": {
                "class_name": "DefaultSiteSectionBuilder",
                "source_store_name": "expectations_store",
            },
            "validations": {
                "class_name": "DefaultSiteSectionBuilder",
                "source_store_name": "validation_results_store",
                "validation_results_limit": RESULTS_SHOWN,
            },
            "profiling": "None",
        },
    }
    sites = dict(context.config.data_docs_sites or {})
    if sites != {SITE_NAME: site}:  # first use, or the site's layout changed with this version
        context.variables.data_docs_sites = {SITE_NAME: site}
        context.variables.save()
    for name in SUITES:  # the suites as they are now in expectations/, each expectation titled
        suite = load_suite_json(name)
        expectations = [{**e, "description": describe(e)} for e in suite.get("expectations", [])]
        context.suites.add_or_update(gx.ExpectationSuite(**{**suite, "expectations": expectations}))
    return context


def build_data_docs(warehouse: Path, run_id: str, run_time: datetime, results: list[dict]) -> Path:
    """Store one run's validation results (one per suite, see `merge_result`) and rebuild the Data
    Docs site; return index.html."""
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    started = time.time()
    context = _context(warehouse)
    store = context.validation_results_store
    run = RunIdentifier(run_name=run_id, run_time=run_time)
    built: list = [ExpectationSuiteIdentifier(name=name) for name in SUITES]
    for result in results:
        suite = result.get("suite_name") or "unknown"
        result = {**result, "meta": {**(result.get("meta") or {}), "run_id": run.to_json_dict()}}
        key = ValidationResultIdentifier(
            expectation_suite_identifier=ExpectationSuiteIdentifier(name=suite),
            run_id=run,
            batch_identifier=f"{suite}-{run_id}",
        )
        store.set(key, store.deserialize(result))
        built.append(key)
    # only this run's pages are rendered; earlier runs' pages stay and the index lists them all
    context.build_data_docs(site_names=[SITE_NAME], resource_identifiers=built)
    make_offline(warehouse / DOCS_DIR, since=started - 1)
    return docs_index(warehouse)


# ---------------------------------------------------------------- pages that work offline

VENDOR = "static/vendor"
# what GX links from the network -> the file under static/vendor/ (None: the tag goes)
CDN = {
    "https://code.jquery.com/jquery-3.7.1.min.js": "js/jquery.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": "js/popper.min.js",
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": "js/bootstrap.min.js",
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": "css/bootstrap.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": "js/bootstrap-table.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css": "css/bootstrap-table.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js": "js/bootstrap-table-filter-control.min.js",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css": "css/bootstrap-table-filter-control.min.css",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css": "css/bootstrap-table-filter-control.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js": "js/bootstrap-datepicker.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css": "css/bootstrap-datepicker.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css": "css/fontawesome-all.min.css",
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css": "css/bootstrap-prefers-dark.min.css",
    # charts of profiling results, which our suites never render
    "https://cdn.jsdelivr.net/npm/vega@5": None,
    "https://cdn.jsdelivr.net/npm/vega-lite@5": None,
    "https://cdn.jsdelivr.net/npm/vega-embed@6": None,
}
_LINKED = re.compile(r'(<(?:script|link)\b[^>]*?\b(?:src|href)=")(https?://[^"]+)("[^>]*>(?:\s*</script>)?)')
_STATIC = re.compile(r'\b(src|href)="(?:\.\./)*static/([^"]*)"')
_GX_LOGO = re.compile(r'src="https://great-expectations-web-assets\.s3[^"]*"')


def offline_html(html: str, to_static: str) -> str:
    """A page with every CDN script and style sheet GX links replaced by the vendored copy under
    `to_static` (the page's relative path to static/), and GX's remote logo by the site's own."""

    def local(match: re.Match) -> str:
        url = match.group(2)
        if url not in CDN:
            return match.group(0)
        if CDN[url] is None:
            return ""
        return f"{match.group(1)}{to_static}/vendor/{CDN[url]}{match.group(3)}"

    html = _LINKED.sub(local, html)
    html = _GX_LOGO.sub(f'src="{to_static}/images/logo-long.png"', html)
    # GX's own links into static/ at the page's depth (it gets the favicon's wrong on deep pages)
    return _STATIC.sub(lambda m: f'{m.group(1)}="{to_static}/{m.group(2)}"', html)


def make_offline(site: Path, since: float = 0.0) -> None:
    """Vendor the site's assets and rewrite its pages changed since `since` to use them."""
    vendor = site / VENDOR
    if not (vendor / "js" / "jquery.min.js").is_file():
        with as_file(files("tasks") / "docs_assets" / "vendor") as source:
            shutil.copytree(source, vendor, dirs_exist_ok=True)
    for page in site.rglob("*.html"):
        if page.stat().st_mtime < since:
            continue
        html = page.read_text(encoding="utf-8")
        to_static = Path(*([".."] * len(page.parent.relative_to(site).parts)), "static").as_posix()
        fixed = offline_html(html, to_static)
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")
