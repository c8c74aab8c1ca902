"""An export's history row and its files become visible together; failures after the files
are complete put the previous files back and say so; ids are never reused; temporary files
left by a killed export are swept; CSV/Parquet cells cannot start a formula.

Kills of a real export process are in ``test_export_faults.py``.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import json
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from curation.cli import cli
from curation.errors import CurationError
from curation.export import manifest_path, staging, workspace_output
from curation.export import publish as pub
from curation.store import Workspace
from curation.store import models as m
from tests.helpers.export import (
    chat,
    exported_once,
    history,
    import_objects,
    pref,
    read_jsonl,
    run,
    set_redaction,
    snapshot,
)

FULL = sa.exc.OperationalError("UPDATE exports …", {}, Exception("database or disk is full"))


def audited(ws: Workspace) -> int:
    with ws.read() as s:
        return int(
            s.scalar(
                sa.select(sa.func.count(m.AuditEvent.id)).where(m.AuditEvent.action == "export")
            )
            or 0
        )


def manifest_ids(folder: Path) -> set[int | None]:
    return {json.loads(p.read_text())["export_id"] for p in folder.glob("*.manifest.json")}


# --------------------------------------------------------------------------- the database fails


def test_the_final_commit_failing_puts_the_previous_files_back(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, before = exported_once(ws, tmp_path)

    def full(*args: Any) -> None:
        raise FULL

    monkeypatch.setattr(pub, "finish", full)
    with pytest.raises(CurationError) as err:
        run(ws, out, validation_split=0.25, seed=5)
    assert str(err.value) == (
        "export #2 failed while recording it as done in the workspace database: database or "
        "disk is full; its files were taken back out and the previous files are in place "
        "again; the export history lists #2 as failed"
    )
    assert snapshot(out.parent) == before  # the previous bytes, no temporary or kept file
    assert history(ws) == [(2, "failed", False), (1, "done", True)]
    assert audited(ws) == 1
    monkeypatch.undo()
    assert run(ws, out, validation_split=0.25, seed=5).export_id == 3  # 2 stays taken
    assert manifest_ids(out.parent) == {3}


def test_a_failed_export_is_not_taken_for_the_one_that_wrote_a_file(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from curation.finetune.jobs import export_for

    out, _ = exported_once(ws, tmp_path)
    train = out.with_name("data.train.jsonl")
    sha = hashlib.sha256(train.read_bytes()).hexdigest()

    def full(*args: Any) -> None:
        raise FULL

    monkeypatch.setattr(pub, "finish", full)
    with pytest.raises(CurationError):
        run(ws, out, validation_split=0.25)  # the same rows: the same bytes, taken back
    with ws.read() as s:
        failed = s.get(m.Export, 2)
        assert failed is not None and failed.files[0]["sha256"] == sha
        assert export_for(s, sha) == 1


def test_a_failure_after_the_renames_into_a_new_folder_leaves_no_file(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_objects(ws, tmp_path, [pref(i) for i in range(12)])
    set_redaction(ws, "clean")

    def full(*args: Any) -> None:
        raise FULL

    monkeypatch.setattr(pub, "finish", full)
    folder = tmp_path / "fresh"
    with pytest.raises(CurationError, match="its files were taken back out: nothing was written;"):
        run(ws, folder / "t.csv", "csv", validation_split=0.25)
    assert list(folder.iterdir()) == []
    assert history(ws) == [(1, "failed", False)]


def test_the_reservation_failing_writes_nothing(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, before = exported_once(ws, tmp_path)

    def full(*args: Any) -> int:
        raise FULL

    monkeypatch.setattr(pub, "reserve", full)
    with pytest.raises(CurationError) as err:
        run(ws, out, validation_split=0.25, seed=5)
    assert str(err.value) == (
        "could not record the export in the workspace database (database or disk is full); "
        "nothing was written and the previous files are untouched"
    )
    assert snapshot(out.parent) == before
    assert history(ws) == [(1, "done", True)]


def test_when_the_database_refuses_even_the_failure_the_history_says_interrupted(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database goes away after the id is reserved: the files go back, and the row the
    process cannot update any more reads as interrupted, never as done."""
    out, before = exported_once(ws, tmp_path)
    real_tx = ws.tx
    calls = {"n": 0}

    def tx() -> Any:
        calls["n"] += 1
        if calls["n"] > 1:  # the reservation works; marking done, then failed, do not
            raise FULL
        return real_tx()

    monkeypatch.setattr(ws, "tx", tx)
    with pytest.raises(CurationError) as err:
        run(ws, out, validation_split=0.25, seed=5)
    assert str(err.value).endswith(
        "the previous files are in place again; the database could not be updated either, "
        "so the export history lists #2 as interrupted"
    )
    monkeypatch.undo()
    assert snapshot(out.parent) == before
    assert history(ws) == [(2, "interrupted", False), (1, "done", True)]
    assert run(ws, out, validation_split=0.25).export_id == 3
    with ws.read() as s:  # the next export recorded what the history showed
        row = s.get(m.Export, 2)
        assert row is not None and (row.status, row.note) == ("interrupted", pub.INTERRUPTED_NOTE)


def test_a_rename_failing_part_way_puts_the_previous_files_back(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, before = exported_once(ws, tmp_path)
    real_replace = os.replace
    calls = {"n": 0}

    def replace(src: Any, dst: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 3:  # train and validation are in, the first manifest fails
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(staging.os, "replace", replace)
    with pytest.raises(CurationError) as err:
        run(ws, out, validation_split=0.25, seed=5)
    assert str(err.value) == (
        "export #2 failed while renaming its files into place: Input/output error; its files "
        "were taken back out and the previous files are in place again; the export history "
        "lists #2 as failed"
    )
    assert snapshot(out.parent) == before
    assert history(ws) == [(2, "failed", False), (1, "done", True)]


def test_the_cli_says_what_happened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sqlite_ws: Workspace
) -> None:
    out, before = exported_once(sqlite_ws, tmp_path)

    def full(*args: Any) -> None:
        raise FULL

    monkeypatch.setattr(pub, "finish", full)
    args = ["-w", str(sqlite_ws.folder)]
    options = ["-o", str(out), "--validation-split", "0.25", "--seed", "5", "-q"]
    result = CliRunner().invoke(cli, ["export", "-d", "d", "-f", "openai-chat", *options, *args])
    assert result.exit_code == 1
    assert "Error: export #2 failed while recording it as done" in result.stderr
    assert "previous files are in place again" in result.stderr
    assert "half-written" not in result.stderr
    assert snapshot(out.parent) == before
    listing = CliRunner().invoke(cli, ["exports", *args])
    assert listing.exit_code == 0
    first, second = listing.stdout.splitlines()
    assert first.startswith("#2") and "FAILED: failed while recording it as done" in first
    assert "(its files are not on disk)" in first
    assert second.startswith("#1") and "train 15, validation 5" in second


# --------------------------------------------------------------------------- leftovers


def _aged(path: Path, seconds: float = 600) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"left over")
    old = time.time() - seconds
    os.utime(path, (old, old))
    return path


def test_stale_temporary_files_are_swept_and_nothing_else(ws: Workspace, tmp_path: Path) -> None:
    import_objects(ws, tmp_path, [chat(i) for i in range(8)])
    set_redaction(ws, "clean")
    folder = tmp_path / "out"
    folder.mkdir()
    stale = [
        _aged(folder / ".data.jsonl.curation-ab12cd34.part"),
        _aged(folder / ".data.jsonl.manifest.json.curation-zz_9ab10.part"),
        _aged(folder / ".data.jsonl.curation-0a1b2c3d.prev"),
        _aged(folder / ".data.jsonl.k3j4h5g6.part", seconds=2 * 86400),  # earlier versions
    ]
    kept = [
        _aged(folder / ".notes.txt.k3j4h5g6.part", seconds=2 * 86400),  # not our file type
        _aged(folder / ".red.jsonl.q1w2e3r4.part"),  # untagged, unlocked: maybe a live redact
        _aged(folder / ".data.jsonl.part"),  # not our pattern
        _aged(folder / "data.jsonl.curation-ab12cd34.part"),  # not hidden
        _aged(folder / ".other.jsonl.curation-aaaabbbb.part", seconds=5),  # too young
    ]
    held = _aged(folder / ".other.jsonl.curation-ccccdddd.part")
    with held.open("rb") as fh:
        assert staging._lock(fh.fileno()) is True  # a live export's lock
        result = run(ws, folder / "data.jsonl")
        assert held.exists()
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in kept)
    assert (
        "removed 4 temporary file(s) an interrupted export left: "
        + ", ".join(str(p) for p in sorted(stale))
        in result.warnings
    )
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
        "data.jsonl",
        "data.jsonl.curation-ab12cd34.part",
        "data.jsonl.manifest.json",
    ]


def test_the_apps_exports_sweep_every_export_folder(ws: Workspace, tmp_path: Path) -> None:
    """The app writes each export into a folder of its own: a killed one's leftovers are
    in a folder no later export writes to."""
    import_objects(ws, tmp_path, [chat(i) for i in range(8)])
    set_redaction(ws, "clean")
    old = ws.path_in("exports", "20261201-101010-d-openai-chat", "d.jsonl").parent
    stale = _aged(old / ".d.jsonl.curation-ab12cd34.part")
    young = _aged(old / ".d.jsonl.manifest.json.curation-ab12cd35.part", seconds=1)
    result = run(ws, workspace_output(ws, "d", "openai-chat"))
    assert not stale.exists() and young.exists()
    assert f"an interrupted export left: {stale}" in " ".join(result.warnings)


def test_two_exports_into_one_folder_at_once(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second export's sweep leaves the first one's staged files alone (they are locked,
    however old), and neither takes the other's pending row for an interrupted one."""
    import_objects(ws, tmp_path, [chat(i) for i in range(30)])
    set_redaction(ws, "clean")
    folder = tmp_path / "out"
    monkeypatch.setattr(staging, "SWEEP_MIN_AGE", 0.0)  # any age: only the lock protects
    reserved, release = threading.Event(), threading.Event()
    real_write = staging.Staging.write_bytes

    def write_manifest(self: staging.Staging, target: Any, data: bytes) -> None:
        if threading.current_thread().name == "first":  # its id is reserved by now
            reserved.set()
            assert release.wait(60)
        real_write(self, target, data)

    monkeypatch.setattr(staging.Staging, "write_bytes", write_manifest)
    results: dict[str, Any] = {}

    def first() -> None:
        try:
            results["first"] = run(ws, folder / "a.jsonl", validation_split=0.2)
        except BaseException as exc:  # reported below
            results["first"] = exc

    thread = threading.Thread(target=first, name="first")
    thread.start()
    assert reserved.wait(60)
    staged_first = sorted(p.name for p in folder.iterdir())
    assert len(staged_first) == 2 and all(n.endswith(".part") for n in staged_first)
    assert history(ws) == [(1, "pending", False)]
    second = run(ws, folder / "b.jsonl")
    assert second.export_id == 2
    assert all((folder / n).exists() for n in staged_first)  # not swept
    assert history(ws) == [(2, "done", True), (1, "pending", False)]
    release.set()
    thread.join(60)
    assert not isinstance(results["first"], BaseException), results["first"]
    assert results["first"].export_id == 1
    assert history(ws) == [(2, "done", True), (1, "done", True)]
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


# --------------------------------------------------------------------------- formulas

FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"]


def formula_pref(i: int, prompt: str) -> dict[str, Any]:
    return {
        "input": {"messages": [{"role": "user", "content": prompt}]},
        "preferred_output": [{"role": "assistant", "content": f"- item {i}"}],
        "non_preferred_output": [{"role": "assistant", "content": f"Plain {i}."}],
    }


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_table_cells_that_would_start_a_formula_are_neutralised(
    ws: Workspace, tmp_path: Path, fmt: str
) -> None:
    prompts = [f"{f} {i}" for i, f in enumerate(FORMULAS)] + ["Plain question?", "'quoted"]
    import_objects(ws, tmp_path, [formula_pref(i, p) for i, p in enumerate(prompts)])
    set_redaction(ws, "clean")
    out = tmp_path / f"t.{fmt}"
    result = run(ws, out, fmt)
    if fmt == "csv":
        with out.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    else:
        import pyarrow.parquet as pq

        rows = pq.read_table(out).to_pylist()
    assert [r["prompt"] for r in rows] == ["'" + p for p in prompts[:6]] + prompts[6:]
    assert [r["chosen"] for r in rows] == [f"'- item {i}" for i in range(8)]
    assert [r["rejected"] for r in rows] == [f"Plain {i}." for i in range(8)]
    escape = result.manifest["format"]["formula_escape"]
    assert escape["cells"] == 14 and escape["by_split"] == {"train": 14}
    assert "single quote" in escape["rule"]
    on_disk = json.loads(manifest_path(out).read_text())
    assert on_disk["format"]["formula_escape"]["cells"] == 14


def test_jsonl_keeps_formula_like_text_as_it_is(ws: Workspace, tmp_path: Path) -> None:
    import_objects(ws, tmp_path, [formula_pref(0, "=1+1")])
    set_redaction(ws, "clean")
    result = run(ws, tmp_path / "p.jsonl", "openai-preference")
    row = read_jsonl(tmp_path / "p.jsonl")[0]
    assert row["input"]["messages"][0]["content"] == "=1+1"
    assert row["preferred_output"][0]["content"] == "- item 0"
    assert "formula_escape" not in result.manifest["format"]
