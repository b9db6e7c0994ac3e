"""python -m tasks.segment.train [--eval] [--out PATH] [--epochs N]

Builds the data sets (cached under .cache/segment-train), trains the two-pass line model with
fixed seeds and writes it to tasks/segment/model.npz; then scores it on the held-out sets —
layout families and sites no training page came from — and, as regression checks, on the pages
it trained on. `--eval` scores the shipped model without training.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from tasks.segment.model import MODEL_PATH, LineModel
from tasks.segment.train import data
from tasks.segment.train.evaluate import evaluate, print_report
from tasks.segment.train.fit import featurize, fit

WEIGHTS = {"synth-train": 1.0, "real-train": 1.0, "gold": 5.0, "real-extra": 5.0}
HELD_OUT = ("synth-heldout", "real-heldout", "newspaper")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tasks.segment.train", description=__doc__.split("\n\n")[1])
    ap.add_argument("--eval", action="store_true", help="score a trained model only (--model)")
    ap.add_argument("--model", default=str(MODEL_PATH), help="the model --eval scores")
    ap.add_argument("--out", default=str(MODEL_PATH), help="where to write the model")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--hidden", default="128,64", help="hidden layer sizes, comma-separated")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--report", help="also write the scores as JSON here")
    ap.add_argument("--test", action="store_true", help="also score the test families (kept for reports)")
    ap.add_argument(
        "--real",
        action="append",
        default=[],
        metavar="DIR",
        help="more labelled real scrapes to train on: a folder of pages with a gold/ folder of labels "
        "in the format of the shared corpus's real/ (repeatable); they stay outside the repository",
    )
    ap.add_argument("--real-weight", type=float, default=WEIGHTS["real-extra"], help="a --real line's weight")
    args = ap.parse_args(argv)
    weights = {**WEIGHTS, "real-extra": args.real_weight}
    t0 = time.monotonic()

    def log(msg: str) -> None:
        print(f"[{time.monotonic() - t0:6.0f}s] {msg}", flush=True)

    if not data.CORPUS.exists():
        print(f"no corpus at {data.CORPUS}: set SCRAPELINE_SHARED to the shared folder", file=sys.stderr)
        return 2
    paths = data.build()
    log("data sets ready")
    training = not args.eval
    wanted = [n for n in paths if (args.test or n != "synth-test") and (training or n != "real-train")]
    sets = {
        name: featurize(name, list(data.load(paths[name])), train=training and name in WEIGHTS)
        for name in wanted
    }
    gold = data.gold_pages([Path(d) for d in args.real])
    sets["gold"] = featurize("gold", [p for p in gold if p.kind != "real-extra"], train=training)
    if args.real:
        sets["real-extra"] = featurize(
            "real-extra", [p for p in gold if p.kind == "real-extra"], train=training
        )
    sets["newspaper"] = featurize("newspaper", data.newspaper_pages())
    log("features ready: " + ", ".join(f"{k} {len(v.pages)}" for k, v in sets.items()))
    if args.eval:
        model = LineModel.load(Path(args.model))
    else:
        hidden = tuple(int(h) for h in args.hidden.split(","))
        model = fit(
            [(sets[n], w) for n, w in weights.items() if n in sets],
            hidden=hidden,
            epochs=args.epochs,
            seed=args.seed,
            log=log,
        )
        model.save(args.out)
        log(f"model written to {args.out}")
    scores = {}
    print("\nHELD OUT (never trained on):")
    for name in HELD_OUT + (("synth-test",) if args.test else ()):
        rep = evaluate(name, sets[name], model)
        print_report(rep)
        scores[name] = {
            "line_accuracy": rep.line_accuracy,
            "combined": rep.combined().get("score"),
            "body_f1": rep.f1_means(),
        }
    print("\nREGRESSION CHECKS (trained on):")
    for name in ("gold", "real-extra", "synth-train"):
        if name not in sets:
            continue
        rep = evaluate(name, sets[name], model)
        print_report(rep, groups=name == "gold")
        scores[name] = {"line_accuracy": rep.line_accuracy, "combined": rep.combined().get("score")}
    if args.report:
        with open(args.report, "w", encoding="utf-8") as fh:
            json.dump(scores, fh, indent=1, default=float)
    log("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
