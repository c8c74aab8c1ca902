"""Offline token counting: exact tiktoken files, the fast path agrees with tiktoken, model names."""

from __future__ import annotations

import gzip
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curation.ingest import tokens
from tests.helpers.common import HH_RLHF


def test_encoding_files_are_rebuilt_byte_exact_offline() -> None:
    # tiktoken verifies the sha256 OpenAI publishes; loading at all proves the bytes are exact.
    enc = tokens.get_encoding("o200k_base")
    assert enc.name == "o200k_base"
    assert enc.encode("hello world") == [24912, 2375]
    assert tokens.get_encoding("cl100k_base").encode("hello world") == [15339, 1917]


@pytest.mark.parametrize(
    ("model", "encoding"),
    [
        ("gpt-4.1", "o200k_base"),
        ("gpt-4.1-mini-2025-04-14", "o200k_base"),
        ("ft:gpt-4.1-2025-04-14:acme:support:abc123", "o200k_base"),
        ("ft:gpt-4o-mini-2024-07-18:org::x", "o200k_base"),
        ("o4-mini", "o200k_base"),
        ("gpt-4-0613", "cl100k_base"),
        ("ft:gpt-3.5-turbo-0125:org::x", "cl100k_base"),
    ],
)
def test_model_names_resolve_to_their_encoding(model: str, encoding: str) -> None:
    assert tokens.encoding_for_model(model) == encoding
    assert tokens.counter_for_model(model).encoding == encoding


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=300), min_size=1, max_size=20))
def test_fast_counts_equal_tiktoken(texts: list[str]) -> None:
    enc = tokens.get_encoding("o200k_base")
    expected = [len(enc.encode_ordinary(t)) for t in texts]
    assert tokens.Counter("o200k_base").count(texts).tolist() == expected
    # one text at a time in this thread (as export worker processes count)
    assert tokens.Counter("o200k_base", threads=1).count(texts).tolist() == expected


@pytest.mark.skipif(not HH_RLHF.exists(), reason="shared HH-RLHF data not present")
def test_fast_counts_equal_tiktoken_on_real_dialogues() -> None:
    with gzip.open(HH_RLHF, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["chosen"] for _, line in zip(range(500), fh, strict=False)]
    enc = tokens.get_encoding("o200k_base")
    expected = [len(enc.encode_ordinary(t)) for t in texts]
    assert tokens.Counter("o200k_base").count(texts).tolist() == expected
    assert tokens.Counter("o200k_base", threads=1).count(texts).tolist() == expected


def test_conversation_counts_follow_the_cookbook_formula() -> None:
    enc = tokens.get_encoding("o200k_base")
    messages = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi", "name": "ann"},
        {"role": "assistant", "content": "Hello there!"},
    ]
    expected = 3
    for m in messages:
        expected += 3 + len(enc.encode(m["role"])) + len(enc.encode(m["content"]))
        if "name" in m:
            expected += 1 + len(enc.encode(m["name"]))
    totals, assistant = tokens.Counter("o200k_base").conversations([messages, []])
    assert totals.tolist() == [expected, 3]
    assert assistant.tolist() == [len(enc.encode("Hello there!")), 0]


def test_context_limits() -> None:
    assert tokens.context_limit("ft:gpt-4.1-2025-04-14:x::y") == 65_536
    assert tokens.context_limit("gpt-3.5-turbo-0125") == 16_385
