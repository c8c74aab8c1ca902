"""``python -m bench.pii_eval [--round 1|2|3|4|5|6|7|8|9|10|11|12|13] [--half dev|test]``: score the redactor and stock
Presidio.

Writes ``bench/out/pii_eval_<half>.md`` and ``.json`` (round N > 1: ``pii_eval_rN_<half>``). Tune
on ``dev`` only; the ``test`` halves are scored once, at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.pii_eval.build import ROUNDS, build
from bench.pii_eval.common import HALVES
from bench.pii_eval.score import DEFAULT_PYTHON, OUT, ROOT, evaluate, markdown

TEST_WARNING = (
    "WARNING: scoring the TEST halves. They are to be scored once, at the end, after every rule "
    "and threshold has been fixed on the development halves. Do not tune on these figures."
)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.pii_eval", description=__doc__)
    parser.add_argument("--half", choices=HALVES, default="dev")
    parser.add_argument(
        "--round",
        type=int,
        choices=sorted(ROUNDS),
        default=1,
        help="which round of sets (1: the first sets; 2: bench/pii_eval/round2; 3: round3; 4: round4; 5: round5; 6: round6; 7: round7; 8: round8; 9: round9; 10: round10; 11: round11; 12: round12; 13: round13)",
    )
    parser.add_argument(
        "--sets",
        help="comma-separated, of the chosen round (default: all of it); "
        + "; ".join(f"round {r}: {', '.join(sets)}" for r, sets in ROUNDS.items()),
    )
    parser.add_argument(
        "--python",
        type=Path,
        default=DEFAULT_PYTHON if DEFAULT_PYTHON.exists() else Path(sys.executable),
        help="Python that runs `curation redact`",
    )
    parser.add_argument(
        "--tree", type=Path, default=ROOT, help="source tree under test (PYTHONPATH)"
    )
    parser.add_argument(
        "--write-sets",
        type=Path,
        metavar="DIR",
        help="only write the sets' records and gold files to DIR, score nothing",
    )
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="keep the inputs and both systems' outputs in DIR"
    )
    args = parser.parse_args(argv)
    names = [n for n in (args.sets or ",".join(ROUNDS[args.round])).split(",") if n]
    unknown = [n for n in names if n not in ROUNDS[args.round]]
    if unknown:
        parser.error(
            f"not a set of round {args.round}: {', '.join(unknown)} "
            f"(round {args.round}: {', '.join(ROUNDS[args.round])})"
        )
    halves = [build(name, args.half) for name in names]
    if args.write_sets:
        for h in halves:
            data, gold = h.write(args.write_sets)
            print(f"{data} and {gold}: {len(h.records)} records")
        return
    if args.half == "test":
        print(TEST_WARNING, file=sys.stderr)
    report = evaluate(halves, args.python, args.tree, args.keep)
    if args.round != 1:
        report["round"] = args.round
    if args.half == "test":
        report["warning"] = TEST_WARNING
    OUT.mkdir(parents=True, exist_ok=True)
    round_tag = "" if args.round == 1 else f"r{args.round}_"
    stem = OUT / f"pii_eval_{round_tag}{args.half}"
    text = markdown(report)
    stem.with_suffix(".md").write_text(text, encoding="utf-8")
    stem.with_suffix(".json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    print(text)
    print(f"written: {stem}.md, {stem}.json", file=sys.stderr)
    if args.half == "test":
        print(TEST_WARNING, file=sys.stderr)


if __name__ == "__main__":
    main()
