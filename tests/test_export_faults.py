"""Faults: ``kill -9`` of ``curation export`` at chosen points. The history and the files
agree afterwards, no export id is used twice, and the next export puts the previous files
back (an export killed before it was recorded done) and sweeps the leftovers.

The CLI runs in a subprocess with one function replaced by a stop: it writes a flag file
and sleeps, and the test kills the process with SIGKILL once the flag is there; or the
process kills itself with SIGKILL right after its N-th rename, or once it is recorded done.
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
from curation.export.publish import recover_folders
from curation.store import Workspace
from curation.store import models as m
from tests.helpers.common import REPO
from tests.helpers.export import chat, import_objects, run, set_redaction


def snapshot(folder: Path, *, hidden: bool = True) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes()
        for p in sorted(folder.iterdir())
        if hidden or not p.name.startswith(".")
    }


STOPPING_CLI = """
import os, signal, time
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
elif point.startswith("rename-"):  # killed right after the N-th file is renamed into place
    left = int(point.removeprefix("rename-"))
    real_replace = os.replace
    def replace_then_die(src, dst, *args, **kwargs):
        global left
        real_replace(src, dst, *args, **kwargs)
        if str(src).endswith(".part") and ".curation-" in str(src):
            left -= 1
            if left == 0:
                os.kill(os.getpid(), signal.SIGKILL)
    os.replace = replace_then_die
elif point == "after-done":  # recorded done, killed before the previous files are dropped
    def die(self):
        os.kill(os.getpid(), signal.SIGKILL)
    staging.Staging.release = die
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
    if point.startswith("rename-") or point == "after-done":  # it kills itself
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == -signal.SIGKILL, f"the export was not killed at {point}: {err!r}"
        return
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
        return [(r.id, r.status, r.on_disk) for r in history_rows(s)]


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
    assert len(kept) == 5 and sum(p.name.endswith(".prev") for p in kept) == 4
    assert [p.name for p in kept if p.name.endswith(".journal")]
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
    third = run(ws, out, validation_split=0.25, seed=3)
    assert third.export_id == 3  # never 2 again
    assert any(
        "export #2 was interrupted" in w and "previous files put back" in w for w in third.warnings
    )
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


@pytest.mark.timeout(300)
@pytest.mark.parametrize("renamed", [1, 2, 3])
def test_killed_in_the_middle_of_the_renames(ws: Workspace, tmp_path: Path, renamed: int) -> None:
    """Some new files in place, others not: no export may look intact until the previous
    files are back, and then export 1 is whole again and export 2 is not on disk."""
    out = first_export(ws, tmp_path)
    before = snapshot(out.parent)
    killed_export(ws, out, f"rename-{renamed}", tmp_path)
    # data files first, then the manifests: part of the folder is export 2's
    assert snapshot(out.parent, hidden=False) != snapshot_visible(before)
    assert history(ws) == [(2, "interrupted", False), (1, "done", False)]
    listing = CliRunner().invoke(cli, ["exports", "-w", str(ws.folder), "--db", ws.url])
    assert "(files moved, deleted or replaced)" in listing.stdout.splitlines()[1]
    journals = [p for p in leftovers(out.parent) if p.name.endswith(".journal")]
    assert len(journals) == 1
    notes = recover_folders(ws, [out.parent])
    assert notes == [
        f"export #2 was interrupted while putting its files in place in {out.parent}: "
        "its files were taken back out and the previous files put back"
    ]
    assert snapshot(out.parent) == before  # export 1's bytes, no journal, backup or part
    assert history(ws) == [(2, "interrupted", False), (1, "done", True)]
    with ws.read() as s:
        note = s.scalar(sa.select(m.Export.note).where(m.Export.id == 2))
    assert note.endswith("its files were taken back out and the previous files put back")
    third = run(ws, out, validation_split=0.25, seed=3)
    assert third.export_id == 3
    assert history(ws) == [(3, "done", True), (2, "interrupted", False), (1, "done", False)]
    assert leftovers(out.parent) == []


@pytest.mark.timeout(300)
def test_killed_mid_renames_into_a_new_folder_leaves_no_file(ws: Workspace, tmp_path: Path) -> None:
    first_export(ws, tmp_path)
    out = tmp_path / "fresh" / "data.jsonl"
    killed_export(ws, out, "rename-1", tmp_path)
    assert [p.name for p in out.parent.iterdir() if not p.name.startswith(".")] == [
        "data.train.jsonl"
    ]
    # the next export into that folder takes the lone file back out before it writes
    assert run(ws, out, validation_split=0.25, seed=3).export_id == 3
    assert sorted(p.name for p in out.parent.iterdir()) == sorted(
        ["data.train.jsonl", "data.validation.jsonl", *MANIFESTS]
    )
    assert manifest_ids(out.parent) == dict.fromkeys(MANIFESTS, 3)
    assert history(ws)[:2] == [(3, "done", True), (2, "interrupted", False)]


@pytest.mark.timeout(300)
def test_killed_after_it_was_recorded_done_keeps_its_files(ws: Workspace, tmp_path: Path) -> None:
    out = first_export(ws, tmp_path)
    killed_export(ws, out, "after-done", tmp_path)
    placed = snapshot(out.parent, hidden=False)
    assert history(ws) == [(2, "done", True), (1, "done", False)]
    assert any(p.name.endswith(".prev") for p in leftovers(out.parent))
    notes = recover_folders(ws, [out.parent])
    assert len(notes) == 1 and "removed the previous files it kept" in notes[0]
    assert snapshot(out.parent) == placed and leftovers(out.parent) == []
    assert history(ws) == [(2, "done", True), (1, "done", False)]


def snapshot_visible(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: body for name, body in files.items() if not name.startswith(".")}
