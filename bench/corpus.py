"""Build a benchmark corpus of N distinct scrapes from the project's own test pages.

Templates are the hand-written development pages (tests/devset/pages), the synthetic pages of
tests/segment/pages/ and the bundled example. Each generated scrape takes one template and varies it:
long paragraphs are repeated with their words shuffled (to reach the target average size), a
per-scrape serial is woven into the first long paragraph so no two files are identical, and
files are spread over `site-NN/` folders (a stand-in for a domain in queries). Deterministic
for a given N and seed, so runs can be compared.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITES = 50


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    text: str  # \n line endings
    crlf: bool
    suffix: str


def load_templates() -> list[Template]:
    """Every page the project ships for testing, as text with its line-ending style."""
    sys.path.insert(0, str(ROOT))
    import tests.segment.pages as pages

    out: list[Template] = []
    files = sorted((ROOT / "tests" / "devset" / "pages").iterdir()) + sorted((ROOT / "examples").iterdir())
    for path in files:
        if not path.is_file():
            continue
        raw = path.read_bytes().decode("utf-8")
        crlf = "\r\n" in raw
        out.append(Template(path.stem, raw.replace("\r\n", "\n"), crlf, path.suffix or ".txt"))
    for name in sorted(n for n in dir(pages) if n.isupper()):
        value = getattr(pages, name)
        if isinstance(value, str) and len(value) > 200:
            suffix = ".md" if name.endswith("_MD") else ".txt"
            out.append(Template(name.lower(), value.replace("\r\n", "\n"), False, suffix))
    return out


def _shuffled(paragraph: str, rng: random.Random) -> str:
    words = paragraph.split(" ")
    head, tail = words[:1], words[1:]
    rng.shuffle(tail)
    return " ".join(head + tail)


def vary(t: Template, serial: int, target_bytes: int, rng: random.Random) -> bytes:
    """One distinct scrape from a template, grown towards target_bytes with shuffled paragraphs."""
    paras = t.text.split("\n\n")
    long_idx = [i for i, p in enumerate(paras) if len(p) >= 160 and "\n" not in p.strip()]
    if long_idx:
        first = long_idx[0]
        paras[first] = f"{paras[first]} (Item {serial:07d}.)"
    size = len(t.text.encode())
    extra: dict[int, list[str]] = {}
    while long_idx and size < target_bytes:
        i = rng.choice(long_idx)
        copy = _shuffled(paras[i], rng)
        extra.setdefault(i, []).append(copy)
        size += len(copy.encode()) + 2
    out = []
    for i, p in enumerate(paras):
        out.append(p)
        out.extend(extra.get(i, ()))
    text = "\n\n".join(out)
    if not long_idx:  # a short page without long paragraphs: make it distinct with a closing line
        text = text.rstrip("\n") + f"\n\nUpdated edition {serial}.\n"
    if t.crlf:
        text = text.replace("\n", "\r\n")
    return text.encode("utf-8")


def build(dest: Path, n: int, avg_bytes: int = 12_500, seed: int = 7) -> tuple[int, int]:
    """Write n scrapes under dest/site-NN/; returns (files, bytes). Skips work if already built."""
    marker = dest / f".built-{n}-{avg_bytes}-{seed}"
    if marker.exists():
        files = [p for p in dest.rglob("*") if p.is_file() and not p.name.startswith(".")]
        return len(files), sum(p.stat().st_size for p in files)
    rng = random.Random(seed)
    templates = load_templates()
    total = 0
    for s in range(SITES):
        (dest / f"site-{s:02d}").mkdir(parents=True, exist_ok=True)
    for i in range(n):
        t = templates[i % len(templates)]
        # sizes spread from half to twice the average, but never below the template itself
        target = int(avg_bytes * rng.uniform(0.4, 1.6))
        data = vary(t, i, target, rng)
        path = dest / f"site-{i % SITES:02d}" / f"{i:07d}-{t.name}{t.suffix}"
        path.write_bytes(data)
        total += len(data)
    marker.write_text(f"{n} {total}\n")
    return n, total


if __name__ == "__main__":
    import argparse

    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("dest", type=Path)
    p.add_argument("n", type=int)
    p.add_argument("--avg-bytes", type=int, default=12_500)
    a = p.parse_args()
    files, size = build(a.dest, a.n, a.avg_bytes)
    print(f"{files} files, {size / 1e6:.1f} MB in {a.dest}")
