"""Labelling latency: server-side time from an annotator's submission to their next item ready.

A campaign of 100k pairs (k = 2) with 20 annotators, on SQLite and on PostgreSQL. Each
step is ``answers.submit`` followed by ``queue.next_item`` — the two transactions the Rank
page runs when Enter is pressed — timed together. Three loads:

- *single*: one annotator at a time (the pure server-side cost);
- *20 at once*: 20 annotator threads, each thinking 0.5–1.5 s between answers (a busy
  team answers every 10–60 s, so this is 10–40× a real team's rate);
- *saturated*: 20 threads with no think time (two cores): queueing, not service time.

Baseline, in the same run: the same submission followed by a naive next-item query that
finds the least-labelled free pair by counting judgments with GROUP BY on every request
(what a queue without maintained counters does), single stream.
Target: p95 ≤ 150 ms with 20 annotators at once, on both databases.

    python -m bench.bench_labeling [--pairs 100000] [--steps 100]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
import sqlalchemy as sa

from curation.auth import create_user
from curation.ingest.importer import import_file
from curation.labeling import answers, queue
from curation.labeling.campaigns import CampaignSpec, create_campaign
from curation.store import Workspace, open_workspace
from curation.store import labeling_models as lm

ANNOTATORS = 20
PG_URL = os.environ.get("CURATION_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
TARGET_P95_MS = 150


def _pairs_file(n: int) -> Path:
    out = Path(__file__).resolve().parent / "out" / f"pairs_{n}.jsonl"
    if out.exists():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        for i in range(n):
            fh.write(
                orjson.dumps(
                    {
                        "messages": [
                            {
                                "role": "user",
                                "content": f"Customer question {i}: how do I rotate API key {i % 977}?",
                            }
                        ],
                        "completions": [
                            f"Answer A to {i}: open Settings, then Keys.",
                            f"Answer B to {i}: contact support.",
                        ],
                        "rankings": [[0, 1]],
                    }
                )
                + b"\n"
            )
    return out


def _setup(ws: Workspace, n_pairs: int, annotators: int = ANNOTATORS) -> tuple[int, list[str]]:
    import_file(ws, _pairs_file(n_pairs), "bench")
    names = [f"ann{i:02d}" for i in range(annotators)]
    with ws.tx() as s:
        for name in names:
            create_user(s, name, "annotator", "bench-password", actor="bench")
        cid = create_campaign(
            s,
            CampaignSpec(name="bench", dataset="bench", overlap=2, annotators=names),
            actor="bench",
        ).id
    return cid, names


def _naive_next(ws: Workspace, cid: int, annotator: str) -> int | None:
    """Least-labelled pair the annotator has not answered, recounted from judgments each time."""
    with ws.read() as s:
        counts = (
            sa.select(lm.Judgment.task_id, sa.func.count().label("n"))
            .where(lm.Judgment.campaign_id == cid, lm.Judgment.is_current.is_(True))
            .group_by(lm.Judgment.task_id)
            .subquery()
        )
        mine = sa.select(lm.Judgment.task_id).where(
            lm.Judgment.campaign_id == cid, lm.Judgment.annotator == annotator
        )
        return s.scalar(
            sa.select(lm.Task.id)
            .outerjoin(counts, counts.c.task_id == lm.Task.id)
            .where(
                lm.Task.campaign_id == cid,
                sa.func.coalesce(counts.c.n, 0) < 2,
                lm.Task.id.not_in(mine),
            )
            .order_by(sa.func.coalesce(counts.c.n, 0), lm.Task.queue_key)
            .limit(1)
        )


def _run(
    ws: Workspace, cid: int, names: list[str], steps: int, naive: bool, think: float = 0.0
) -> list[float]:
    latencies: list[float] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def work(name: str) -> None:
        rng = random.Random(name)
        try:
            item = queue.next_item(ws, cid, name)
            for i in range(steps):
                if item is None:
                    return
                started = time.perf_counter()
                answers.submit(
                    ws, item.assignment_id, name, answers.Answer(choice=1 if i % 3 else -1)
                )
                if naive:
                    _naive_next(ws, cid, name)
                item = queue.next_item(ws, cid, name)
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    latencies.append(elapsed)
                if think:
                    time.sleep(rng.uniform(0.5 * think, 1.5 * think))
        except BaseException as exc:  # reported after join
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return latencies


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@contextmanager
def workspace_for(backend: str) -> Iterator[Workspace]:
    """A throw-away workspace: a temp folder on SQLite, or a temp schema on PostgreSQL."""
    folder = Path(tempfile.mkdtemp(prefix="bench-label-"))
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = None
    try:
        if backend == "postgresql":
            admin = sa.create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
            with admin.begin() as conn:
                conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
            url = PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)
            ws = open_workspace(folder, f"{url}?options=-csearch_path%3D{schema}")
        else:
            ws = open_workspace(folder)
        yield ws
        ws.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if admin is not None:
            with admin.begin() as conn:
                conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            admin.dispose()


def measure(backend: str, n_pairs: int, steps: int) -> dict[str, Any]:
    with workspace_for(backend) as ws:
        t0 = time.perf_counter()
        cid, names = _setup(ws, n_pairs)
        setup_s = time.perf_counter() - t0
        naive = _run(ws, cid, names[:1], steps * 2, naive=True)
        single = _run(ws, cid, names[1:2], steps * 2, naive=False)
        team = _run(ws, cid, names, steps, naive=False, think=1.0)
        saturated = _run(ws, cid, names, steps, naive=False)
        with ws.read() as s:
            over = s.scalar(sa.select(sa.func.count(lm.Task.id)).where(lm.Task.n_labels > 2)) or 0
    return {
        "benchmark": "labeling",
        "backend": backend,
        "pairs": n_pairs,
        "annotators": ANNOTATORS,
        "setup_seconds": round(setup_s, 1),
        "naive_single_p50_ms": round(statistics.median(naive), 1),
        "naive_single_p95_ms": round(_pct(naive, 0.95), 1),
        "single_p50_ms": round(statistics.median(single), 1),
        "single_p95_ms": round(_pct(single, 0.95), 1),
        "team20_p50_ms": round(statistics.median(team), 1),
        "team20_p95_ms": round(_pct(team, 0.95), 1),
        "saturated_p50_ms": round(statistics.median(saturated), 1),
        "saturated_p95_ms": round(_pct(saturated, 0.95), 1),
        "answers": len(naive) + len(single) + len(team) + len(saturated),
        "pairs_over_k": int(over),
        "meets_target": _pct(team, 0.95) <= TARGET_P95_MS,
    }


def run(sizes: list[int], steps: int = 60) -> list[dict[str, Any]]:
    rows = []
    for n in sizes:
        for backend in ("sqlite", "postgresql"):
            rows.append(measure(backend, n, steps))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=100_000)
    parser.add_argument(
        "--steps", type=int, default=60, help="answers per annotator thread per phase"
    )
    args = parser.parse_args(argv)
    for row in run([args.pairs], args.steps):
        print(json.dumps(row))


if __name__ == "__main__":
    main()
