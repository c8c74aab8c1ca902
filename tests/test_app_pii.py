"""The PII page through AppTest: scan, review from highlighted text, rules, apply, audit."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa

from curation.auth import Account
from curation.ingest.importer import import_file
from curation.pii.coverage import NOT_COVERED
from curation.pii.gate import STATES
from curation.pii.status import StateCounts
from curation.store import Workspace
from curation.store import models as m
from curation.ui import keys
from curation.ui.nav import allowed
from tests.helpers.apptest import logged_in, open_page, texts
from tests.helpers.common import write_jsonl

PAYLOAD = "<script>alert(1)</script> **bold** :red[x] $x$ [link](http://evil.example)"
RECORDS = [
    {
        "messages": [
            {"role": "user", "content": f"Hi, I'm Maria Gonzalez. {PAYLOAD} Call (555) 555-0143."},
            {"role": "assistant", "content": "Thanks Maria, the Port setting is 8080."},
        ]
    },
    {
        "messages": [
            {
                "role": "user",
                "content": "Ticket NW-4821-TK: Kubernetes 1.29 restarts every 24 hours.",
            },
            {"role": "assistant", "content": "Retry after HTTP 503 clears."},
        ]
    },
]


def load(ws: Workspace, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "chats.jsonl", [json.dumps(r) for r in RECORDS])
    import_file(ws, path, "chats")


def record_states(ws: Workspace) -> list[str]:
    with ws.read() as s:
        return list(s.scalars(sa.select(m.Record.redaction).order_by(m.Record.id)))


def test_lead_scans_reviews_and_applies(app_ws: Workspace, tmp_path: Path) -> None:
    load(app_ws, tmp_path)
    at = open_page(logged_in("lead"), "pii.py")
    assert "PII" in [t.value for t in at.title]
    metrics = {mt.label: mt.value for mt in at.metric}
    assert metrics["Records"] == "2" and metrics["Not scanned"] == "2"
    assert "export refuses them" in texts(at)
    assert NOT_COVERED in texts(at)

    at.button(key=keys.PII_SCAN).click().run()
    assert not at.exception, at.exception
    assert "Scanned 2 records of chats" in texts(at)
    assert record_states(app_ws) == ["pending", "clean"]
    values = next(df.value for df in at.dataframe if "value" in df.value.columns)
    assert {"Maria Gonzalez", "Maria", "(555) 555-0143"} <= set(values["value"])
    assert "Kubernetes" not in set(values["value"])

    # the record view highlights findings in escaped text: the payload renders inert
    with app_ws.read() as s:
        rid = min(s.scalars(sa.select(m.Record.id)))
    at.number_input(key=keys.PII_RECORD).set_value(rid).run()
    assert not at.exception, at.exception
    marked = [md for md in at.markdown if "background[" in md.value]
    assert marked, "no highlighted text"
    body = "\n".join(md.value for md in marked)
    assert ":orange-background[Maria Gonzalez" in body
    assert "\\<script\\>" in body and "<script>" not in body
    assert "\\*\\*bold\\*\\*" in body and "\\:red\\[x\\]" in body and "\\$x\\$" in body
    assert all(not md.proto.allow_html for md in at.markdown)
    findings = next(df.value for df in at.dataframe if "signal" in df.value.columns)
    assert all(findings["signal"]) and "Maria Gonzalez" in set(findings["text"])

    at.button(key=keys.PII_ACCEPT_RECORD).click().run()
    assert not at.exception, at.exception
    assert "Accepted" in texts(at)
    assert record_states(app_ws) == ["reviewed", "clean"]

    at.toggle(key=keys.PII_PREVIEW).set_value(True).run()
    assert not at.exception, at.exception
    assert any("<PERSON>" in md.value for md in at.markdown)

    at.selectbox(key=keys.PII_OPERATOR).set_value("pseudonym").run()
    at.button(key=keys.PII_APPLY).click().run()
    assert not at.exception, at.exception
    assert "Applied pseudonym to 1 record " in texts(at)
    assert record_states(app_ws) == ["redacted", "clean"]
    with app_ws.read() as s:
        rec = s.scalar(sa.select(m.Record).where(m.Record.id == rid))
        actions = [
            (e.actor, e.action)
            for e in s.scalars(sa.select(m.AuditEvent).order_by(m.AuditEvent.id))
        ]
    assert rec is not None and "Maria" not in json.dumps(rec.redacted_messages)
    assert ("lead", "pii.scan") in actions and ("lead", "pii.decide") in actions
    assert ("lead", "pii.apply") in actions
    audit = next(df.value for df in at.dataframe if "what" in df.value.columns)
    assert {"pii.scan", "pii.decide", "pii.apply"} <= set(audit["what"])


def test_lead_adds_a_ticket_pattern_and_an_allow_term(app_ws: Workspace, tmp_path: Path) -> None:
    load(app_ws, tmp_path)
    at = open_page(logged_in("lead"), "pii.py")
    at.text_input(key=keys.PII_PATTERN_NAME).input("ticket")
    at.text_input(key=keys.PII_PATTERN_ENTITY).input("TICKET_ID")
    at.text_input(key=keys.PII_PATTERN_REGEX).input(r"\bNW-\d{4}-TK\b")
    at.text_input(key=keys.PII_PATTERN_SAMPLE).input("see NW-4821-TK and NW-12-TK").run()
    assert "'NW-4821-TK'" in texts(at) and "NW-12-TK'" not in texts(at)
    at.button(key=keys.PII_ADD_PATTERN).click().run()
    assert not at.exception, at.exception
    at.text_area(key=keys.PII_ALLOW).input("Northwind Cloud\nNKS")
    at.button(key=keys.PII_SAVE_ALLOW).click().run()
    assert not at.exception, at.exception
    with app_ws.read() as s:
        rules = {(r.kind, r.entity, r.value) for r in s.scalars(sa.select(m.PiiRule))}
    assert ("pattern", "TICKET_ID", r"\bNW-\d{4}-TK\b") in rules
    assert {("allow", "", "Northwind Cloud"), ("allow", "", "NKS")} <= rules
    at.button(key=keys.PII_SCAN).click().run()
    values = next(df.value for df in at.dataframe if "value" in df.value.columns)
    assert "NW-4821-TK" in set(values["value"])


def test_a_bad_pattern_is_an_error_message_not_a_crash(app_ws: Workspace, tmp_path: Path) -> None:
    load(app_ws, tmp_path)
    at = open_page(logged_in("lead"), "pii.py")
    at.text_input(key=keys.PII_PATTERN_ENTITY).input("TICKET_ID")
    at.text_input(key=keys.PII_PATTERN_REGEX).input("NW-(").run()
    at.button(key=keys.PII_ADD_PATTERN).click().run()
    assert not at.exception, at.exception
    assert any("not a valid regular expression" in e.value for e in at.error)


def test_only_leads_get_the_page() -> None:
    lead = Account(name="l", role="lead")
    annotator = Account(name="a", role="annotator")
    assert "views/pii.py" in {p.path for p in allowed(lead)}
    assert "views/pii.py" not in {p.path for p in allowed(annotator)}


def test_findings_filter_by_entity_score_and_text(app_ws: Workspace, tmp_path: Path) -> None:
    load(app_ws, tmp_path)
    at = open_page(logged_in("lead"), "pii.py")
    at.button(key=keys.PII_SCAN).click().run()
    assert not at.exception, at.exception

    def shown() -> set[tuple[str, str]]:
        frame = next(df.value for df in at.dataframe if "value" in df.value.columns)
        return set(zip(frame["entity"], frame["value"], strict=True))

    everything = shown()
    assert ("PHONE_NUMBER", "(555) 555-0143") in everything
    assert ("PERSON", "Maria Gonzalez") in everything

    at.multiselect(key=keys.PII_FILTER_ENTITIES).set_value(["PHONE_NUMBER"]).run()
    assert shown() == {("PHONE_NUMBER", "(555) 555-0143")}

    at.multiselect(key=keys.PII_FILTER_ENTITIES).set_value([]).run()
    at.text_input(key=keys.PII_FILTER_SEARCH).input("Maria").run()
    assert shown() == {(e, v) for e, v in everything if "Maria" in v}

    with app_ws.read() as s:
        scores = sorted({f.score for f in s.scalars(sa.select(m.PiiFinding))})
    at.text_input(key=keys.PII_FILTER_SEARCH).input("").run()
    above = round(scores[-1] + 0.05, 2)
    at.slider(key=keys.PII_FILTER_SCORE).set_value((above, 1.0)).run()
    assert not at.exception, at.exception
    assert not any("value" in df.value.columns for df in at.dataframe)
    assert "No finding matches" in texts(at)
    at.slider(key=keys.PII_FILTER_SCORE).set_value((round(scores[0] - 0.05, 2), above)).run()
    assert shown() == everything


def test_lead_sets_the_public_figure_policy_on_the_page(app_ws: Workspace, tmp_path: Path) -> None:
    from curation.pii.settings import SETTINGS_KEY, load_settings

    load(app_ws, tmp_path)
    at = open_page(logged_in("lead"), "pii.py")
    toggle = at.toggle(key=keys.PII_PUBLIC_FIGURES)
    assert toggle.value is True
    at.run()  # a rerun alone writes nothing
    with app_ws.read() as s:
        assert s.get(m.Setting, SETTINGS_KEY) is None
    toggle.set_value(False).run()
    assert not at.exception, at.exception
    assert "Every name is now redacted" in texts(at)
    with app_ws.read() as s:
        assert load_settings(s).keep_public_figures is False
        events = [e.action for e in s.scalars(sa.select(m.AuditEvent))]
    assert any("settings" in a for a in events)


def test_state_counts_are_typed_and_keep_their_json() -> None:
    counts = StateCounts.of({"pending": 3, "clean": 5})
    assert (counts.none, counts.pending, counts.reviewed, counts.redacted, counts.clean) == (
        0,
        3,
        0,
        0,
        5,
    )
    assert tuple(s for s, _ in counts.items()) == STATES
    assert counts.as_dict() == {"none": 0, "pending": 3, "reviewed": 0, "redacted": 0, "clean": 5}
    assert list(counts.as_dict()) == list(STATES)  # the --json keys, in the states' order
