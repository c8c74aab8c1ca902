"""Auto-detection from content for every format, and the ``--format`` override."""

from __future__ import annotations

import copy
import gzip
from pathlib import Path
from typing import Any

import pytest

from curation.ingest.formats import FORMATS, detect_format, open_source, read_records
from tests.helpers.formats import (
    ALPACA_ROWS,
    EXAMPLES,
    HH_SINGLE,
    N_COMPLETIONS,
    OPENAI_CHAT_PARTS,
    OPENAI_CHAT_SIMPLE,
    OPENAI_RFT,
    RFT_PAIRS,
    SHAREGPT,
    TRL_CONV_EXPLICIT,
    TRL_STANDARD_EXPLICIT,
    TRL_STANDARD_IMPLICIT,
    ULTRAFEEDBACK,
    dumps,
    records,
    write_json,
    write_jsonl,
)

JSON_FORMATS = sorted(EXAMPLES)


def test_every_json_format_has_an_example() -> None:
    assert set(EXAMPLES) == set(FORMATS) - {"table"}


@pytest.mark.parametrize("name", JSON_FORMATS)
@pytest.mark.parametrize("container", ["jsonl", "json", "jsonl.gz"])
def test_detects_each_format(tmp_path: Path, name: str, container: str) -> None:
    example = EXAMPLES[name]
    if container == "json":
        path = write_json(tmp_path / "data.json", [example, example])
    else:
        path = write_jsonl(
            tmp_path / f"data.{container}", [example, example], gz=container.endswith("gz")
        )
    fmt = detect_format(path)
    assert fmt.name == name
    source = open_source(path)
    assert source.format.name == name
    assert len(records(source.records())) == 2


@pytest.mark.parametrize(
    ("obj", "name"),
    [
        (OPENAI_CHAT_SIMPLE, "openai-chat"),
        (OPENAI_CHAT_PARTS, "openai-chat"),
        (
            {**OPENAI_CHAT_SIMPLE, "tools": [], "parallel_tool_calls": True, "metadata": {}},
            "openai-chat",
        ),
        ({**OPENAI_CHAT_SIMPLE, "functions": []}, "openai-chat"),
        # an extra key on a conversation that ends with the answer is still chat (an id,
        # say); on one that ends with the user's turn it is a reference field for RFT
        ({**OPENAI_CHAT_SIMPLE, "id": 3}, "openai-chat"),
        (
            {"messages": OPENAI_CHAT_SIMPLE["messages"][:-1], "id": 3},
            "openai-rft",
        ),
        (OPENAI_RFT, "openai-rft"),
        ({**RFT_PAIRS, "reference_answer": "x"}, "rft-pairs"),
        ({"messages": [], "rejected_completion": "x"}, "rft-pairs"),
        ({**N_COMPLETIONS, "reference_answer": "x"}, "n-completions"),
        (TRL_STANDARD_EXPLICIT, "trl-preference"),
        (TRL_STANDARD_IMPLICIT, "trl-preference"),
        (TRL_CONV_EXPLICIT, "trl-preference"),
        (HH_SINGLE, "hh-rlhf"),
        ({**HH_SINGLE, "prompt": "x"}, "trl-preference"),
        (SHAREGPT, "sharegpt"),
        ({"conversations": [], "instruction": "x", "output": "y"}, "sharegpt"),
        (ALPACA_ROWS[2], "alpaca"),
        (ULTRAFEEDBACK, "ultrafeedback"),
        ({"input": {"messages": []}, "non_preferred_output": []}, "openai-preference"),
    ],
)
def test_detection_priorities(tmp_path: Path, obj: dict[str, Any], name: str) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", [obj])
    assert detect_format(path).name == name


@pytest.mark.parametrize("source_name", JSON_FORMATS)
@pytest.mark.parametrize("forced", JSON_FORMATS)
def test_override_always_yields_one_parsed_per_line(
    tmp_path: Path, source_name: str, forced: str
) -> None:
    """Forcing any format on any file: one Parsed per line, a record or a named error."""
    example = copy.deepcopy(EXAMPLES[source_name])
    path = write_jsonl(tmp_path / "d.jsonl", [example, "", example])
    source = open_source(path, format=forced)
    assert source.format.name == forced
    parsed = list(source.records())
    assert [p.line for p in parsed] == [1, 3]
    for p in parsed:
        assert (p.record is None) != (p.error is None)
        if p.error is not None:
            assert p.error.field and p.error.reason
    if forced == source_name:
        assert all(p.record is not None for p in parsed)


def test_override_wins_over_detection(tmp_path: Path) -> None:
    # Detected as chat, forced to RFT: same messages, and RFT's dump keeps every extra key.
    path = write_jsonl(tmp_path / "d.jsonl", [OPENAI_CHAT_SIMPLE])
    assert detect_format(path).name == "openai-chat"
    (rec,) = records(read_records(path, "openai-rft"))
    assert rec.messages == OPENAI_CHAT_SIMPLE["messages"]


def test_detection_reads_past_a_bad_first_line_in_gzip(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl.gz"
    path.write_bytes(gzip.compress(b"{broken\n" + dumps(SHAREGPT).encode() + b"\n"))
    assert detect_format(path).name == "sharegpt"
