"""LLaMA-Factory layouts: ShareGPT preference, KTO, tagged messages with JSON-string tools, v1."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import orjson
import pytest

from curation.errors import FieldError
from curation.ingest.formats import (
    detect_format,
    field_notes,
    get_format,
    open_source,
    parse_item,
    read_records,
)
from curation.ingest.formats.notes import NoteKey
from curation.records import Record

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def load(name: str, fmt: str | None = None) -> tuple[str, list[Record], Counter[NoteKey]]:
    source = open_source(FIXTURES / name, fmt)
    notes: Counter[NoteKey] = Counter()
    records = []
    for item in source.items():
        parsed = parse_item(source.format, item, notes)
        assert parsed.error is None, str(parsed.error)
        assert parsed.record is not None
        records.append(parsed.record)
    return source.format.name, records, notes


def round_trip(fmt_name: str, records: list[Record]) -> None:
    fmt = get_format(fmt_name)
    for record in records:
        again = fmt.parse(fmt.dump(record))
        assert again.hashable() == record.hashable()


def test_sharegpt_preference_with_single_message_sides() -> None:
    fmt, records, _ = load("lf_dpo_sharegpt.json")
    assert fmt == "llamafactory-preference"
    assert len(records) == 3
    first = records[0]
    assert first.messages == [{"role": "user", "content": "Name a prime number between 10 and 15."}]
    assert [c.text for c in first.completions] == [
        "11 and 13 are both prime; 11 is one.",
        "12 is prime.",
    ]
    assert first.rankings == [(0, 1)]
    assert records[1].messages[0] == {"role": "system", "content": "Answer in one word."}
    assert len(records[2].messages) == 3
    round_trip(fmt, records)


def test_tools_as_json_string_and_llamafactory_role_tags() -> None:
    fmt, records, notes = load("lf_tool_use.jsonl")
    assert fmt == "llamafactory-messages"
    weather = records[0]
    assert weather.tools is not None and weather.tools[0]["name"] == "get_weather"
    call = weather.messages[2]
    assert call["role"] == "assistant"
    assert call["tool_calls"][0]["function"] == {
        "name": "get_weather",
        "arguments": '{"city":"Oslo"}',
    }
    assert weather.messages[3]["role"] == "tool"
    assert weather.messages[3]["tool_call_id"] == call["tool_calls"][0]["id"]
    assert records[1].tools is None  # "" means no tools
    reported = {(n.field, n.count) for n in field_notes(notes)}
    assert ("tools", 2) in reported
    assert ("<think>", 1) in reported
    round_trip(fmt, records)


def test_v1_parts_reasoning_and_loss_weight() -> None:
    fmt, records, notes = load("lf_v1_sft.jsonl")
    assert fmt == "llamafactory-v1"
    answer = records[0].messages[-1]
    assert answer == {
        "role": "assistant",
        "content": "42",
        "reasoning_content": "7 times 6 is 42.",
        "weight": 1,
    }
    assert records[0].messages[1] == {"role": "user", "content": "What is 7 * 6?", "weight": 0}
    image_user = records[2].messages[0]
    assert image_user["content"][1] == {"type": "image", "value": "images/cat.png"}
    text = {str(n) for n in field_notes(notes)}
    assert "`loss_weight` on 7 messages: mapped to weight" in text
    assert any(n.field == "image" and n.where == "content parts" for n in field_notes(notes))
    assert any(n.field == "source" and n.where == "records" for n in field_notes(notes))
    round_trip(fmt, records)


def test_v1_preference_from_chosen_and_rejected_messages() -> None:
    fmt, records, _ = load("lf_v1_dpo.jsonl")
    assert fmt == "llamafactory-v1"
    first = records[0]
    assert first.messages == [{"role": "user", "content": "Is the Earth flat?"}]
    assert first.completions[0].messages[0]["reasoning_content"] == "Well established science."
    assert first.completions[0].text == "No, it is an oblate spheroid."  # reasoning not merged
    assert first.completions[1].text == "Yes."
    round_trip(fmt, records)


def test_kto_file_gives_labelled_completions() -> None:
    fmt, records, _ = load("lf_kto.json")
    assert fmt == "llamafactory-kto"
    assert [r.completions[0].label for r in records] == [True, False, True]
    assert records[2].messages[-1] == {"role": "user", "content": "Tell me a fact."}
    assert records[2].completions[0].text == "Honey never spoils."
    round_trip(fmt, records)


def test_trl_kto_standard_and_conversational() -> None:
    fmt, records, _ = load("trl_kto.jsonl")
    assert fmt == "trl-kto"
    assert [r.completions[0].label for r in records] == [True, False]
    assert records[1].messages == [{"role": "user", "content": "The sky is"}]
    round_trip(fmt, records)


def test_label_is_part_of_the_content_hash() -> None:
    _, records, _ = load("lf_kto.json")
    flipped = get_format("llamafactory-kto").parse(
        {**get_format("llamafactory-kto").dump(records[0]), "label": False}
    )
    assert flipped.content_hash() != records[0].content_hash()


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({"messages": [{"role": "user", "content": "x"}], "label": True}, "messages"),
        (
            {
                "conversations": [{"from": "human", "value": "x"}],
                "chosen": {"from": "gpt"},
                "rejected": {"from": "gpt", "value": "y"},
            },
            "chosen.content",
        ),
        (
            {
                "messages": [
                    {"role": "user", "content": "x"},
                    {"role": "assistant", "content": "y"},
                ],
                "tools": "[oops",
            },
            "tools",
        ),
    ],
)
def test_bad_rows_name_the_field(tmp_path: Path, row: dict[str, object], field: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(orjson.dumps(row) + b"\n")
    with pytest.raises(FieldError) as exc:
        detect_format(path).parse(row)
    assert exc.value.field == field


def test_tools_as_a_json_string_in_any_layout(tmp_path: Path) -> None:
    row = {
        "prompt": [{"role": "user", "content": "Weather?"}],
        "chosen": [{"role": "assistant", "content": "Which city?"}],
        "rejected": [{"role": "assistant", "content": "No."}],
        "tools": '[{"type": "function", "function": {"name": "w", "parameters": {}}}]',
    }
    record = get_format("trl-preference").parse(row)
    assert record.tools == [{"type": "function", "function": {"name": "w", "parameters": {}}}]


OPENAI_TOOL_CHAT = {
    "messages": [
        {"role": "user", "content": "Weather in Oslo?"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_9",
                    "type": "function",
                    "function": {"name": "w", "arguments": '{"city": "Oslo"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_9", "content": "-3"},
        {"role": "assistant", "content": "-3 °C."},
    ],
    "tools": '[{"type": "function", "function": {"name": "w", "parameters": {}}}]',
}


def test_openai_chat_with_json_string_tools_is_read_with_its_tool_calls(tmp_path: Path) -> None:
    path = tmp_path / "chat.jsonl"
    path.write_bytes(orjson.dumps(OPENAI_TOOL_CHAT) + b"\n")
    [parsed] = list(read_records(path))
    assert parsed.error is None, str(parsed.error)
    assert parsed.record is not None
    assert parsed.record.messages == OPENAI_TOOL_CHAT["messages"]
    assert parsed.record.tools == [
        {"type": "function", "function": {"name": "w", "parameters": {}}}
    ]
    # read as LLaMA-Factory messages (a dataset_info entry, say), the call survives too
    record = get_format("llamafactory-messages").parse(OPENAI_TOOL_CHAT)
    assert record.messages == OPENAI_TOOL_CHAT["messages"]
