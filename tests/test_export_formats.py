"""Round trips: a file imported and exported in its own format comes back the same, for every format.

And the shared HH-RLHF test set, exported as OpenAI preference JSONL, passes the validator,
with every pair whose completions span several turns reported and left out.
"""

from __future__ import annotations

import copy
import csv
import gzip
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from curation.export import ExportSpec, Item, SkipError, export_dataset, get_export_format
from curation.export.spec import TargetInfo
from curation.ingest.formats import read_records
from curation.ingest.formats.hh import HHRLHF
from curation.ingest.importer import import_file
from curation.ingest.validate import validate_file
from curation.records import Completion
from curation.store import Workspace
from tests.helpers.common import HH_RLHF
from tests.helpers.export import import_objects, read_jsonl, set_redaction

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Weather for a city",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
        },
    }
]


def sft_examples() -> list[dict[str, Any]]:
    return [
        {
            "messages": [
                {"role": "system", "content": "You are a weather bot."},
                {"role": "user", "content": "Weather in Paris?"},
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {
                            "id": "call_1",
                            "type": "function",
                            "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
                        }
                    ],
                    "weight": 0,
                },
                {"role": "tool", "tool_call_id": "call_1", "content": '{"temp": 21}'},
                {"role": "assistant", "content": "21 °C and sunny.", "weight": 1},
            ],
            "tools": TOOLS,
            "parallel_tool_calls": False,
        },
        {
            "messages": [
                {"role": "user", "content": [{"type": "text", "text": "Say hi"}]},
                {"role": "assistant", "content": "Hi!", "weight": 0},
                {"role": "user", "content": "Again"},
                {"role": "assistant", "content": "Hi again!"},
            ]
        },
    ]


def export(ws: Workspace, out: Path, fmt: str, **kwargs: Any) -> Any:
    return export_dataset(ws, ExportSpec(fmt, dataset="d", **kwargs), out, actor="t")


def reread(*paths: Path) -> list[dict[str, Any]]:
    """The files read back by the import formats (detected), as what a record holds."""
    out = []
    for path in paths:
        for parsed in read_records(path):
            assert parsed.error is None, f"{path.name}: {parsed.error}"
            record = parsed.record
            assert record is not None
            out.append(
                {
                    "messages": record.messages,
                    "tools": record.tools,
                    "extra": record.extra,
                    "metadata": record.metadata,
                    "completions": [c.messages for c in record.completions],
                    "rankings": [list(r) for r in record.rankings],
                }
            )
    return out


def assert_round_trip(source: Path, *exported: Path) -> None:
    """Importing the export gives the records the source gave (order aside for splits)."""
    key = json.dumps
    assert sorted(reread(*exported), key=key) == sorted(reread(source), key=key)


def test_openai_chat_round_trip_keeps_messages_tools_and_weights(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    originals = sft_examples()
    import_objects(sqlite_ws, tmp_path, originals)
    set_redaction(sqlite_ws, "clean")
    export(sqlite_ws, tmp_path / "out.jsonl", "openai-chat")
    assert read_jsonl(tmp_path / "out.jsonl") == originals
    assert_round_trip(tmp_path / "in.jsonl", tmp_path / "out.jsonl")
    # and importing the export again gives the very same records
    again = import_file(sqlite_ws, tmp_path / "out.jsonl", "d")
    assert again.imported == 0 and again.skipped == 2


def test_openai_preference_round_trip(sqlite_ws: Workspace, tmp_path: Path) -> None:
    originals = [
        {
            "input": {
                "messages": [{"role": "user", "content": "Weather?"}],
                "tools": TOOLS,
                "parallel_tool_calls": True,
            },
            "preferred_output": [{"role": "assistant", "content": "Which city?"}],
            "non_preferred_output": [{"role": "assistant", "content": "No idea."}],
        },
        {
            "input": {"messages": [{"role": "user", "content": "2+2?"}]},
            "preferred_output": [{"role": "assistant", "content": "4"}],
            "non_preferred_output": [{"role": "assistant", "content": "5"}],
        },
    ]
    import_objects(sqlite_ws, tmp_path, originals)
    set_redaction(sqlite_ws, "clean")
    export(sqlite_ws, tmp_path / "out.jsonl", "openai-preference")
    assert read_jsonl(tmp_path / "out.jsonl") == originals
    assert_round_trip(tmp_path / "in.jsonl", tmp_path / "out.jsonl")
    assert validate_file(tmp_path / "out.jsonl").ok


def test_openai_rft_round_trip(sqlite_ws: Workspace, tmp_path: Path) -> None:
    originals = [
        {
            "messages": [
                {"role": "developer", "content": "Answer with a number."},
                {"role": "user", "content": "6*7?"},
            ],
            "tools": TOOLS,
            "reference_answer": "42",
            "grader_notes": {"exact": True},
        }
    ]
    import_objects(sqlite_ws, tmp_path, originals)
    set_redaction(sqlite_ws, "clean")
    export(sqlite_ws, tmp_path / "out.jsonl", "openai-rft")
    assert read_jsonl(tmp_path / "out.jsonl") == originals
    assert_round_trip(tmp_path / "in.jsonl", tmp_path / "out.jsonl")
    assert validate_file(tmp_path / "out.jsonl", layout="rft").ok


def test_trl_conversational_round_trip_with_tool_calls(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    originals = [
        {
            "prompt": [{"role": "user", "content": "Weather in Oslo?"}],
            "chosen": [
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {
                            "id": "c1",
                            "type": "function",
                            "function": {"name": "get_weather", "arguments": {"city": "Oslo"}},
                        }
                    ],
                },
                {"role": "tool", "tool_call_id": "c1", "content": "-3"},
                {"role": "assistant", "content": "It is -3 °C."},
            ],
            "rejected": [{"role": "assistant", "content": "Cold."}],
            "tools": TOOLS,
        }
    ]
    import_objects(sqlite_ws, tmp_path, originals)
    set_redaction(sqlite_ws, "clean")
    export(sqlite_ws, tmp_path / "out.jsonl", "trl-preference")
    assert read_jsonl(tmp_path / "out.jsonl") == originals  # arguments back to dicts
    assert_round_trip(tmp_path / "in.jsonl", tmp_path / "out.jsonl")


def test_trl_standard_round_trip(sqlite_ws: Workspace, tmp_path: Path) -> None:
    originals = [
        {"prompt": "Capital of France?", "chosen": "Paris.", "rejected": "Lyon."},
        {"prompt": "Colour of the sky?", "chosen": "Blue.", "rejected": "Green."},
    ]
    import_objects(sqlite_ws, tmp_path, originals)
    set_redaction(sqlite_ws, "clean")
    export(sqlite_ws, tmp_path / "out.jsonl", "trl-preference", trl_style="standard")
    assert read_jsonl(tmp_path / "out.jsonl") == originals
    assert_round_trip(tmp_path / "in.jsonl", tmp_path / "out.jsonl")


def test_rft_pairs_round_trip(sqlite_ws: Workspace, tmp_path: Path) -> None:
    originals = [
        {
            "messages": [{"role": "user", "content": "Summarise the contract."}],
            "preferred_completion": "It is a lease for 2 years.",
            "rejected_completion": {"role": "assistant", "content": "A contract."},
            "metadata": {"quality_delta": [0.9, 0.2], "criteria": ["accuracy", "brevity"]},
        }
    ]
    import_objects(sqlite_ws, tmp_path, originals)
    set_redaction(sqlite_ws, "clean")
    export(sqlite_ws, tmp_path / "out.jsonl", "rft-pairs")
    row = read_jsonl(tmp_path / "out.jsonl")[0]
    expected = copy.deepcopy(originals[0])
    expected["preferred_completion"] = {
        "role": "assistant",
        "content": "It is a lease for 2 years.",
    }
    assert row == expected
    assert_round_trip(tmp_path / "in.jsonl", tmp_path / "out.jsonl")


def test_rft_pairs_quality_delta_follows_the_preference() -> None:
    item = Item(
        record_id=1,
        pair_id=1,
        messages=[{"role": "user", "content": "Q"}],
        metadata={"quality_delta": [0.9, 0.2]},
        chosen=Completion([{"role": "assistant", "content": "b"}]),
        rejected=Completion([{"role": "assistant", "content": "a"}]),
        chosen_position=1,
        rejected_position=0,
        criteria=["clarity"],
    )
    row = get_export_format("rft-pairs").row(item)
    assert row["metadata"] == {"quality_delta": [0.2, 0.9], "criteria": ["clarity"]}
    item.chosen = Completion([{"role": "assistant", "content": "b"}], scores={"quality": 4})
    item.rejected = Completion([{"role": "assistant", "content": "a"}], scores={"quality": 2})
    assert get_export_format("rft-pairs").row(item)["metadata"]["quality_delta"] == [4, 2]


def test_csv_round_trip(sqlite_ws: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "prefs.csv"
    rows = [
        {"prompt": 'Say, "hi"', "chosen": "Hi!\nHow are you?", "rejected": "No."},
        {"prompt": "Count to 3", "chosen": "1, 2, 3", "rejected": "1, 3"},
    ]
    with source.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, ["prompt", "chosen", "rejected"])
        writer.writeheader()
        writer.writerows(rows)
    assert import_file(sqlite_ws, source, "d").imported == 2
    set_redaction(sqlite_ws, "clean")
    export(sqlite_ws, tmp_path / "out.csv", "csv")
    with (tmp_path / "out.csv").open(newline="", encoding="utf-8") as fh:
        assert list(csv.DictReader(fh)) == rows
    assert_round_trip(source, tmp_path / "out.csv")


def test_parquet_round_trip(sqlite_ws: Workspace, tmp_path: Path) -> None:
    originals = [
        {"prompt": f"Question {i}?", "chosen": f"Right {i}.", "rejected": f"Wrong {i}."}
        for i in range(25)
    ]
    import_objects(sqlite_ws, tmp_path, originals)
    set_redaction(sqlite_ws, "clean")
    result = export(sqlite_ws, tmp_path / "out.parquet", "parquet", validation_split=0.2)
    train = pq.read_table(tmp_path / "out.train.parquet").to_pylist()
    valid = pq.read_table(tmp_path / "out.validation.parquet").to_pylist()
    assert len(train) == 20 and len(valid) == 5
    assert sorted(train + valid, key=lambda r: int(r["prompt"].split()[1][:-1])) == originals
    assert_round_trip(
        tmp_path / "in.jsonl", tmp_path / "out.train.parquet", tmp_path / "out.validation.parquet"
    )
    # the parquet file re-imports as a table with the same three columns
    again = import_file(sqlite_ws, tmp_path / "out.train.parquet", "again")
    assert again.imported == 20
    assert result.files[0].sha256 != result.files[1].sha256


def test_table_prompt_of_a_longer_conversation_is_a_transcript() -> None:
    item = Item(
        record_id=1,
        pair_id=1,
        messages=[{"role": "system", "content": "Be kind."}, {"role": "user", "content": "Hi"}],
        chosen=Completion([{"role": "assistant", "content": "Hello!"}]),
        rejected=Completion([{"role": "assistant", "content": "What."}]),
    )
    row = get_export_format("csv").row(item)
    assert row == {
        "prompt": "system: Be kind.\n\nuser: Hi",
        "chosen": "Hello!",
        "rejected": "What.",
    }


@pytest.mark.parametrize("fmt", ["openai-preference", "csv", "parquet"])
def test_text_only_formats_refuse_tool_calls_and_several_turns(fmt: str) -> None:
    call = {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}
        ],
    }
    base = {"record_id": 1, "pair_id": 1, "messages": [{"role": "user", "content": "Q"}]}
    text = Completion([{"role": "assistant", "content": "A"}])
    with pytest.raises(SkipError) as skip:
        get_export_format(fmt).row(Item(**base, chosen=Completion([call]), rejected=text))
    assert skip.value.reason == "non_text_completion"
    two = Completion([{"role": "assistant", "content": "a"}, {"role": "user", "content": "b"}])
    with pytest.raises(SkipError) as skip:
        get_export_format(fmt).row(Item(**base, chosen=text, rejected=two))
    assert skip.value.reason == "multi_turn_completion"


def test_dpo_outputs_are_plain_text_messages() -> None:
    item = Item(
        record_id=1,
        pair_id=1,
        messages=[{"role": "user", "content": "Q"}],
        chosen=Completion(
            [{"role": "assistant", "content": [{"type": "text", "text": "Yes"}], "weight": 1}]
        ),
        rejected=Completion([{"role": "assistant", "content": "No", "refusal": None}]),
    )
    row = get_export_format("openai-preference").row(item)
    assert row["preferred_output"] == [{"role": "assistant", "content": "Yes"}]
    assert row["non_preferred_output"] == [{"role": "assistant", "content": "No"}]


# --------------------------------------------------------------------------- HH-RLHF


def multi_turn_pairs(path: Path) -> tuple[int, int]:
    """(pairs, pairs whose chosen or rejected completion spans several turns) in the source."""
    total = multi = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = HHRLHF().parse(json.loads(line))
            total += 1
            multi += any(len(c.messages) > 1 for c in record.completions)
    return total, multi


@pytest.mark.skipif(not HH_RLHF.exists(), reason="the shared HH-RLHF file is not here")
def test_hh_rlhf_exported_as_openai_preference_passes_the_validator(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    imported = import_file(sqlite_ws, HH_RLHF, "hh")
    total, multi = multi_turn_pairs(HH_RLHF)
    assert multi > 0
    result = export_dataset(
        sqlite_ws,
        ExportSpec(
            "openai-preference",
            dataset="hh",
            validation_split=0.1,
            allow_unreviewed_pii=True,
            override_reason="public research data set",
        ),
        tmp_path / "hh.jsonl",
        actor="t",
    )
    assert result.left_out["multi_turn_completion"] == multi
    assert any(f"{multi:,} pairs left out" in w for w in result.warnings)
    assert result.candidates == imported.pairs == total - imported.skipped - imported.repeats
    assert result.written + sum(result.left_out.values()) == result.candidates
    for f in result.files:
        report = validate_file(f.path)
        assert report.ok, report.errors[:3]
        assert report.examples == f.rows and report.layouts == {"dpo": f.rows}
        for row in read_jsonl(f.path):
            assert len(row["preferred_output"]) == 1 and len(row["non_preferred_output"]) == 1
    train = {json.dumps(r["input"]) for r in read_jsonl(result.files[0].path)}
    valid = {json.dumps(r["input"]) for r in read_jsonl(result.files[1].path)}
    assert not train & valid  # no prompt in both splits
    assert abs(result.files[1].rows / result.written - 0.1) < 0.01


def test_the_result_reads_the_manifests_format_entry_typed(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    source = Path(__file__).parent / "fixtures" / "formats" / "lf_v1_sft.jsonl"
    assert import_file(sqlite_ws, source, "d").rejected == 0
    set_redaction(sqlite_ws, "clean")
    result = export(sqlite_ws, tmp_path / "sg.jsonl", "llamafactory-sharegpt")
    info = result.manifest["format"]
    target = result.target_info
    assert (target.target, target.config_file) == (info["target"], info["config_file"])
    assert target.reasoning_messages == info["reasoning"]["messages"] == 1
    assert target.reasoning_policy == info["reasoning"]["policy"]
    assert result.as_dict()["format_info"] == info  # the JSON keeps the manifest's entry
    assert TargetInfo.from_manifest({}) == TargetInfo()
