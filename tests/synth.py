"""Generated scrapes for the reliability tests: many small pages of the shapes the segmenter knows,
plus a few bad inputs, all from a seeded generator so that two corpora with one seed are equal."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

_WORDS = [
    "council",
    "river",
    "market",
    "school",
    "harbour",
    "winter",
    "budget",
    "station",
    "village",
    "museum",
    "bridge",
    "garden",
    "report",
    "festival",
    "library",
    "railway",
    "election",
    "factory",
    "hospital",
    "orchard",
    "weather",
    "theatre",
    "forest",
    "committee",
    "farmers",
    "teachers",
    "minister",
    "residents",
    "engineers",
    "visitors",
    "volunteers",
    "scientists",
    "approved",
    "delayed",
    "opened",
    "repaired",
    "expanded",
    "questioned",
    "announced",
    "measured",
    "reviewed",
    "welcomed",
    "quickly",
    "slowly",
    "again",
    "finally",
    "recently",
    "carefully",
    "openly",
    "quietly",
    "early",
    "late",
]
_FIRST = [
    "Anna",
    "Ben",
    "Carla",
    "David",
    "Elena",
    "Farid",
    "Greta",
    "Hugo",
    "Ines",
    "Jonas",
    "Kira",
    "Luis",
    "Mona",
    "Nils",
    "Olga",
    "Pavel",
]
_LAST = [
    "Berg",
    "Costa",
    "Diaz",
    "Ek",
    "Fox",
    "Gray",
    "Holm",
    "Ivanov",
    "Jensen",
    "Klein",
    "Lund",
    "Moreau",
    "Novak",
    "Ortiz",
    "Price",
]


def _sentence(rng: random.Random, lo: int = 8, hi: int = 18) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(lo, hi))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def page(rng: random.Random) -> str:
    """One synthetic news page: title, byline, body and (usually) a comment section."""
    title = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 8))).capitalize()
    body = "\n\n".join(_paragraph(rng) for _ in range(rng.randint(2, 5)))
    head = f"Home\nNews\n\n{title}\n\nBy {_name(rng)}\n\nMarch {rng.randint(1, 28)}, 2021\n\n{body}\n\n"
    kind = rng.choice(("wordpress", "disqus", "none"))
    n = rng.randint(1, 6)
    if kind == "wordpress":
        parts = [f"{n} thoughts on “{title}”"]
        for _ in range(n):
            parts.append(
                f"{_name(rng)} says:\nMarch {rng.randint(1, 28)}, 2021 at 9:14 am\n\n{_paragraph(rng)}\n\nReply"
            )
        parts.append("Leave a Reply")
        return head + "\n\n".join(parts) + "\n"
    if kind == "disqus":
        parts = ["Sort by Best"]
        for _ in range(n):
            parts.append(
                f"{_name(rng)} • {rng.randint(2, 9)} years ago\n\n{_paragraph(rng)}\n\nReply • Share ›"
            )
        parts.append("Load more comments")
        return head + "\n\n".join(parts) + "\n"
    return head


def write_corpus(root: Path, n: int, seed: int = 7, bad: bool = True) -> Path:
    """`n` pages under root (some in sub-folders, some gzip-compressed) plus a few bad inputs."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        folder = root / f"site{i % 4}"
        folder.mkdir(exist_ok=True)
        text = page(rng)
        if i % 10 == 3:
            (folder / f"page{i:04d}.txt.gz").write_bytes(gzip.compress(text.encode(), mtime=0))
        else:
            (folder / f"page{i:04d}.txt").write_text(text, encoding="utf-8")
    if bad:
        (root / "empty.txt").write_bytes(b"")
        (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
        (root / "menu.txt").write_text("Home\nAbout\nContact\n", encoding="utf-8")
        (root / "cut.txt.gz").write_bytes(gzip.compress(b"some text here", mtime=0)[:12])
    return root
