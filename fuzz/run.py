"""Long fuzz run of the read, clean and segment stages: `python -m fuzz.run --examples 100000`.

Runs the invariants of fuzz/strategies.py under Hypothesis with a large example budget, split over
the targets by weight, and prints how many inputs each target ran, how long it took, and the first
failure (shrunk to a minimal input) of each target that broke. Exit status 1 when any target broke.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from fuzz import strategies as fz

# target -> (weight, strategy of one input, check)
TARGETS = {
    "read": (3, st.tuples(fz.names, fz.raw_bytes), lambda a: fz.check_read(*a)),
    "compressed": (
        1,
        st.tuples(fz.page, st.sampled_from(["gzip", "zstd"]), st.integers(1, 4)),
        lambda a: fz.check_compressed_round_trip(*a),
    ),
    "corrupt": (
        1,
        st.binary(max_size=400),
        lambda d: (fz.check_gzip_trailing_garbage(d), fz.check_zlib_noise(d)),
    ),
    "clean": (2, st.one_of(fz.page, st.text(max_size=500)), fz.check_clean),
    "segment": (3, st.tuples(fz.page, st.booleans()), lambda a: fz.check_segment(*a)),
}


def run_target(name: str, examples: int, random_seed: int | None) -> tuple[int, float, str | None]:
    """Run one target for `examples` inputs; return (inputs run, seconds, failure or None)."""
    _, strategy, check = TARGETS[name]
    count = 0

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=random_seed is None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def prop(arg):
        nonlocal count
        count += 1
        check(arg)

    if random_seed is not None:
        prop = seed(random_seed)(prop)
    t0 = time.perf_counter()
    try:
        prop()
    except Exception:  # noqa: BLE001 - reported, the run goes on to the next target
        return count, time.perf_counter() - t0, traceback.format_exc(limit=-6)
    return count, time.perf_counter() - t0, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000, help="inputs in all (default 100,000)")
    parser.add_argument("--only", choices=sorted(TARGETS), action="append", help="run only these targets")
    parser.add_argument("--seed", type=int, help="random seed (default: derandomized, the same each run)")
    args = parser.parse_args(argv)
    names = args.only or list(TARGETS)
    total_weight = sum(TARGETS[n][0] for n in names)
    failures, total, t_all = 0, 0, time.perf_counter()
    print(f"{'target':<12}{'inputs':>10}{'seconds':>10}{'per s':>8}  result", flush=True)
    for name in names:
        budget = max(1, args.examples * TARGETS[name][0] // total_weight)
        count, seconds, failure = run_target(name, budget, args.seed)
        total += count
        print(
            f"{name:<12}{count:>10}{seconds:>10.1f}{count / max(seconds, 1e-9):>8.0f}  "
            + ("ok" if failure is None else "FAILED"),
            flush=True,
        )
        if failure:
            failures += 1
            print(failure, file=sys.stderr, flush=True)
    print(f"{'all':<12}{total:>10}{time.perf_counter() - t_all:>10.1f}   {failures} target(s) broke")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
