"""Crash faults: ``kill -9`` at seeded random moments during import, export, labelling
submissions, PII apply and a dedup run, on SQLite and PostgreSQL; and full disks (a 2 MiB
tmpfs) under import, export, ``redact`` file mode and ``dedup`` file mode.

Each kill case first runs the stage once to completion to learn its duration, then, for
every kill point, starts it again in a fresh process (the CLI, or for labelling and PII
apply a short script over the library) and sends SIGKILL after a delay drawn uniformly
from (0, 1.2 × that duration) with a fixed seed — some kills land in start-up, some in
the work, some in the final commit, some after the end. Its worker processes (import,
export) are listed just before the kill and must all be gone 30 s later. Then the
workspace is checked, the stage is run again to completion, and checked again:

- **lost**: records, labels or redactions the finished re-run does not have (labels: also
  submissions the child saw committed that are not in the database);
- **duplicated**: more than one record per line, more than one current label per task and
  annotator, more than *k* annotators on a task, an export id on two file sets;
- **half-written**: a state no complete run produces — part of an import, part of a dedup
  run's marks, a redacted record without its redacted copy; for exports, an export file
  whose sha256 no export in the history records, a history entry shown "on disk" whose
  files are not byte for byte its own, or, after the next export settled the folder, a
  folder that is not one complete file set of an export the history has as done;
- **leaked**: worker processes alive 30 s after their parent was killed.

Disk-full cases put the workspace (import) or the output folder (the others) on a 2 MiB
tmpfs (``mount -t tmpfs``, as root; skipped with a note otherwise) that already holds a
previous result and is then filled to within a few KiB. Each must exit with exactly one
line on stderr, with no SQL, no record text and no traceback, and leave the previous
result byte for byte (no temporary file left either). PostgreSQL's own disk cannot be
filled this way, so its disk-full case is the import test in ``tests/test_storage_errors.py``.
Targets: 0 lost, 0 duplicated, 0 half-written, 0 leaked, every disk-full case clean.

    python -m bench.bench_faults_crash --kills 6      # PostgreSQL when CURATION_TEST_POSTGRES_URL is set
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bench import harness
from bench.faults_data import CLI, chat_lines, pair_lines, write
from bench.faults_disk import disk_full_cases

SEED = 20261206
PG_ENV = ("CURATION_BENCH_POSTGRES_URL", "CURATION_TEST_POSTGRES_URL")

# --------------------------------------------------------------------------- processes


class Target:
    """A workspace on one backend: folder, URL, environment for child processes."""

    def __init__(self, backend: str, root: Path) -> None:
        self.backend = backend
        self.folder = root / f"ws-{backend}"
        self.schema = ""
        self.url = ""
        if backend == "postgresql":
            base = _pg_url()
            assert base
            self.schema = f"bench_{uuid.uuid4().hex[:10]}"
            with _admin(base) as conn:
                conn.exec_driver_sql(f"CREATE SCHEMA {self.schema}")
            pg = base.replace("postgresql://", "postgresql+psycopg://", 1)
            self.url = f"{pg}{'&' if '?' in pg else '?'}options=-csearch_path%3D{self.schema}"
        from curation.store import open_workspace

        self.ws = open_workspace(self.folder, self.url or None)
        self.url = self.ws.url

    def env(self) -> dict[str, str]:
        env = dict(os.environ, CURATION_WORKSPACE=str(self.folder), HF_HUB_OFFLINE="1")
        env["CURATION_DB_URL"] = self.url
        env["PYTHONPATH"] = str(harness.ROOT)
        return env

    def scalar(self, sql: str, **params: Any) -> Any:
        with self.ws.read() as s:
            return s.execute(sa.text(sql), params).scalar()

    def close(self) -> None:
        self.ws.dispose()
        if self.schema:
            with _admin(_pg_url() or "") as conn:
                conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE")


def _pg_url() -> str | None:
    return next((os.environ[k] for k in PG_ENV if os.environ.get(k)), None)


@contextlib.contextmanager
def _admin(url: str) -> Iterator[sa.Connection]:
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        engine.dispose()


def start(
    target: Target, args: list[str] | None = None, code: str | None = None
) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-c", code or CLI, *(args or [])]
    return subprocess.Popen(
        cmd, cwd=harness.ROOT, env=target.env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def finish(target: Target, args: list[str] | None = None, code: str | None = None) -> float:
    """Run to completion; its duration."""
    began = time.perf_counter()
    proc = start(target, args, code)
    _, err = proc.communicate(timeout=900)
    if proc.returncode not in (0, 2):
        raise RuntimeError(f"{args or 'script'} failed: {err.decode(errors='replace')[-1500:]}")
    return time.perf_counter() - began


def descendants(pid: int) -> list[int]:
    out: list[int] = []
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return out
    for child in children:
        out.append(int(child))
        out.extend(descendants(int(child)))
    return out


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def kill_after(proc: subprocess.Popen[bytes], delay: float) -> tuple[bool, int]:
    """SIGKILL ``proc`` after ``delay`` s: whether it was still running, and how many of its
    descendants outlived it by 30 s (those are then killed too)."""
    deadline = time.perf_counter() + delay
    while time.perf_counter() < deadline and proc.poll() is None:
        time.sleep(0.01)
    if proc.poll() is not None:
        proc.communicate()
        return False, 0
    workers = descendants(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    until = time.time() + 30
    while time.time() < until and any(alive(p) for p in workers):
        time.sleep(0.1)
    leaked = [p for p in workers if alive(p)]
    for p in leaked:
        with contextlib.suppress(OSError):
            os.kill(p, signal.SIGKILL)
    return True, len(leaked)


# --------------------------------------------------------------------------- kill cases


class Tally:
    def __init__(self, case: str, backend: str) -> None:
        self.row: dict[str, Any] = {
            "case": case,
            "backend": backend,
            "runs": 0,
            "killed_mid_run": 0,
            "lost": 0,
            "duplicated": 0,
            "half_written": 0,
            "leaked_workers": 0,
            "clean": True,
            "note": "",
        }

    def add(self, key: str, n: int) -> None:
        self.row[key] += n

    def done(self) -> dict[str, Any]:
        r = self.row
        r["clean"] = not (r["lost"] or r["duplicated"] or r["half_written"] or r["leaked_workers"])
        return r


def delays(rng: random.Random, full: float, n: int) -> list[float]:
    return [rng.uniform(0.0, 1.2 * full) for _ in range(n)]


def kill_import(target: Target, root: Path, kills: int, rng: random.Random) -> dict[str, Any]:
    tally = Tally("kill -9: import", target.backend)
    n = 20_000
    src = write(root / "import.jsonl", chat_lines(n, "imp"))
    full = finish(target, ["import", str(src), "-d", "base", "-q"])
    for i, delay in enumerate(delays(rng, full, kills)):
        name = f"imp{i}"
        killed, leaked = kill_after(start(target, ["import", str(src), "-d", name, "-q"]), delay)
        tally.add("runs", 1)
        tally.add("killed_mid_run", killed)
        tally.add("leaked_workers", leaked)
        count = _records(target, name)
        tally.add("half_written", int(0 < count < n))
        finish(target, ["import", str(src), "-d", name, "-q"])  # the re-run
        count = _records(target, name)
        distinct = target.scalar(
            "SELECT count(DISTINCT r.content_hash) FROM records r JOIN datasets d ON d.id = r.dataset_id WHERE d.name = :n",
            n=name,
        )
        tally.add("lost", max(0, n - count))
        tally.add("duplicated", max(0, count - n) + (count - distinct))
    return tally.done()


def _records(target: Target, dataset: str) -> int:
    return int(
        target.scalar(
            "SELECT count(*) FROM records r JOIN datasets d ON d.id = r.dataset_id WHERE d.name = :n",
            n=dataset,
        )
        or 0
    )


def kill_export(target: Target, root: Path, kills: int, rng: random.Random) -> dict[str, Any]:
    tally = Tally("kill -9: export", target.backend)
    src = write(root / "export.jsonl", chat_lines(12_000, "exp"))
    finish(target, ["import", str(src), "-d", "exp", "-q"])
    with target.ws.tx() as s:
        s.execute(sa.text("UPDATE records SET redaction = 'clean'"))
    out = root / f"export-{target.backend}" / "data.jsonl"
    args = [
        "export",
        "-d",
        "exp",
        "-f",
        "openai-chat",
        "-o",
        str(out),
        "--validation-split",
        "0.1",
        "-q",
    ]
    full = finish(target, [*args, "--seed", "1"])
    for i, delay in enumerate(delays(rng, full, kills)):
        run_args = [*args, "--seed", str(i + 2)]
        killed, leaked = kill_after(start(target, run_args), delay)
        tally.add("runs", 1)
        tally.add("killed_mid_run", killed)
        tally.add("leaked_workers", leaked)
        tally.add("half_written", _export_lies(target, out.parent, settled=False))
        finish(target, [*args, "--seed", str(100 + i)])  # the next export settles the folder
        tally.add("half_written", _export_lies(target, out.parent, settled=True))
        tally.add("duplicated", _export_ids_reused(target))
    return tally.done()


def _export_lies(target: Target, folder: Path, *, settled: bool) -> int:
    """Files without history, history claiming files that are not its own, and (once the
    next export settled the folder) a folder that is not one whole export done."""
    from curation.export import history_rows

    with target.ws.read() as s:
        rows = history_rows(s, limit=10_000)
        recorded = {
            f["sha256"]: r.id
            for r in s.execute(sa.text("SELECT id, files FROM exports")).mappings()
            for f in (json.loads(r["files"]) if isinstance(r["files"], str) else r["files"])
        }
    by_id = {r.id: r for r in rows}
    lies = 0
    data = sorted(
        p for p in folder.iterdir() if p.name.endswith(".jsonl") and not p.name.startswith(".")
    )
    shas = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in data}
    lies += sum(1 for sha in shas.values() if sha not in recorded)  # files without history
    for r in rows:
        if r.on_disk:
            with target.ws.read() as s:
                files = s.execute(
                    sa.text("SELECT files FROM exports WHERE id = :i"), {"i": r.id}
                ).scalar()
            files = json.loads(files) if isinstance(files, str) else files
            for f in files or []:
                p = Path(f["path"])
                if not p.exists() or hashlib.sha256(p.read_bytes()).hexdigest() != f["sha256"]:
                    lies += 1  # history shown on disk without its files
    if settled:
        ids = {json.loads(p.read_text()).get("export_id") for p in folder.glob("*.manifest.json")}
        whole = (
            len(ids) == 1
            and (eid := next(iter(ids))) in by_id
            and by_id[eid].status == "done"
            and by_id[eid].on_disk
            and all(recorded.get(sha) == eid for sha in shas.values())
            and not any(p.name.endswith(".journal") for p in folder.iterdir())
        )
        lies += int(not whole)
    return lies


def _export_ids_reused(target: Target) -> int:
    return int(target.scalar("SELECT count(*) - count(DISTINCT id) FROM exports") or 0)


LABEL_SCRIPT = """
import os, sys
from curation.labeling.answers import Answer, submit
from curation.labeling.queue import next_item
from curation.store import open_workspace
ws = open_workspace(os.environ["CURATION_WORKSPACE"], os.environ["CURATION_DB_URL"])
campaign, log = int(sys.argv[1]), open(sys.argv[2], "a")
for annotator in ("ann1", "ann2", "ann3"):
    while (item := next_item(ws, campaign, annotator)) is not None:
        submit(ws, item.assignment_id, annotator, Answer(choice=1))
        log.write(f"{item.task_id} {annotator}\\n"); log.flush()
"""


def kill_labelling(target: Target, root: Path, kills: int, rng: random.Random) -> dict[str, Any]:
    from curation.auth import create_user
    from curation.ingest.importer import import_file
    from curation.labeling.campaigns import CampaignSpec, create_campaign

    tally = Tally("kill -9: labelling submissions", target.backend)
    n, k = 150, 2
    import_file(target.ws, write(root / "pairs.jsonl", pair_lines(n)), "pairs")
    with target.ws.tx() as s:
        for name in ("ann1", "ann2", "ann3"):
            create_user(s, name, "annotator", "password-123", actor="bench")

    def new_campaign(name: str) -> int:
        with target.ws.tx() as s:
            spec = CampaignSpec(
                name=name, dataset="pairs", annotators=["ann1", "ann2", "ann3"], overlap=k
            )
            return create_campaign(s, spec, actor="bench").id

    full = finish(target, [str(new_campaign("base")), str(root / "base.log")], LABEL_SCRIPT)
    for i, delay in enumerate(delays(rng, full, kills)):
        cid, log = new_campaign(f"c{i}"), root / f"labels-{target.backend}-{i}.log"
        killed, _ = kill_after(start(target, [str(cid), str(log)], LABEL_SCRIPT), delay)
        tally.add("runs", 1)
        tally.add("killed_mid_run", killed)
        seen = set(log.read_text().split("\n")) - {""} if log.exists() else set()
        stored = _labels(target, cid)
        tally.add("lost", len({tuple(x.split()) for x in seen} - set(stored)))
        tally.add("duplicated", _label_excess(target, cid, k))
        finish(target, [str(cid), str(log)], LABEL_SCRIPT)
        stored = _labels(target, cid)
        tally.add("lost", max(0, n * k - len(set(stored))))
        tally.add("duplicated", _label_excess(target, cid, k))
    return tally.done()


def _labels(target: Target, campaign: int) -> list[tuple[str, str]]:
    with target.ws.read() as s:
        rows = s.execute(
            sa.text(
                "SELECT task_id, annotator FROM judgments WHERE campaign_id = :c AND is_current "
                "AND NOT retracted"
            ),
            {"c": campaign},
        ).all()
    return [(str(t), a) for t, a in rows]


def _label_excess(target: Target, campaign: int, k: int) -> int:
    stored = _labels(target, campaign)
    twice = len(stored) - len(set(stored))
    per_task: dict[str, int] = {}
    for task, _ in set(stored):
        per_task[task] = per_task.get(task, 0) + 1
    return twice + sum(max(0, c - k) for c in per_task.values())


APPLY_SCRIPT = """
import os, sys
from curation.pii.apply import apply_redaction
from curation.store import open_workspace
ws = open_workspace(os.environ["CURATION_WORKSPACE"], os.environ["CURATION_DB_URL"])
apply_redaction(ws, sys.argv[1], actor="bench")
"""


def kill_pii_apply(target: Target, root: Path, kills: int, rng: random.Random) -> dict[str, Any]:
    tally = Tally("kill -9: PII apply", target.backend)
    n, name = 1500, "pii"
    finish(
        target,
        [
            "import",
            str(write(root / "pii.jsonl", chat_lines(n, "pii", pii=True))),
            "-d",
            name,
            "-q",
        ],
    )
    _fake_reviewed_findings(target, name)
    full = finish(target, [name], APPLY_SCRIPT)
    for delay in delays(rng, full, kills):
        _unapply(target, name)
        killed, _ = kill_after(start(target, [name], APPLY_SCRIPT), delay)
        tally.add("runs", 1)
        tally.add("killed_mid_run", killed)
        tally.add("half_written", _half_redacted(target, name))
        finish(target, [name], APPLY_SCRIPT)
        tally.add("half_written", _half_redacted(target, name))
        left = _count(target, name, "r.redaction <> 'redacted'")
        tally.add("lost", left)
        leaked = _count(
            target,
            name,
            "r.redacted_messages IS NOT NULL AND CAST(r.redacted_messages AS TEXT) LIKE '%maria.lopez%'",
        )
        tally.add("lost", leaked)
    return tally.done()


def _fake_reviewed_findings(target: Target, dataset: str) -> None:
    """An accepted EMAIL_ADDRESS finding on every record's email (as a scan and a review
    would leave them), without loading the detector: the apply step is what is killed."""
    import re

    from curation.store import models as m

    with target.ws.tx() as s:
        ds_id = s.execute(
            sa.text("SELECT id FROM datasets WHERE name = :n"), {"n": dataset}
        ).scalar()
        run = m.PiiRun(dataset_id=ds_id, actor="bench", settings={}, status="done")
        s.add(run)
        s.flush()
        records = s.execute(
            sa.select(m.Record.id, m.Record.messages).where(m.Record.dataset_id == ds_id)
        ).all()
        findings = []
        for rid, messages in records:
            text = messages[0]["content"]
            for match in re.finditer(r"maria\.lopez\d+@example\.com", text):
                findings.append(
                    {
                        "run_id": run.id,
                        "dataset_id": ds_id,
                        "record_id": rid,
                        "location": "messages[0].content",
                        "start": match.start(),
                        "end": match.end(),
                        "entity": "EMAIL_ADDRESS",
                        "text": match.group(),
                        "score": 1.0,
                        "source": "bench",
                        "status": "accepted",
                        "decided_by": "bench",
                    }
                )
        s.execute(sa.insert(m.PiiFinding), findings)
        s.execute(
            sa.update(m.Record).where(m.Record.dataset_id == ds_id).values(redaction="reviewed")
        )


def _unapply(target: Target, dataset: str) -> None:
    with target.ws.tx() as s:
        s.execute(
            sa.text(
                "UPDATE records SET redaction = 'reviewed', redacted_messages = NULL, "
                "redacted_extra = NULL, redacted_metadata = NULL "
                "WHERE dataset_id = (SELECT id FROM datasets WHERE name = :n)"
            ),
            {"n": dataset},
        )


def _count(target: Target, dataset: str, where: str) -> int:
    return int(
        target.scalar(
            f"SELECT count(*) FROM records r JOIN datasets d ON d.id = r.dataset_id WHERE d.name = :n AND {where}",
            n=dataset,
        )
        or 0
    )


def _half_redacted(target: Target, dataset: str) -> int:
    return _count(
        target, dataset, "r.redaction = 'redacted' AND r.redacted_messages IS NULL"
    ) + _count(target, dataset, "r.redaction <> 'redacted' AND r.redacted_messages IS NOT NULL")


def kill_dedup(target: Target, root: Path, kills: int, rng: random.Random) -> dict[str, Any]:
    tally = Tally("kill -9: dedup run", target.backend)
    n = 6000
    src = write(root / "dedup.jsonl", chat_lines(n, "dd", dup_every=5))
    names = [f"dd{i}" for i in range(kills)] + ["ddbase"]
    for name in names:
        finish(target, ["import", str(src), "-d", name, "-q"])
    args = ["dedup", "-e", "static", "-q"]
    full = finish(target, [*args, "-d", "ddbase"])
    expected = _count(target, "ddbase", "r.status = 'duplicate'")
    for i, delay in enumerate(delays(rng, full, kills)):
        name = f"dd{i}"
        killed, leaked = kill_after(start(target, [*args, "-d", name]), delay)
        tally.add("runs", 1)
        tally.add("killed_mid_run", killed)
        tally.add("leaked_workers", leaked)
        marked = _count(target, name, "r.status = 'duplicate'")
        tally.add("half_written", int(marked not in (0, expected)))
        finish(target, [*args, "-d", name])
        marked = _count(target, name, "r.status = 'duplicate'")
        tally.add("lost", max(0, expected - marked))
        tally.add("duplicated", max(0, marked - expected))
        running = int(
            target.scalar(
                "SELECT count(*) FROM dedup_runs r JOIN datasets d ON d.id = r.dataset_id "
                "WHERE d.name = :n AND r.status = 'done'",
                n=name,
            )
            or 0
        )
        tally.add("half_written", int(running < 1))
    tally.row["note"] = f"{expected} duplicates marked by a whole run"
    return tally.done()


KILLS: dict[str, Callable[[Target, Path, int, random.Random], dict[str, Any]]] = {
    "import": kill_import,
    "export": kill_export,
    "labelling": kill_labelling,
    "pii-apply": kill_pii_apply,
    "dedup": kill_dedup,
}

# --------------------------------------------------------------------------- run


def backends() -> list[str]:
    return ["sqlite", *(["postgresql"] if _pg_url() else [])]


def run(sizes: list[int], only: list[str] | None = None) -> list[dict[str, Any]]:
    kills = sizes[0] if sizes else 6
    rows: list[dict[str, Any]] = []
    root = Path(tempfile.mkdtemp(prefix="bench-crash-"))
    try:
        for backend in backends():
            for stage, fn in KILLS.items():
                if only and stage not in only:
                    continue
                rng = random.Random(f"{SEED}-{stage}-{backend}")
                folder = root / f"{stage}-{backend}"
                folder.mkdir()
                target = Target(backend, folder)
                try:
                    began = time.perf_counter()
                    rows.append(fn(target, folder, kills, rng))
                    rows[-1]["seconds"] = round(time.perf_counter() - began)
                finally:
                    target.close()
                print(json.dumps(rows[-1]), file=sys.stderr)
        if not only or "disk" in only:
            disk = root / "disk"
            disk.mkdir()
            for row in disk_full_cases(disk):
                row["seconds"] = "-"
                rows.append(row)
                print(json.dumps(row), file=sys.stderr)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    load = os.getloadavg()
    for row in rows:
        row["load_1m"] = round(load[0], 2)
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=6, help="kill points per stage and backend")
    parser.add_argument("--only", help="comma-separated: " + ", ".join([*KILLS, "disk"]))
    args = parser.parse_args(argv)
    for row in run([args.kills], args.only.split(",") if args.only else None):
        print(json.dumps(row))


if __name__ == "__main__":
    main()
