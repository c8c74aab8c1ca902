"""Export benchmark: ``export_dataset`` to OpenAI chat JSONL with a 10 % validation split,
against a raw-dump floor, from a SQLite workspace.

The workspace holds the validation benchmark's synthetic chat records (≈1.9 KB each,
system + user + assistant, some with tool calls), inserted directly and marked as
scanned for PII, so every record passes the gates. Ours runs the whole export: plan
(gates, groups, seeded split), rows read back in id-ordered chunks, every row checked
by the OpenAI validator and its tokens counted (o200k_base) — in one worker process
per core, started while the plan runs —, two files written in order through temporary
files and renamed, sha256, manifests, history and audit.
The naive baseline is the straightforward export a script would do: load the records
through the ORM, build each row with the OpenAI chat writer, check it with the same
validator, count its tokens a batch at a time, and write one file with ``json``
(no split, no manifest). The floor is what any export must at least do: read every
record's stored messages in id order with ``sqlite3`` and write them out as JSONL
lines, without parsing, checking, counting or splitting anything. Target (from the
issue): 1M records exported in ≤ 60 s; below 1M, ``projected_1m_seconds`` scales the
wall time linearly and ``meets_target`` judges that projection. Each contender runs in a fresh process; peak RSS is its own (for ours,
the largest of its processes). CPU seconds (all threads and worker processes;
the main thread alone; the worker processes alone) are given beside the wall time, with
the machine's load average before the run: on a shared machine the wall time moves
with the other processes' load, the CPU time much less.

    python -m bench.bench_export --sizes 200000,1000000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

from bench import harness
from bench.bench_validate import dataset

TARGET_SECONDS_1M = 60
WORKSPACE_VERSION = 1
BATCH = 5000


def workspace_for(n: int) -> Path:
    """A cached workspace folder with ``n`` chat records (built once, outside the timing)."""
    folder = harness.OUT / f"export_ws_v{WORKSPACE_VERSION}_{n}"
    done = folder / "built"
    if done.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    from curation.store import open_workspace

    ws = open_workspace(folder)
    ws.dispose()
    source = dataset(n)
    db = sqlite3.connect(folder / "workspace.db")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    db.execute(
        "INSERT INTO datasets (id, name, description, created_at) VALUES (1, 'bench', '', datetime('now'))"
    )
    db.execute(
        "INSERT INTO imports (id, dataset_id, path, format, sha256, actor, started_at, lines, imported,"
        " skipped, rejected, errors) VALUES (1, 1, ?, 'openai-chat', '', 'bench', datetime('now'),"
        " ?, ?, 0, 0, '[]')",
        (str(source), n, n),
    )
    rows: list[tuple[Any, ...]] = []
    with source.open("rb") as fh:
        for line_no, raw in enumerate(fh, 1):
            obj = orjson.loads(raw)
            messages = orjson.dumps(obj["messages"]).decode()
            tools = orjson.dumps(obj["tools"]).decode() if "tools" in obj else None
            extra = {k: v for k, v in obj.items() if k not in ("messages", "tools", "metadata")}
            digest = hashlib.sha256(raw).hexdigest()
            roles: dict[str, int] = {}
            for message in obj["messages"]:
                roles[message["role"]] = roles.get(message["role"], 0) + 1
            rows.append(
                (
                    line_no,
                    digest,
                    messages,
                    tools,
                    orjson.dumps(extra).decode(),
                    len(obj["messages"]),
                    orjson.dumps(roles).decode(),
                    roles.get("user", 0),
                )
            )
            if len(rows) == BATCH:
                _insert(db, rows)
                rows.clear()
    _insert(db, rows)
    db.commit()
    db.close()
    done.write_text(json.dumps({"records": n, "source": str(source)}))
    return folder


def _insert(db: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    db.executemany(
        "INSERT INTO records (dataset_id, import_id, line, source_format, content_hash, messages,"
        " tools, metadata, extra, rankings, status, status_reason, split, redaction,"
        " n_messages, role_counts, n_user_turns, n_tokens, n_completions, created_at)"
        " VALUES (1, 1, ?, 'openai-chat', ?, ?, ?, '{}', ?, '[]', 'active', '', NULL, 'clean',"
        " ?, ?, ?, 0, 0, datetime('now'))",
        rows,
    )


def ours(folder: Path) -> dict[str, Any]:
    from curation.export import ExportSpec, export_dataset
    from curation.store import open_workspace

    out = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        ws = open_workspace(folder)
        cpu, main_cpu = time.process_time(), time.thread_time()
        children = harness.children_cpu_seconds()
        result = export_dataset(
            ws,
            ExportSpec("openai-chat", dataset="bench", validation_split=0.1, seed=42),
            out / "bench.jsonl",
            actor="bench",
        )
        cpu, main_cpu = time.process_time() - cpu, time.thread_time() - main_cpu
        children = harness.children_cpu_seconds() - children
        ws.dispose()
        return {
            "cpu_seconds": round(cpu + children, 1),
            "main_thread_cpu_seconds": round(main_cpu, 1),
            "worker_processes_cpu_seconds": round(children, 1),
            "written": result.written,
            "rows": {f.split: f.rows for f in result.files},
            "mb": round(sum(f.bytes for f in result.files) / 1e6, 1),
            "billed_tokens": result.reports["train"].billed_tokens,
            "encoding": result.reports["train"].encoding,
        }
    finally:
        shutil.rmtree(out, ignore_errors=True)


def naive(folder: Path) -> dict[str, Any]:
    import json as std_json

    import sqlalchemy as sa

    from curation.ingest.checks import validate_example
    from curation.ingest.formats.openai import OpenAIChat
    from curation.ingest.tokens import counter_for_model
    from curation.records import Record
    from curation.store import models as m
    from curation.store import open_workspace

    out = Path(tempfile.mkdtemp(prefix="bench-export-naive-"))
    try:
        ws = open_workspace(folder)
        counter = counter_for_model("gpt-4.1")
        written = tokens = 0
        pending: list[Any] = []
        with ws.read() as session, (out / "naive.jsonl").open("w", encoding="utf-8") as fh:
            query = sa.select(m.Record).where(m.Record.status == "active").order_by(m.Record.id)
            for record in session.scalars(query.execution_options(yield_per=2000)):
                row = OpenAIChat().dump(
                    Record(messages=record.messages, tools=record.tools, extra=record.extra)
                )
                if validate_example(row, layout="chat"):
                    continue
                pending.append(row["messages"])
                if len(pending) == BATCH:
                    tokens += int(counter.conversations(pending)[0].sum())
                    pending.clear()
                fh.write(std_json.dumps(row, ensure_ascii=False) + "\n")
                written += 1
            if pending:
                tokens += int(counter.conversations(pending)[0].sum())
        ws.dispose()
        return {"written": written, "tokens": tokens}
    finally:
        shutil.rmtree(out, ignore_errors=True)


def floor(folder: Path) -> dict[str, Any]:
    out = Path(tempfile.mkdtemp(prefix="bench-export-floor-"))
    try:
        db = sqlite3.connect(folder / "workspace.db")
        written = 0
        last = 0
        with (out / "floor.jsonl").open("wb") as fh:
            while True:
                batch = db.execute(
                    "SELECT id, messages FROM records WHERE dataset_id = 1 AND id > ? ORDER BY id"
                    " LIMIT ?",
                    (last, BATCH),
                ).fetchall()
                if not batch:
                    break
                last = batch[-1][0]
                fh.write(b"".join(b'{"messages":' + m.encode() + b"}\n" for _, m in batch))
                written += len(batch)
        db.close()
        return {"written": written, "mb": round((out / "floor.jsonl").stat().st_size / 1e6, 1)}
    finally:
        shutil.rmtree(out, ignore_errors=True)


CONTENDERS = {"ours": ours, "naive": naive, "floor": floor}


def run(sizes: list[int]) -> list[dict[str, Any]]:
    rows = []
    for n in sizes:
        started = time.perf_counter()
        folder = workspace_for(n)
        built = time.perf_counter() - started
        load = os.getloadavg()[0]
        base = harness.measure("bench.bench_export", "floor", str(folder))
        simple = harness.measure("bench.bench_export", "naive", str(folder))
        mine = harness.measure("bench.bench_export", "ours", str(folder))
        summary = mine["summary"]
        projected = mine["seconds"] * 1_000_000 / n
        rows.append(
            {
                "benchmark": "export",
                "records": n,
                "cores": os.cpu_count(),
                "floor_seconds": round(base["seconds"], 1),
                "naive_seconds": round(simple["seconds"], 1),
                "ours_seconds": round(mine["seconds"], 1),
                "speedup_vs_naive": round(simple["seconds"] / mine["seconds"], 2),
                "ratio_to_floor": round(mine["seconds"] / base["seconds"], 2),
                "ours_records_per_second": round(n / mine["seconds"]),
                "ours_cpu_seconds": summary["cpu_seconds"],
                "ours_main_thread_cpu_seconds": summary["main_thread_cpu_seconds"],
                "ours_worker_processes_cpu_seconds": summary["worker_processes_cpu_seconds"],
                "ours_peak_rss_mb": round(mine["peak_rss_mb"]),
                "floor_peak_rss_mb": round(base["peak_rss_mb"]),
                "train_rows": summary["rows"]["train"],
                "validation_rows": summary["rows"]["validation"],
                "output_mb": summary["mb"],
                "billed_tokens": summary["billed_tokens"],
                "encoding": summary["encoding"],
                "projected_1m_seconds": round(projected, 1),
                "meets_target": projected <= TARGET_SECONDS_1M,
                "naive_peak_rss_mb": round(simple["peak_rss_mb"]),
                "naive_written": simple["summary"]["written"],
                "load_average_before": round(load, 1),
                "setup_seconds": round(built, 1),
            }
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="200000,1000000")
    parser.add_argument("--child", nargs=2, metavar=("WHICH", "FOLDER"))
    args = parser.parse_args(argv)
    if args.child:
        harness.child(CONTENDERS[args.child[0]], Path(args.child[1]))
        return
    for row in run([int(s) for s in args.sizes.split(",")]):
        print(json.dumps(row))


if __name__ == "__main__":
    main()
