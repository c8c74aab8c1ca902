"""Workspace-mode dedup in this process against the engine (run by hand, not by ``make bench``).

The corpus (c) of ``bench.bench_dedup_scale`` imported once into a cached workspace, then
``run_dedup`` (cascade, review only) in a fresh process per side, in this process
(``CURATION_ENGINE=local``) and on a local Ray instance (``CURATION_ENGINE=ray``, its
start-up included). Peak RSS is the driver's (``wait4``) and, sampled every 0.2 s, the
driver's plus every process it started (the Ray instance and its workers). The clusters'
digest must be the same on both sides.

    python -m bench.bench_dedup_workspace --workspace 200000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import threading
from pathlib import Path
from typing import Any

import orjson

from bench import harness
from bench.bench_dedup import corpus_path
from bench.bench_dedup_scale import _descendants, _rss_kib

SIDES = ("local", "ray")


def workspace_path(n: int) -> Path:
    """A cached workspace holding corpus (c) of ``n`` records as dataset "bench"."""
    folder = harness.OUT / f"dedup_ws_c_{n}"
    if (folder / "built").exists():
        return folder
    from curation.ingest.importer import import_file
    from curation.store import open_workspace

    records = orjson.loads(corpus_path("c", n).read_bytes())["records"]
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "corpus.jsonl"
    with source.open("wb") as fh:
        for r in records:
            fh.write(orjson.dumps({"messages": r}) + b"\n")
    os.environ["CURATION_ENGINE"] = "local"
    ws = open_workspace(folder / "ws")
    import_file(ws, source, "bench", actor="bench")
    ws.dispose()
    source.unlink()
    (folder / "built").touch()
    return folder


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants (Linux ``/proc``)."""
    return sum(_rss_kib(pid) for pid in [root, *_descendants(root)]) * 1024


class _PeakTree:
    """The peak RSS of this process and every process it started, sampled."""

    def __init__(self) -> None:
        self.peak = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.wait(0.2):
            self.peak = max(self.peak, _tree_rss(os.getpid()))

    def done(self) -> float:
        self.stop.set()
        self.thread.join()
        return round(self.peak / 2**20, 1)


def workspace_side(side: str, n: str) -> dict[str, Any]:
    import sqlalchemy as sa

    from curation.dedup import Settings, run_dedup
    from curation.store import models as m
    from curation.store import open_workspace

    os.environ["CURATION_ENGINE"] = side
    tree = _PeakTree()
    load = os.getloadavg()[0]
    ws = open_workspace(workspace_path(int(n)) / "ws")
    summary = run_dedup(ws, "bench", Settings("cascade"), actor="bench")
    with ws.read() as s:
        run = s.get_one(m.DedupRun, summary.run_id)
        stats = dict(run.stats)
        rows = s.execute(
            sa.select(m.DedupCluster.representative_id, m.DedupMember.record_id)
            .join(m.DedupMember, m.DedupMember.cluster_id == m.DedupCluster.id)
            .where(m.DedupCluster.run_id == summary.run_id)
        )
        members: dict[int, list[int]] = {}
        for rep, rid in rows:
            members.setdefault(rep, []).append(rid)
    ws.dispose()
    clusters = sorted((rep, sorted(ids)) for rep, ids in members.items())
    return {
        "side": side,
        "records": summary.records,
        "clusters": summary.clusters,
        "duplicates": summary.duplicates,
        "clusters_sha256": hashlib.sha256(orjson.dumps(clusters)).hexdigest()[:16],
        "engine": stats.get("engine"),
        "partitions": stats.get("partitions"),
        "timings": stats.get("timings"),
        "verified": stats.get("verified"),
        "peak_rss_tree_mb": tree.done(),
        "load_before": round(load, 2),
        "load_after": round(os.getloadavg()[0], 2),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workspace", type=int, metavar="N", default=200_000)
    parser.add_argument("--sides", default=",".join(SIDES))
    parser.add_argument("--child", nargs=2, metavar=("SIDE", "N"))
    args = parser.parse_args(argv)
    if args.child:
        harness.child(workspace_side, *args.child)
        return
    workspace_path(args.workspace)  # built outside the timing
    for side in args.sides.split(","):
        measured = harness.measure("bench.bench_dedup_workspace", side, str(args.workspace))
        row = {**measured.pop("summary"), **measured}
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
