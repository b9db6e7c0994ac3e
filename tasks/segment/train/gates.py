"""The held-out figures the test suite gates on, each printed as JSON by its own process:

    python -m tasks.segment.train.gates families   # combined score on the held-out families
    python -m tasks.segment.train.gates sites      # body F1 of the held-out sites' renderings
    python -m tasks.segment.train.gates fakenews   # FakeNewsCorpus articles given no comments

A process of its own, so that the pages and features it holds (hundreds of MB) leave with it.
"""

from __future__ import annotations

import dataclasses
import json
import sys


def families() -> dict:
    from tasks.segment.model import shipped
    from tasks.segment.train import data
    from tasks.segment.train.evaluate import evaluate
    from tasks.segment.train.fit import featurize

    pages = list(data.synth_pages("heldout", data.sentence_pool()))
    report = evaluate("synth-heldout", featurize("synth-heldout", pages), shipped())
    return {
        "groups": sorted({p.group for p in pages}),
        "score": 100 * report.combined()["score"],
        "by_group": {g: 100 * r["score"] for g, r in report.by_group().items()},
    }


def sites() -> dict:
    from tasks.segment.model import shipped
    from tasks.segment.train import data
    from tasks.segment.train.evaluate import evaluate
    from tasks.segment.train.fit import featurize

    pages = data.real_heldout_pages()
    f1 = evaluate("real-heldout", featurize("real-heldout", pages), shipped()).f1_means()
    return {
        "all_held_out": all(data.held_out_site(p.group) for p in pages),
        "pages": len(pages),
        "f1": {fmt: values[2] for fmt, values in f1.items()},
    }


def fakenews() -> dict:
    from tasks.clean import clean_text
    from tasks.models import InputFile
    from tasks.read import read_input
    from tasks.segment import segment_records
    from tasks.segment.train.data import CORPUS

    sample = CORPUS / "fakenewscorpus_sample.csv"
    st = sample.stat()
    records = read_input(InputFile(str(sample), sample.name, st.st_size, st.st_mtime_ns)).records
    records = [dataclasses.replace(r, text=clean_text(r.text)) for r in records]
    done, rejects = segment_records(records)
    return {
        "records": len(records),
        "rejected": len(rejects),
        "without_comments": sum(1 for _, seg in done if not seg.comments),
        "with_comments": [rec.source for rec, seg in done if seg.comments],
    }


GATES = {"families": families, "sites": sites, "fakenews": fakenews}

if __name__ == "__main__":
    print(json.dumps(GATES[sys.argv[1]]()))
