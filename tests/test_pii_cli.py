"""`curation redact` and `curation pii`: every format keeps its structure, rejected lines pass
through, workspace mode exits 2 while records wait for review."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.helpers.cli import run
from tests.helpers.common import REPO, write_jsonl

SAMPLES = REPO / "curation" / "sample_data"


def shape(value: Any) -> Any:
    """The structure of a JSON value with every string replaced by 'S'."""
    if isinstance(value, dict):
        return [(k, shape(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [shape(v) for v in value]
    return "S" if isinstance(value, str) else value


def arguments_are_json(value: Any) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "arguments" and isinstance(v, str):
                json.loads(v)
            arguments_are_json(v)
    elif isinstance(value, list):
        for v in value:
            arguments_are_json(v)


@pytest.mark.parametrize(
    ("name", "gone"),
    [
        (
            "support_chats.jsonl",
            [
                "Maria Gonzalez",
                "maria.gonzalez@example.com",
                "4111 1111 1111 1111",
                "Thanks, Maria",
            ],
        ),
        (
            "contract_pairs.jsonl",
            ["Hannah Schmidt", "+1 (999) 555-0123", "GB33 BUKB 2020 1555 5555 55"],
        ),
        ("sql_rankings.jsonl", ["Ana.Silva@Example.com"]),
    ],
)
def test_jsonl_keeps_lines_order_and_structure(
    name: str, gone: list[str], tmp_path: Path, wsdir: Path
) -> None:
    out = tmp_path / name
    report = tmp_path / "findings.jsonl"
    code, stdout, _ = run(
        "redact", SAMPLES / name, "-o", out, "--report", report, "-w", wsdir, "-q"
    )
    assert code == 0, stdout
    before = (SAMPLES / name).read_text(encoding="utf-8").splitlines()
    after = out.read_text(encoding="utf-8").splitlines()
    assert len(before) == len(after)
    for a, b in zip(before, after, strict=True):
        assert shape(json.loads(a)) == shape(json.loads(b))
        arguments_are_json(json.loads(b))
    text = out.read_text(encoding="utf-8")
    for value in gone:
        assert value not in text
    assert text.count("Kubernetes") == "\n".join(before).count("Kubernetes")
    rows = [json.loads(line) for line in report.read_text().splitlines()]
    assert rows and {"line", "location", "start", "end", "entity", "text"} <= set(rows[0])


def test_json_array_formats_keep_every_element(tmp_path: Path, wsdir: Path) -> None:
    for name in ("support_sharegpt.json", "faq_alpaca.json"):
        out = tmp_path / name
        code, _, _ = run("redact", SAMPLES / name, "-o", out, "-w", wsdir, "-q")
        assert code == 0
        before, after = json.loads((SAMPLES / name).read_text()), json.loads(out.read_text())
        assert shape(before) == shape(after)
        assert "Grace Liu" not in out.read_text() and "Oliver Bennett" not in out.read_text()


def test_csv_keeps_columns_and_rows(tmp_path: Path, wsdir: Path) -> None:
    out = tmp_path / "prefs.csv"
    code, _, _ = run("redact", SAMPLES / "preferences.csv", "-o", out, "-w", wsdir, "-q")
    assert code == 0
    before = list(csv.reader((SAMPLES / "preferences.csv").open(encoding="utf-8")))
    after = list(csv.reader(out.open(encoding="utf-8")))
    assert before[0] == after[0] and len(before) == len(after)
    assert [len(r) for r in before] == [len(r) for r in after]
    assert "samuel.osei@example.com" not in out.read_text()


def test_parquet_keeps_its_schema(tmp_path: Path, wsdir: Path) -> None:
    src = tmp_path / "qa.parquet"
    table = pa.table(
        {
            "question": ["I'm Maria Gonzalez, call (555) 555-0143", "How do I scale Kubernetes?"],
            "answer": ["Thanks Maria, done.", "Use an HPA."],
            "votes": pa.array([3, 5], pa.int32()),
        }
    )
    pq.write_table(table, src)
    out = tmp_path / "out.parquet"
    code, _, _ = run("redact", src, "-o", out, "-w", wsdir, "-q")
    assert code == 0
    result = pq.read_table(out)
    assert result.schema == table.schema
    rows = result.to_pylist()
    assert rows[0]["question"] == "I'm <PERSON>, call <PHONE_NUMBER>"
    assert rows[0]["answer"] == "Thanks <PERSON>, done."
    assert rows[1] == table.to_pylist()[1]


def test_rejected_lines_are_copied_through_and_reported(tmp_path: Path, wsdir: Path) -> None:
    good = json.dumps(
        {
            "messages": [
                {"role": "user", "content": "I'm Maria Gonzalez"},
                {"role": "assistant", "content": "Hi Maria"},
            ]
        }
    )
    src = write_jsonl(
        tmp_path / "in.jsonl", [good, "{broken Maria Gonzalez", "", '{"messages": "nope"}', good]
    )
    out, report = tmp_path / "out.jsonl", tmp_path / "report.jsonl"
    code, _stdout, stderr = run("redact", src, "-o", out, "--report", report, "-w", wsdir)
    assert code == 2
    lines = out.read_text().splitlines()
    assert (
        lines[1] == "{broken Maria Gonzalez"
        and lines[2] == ""
        and lines[3] == '{"messages": "nope"}'
    )
    assert len(lines) == 5 and "Maria" not in lines[0] + lines[4]
    assert "line 2" in stderr and "line 4" in stderr
    errors = [json.loads(x) for x in report.read_text().splitlines() if '"error"' in x]
    assert [e["line"] for e in errors] == [2, 4]


def test_help_says_rejected_lines_are_copied(wsdir: Path) -> None:
    code, out, _ = run("redact", "--help")
    assert code == 0
    assert "copied through unchanged and reported" in " ".join(out.split())


def test_operators_and_gzip_output(tmp_path: Path, wsdir: Path) -> None:
    line = json.dumps(
        {
            "messages": [
                {"role": "user", "content": "I'm Maria Gonzalez"},
                {"role": "assistant", "content": "Bye Maria"},
            ]
        }
    )
    src = write_jsonl(tmp_path / "in.jsonl", [line, line])
    out = tmp_path / "out.jsonl.gz"
    assert run("redact", src, "-o", out, "--operator", "pseudonym", "-w", wsdir, "-q")[0] == 0
    first, second = gzip.decompress(out.read_bytes()).decode().splitlines()
    assert first == second and "<PERSON_" in first
    again = tmp_path / "again.jsonl"
    assert run("redact", src, "-o", again, "--operator", "pseudonym", "-w", wsdir, "-q")[0] == 0
    assert again.read_text().splitlines()[0] == first  # same workspace key → same pseudonyms
    masked = tmp_path / "masked.jsonl"
    assert (
        run(
            "redact",
            src,
            "-o",
            masked,
            "--operator",
            "mask",
            "--entities",
            "PERSON",
            "-w",
            wsdir,
            "-q",
        )[0]
        == 0
    )
    assert "***** ********" in masked.read_text()
    code, _, err = run("redact", src, "-o", masked, "--operator", "drop", "-w", wsdir)
    assert code == 1 and "keeps every line" in err  # a usage error: nothing done


def test_workspace_mode_and_review_commands(tmp_path: Path, wsdir: Path) -> None:
    line = json.dumps(
        {
            "messages": [
                {"role": "user", "content": "Ticket NW-4821-TK, I'm Maria Gonzalez"},
                {"role": "assistant", "content": "Thanks Maria"},
            ]
        }
    )
    assert run("import", write_jsonl(tmp_path / "a.jsonl", [line]), "-d", "d", "-w", wsdir)[0] == 0
    code, out, _ = run(
        "pii", "rules", "add", "pattern", r"\bNW-\d{4}-TK\b", "--entity", "TICKET_ID", "-w", wsdir
    )
    assert code == 0 and "pattern rule" in out
    code, out, _ = run("redact", "-d", "d", "-w", wsdir)
    assert code == 2 and "blocked" in out
    code, out, _ = run("pii", "findings", "-d", "d", "--json", "-w", wsdir)
    rows = json.loads(out)
    assert {r["text"] for r in rows} >= {"NW-4821-TK", "Maria Gonzalez", "Maria"}
    ticket = next(r["id"] for r in rows if r["entity"] == "TICKET_ID")
    assert run("pii", "reject", str(ticket), "-w", wsdir)[0] == 0
    person = next(r["id"] for r in rows if r["text"] == "Maria Gonzalez")
    code, out, _ = run("pii", "accept", str(person), "-w", wsdir)
    assert code == 0 and "Accepted 2 findings" in out
    code, out, _ = run("redact", "-d", "d", "--operator", "placeholder", "--json", "-w", wsdir)
    assert code == 0
    result = json.loads(out)
    assert result["status"]["states"]["redacted"] == 1 and result["status"]["export_blocked"] == 0
    code, out, _ = run("pii", "status", "-d", "d", "--json", "-w", wsdir)
    assert json.loads(out)["findings"] == {"accepted": 2, "rejected": 1}
    code, out, _ = run("pii", "rules", "list", "--json", "-w", wsdir)
    assert json.loads(out)[0]["entity"] == "TICKET_ID"


def test_usage_errors_are_clean(tmp_path: Path, wsdir: Path) -> None:
    code, _, err = run("redact", "-w", wsdir)
    assert code == 1 and "either SOURCE" in err
    code, _, err = run(
        "redact", tmp_path / "missing.jsonl", "-o", tmp_path / "o.jsonl", "-w", wsdir
    )
    assert code == 1 and "no such file" in err and "Traceback" not in err
    code, _, err = run("pii", "rules", "add", "pattern", "NW-(", "--entity", "TICKET", "-w", wsdir)
    assert code == 1 and "not a valid regular expression" in err


RULES_YAML = """\
allow: [Northwind Cloud]
deny:
  EMPLOYEE_ID: [E-77812]
patterns:
  - name: ticket
    entity: TICKET_ID
    regex: '\\bNW-\\d{4}-TK\\b'
"""


def test_a_lead_proves_from_the_log_what_was_redacted_and_by_whom(
    tmp_path: Path, wsdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's journey from the command line: rules from a config file, scan, a per-value
    decision, pseudonyms applied, and the audit log names who did what, without the values."""
    monkeypatch.setenv("CURATION_USER", "dana")
    line = json.dumps(
        {
            "messages": [
                {"role": "user", "content": "Ticket NW-4821-TK: I'm Maria Gonzalez, agent E-77812"},
                {"role": "assistant", "content": "Thanks Maria, Northwind Cloud is on it."},
            ]
        }
    )
    src = write_jsonl(tmp_path / "a.jsonl", [line])
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES_YAML)
    assert run("import", src, "-d", "d", "-w", wsdir)[0] == 0
    code, out, _ = run("pii", "rules", "import", rules, "-w", wsdir)
    assert code == 0 and "Added 3 rules" in out
    code, out, _ = run("redact", "-d", "d", "--scan-only", "-w", wsdir)
    assert code == 2 and "blocked" in out
    code, out, _ = run("pii", "findings", "-d", "d", "--by-value", "--json", "-w", wsdir)
    by_value = {(r["entity"], r["value"]): r for r in json.loads(out)}
    assert ("TICKET_ID", "NW-4821-TK") in by_value
    assert by_value[("EMPLOYEE_ID", "E-77812")]["accepted"] == 1  # deny-list: accepted at scan
    assert not any("Northwind" in value for _, value in by_value)
    for entity, value in (("PERSON", "Maria Gonzalez"), ("TICKET_ID", "NW-4821-TK")):
        fid = str(by_value[(entity, value)]["finding_id"])
        assert run("pii", "accept", fid, "--value", "-w", wsdir)[0] == 0
    code, out, _ = run("redact", "-d", "d", "--operator", "pseudonym", "--json", "-w", wsdir)
    assert code == 0, out
    assert json.loads(out)["status"]["export_blocked"] == 0

    code, out, _ = run("pii", "log", "-d", "d", "-w", wsdir)
    assert code == 0
    assert "Maria" not in out and "NW-4821" not in out and "E-77812" not in out
    code, out, _ = run("pii", "log", "-d", "d", "--json", "-w", wsdir)
    events = json.loads(out)
    assert {e["actor"] for e in events} == {"dana"}
    actions = [e["action"] for e in reversed(events)]
    assert actions[:3] == ["pii.rule.add"] * 3
    # the second `redact` scans what is new (nothing) before applying
    assert actions[3:] == ["pii.scan", "pii.decide", "pii.decide", "pii.scan", "pii.apply"]
    applied = events[0]["details"]
    assert applied["operator"]["name"] == "pseudonym" and applied["skipped_pending"] == 0
    assert applied["by_entity"] == {"EMPLOYEE_ID": 1, "PERSON": 2, "TICKET_ID": 1}
    decided = [e["details"] for e in events if e["action"] == "pii.decide"]
    assert all(len(v["fingerprint"]) == 16 for d in decided for v in d["values"])


def test_file_mode_reads_rules_from_a_config_file_and_refuses_unknown_entities(
    tmp_path: Path, wsdir: Path
) -> None:
    line = json.dumps(
        {
            "messages": [
                {"role": "user", "content": "Ticket NW-4821-TK from agent E-77812"},
                {"role": "assistant", "content": "Northwind Cloud will fix NW-4821-TK."},
            ]
        }
    )
    src = write_jsonl(tmp_path / "in.jsonl", [line])
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES_YAML)
    out = tmp_path / "out.jsonl"
    assert run("redact", src, "-o", out, "--rules", rules, "-w", wsdir, "-q")[0] == 0
    text = out.read_text()
    assert text.count("<TICKET_ID>") == 2 and "<EMPLOYEE_ID>" in text
    assert "Northwind Cloud" in text and "NW-4821" not in text
    code, _, err = run("redact", src, "-o", out, "--entities", "PERSON,TICKET", "-w", wsdir)
    assert code == 1 and "no recogniser finds TICKET" in err and "Traceback" not in err
    code, _, _ = run(
        "redact", src, "-o", out, "--entities", "TICKET_ID", "--rules", rules, "-w", wsdir, "-q"
    )
    assert code == 0 and "<TICKET_ID>" in out.read_text()


def test_a_line_longer_than_the_import_limit_is_reported_not_scanned(
    tmp_path: Path, wsdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from curation.fileio import limits

    monkeypatch.setattr(limits, "MAX_ITEM_BYTES", 300)
    short = json.dumps({"messages": [{"role": "user", "content": "I'm Maria Gonzalez"}]})
    long = json.dumps({"messages": [{"role": "user", "content": "Maria Gonzalez " * 40}]})
    src = write_jsonl(tmp_path / "in.jsonl", [short, long, short])
    out = tmp_path / "out.jsonl"
    code, _, err = run("redact", src, "-o", out, "-w", wsdir)
    assert code == 2 and "Traceback" not in err
    assert f"in {src}" in err and "line 2: line is longer than" in err
    lines = out.read_text().splitlines()
    assert len(lines) == 3 and lines[1] == long and "Maria" not in lines[0] + lines[2]
