"""Great Expectations Data Docs for the warehouse: a static HTML site at DIR/data_docs/index.html.

Built once per run, after every batch, from the validation results the batches carried back
(trimmed to a few unexpected values each): the batches validate in an in-memory context, and
this module stores their results in a file-backed GX project under DIR/gx/ so the site keeps the
history of earlier runs. The site lists both suites (their expectations as GX renders them) and
the validation results of the most recent runs.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path

from tasks.deferred import import_great_expectations
from tasks.validate import SUITES, load_suite_json

SITE_NAME = "scrapeline"
DOCS_DIR = "data_docs"
GX_DIR = "gx"
RESULTS_SHOWN = 200  # validation results listed on the index page (newest first)


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
    for name in SUITES:  # the suites as they are now in expectations/
        context.suites.add_or_update(gx.ExpectationSuite(**load_suite_json(name)))
    return context


def build_data_docs(warehouse: Path, run_id: str, run_time: datetime, results: list[dict]) -> Path:
    """Store one run's validation results and rebuild the Data Docs site; return index.html."""
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    context = _context(warehouse)
    store = context.validation_results_store
    run = RunIdentifier(run_name=run_id, run_time=run_time)
    built: list = [ExpectationSuiteIdentifier(name=name) for name in SUITES]
    batches: Counter = Counter()
    for result in results:
        suite = result.get("suite_name") or "unknown"
        batches[suite] += 1
        result = {**result, "meta": {**(result.get("meta") or {}), "run_id": run.to_json_dict()}}
        key = ValidationResultIdentifier(
            expectation_suite_identifier=ExpectationSuiteIdentifier(name=suite),
            run_id=run,
            batch_identifier=f"{suite}-batch-{batches[suite]:05d}",
        )
        store.set(key, store.deserialize(result))
        built.append(key)
    # only this run's pages are rendered; earlier runs' pages stay and the index lists them all
    context.build_data_docs(site_names=[SITE_NAME], resource_identifiers=built)
    return docs_index(warehouse)
