"""Engine benchmark: import and export of N records on the engine, against another tree's code.

Run by hand (not by ``make bench``): each side in its own process, the same cached
synthetic file and export workspace as the import and export benchmarks. ``--tree DIR``
runs the same steps with the code in DIR (for instance ``git archive 5bf8fff`` unpacked,
the hand-built worker pools the engine replaced). On the engine side a local Ray instance
is started first and timed on its own; the import and export times then exclude it.
Prints one JSON line per side, with a hash of the imported rows and the export files'
sha256 so that the outputs can be compared.

    python -m bench.bench_engine 200000 [--tree /tmp/old] [--export-only]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def side(n: int, engine: bool, do_import: bool = True) -> dict[str, Any]:
    from bench.bench_export import workspace_for
    from curation.export import ExportSpec, export_dataset
    from curation.store import open_workspace

    out: dict[str, Any] = {"records": n, "engine": engine, "load_before": os.getloadavg()[0]}
    if engine:
        from curation.engine import cluster

        started = time.perf_counter()
        cluster.connect()
        out["ray_start_seconds"] = round(time.perf_counter() - started, 2)
    if do_import:
        out.update(import_side(n))
    ws = open_workspace(workspace_for(n))
    target = Path(tempfile.mkdtemp(prefix="bench-engine-export-"))
    try:
        started = time.perf_counter()
        spec = ExportSpec("openai-chat", dataset="bench", validation_split=0.1, seed=42)
        exported = export_dataset(ws, spec, target / "bench.jsonl", actor="bench")
        out["export_seconds"] = round(time.perf_counter() - started, 2)
        out["export_sha256"] = [f.sha256[:16] for f in exported.files]
    finally:
        ws.dispose()
        shutil.rmtree(target, ignore_errors=True)
    out["load_after"] = os.getloadavg()[0]
    return out


def import_side(n: int) -> dict[str, Any]:
    """The import of the cached N-record file into a new workspace: seconds and a hash of
    the rows."""
    import sqlalchemy as sa

    from bench.bench_validate import dataset
    from curation.ingest.importer import import_file
    from curation.store import models as m
    from curation.store import open_workspace

    path = dataset(n)
    folder = Path(tempfile.mkdtemp(prefix="bench-engine-"))
    try:
        ws = open_workspace(folder)
        started = time.perf_counter()
        result = import_file(ws, path, "bench")
        seconds = round(time.perf_counter() - started, 2)
        digest = hashlib.sha256()
        r = m.Record
        query = sa.select(r.line, r.content_hash, r.messages, r.n_tokens).order_by(r.id)
        with ws.read() as s:
            for row in s.execute(query):
                digest.update(repr(tuple(row)).encode())
        ws.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "import_seconds": seconds,
        "imported": result.imported,
        "rows_sha256": digest.hexdigest()[:16],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("records", type=int)
    parser.add_argument("--tree", type=Path, help="run the other side with this tree's code")
    parser.add_argument("--side", choices=["engine", "tree"], help=argparse.SUPPRESS)
    parser.add_argument("--export-only", action="store_true", help="skip the import")
    args = parser.parse_args(argv)
    if args.side:
        print(json.dumps(side(args.records, args.side == "engine", not args.export_only)))
        return
    runs = [("engine", ROOT)] + ([("tree", args.tree.resolve())] if args.tree else [])
    for name, tree in runs:
        env = dict(os.environ, PYTHONPATH=str(tree))
        if name == "tree":  # its bench/out is ours: the cached data is built once
            (tree / "bench" / "out").mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-m", "bench.bench_engine", str(args.records), "--side", name]
        cmd += ["--export-only"] if args.export_only else []
        subprocess.run(cmd, cwd=tree, env=env, check=True)


if __name__ == "__main__":
    main()
