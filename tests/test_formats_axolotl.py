"""Axolotl layouts: chat_template (train flags, from/value, weight), input_output segments,
completion text; and ShareGPT turns' extra keys reported, never dropped silently."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import orjson

from curation.ingest.formats import field_notes, get_format, open_source, parse_item
from curation.ingest.formats.notes import NoteKey
from curation.records import Record

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def load(path: Path) -> tuple[str, list[Record], list[str]]:
    source = open_source(path)
    notes: Counter[NoteKey] = Counter()
    records = []
    for item in source.items():
        parsed = parse_item(source.format, item, notes)
        assert parsed.error is None, str(parsed.error)
        assert parsed.record is not None
        records.append(parsed.record)
    return source.format.name, records, [str(n) for n in field_notes(notes)]


def round_trip(name: str, records: list[Record]) -> None:
    fmt = get_format(name)
    for record in records:
        again = fmt.parse(fmt.dump(record))
        assert again.hashable() == record.hashable()


def test_chat_template_flags_become_weights() -> None:
    fmt, records, notes = load(FIXTURES / "axolotl_chat.jsonl")
    assert fmt == "axolotl-chat"
    pirate = records[0]
    assert pirate.messages[2] == {"role": "assistant", "content": "Ahoy!", "weight": 0}
    assert pirate.messages[4]["weight"] == 1
    assert records[1].messages == [
        {"role": "user", "content": "2+2?"},
        {"role": "assistant", "content": "4", "weight": 1},
    ]
    call = records[2].messages[1]["tool_calls"][0]["function"]
    assert call == {"name": "weather", "arguments": '{"city":"Rome"}'}  # dict args → JSON string
    assert "`train` on 4 messages: mapped to weight" in notes
    round_trip(fmt, records)


def test_input_output_and_completion() -> None:
    fmt, records, notes = load(FIXTURES / "axolotl_input_output.jsonl")
    assert fmt == "axolotl-input-output"
    assert [m["role"] for m in records[0].messages] == ["user", "assistant"]
    assert records[0].messages[1]["content"] == "Teal.</s>"
    assert any("label false → user turn" in n for n in notes)
    round_trip(fmt, records)
    fmt, records, _ = load(FIXTURES / "axolotl_completion.jsonl")
    assert fmt == "axolotl-completion"
    assert records[0].messages == [
        {"role": "assistant", "content": "The quick brown fox jumps over the lazy dog."}
    ]
    round_trip(fmt, records)


def test_sharegpt_with_weight_is_axolotl_and_other_turn_keys_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "w.jsonl"
    row = {
        "conversations": [
            {"from": "human", "value": "Hi"},
            {"from": "gpt", "value": "Hello", "weight": 0},
        ]
    }
    path.write_bytes(orjson.dumps(row) + b"\n")
    fmt, records, _ = load(path)
    assert fmt == "axolotl-chat"
    assert records[0].messages[1] == {"role": "assistant", "content": "Hello", "weight": 0}
    row = {
        "conversations": [
            {"from": "human", "value": "Hi", "lang": "en"},
            {"from": "gpt", "value": "Yo"},
        ]
    }
    path.write_bytes(orjson.dumps(row) + b"\n")
    fmt, _, notes = load(path)
    assert fmt == "sharegpt"
    assert "`lang` on 1 turns: not kept (a ShareGPT turn holds from and value)" in notes
