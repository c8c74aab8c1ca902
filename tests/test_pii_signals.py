"""A reviewer can see which signal produced each finding: in words on the PII page's record
view and in `curation pii findings`, beside the stored source tag."""

from __future__ import annotations

import json
from pathlib import Path

from curation.pii.results import describe_source
from tests.helpers.cli import run
from tests.helpers.common import write_jsonl


def test_every_signal_reads_as_words() -> None:
    assert "cue" in describe_source("name:cue-table")
    assert "sign-off" in describe_source("name:signoff")
    assert "military" in describe_source("address:military")
    assert "numbering plan" in describe_source("phone:valid")
    assert describe_source("presidio:Email") == "Presidio's Email recogniser"
    assert describe_source("spacy+corroborated").endswith("corroborated by another signal")
    assert "deny list" in describe_source("deny:NW-1")
    assert describe_source("something:new") == "something:new"  # unknown: the tag itself


def test_pii_findings_names_the_signal(tmp_path: Path) -> None:
    wsdir = tmp_path / "ws"
    line = {
        "messages": [
            {
                "role": "user",
                "content": "Hi, my name is Aleksandra Wiśniewska, call +44 7700 900123",
            },
            {"role": "assistant", "content": "Thanks Aleksandra, noted."},
        ]
    }
    assert (
        run(
            "import", write_jsonl(tmp_path / "a.jsonl", [json.dumps(line)]), "-d", "d", "-w", wsdir
        )[0]
        == 0
    )
    assert run("redact", "-d", "d", "-w", wsdir)[0] == 2  # findings wait for review
    code, out, _ = run("pii", "findings", "-d", "d", "--json", "-w", wsdir)
    rows = json.loads(out)
    assert code == 0 and rows
    assert all(r["signal"] == describe_source(r["source"]) for r in rows)
    code, out, _ = run("pii", "findings", "-d", "d", "-w", wsdir)
    assert code == 0 and out.count("found by: ") == len(rows)
    phone = next(r for r in rows if r["entity"] == "PHONE_NUMBER")
    assert f"found by: {phone['signal']}" in out
