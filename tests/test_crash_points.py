"""Fast crash points: a process killed with SIGKILL at a chosen instant of labelling, a dedup
run, PII apply and a file-to-file export, and full disks (a small tmpfs) under an export and
``dedup`` file mode. Nothing is lost, duplicated or half-written, and the next run finishes
the work exactly. The random-moment version, with counts, is ``python -m bench --only
faults-crash``.

The child process replaces one function with one that calls the real one and then kills
its own process (``os.kill(os.getpid(), SIGKILL)``): no cleanup of any kind runs.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from curation.cli import cli
from curation.labeling.answers import Answer, submit
from curation.labeling.queue import next_item
from curation.store import Workspace
from curation.store import labeling_models as lm
from curation.store import models as m
from tests.helpers.common import REPO
from tests.helpers.export import chat, import_objects
from tests.helpers.labeling import campaign, pair_dataset, users

KILL = "import os, signal\ndef die():\n    os.kill(os.getpid(), signal.SIGKILL)\n"


def killed(ws: Workspace, script: str, *args: str) -> None:
    """Run ``script`` (which ends by killing itself) against ``ws``; it must die by SIGKILL."""
    env = dict(
        os.environ, CURATION_WORKSPACE=str(ws.folder), CURATION_DB_URL=ws.url, PYTHONPATH=str(REPO)
    )
    code = KILL + script
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=REPO, env=env, capture_output=True, timeout=240
    )
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()[-2000:]


def count(ws: Workspace, query: sa.Select[tuple[int]]) -> int:
    with ws.read() as s:
        return int(s.scalar(query) or 0)


# --------------------------------------------------------------------------- labelling

SUBMIT_THEN_DIE = """
import sys
from curation.labeling import answers, queue
from curation.store import open_workspace
ws = open_workspace(os.environ["CURATION_WORKSPACE"], os.environ["CURATION_DB_URL"])
campaign_id, point = int(sys.argv[1]), sys.argv[2]
item = queue.next_item(ws, campaign_id, "ann1")
real = answers.add_judgment_version
if point == "inside":  # the judgment is written, its transaction not committed
    def add_then_die(*args, **kwargs):
        real(*args, **kwargs)
        die()
    answers.add_judgment_version = add_then_die
answers.submit(ws, item.assignment_id, "ann1", answers.Answer(choice=1))
print(item.task_id)
die()  # committed
"""


@pytest.mark.timeout(300)
@pytest.mark.parametrize("point", ["inside", "committed"])
def test_a_submission_killed_is_all_or_nothing(ws: Workspace, tmp_path: Path, point: str) -> None:
    pair_dataset(ws, tmp_path, 6)
    users(ws, ["ann1", "ann2"])
    cid = campaign(ws, ["ann1", "ann2"], overlap=2)
    killed(ws, SUBMIT_THEN_DIE, str(cid), point)
    stored = count(ws, sa.select(sa.func.count(lm.Judgment.id)))
    assert stored == (1 if point == "committed" else 0)
    # the annotator comes back: the open item again (not committed), or the next one
    item = next_item(ws, cid, "ann1")
    assert item is not None
    with ws.read() as s:
        opened = s.scalars(
            sa.select(lm.Assignment.task_id).where(
                lm.Assignment.annotator == "ann1", lm.Assignment.status == "open"
            )
        ).all()
    assert opened == [item.task_id]  # one open assignment, never two
    while item is not None:
        submit(ws, item.assignment_id, "ann1", Answer(choice=-1))
        item = next_item(ws, cid, "ann1")
    with ws.read() as s:
        rows = s.execute(sa.select(lm.Judgment.task_id, lm.Judgment.annotator)).all()
    assert len(rows) == 6 and len(set(rows)) == 6  # every task once: none lost, none twice


# --------------------------------------------------------------------------- dedup

DEDUP_DIES_BEFORE_STORING = """
from curation.dedup import runs
def store_then_die(*args, **kwargs):
    die()
runs._store_result = store_then_die
from curation.cli import main
main()
"""


WORDS = [
    "volcano",
    "invoice",
    "tenant",
    "refund",
    "glacier",
    "recipe",
    "tariff",
    "orbit",
    "violin",
    "harbor",
    "ledger",
    "pollen",
    "falcon",
    "quartz",
    "canyon",
    "mortgage",
    "lantern",
    "saffron",
    "turbine",
    "meadow",
    "bishop",
    "cobalt",
    "walnut",
    "thunder",
    "pyramid",
    "lobster",
    "compass",
    "emerald",
    "blanket",
    "rocket",
]


def sentence(i: int) -> str:
    """Twelve words of a bigger vocabulary, a different draw for each ``i``."""
    vocabulary = WORDS + [w[::-1] + "s" for w in WORDS] + [w + "ing" for w in WORDS]
    return " ".join(random.Random(i).sample(vocabulary, 12))


def talk(i: int, variant: str = "") -> dict[str, object]:
    """A conversation of its own words; ``variant`` makes a near-duplicate of it."""
    words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(10)]
    text = " ".join(words)
    return {
        "messages": [
            {"role": "user", "content": f"{i}: {text}?{variant}"},
            {"role": "assistant", "content": f"{text[::-1]}.{variant}"},
        ]
    }


@pytest.mark.timeout(300)
def test_a_dedup_run_killed_before_it_stores_marks_nothing(ws: Workspace, tmp_path: Path) -> None:
    import_objects(ws, tmp_path, [talk(i) for i in range(30)] + [talk(i, "!") for i in range(10)])
    records = count(ws, sa.select(sa.func.count(m.Record.id)))
    killed(ws, DEDUP_DIES_BEFORE_STORING, "dedup", "-d", "d", "-e", "static", "-q")
    duplicate = sa.select(sa.func.count(m.Record.id)).where(m.Record.status == "duplicate")
    assert count(ws, duplicate) == 0
    assert count(ws, sa.select(sa.func.count(m.DedupPair.id))) == 0
    from curation.dedup.lookups import list_runs, run_status

    with ws.read() as s:
        (run,) = list_runs(s, 1)
        assert run.status == "running" and run_status(run) == "interrupted"  # not "still going"
    result = CliRunner().invoke(
        cli, ["dedup", "-d", "d", "-e", "static", "-q", "-w", str(ws.folder), "--db", ws.url]
    )
    assert result.exit_code == 0, result.output
    marked = count(ws, duplicate)
    assert 0 < marked < records
    with ws.read() as s:
        assert [r.status for r in list_runs(s, 1)] == ["done", "interrupted"]
    again = CliRunner().invoke(
        cli, ["dedup", "-d", "d", "-e", "static", "-q", "-w", str(ws.folder), "--db", ws.url]
    )
    assert again.exit_code == 0 and count(ws, duplicate) == marked  # exactly once


# --------------------------------------------------------------------------- PII apply

APPLY_DIES_AFTER_A_PAGE = """
from curation.pii import apply
from curation.store import open_workspace
apply.PAGE = 5
ws = open_workspace(os.environ["CURATION_WORKSPACE"], os.environ["CURATION_DB_URL"])
def progress(stage, done, total):
    if done >= 10:
        die()
apply.apply_redaction(ws, "d", actor="t", progress=progress)
"""


def reviewed_emails(ws: Workspace, tmp_path: Path, n: int) -> None:
    objects = [
        {"messages": [{"role": "user", "content": f"Write to ana{i}@example.com today."}]}
        for i in range(n)
    ]
    import_objects(ws, tmp_path, objects)
    with ws.tx() as s:
        run = m.PiiRun(dataset_id=1, actor="t", settings={}, status="done")
        s.add(run)
        s.flush()
        for rid, messages in s.execute(sa.select(m.Record.id, m.Record.messages)).all():
            text = messages[0]["content"]
            start = text.index("ana")
            end = text.index(" today")
            s.add(
                m.PiiFinding(
                    run_id=run.id,
                    dataset_id=1,
                    record_id=rid,
                    location="messages[0].content",
                    start=start,
                    end=end,
                    entity="EMAIL_ADDRESS",
                    text=text[start:end],
                    status="accepted",
                )
            )
        s.execute(sa.update(m.Record).values(redaction="reviewed"))


@pytest.mark.timeout(300)
def test_pii_apply_killed_between_pages_leaves_whole_records(ws: Workspace, tmp_path: Path) -> None:
    reviewed_emails(ws, tmp_path, 23)
    killed(ws, APPLY_DIES_AFTER_A_PAGE)
    with ws.read() as s:
        states = s.execute(
            sa.select(m.Record.redaction, m.Record.redacted_messages.is_not(None))
        ).all()
    assert sorted(set(states)) == [("redacted", True), ("reviewed", False)]  # whole records
    assert sum(1 for state, _ in states if state == "redacted") == 10  # the committed pages
    from curation.pii.apply import apply_redaction

    assert apply_redaction(ws, "d", actor="t").applied == 13  # the rest, once
    with ws.read() as s:
        copies = s.scalars(sa.select(m.Record.redacted_messages)).all()
    assert len(copies) == 23 and all("@example.com" not in json.dumps(c) for c in copies)


# --------------------------------------------------------------------------- file-mode export

FILE_EXPORT_DIES_AFTER_ONE_RENAME = """
real = os.replace
def replace_then_die(src, dst, *args, **kwargs):
    real(src, dst, *args, **kwargs)
    if str(src).endswith(".part"):
        die()
os.replace = replace_then_die
from curation.cli import main
main()
"""


@pytest.mark.timeout(300)
def test_a_file_export_killed_mid_renames_is_taken_back_by_the_next(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(chat(i)) for i in range(30)) + "\n")
    out = tmp_path / "out" / "data.jsonl"
    args = ["export", str(source), "-f", "openai-chat", "-o", str(out), "--validation-split", "0.2"]
    first = CliRunner().invoke(cli, [*args, "--seed", "1", "-q"])
    assert first.exit_code == 0, first.output
    before = {p.name: p.read_bytes() for p in out.parent.iterdir()}
    killed(sqlite_ws, FILE_EXPORT_DIES_AFTER_ONE_RENAME, *args, "--seed", "2", "-q")
    train = out.with_name("data.train.jsonl")
    assert train.read_bytes() != before["data.train.jsonl"]  # one file of the new set
    from curation.export.publish import recover_folders

    notes = recover_folders(sqlite_ws, [out.parent])
    assert len(notes) == 1 and notes[0].startswith("a file-to-file export was interrupted")
    assert {p.name: p.read_bytes() for p in out.parent.iterdir()} == before


# --------------------------------------------------------------------------- full disks


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs (needs root; skipped otherwise)."""
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def fill(mount: Path, leave: int = 8 * 1024) -> None:
    st = os.statvfs(mount)
    with (mount / "filler").open("wb") as fh:
        fh.write(b"\0" * max(0, st.f_bavail * st.f_frsize - leave))


def digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.name != "filler"
    }


def test_a_full_disk_under_dedup_and_export_is_one_line_and_keeps_the_previous_files(
    sqlite_ws: Workspace, tmp_path: Path, small_disk: Path
) -> None:
    secret = "CONFIDENTIAL-CONVERSATION"
    small = tmp_path / "small.jsonl"
    big = tmp_path / "big.jsonl"
    for path, n in ((small, 10), (big, 600)):
        lines = [  # distinct conversations: dedup keeps them all
            json.dumps(
                {
                    "messages": [
                        {"role": "user", "content": f"{secret} {i} {sentence(i)} " * 3},
                        {"role": "assistant", "content": sentence(i + 10_000)},
                    ]
                }
            )
            for i in range(n)
        ]
        path.write_text("\n".join(lines) + "\n")
    runner = CliRunner()
    for command in (
        ["dedup", "{src}", "-o", f"{small_disk}/kept.jsonl", "-e", "static", "-q"],
        ["export", "{src}", "-f", "openai-chat", "-o", f"{small_disk}/data.jsonl", "-q"],
    ):
        first = runner.invoke(cli, [a.format(src=small) for a in command])
        assert first.exit_code == 0, first.output
        before = digests(small_disk)
        fill(small_disk)
        result = runner.invoke(cli, [a.format(src=big) for a in command])
        (small_disk / "filler").unlink()
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert result.exit_code == 1 and len(lines) == 1, result.output
        assert "no space left" in lines[0].lower(), lines[0]
        assert secret not in result.output and "Traceback" not in result.output
        assert digests(small_disk) == before  # the previous files, no temporary file
