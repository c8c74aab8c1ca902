"""Anthropic HH-RLHF: synthetic cases and the real harmless-base test split."""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import Any

import orjson
import pytest

from curation.errors import FieldError
from curation.ingest.formats import detect_format, read_records
from curation.ingest.formats.hh import ASSISTANT, HHRLHF, split_turns, transcript
from tests.helpers.formats import (
    HH_MULTI,
    HH_RLHF,
    HH_SINGLE,
    HH_SPANNING,
    errors,
    read_all,
    write_jsonl,
)


def test_detected_from_content(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "data.jsonl", [HH_SINGLE, HH_MULTI])
    assert detect_format(path).name == "hh-rlhf"


def test_single_turn() -> None:
    rec = HHRLHF().parse(dict(HH_SINGLE))
    assert rec.messages == [{"role": "user", "content": "What is a good name for a cat?"}]
    assert [c.messages for c in rec.completions] == [
        [{"role": "assistant", "content": "Whiskers is a classic."}],
        [{"role": "assistant", "content": "Dog."}],
    ]
    assert [c.source for c in rec.completions] == ["chosen", "rejected"]
    assert rec.rankings == [(0, 1)]
    assert list(rec.pairs()) == [(0, 1, 0)]


def test_multi_turn_split_at_last_shared_assistant_marker() -> None:
    rec = HHRLHF().parse(dict(HH_MULTI))
    assert rec.messages == [
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Hello! How can I help?"},
        {"role": "user", "content": "Tell me a fact."},
    ]
    assert rec.completions[0].text == "Octopuses have three hearts."
    assert rec.completions[1].text == "No."


def test_completions_spanning_several_turns() -> None:
    rec = HHRLHF().parse(dict(HH_SPANNING))
    # The transcripts share "...Assistant: Hello!\n\nHuman: " and diverge inside the
    # second Human turn, so the last shared Assistant marker is the first one.
    assert rec.messages == [{"role": "user", "content": "Hi"}]
    assert rec.completions[0].messages == [
        {"role": "assistant", "content": "Hello!"},
        {"role": "user", "content": "Fact please."},
        {"role": "assistant", "content": "Bees dance."},
    ]
    assert rec.completions[1].messages == [
        {"role": "assistant", "content": "Hello!"},
        {"role": "user", "content": "Go away."},
        {"role": "assistant", "content": "Bye."},
    ]


@pytest.mark.parametrize("example", [HH_SINGLE, HH_MULTI, HH_SPANNING])
def test_prompt_plus_completion_rebuilds_each_transcript(example: dict[str, str]) -> None:
    rec = HHRLHF().parse(dict(example))
    prefix = transcript(rec.messages)
    assert prefix + transcript(rec.completions[0].messages) == example["chosen"]
    assert prefix + transcript(rec.completions[1].messages) == example["rejected"]
    assert HHRLHF().dump(rec) == example


def test_empty_rejected_reply_without_trailing_space() -> None:
    obj = {
        "chosen": "\n\nHuman: hi\n\nAssistant: Hello.",
        "rejected": "\n\nHuman: hi\n\nAssistant:",
    }
    rec = HHRLHF().parse(obj)
    assert rec.messages == [{"role": "user", "content": "hi"}]
    assert rec.completions[1].messages == [{"role": "assistant", "content": ""}]


def test_extra_keys_kept() -> None:
    rec = HHRLHF().parse({**HH_SINGLE, "red_team_score": 1.5})
    assert rec.extra == {"red_team_score": 1.5}


@pytest.mark.parametrize(
    ("obj", "field"),
    [
        ({"rejected": HH_SINGLE["rejected"]}, "chosen"),
        ({"chosen": HH_SINGLE["chosen"]}, "rejected"),
        ({"chosen": "", "rejected": HH_SINGLE["rejected"]}, "chosen"),
        ({"chosen": HH_SINGLE["chosen"], "rejected": ["x"]}, "rejected"),
        ({"chosen": "Human: hi\n\nAssistant: yo", "rejected": HH_SINGLE["rejected"]}, "chosen"),
        ({"chosen": HH_SINGLE["chosen"], "rejected": "\n\nAssistant: no"}, "rejected"),
        (
            {"chosen": "\n\nHuman: a\n\nAssistant: x", "rejected": "\n\nHuman: b\n\nAssistant: x"},
            "chosen",
        ),
        ({"chosen": "\n\nHuman: a", "rejected": "\n\nHuman: a"}, "chosen"),
    ],
)
def test_rejects_with_field(obj: dict[str, Any], field: str) -> None:
    with pytest.raises(FieldError) as info:
        HHRLHF().parse(obj)
    assert info.value.field == field
    assert info.value.reason


def test_bad_lines_reported_good_lines_kept(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "hh.jsonl",
        [
            HH_SINGLE,
            {"chosen": HH_SINGLE["chosen"], "rejected": 7},
            HH_MULTI,
            '{"chosen": "\\n\\nHu',
            HH_SPANNING,
        ],
    )
    parsed = read_all(path)
    assert errors(parsed) == [(2, "rejected"), (4, "")]
    assert [p.line for p in parsed if p.record] == [1, 3, 5]


def test_split_turns() -> None:
    assert split_turns("\n\nHuman: a\n\nAssistant: b\n\nHuman:c") == [
        {"role": "user", "content": "a"},
        {"role": "assistant", "content": "b"},
        {"role": "user", "content": "c"},
    ]


# --- the real harmless-base test split ---------------------------------------------------


@pytest.mark.skipif(not HH_RLHF.exists(), reason=f"real HH-RLHF sample not found at {HH_RLHF}")
def test_real_hh_rlhf_harmless_base_test() -> None:
    with gzip.open(HH_RLHF, "rb") as fh:
        rows = [orjson.loads(line) for line in fh if line.strip()]
    assert detect_format(HH_RLHF).name == "hh-rlhf"
    parsed = list(read_records(HH_RLHF))
    assert len(parsed) == 2312 == len(rows)
    assert [p.error for p in parsed if p.error] == []
    assert [p.line for p in parsed] == list(range(1, 2313))
    for p, row in zip(parsed, rows, strict=True):
        rec = p.record
        assert rec is not None
        assert len(rec.completions) == 2
        assert rec.rankings == [(0, 1)]
        assert rec.messages[0]["role"] == "user"
        chosen, rejected = row["chosen"], row["rejected"]
        # Independent split: the longest common prefix, cut at its last Assistant marker.
        common = os.path.commonprefix([chosen, rejected])  # noqa: RUF071 (character-wise is the point)
        cut = common.rfind(ASSISTANT)
        if cut < 0:
            cut = common.rfind("\n\nAssistant:")
        assert cut > 0
        assert [m["content"] for m in rec.messages] == [
            m["content"] for m in split_turns(chosen[:cut])
        ]
        tail = chosen[cut:]
        if len(rec.completions[0].messages) == 1:
            # The chosen completion's text is the tail of the chosen transcript.
            assert rec.completions[0].text == tail.removeprefix("\n\nAssistant:").strip()
        assert chosen.rstrip().endswith(rec.completions[0].messages[-1]["content"])
        assert rejected.rstrip().endswith(rec.completions[1].messages[-1]["content"])
        assert rec.completions[0].messages[0]["role"] == "assistant"
