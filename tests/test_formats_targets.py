"""Exports in the trainers' own layouts (LLaMA-Factory, Axolotl): each file is read back by
our importer before it is put in place, a sidecar configures the trainer, and importing the
export gives the records the source gave."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from curation.export import ExportSpec, export_dataset
from curation.ingest.formats import read_records
from curation.ingest.importer import import_file
from curation.store import Workspace
from tests.helpers.export import import_objects, read_jsonl, set_redaction

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def records_of(path: Path, fmt: str | None = None) -> list[str]:
    """What reaches a trainer from each record (extra aside), canonical and sorted."""
    out = []
    for parsed in read_records(path, fmt):
        assert parsed.error is None, f"{path.name}: {parsed.error}"
        assert parsed.record is not None
        h = parsed.record.hashable()
        h.pop("extra")
        out.append(json.dumps(h, sort_keys=True))
    return sorted(out)


def export(ws: Workspace, source: str, fmt: str, out: Path, **kwargs: Any) -> dict[str, Any]:
    result = import_file(ws, FIXTURES / source, "d")
    assert result.rejected == 0, result.errors
    set_redaction(ws, "clean")
    export_dataset(ws, ExportSpec(fmt, dataset="d", **kwargs), out, actor="t")
    manifest = json.loads(next(out.parent.glob("*manifest*")).read_text())
    return dict(manifest["format"])


@pytest.mark.parametrize(
    ("source", "fmt", "reads_as"),
    [
        ("lf_sharegpt_tools.json", "llamafactory-sharegpt", "sharegpt"),
        ("lf_tool_use.jsonl", "llamafactory-sharegpt", "sharegpt"),
        ("lf_alpaca.json", "llamafactory-alpaca", "alpaca"),
        ("lf_dpo_sharegpt.json", "llamafactory-dpo", "llamafactory-preference"),
        ("lf_kto.json", "llamafactory-kto", "llamafactory-kto"),
        ("axolotl_chat.jsonl", "axolotl-chat", None),
    ],
)
def test_round_trip_through_the_trainer_layout(
    sqlite_ws: Workspace, tmp_path: Path, source: str, fmt: str, reads_as: str | None
) -> None:
    out = tmp_path / "out.jsonl"
    info = export(sqlite_ws, source, fmt, out)
    assert info["name"] == fmt
    assert info["target"] in ("LLaMA-Factory", "Axolotl")
    assert info["read_back"]["errors"] == 0
    assert info["read_back"]["records"] == len(read_jsonl(out))
    assert records_of(out, reads_as) == records_of(FIXTURES / source)


def test_llamafactory_sidecar_is_a_dataset_info_entry(sqlite_ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "prefs.jsonl"
    info = export(sqlite_ws, "lf_dpo_sharegpt.json", "llamafactory-dpo", out)
    sidecar = tmp_path / info["config_file"]
    entry = json.loads(sidecar.read_text())["prefs"]
    assert entry["file_name"] == "prefs.jsonl"
    assert entry["ranking"] is True and entry["formatting"] == "sharegpt"
    assert entry["columns"]["chosen"] == "chosen"
    row = read_jsonl(out)[0]
    assert set(row["chosen"]) == {"from", "value"}


def test_kto_sidecar_names_the_label_column(sqlite_ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "kto.jsonl"
    info = export(sqlite_ws, "lf_kto.json", "llamafactory-kto", out, validation_split=0.34)
    entries = json.loads((tmp_path / info["config_file"]).read_text())
    assert set(entries) == {"kto.train", "kto.validation"}  # one entry per split file
    assert all(e["columns"]["kto_tag"] == "label" for e in entries.values())


def test_axolotl_yaml_block_and_train_flags(sqlite_ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "chat.jsonl"
    info = export(sqlite_ws, "axolotl_chat.jsonl", "axolotl-chat", out)
    yaml_text = (tmp_path / info["config_file"]).read_text()
    assert "type: chat_template" in yaml_text
    assert 'path: "chat.jsonl"' in yaml_text
    assert "message_field_training: train" in yaml_text
    rows = read_jsonl(out)
    flags = [m.get("train") for r in rows for m in r["messages"] if m["role"] == "assistant"]
    assert False in flags and True in flags
    assert all("weight" not in m for r in rows for m in r["messages"])


def test_reasoning_is_dropped_with_a_count_where_the_target_has_no_place(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "sg.jsonl"
    info = export(sqlite_ws, "lf_v1_sft.jsonl", "llamafactory-sharegpt", out)
    assert info["reasoning"]["messages"] == 1
    assert "reasoning" not in out.read_text()
    out2 = tmp_path / "chat.jsonl"
    export_dataset(sqlite_ws, ExportSpec("openai-chat", dataset="d"), out2, actor="t")
    rows = read_jsonl(out2)
    # the reasoning record is not left out for an unrecognised key; the image one is
    # (OpenAI chat has no such part)
    assert len(rows) == 2
    assert all("reasoning_content" not in m for r in rows for m in r["messages"])


def test_llamafactory_v1_keeps_reasoning_unless_asked(sqlite_ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "v1.jsonl"
    info = export(sqlite_ws, "lf_v1_sft.jsonl", "llamafactory-v1", out)
    assert info["reasoning"] == {"policy": "kept", "messages": 0}
    assert records_of(out) == records_of(FIXTURES / "lf_v1_sft.jsonl")
    dropped = tmp_path / "v1-dropped.jsonl"
    export_dataset(
        sqlite_ws,
        ExportSpec("llamafactory-v1", dataset="d", drop_reasoning=True),
        dropped,
        actor="t",
    )
    manifest = json.loads(next(tmp_path.glob("v1-dropped*manifest*")).read_text())
    assert manifest["format"]["reasoning"]["messages"] == 1
    assert manifest["format"]["reasoning"]["policy"].startswith("dropped on request")
    assert '"reasoning"' not in dropped.read_text()


PARALLEL_CALLS = {
    "messages": [
        {"role": "user", "content": "Weather in Paris and Rome?"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": f"c{i}",
                    "type": "function",
                    "function": {"name": "weather", "arguments": json.dumps({"city": city})},
                }
                for i, city in enumerate(("Paris", "Rome"))
            ],
        },
        {"role": "tool", "tool_call_id": "c0", "content": "21"},
        {"role": "tool", "tool_call_id": "c1", "content": "25"},
        {"role": "assistant", "content": "21 and 25."},
    ]
}
LATE_SYSTEM = {
    "messages": [
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Hello!"},
        {"role": "system", "content": "Now answer in French."},
        {"role": "user", "content": "Bye"},
        {"role": "assistant", "content": "Au revoir !"},
    ]
}
PLAIN = {
    "messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]
}


def test_llamafactory_sharegpt_leaves_out_rows_that_break_alternation(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    import_objects(sqlite_ws, tmp_path, [PARALLEL_CALLS, LATE_SYSTEM, PLAIN])
    set_redaction(sqlite_ws, "clean")
    out = tmp_path / "sg.jsonl"
    result = export_dataset(
        sqlite_ws, ExportSpec("llamafactory-sharegpt", dataset="d"), out, actor="t"
    )
    rows = read_jsonl(out)
    assert [r["conversations"][-1]["value"] for r in rows] == ["Hello!"]
    assert result.left_out["parallel_tool_results"] == 1
    assert result.left_out["non_leading_system"] == 1


REASONED = {"role": "assistant", "content": "4", "reasoning_content": "two and two"}
REASONED_PREFERENCE = {
    "prompt": [{"role": "user", "content": "2+2?"}],
    "chosen": [REASONED],
    "rejected": [{"role": "assistant", "content": "5"}],
}
REASONED_KTO = {
    "prompt": [{"role": "user", "content": "2+2?"}],
    "completion": [REASONED],
    "label": True,
}


@pytest.mark.parametrize(
    ("source", "fmt"),
    [
        (REASONED_PREFERENCE, "trl-preference"),
        (REASONED_PREFERENCE, "llamafactory-dpo"),
        (REASONED_KTO, "trl-kto"),
        (REASONED_KTO, "llamafactory-kto"),
    ],
)
def test_a_reasoning_trace_is_dropped_and_counted_not_the_row(
    sqlite_ws: Workspace, tmp_path: Path, source: dict[str, Any], fmt: str
) -> None:
    import_objects(sqlite_ws, tmp_path, [source])
    set_redaction(sqlite_ws, "clean")
    out = tmp_path / "out.jsonl"
    result = export_dataset(sqlite_ws, ExportSpec(fmt, dataset="d"), out, actor="t")
    assert result.left_out.get("validation_error", 0) == 0
    rows = read_jsonl(out)
    assert len(rows) == 1
    assert "two and two" not in out.read_text()
    manifest = json.loads(next(tmp_path.glob("out*manifest*")).read_text())
    assert manifest["format"]["reasoning"]["messages"] == 1


def test_text_beside_a_tool_call_is_counted_and_warned(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    chat = copy.deepcopy(PARALLEL_CALLS)
    chat["messages"][1]["content"] = "Let me check both cities."
    chat["messages"][1]["tool_calls"] = chat["messages"][1]["tool_calls"][:1]
    del chat["messages"][3]
    kto = {
        "prompt": [{"role": "user", "content": "Weather in Paris?"}],
        "completion": [chat["messages"][1]],
        "label": True,
    }
    import_objects(sqlite_ws, tmp_path, [chat], dataset="chat", name="chat")
    import_objects(sqlite_ws, tmp_path, [kto], dataset="kto", name="kto")
    set_redaction(sqlite_ws, "clean")
    for fmt, dataset in (("llamafactory-sharegpt", "chat"), ("llamafactory-kto", "kto")):
        out = tmp_path / f"{fmt}.jsonl"
        result = export_dataset(sqlite_ws, ExportSpec(fmt, dataset=dataset), out, actor="t")
        assert len(read_jsonl(out)) == 1
        manifest = json.loads(next(tmp_path.glob(f"{fmt}*manifest*")).read_text())
        assert manifest["format"]["text_with_tool_call"]["messages"] == 1
        assert any("beside their tool calls" in w for w in result.warnings)


def test_axolotl_yaml_holds_any_file_name(sqlite_ws: Workspace, tmp_path: Path) -> None:
    import yaml

    out = tmp_path / "run #2: chats.jsonl"
    info = export(sqlite_ws, "axolotl_chat.jsonl", "axolotl-chat", out)
    config = yaml.safe_load((tmp_path / info["config_file"]).read_text())
    assert [d["path"] for d in config["datasets"]] == ["run #2: chats.jsonl"]
    assert config["datasets"][0]["type"] == "chat_template"
