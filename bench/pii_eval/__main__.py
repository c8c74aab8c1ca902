"""``python -m bench.pii_eval [--half dev|test]``: score the redactor and stock Presidio.

Writes ``bench/out/pii_eval_<half>.md`` and ``.json``. Tune on ``dev`` only; the ``test``
halves are scored once, at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.pii_eval.build import GENERATORS, build
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
        "--sets", default=",".join(GENERATORS), help="comma-separated: " + ", ".join(GENERATORS)
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
    names = [n for n in args.sets.split(",") if n]
    halves = [build(name, args.half) for name in names]
    if args.write_sets:
        for h in halves:
            data, gold = h.write(args.write_sets)
            print(f"{data} and {gold}: {len(h.records)} records")
        return
    if args.half == "test":
        print(TEST_WARNING, file=sys.stderr)
    report = evaluate(halves, args.python, args.tree, args.keep)
    if args.half == "test":
        report["warning"] = TEST_WARNING
    OUT.mkdir(parents=True, exist_ok=True)
    stem = OUT / f"pii_eval_{args.half}"
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
