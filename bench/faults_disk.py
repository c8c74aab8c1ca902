"""The crash-fault benchmark's disk-full cases: a 2 MiB tmpfs under the workspace (import)
or the output folder (export, ``redact`` and ``dedup`` file modes). See
:mod:`bench.bench_faults_crash`."""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bench import harness
from bench.faults_data import CLI, LEAKS, chat_lines, write


@contextlib.contextmanager
def tmpfs(root: Path, size: str = "2m") -> Iterator[Path | None]:
    mount = root / f"tmpfs-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        yield None
        return
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def fill(mount: Path, leave: int = 16 * 1024) -> None:
    """Fill the tmpfs to within ``leave`` bytes."""
    st = os.statvfs(mount)
    free = st.f_bavail * st.f_frsize
    with (mount / "filler").open("wb") as fh:
        fh.write(b"\0" * max(0, free - leave))


def run_cli(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-c", CLI, *args],
        cwd=harness.ROOT,
        env=env,
        capture_output=True,
        timeout=900,
    )
    return (
        done.returncode,
        done.stdout.decode(errors="replace"),
        done.stderr.decode(errors="replace"),
    )


def snapshot(folder: Path, skip: tuple[str, ...] = ("filler",)) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name not in skip and not p.name.endswith((".db-wal", ".db-shm"))
    }


def disk_row(case: str, code: int, err: str, intact: bool, note: str = "") -> dict[str, Any]:
    lines = [x for x in err.splitlines() if x.strip()]
    one_line = code != 0 and len(lines) == 1
    clean = not any(leak in err for leak in LEAKS)
    return {
        "case": f"disk full: {case}",
        "backend": "sqlite",
        "runs": 1,
        "killed_mid_run": "-",
        "lost": 0 if intact else 1,
        "duplicated": 0,
        "half_written": 0 if intact else 1,
        "leaked_workers": 0,
        "clean": one_line and clean and intact,
        "note": (lines[0][:140] if lines else f"exit {code}, nothing on stderr")
        + (f" ({note})" if note else ""),
    }


def disk_full_cases(root: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with tmpfs(root) as mount:
        if mount is None:
            return [
                {
                    "case": "disk full (all)",
                    "backend": "sqlite",
                    "runs": 0,
                    "killed_mid_run": "-",
                    "lost": "-",
                    "duplicated": "-",
                    "half_written": "-",
                    "leaked_workers": "-",
                    "clean": False,
                    "note": "skipped: `mount -t tmpfs` failed (needs root)",
                }
            ]
    small = write(root / "small.jsonl", chat_lines(40, "small", pii=True, dup_every=4))
    big = write(root / "big.jsonl", chat_lines(3000, "big", pii=True, dup_every=4))
    env = dict(os.environ, PYTHONPATH=str(harness.ROOT), HF_HUB_OFFLINE="1")
    env.pop("CURATION_DB_URL", None)

    # import: the workspace itself on the full disk
    with tmpfs(root) as mount:
        assert mount is not None
        ws = mount / "ws"
        where = ["-w", str(ws)]
        run_cli(["import", str(small), "-d", "chats", "-q", *where], env)
        fill(mount, leave=512 * 1024)  # room to open the database, not for the import
        code, _, err = run_cli(["import", str(big), "-d", "chats", "-q", *where], env)
        (mount / "filler").unlink()
        import sqlite3

        with contextlib.closing(sqlite3.connect(ws / "workspace.db")) as conn:
            count = conn.execute("SELECT count(*) FROM records").fetchone()[0]
        rows.append(disk_row("import", code, err, count == 40, f"{count} of 40 records kept"))

    # export, redact and dedup: the output folder on the full disk, a previous result in it
    work = root / "ws-disk"
    env_ws = dict(env, CURATION_WORKSPACE=str(work))
    run_cli(["import", str(small), "-d", "small", "-q"], env_ws)
    run_cli(["import", str(big), "-d", "big", "-q"], env_ws)
    from curation.store import open_workspace

    ws_obj = open_workspace(work)
    with ws_obj.tx() as s:
        s.execute(sa.text("UPDATE records SET redaction = 'clean'"))
    ws_obj.dispose()
    cases: list[tuple[str, list[str], list[str]]] = [
        (
            "export",
            ["export", "-d", "small", "-f", "openai-chat", "-o", "{out}/data.jsonl", "-q"],
            ["export", "-d", "big", "-f", "openai-chat", "-o", "{out}/data.jsonl", "-q"],
        ),
        (
            "redact file mode",
            ["redact", str(small), "-o", "{out}/redacted.jsonl", "-q"],
            ["redact", str(big), "-o", "{out}/redacted.jsonl", "-q"],
        ),
        (
            "dedup file mode",
            ["dedup", str(small), "-o", "{out}/kept.jsonl", "-e", "static", "-q"],
            ["dedup", str(big), "-o", "{out}/kept.jsonl", "-e", "static", "-q"],
        ),
    ]
    for case, first, second in cases:
        with tmpfs(root) as mount:
            assert mount is not None
            code, _, err = run_cli([a.format(out=mount) for a in first], env_ws)
            if code not in (0, 2):
                rows.append(disk_row(case, 0, "", False, f"the first run failed: {err[-200:]}"))
                continue
            before = snapshot(mount)
            fill(mount)
            code, _, err = run_cli([a.format(out=mount) for a in second], env_ws)
            after = snapshot(mount)
            intact = after == before
            rows.append(
                disk_row(
                    case,
                    code,
                    err,
                    intact,
                    "previous files kept" if intact else f"{sorted(set(after) ^ set(before))}",
                )
            )
    return rows
