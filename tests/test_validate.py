"""The validator: cookbook error codes (fixed for tool calling), layouts, warnings, tokens, cost."""

from __future__ import annotations

import gzip
import json
import math
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curation.errors import CurationError, InputError
from curation.ingest.checks import Issue, detect_layout, validate_example
from curation.ingest.cost import default_epochs, estimate_cost
from curation.ingest.report import Distribution, ValidationReport
from curation.ingest.tokens import get_encoding
from curation.ingest.validate import validate_file, validate_objects

SYSTEM = {"role": "system", "content": "You are terse."}
USER = {"role": "user", "content": "What is 2+2?"}
ASSISTANT = {"role": "assistant", "content": "4"}
GOOD: dict[str, Any] = {"messages": [SYSTEM, USER, ASSISTANT]}


def call(call_id: str = "call_1", args: Any = '{"city": "Paris"}') -> dict[str, Any]:
    return {
        "id": call_id,
        "type": "function",
        "function": {"name": "get_weather", "arguments": args},
    }


WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
    },
}


def write_lines(path: Path, lines: list[Any], *, newline: str = "\n") -> Path:
    """Each item is a JSON-able value or an already-encoded line (str or bytes)."""
    out = bytearray()
    for line in lines:
        if isinstance(line, bytes):
            out += line
        elif isinstance(line, str):
            out += line.encode()
        else:
            out += orjson.dumps(line)
        out += newline.encode()
    path.write_bytes(bytes(out))
    return path


def codes(issues: list[Issue]) -> list[str]:
    return [i.code for i in issues]


# --------------------------------------------------------------------------- error codes


def msgs(*messages: Any) -> dict[str, Any]:
    return {"messages": list(messages)}


ERROR_CASES: list[tuple[str, Any, str, str]] = [
    ("data_type", [1, 2], "data_type", "example: expected a JSON object, got an array"),
    ("data_type_string", '"text"', "data_type", "got a string"),
    (
        "message_not_object",
        msgs("hi", ASSISTANT),
        "data_type",
        "messages[0]: expected a message object",
    ),
    ("no_messages", {"prompt": "x"}, "missing_messages_list", "messages: missing"),
    ("empty_messages", msgs(), "missing_messages_list", "messages: is an empty list"),
    ("messages_not_list", {"messages": {"role": "user"}}, "missing_messages_list", "got an object"),
    (
        "missing_role",
        msgs({"content": "x"}, ASSISTANT),
        "message_missing_key",
        "messages[0].role: missing",
    ),
    (
        "missing_content",
        msgs({"role": "user"}, ASSISTANT),
        "message_missing_key",
        "messages[0].content: missing",
    ),
    (
        "unrecognized_key",
        msgs({"role": "user", "content": "x", "mood": "ok"}, ASSISTANT),
        "message_unrecognized_key",
        "messages[0]: unrecognized key(s) 'mood'",
    ),
    (
        "unrecognized_role",
        msgs(SYSTEM, USER, {"role": "bot", "content": "x"}, ASSISTANT),
        "unrecognized_role",
        "messages[2].role: unrecognized role 'bot'",
    ),
    (
        "unhashable_role",
        msgs({"role": ["user"], "content": "x"}, ASSISTANT),
        "unrecognized_role",
        "messages[0].role: unrecognized role ['user']",
    ),
    (
        "empty_content",
        msgs({"role": "user", "content": ""}, ASSISTANT),
        "missing_content",
        "messages[0].content: is empty",
    ),
    (
        "null_content",
        msgs(USER, {"role": "assistant", "content": None}),
        "missing_content",
        "messages[1].content: is null",
    ),
    (
        "empty_parts",
        msgs({"role": "user", "content": []}, ASSISTANT),
        "missing_content",
        "messages[0].content: is an empty list",
    ),
    (
        "no_assistant",
        msgs(SYSTEM, USER),
        "example_missing_assistant_message",
        "messages: no assistant message",
    ),
    (
        "content_number",
        msgs({"role": "user", "content": 42}, ASSISTANT),
        "invalid_content_type",
        "messages[0].content: expected a string or a list of content parts, got a number",
    ),
    (
        "content_object",
        msgs(USER, {"role": "assistant", "content": {"text": "4"}}),
        "invalid_content_type",
        "messages[1].content",
    ),
    (
        "part_without_type",
        msgs({"role": "user", "content": [{"text": "hi"}]}, ASSISTANT),
        "invalid_content_part",
        "messages[0].content[0]: missing 'type'",
    ),
    (
        "part_unknown_type",
        msgs({"role": "user", "content": [{"type": "audio", "data": "x"}]}, ASSISTANT),
        "invalid_content_part",
        "unknown part type 'audio'",
    ),
    (
        "image_in_assistant",
        msgs(
            USER,
            {"role": "assistant", "content": [{"type": "image_url", "image_url": {"url": "u"}}]},
        ),
        "invalid_content_part",
        "image parts are only allowed in user messages",
    ),
    (
        "image_without_url",
        msgs({"role": "user", "content": [{"type": "image_url", "image_url": {}}]}, ASSISTANT),
        "invalid_content_part",
        "messages[0].content[0]: an image_url part needs image_url.url",
    ),
    (
        "tool_without_call_id",
        msgs(
            USER,
            {"role": "assistant", "tool_calls": [call()]},
            {"role": "tool", "content": "20C"},
            ASSISTANT,
        ),
        "missing_tool_call_id",
        "messages[2].tool_call_id: missing",
    ),
    (
        "tool_unknown_call_id",
        msgs(
            USER,
            {"role": "assistant", "tool_calls": [call("call_1")]},
            {"role": "tool", "tool_call_id": "call_9", "content": "20C"},
            ASSISTANT,
        ),
        "missing_tool_call_id",
        "messages[2].tool_call_id: 'call_9' answers no earlier tool call",
    ),
    (
        "arguments_object",
        msgs(
            USER,
            {"role": "assistant", "content": None, "tool_calls": [call(args={"city": "Paris"})]},
        ),
        "invalid_tool_call",
        "messages[1].tool_calls[0].function.arguments: expected a JSON string, got an object",
    ),
    (
        "arguments_not_json",
        msgs(
            USER, {"role": "assistant", "content": None, "tool_calls": [call(args="{city: Paris")]}
        ),
        "invalid_tool_call",
        "messages[1].tool_calls[0].function.arguments: not valid JSON",
    ),
    (
        "tool_calls_not_list",
        msgs(USER, {"role": "assistant", "content": "x", "tool_calls": call()}),
        "invalid_tool_call",
        "messages[1].tool_calls: expected a non-empty list",
    ),
    (
        "tool_call_without_name",
        msgs(
            USER,
            {
                "role": "assistant",
                "tool_calls": [{"id": "c", "type": "function", "function": {"arguments": "{}"}}],
            },
        ),
        "invalid_tool_call",
        "messages[1].tool_calls[0].function.name",
    ),
    (
        "tool_call_without_id",
        msgs(
            USER,
            {
                "role": "assistant",
                "tool_calls": [{"type": "function", "function": {"name": "f", "arguments": "{}"}}],
            },
        ),
        "invalid_tool_call",
        "messages[1].tool_calls[0].id",
    ),
    (
        "user_calls_tool",
        msgs({"role": "user", "content": "x", "tool_calls": [call()]}, ASSISTANT),
        "invalid_tool_call",
        "messages[0]: only assistant messages call tools",
    ),
    (
        "weight_two",
        msgs(USER, {"role": "assistant", "content": "4", "weight": 2}),
        "invalid_weight",
        "messages[1].weight: expected 0 or 1, got 2",
    ),
    (
        "weight_true",
        msgs(USER, {"role": "assistant", "content": "4", "weight": True}),
        "invalid_weight",
        "got True",
    ),
    (
        "weight_half",
        msgs(USER, {"role": "assistant", "content": "4", "weight": 0.5}),
        "invalid_weight",
        "got 0.5",
    ),
    (
        "name_number",
        msgs({"role": "user", "content": "x", "name": 3}, ASSISTANT),
        "invalid_type",
        "messages[0].name",
    ),
    ("tools_not_list", {**GOOD, "tools": {"a": 1}}, "invalid_tools", "tools: expected a list"),
    (
        "tool_without_name",
        {**GOOD, "tools": [{"type": "function", "function": {}}]},
        "invalid_tools",
        "tools[0].function.name",
    ),
    (
        "parallel_not_bool",
        {**GOOD, "parallel_tool_calls": "yes"},
        "invalid_type",
        "parallel_tool_calls",
    ),
    (
        "function_without_name",
        msgs(
            USER,
            {"role": "assistant", "function_call": {"name": "f", "arguments": "{}"}},
            {"role": "function", "content": "x"},
            ASSISTANT,
        ),
        "message_missing_key",
        "messages[2].name",
    ),
    (
        "dpo_missing_input",
        {"preferred_output": [ASSISTANT], "non_preferred_output": [ASSISTANT]},
        "missing_input",
        "input: missing",
    ),
    (
        "dpo_input_not_object",
        {"input": "hi", "preferred_output": [ASSISTANT], "non_preferred_output": [ASSISTANT]},
        "missing_input",
        "input: expected an object, got a string",
    ),
    (
        "dpo_input_without_messages",
        {"input": {}, "preferred_output": [ASSISTANT], "non_preferred_output": [ASSISTANT]},
        "missing_messages_list",
        "input.messages: missing",
    ),
    (
        "dpo_input_bad_role",
        {
            "input": {"messages": [{"role": "human", "content": "q"}]},
            "preferred_output": [ASSISTANT],
            "non_preferred_output": [ASSISTANT],
        },
        "unrecognized_role",
        "input.messages[0].role: unrecognized role 'human'",
    ),
    (
        "dpo_two_outputs",
        {
            "input": {"messages": [USER]},
            "preferred_output": [ASSISTANT, ASSISTANT],
            "non_preferred_output": [ASSISTANT],
        },
        "invalid_preference_output",
        "preferred_output: expected a list holding exactly one assistant message, got 2 items",
    ),
    (
        "dpo_missing_rejected",
        {"input": {"messages": [USER]}, "preferred_output": [ASSISTANT]},
        "invalid_preference_output",
        "non_preferred_output: missing",
    ),
    (
        "dpo_user_output",
        {
            "input": {"messages": [USER]},
            "preferred_output": [ASSISTANT],
            "non_preferred_output": [USER],
        },
        "invalid_preference_output",
        "non_preferred_output: role must be 'assistant'",
    ),
    (
        "dpo_output_not_list",
        {
            "input": {"messages": [USER]},
            "preferred_output": ASSISTANT,
            "non_preferred_output": [ASSISTANT],
        },
        "invalid_preference_output",
        "preferred_output: expected a list holding exactly one assistant message, got an object",
    ),
    (
        "dpo_output_null_content",
        {
            "input": {"messages": [USER]},
            "preferred_output": [{"role": "assistant", "content": None}],
            "non_preferred_output": [ASSISTANT],
        },
        "invalid_preference_output",
        "content must be non-empty text, got null",
    ),
    (
        "dpo_output_tool_call",
        {
            "input": {"messages": [USER]},
            "preferred_output": [{"role": "assistant", "content": "x", "tool_calls": [call()]}],
            "non_preferred_output": [ASSISTANT],
        },
        "invalid_preference_output",
        "text only",
    ),
    (
        "rft_bad_message",
        {"messages": [{"role": "user"}], "reference_answer": "4"},
        "message_missing_key",
        "messages[0].content: missing",
    ),
]


@pytest.mark.parametrize(
    ("line", "code", "message"),
    [case[1:] for case in ERROR_CASES],
    ids=[case[0] for case in ERROR_CASES],
)
def test_each_error_code_names_its_line_and_field(
    tmp_path: Path, line: Any, code: str, message: str
) -> None:
    path = write_lines(tmp_path / "f.jsonl", [GOOD, line, GOOD])
    report = validate_file(path)
    assert not report.ok
    assert report.examples == 3
    assert report.valid_examples == 2
    hits = [e for e in report.errors if e.code == code]
    assert hits, report.as_dict()["errors"]
    assert all(e.line == 2 for e in report.errors)
    assert any(message in e.message for e in hits), [e.message for e in hits]


@pytest.mark.parametrize("case", ERROR_CASES, ids=[case[0] for case in ERROR_CASES])
def test_validate_example_agrees_with_the_file_path(case: tuple[str, Any, str, str]) -> None:
    _, line, code, _ = case
    obj = orjson.loads(line) if isinstance(line, str) else line
    issues = validate_example(obj, 7)
    assert code in codes(issues)
    assert {i.line for i in issues} == {7}


def test_invalid_json_and_invalid_utf8_keep_their_line_numbers(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "f.jsonl", [GOOD, '{"messages": [', GOOD, b'{"messages": "\xff\xfe"}']
    )
    report = validate_file(path)
    assert [(e.line, e.code) for e in report.errors] == [(2, "invalid_json"), (4, "invalid_utf8")]
    assert report.valid_examples == 2
    assert "invalid JSON" in report.errors[0].message
    assert "UTF-8" in report.errors[1].message


def test_one_line_can_carry_several_errors_all_counted(tmp_path: Path) -> None:
    bad = msgs({"role": "bot", "content": 1, "x": 1})
    report = validate_file(write_lines(tmp_path / "f.jsonl", [bad]))
    assert set(report.error_counts) == {
        "message_unrecognized_key",
        "unrecognized_role",
        "invalid_content_type",
        "example_missing_assistant_message",
    }


# --------------------------------------------------------------------------- what must pass


VALID_CASES: list[tuple[str, dict[str, Any]]] = [
    ("plain", GOOD),
    ("developer_role", msgs({"role": "developer", "content": "Be brief."}, USER, ASSISTANT)),
    (
        "tool_call_null_content",
        {
            "messages": [
                SYSTEM,
                {"role": "user", "content": "Weather in Paris?"},
                {"role": "assistant", "content": None, "tool_calls": [call("call_1")]},
                {"role": "tool", "tool_call_id": "call_1", "content": '{"temp_c": 21}'},
                {"role": "assistant", "content": "21 °C."},
            ],
            "tools": [WEATHER_TOOL],
        },
    ),
    (
        "tool_call_content_absent",
        msgs(
            USER,
            {"role": "assistant", "tool_calls": [call("c")]},
            {"role": "tool", "tool_call_id": "c", "content": "ok"},
            ASSISTANT,
        ),
    ),
    (
        "tool_call_empty_content",
        msgs(
            USER,
            {"role": "assistant", "content": "", "tool_calls": [call("c")]},
            {"role": "tool", "tool_call_id": "c", "content": "ok"},
            ASSISTANT,
        ),
    ),
    (
        "parallel_tool_calls",
        {
            "messages": [
                USER,
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [call("a", '{"city": "Paris"}'), call("b", '{"city": "Rome"}')],
                },
                {"role": "tool", "tool_call_id": "a", "content": "21"},
                {"role": "tool", "tool_call_id": "b", "content": "25"},
                {"role": "assistant", "content": "Paris 21, Rome 25."},
            ],
            "tools": [WEATHER_TOOL],
            "parallel_tool_calls": True,
        },
    ),
    (
        "deprecated_function_call",
        {
            "messages": [
                USER,
                {
                    "role": "assistant",
                    "content": None,
                    "function_call": {"name": "get_weather", "arguments": "{}"},
                },
                {"role": "function", "name": "get_weather", "content": "21"},
                ASSISTANT,
            ],
            "functions": [{"name": "get_weather", "parameters": {}}],
        },
    ),
    (
        "weights",
        msgs(
            USER,
            {"role": "assistant", "content": "a", "weight": 0},
            USER,
            {"role": "assistant", "content": "b", "weight": 1},
        ),
    ),
    (
        "content_parts",
        msgs(
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "What is in this image?"},
                    {
                        "type": "image_url",
                        "image_url": {"url": "https://example.com/cat.png", "detail": "low"},
                    },
                ],
            },
            {"role": "assistant", "content": [{"type": "text", "text": "A cat."}]},
        ),
    ),
    (
        "name_and_refusal",
        msgs(
            {"role": "user", "content": "x", "name": "ann"},
            {"role": "assistant", "content": "no", "refusal": "no"},
        ),
    ),
    ("metadata_is_still_chat", {**GOOD, "metadata": {"source": "crm"}}),
    (
        "dpo",
        {
            "input": {"messages": [SYSTEM, USER], "tools": [], "parallel_tool_calls": True},
            "preferred_output": [{"role": "assistant", "content": "4"}],
            "non_preferred_output": [{"role": "assistant", "content": "5"}],
        },
    ),
    ("rft_last_turn_user", {"messages": [SYSTEM, USER], "reference_answer": "4"}),
    (
        "rft_any_grader_keys",
        {"messages": [USER], "expected": {"answer": 4}, "tolerance": 0.1, "tools": [WEATHER_TOOL]},
    ),
]


@pytest.mark.parametrize("example", [c[1] for c in VALID_CASES], ids=[c[0] for c in VALID_CASES])
def test_valid_examples_pass(example: dict[str, Any]) -> None:
    assert validate_example(example) == []


def test_valid_examples_pass_through_a_file_and_are_counted(tmp_path: Path) -> None:
    chat = [c[1] for c in VALID_CASES if c[0] not in ("dpo",) and not c[0].startswith("rft")]
    report = validate_file(write_lines(tmp_path / "f.jsonl", chat))
    assert report.ok, report.as_dict()["errors"]
    assert report.valid_examples == len(chat)
    assert report.total_tokens.n == len(chat)
    assert dict(report.layouts) == {"chat": len(chat)}


@pytest.mark.parametrize(
    ("obj", "layout"),
    [
        (GOOD, "chat"),
        ({**GOOD, "tools": [], "parallel_tool_calls": False, "metadata": {}}, "chat"),
        ({**GOOD, "reference_answer": "x"}, "rft"),
        (
            {"input": {"messages": [USER]}, "preferred_output": [], "non_preferred_output": []},
            "dpo",
        ),
        ({"preferred_output": []}, "dpo"),
        ({"input": {}}, "dpo"),
        ({"prompt": "x"}, "chat"),
    ],
)
def test_layout_detection(obj: dict[str, Any], layout: str) -> None:
    assert detect_layout(obj) == layout


def test_forced_layout_changes_the_rules() -> None:
    no_assistant = msgs(SYSTEM, USER)
    assert codes(validate_example(no_assistant)) == ["example_missing_assistant_message"]
    assert validate_example(no_assistant, layout="rft") == []
    assert "missing_input" in codes(validate_example(GOOD, layout="dpo"))
    with pytest.raises(InputError, match="unknown layout"):
        validate_objects([(1, GOOD)], layout="sft")
    with pytest.raises(InputError, match="unknown layout"):
        validate_example(GOOD, layout="sft")


def test_rft_and_dpo_report_their_layouts_and_mixing_is_warned(tmp_path: Path) -> None:
    dpo = dict(VALID_CASES)["dpo"]
    rft = dict(VALID_CASES)["rft_last_turn_user"]
    report = validate_file(write_lines(tmp_path / "f.jsonl", [GOOD, dpo, rft]))
    assert report.ok
    assert dict(report.layouts) == {"chat": 1, "dpo": 1, "rft": 1}
    assert "mixed_layouts" in {w.code for w in report.warnings}


def test_dpo_tokens_cover_input_and_both_outputs() -> None:
    dpo = dict(VALID_CASES)["dpo"]
    report = validate_objects([(1, dpo)])
    enc = get_encoding("o200k_base")
    expected = 3 + sum(
        3 + len(enc.encode(m["role"])) + len(enc.encode(m["content"]))
        for m in [SYSTEM, USER, ASSISTANT, {"role": "assistant", "content": "5"}]
    )
    assert report.total_tokens.summary().max == expected
    assert report.assistant_tokens.summary().max == 2  # "4" and "5"


# --------------------------------------------------------------------------- file handling


def test_gzip_bom_crlf_and_blank_lines(tmp_path: Path) -> None:
    raw = (
        b"\xef\xbb\xbf"
        + orjson.dumps(GOOD)
        + b"\r\n\r\n   \r\n"
        + orjson.dumps(msgs(USER))
        + b"\r\n"
        + orjson.dumps(GOOD)
        + b"\r\n"
    )
    plain = tmp_path / "f.jsonl"
    plain.write_bytes(raw)
    zipped = tmp_path / "f.jsonl.gz"
    zipped.write_bytes(gzip.compress(raw))
    for path in (plain, zipped):
        report = validate_file(path)
        assert report.examples == 3
        assert [(e.line, e.code) for e in report.errors] == [
            (4, "example_missing_assistant_message")
        ]


def test_missing_file_is_a_curation_error(tmp_path: Path) -> None:
    with pytest.raises(CurationError, match="no such file"):
        validate_file(tmp_path / "nope.jsonl")


def test_max_errors_bounds_the_list_but_counts_every_error(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "f.jsonl", [msgs(USER)] * 30 + [GOOD])
    report = validate_file(path, max_errors=5)
    assert len(report.errors) == 5
    assert [e.line for e in report.errors] == [1, 2, 3, 4, 5]
    assert report.error_counts == {"example_missing_assistant_message": 30}
    d = report.as_dict()
    assert d["errors_total"] == 30 and d["errors_truncated"] is True
    assert validate_file(path, max_errors=0).errors == []


def test_validate_objects_reports_the_given_lines() -> None:
    report = validate_objects([(10, GOOD), (11, "x"), (12, msgs(USER))])
    assert [(e.line, e.code) for e in report.errors] == [
        (11, "data_type"),
        (12, "example_missing_assistant_message"),
    ]
    assert report.examples == 3 and report.valid_examples == 1


# --------------------------------------------------------------------------- report shape


def test_as_dict_shape_and_json_round_trip(tmp_path: Path) -> None:
    report = validate_file(write_lines(tmp_path / "f.jsonl", [GOOD, [1]]), price_per_million=25.0)
    d = report.as_dict()
    for key in (
        "examples",
        "errors",
        "warnings",
        "tokens",
        "encoding",
        "n_epochs",
        "estimated_cost_usd",
    ):
        assert key in d
    assert d["errors"] == [
        {"line": 2, "code": "data_type", "message": "example: expected a JSON object, got an array"}
    ]
    assert d["error_counts"] == {"data_type": 1}
    assert all({"code", "message"} <= set(w) for w in d["warnings"])
    assert set(d["tokens"]) >= {"total", "assistant", "histogram"}
    assert set(d["tokens"]["total"]) >= {"min", "median", "p90", "max"}
    assert json.loads(json.dumps(d)) == d
    assert d["ok"] is False and report.ok is False
    assert "line 2: [data_type]" in report.render_text()


def test_empty_file_has_no_errors_but_warns(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"\n\n")
    report = validate_file(path, price_per_million=10.0)
    d = report.as_dict()
    assert report.ok and d["examples"] == 0
    assert d["n_epochs"] is None and d["estimated_cost_usd"] == 0.0
    assert d["tokens"]["total"] == {
        "min": None,
        "median": None,
        "p90": None,
        "max": None,
        "mean": None,
        "sum": 0,
    }
    assert d["tokens"]["histogram"] == {"edges": [], "counts": []}
    assert [w["code"] for w in d["warnings"]] == ["too_few_examples"]
    report.render_text()


# --------------------------------------------------------------------------- warnings


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (3, "too_few_examples"),
        (9, "too_few_examples"),
        (10, "few_examples"),
        (49, "few_examples"),
        (50, None),
    ],
)
def test_example_count_warnings(n: int, expected: str | None) -> None:
    report = validate_objects((i + 1, GOOD) for i in range(n))
    found = {w.code for w in report.warnings} & {"too_few_examples", "few_examples"}
    assert found == ({expected} if expected else set())
    if expected == "too_few_examples":
        assert "OpenAI requires at least 10" in next(
            w.message for w in report.warnings if w.code == expected
        )


def test_missing_system_and_user_counts() -> None:
    items = [
        (1, GOOD),
        (2, msgs(USER, ASSISTANT)),
        (3, msgs({"role": "developer", "content": "d"}, USER, ASSISTANT)),
        (4, msgs(SYSTEM, ASSISTANT)),
        (5, msgs(ASSISTANT)),
    ]
    warnings = {w.code: w for w in validate_objects(items).warnings}
    assert warnings["missing_system_message"].count == 2
    assert warnings["missing_user_message"].count == 2


def test_examples_over_the_context_limit_are_warned_with_lines(tmp_path: Path) -> None:
    long = msgs(USER, {"role": "assistant", "content": " hello" * 66_000})
    report = validate_file(write_lines(tmp_path / "f.jsonl", [GOOD, long, GOOD, long]))
    over = next(w for w in report.warnings if w.code == "over_token_limit")
    assert over.count == 2 and over.lines == (2, 4)
    assert "65,536" in over.message
    # billed tokens cap each long example at the context limit
    assert report.billed_tokens == 2 * 65_536 + 2 * int(report.total_tokens.summary().min or 0)


# --------------------------------------------------------------------------- tokens


def cookbook_tokens(messages: list[dict[str, str]]) -> tuple[int, int]:
    """The cookbook formula, straight from tiktoken."""
    enc = get_encoding("o200k_base")
    total, assistant = 3, 0
    for m in messages:
        total += 3
        for key, value in m.items():
            total += len(enc.encode(value))
            if key == "name":
                total += 1
        if m["role"] == "assistant":
            assistant += len(enc.encode(m["content"]))
    return total, assistant


def test_token_statistics_match_tiktoken(tmp_path: Path) -> None:
    examples = [
        msgs(SYSTEM, USER, ASSISTANT),
        msgs(
            {"role": "user", "content": "Summarise: the quick brown fox jumps over the lazy dog."},
            {"role": "assistant", "content": "A fox jumps over a dog."},
        ),
        msgs(
            {"role": "user", "content": "naïve café — 東京", "name": "ann"},
            {"role": "assistant", "content": "Ünïcödé ok"},
        ),
        msgs(
            USER,
            {"role": "assistant", "content": "one"},
            USER,
            {"role": "assistant", "content": "two three four five six seven"},
        ),
        msgs(
            {"role": "system", "content": "x " * 40},
            USER,
            {"role": "assistant", "content": "def f(x):\n    return x * 2\n"},
        ),
    ]
    report = validate_file(write_lines(tmp_path / "f.jsonl", examples), model="gpt-4.1")
    assert report.encoding == "o200k_base" and report.encoding_note == ""
    expected = [cookbook_tokens(e["messages"]) for e in examples]
    totals = np.array([t for t, _ in expected])
    assistant = np.array([a for _, a in expected])
    tokens = report.as_dict()["tokens"]
    for key, arr in (("total", totals), ("assistant", assistant)):
        stats = tokens[key]
        assert stats["min"] == arr.min() and stats["max"] == arr.max()
        assert stats["median"] == pytest.approx(np.median(arr))
        assert stats["p90"] == pytest.approx(np.quantile(arr, 0.9))
        assert stats["sum"] == arr.sum()
    counts, edges = np.histogram(totals, bins=len(tokens["histogram"]["counts"]))
    assert tokens["histogram"]["counts"] == counts.tolist()
    assert tokens["histogram"]["edges"] == pytest.approx(edges.tolist())
    assert report.billed_tokens == totals.sum()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(st.integers(0, 3000), st.integers(300_000, 10**7)), min_size=1, max_size=300)
)
def test_distribution_is_exact(values: list[int]) -> None:
    dist = Distribution()
    arr = np.array(values, dtype=np.int64)
    for chunk in np.array_split(arr, 3):
        dist.add(chunk)
    summary = dist.summary()
    assert summary.min == arr.min() and summary.max == arr.max() and summary.sum == arr.sum()
    for q in (0.0, 0.1, 0.5, 0.9, 1.0):
        assert dist.quantile(q) == pytest.approx(float(np.quantile(arr, q)))
    assert sum(dist.histogram().counts) == len(values)
    as_json = dist.summary().as_dict()  # the JSON keeps its keys, in their order
    assert list(as_json) == ["min", "median", "p90", "max", "mean", "sum"]
    assert as_json["sum"] == summary.sum and as_json["median"] == summary.median
    histogram = dist.histogram().as_dict()
    assert histogram["counts"] == list(dist.histogram().counts)
    assert isinstance(histogram["edges"], list) and len(histogram["edges"]) == 31


@pytest.mark.parametrize(
    "model",
    [
        "ft:gpt-4.1-2025-04-14:acme:support:AbC123",
        "ft:gpt-4.1-mini-2025-04-14:acme::x",
        "gpt-4o-mini",
    ],
)
def test_fine_tuned_model_names_use_o200k(tmp_path: Path, model: str) -> None:
    report = validate_file(write_lines(tmp_path / "f.jsonl", [GOOD]), model=model)
    assert report.encoding == "o200k_base"
    assert report.context_limit == 65_536
    assert report.total_tokens.summary().max == cookbook_tokens(GOOD["messages"])[0]


# --------------------------------------------------------------------------- cost


@pytest.mark.parametrize(
    ("n", "epochs"),
    [
        (0, None),
        (1, 25),
        (3, 25),
        (5, 20),
        (33, 4),
        (34, 3),
        (1000, 3),
        (8333, 3),
        (8334, 2),
        (10_000, 2),
        (25_001, 1),
        (10**6, 1),
    ],
)
def test_default_epochs(n: int, epochs: int | None) -> None:
    assert default_epochs(n) == epochs
    if epochs is not None:
        assert 1 <= epochs <= 25
        assert n * epochs >= 100 or epochs == 25
        assert n * epochs <= 25_000 or epochs == 1


def test_cost_for_five_examples_trains_twenty_epochs() -> None:
    report = validate_objects(((i + 1, GOOD) for i in range(5)), price_per_million=25.0)
    per_example = cookbook_tokens(GOOD["messages"])[0]
    d = report.as_dict()
    assert d["n_epochs"] == 20
    assert d["billed_tokens"] == 5 * per_example
    assert d["training_tokens"] == 100 * per_example
    assert d["estimated_cost_usd"] == pytest.approx(100 * per_example * 25.0 / 1e6)
    assert validate_objects([(1, GOOD)]).as_dict()["estimated_cost_usd"] is None


def test_cost_for_ten_thousand_examples_trains_two_epochs() -> None:
    report = validate_objects(((i + 1, GOOD) for i in range(10_000)), price_per_million=3.0)
    assert report.n_epochs == 2
    assert report.training_tokens == 2 * report.billed_tokens
    assert report.estimated_cost_usd == pytest.approx(report.training_tokens * 3.0 / 1e6)


def test_estimate_cost_caps_examples_at_the_context() -> None:
    cost = estimate_cost(np.array([100, 70_000, 10]), model="gpt-4.1", price_per_million=2.0)
    assert cost.billed_tokens == 100 + 65_536 + 10
    assert cost.n_epochs == 25  # 3 examples: ceil(100 / 3) = 34, clamped to 25
    assert cost.training_tokens == cost.billed_tokens * 25
    assert cost.usd == pytest.approx(cost.training_tokens * 2.0 / 1e6)
    assert estimate_cost([], price_per_million=1.0).usd == 0.0


# --------------------------------------------------------------------------- properties

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**40)
    | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda kids: (
        st.lists(kids, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "role",
                    "content",
                    "messages",
                    "tool_calls",
                    "function",
                    "arguments",
                    "input",
                    "preferred_output",
                    "non_preferred_output",
                    "type",
                    "text",
                    "weight",
                    "id",
                    "tool_call_id",
                    "name",
                    "x",
                ]
            ),
            kids,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(JSON_VALUES)
def test_any_json_value_yields_issues_never_an_exception(value: Any) -> None:
    issues = validate_example(value, 3)
    assert all(isinstance(i, Issue) and i.line == 3 and i.code and i.message for i in issues)


def _mangle(data: bytes, ops: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for pos, byte in ops:
        if not out:
            break
        i = pos % len(out)
        if byte % 3 == 0:
            del out[i]
        else:
            out[i] = byte
    return bytes(out)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.one_of(
            st.binary(max_size=80),
            st.tuples(
                st.sampled_from([GOOD, *(c[1] for c in VALID_CASES)]),
                st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=4),
            ),
        ),
        max_size=12,
    )
)
def test_random_bytes_and_mangled_lines_never_raise(lines: list[Any]) -> None:
    chunks: list[bytes] = []
    for line in lines:
        chunks.append(line if isinstance(line, bytes) else _mangle(orjson.dumps(line[0]), line[1]))
    data = b"\n".join(chunks)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.jsonl"
        path.write_bytes(data)
        report = validate_file(path)
    n_lines = data.count(b"\n") + 1
    assert isinstance(report, ValidationReport)
    assert all(1 <= e.line <= n_lines for e in report.errors)
    assert report.valid_examples + len({e.line for e in report.errors}) == report.examples
    json.dumps(report.as_dict())
    assert math.isfinite(report.billed_tokens)
