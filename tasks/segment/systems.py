"""Which comment system a page's section comes from, by the phrases of that system's own chrome.

Only a name for `articles.comment_system`: the comments are split the same way whatever it is.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from tasks.segment.labels import AUTH, AUTH_B, CCHROME, CHROME, CMETA, CMETA_B
from tasks.segment.lines import Line

GENERIC = "generic"  # comments, but no system's own phrases


@cache
def _signatures() -> dict[str, tuple[str, ...]]:
    data = tomllib.loads(Path(__file__).with_name("cues.toml").read_text(encoding="utf-8"))
    return {name: tuple(p.casefold() for p in phrases) for name, phrases in data["systems"].items()}


def system_of(lines: list[Line], labels, comments: int, forum: bool = False) -> str | None:
    """The comment system named by the chrome around the comments (None without comments)."""
    if not comments:
        return None
    if forum:
        return "forum"
    shown = (CCHROME, CHROME, AUTH_B, AUTH, CMETA_B, CMETA)
    text = "\n".join(line.raw.casefold() for line, label in zip(lines, labels, strict=True) if label in shown)
    for name, phrases in _signatures().items():
        if any(p in text for p in phrases):
            return name
    return GENERIC
