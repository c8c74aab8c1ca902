"""TRL preference: standard/conversational × explicit/implicit prompt, tool-call arguments."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import orjson
import pytest

from curation.errors import FieldError
from curation.ingest.formats import detect_format, open_source
from curation.ingest.formats.trl import TRLPreference
from tests.helpers.formats import (
    HH_SINGLE,
    TRL_CONV_EXPLICIT,
    TRL_CONV_IMPLICIT,
    TRL_STANDARD_EXPLICIT,
    TRL_STANDARD_IMPLICIT,
    TRL_TOOLS,
    WEATHER_TOOL,
    read_all,
    records,
    write_jsonl,
)


def _texts(obj: dict[str, Any]) -> tuple[list[dict[str, Any]], list[Any], list[Any]]:
    rec = TRLPreference().parse(copy.deepcopy(obj))
    assert rec.rankings == [(0, 1)]
    assert [c.source for c in rec.completions] == ["chosen", "rejected"]
    return rec.messages, rec.completions[0].messages, rec.completions[1].messages


@pytest.mark.parametrize(
    "example",
    [TRL_STANDARD_EXPLICIT, TRL_STANDARD_IMPLICIT, TRL_CONV_EXPLICIT, TRL_CONV_IMPLICIT, TRL_TOOLS],
)
def test_detected_as_trl(tmp_path: Path, example: dict[str, Any]) -> None:
    path = write_jsonl(tmp_path / "trl.jsonl", [example])
    assert detect_format(path).name == "trl-preference"
    assert len(records(read_all(path))) == 1


def test_standard_explicit_prompt() -> None:
    prompt, chosen, rejected = _texts(TRL_STANDARD_EXPLICIT)
    assert prompt == [{"role": "user", "content": "The sky is"}]
    assert chosen == [{"role": "assistant", "content": " blue."}]
    assert rejected == [{"role": "assistant", "content": " green."}]


def test_standard_implicit_prompt_is_common_prefix_at_a_word_boundary() -> None:
    prompt, chosen, rejected = _texts(TRL_STANDARD_IMPLICIT)
    assert prompt == [{"role": "user", "content": "The sky is"}]
    assert chosen == [{"role": "assistant", "content": "blue."}]
    assert rejected == [{"role": "assistant", "content": "green."}]


def test_standard_implicit_prompt_shared_word_start() -> None:
    # "bl|ue" vs "bl|ack": the split backs off to the last space, not mid-word.
    prompt, chosen, rejected = _texts({"chosen": "Sky: blue", "rejected": "Sky: black"})
    assert prompt == [{"role": "user", "content": "Sky:"}]
    assert chosen[0]["content"] == "blue"
    assert rejected[0]["content"] == "black"


def test_conversational_explicit_prompt() -> None:
    prompt, chosen, rejected = _texts(TRL_CONV_EXPLICIT)
    assert prompt == TRL_CONV_EXPLICIT["prompt"]
    assert chosen == TRL_CONV_EXPLICIT["chosen"]
    assert rejected == TRL_CONV_EXPLICIT["rejected"]


def test_conversational_implicit_prompt() -> None:
    prompt, chosen, rejected = _texts(TRL_CONV_IMPLICIT)
    assert prompt == [{"role": "user", "content": "What color is the sky?"}]
    assert chosen == [{"role": "assistant", "content": "It is blue."}]
    assert rejected == [{"role": "assistant", "content": "It is green."}]


def test_conversational_implicit_multi_turn_prompt() -> None:
    shared = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Hello."},
        {"role": "user", "content": "Capital of France?"},
    ]
    obj = {
        "chosen": [*shared, {"role": "assistant", "content": "Paris."}],
        "rejected": [*shared, {"role": "assistant", "content": "Lyon."}],
    }
    prompt, chosen, rejected = _texts(obj)
    assert prompt == shared
    assert chosen == [{"role": "assistant", "content": "Paris."}]
    assert rejected == [{"role": "assistant", "content": "Lyon."}]


def test_conversational_implicit_identical_sides_keep_the_last_turn_as_completion() -> None:
    side = [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]
    prompt, chosen, rejected = _texts({"chosen": side, "rejected": copy.deepcopy(side)})
    assert prompt == side[:1]
    assert chosen == rejected == side[1:]


def test_tool_call_dict_arguments_become_json_strings() -> None:
    original = copy.deepcopy(TRL_TOOLS)
    rec = TRLPreference().parse(copy.deepcopy(TRL_TOOLS))
    assert rec.tools == [WEATHER_TOOL]
    (call_msg,) = rec.completions[0].messages
    (call,) = call_msg["tool_calls"]
    args = call["function"]["arguments"]
    assert isinstance(args, str)
    assert orjson.loads(args) == {"city": "Oslo", "unit": "c"}
    assert call["type"] == "function"
    assert original == TRL_TOOLS  # the source object is not mutated


def test_tool_call_string_arguments_left_alone() -> None:
    obj = copy.deepcopy(TRL_TOOLS)
    obj["chosen"][0]["tool_calls"][0]["function"]["arguments"] = '{"city":  "Oslo"}'
    rec = TRLPreference().parse(obj)
    assert (
        rec.completions[0].messages[0]["tool_calls"][0]["function"]["arguments"]
        == '{"city":  "Oslo"}'
    )


def test_tool_call_arguments_go_back_to_dicts_on_export() -> None:
    fmt = TRLPreference()
    out = fmt.dump(fmt.parse(copy.deepcopy(TRL_TOOLS)))
    assert out["chosen"] == TRL_TOOLS["chosen"]
    assert out["tools"] == [WEATHER_TOOL]
    again = fmt.parse(out)
    assert again.content_hash() == fmt.parse(copy.deepcopy(TRL_TOOLS)).content_hash()


def test_tool_calls_in_implicit_prompt_history() -> None:
    call = {
        "role": "assistant",
        "tool_calls": [{"type": "function", "function": {"name": "f", "arguments": {"x": 1}}}],
    }
    shared = [{"role": "user", "content": "go"}, call, {"role": "tool", "content": "1"}]
    obj = {
        "chosen": [*shared, {"role": "assistant", "content": "one"}],
        "rejected": [*shared, {"role": "assistant", "content": "uno"}],
    }
    prompt, chosen, _ = _texts(obj)
    assert len(prompt) == 3
    assert prompt[1]["tool_calls"][0]["function"]["arguments"] == '{"x":1}'
    assert chosen == [{"role": "assistant", "content": "one"}]


def test_non_list_tool_calls_do_not_crash() -> None:
    obj = {
        "prompt": "q",
        "chosen": [{"role": "assistant", "content": "a", "tool_calls": 5}],
        "rejected": "b",
    }
    rec = TRLPreference().parse(copy.deepcopy(obj))
    assert rec.completions[0].messages == obj["chosen"]
    assert TRLPreference().dump(rec)["chosen"] == obj["chosen"]


def test_extra_keys_kept() -> None:
    rec = TRLPreference().parse(
        {**TRL_STANDARD_EXPLICIT, "score_chosen": 8.0, "score_rejected": 3.0}
    )
    assert rec.extra == {"score_chosen": 8.0, "score_rejected": 3.0}


@pytest.mark.parametrize(
    ("obj", "field"),
    [
        ({"prompt": "q", "rejected": "b"}, "chosen"),
        ({"prompt": "q", "chosen": "a"}, "rejected"),
        ({"prompt": "  ", "chosen": "a", "rejected": "b"}, "prompt"),
        ({"prompt": 5, "chosen": "a", "rejected": "b"}, "prompt"),
        ({"prompt": [], "chosen": "a", "rejected": "b"}, "prompt"),
        ({"prompt": [{"content": "q"}], "chosen": "a", "rejected": "b"}, "prompt[0].role"),
        ({"prompt": "q", "chosen": 1, "rejected": "b"}, "chosen"),
        ({"prompt": "q", "chosen": "a", "rejected": {"role": "assistant"}}, "rejected"),
        (
            {"prompt": "q", "chosen": [{"role": "assistant", "content": 3}], "rejected": "b"},
            "chosen[0].content",
        ),
        ({"chosen": "a b", "rejected": [{"role": "assistant", "content": "x"}]}, "rejected"),
        ({"chosen": "apple", "rejected": "banana"}, "prompt"),
        (
            {
                "chosen": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}],
                "rejected": [
                    {"role": "user", "content": "c"},
                    {"role": "assistant", "content": "d"},
                ],
            },
            "chosen",
        ),
        (
            {"chosen": [{"role": "user"}], "rejected": [{"role": "user", "content": "x"}]},
            "chosen[0].content",
        ),
    ],
)
def test_rejects_with_field(obj: dict[str, Any], field: str) -> None:
    with pytest.raises(FieldError) as info:
        TRLPreference().parse(obj)
    assert info.value.field == field
    assert info.value.reason


def test_hh_shaped_transcripts_with_a_prompt_key_are_trl(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "x.jsonl", [{**HH_SINGLE, "prompt": "What is a good name for a cat?"}]
    )
    assert detect_format(path).name == "trl-preference"


def test_override_reads_hh_file_as_trl(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "x.jsonl", [HH_SINGLE])
    assert detect_format(path).name == "hh-rlhf"
    source = open_source(path, format="trl-preference")
    (rec,) = records(source.records())
    # Implicit text prompt: the shared text up to the last whitespace before the split.
    assert rec.messages[0]["role"] == "user"
    assert rec.messages[0]["content"].endswith("Assistant:")
    assert rec.completions[1].messages == [{"role": "assistant", "content": "Dog."}]
