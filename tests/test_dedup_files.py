"""File mode, leakage and the CLI; the planted duplicates of sample_data found, the look-alikes not."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path
from typing import Any

import orjson
import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from curation import cli as cli_module
from curation.dedup import DedupFileOptions, Settings, dedup_file, file_leakage
from curation.store import models as m
from curation.store import open_workspace
from tests.helpers.dedup import (
    LONG,
    chat,
    check_planted,
    fake_encoders,
)


def test_planted_sample_duplicates_with_the_fake_encoder() -> None:
    check_planted(fake_encoders(), "static")


# --------------------------------------------------------------------------- file mode


def write_chats(
    path: Path, records: list[list[dict[str, Any]]], extra_lines: list[str] = ()
) -> Path:  # type: ignore[assignment]
    lines = [json.dumps({"id": f"r{i}", "messages": r}) for i, r in enumerate(records)]
    path.write_text("\n".join([*lines, *extra_lines]) + "\n", encoding="utf-8")
    return path


def three_records() -> list[list[dict[str, Any]]]:
    return [
        chat(*LONG[:4]),
        chat(*LONG[8:12]),
        chat(*[t.lower() for t in LONG[:4]]),
        chat(*LONG[12:16]),
    ]


def test_file_mode_keeps_order_bytes_and_unreadable_lines(tmp_path: Path) -> None:
    src = write_chats(tmp_path / "in.jsonl", three_records(), ["{not json"])
    out, clusters = tmp_path / "kept.jsonl", tmp_path / "clusters.jsonl"
    options = DedupFileOptions(Settings("static", 0.9), clusters_path=clusters)
    result = dedup_file(src, out, options, encoders=fake_encoders())
    lines = src.read_text().splitlines()
    assert out.read_text().splitlines() == [lines[0], lines[1], lines[3], lines[4]]
    assert (result.records, result.removed, result.rejected, result.kept) == (4, 1, 1, 4)
    (cluster,) = [json.loads(x) for x in clusters.read_text().splitlines()]
    assert cluster == {
        "members": [
            {"line": 1, "id": "r0", "similarity": 1.0},
            {"line": 3, "id": "r2", "similarity": 1.0},
        ],
        "kept": 1,
    }


def test_file_mode_json_array_csv_and_gzip(tmp_path: Path) -> None:
    records = three_records()
    arr = tmp_path / "in.json"
    arr.write_text(json.dumps([{"messages": r} for r in records], indent=1))
    out = tmp_path / "kept.json.gz"
    dedup_file(arr, out, DedupFileOptions(Settings("static", 0.9)), encoders=fake_encoders())
    kept = orjson.loads(gzip.decompress(out.read_bytes()))
    assert [x["messages"] for x in kept] == [records[0], records[1], records[3]]

    table = tmp_path / "in.csv"
    with table.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["prompt", "response", "topic"])
        w.writerow(["How do I reset my password?", "Use Settings.", "a"])
        w.writerow(["how do i reset my password", "Use settings", "b"])
        w.writerow(["Another\nquestion", "Another answer", "c"])
    out_csv = tmp_path / "kept.csv"
    dedup_file(table, out_csv, DedupFileOptions(Settings("static", 0.9)), encoders=fake_encoders())
    with out_csv.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["topic"] for r in rows] == ["a", "c"] and rows[1]["prompt"] == "Another\nquestion"


def test_file_mode_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    from curation.errors import InputError

    src = write_chats(tmp_path / "in.jsonl", three_records())
    with pytest.raises(InputError, match="overwrite"):
        dedup_file(src, src, encoders=fake_encoders())


def test_file_leakage(tmp_path: Path) -> None:
    train = write_chats(tmp_path / "train.jsonl", three_records())
    valid = write_chats(
        tmp_path / "valid.jsonl", [chat(*LONG[12:16]), chat("brand new", "question")]
    )
    leaks, _, v = file_leakage(
        train, valid, settings=Settings("static", 0.9), encoders=fake_encoders()
    )
    assert [x.as_dict() for x in leaks] == [
        {
            "validation_line": 1,
            "validation_id": "r0",
            "train_line": 4,
            "train_id": "r3",
            "similarity": 1.0,
            "kind": "exact",
        }
    ]
    assert len(v.items) == 2


# --------------------------------------------------------------------------- CLI


def invoke(*args: str) -> Any:
    return CliRunner().invoke(cli_module.cli, list(args), catch_exceptions=False)


def test_cli_file_mode(tmp_path: Path, fake_models: None) -> None:
    src = write_chats(tmp_path / "in.jsonl", three_records())
    out, clusters = tmp_path / "kept.jsonl", tmp_path / "c.jsonl"
    res = invoke(
        "dedup",
        str(src),
        "-o",
        str(out),
        "--clusters",
        str(clusters),
        "--threshold",
        "0.9",
        "--json",
    )
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert (report["records"], report["removed"], report["clusters"]) == (4, 1, 1)
    assert len(out.read_text().splitlines()) == 3
    res = invoke("dedup", str(src), "-o", str(out))
    assert res.exit_code == 0 and "1 duplicate removed in 1 cluster" in res.output


def test_cli_errors_are_clean(tmp_path: Path, fake_models: None) -> None:
    res = invoke("dedup", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "x.jsonl"))
    assert res.exit_code == 1 and "no such file" in res.output and "Traceback" not in res.output
    res = invoke("dedup", str(tmp_path / "a.jsonl"))
    assert res.exit_code == 1 and "-o KEPT" in res.output
    src = write_chats(tmp_path / "in.jsonl", three_records())
    res = invoke("dedup", str(src), "-o", str(tmp_path / "k.jsonl"), "--threshold", "1.7")
    assert res.exit_code == 1 and "1.7" in res.output


def test_cli_workspace_mode_and_rethreshold(tmp_path: Path, fake_models: None) -> None:
    src = write_chats(tmp_path / "in.jsonl", three_records())
    ws_dir = tmp_path / "ws"
    assert invoke("import", str(src), "-d", "chats", "-w", str(ws_dir), "-q").exit_code == 0
    res = invoke(
        "dedup", "--dataset", "chats", "-w", str(ws_dir), "-e", "static", "-t", "0.95", "--json"
    )
    assert res.exit_code == 0, res.output
    summary = json.loads(res.output)
    assert (summary["clusters"], summary["marked_duplicate"]) == (1, 1)
    res = invoke("dedup", "--run", str(summary["run_id"]), "--threshold", "0.99", "-w", str(ws_dir))
    assert res.exit_code == 0 and "threshold 0.990" in res.output
    # --review marks nothing new; the unchanged cluster keeps its earlier decision.
    res = invoke("dedup", "--dataset", "chats", "-w", str(ws_dir), "--review", "-e", "cascade")
    assert res.exit_code == 0 and "1 record marked duplicate" in res.output
    ws = open_workspace(ws_dir)
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count()).where(m.Record.status == "duplicate")) == 1
        assert [r.embedder for r in s.scalars(sa.select(m.DedupRun).order_by(m.DedupRun.id))] == [
            "static",
            "cascade",
        ]
    ws.dispose()
    res = invoke("dedup", "--dataset", "nope", "-w", str(ws_dir))
    assert res.exit_code == 1 and "no dataset named 'nope'" in res.output


def test_cli_leakage(tmp_path: Path, fake_models: None) -> None:
    train = write_chats(tmp_path / "train.jsonl", three_records())
    valid = write_chats(tmp_path / "valid.jsonl", [chat(*LONG[12:16]), chat("new", "one")])
    res = invoke("leakage", str(train), str(valid), "--json")
    assert res.exit_code == 2
    assert json.loads(res.output)["count"] == 1
    clean = write_chats(tmp_path / "clean.jsonl", [chat("new", "one")])
    res = invoke("leakage", str(train), str(clean))
    assert res.exit_code == 0 and "0 of 1 validation records" in res.output


def test_cli_reports_records_without_text(tmp_path: Path, fake_models: None) -> None:
    image_only = [
        {"role": "user", "content": [{"type": "image_url", "image_url": {"url": "u"}}]},
        {"role": "assistant", "content": ""},
    ]
    src = write_chats(tmp_path / "in.jsonl", [chat("", ""), image_only, *three_records()])
    res = invoke("dedup", str(src), "-o", str(tmp_path / "k.jsonl"), "-t", "0.9")
    assert res.exit_code == 0, res.output
    assert (
        "note: in.jsonl line 1: messages: no user or assistant text to compare: kept as it is,"
        " never a duplicate" in res.output
    )
    assert "note: in.jsonl line 2: messages: no user or assistant text" in res.output
    assert (
        "note: in.jsonl line 2: messages[0].content[0]: non-text part (type image_url)"
        in res.output
    )
    assert len((tmp_path / "k.jsonl").read_text().splitlines()) == 5


def bad_input_file(tmp_path: Path) -> Path:
    """A 1 MB message, a numeric content, a non-list messages field and a broken line."""
    big = "lorem ipsum dolor " * 60_000
    rows = [
        json.dumps({"id": "a", "messages": chat(*LONG[:2])}),
        json.dumps({"id": "big", "messages": chat("tell me", big)}),
        json.dumps({"id": "num", "messages": [{"role": "user", "content": 42}]}),
        json.dumps({"id": "str", "messages": "hello"}),
        "{broken",
        json.dumps({"id": "big2", "messages": chat("tell me", big + " amen")}),
    ]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(rows) + "\n")
    return path


def test_cli_bad_input_is_named_by_file_line_and_field(tmp_path: Path, fake_models: None) -> None:
    src = bad_input_file(tmp_path)
    out = tmp_path / "k.jsonl"
    res = CliRunner().invoke(cli_module.cli, ["dedup", str(src), "-o", str(out), "-t", "0.9"])
    assert res.exit_code == 2, res.output  # done, some lines unreadable
    assert "Traceback" not in res.output
    for expected in (
        "unreadable: bad.jsonl line 3: messages[0].content: expected a string",
        "unreadable: bad.jsonl line 4: messages: expected a list of messages",
        "unreadable: bad.jsonl line 5: invalid JSON",
        "note: bad.jsonl line 2: messages[1].content: 1,080,000 characters",
        "note: bad.jsonl line 6: messages[1].content: 1,080,005 characters",
    ):
        assert expected in res.output, expected
    # The two huge answers are near-duplicates; the unreadable lines are copied untouched.
    lines = src.read_text().splitlines()
    assert out.read_text().splitlines() == lines[:5]
    report = json.loads(invoke("dedup", str(src), "-o", str(out), "-t", "0.9", "--json").output)
    assert [(n["line"], n["id"], n["field"], n["code"]) for n in report["notes"]] == [
        (2, "big", "messages[1].content", "long_text"),
        (6, "big2", "messages[1].content", "long_text"),
    ]
    assert [e["line"] for e in report["errors"]] == [3, 4, 5]


def test_cli_leakage_names_unreadable_lines(tmp_path: Path, fake_models: None) -> None:
    train = write_chats(tmp_path / "train.jsonl", three_records())
    valid = bad_input_file(tmp_path)
    res = CliRunner().invoke(cli_module.cli, ["leakage", str(train), str(valid), "-t", "0.9"])
    assert res.exit_code == 0, res.output
    assert "unreadable: bad.jsonl line 4: messages: expected a list of messages" in res.output
    assert "0 of 3 validation records" in res.output
    res = invoke("leakage", str(train), str(valid), "-t", "0.9", "--json")
    assert len(json.loads(res.output)["unreadable"]) == 3


def test_cli_workspace_mode_refuses_file_options(tmp_path: Path) -> None:
    res = invoke("dedup", "--dataset", "x", "--clusters", str(tmp_path / "c.jsonl"))
    assert res.exit_code == 1 and "either IN -o KEPT" in res.output
