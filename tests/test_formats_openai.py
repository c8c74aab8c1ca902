"""OpenAI chat (SFT), preference (DPO) and reinforcement (RFT) importers."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import orjson
import pytest

from curation.errors import FieldError
from curation.ingest.formats import detect_format, open_source
from curation.ingest.formats.openai import OpenAIChat, OpenAIPreference, OpenAIRFT
from curation.records import message_text
from tests.helpers.formats import (
    OPENAI_CHAT_PARTS,
    OPENAI_CHAT_SIMPLE,
    OPENAI_CHAT_TOOLS,
    OPENAI_PREFERENCE,
    OPENAI_RFT,
    read_all,
    records,
    write_jsonl,
)

# --- OpenAI chat -------------------------------------------------------------------------


def test_chat_detected_and_parsed_with_tools(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "chat.jsonl", [OPENAI_CHAT_TOOLS, OPENAI_CHAT_SIMPLE])
    assert detect_format(path).name == "openai-chat"
    recs = records(read_all(path))
    assert len(recs) == 2
    rec = recs[0]
    # Messages round-trip byte-identical, key order included.
    assert orjson.dumps(rec.messages) == orjson.dumps(OPENAI_CHAT_TOOLS["messages"])
    assert rec.messages == OPENAI_CHAT_TOOLS["messages"]
    assert rec.tools == OPENAI_CHAT_TOOLS["tools"]
    assert rec.extra == {"parallel_tool_calls": False}
    assert rec.completions == [] and rec.rankings == []


def test_chat_keeps_every_message_field_verbatim() -> None:
    rec = OpenAIChat().parse(copy.deepcopy(OPENAI_CHAT_TOOLS))
    developer, user, call, tool, answer = rec.messages
    assert developer == {"role": "developer", "content": "You are terse. Use tools when needed."}
    assert user["name"] == "alice"
    assert "content" in call and call["content"] is None
    assert call["tool_calls"][0]["function"]["arguments"] == '{"city": "Paris", "unit": "c"}'
    assert call["weight"] == 0
    assert tool == {
        "role": "tool",
        "tool_call_id": "call_abc",
        "content": '{"temp": 18, "sky": "cloudy"}',
    }
    assert answer["weight"] == 1
    assert message_text(call) == 'get_weather({"city": "Paris", "unit": "c"})'


def test_chat_dump_round_trips_byte_identical() -> None:
    fmt = OpenAIChat()
    for example in (OPENAI_CHAT_TOOLS, OPENAI_CHAT_PARTS, OPENAI_CHAT_SIMPLE):
        out = fmt.dump(fmt.parse(copy.deepcopy(example)))
        assert orjson.dumps(out) == orjson.dumps(example)


def test_chat_content_part_arrays() -> None:
    rec = OpenAIChat().parse(copy.deepcopy(OPENAI_CHAT_PARTS))
    assert rec.messages == OPENAI_CHAT_PARTS["messages"]
    assert message_text(rec.messages[1]) == "What is in this picture?\n[image_url]"
    assert message_text(rec.messages[0]) == "Describe images."


def test_chat_assistant_without_content_key_but_with_tool_calls() -> None:
    obj = {
        "messages": [
            {"role": "user", "content": "hi"},
            {
                "role": "assistant",
                "tool_calls": [
                    {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}
                ],
            },
        ]
    }
    rec = OpenAIChat().parse(obj)
    assert "content" not in rec.messages[1]


def test_chat_deprecated_function_role_and_function_call() -> None:
    obj = {
        "messages": [
            {"role": "user", "content": "time?"},
            {"role": "assistant", "function_call": {"name": "now", "arguments": "{}"}},
            {"role": "function", "name": "now", "content": "12:00"},
            {"role": "assistant", "content": "Noon."},
        ],
        "functions": [{"name": "now", "parameters": {"type": "object", "properties": {}}}],
    }
    rec = OpenAIChat().parse(copy.deepcopy(obj))
    assert rec.messages == obj["messages"]
    assert rec.extra == {"functions": obj["functions"]}
    assert message_text(rec.messages[1]) == "now({})"


def test_chat_metadata_goes_to_metadata_not_extra() -> None:
    obj = {**OPENAI_CHAT_SIMPLE, "metadata": {"source": "support", "ticket": 7}}
    rec = OpenAIChat().parse(copy.deepcopy(obj))
    assert rec.metadata == {"source": "support", "ticket": 7}
    assert rec.extra == {}


def test_chat_non_list_tool_calls_kept_for_validation() -> None:
    """A malformed ``tool_calls`` is the validator's business; import keeps it and never crashes."""
    obj = {"messages": [{"role": "assistant", "content": "x", "tool_calls": 5}]}
    rec = OpenAIChat().parse(copy.deepcopy(obj))
    assert rec.messages == obj["messages"]
    assert message_text(rec.messages[0]) == "x"
    rec.content_hash()


@pytest.mark.parametrize(
    ("message", "text"),
    [
        ({"role": "user", "content": "Hi"}, "Hi"),
        ({"role": "user", "content": ""}, ""),
        ({"role": "assistant", "content": "x", "tool_calls": []}, "x"),
        (
            {
                "role": "assistant",
                "content": "Checking",
                "tool_calls": [{"function": {"name": "f", "arguments": "{}"}}],
            },
            "Checking\nf({})",
        ),
        (
            {"role": "assistant", "content": "", "function_call": {"name": "g", "arguments": "1"}},
            "g(1)",
        ),
    ],
)
def test_text_of_string_content_with_and_without_calls(message: dict[str, Any], text: str) -> None:
    assert message_text(message) == text


@pytest.mark.parametrize(
    ("obj", "field"),
    [
        ([1, 2], "record"),
        ({"messages": "hi"}, "messages"),
        ({"messages": []}, "messages"),
        ({"messages": [{"role": "user", "content": "a"}, "b"]}, "messages[1]"),
        ({"messages": [{"role": "user", "content": "a"}, {"content": "b"}]}, "messages[1].role"),
        ({"messages": [{"role": 3, "content": "a"}]}, "messages[0].role"),
        ({"messages": [{"role": "user", "content": 42}]}, "messages[0].content"),
        (
            {"messages": [{"role": "user", "content": "a"}, {"role": "assistant"}]},
            "messages[1].content",
        ),
        ({"messages": [{"role": "user", "content": "a"}], "tools": {"x": 1}}, "tools"),
    ],
)
def test_chat_rejects_with_field(obj: Any, field: str) -> None:
    with pytest.raises(FieldError) as info:
        OpenAIChat().parse(obj)
    assert info.value.field == field
    assert info.value.reason


def test_chat_missing_messages() -> None:
    with pytest.raises(FieldError) as info:
        OpenAIChat().parse({"tools": []})
    assert info.value.field == "messages"
    assert info.value.reason == "missing"


# --- OpenAI preference (DPO) -------------------------------------------------------------


def test_preference_detected_and_parsed(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "dpo.jsonl", [OPENAI_PREFERENCE])
    assert detect_format(path).name == "openai-preference"
    (rec,) = records(read_all(path))
    assert rec.messages == OPENAI_PREFERENCE["input"]["messages"]
    assert rec.tools == []
    assert rec.extra == {"parallel_tool_calls": True}
    assert [c.messages for c in rec.completions] == [
        OPENAI_PREFERENCE["preferred_output"],
        OPENAI_PREFERENCE["non_preferred_output"],
    ]
    assert rec.rankings == [(0, 1)]
    assert list(rec.pairs()) == [(0, 1, 0)]
    assert rec.completions[0].text == "Today in San Francisco it is not quite cold, 23°C."


def test_preference_dump_round_trips() -> None:
    fmt = OpenAIPreference()
    obj = copy.deepcopy(OPENAI_PREFERENCE)
    obj["input"]["tools"] = copy.deepcopy(OPENAI_CHAT_TOOLS["tools"])
    assert fmt.dump(fmt.parse(copy.deepcopy(obj))) == obj
    # An empty tools list is dropped on export (equivalent for every trainer).
    out = fmt.dump(fmt.parse(copy.deepcopy(OPENAI_PREFERENCE)))
    assert "tools" not in out["input"]
    assert out["preferred_output"] == OPENAI_PREFERENCE["preferred_output"]


def test_preference_with_tools_in_input() -> None:
    obj = copy.deepcopy(OPENAI_PREFERENCE)
    obj["input"]["tools"] = copy.deepcopy(OPENAI_CHAT_TOOLS["tools"])
    rec = OpenAIPreference().parse(obj)
    assert rec.tools == OPENAI_CHAT_TOOLS["tools"]


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda o: o.pop("input"), "input"),
        (lambda o: o.__setitem__("input", "hi"), "input"),
        (lambda o: o["input"].pop("messages"), "input.messages"),
        (lambda o: o["input"].__setitem__("messages", []), "input.messages"),
        (lambda o: o["input"]["messages"][0].pop("role"), "input.messages[0].role"),
        (lambda o: o["input"].__setitem__("tools", "x"), "input.tools"),
        (lambda o: o.__setitem__("preferred_output", []), "preferred_output"),
        (lambda o: o.__setitem__("preferred_output", "text"), "preferred_output"),
        (lambda o: o.pop("non_preferred_output"), "non_preferred_output"),
        (
            lambda o: o["non_preferred_output"][0].__setitem__("role", None),
            "non_preferred_output[0].role",
        ),
    ],
)
def test_preference_rejects_with_field(mutate: Any, field: str) -> None:
    obj = copy.deepcopy(OPENAI_PREFERENCE)
    mutate(obj)
    with pytest.raises(FieldError) as info:
        OpenAIPreference().parse(obj)
    assert info.value.field == field
    assert info.value.reason


# --- OpenAI RFT --------------------------------------------------------------------------


def test_rft_detected_and_reference_answer_kept_in_extra(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "rft.jsonl", [OPENAI_RFT])
    assert detect_format(path).name == "openai-rft"
    (rec,) = records(read_all(path))
    assert rec.messages == OPENAI_RFT["messages"]
    assert rec.extra == {"reference_answer": {"value": 8, "unit": "legs"}, "grader_hint": "exact"}
    assert rec.completions == []
    assert OpenAIRFT().dump(rec) == OPENAI_RFT


def test_rft_reference_answer_changes_content_hash() -> None:
    a = OpenAIRFT().parse(copy.deepcopy(OPENAI_RFT))
    b = OpenAIRFT().parse({**copy.deepcopy(OPENAI_RFT), "reference_answer": 9})
    assert a.content_hash() != b.content_hash()


def test_chat_with_only_chat_keys_is_not_rft(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [{**OPENAI_CHAT_SIMPLE, "metadata": {"a": 1}}])
    assert detect_format(path).name == "openai-chat"


@pytest.mark.parametrize("name", ["openai-chat", "openai-rft"])
def test_format_override(tmp_path: Path, name: str) -> None:
    path = write_jsonl(tmp_path / "x.jsonl", [OPENAI_RFT, OPENAI_CHAT_SIMPLE])
    source = open_source(path, format=name)
    assert source.format.name == name
    recs = records(source.records())
    assert len(recs) == 2
    assert recs[0].extra["reference_answer"] == {"value": 8, "unit": "legs"}
