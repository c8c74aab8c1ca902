"""Faults: ``kill -9`` of ``curation export`` at chosen points. The history and the files
agree afterwards, no export id is used twice, and the next export sweeps the leftovers.

The CLI runs in a subprocess with one function replaced by a stop: it writes a flag file
and sleeps, and the test kills the process with SIGKILL once the flag is there.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from curation.cli import cli
from curation.export import history_rows
from curation.store import Workspace
from curation.store import models as m
from tests.conftest import REPO
from tests.test_export import chat, import_objects, run, set_redaction

STOPPING_CLI = """
import os, time
from pathlib import Path
from curation.export import publish, sinks, staging

flag = Path(os.environ["EXPORT_STOP_FLAG"])
point = os.environ["EXPORT_STOP_AT"]

def stop(*args, **kwargs):
    flag.write_text(point)
    time.sleep(600)

if point == "after-renames":  # every file in place, the row still pending
    publish.finish = stop
elif point == "before-renames":  # the row reserved, nothing renamed yet
    staging.Staging.commit = stop
elif point == "data-written":  # data staged, no row yet
    real_finish = sinks.JsonlSink.finish
    def finish_then_stop(self):
        written = real_finish(self)
        stop()
        return written
    sinks.JsonlSink.finish = finish_then_stop
from curation.cli import main
main()
"""


def killed_export(ws: Workspace, out: Path, point: str, tmp_path: Path) -> None:
    flag = tmp_path / f"stopped-{point}"
    env = dict(
        os.environ,
        CURATION_WORKSPACE=str(ws.folder),
        CURATION_DB_URL=ws.url,
        EXPORT_STOP_FLAG=str(flag),
        EXPORT_STOP_AT=point,
    )
    cmd = [sys.executable, "-c", STOPPING_CLI, "export", "-d", "d", "-f", "openai-chat"]
    cmd += ["-o", str(out), "--validation-split", "0.25", "--seed", "7", "-q"]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while not flag.exists():
        if proc.poll() is not None:
            raise AssertionError(f"the export ended before {point}: {proc.stderr.read()!r}")
        assert time.time() < deadline, f"the export never reached {point}"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def history(ws: Workspace) -> list[tuple[int, str, bool]]:
    with ws.read() as s:
        return [(r["id"], r["status"], r["on_disk"]) for r in history_rows(s)]


def manifest_ids(folder: Path) -> dict[str, int | None]:
    return {
        p.name: json.loads(p.read_text())["export_id"]
        for p in sorted(folder.glob("*.manifest.json"))
    }


def leftovers(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith("."))


def age(paths: list[Path], seconds: float = 120) -> None:
    """As if the leftovers were found a while later (a sweep leaves files under a minute old)."""
    old = time.time() - seconds
    for p in paths:
        os.utime(p, (old, old))


def first_export(ws: Workspace, tmp_path: Path) -> Path:
    import_objects(ws, tmp_path, [chat(i) for i in range(40)])
    set_redaction(ws, "clean")
    out = tmp_path / "out" / "data.jsonl"
    assert run(ws, out, validation_split=0.25).export_id == 1
    return out


MANIFESTS = ("data.train.jsonl.manifest.json", "data.validation.jsonl.manifest.json")


@pytest.mark.timeout(300)
def test_killed_after_the_renames_before_the_commit(ws: Workspace, tmp_path: Path) -> None:
    out = first_export(ws, tmp_path)
    killed_export(ws, out, "after-renames", tmp_path)
    # The new files are in place and name export 2, which the history has: interrupted,
    # never done; export 1's files were replaced, so they are no longer on disk.
    assert manifest_ids(out.parent) == dict.fromkeys(MANIFESTS, 2)
    assert history(ws) == [(2, "interrupted", True), (1, "done", False)]
    kept = leftovers(out.parent)  # the previous files, kept to take the renames back
    assert kept and all(p.name.endswith(".prev") for p in kept)
    with ws.read() as s:
        assert s.scalar(sa.select(m.Export.status).where(m.Export.id == 2)) == "pending"
        assert (
            s.scalar(
                sa.select(sa.func.count(m.AuditEvent.id)).where(m.AuditEvent.action == "export")
            )
            == 1
        )
    listing = CliRunner().invoke(cli, ["exports", "-w", str(ws.folder), "--db", ws.url])
    line = listing.stdout.splitlines()[0]
    assert line.startswith("#2") and "INTERRUPTED" in line and "(its files are on disk)" in line
    age(kept)
    third = run(ws, out, validation_split=0.25, seed=3)
    assert third.export_id == 3  # never 2 again
    assert leftovers(out.parent) == []
    assert manifest_ids(out.parent) == dict.fromkeys(MANIFESTS, 3)
    assert history(ws) == [(3, "done", True), (2, "interrupted", False), (1, "done", False)]
    with ws.read() as s:
        assert s.scalar(sa.select(m.Export.status).where(m.Export.id == 2)) == "interrupted"


@pytest.mark.timeout(300)
def test_killed_after_the_reservation_before_the_renames(ws: Workspace, tmp_path: Path) -> None:
    out = first_export(ws, tmp_path)
    before = {p.name: p.read_bytes() for p in out.parent.iterdir()}
    killed_export(ws, out, "before-renames", tmp_path)
    staged = leftovers(out.parent)
    assert len(staged) == 4 and all(p.name.endswith(".part") for p in staged)
    assert {p.name: p.read_bytes() for p in out.parent.iterdir() if p not in staged} == before
    assert history(ws) == [(2, "interrupted", False), (1, "done", True)]
    age(staged)
    assert run(ws, out, validation_split=0.25, seed=3).export_id == 3
    assert leftovers(out.parent) == []
    assert manifest_ids(out.parent) == dict.fromkeys(MANIFESTS, 3)


@pytest.mark.timeout(300)
def test_killed_while_writing_leaves_only_temporary_files(ws: Workspace, tmp_path: Path) -> None:
    out = first_export(ws, tmp_path)
    before = {p.name: p.read_bytes() for p in out.parent.iterdir()}
    killed_export(ws, out, "data-written", tmp_path)
    staged = leftovers(out.parent)
    assert staged and all(".curation-" in p.name and p.name.endswith(".part") for p in staged)
    assert {p.name: p.read_bytes() for p in out.parent.iterdir() if p not in staged} == before
    assert history(ws) == [(1, "done", True)]  # nothing was reserved: no id was handed out
    fresh = run(ws, out, validation_split=0.25, seed=3)  # under a minute old: left alone
    assert fresh.export_id == 2 and leftovers(out.parent) == staged
    age(staged)
    assert run(ws, out, validation_split=0.25, seed=4).export_id == 3
    assert leftovers(out.parent) == []
