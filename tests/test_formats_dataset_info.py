"""LLaMA-Factory dataset_info.json: each local file imported under its entry's name, with
its columns and role tags mapped; hub entries and missing files reported, not imported."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from curation.cli import cli
from curation.ingest.formats import read_records
from curation.ingest.formats.dataset_info import read_dataset_info

INFO = Path(__file__).parent / "fixtures" / "formats" / "lf_info"


def entries() -> dict[str, list]:  # type: ignore[type-arg]
    found, _ = read_dataset_info(INFO)
    out = {}
    for entry in found:
        parsed = list(read_records(entry.path, entry.format))
        assert all(p.error is None for p in parsed), [str(p.error) for p in parsed]
        out[entry.name] = [p.record for p in parsed]
    return out


def test_columns_and_tags_are_mapped() -> None:
    got = entries()
    assert set(got) == {"chat_roles", "qa_pref", "plain_alpaca", "kto_demo"}
    chat = got["chat_roles"][0]
    assert chat.messages == [
        {"role": "system", "content": "You handle refunds."},
        {"role": "user", "content": "My order arrived broken."},
        {"role": "assistant", "content": "Sorry! I have issued a refund."},
    ]
    assert got["chat_roles"][1].extra == {"ticket": 4411}
    pref = got["qa_pref"][0]
    assert pref.messages == [{"role": "user", "content": "Boiling point of water at sea level?"}]
    assert [c.text for c in pref.completions] == ["100 °C.", "50 °C."]
    assert pref.rankings == [(0, 1)]
    assert got["plain_alpaca"][0].messages[-1] == {"role": "assistant", "content": "Cold."}
    assert [r.completions[0].label for r in got["kto_demo"]] == [True, False]


def test_remote_and_missing_entries_are_reported() -> None:
    _, skipped = read_dataset_info(INFO / "dataset_info.json")
    assert any(s.startswith("remote_one: a hub dataset") for s in skipped)
    assert any(s.startswith("missing_file: nowhere.json") for s in skipped)


def test_cli_imports_each_file_under_its_name(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["import-llamafactory", str(INFO), "-w", str(tmp_path / "ws"), "--json"]
    )
    assert result.exit_code == 2, result.output  # missing_file lists a file that is not there
    report = json.loads(result.output)
    assert sorted(r["dataset"] for r in report["imported"]) == [
        "chat_roles",
        "kto_demo",
        "plain_alpaca",
        "qa_pref",
    ]
    assert len(report["not_imported"]) == 2


def mapped(tmp_path: Path, entry: dict, rows: list) -> list:  # type: ignore[type-arg]
    (tmp_path / "rows.json").write_text(json.dumps(rows))
    (tmp_path / "dataset_info.json").write_text(
        json.dumps({"e": {"file_name": "rows.json", **entry}})
    )
    found, _ = read_dataset_info(tmp_path)
    parsed = list(read_records(found[0].path, found[0].format))
    assert all(p.error is None for p in parsed), [str(p.error) for p in parsed]
    return [p.record for p in parsed]


def test_alpaca_kto_tag_is_a_labelled_completion(tmp_path: Path) -> None:
    rows = [
        {"instruction": "Say hi", "output": "Hi!", "ok": True},
        {"instruction": "Say hi", "output": "Go away.", "ok": False},
    ]
    records = mapped(tmp_path, {"columns": {"kto_tag": "ok"}}, rows)
    assert [r.messages for r in records] == [[{"role": "user", "content": "Say hi"}]] * 2
    assert [(c.text, c.label) for r in records for c in r.completions] == [
        ("Hi!", True),
        ("Go away.", False),
    ]
    assert all("label" not in r.extra for r in records)


def test_alpaca_ranking_keeps_system_and_history(tmp_path: Path) -> None:
    row = {
        "system": "Be brief.",
        "history": [["Hello", "Hi."]],
        "instruction": "Capital of France?",
        "input": "One word.",
        "chosen": "Paris.",
        "rejected": "Lyon.",
    }
    (record,) = mapped(tmp_path, {"ranking": True}, [row])
    assert record.messages == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hello"},
        {"role": "assistant", "content": "Hi."},
        {"role": "user", "content": "Capital of France?\n\nOne word."},
    ]
    assert [c.text for c in record.completions] == ["Paris.", "Lyon."]
    assert record.rankings == [(0, 1)]
    assert "system" not in record.extra and "history" not in record.extra


def test_import_llamafactory_exits_0_when_every_listed_file_is_there(tmp_path: Path) -> None:
    info = json.loads((INFO / "dataset_info.json").read_text())
    info.pop("missing_file")
    (tmp_path / "dataset_info.json").write_text(json.dumps(info))
    for entry in info.values():
        if "file_name" in entry:
            (tmp_path / entry["file_name"]).write_bytes((INFO / entry["file_name"]).read_bytes())
    result = CliRunner().invoke(
        cli, ["import-llamafactory", str(tmp_path), "-w", str(tmp_path / "ws"), "--json"]
    )
    assert result.exit_code == 0, result.output
