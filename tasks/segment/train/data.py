"""The data sets the segmenter is trained and measured on, with their held-out splits.

- generated pages: every family of synth.families; the HELD_OUT families never reach training;
- real pages: trafilatura's evaluation pages rendered six ways and labelled by their DOM, split
  by site (a fifth of the sites held out, chosen by a hash of the host name);
- the development set (tests/devset) and the labelled real scrapes: labels derived from their
  gold files. Both were used to write the old rules, so they train and regression-check, never
  measure.

Built sets are cached as JSON lines under the cache folder; a build is deterministic.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from tasks.segment.train.teacher import LabelledPage

ROOT = Path(__file__).resolve().parents[3]
SHARED = Path(os.environ.get("SCRAPELINE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
CACHE = Path(os.environ.get("SCRAPELINE_TRAIN_CACHE", ROOT / ".cache" / "segment-train"))
HELD_OUT_SHARE = 5  # one site in five is held out


def held_out_site(site: str) -> bool:
    """A fixed fifth of sites, by a hash of the host: held out of training wherever they appear."""
    return int(hashlib.sha256(site.encode()).hexdigest(), 16) % HELD_OUT_SHARE == 0


def split_of(site: str) -> str:
    return "heldout" if held_out_site(site) else "train"


def save(pages: Iterable[LabelledPage], path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    n = 0
    with gzip.open(tmp, "wt", encoding="utf-8") as fh:
        for page in pages:
            fh.write(page.to_json() + "\n")
            n += 1
    tmp.replace(path)
    return n


def load(path: Path) -> Iterator[LabelledPage]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield LabelledPage.from_json(line)


def sentence_pool(force: bool = False):
    """Sentences of the training sites' main texts (teacher output), by language; cached."""
    from tasks.rows import detect_language
    from tasks.segment.train.synth.content import SentencePool
    from tasks.segment.train.teacher import teach

    path = CACHE / "sentences.json.gz"
    if path.exists() and not force:
        return SentencePool.load(path)
    corpus = CORPUS / "trafilatura_eval"
    entries = json.loads((corpus / "evaldata.json").read_text())
    by_lang: dict[str, list[str]] = {}
    for url, entry in sorted(entries.items()):
        site = url.split("/")[2].removeprefix("www.") if "//" in url else entry["file"]
        file = corpus / "html" / (entry["file"] + ".gz")
        if held_out_site(site) or not file.exists():
            continue
        teacher = teach(gzip.decompress(file.read_bytes()).decode("utf-8", "replace"), url)
        if teacher is None:
            continue
        lang = detect_language(teacher.body) or "en"
        by_lang.setdefault(lang, []).extend(SentencePool.split(teacher.body))
    pool = SentencePool(by_lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    pool.save(path)
    return pool


SYNTH_TRAIN_PAGES = 100  # per training family
SYNTH_HELD_OUT_PAGES = 25  # per held-out family
NO_COMMENT_PAGES = 400
COMPOSED_PAGES = 3000  # each with a record layout of its own


def synth_pages(split: str, pool) -> Iterator[LabelledPage]:
    """Generated pages: training families (and article-only pages) or the held-out families."""
    from tasks.segment.train.synth.families import FAMILIES, HELD_OUT, TEST_FAMILIES

    if split == "train":
        plan = [(f, SYNTH_TRAIN_PAGES) for f in FAMILIES if f not in HELD_OUT]
        plan += [("none", NO_COMMENT_PAGES), ("composed", COMPOSED_PAGES)]
        base = 1_000_000
    elif split == "heldout":
        plan = [(f, SYNTH_HELD_OUT_PAGES) for f in HELD_OUT] + [("none", 60)]
        base = 9_000_000
    else:  # the test families: scored for the report only
        plan = [(f, SYNTH_HELD_OUT_PAGES) for f in TEST_FAMILIES] + [("none", 40)]
        base = 7_000_000
    from tasks.segment.train.synth.generate import generate

    for k, (family, count) in enumerate(plan):
        for i in range(count):
            yield generate(base + k * 10_000 + i, family, pool)


REAL_RENDERERS = ("inscriptis", "html2text-text", "browser-copy", "html2text-md", "markdownify")


def real_heldout_pages() -> list[LabelledPage]:
    """The renderings of the held-out sites alone (for a check that needs nothing else)."""
    from tasks.segment.train.teacher import real_pages

    return real_pages(CORPUS / "trafilatura_eval", list(REAL_RENDERERS), split_of, only="heldout")


def real_pages_split() -> tuple[list[LabelledPage], list[LabelledPage]]:
    from tasks.segment.train.teacher import real_pages

    pages = real_pages(CORPUS / "trafilatura_eval", list(REAL_RENDERERS), split_of)
    train = [p for p in pages if p.meta["split"] == "train"]
    held = [p for p in pages if p.meta["split"] == "heldout"]
    return train, held


def _labelling_version() -> str:
    """A hash of the code that splits pages into lines and labels them: a set built by other code
    has labels that need not line up with today's lines, so it is built again."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    code = [here.parent / "lines.py", here / "teacher.py", here / "render.py"]
    for path in [*code, *sorted((here / "synth").rglob("*.py"))]:
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def build(force: bool = False) -> dict[str, Path]:
    """Every data set, built once and cached (per version of the labelling code)."""
    version = _labelling_version()
    paths = {
        name: CACHE / f"{name}-{version}.jsonl.gz"
        for name in ("synth-train", "synth-heldout", "synth-test", "real-train", "real-heldout")
    }
    pool = None
    for name in ("synth-train", "synth-heldout", "synth-test"):
        if force or not paths[name].exists():
            pool = pool or sentence_pool()
            save(synth_pages(name.split("-")[1], pool), paths[name])
    if force or not paths["real-train"].exists() or not paths["real-heldout"].exists():
        train, held = real_pages_split()
        save(train, paths["real-train"])
        save(held, paths["real-heldout"])
    return paths


def gold_pages(extra: Iterable[Path] = ()) -> list[LabelledPage]:
    """The development set and the labelled real scrapes, labelled line by line from their gold.
    `extra`: more folders of labelled real scrapes (pages beside a `gold/` folder, the format of
    the shared corpus's `real/`), which stay outside the repository like the shared corpus."""
    from tasks.segment.train.goldlabels import labels_from_gold

    sources = [(ROOT / "tests" / "devset" / "gold", ROOT / "tests" / "devset" / "pages", "devset")]
    sources.append((CORPUS / "real" / "gold", CORPUS / "real", "real-gold"))
    sources += [(Path(folder) / "gold", Path(folder), "real-extra") for folder in extra]
    out = []
    for gold_dir, page_dir, kind in sources:
        if not gold_dir.exists():
            continue
        for path in sorted(gold_dir.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            page = page_dir / gold["file"]
            if not page.exists():
                page = CORPUS / gold["file"]  # the seed lives beside the real scrapes
            if not page.exists():
                continue
            from tasks.clean import clean_text
            from tasks.segment.labeller import front_matter

            text = front_matter(clean_text(page.read_text(encoding="utf-8", errors="replace")))[0]
            markdown = page.suffix == ".md"
            labels = labels_from_gold(text, markdown, gold)
            out.append(
                LabelledPage(
                    gold["file"],
                    gold.get("layout") or gold.get("comment_system") or kind,
                    kind,
                    "markdown" if markdown else "text",
                    text,
                    labels,
                    gold,
                    {},
                )
            )
    return out


NEWSPAPER = "newspaper4k==0.9.6"


def newspaper_dir() -> Path | None:
    """newspaper4k's test pages (HTML with the article text expected of each), fetched once from
    the package index as its source distribution; None when it cannot be had."""
    import subprocess
    import sys
    import tarfile

    root = CACHE / "newspaper4k"
    data_dir = next(root.glob("newspaper4k-*/tests/data"), None) if root.exists() else None
    if data_dir is not None:
        return data_dir
    root.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--quiet",
        "--no-deps",
        "--no-binary",
        ":all:",
        NEWSPAPER,
        "-d",
        str(root),
    ]
    if subprocess.run(cmd, capture_output=True).returncode != 0:
        return None
    for archive in root.glob("newspaper4k-*.tar.gz"):
        with tarfile.open(archive) as tar:
            tar.extractall(root, filter="data")
    return next(root.glob("newspaper4k-*/tests/data"), None)


def newspaper_pages(renderers: tuple[str, ...] = REAL_RENDERERS) -> list[LabelledPage]:
    """Held out entirely: newspaper4k's pages rendered each way, with the expected article text as
    `meta['expected']` (no line labels: scored by body F1 only)."""
    from tasks.segment.train.render import render

    found = newspaper_dir()
    if found is None:
        return []
    out = []
    for txt in sorted((found / "txt").glob("*.txt")):
        html_path = found / "html" / (txt.stem + ".html")
        if not html_path.exists():
            continue
        html = html_path.read_text(encoding="utf-8", errors="replace")
        expected = txt.read_text(encoding="utf-8", errors="replace")
        for renderer in renderers:
            try:
                text, fmt = render(html, renderer)
            except Exception:  # noqa: BLE001 - a renderer that fails on a page: that rendering is skipped
                continue
            out.append(
                LabelledPage(
                    f"{txt.stem}@{renderer}",
                    txt.stem,
                    "newspaper",
                    fmt,
                    text,
                    [],
                    None,
                    {"expected": expected, "renderer": renderer},
                )
            )
    return out
