"""PII in record fields other than messages: grader fields (``extra``) and ``metadata`` are
scanned, propagated to, redacted on apply, and exported redacted; the 0006 upgrade; file mode."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from curation.export import ExportSpec, export_dataset
from curation.ingest.importer import import_file
from curation.pii.apply import apply_redaction
from curation.pii.files import RedactFileOptions, redact_file
from curation.pii.gate import redaction_state
from curation.pii.record_view import record_review
from curation.pii.review import decide
from curation.pii.scan import ScanOptions, scan_dataset
from curation.store import Workspace
from curation.store import models as m
from curation.store.migrate import current_revision, downgrade, head_revision, upgrade
from tests.helpers.common import write_jsonl

NAME, EMAIL = "Maria Gonzalez", "maria.gonzalez@example.com"
RFT = {
    "messages": [
        {"role": "system", "content": "You are a support agent."},
        {"role": "user", "content": "My order 4412 never arrived. What now?"},
    ],
    "reference_answer": f"Apologise to {NAME} and send the tracking link to {EMAIL}.",
    "metadata": {"customer": NAME},
}
PROPAGATED = {
    "messages": [
        {"role": "user", "content": f"Hi, I am {NAME} and my parcel is late."},
    ],
    "reference_answer": "Thanks Maria, the parcel ships today.",
}


def load(ws: Workspace, tmp_path: Path, objects: list[dict[str, Any]], name: str) -> None:
    path = write_jsonl(tmp_path / f"{name}.jsonl", [json.dumps(o) for o in objects])
    assert import_file(ws, path, name).rejected == 0


def findings_of(ws: Workspace) -> list[m.PiiFinding]:
    with ws.read() as s:
        return list(s.scalars(sa.select(m.PiiFinding).order_by(m.PiiFinding.id)))


def accept_all(ws: Workspace) -> None:
    with ws.tx() as s:
        ids = list(s.scalars(sa.select(m.PiiFinding.id)))
        decide(s, ids, "accepted", actor="lead")


def test_grader_fields_and_metadata_are_scanned_redacted_and_exported_redacted(
    ws: Workspace, tmp_path: Path
) -> None:
    load(ws, tmp_path, [RFT], "rft")
    scan_dataset(ws, "rft", actor="lead", options=ScanOptions(workers=1))
    where = {(f.location, f.entity, f.text) for f in findings_of(ws)}
    assert ("extra.reference_answer", "PERSON", NAME) in where
    assert ("extra.reference_answer", "EMAIL_ADDRESS", EMAIL) in where
    assert ("metadata.customer", "PERSON", NAME) in where
    with ws.read() as s:
        review = record_review(s, s.scalar(sa.select(m.Record.id)) or 0)
    assert "extra.reference_answer" in {seg.location for seg in review.segments()}
    assert "extra.reference_answer" in review.marks()  # highlighted on the record view

    accept_all(ws)
    apply_redaction(ws, "rft", actor="lead")
    with ws.read() as s:
        record = s.scalars(sa.select(m.Record)).one()
        assert record.redaction == "redacted"
        assert record.redacted_extra is not None and record.redacted_metadata is not None
        stored = json.dumps([record.redacted_extra, record.redacted_metadata])
        assert NAME not in stored and EMAIL not in stored
        assert record.extra["reference_answer"] == RFT["reference_answer"]  # original kept

    out = tmp_path / "rft_out.jsonl"
    result = export_dataset(ws, ExportSpec("openai-rft", dataset="rft"), out, actor="lead")
    assert result.written == 1
    text = out.read_text(encoding="utf-8")
    assert NAME not in text and EMAIL not in text and "Maria" not in text
    assert "reference_answer" in json.loads(text)


def test_a_name_confirmed_in_a_message_is_redacted_alone_in_extra(
    ws: Workspace, tmp_path: Path
) -> None:
    load(ws, tmp_path, [PROPAGATED], "prop")
    scan_dataset(ws, "prop", actor="lead", options=ScanOptions(workers=1))
    found = findings_of(ws)
    in_message = [f for f in found if f.location.startswith("messages") and f.text == NAME]
    assert in_message
    assert any(f.location == "extra.reference_answer" and f.text == "Maria" for f in found)
    with ws.tx() as s:  # the reviewer accepts the full name in the message only
        decide(s, [in_message[0].id], "accepted", actor="lead")
    assert {f.status for f in findings_of(ws)} == {"accepted"}
    apply_redaction(ws, "prop", actor="lead")
    with ws.read() as s:
        record = s.scalars(sa.select(m.Record)).one()
        assert record.redacted_extra is not None
        answer = record.redacted_extra["reference_answer"]
    assert "Maria" not in answer and answer.endswith("the parcel ships today.")


def test_metadata_written_by_rft_pairs_is_the_redacted_copy(ws: Workspace, tmp_path: Path) -> None:
    pair = {
        "messages": [{"role": "user", "content": "Is my refund done?"}],
        "preferred_completion": "Yes, it was sent today.",
        "rejected_completion": "No idea.",
        "metadata": {"quality_delta": [0.9, 0.1], "criteria": [f"polite to {NAME}"]},
    }
    load(ws, tmp_path, [pair], "pairs")
    scan_dataset(ws, "pairs", actor="lead", options=ScanOptions(workers=1))
    assert any(f.location.startswith("metadata.criteria") for f in findings_of(ws))
    accept_all(ws)
    apply_redaction(ws, "pairs", actor="lead")
    out = tmp_path / "pairs_out.jsonl"
    export_dataset(ws, ExportSpec("rft-pairs", dataset="pairs"), out, actor="lead")
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["metadata"]["quality_delta"] == [0.9, 0.1]
    assert NAME not in json.dumps(row) and row["metadata"]["criteria"][0].startswith("polite to ")


def _insert(ws: Workspace, redaction: str, extra: Any, meta: Any, n: int) -> int:
    """A record as a revision-0005 workspace holds it (no redacted extra or metadata)."""
    msgs = [{"role": "user", "content": f"Question {n}?"}]
    with ws.tx() as s:
        dataset_id = s.scalar(sa.select(m.Dataset.id))
        if dataset_id is None:
            s.add(m.Dataset(name="old"))
            s.flush()
            dataset_id = s.scalar(sa.select(m.Dataset.id))
        record = sa.table(
            "records",
            *(
                sa.column(c, t)
                for c, t in (
                    ("dataset_id", sa.Integer()),
                    ("content_hash", sa.String()),
                    ("messages", sa.JSON()),
                    ("metadata", sa.JSON()),
                    ("extra", sa.JSON()),
                    ("rankings", sa.JSON()),
                    ("role_counts", sa.JSON()),
                    ("redaction", sa.String()),
                    ("redacted_messages", sa.JSON()),
                    ("status", sa.String()),
                    ("line", sa.Integer()),
                    ("source_format", sa.String()),
                    ("n_messages", sa.Integer()),
                    ("n_user_turns", sa.Integer()),
                    ("n_tokens", sa.Integer()),
                    ("n_completions", sa.Integer()),
                    ("created_at", sa.DateTime()),
                )
            ),
        )
        s.execute(
            sa.insert(record).values(
                dataset_id=dataset_id,
                content_hash=f"h{n}",
                messages=msgs,
                metadata=meta,
                extra=extra,
                rankings=[],
                role_counts={},
                redaction=redaction,
                redacted_messages=msgs if redaction == "redacted" else sa.null(),
                status="active",
                line=n,
                source_format="openai-chat",
                n_messages=1,
                n_user_turns=1,
                n_tokens=0,
                n_completions=0,
                created_at=m.utcnow(),
            )
        )
        return int(s.scalar(sa.select(sa.func.max(m.Record.id))) or 0)


def test_upgrade_to_0006_sends_records_with_unscanned_fields_back_to_scanning(
    ws: Workspace,
) -> None:
    downgrade(ws, "0005")
    assert current_revision(ws) == "0005"
    graded = _insert(ws, "clean", {"reference_answer": f"Ask {NAME}"}, {}, 1)
    meta = _insert(ws, "redacted", {}, {"customer": NAME}, 2)
    plain = _insert(ws, "redacted", {}, {}, 3)
    flags = _insert(ws, "redacted", {"parallel_tool_calls": False}, {}, 4)
    untouched = _insert(ws, "clean", {}, {"quality_delta": [1, 0]}, 5)
    upgrade(ws)
    assert current_revision(ws) == head_revision()
    with ws.read() as s:
        rows = {
            r.id: (state, r.redacted_messages, r.redacted_extra)
            for r, state in s.execute(sa.select(m.Record, redaction_state()))
        }
    assert rows[graded][0] == "none" and rows[meta][0] == "none"
    assert rows[meta][1] is None  # the stale redacted copy is dropped
    assert rows[plain][0] == "redacted" and rows[plain][2] == {}
    assert rows[flags][0] == "redacted" and rows[flags][2] == {"parallel_tool_calls": False}
    assert rows[untouched][0] == "clean"


def test_file_mode_redacts_fields_outside_the_conversation_and_keeps_structure(
    tmp_path: Path,
) -> None:
    line = {
        "messages": [
            {"role": "user", "content": "Where is my parcel?"},
            {"role": "assistant", "content": "It ships today."},
        ],
        "customer_note": f"Called by {NAME}, reply to {EMAIL}",
        "metadata": {"id": "t-1", "contact": EMAIL},
    }
    src = write_jsonl(tmp_path / "in.jsonl", [json.dumps(line)])
    out = tmp_path / "out.jsonl"
    result = redact_file(src, out, RedactFileOptions(workers=1))
    assert result.items == 1 and result.redacted_items == 1
    after = json.loads(out.read_text(encoding="utf-8"))
    assert list(after) == list(line) and list(after["metadata"]) == ["id", "contact"]
    assert after["messages"] == line["messages"] and after["metadata"]["id"] == "t-1"
    text = json.dumps(after)
    assert NAME not in text and EMAIL not in text
