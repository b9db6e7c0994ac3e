"""The reference pass: the least a scrape pipeline has to do, written plainly, on all cores.

Each worker reads a file, NFC-normalises it, splits it into paragraphs on blank lines, classifies
each paragraph with a handful of compiled regexes (comment header, reply/like chrome, date line,
share/menu chrome, body text) and returns one row per file; each chunk of files is written as
one zstd Parquet file. scrapeline's throughput is reported as a ratio to this.
"""

from __future__ import annotations

import os
import re
import time
import unicodedata
from multiprocessing import get_context
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

CLASSES = {
    "header": re.compile(r"^[\w .'-]{2,40} (says|said)(:|\.\.\.)", re.I),
    "chrome": re.compile(r"^(reply|like|share|share this:?|twitter|facebook|home|news|about|menu)$", re.I),
    "date": re.compile(r"^(\w+ \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2})( at \d{1,2}:\d{2} ?[ap]m)?$", re.I),
    "comments": re.compile(r"^\d+ (comments?|thoughts? on|responses?)\b", re.I),
    "heading": re.compile(r"^#{1,6} \S"),
}
_BLANK = re.compile(r"\n[ \t]*\n+")


def classify_file(path: str) -> tuple:
    with open(path, "rb") as fh:
        data = fh.read()
    text = unicodedata.normalize("NFC", data.decode("utf-8", errors="replace").replace("\r\n", "\n"))
    counts = dict.fromkeys(CLASSES, 0)
    body = 0
    for para in _BLANK.split(text):
        para = para.strip()
        if not para:
            continue
        for name, rx in CLASSES.items():
            if rx.search(para):
                counts[name] += 1
                break
        else:
            body += len(para)
    return (path, len(data), len(text), body, *counts.values())


def _chunk(job: tuple[list[str], str]) -> int:
    paths, out = job
    rows = [classify_file(p) for p in paths]
    names = ["path", "bytes", "chars", "body_chars", *CLASSES]
    cols = list(zip(*rows, strict=True))
    pq.write_table(pa.table(dict(zip(names, cols, strict=True))), out, compression="zstd")
    return len(rows)


def run(paths: list[str], out_dir: Path, workers: int | None = None, chunk: int = 2000) -> dict:
    """Classify every file on all cores; return files, bytes and seconds."""
    out_dir.mkdir(parents=True, exist_ok=True)
    workers = workers or os.cpu_count() or 1
    jobs = [
        (paths[i : i + chunk], str(out_dir / f"part-{i // chunk:05d}.parquet"))
        for i in range(0, len(paths), chunk)
    ]
    t0 = time.perf_counter()
    with get_context("fork").Pool(workers) as pool:
        done = sum(pool.imap_unordered(_chunk, jobs))
    return {"files": done, "seconds": time.perf_counter() - t0, "workers": workers}
