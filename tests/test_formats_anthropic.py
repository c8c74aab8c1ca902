"""Anthropic Messages conversations: system, text/tool_use/tool_result/thinking blocks."""

from __future__ import annotations

from pathlib import Path

from curation.ingest.formats import get_format, read_records
from curation.records import Record

FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "anthropic_messages.jsonl"


def records() -> list[Record]:
    out = []
    for parsed in read_records(FIXTURE):
        assert parsed.error is None, str(parsed.error)
        assert parsed.record is not None
        out.append(parsed.record)
    return out


def test_blocks_become_openai_shape_with_reasoning_apart() -> None:
    first, second = records()
    roles = [m["role"] for m in first.messages]
    assert roles == ["system", "user", "assistant", "tool", "assistant"]
    call = first.messages[2]
    assert call["content"] == "Let me check."  # the thinking is not in the answer
    assert call["reasoning_content"] == "I need the weather tool."
    assert call["tool_calls"][0]["function"] == {
        "name": "get_weather",
        "arguments": '{"city":"Lisbon"}',
    }
    assert first.messages[3] == {
        "role": "tool",
        "tool_call_id": "toolu_01",
        "content": "22°C, clear",
    }
    assert first.tools is not None
    assert first.tools[0]["function"]["parameters"]["required"] == ["city"]
    assert first.metadata == {"model": "claude-sonnet-4-5"}
    assert second.messages[0] == {"role": "system", "content": "Answer in French."}
    assert second.messages[1] == {"role": "user", "content": "Hello"}


def test_round_trip() -> None:
    fmt = get_format("anthropic-messages")
    for record in records():
        dumped = fmt.dump(record)
        assert "system" in dumped
        assert all(m["role"] in ("user", "assistant") for m in dumped["messages"])
        again = fmt.parse(dumped)
        assert again.hashable() == record.hashable()
        assert again.metadata == record.metadata
