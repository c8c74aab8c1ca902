"""The PII stage over a workspace: scan, review, apply, states, audit log, rules, secrets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from curation.demo import sample_data_dir
from curation.errors import ConflictError, InputError
from curation.ingest.importer import import_file
from curation.pii.apply import apply_redaction, preview_record
from curation.pii.gate import blocked_record_ids, gate_reason
from curation.pii.operators import OperatorSpec
from curation.pii.record_view import record_review
from curation.pii.review import decide
from curation.pii.rules import (
    add_rule,
    import_rules,
    list_rules,
    load_rules_file,
    set_terms,
    workspace_config,
)
from curation.pii.scan import scan_dataset
from curation.pii.settings import workspace_secrets
from curation.pii.status import pii_status, trainable_messages
from curation.store import Workspace
from curation.store import models as m
from tests.helpers.common import write_jsonl

TOOL_ARGS = '{"email": "maria.gonzalez@example.com", "amount": 199.0}'
RECORDS = [
    {
        "messages": [
            {
                "role": "user",
                "content": "Hi, my name is Maria Gonzalez, email maria.gonzalez@example.com",
            },
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": "c1",
                        "type": "function",
                        "function": {"name": "refund", "arguments": TOOL_ARGS},
                    }
                ],
            },
            {"role": "tool", "tool_call_id": "c1", "content": '{"owner": "Maria Gonzalez"}'},
            {"role": "assistant", "content": "Done, Maria. The refund takes 5 business days."},
        ],
        "metadata": {"id": "r1"},
    },
    {
        "messages": [
            {
                "role": "user",
                "content": "Our Kubernetes 1.29 cluster restarts every 24 hours on port 8080.",
            },
            {"role": "assistant", "content": "Set the Port field to 8080 and retry."},
        ]
    },
    {
        "messages": [
            {"role": "user", "content": "Call me on (555) 555-0143 about ticket NW-4821-TK."},
            {"role": "assistant", "content": "Will do."},
        ]
    },
]


@pytest.fixture
def loaded(ws: Workspace, tmp_path: Path) -> Workspace:
    path = write_jsonl(tmp_path / "chats.jsonl", [json.dumps(r) for r in RECORDS])
    import_file(ws, path, "chats")
    return ws


def states(ws: Workspace) -> dict[int, str]:
    with ws.read() as s:
        return {
            rid: st
            for rid, st in s.execute(
                sa.select(m.Record.id, m.Record.redaction).order_by(m.Record.id)
            )
        }


def findings(ws: Workspace) -> list[m.PiiFinding]:
    with ws.read() as s:
        return list(s.scalars(sa.select(m.PiiFinding).order_by(m.PiiFinding.id)))


def record_ids(ws: Workspace) -> list[int]:
    return sorted(states(ws))


def test_scan_sets_states_and_logs(loaded: Workspace) -> None:
    assert set(states(loaded).values()) == {"none"}
    result = scan_dataset(loaded, "chats", actor="lead")
    r1, r2, r3 = record_ids(loaded)
    assert states(loaded) == {r1: "pending", r2: "clean", r3: "pending"}
    texts = {(f.record_id, f.location, f.text) for f in findings(loaded)}
    assert (
        r1,
        "messages[1].tool_calls[0].function.arguments",
        "maria.gonzalez@example.com",
    ) in texts
    assert (r1, "messages[2].content", "Maria Gonzalez") in texts
    assert (r1, "messages[3].content", "Maria") in texts
    assert (r3, "messages[0].content", "(555) 555-0143") in texts
    assert result.records == 3 and result.findings == len(texts)
    with loaded.read() as s:
        event = s.scalar(sa.select(m.AuditEvent).where(m.AuditEvent.action == "pii.scan"))
        run = s.get(m.PiiRun, result.run_id)
    assert event is not None and event.actor == "lead" and event.details["run_id"] == result.run_id
    assert run is not None and run.status == "done" and run.n_findings == result.findings


def test_accepting_a_finding_accepts_its_value_and_name_parts_in_the_record(
    loaded: Workspace,
) -> None:
    scan_dataset(loaded, "chats", actor="lead")
    full = next(f for f in findings(loaded) if f.text == "Maria Gonzalez")
    with loaded.tx() as s:
        result = decide(s, [full.id], "accepted", actor="lead")
    decided = {
        (f.text, f.status, f.decided_by) for f in findings(loaded) if f.record_id == full.record_id
    }
    assert ("Maria Gonzalez", "accepted", "lead") in decided
    assert ("Maria", "accepted", "lead") in decided
    assert ("maria.gonzalez@example.com", "pending", None) in decided
    assert result.findings >= 3
    assert states(loaded)[full.record_id] == "pending"


def test_full_cycle_redacts_with_pseudonyms_and_keeps_states_exact(loaded: Workspace) -> None:
    scan_dataset(loaded, "chats", actor="lead")
    r1, r2, r3 = record_ids(loaded)
    ids = [f.id for f in findings(loaded) if f.record_id == r1]
    with loaded.tx() as s:
        decide(s, ids, "accepted", actor="lead")
    assert states(loaded)[r1] == "reviewed"
    result = apply_redaction(loaded, "chats", actor="lead", operator=OperatorSpec("pseudonym"))
    assert result.applied == 1 and result.skipped_pending == 1
    assert states(loaded) == {r1: "redacted", r2: "clean", r3: "pending"}
    with loaded.read() as s:
        rec = s.get(m.Record, r1)
        assert rec is not None and rec.redacted_messages is not None
        original, redacted = rec.messages, rec.redacted_messages
    assert original[0]["content"].startswith("Hi, my name is Maria Gonzalez")  # originals kept
    dump = json.dumps(redacted)
    assert "Maria" not in dump and "maria.gonzalez" not in dump
    assert [m_["role"] for m_ in redacted] == [m_["role"] for m_ in original]
    assert [sorted(m_) for m_ in redacted] == [sorted(m_) for m_ in original]
    args = json.loads(redacted[1]["tool_calls"][0]["function"]["arguments"])
    assert args["amount"] == 199.0 and args["email"].startswith("<EMAIL_ADDRESS_")
    person = json.loads(redacted[2]["content"])["owner"]
    assert redacted[3]["content"] == f"Done, {person}. The refund takes 5 business days."
    # a new decision after apply makes the applied copy stale
    email = next(f for f in findings(loaded) if f.record_id == r1 and f.entity == "EMAIL_ADDRESS")
    with loaded.tx() as s:
        decide(s, [email.id], "rejected", actor="lead2")
    assert states(loaded)[r1] == "reviewed"
    with loaded.read() as s:
        rec = s.get(m.Record, r1)
        assert rec is not None and rec.redacted_messages is None
    with loaded.tx() as s:
        decide(s, [email.id], "accepted", actor="lead2")
    apply_redaction(loaded, "chats", actor="lead", operator=OperatorSpec("pseudonym"))
    assert states(loaded)[r1] == "redacted"
    # a re-scan with nothing new keeps the record redacted and every decision
    scan_dataset(loaded, "chats", actor="lead")
    assert states(loaded)[r1] == "redacted"
    assert {f.status for f in findings(loaded) if f.record_id == r1} == {"accepted"}


def test_rejecting_everything_makes_a_record_clean(loaded: Workspace) -> None:
    scan_dataset(loaded, "chats", actor="lead")
    r3 = record_ids(loaded)[2]
    ids = [f.id for f in findings(loaded) if f.record_id == r3]
    with loaded.tx() as s:
        decide(s, ids, "rejected", actor="lead")
    assert states(loaded)[r3] == "clean"
    with loaded.tx() as s:
        decide(s, ids, "pending", actor="lead")
    assert states(loaded)[r3] == "pending"


def test_per_value_decisions_apply_across_the_dataset_and_can_be_remembered(
    loaded: Workspace, tmp_path: Path
) -> None:
    more = write_jsonl(
        tmp_path / "more.jsonl",
        [
            json.dumps(
                {
                    "messages": [
                        {"role": "user", "content": "Call (555) 555-0143 again"},
                        {"role": "assistant", "content": "ok"},
                    ]
                }
            )
        ],
    )
    import_file(loaded, more, "chats")
    scan_dataset(loaded, "chats", actor="lead")
    phone = [f for f in findings(loaded) if f.text == "(555) 555-0143"]
    assert len({f.record_id for f in phone}) == 2
    with loaded.tx() as s:
        decide(s, [phone[0].id], "rejected", actor="lead", scope="value", remember=True)
    assert {f.status for f in findings(loaded) if f.text == "(555) 555-0143"} == {"rejected"}
    with loaded.read() as s:
        rules = [(r.kind, r.entity, r.value) for r in list_rules(s)]
        event = s.scalar(sa.select(m.AuditEvent).where(m.AuditEvent.action == "pii.decide"))
    assert ("allow", "PHONE_NUMBER", "(555) 555-0143") in rules
    assert event is not None and event.details["scope"] == "value"
    assert "(555) 555-0143" not in json.dumps(event.details)  # fingerprints only
    scan_dataset(loaded, "chats", actor="lead")
    assert not [f for f in findings(loaded) if f.text == "(555) 555-0143"]


def test_a_pattern_rule_finds_ticket_ids_on_the_next_scan(loaded: Workspace) -> None:
    with loaded.tx() as s:
        add_rule(s, "pattern", r"\bNW-\d{4}-TK\b", actor="lead", entity="ticket_id", name="ticket")
        with pytest.raises(ConflictError):
            add_rule(s, "pattern", r"\bNW-\d{4}-TK\b", actor="lead", entity="TICKET_ID")
        with pytest.raises(InputError, match="not a valid regular expression"):
            add_rule(s, "pattern", r"NW-(\d", actor="lead", entity="TICKET_ID")
    scan_dataset(loaded, "chats", actor="lead")
    assert ("TICKET_ID", "NW-4821-TK") in {(f.entity, f.text) for f in findings(loaded)}


def test_deny_list_values_are_accepted_automatically(loaded: Workspace) -> None:
    with loaded.tx() as s:
        set_terms(s, "deny", "PROJECT", ["Kubernetes 1.29"], actor="lead")
    scan_dataset(loaded, "chats", actor="lead")
    hit = next(f for f in findings(loaded) if f.entity == "PROJECT")
    assert (hit.text, hit.status, hit.decided_by) == ("Kubernetes 1.29", "accepted", "lead")
    with loaded.read() as s:
        added = s.scalar(sa.select(m.AuditEvent).where(m.AuditEvent.action == "pii.rule.add"))
    assert added is not None and "Kubernetes" not in json.dumps(added.details)


def test_drop_excludes_the_record_and_still_stores_a_redacted_copy(loaded: Workspace) -> None:
    scan_dataset(loaded, "chats", actor="lead")
    r1 = record_ids(loaded)[0]
    with loaded.tx() as s:
        decide(s, [f.id for f in findings(loaded) if f.record_id == r1], "accepted", actor="lead")
    result = apply_redaction(loaded, "chats", actor="lead", operator=OperatorSpec("drop"))
    assert result.dropped == 1
    with loaded.read() as s:
        rec = s.get(m.Record, r1)
        assert rec is not None
        assert rec.status == "excluded"
        assert rec.status_reason == "pii: dropped (EMAIL_ADDRESS, PERSON)"
        assert rec.redacted_messages is not None and "Maria" not in json.dumps(
            rec.redacted_messages
        )
    apply_redaction(
        loaded, "chats", actor="lead", operator=OperatorSpec("placeholder"), reapply=True
    )
    with loaded.read() as s:
        rec = s.get(m.Record, r1)
        assert rec is not None and rec.status == "active" and rec.status_reason == ""


def test_secrets_are_generated_once_and_never_logged(loaded: Workspace) -> None:
    with loaded.tx() as s:
        first = workspace_secrets(s)
    with loaded.tx() as s:
        again = workspace_secrets(s)
    assert first == again and len(first.hmac_key) == 32 and len(first.salt) == 16
    assert first.hmac_key.hex() not in repr(first)
    scan_dataset(loaded, "chats", actor="lead")
    with loaded.tx() as s:
        decide(s, [f.id for f in findings(loaded)], "accepted", actor="lead")
    apply_redaction(loaded, "chats", actor="lead", operator=OperatorSpec("hash"))
    with loaded.read() as s:
        log = json.dumps([e.details for e in s.scalars(sa.select(m.AuditEvent))])
    assert first.hmac_key.hex() not in log and first.salt.hex() not in log


def test_status_gate_and_trainable_messages(loaded: Workspace) -> None:
    scan_dataset(loaded, "chats", actor="lead")
    r1, r2, r3 = record_ids(loaded)
    with loaded.read() as s:
        status = pii_status(s, "chats")
        ds_id = s.scalar(sa.select(m.Dataset.id))
        assert ds_id is not None
        blocked = blocked_record_ids(s, ds_id)
        clean = s.get(m.Record, r2)
        pending = s.get(m.Record, r3)
        assert clean is not None and pending is not None
        msgs, _ = trainable_messages(clean)
        assert msgs == clean.messages
        with pytest.raises(ConflictError, match="review and apply"):
            trainable_messages(pending)
        assert trainable_messages(pending, override=True)[0] == pending.messages
    assert blocked == [r1, r3]
    assert status.export_passes == 1 and status.export_blocked == 2


def test_rules_file_import(loaded: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(
        "allow: [Northwind Cloud, NKS]\n"
        "deny: {EMPLOYEE_ID: [E-77812]}\n"
        "patterns:\n  - {name: ticket, entity: TICKET_ID, regex: '\\bNW-\\d{4}-TK\\b', score: 0.95}\n",
        encoding="utf-8",
    )
    with loaded.tx() as s:
        assert import_rules(s, path, actor="lead") == 4
        assert import_rules(s, path, actor="lead") == 0
        config = workspace_config(s)
    assert ("", "NKS") in config.allow and config.patterns[0].entity == "TICKET_ID"
    bad = tmp_path / "bad.json"
    bad.write_text('{"allow": [], "oops": 1}')
    with pytest.raises(InputError, match="unknown keys"):
        load_rules_file(bad)


def test_preview_counts_pending_as_accepted(loaded: Workspace) -> None:
    scan_dataset(loaded, "chats", actor="lead")
    r3 = record_ids(loaded)[2]
    with loaded.read() as s:
        msgs = preview_record(s, r3, OperatorSpec("placeholder")).messages
        review = record_review(s, r3)
    assert msgs[0]["content"] == "Call me on <PHONE_NUMBER> about ticket NW-4821-TK."
    assert "messages[0].content" in review.marks()


def test_demo_support_dataset_finds_planted_pii_and_spares_hard_negatives(
    sqlite_ws: Workspace,
) -> None:
    """The demo's planted values (sample_data/planted.json) in the 'support' dataset."""
    from curation.demo import DEMO_DATASETS

    folder = sample_data_dir()
    for name, dataset in DEMO_DATASETS.items():
        if dataset == "support":
            import_file(sqlite_ws, folder / name, "support", display_name=name)
    with sqlite_ws.tx() as s:
        add_rule(
            s, "pattern", r"\bNW-(?:\d{4}-TK|ORD-\d{6})\b", actor="lead", entity="REFERENCE_ID"
        )
    scan_dataset(sqlite_ws, "support", actor="lead")
    planted = json.loads((folder / "planted.json").read_text(encoding="utf-8"))
    with sqlite_ws.read() as s:
        by_line: dict[tuple[str, int], list[tuple[str, str]]] = {}
        for run_path, line, entity, text in s.execute(
            sa.select(m.ImportRun.path, m.Record.line, m.PiiFinding.entity, m.PiiFinding.text)
            .join(m.Record, m.Record.id == m.PiiFinding.record_id)
            .join(m.ImportRun, m.ImportRun.id == m.Record.import_id)
        ):
            by_line.setdefault((run_path, line), []).append((entity, text))
        lines = {
            (p, ln)
            for p, ln in s.execute(
                sa.select(m.ImportRun.path, m.Record.line).join(
                    m.ImportRun, m.ImportRun.id == m.Record.import_id
                )
            )
        }
    checked = 0
    for item in planted["pii"]:
        key = (item["file"], item["line"])
        if key not in lines:
            continue  # not in the support dataset, or skipped as an exact duplicate
        texts = [t for _, t in by_line.get(key, [])]
        for entity, vals in item["entities"].items():
            for value in vals:
                checked += 1
                assert any(value in t for t in texts), (key, entity, value)
    assert checked >= 60
    for item in planted["hard_negatives"]:
        key = (item["file"], item["line"])
        for value in item["values"]:
            hits = [
                (e, t) for e, t in by_line.get(key, []) if value in t or (len(t) > 3 and t in value)
            ]
            assert not hits, (key, value, hits)


def test_gate_reason_follows_the_record_through_scan_review_and_apply(loaded: Workspace) -> None:
    """What export asks of each record: not scanned, unreviewed, reviewed but not applied
    (still refused), applied; a lead's override lets any of them through."""
    r1 = record_ids(loaded)[0]

    def reason(**kw: bool) -> str:
        with loaded.read() as s:
            record = s.get(m.Record, r1)
            assert record is not None
            return gate_reason(record.redaction, **kw)

    assert reason() == "pii_not_scanned" and reason(override=True) == ""
    scan_dataset(loaded, "chats", actor="lead")
    assert reason() == "pii_unreviewed"
    with loaded.tx() as s:
        ids = [f.id for f in s.scalars(sa.select(m.PiiFinding).where(m.PiiFinding.record_id == r1))]
        decide(s, ids, "accepted", actor="lead")
    assert reason() == "pii_unreviewed"  # decided, not applied yet: the original would go out
    apply_redaction(loaded, "chats", actor="lead")
    assert reason() == ""
    with loaded.read() as s:
        ds_id = s.scalar(sa.select(m.Dataset.id))
        assert ds_id is not None and r1 not in blocked_record_ids(s, ds_id)
