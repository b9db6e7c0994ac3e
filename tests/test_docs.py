"""The README is for users and short; the rest lives in docs/, and every link between them works."""

from __future__ import annotations

import re

from tests.conftest import ROOT

README_LIMIT = 12 * 1024
PAGES = [
    "README.md",
    "CONTRIBUTING.md",
    *(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*.md")),
]


def test_readme_is_at_most_12_kb_and_has_what_users_need():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.encode()) <= README_LIMIT
    for heading in (
        "## Quick start",
        "## Commands",
        "## Input formats",
        "## Tables",
        "## Exit status",
        "## Troubleshooting",
    ):
        assert heading in text


def test_every_command_is_in_the_readme():
    from flows.cli import build_parser

    parser = build_parser()
    [sub] = [a for a in parser._actions if a.dest == "command"]
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in sub.choices:
        assert f"`scrapeline {name}" in text, name


def test_links_between_the_pages_lead_somewhere():
    for page in PAGES:
        path = ROOT / page
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", path.read_text(encoding="utf-8")):
            if target.startswith(("http:", "https:")):
                continue
            assert (path.parent / target).exists(), f"{page} links {target}"
