"""Import benchmark: ``import_file`` into a fresh SQLite workspace, against a raw-insert floor.

The floor reads each line, parses it with orjson, hashes it and ``executemany``-inserts
the raw text into one SQLite table: what any import must at least do. Ours also
validates every field, counts tokens, builds completions and pairs, and keeps the
audit log. Target (from the issue): 1M chat records imported in ≤ 3 min. A big file is
parsed in worker processes; the CPU seconds include theirs.

    python -m bench.bench_import --sizes 200000,1000000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import orjson

from bench import harness
from bench.bench_validate import dataset

TARGET_SECONDS_1M = 180


def ours(path: Path) -> dict[str, Any]:
    from curation.ingest.importer import import_file
    from curation.store import open_workspace

    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        ws = open_workspace(folder)
        result = import_file(ws, path, "bench")
        ws.dispose()
        return {"imported": result.imported, "rejected": result.rejected, "db_mb": _size_mb(folder)}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def floor(path: Path) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="bench-floor-"))
    try:
        db = sqlite3.connect(folder / "floor.db")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute(
            "CREATE TABLE r (id INTEGER PRIMARY KEY, hash TEXT UNIQUE, line INTEGER, body TEXT)"
        )
        rows = 0
        batch: list[tuple[str, int, str]] = []
        with path.open("rb") as fh:
            for line_no, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                obj = orjson.loads(raw)
                body = orjson.dumps(obj, option=orjson.OPT_SORT_KEYS)
                batch.append((hashlib.sha256(body).hexdigest(), line_no, body.decode()))
                if len(batch) == 5000:
                    db.executemany(
                        "INSERT OR IGNORE INTO r (hash, line, body) VALUES (?, ?, ?)", batch
                    )
                    rows += len(batch)
                    batch.clear()
        db.executemany("INSERT OR IGNORE INTO r (hash, line, body) VALUES (?, ?, ?)", batch)
        rows += len(batch)
        db.commit()
        db.close()
        return {"imported": rows, "db_mb": _size_mb(folder)}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _size_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6, 1)


CONTENDERS = {"ours": ours, "floor": floor}


def run(sizes: list[int]) -> list[dict[str, Any]]:
    rows = []
    for n in sizes:
        path = dataset(n)
        base = harness.measure("bench.bench_import", "floor", str(path))
        mine = harness.measure("bench.bench_import", "ours", str(path))
        rows.append(
            {
                "benchmark": "import",
                "records": n,
                "cores": os.cpu_count(),
                "floor_seconds": round(base["seconds"], 1),
                "ours_seconds": round(mine["seconds"], 1),
                "ratio_to_floor": round(mine["seconds"] / base["seconds"], 2),
                "floor_cpu_seconds": round(base["cpu_seconds"], 1),
                "ours_cpu_seconds": round(mine["cpu_seconds"], 1),
                "cpu_ratio_to_floor": round(mine["cpu_seconds"] / base["cpu_seconds"], 2),
                "ours_records_per_second": round(n / mine["seconds"]),
                "ours_peak_rss_mb": round(mine["peak_rss_mb"]),
                "floor_peak_rss_mb": round(base["peak_rss_mb"]),
                "ours_db_mb": mine["summary"]["db_mb"],
                "imported": mine["summary"]["imported"],
                "meets_target": n < 1_000_000
                or mine["seconds"] * 1_000_000 / n <= TARGET_SECONDS_1M,
            }
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="200000,1000000")
    parser.add_argument("--child", nargs=2, metavar=("WHICH", "PATH"))
    args = parser.parse_args(argv)
    if args.child:
        harness.child(CONTENDERS[args.child[0]], Path(args.child[1]))
        return
    for row in run([int(s) for s in args.sizes.split(",")]):
        print(json.dumps(row))


if __name__ == "__main__":
    main()
