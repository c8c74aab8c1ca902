"""ShareGPT (JSON array or JSONL) and Alpaca (JSON array) importers."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import orjson
import pytest

from curation.errors import FieldError
from curation.fileio.source import container_of
from curation.ingest.formats import detect_format, open_source
from curation.ingest.formats.alpaca import Alpaca
from curation.ingest.formats.sharegpt import ShareGPT
from tests.helpers.formats import (
    ALPACA_ROWS,
    SHAREGPT,
    WEATHER_TOOL,
    errors,
    read_all,
    records,
    write_json,
    write_jsonl,
)

SIMPLE_SHAREGPT: dict[str, Any] = {
    "conversations": [
        {"from": "human", "value": "Hi there"},
        {"from": "gpt", "value": "Hello! How can I help?"},
        {"from": "human", "value": "Tell me a joke."},
        {"from": "gpt", "value": "Why did the chicken cross the road?"},
    ]
}

# --- ShareGPT ----------------------------------------------------------------------------


def _check_sharegpt(recs: list[Any]) -> None:
    assert len(recs) == 2
    tools_rec, simple = recs
    assert tools_rec.messages == [
        {"role": "system", "content": "You are a weather bot."},
        {"role": "user", "content": "Weather in Rome?"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city":"Rome"}'},
                }
            ],
        },
        {"role": "tool", "content": '{"temp": 25}', "tool_call_id": "call_1"},
        {"role": "assistant", "content": "It is 25 °C in Rome."},
    ]
    assert tools_rec.tools == [WEATHER_TOOL]
    assert tools_rec.extra == {"id": "conv-1"}
    assert [m["role"] for m in simple.messages] == ["user", "assistant", "user", "assistant"]
    assert [m["content"] for m in simple.messages] == [
        t["value"] for t in SIMPLE_SHAREGPT["conversations"]
    ]


def test_sharegpt_as_json_array(tmp_path: Path) -> None:
    path = write_json(tmp_path / "sg.json", [SHAREGPT, SIMPLE_SHAREGPT])
    assert container_of(path) == "json"
    assert detect_format(path).name == "sharegpt"
    parsed = read_all(path)
    _check_sharegpt(records(parsed))
    # Each element is reported at the line its '{' is on in the indented file.
    lines = path.read_text().splitlines()
    starts = [i + 1 for i, text in enumerate(lines) if text == "  {"]
    assert [p.line for p in parsed] == starts


def test_sharegpt_as_jsonl(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "sg.jsonl", [SHAREGPT, SIMPLE_SHAREGPT])
    assert container_of(path) == "jsonl"
    assert detect_format(path).name == "sharegpt"
    parsed = read_all(path)
    assert [p.line for p in parsed] == [1, 2]
    _check_sharegpt(records(parsed))


@pytest.mark.parametrize(
    ("speaker", "role"),
    [
        ("human", "user"),
        ("Human", "user"),
        ("user", "user"),
        ("gpt", "assistant"),
        ("GPT", "assistant"),
        ("assistant", "assistant"),
        ("chatgpt", "assistant"),
        ("bing", "assistant"),
        ("bard", "assistant"),
        ("model", "assistant"),
        ("system", "system"),
        ("observation", "tool"),
        ("tool", "tool"),
    ],
)
def test_sharegpt_role_mapping(speaker: str, role: str) -> None:
    rec = ShareGPT().parse({"conversations": [{"from": speaker, "value": "text"}]})
    assert rec.messages[0]["role"] == role
    assert rec.messages[0]["content"] == "text"


def test_sharegpt_role_content_turns_accepted() -> None:
    rec = ShareGPT().parse(
        {"conversations": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]}
    )
    assert rec.messages == [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]


def test_sharegpt_blank_system_is_dropped_and_system_turn_kept() -> None:
    rec = ShareGPT().parse(
        {
            "system": "   ",
            "conversations": [
                {"from": "system", "value": "Be kind."},
                {"from": "human", "value": "hi"},
            ],
        }
    )
    assert rec.messages == [
        {"role": "system", "content": "Be kind."},
        {"role": "user", "content": "hi"},
    ]


def test_sharegpt_function_call_with_string_arguments_and_plain_text() -> None:
    rec = ShareGPT().parse(
        {
            "conversations": [
                {"from": "human", "value": "x"},
                {"from": "function_call", "value": '{"name": "f", "arguments": "{\\"a\\": 1}"}'},
                {"from": "observation", "value": "1"},
                {"from": "function_call", "value": "not json at all"},
                {"from": "tool", "value": "2"},
            ]
        }
    )
    call = rec.messages[1]
    assert call["tool_calls"][0]["function"] == {"name": "f", "arguments": '{"a": 1}'}
    assert call["tool_calls"][0]["id"] == "call_1"
    assert rec.messages[2]["tool_call_id"] == "call_1"
    assert rec.messages[3] == {"role": "assistant", "content": "not json at all"}
    assert rec.messages[4]["role"] == "tool" and rec.messages[4]["content"] == "2"


def test_sharegpt_observation_without_call_has_no_id() -> None:
    rec = ShareGPT().parse({"conversations": [{"from": "observation", "value": "42"}]})
    assert rec.messages == [{"role": "tool", "content": "42"}]


def test_sharegpt_tools_as_list() -> None:
    obj = {**copy.deepcopy(SIMPLE_SHAREGPT), "tools": [WEATHER_TOOL]}
    assert ShareGPT().parse(obj).tools == [WEATHER_TOOL]


def test_sharegpt_dump_then_parse() -> None:
    fmt = ShareGPT()
    rec = fmt.parse(copy.deepcopy(SIMPLE_SHAREGPT))
    out = fmt.dump(rec)
    assert out == SIMPLE_SHAREGPT
    sys_rec = fmt.parse({"system": "S", **copy.deepcopy(SIMPLE_SHAREGPT)})
    assert fmt.dump(sys_rec) == {**SIMPLE_SHAREGPT, "system": "S"}


@pytest.mark.parametrize(
    ("obj", "field"),
    [
        ({"conversations": []}, "conversations"),
        ({"conversations": "hi"}, "conversations"),
        ({"conversations": ["hi"]}, "conversations[0]"),
        ({"conversations": [{"value": "hi"}]}, "conversations[0].from"),
        (
            {"conversations": [{"from": "human", "value": "a"}, {"from": "robot", "value": "b"}]},
            "conversations[1].from",
        ),
        ({"conversations": [{"from": 1, "value": "a"}]}, "conversations[0].from"),
        (
            {"conversations": [{"from": "human", "value": "a"}, {"from": "gpt", "value": None}]},
            "conversations[1].value",
        ),
        ({"conversations": [{"from": "human"}]}, "conversations[0].value"),
        ({"conversations": [{"from": "human", "value": "a"}], "tools": "[not json"}, "tools"),
    ],
)
def test_sharegpt_rejects_with_field(obj: dict[str, Any], field: str) -> None:
    with pytest.raises(FieldError) as info:
        ShareGPT().parse(obj)
    assert info.value.field == field
    assert info.value.reason


def test_sharegpt_bad_turn_in_array_reported_at_element_line(tmp_path: Path) -> None:
    bad = {"conversations": [{"from": "human", "value": "a"}, {"from": "alien", "value": "b"}]}
    path = write_json(tmp_path / "sg.json", [SIMPLE_SHAREGPT, bad, SIMPLE_SHAREGPT], indent=False)
    # Non-indented: the whole array is on line 1.
    parsed = read_all(path)
    assert errors(parsed) == [(1, "conversations[1].from")]
    assert sum(p.record is not None for p in parsed) == 2
    text = (
        "[\n"
        + ",\n".join(orjson.dumps(o).decode() for o in (SIMPLE_SHAREGPT, bad, SIMPLE_SHAREGPT))
        + "\n]\n"
    )
    path.write_text(text)
    parsed = read_all(path)
    assert errors(parsed) == [(3, "conversations[1].from")]
    assert [p.line for p in parsed] == [2, 3, 4]


# --- Alpaca ------------------------------------------------------------------------------


def test_alpaca_json_array(tmp_path: Path) -> None:
    path = write_json(tmp_path / "alpaca_data.json", ALPACA_ROWS)
    assert container_of(path) == "json"
    assert detect_format(path).name == "alpaca"
    parsed = read_all(path)
    lines = path.read_text().splitlines()
    assert [p.line for p in parsed] == [i + 1 for i, t in enumerate(lines) if t == "  {"]
    with_input, empty_input, no_input, history = records(parsed)
    assert with_input.messages == [
        {"role": "user", "content": "Translate to French.\n\nGood morning"},
        {"role": "assistant", "content": "Bonjour"},
    ]
    assert empty_input.messages == [
        {"role": "user", "content": "Name three primary colours."},
        {"role": "assistant", "content": "Red, yellow, blue."},
    ]
    assert no_input.messages == [
        {"role": "user", "content": "Give a synonym for happy."},
        {"role": "assistant", "content": "Joyful."},
    ]
    assert history.messages == [
        {"role": "system", "content": "You are a thesaurus."},
        {"role": "user", "content": "Give a synonym for happy."},
        {"role": "assistant", "content": "Joyful."},
        {"role": "user", "content": "And for sad?"},
        {"role": "assistant", "content": "Unhappy."},
    ]
    assert all(r.extra == {} for r in (with_input, empty_input, no_input, history))


def test_alpaca_jsonl_also_works(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", ALPACA_ROWS)
    assert detect_format(path).name == "alpaca"
    assert len(records(read_all(path))) == 4


def test_alpaca_extra_keys_and_numbers() -> None:
    rec = Alpaca().parse(
        {"instruction": "Add 2 and 3", "input": 5, "output": 5, "category": "math"}
    )
    assert rec.messages == [
        {"role": "user", "content": "Add 2 and 3\n\n5"},
        {"role": "assistant", "content": "5"},
    ]
    assert rec.extra == {"category": "math"}


def test_alpaca_dump() -> None:
    fmt = Alpaca()
    out = fmt.dump(fmt.parse(copy.deepcopy(ALPACA_ROWS[3])))
    assert out == {
        "instruction": "And for sad?",
        "input": "",
        "output": "Unhappy.",
        "system": "You are a thesaurus.",
    }


@pytest.mark.parametrize(
    ("obj", "field"),
    [
        ({"instruction": "x"}, "output"),
        ({"output": "x"}, "instruction"),
        ({"instruction": "x", "output": "  "}, "output"),
        ({"instruction": "", "input": "", "output": "y"}, "instruction"),
        ({"instruction": ["x"], "output": "y"}, "instruction"),
        ({"instruction": "x", "input": {"a": 1}, "output": "y"}, "input"),
        ({"instruction": "x", "output": None}, "output"),
        ({"instruction": "x", "output": "y", "history": "no"}, "history"),
        ({"instruction": "x", "output": "y", "history": [["a", "b"], ["c"]]}, "history[1]"),
        ({"instruction": "x", "output": "y", "history": [["a", 1]]}, "history[0]"),
    ],
)
def test_alpaca_rejects_with_field(obj: dict[str, Any], field: str) -> None:
    with pytest.raises(FieldError) as info:
        Alpaca().parse(obj)
    assert info.value.field == field
    assert info.value.reason


def test_alpaca_override_on_sharegpt_file(tmp_path: Path) -> None:
    path = write_json(tmp_path / "sg.json", [SIMPLE_SHAREGPT])
    parsed = list(open_source(path, format="alpaca").records())
    assert errors(parsed) == [(2, "instruction")]


def test_sharegpt_tools_string_nested_too_deep() -> None:
    tools = "[" * 300 + "]" * 300
    with pytest.raises(FieldError) as info:
        ShareGPT().parse({**copy.deepcopy(SIMPLE_SHAREGPT), "tools": tools})
    assert info.value.field == "tools"


def test_parallel_observations_answer_the_calls_in_order() -> None:
    from curation.ingest.formats.sharegpt import ShareGPT

    calls = [{"name": "weather", "arguments": {"city": c}} for c in ("Paris", "Rome")]
    record = ShareGPT().parse(
        {
            "conversations": [
                {"from": "human", "value": "Weather in Paris and Rome?"},
                {"from": "function_call", "value": orjson.dumps(calls).decode()},
                {"from": "observation", "value": "21"},
                {"from": "observation", "value": "25"},
                {"from": "gpt", "value": "21 and 25."},
            ]
        }
    )
    ids = [c["id"] for c in record.messages[1]["tool_calls"]]
    answered = [m["tool_call_id"] for m in record.messages if m["role"] == "tool"]
    assert answered == ids and len(set(ids)) == 2
