"""Load: 20 annotator sessions labelling at once for a few minutes, on SQLite and PostgreSQL.

Each session is a thread making the calls the Rank page makes (``next_item`` on load,
``submit`` + ``next_item`` on Enter, now and then ``undo_last`` or ``skip``), with 0.2–1 s
of "thinking" between answers, for ``--seconds`` per database. Afterwards the store is
checked: every answer a session saw acknowledged is there exactly once, no pair has more
than k live labels, label counters match the judgments. Errors of any kind are counted.
The baseline for the latency columns is the same work from a single session (run first).

    python -m bench.bench_load [--seconds 180] [--pairs 20000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import threading
import time
from collections import Counter
from typing import Any

import sqlalchemy as sa

from bench.bench_labeling import _pct, _setup, workspace_for
from curation.labeling import answers, queue
from curation.store import Workspace
from curation.store import labeling_models as lm

SESSIONS = 20


def _session(
    ws: Workspace,
    cid: int,
    name: str,
    until: float,
    think: tuple[float, float],
    out: dict[str, Any],
    lock: threading.Lock,
) -> None:
    rng = random.Random(name)
    acked: list[int] = []
    latencies: list[float] = []
    errors: list[str] = []
    try:
        item = queue.next_item(ws, cid, name)
        while item is not None and time.time() < until:
            time.sleep(rng.uniform(*think))
            started = time.perf_counter()
            roll = rng.random()
            if roll < 0.05:
                answers.skip(ws, item.assignment_id, name)
            else:
                judgment = answers.submit(
                    ws,
                    item.assignment_id,
                    name,
                    answers.Answer(
                        choice=rng.choice([2, 1, 0, -1, -2]), rationale="tie" if roll > 0.9 else ""
                    ),
                )
                acked.append(judgment.task_id)
                if roll > 0.97 and answers.undo_last(ws, cid, name) is not None:
                    acked.pop()
            item = queue.next_item(ws, cid, name)
            latencies.append((time.perf_counter() - started) * 1000)
    except Exception as exc:  # counted, reported
        errors.append(f"{type(exc).__name__}: {exc}")
    with lock:
        out["acked"][name] = acked
        out["latencies"].extend(latencies)
        out["errors"].extend(errors)


def drive(
    ws: Workspace, cid: int, names: list[str], seconds: float, think: tuple[float, float]
) -> dict[str, Any]:
    out: dict[str, Any] = {"acked": {}, "latencies": [], "errors": []}
    lock = threading.Lock()
    until = time.time() + seconds
    threads = [
        threading.Thread(target=_session, args=(ws, cid, n, until, think, out, lock)) for n in names
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def check(ws: Workspace, cid: int, acked: dict[str, list[int]]) -> dict[str, int]:
    with ws.read() as s:
        live = s.execute(
            sa.select(lm.Judgment.task_id, lm.Judgment.annotator).where(
                lm.Judgment.campaign_id == cid,
                lm.Judgment.is_current.is_(True),
                lm.Judgment.retracted.is_(False),
            )
        ).all()
        tasks = s.execute(
            sa.select(lm.Task.id, lm.Task.n_labels, lm.Task.n_assigned).where(
                lm.Task.campaign_id == cid
            )
        ).all()
        overlap = s.scalar(sa.select(lm.Campaign.overlap).where(lm.Campaign.id == cid)) or 0
    stored = Counter((t, a) for t, a in live)
    expected = Counter((t, a) for a, ts in acked.items() for t in ts)
    per_task = Counter(t for t, _ in live)
    return {
        "lost": sum((expected - stored).values()),
        "duplicated": sum(1 for v in stored.values() if v > 1),
        "unexpected": sum((stored - expected).values()),
        "over_k": sum(1 for _, n, a in tasks if n > overlap or a > overlap),
        "counter_mismatch": sum(1 for tid, n, _ in tasks if n != per_task.get(tid, 0)),
    }


def measure(backend: str, n_pairs: int, seconds: float) -> dict[str, Any]:
    with workspace_for(backend) as ws:
        cid, names = _setup(ws, n_pairs, annotators=SESSIONS + 1)
        single = drive(ws, cid, names[:1], min(30.0, seconds / 4), (0.0, 0.0))
        load = drive(ws, cid, names[1:], seconds, (0.2, 1.0))
        acked = {**single["acked"]}
        for name, tasks in load["acked"].items():
            acked[name] = acked.get(name, []) + tasks
        integrity = check(ws, cid, acked)
    lat = load["latencies"]
    return {
        "benchmark": "load",
        "backend": backend,
        "sessions": SESSIONS,
        "seconds": seconds,
        "answers": sum(len(v) for v in load["acked"].values()),
        "errors": len(single["errors"]) + len(load["errors"]),
        **integrity,
        "single_p50_ms": round(statistics.median(single["latencies"]), 1),
        "single_p95_ms": round(_pct(single["latencies"], 0.95), 1),
        "load_p50_ms": round(statistics.median(lat), 1),
        "load_p95_ms": round(_pct(lat, 0.95), 1),
        "first_error": (single["errors"] + load["errors"] or [""])[0][:200],
    }


def run(sizes: list[int], seconds: float = 180.0) -> list[dict[str, Any]]:
    return [measure(backend, n, seconds) for n in sizes for backend in ("sqlite", "postgresql")]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=20_000)
    parser.add_argument("--seconds", type=float, default=180.0)
    args = parser.parse_args(argv)
    for row in run([args.pairs], args.seconds):
        print(json.dumps(row))


if __name__ == "__main__":
    main()
