"""Worst-case time of each line rule on lines built to make regular expressions backtrack.

    python -m tasks.segment.backtracking [--top 15]

A rule in rules.toml such as '(\\d+\\s*)+' is fine on the lines it matches and exponential on a
long line it almost matches: one such line in a comment section makes the page a 'segment time
limit' reject. Run this after editing the rules. For each rule (as the segmenter calls it) it
tries repeated tokens (digit runs, button words, dates, names) after a few openings and before a
failing ending, growing the repeat count until the line is 160 characters or one call takes over
20 ms (the second call is timed: the first may compile patterns), and prints the slowest rules
with their slowest line. Prints figures; not a test.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable

from tasks.segment.alternatives import LinePattern, LineUnion, NamedPatterns
from tasks.segment.dates import is_date, parse_date
from tasks.segment.rules import Rules, load_rules

TOKENS = ["1", "1 ", "12 ", "123456 ", "a", "a ", "Aa ", "like", "Like ", "Reply ", "reply · ", "1:", "1.",
          "12:30 ", "3 d ", "- ", "· ", "| ", "Jan 3 ", "12 Jan ", "2020 ", "ab1 ", "x1 ", "(1) ", "▲ ", "A. ",
          "Aa Bb ", "on ", "at ", "Posted by "]  # fmt: skip
OPENINGS = ["", "Like ", "Jane Doe ", "12 ", "Jane · "]
ENDINGS = ["", " x", "!", " Next"]
REPEATS = (2, 4, 6, 8, 10, 12, 16, 20, 28, 40)
MAX_CHARS = 160
SLOW_CALL = 0.02


def line_tests(rules: Rules) -> dict[str, Callable[[str], object]]:
    """Every line test of the rule table, by name, as the segmenter calls it."""
    tests: dict[str, Callable[[str], object]] = {"is_date": is_date, "parse_date": parse_date}
    for owner, prefix in [(rules, ""), *((s, f"{s.name}.") for s in (*rules.systems, rules.generic))]:
        for name, value in vars(owner).items():
            if isinstance(value, LineUnion | LinePattern):
                tests[prefix + name] = value.fullmatch
            elif isinstance(value, NamedPatterns):
                tests[prefix + name] = value.matching
            elif isinstance(value, tuple):
                for i, item in enumerate(value):
                    if isinstance(item, LinePattern):
                        tests[f"{prefix}{name}[{i}]"] = item.fullmatch
    for system in (*rules.systems, rules.generic):
        tests[f"{system.name}.per_comment_chrome"] = rules.per_comment_chrome(system).fullmatch
    tests["system_header_forms"] = rules.system_header_forms.matching
    tests["generic_header_forms"] = rules.generic_header_forms.matching
    for name in dir(rules):
        if name.startswith("is_") and callable(getattr(rules, name)):
            tests[name] = getattr(rules, name)
    return tests


def adversarial_lines() -> list[list[str]]:
    """Families of lines, each growing: a test is stopped on a family once it turns slow."""
    families = []
    for token, opening, ending in itertools.product(TOKENS, OPENINGS, ENDINGS):
        family = []
        for n in REPEATS:
            line = " ".join((opening + token * n).split())[:MAX_CHARS] + ending
            if family and line == family[-1]:
                break
            family.append(line)
        families.append(family)
    return families


def worst_case(test: Callable[[str], object], families: list[list[str]]) -> tuple[float, str]:
    worst = (0.0, "")
    for family in families:
        for line in family:
            test(line)  # the first call may compile the patterns for the line's first and last characters
            start = time.perf_counter()
            test(line)
            took = time.perf_counter() - start
            worst = max(worst, (took, line))
            if took > SLOW_CALL:
                break
    return worst


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--top", type=int, default=15, help="rules to print, slowest first")
    args = ap.parse_args(argv)
    tests = line_tests(load_rules())
    families = adversarial_lines()
    print(f"{len(tests)} line tests x {sum(map(len, families))} lines", file=sys.stderr)
    results = sorted(((*worst_case(t, families), name) for name, t in tests.items()), reverse=True)
    for took, line, name in results[: args.top]:
        print(f"{1000 * took:9.2f} ms  {name:36s} {line[:90]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
