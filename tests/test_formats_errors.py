"""Bad input: each rejected item names its 1-based line, the field and a reason; the rest loads."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from curation.ingest.formats import read_records
from tests.helpers.formats import EXAMPLES, dumps, write_jsonl

Mutation = Callable[[dict[str, Any]], None]

# Two different breakages per format, each with the field it must be reported under.
BREAKAGES: dict[str, list[tuple[Mutation, str]]] = {
    "openai-chat": [
        (lambda o: o["messages"][1].pop("role"), "messages[1].role"),
        (lambda o: o["messages"][4].__setitem__("content", {"text": "x"}), "messages[4].content"),
    ],
    "openai-preference": [
        (lambda o: o.__setitem__("preferred_output", []), "preferred_output"),
        (lambda o: o["input"].__setitem__("messages", {}), "input.messages"),
    ],
    "openai-rft": [
        (lambda o: o["messages"].append(7), "messages[2]"),
        (lambda o: o["messages"][0].__setitem__("role", ["developer"]), "messages[0].role"),
    ],
    "rft-pairs": [
        (lambda o: o.pop("preferred_completion"), "preferred_completion"),
        (lambda o: o.__setitem__("metadata", "q"), "metadata"),
    ],
    "n-completions": [
        (lambda o: o["rankings"].append([0, 4]), "rankings[4]"),
        (lambda o: o["completions"].__setitem__(3, None), "completions[3]"),
    ],
    "trl-preference": [
        (lambda o: o["chosen"][0].pop("role"), "chosen[0].role"),
        (lambda o: o.__setitem__("rejected", 1.5), "rejected"),
    ],
    "sharegpt": [
        (lambda o: o["conversations"][0].__setitem__("from", "narrator"), "conversations[0].from"),
        (lambda o: o["conversations"][3].__setitem__("value", ["x"]), "conversations[3].value"),
    ],
    "alpaca": [
        (lambda o: o.__setitem__("output", ""), "output"),
        (lambda o: o.__setitem__("history", [["only one"]]), "history[0]"),
    ],
    "hh-rlhf": [
        (lambda o: o.__setitem__("rejected", "Assistant: no"), "rejected"),
        (lambda o: o.__setitem__("chosen", None), "chosen"),
    ],
    "ultrafeedback": [
        (lambda o: o["completions"][2].pop("response"), "completions[2].response"),
        (lambda o: o.__setitem__("instruction", 12), "instruction"),
    ],
    "llamafactory-preference": [
        (lambda o: o["chosen"].pop("value"), "chosen.content"),
        (lambda o: o["conversations"][0].__setitem__("from", "narrator"), "conversations[0].from"),
    ],
    "llamafactory-kto": [
        (lambda o: o["messages"].pop(1), "messages"),
        (lambda o: o.__setitem__("label", "yes"), "label"),
    ],
    "llamafactory-messages": [
        (lambda o: o.__setitem__("tools", "[oops"), "tools"),
        (lambda o: o["messages"][1].__setitem__("content", 5), "messages[1].content"),
    ],
    "llamafactory-v1": [
        (lambda o: o["messages"][1].__setitem__("loss_weight", "x"), "messages[1].loss_weight"),
        (lambda o: o["messages"][0]["content"].__setitem__(0, 3), "messages[0].content[0]"),
    ],
    "axolotl-chat": [
        (lambda o: o["messages"][1].__setitem__("train", "yes"), "messages[1].train"),
        (lambda o: o["messages"][0].pop("role"), "messages[0].role"),
    ],
    "axolotl-input-output": [
        (lambda o: o["segments"][1].pop("label"), "segments[1].label"),
        (lambda o: o["segments"][0].__setitem__("text", 3), "segments[0].text"),
    ],
    "axolotl-completion": [
        (lambda o: o.__setitem__("text", " "), "text"),
        (lambda o: o.__setitem__("text", ""), "text"),
    ],
    "anthropic-messages": [
        (lambda o: o["messages"][1]["content"].__setitem__(0, 5), "messages[1].content[0]"),
        (lambda o: o["messages"][0].__setitem__("content", 3), "messages[0].content"),
    ],
    "openai-batch": [
        (lambda o: o.__setitem__("body", []), "body"),
        (lambda o: o["body"].__setitem__("messages", {}), "body.messages"),
    ],
    "trl-kto": [
        (lambda o: o.__setitem__("label", "x"), "label"),
        (lambda o: o.__setitem__("completion", 5), "completion"),
    ],
}


def _broken(name: str, which: int) -> dict[str, Any]:
    obj = copy.deepcopy(EXAMPLES[name])
    BREAKAGES[name][which][0](obj)
    return obj


def test_every_format_has_breakages() -> None:
    assert set(BREAKAGES) == set(EXAMPLES)


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_jsonl_bad_lines_reported_with_line_field_reason(tmp_path: Path, name: str) -> None:
    good = EXAMPLES[name]
    rows: list[Any] = [
        good,  # 1
        _broken(name, 0),  # 2
        "",  # 3 blank
        good,  # 4
        dumps(good)[:-3],  # 5 truncated JSON
        _broken(name, 1),  # 6
        "[]",  # 7 not an object
        good,  # 8
    ]
    path = write_jsonl(tmp_path / "mixed.jsonl", rows)
    parsed = list(read_records(path, name))
    assert [p.line for p in parsed] == [1, 2, 4, 5, 6, 7, 8]
    got = [(p.error.line, p.error.field, p.error.code) for p in parsed if p.error is not None]
    assert got == [
        (2, BREAKAGES[name][0][1], "invalid_field"),
        (5, "", "invalid_json"),
        (6, BREAKAGES[name][1][1], "invalid_field"),
        (7, "record", "invalid_field"),
    ]
    assert all(p.error.reason.strip() for p in parsed if p.error is not None)
    assert [p.line for p in parsed if p.record is not None] == [1, 4, 8]
    # The raw value travels with a field error (for the review UI).
    assert parsed[1].raw == _broken(name, 0)


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_auto_detection_with_bad_lines(tmp_path: Path, name: str) -> None:
    rows = [EXAMPLES[name], _broken(name, 0), EXAMPLES[name]]
    path = write_jsonl(tmp_path / "mixed.jsonl", rows)
    parsed = list(read_records(path))
    assert [(p.line, p.error.field) for p in parsed if p.error] == [(2, BREAKAGES[name][0][1])]


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_json_array_bad_elements_reported_at_their_first_line(tmp_path: Path, name: str) -> None:
    elements = [EXAMPLES[name], _broken(name, 1), EXAMPLES[name]]
    text = "[\n" + ",\n\n".join(dumps(e) for e in elements) + "\n]\n"
    path = tmp_path / "mixed.json"
    path.write_text(text)
    parsed = list(read_records(path, name))
    assert [p.line for p in parsed] == [2, 4, 6]
    assert [(p.line, p.error.field) for p in parsed if p.error] == [(4, BREAKAGES[name][1][1])]


def test_first_line_bad_is_line_one(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "m.jsonl", [_broken("openai-chat", 0), EXAMPLES["openai-chat"]])
    parsed = list(read_records(path))
    assert parsed[0].error is not None
    assert (parsed[0].error.line, parsed[0].error.field) == (1, "messages[1].role")
    assert parsed[0].error.reason == "missing"


def test_deeply_nested_line_is_an_error_not_a_crash(tmp_path: Path) -> None:
    deep = '{"messages": ' + "[" * 5000 + "]" * 5000 + "}"
    path = write_jsonl(
        tmp_path / "d.jsonl", [EXAMPLES["openai-chat"], deep, EXAMPLES["openai-chat"]]
    )
    parsed = list(read_records(path, "openai-chat"))
    assert [(p.line, p.error is None) for p in parsed] == [(1, True), (2, False), (3, True)]
    assert parsed[1].error is not None and parsed[1].error.reason
