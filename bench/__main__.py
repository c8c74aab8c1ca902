"""``make bench``: run the benchmarks and rewrite their sections of BENCHMARKS.md.

    python -m bench                      # every benchmark at its full sizes
    python -m bench --only import        # one benchmark
    python -m bench --quick              # small sizes, for a smoke run
    python -m bench --only dedup --sizes 20000,100000   # chosen sizes

Each benchmark owns the part of BENCHMARKS.md between ``<!-- bench:NAME -->`` and
``<!-- /bench:NAME -->``; a run replaces only the sections it measured.
"""

from __future__ import annotations

import argparse
import importlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import harness

BENCHMARKS_MD = harness.ROOT / "BENCHMARKS.md"


@dataclass(frozen=True)
class Bench:
    module: str
    sizes: list[int]
    quick: list[int]
    title: str


BENCHES: dict[str, Bench] = {
    "validate": Bench(
        "bench.bench_validate",
        [200_000, 1_000_000],
        [20_000],
        "Validation vs the OpenAI cookbook notebook",
    ),
    "import": Bench("bench.bench_import", [200_000, 1_000_000], [20_000], "Import into SQLite"),
    "load": Bench("bench.bench_load", [20_000], [3_000], "Load: 20 annotator sessions at once"),
    "labeling": Bench(
        "bench.bench_labeling", [100_000], [5_000], "Labelling: from a submission to the next item"
    ),
    "dedup": Bench(
        "bench.bench_dedup", [20_000, 100_000, 1_000_000], [2_000], "Deduplication vs SemHash"
    ),
    "dedup-scale": Bench(
        "bench.bench_dedup_scale", [1_000_000], [20_000], "Deduplication at scale (ours alone)"
    ),
    "export": Bench(
        "bench.bench_export", [200_000, 1_000_000], [20_000], "Export to OpenAI chat JSONL"
    ),
    "pii": Bench("bench.bench_pii", [1000], [100], "PII redaction vs stock Presidio"),
    "faults-fuzz": Bench(
        "bench.bench_faults_fuzz", [320], [30], "Fault fuzzing: hostile files through every stage"
    ),
    "faults-crash": Bench(
        "bench.bench_faults_crash", [6], [1], "Faults: kill -9 at random moments, full disks"
    ),
    "jobs": Bench(
        "bench.bench_jobs", [200_000], [20_000], "Jobs: a stage in the background vs the foreground"
    ),
    # size = answers per annotator; CURATION_BENCH_COMPARE_REF=<ref> also measures that commit
    "label-browser": Bench(
        "bench.bench_label_browser",
        [100],
        [10],
        "Labelling in the browser: key to next item, key bursts",
    ),
}


def table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "_no rows_"
    keys = [k for k in rows[0] if k not in ("benchmark",)]
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    for row in rows:
        lines.append("| " + " | ".join(_cell(row.get(k)) for k in keys) + " |")
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "**no**"
    if isinstance(value, int) and abs(value) >= 10_000:
        return f"{value:,}"
    return str(value)


def section(name: str, bench: Bench, rows: list[dict[str, Any]], seconds: float) -> str:
    module = importlib.import_module(bench.module)
    doc = (module.__doc__ or "").strip()
    when = time.strftime("%Y-%m-%d")
    return (
        f"<!-- bench:{name} -->\n## {bench.title}\n\n{doc}\n\n"
        f"Measured {when} on {harness.machine()}; the run took {seconds:.0f} s.\n\n{table(rows)}\n"
        f"<!-- /bench:{name} -->"
    )


def update(text: str, name: str, body: str) -> str:
    pattern = re.compile(rf"<!-- bench:{name} -->.*?<!-- /bench:{name} -->", re.S)
    if pattern.search(text):
        return pattern.sub(lambda _: body, text)
    return text.rstrip() + "\n\n" + body + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Run benchmarks and update BENCHMARKS.md")
    parser.add_argument("--only", help="comma-separated benchmark names: " + ", ".join(BENCHES))
    parser.add_argument("--quick", action="store_true", help="small sizes (smoke run)")
    parser.add_argument("--no-write", action="store_true", help="print, do not touch BENCHMARKS.md")
    parser.add_argument(
        "--sizes", help="comma-separated sizes instead of the benchmark's own (e.g. 20000,100000)"
    )
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else list(BENCHES)
    for name in names:
        bench = BENCHES[name]
        run: Callable[[list[int]], list[dict[str, Any]]] = importlib.import_module(bench.module).run
        sizes = bench.quick if args.quick else bench.sizes
        if args.sizes:
            sizes = [int(size) for size in args.sizes.split(",") if size]
        started = time.perf_counter()
        rows = run(sizes)
        body = section(name, bench, rows, time.perf_counter() - started)
        print(body)
        if not args.no_write and not args.quick:
            # read again: another benchmark may have written its own section meanwhile
            text = BENCHMARKS_MD.read_text() if BENCHMARKS_MD.exists() else "# Benchmarks\n"
            Path(BENCHMARKS_MD).write_text(update(text, name, body))


if __name__ == "__main__":
    main()
