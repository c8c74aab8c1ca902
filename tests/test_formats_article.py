"""The source article's layouts: RFT preference pairs and N-completion ranking records."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from curation.errors import FieldError
from curation.ingest.formats import detect_format, open_source
from curation.ingest.formats.article import NCompletions, RFTPairs
from tests.helpers.formats import N_COMPLETIONS, RFT_PAIRS, errors, read_all, records, write_jsonl

# --- RFT pairs ---------------------------------------------------------------------------


def test_rft_pairs_detected_and_parsed(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "pairs.jsonl", [RFT_PAIRS])
    assert detect_format(path).name == "rft-pairs"
    (rec,) = records(read_all(path))
    assert rec.messages == RFT_PAIRS["messages"]
    chosen, rejected = rec.completions
    # A string completion becomes one assistant message ...
    assert chosen.messages == [{"role": "assistant", "content": RFT_PAIRS["preferred_completion"]}]
    # ... an assistant message is kept as given.
    assert rejected.messages == [RFT_PAIRS["rejected_completion"]]
    assert rec.metadata == {"quality_delta": [0.4, 0.2], "criteria": ["specificity", "accuracy"]}
    assert rec.rankings == [(0, 1)]
    assert list(rec.pairs()) == [(0, 1, 0)]
    assert rec.extra == {}


def test_rft_pairs_completion_forms() -> None:
    obj = copy.deepcopy(RFT_PAIRS)
    obj["preferred_completion"] = [
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}
            ],
        },
        {"role": "tool", "tool_call_id": "c", "content": "ok"},
        {"role": "assistant", "content": "done"},
    ]
    obj["rejected_completion"] = {"content": "no role given"}
    obj["trace_id"] = "t-1"
    rec = RFTPairs().parse(copy.deepcopy(obj))
    assert rec.completions[0].messages == obj["preferred_completion"]
    assert rec.completions[1].messages == [{"role": "assistant", "content": "no role given"}]
    assert rec.extra == {"trace_id": "t-1"}


def test_rft_pairs_without_metadata() -> None:
    obj = {k: v for k, v in RFT_PAIRS.items() if k != "metadata"}
    assert RFTPairs().parse(copy.deepcopy(obj)).metadata == {}


def test_rft_pairs_dump_then_parse_is_stable() -> None:
    fmt = RFTPairs()
    rec = fmt.parse(copy.deepcopy(RFT_PAIRS))
    out = fmt.dump(rec)
    assert out["metadata"] == RFT_PAIRS["metadata"]
    again = fmt.parse(out)
    assert again.content_hash() == rec.content_hash()


@pytest.mark.parametrize(
    ("mutate", "field", "reason"),
    [
        (lambda o: o.pop("preferred_completion"), "preferred_completion", "missing"),
        (lambda o: o.__setitem__("preferred_completion", "  "), "preferred_completion", "is empty"),
        (lambda o: o.__setitem__("preferred_completion", 3), "preferred_completion", None),
        (lambda o: o.pop("rejected_completion"), "rejected_completion", "missing"),
        (
            lambda o: o.__setitem__("rejected_completion", {"text": "x"}),
            "rejected_completion",
            None,
        ),
        (
            lambda o: o.__setitem__("rejected_completion", {"role": "assistant"}),
            "rejected_completion.content",
            "missing",
        ),
        (lambda o: o.__setitem__("metadata", [1]), "metadata", None),
        (lambda o: o["messages"][1].pop("role"), "messages[1].role", "missing"),
        (lambda o: o.pop("messages"), "messages", "missing"),
    ],
)
def test_rft_pairs_rejects_with_field(mutate: Any, field: str, reason: str | None) -> None:
    obj = copy.deepcopy(RFT_PAIRS)
    mutate(obj)
    with pytest.raises(FieldError) as info:
        RFTPairs().parse(obj)
    assert info.value.field == field
    assert info.value.reason
    if reason is not None:
        assert info.value.reason == reason


# --- N completions -----------------------------------------------------------------------


def test_n_completions_detected_and_parsed(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "n.jsonl", [N_COMPLETIONS])
    assert detect_format(path).name == "n-completions"
    (rec,) = records(read_all(path))
    assert rec.messages == N_COMPLETIONS["messages"]
    assert [c.messages for c in rec.completions] == [
        [{"role": "assistant", "content": N_COMPLETIONS["completions"][0]}],
        [N_COMPLETIONS["completions"][1]],
        N_COMPLETIONS["completions"][2],
        [{"role": "assistant", "content": "Leaves. Fall. Cold. Done."}],
    ]
    assert [c.scores for c in rec.completions] == [
        {"quality": 0.92},
        {"quality": 0.31},
        {"quality": 0.75},
        {"quality": 0.12},
    ]
    assert rec.metadata == {"evaluation_criteria": ["form", "imagery", "originality"]}
    assert rec.rankings == [(0, 2), (2, 1), (1, 3), (0, 3)]
    assert rec.extra == {"source_id": "haiku-17"}


def test_n_completions_pairs() -> None:
    rec = NCompletions().parse(copy.deepcopy(N_COMPLETIONS))
    pairs = list(rec.pairs())
    assert len(pairs) == 4 * 3 // 2
    assert pairs == [
        (0, 1, None),
        (0, 2, 0),
        (0, 3, 0),
        (1, 2, 2),
        (1, 3, 1),
        (2, 3, None),
    ]


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8])
def test_n_completions_pair_count(n: int) -> None:
    obj = {
        "messages": [{"role": "user", "content": "q"}],
        "completions": [f"answer {i}" for i in range(n)],
    }
    rec = NCompletions().parse(obj)
    pairs = list(rec.pairs())
    assert len(pairs) == n * (n - 1) // 2
    assert len({(a, b) for a, b, _ in pairs}) == len(pairs)
    assert all(a < b and pref is None for a, b, pref in pairs)


def test_n_completions_dict_scores_and_null_scores() -> None:
    obj = copy.deepcopy(N_COMPLETIONS)
    obj["quality_scores"] = [{"form": 5, "imagery": 4}, None, 0, 1]
    rec = NCompletions().parse(obj)
    assert rec.completions[0].scores == {"form": 5, "imagery": 4}
    assert rec.completions[1].scores == {"quality": None}
    assert rec.completions[2].scores == {"quality": 0}


def test_n_completions_metadata_is_merged() -> None:
    obj = {**copy.deepcopy(N_COMPLETIONS), "metadata": {"batch": 3}}
    rec = NCompletions().parse(obj)
    assert rec.metadata == {"batch": 3, "evaluation_criteria": ["form", "imagery", "originality"]}


def test_n_completions_dump_then_parse_is_stable() -> None:
    fmt = NCompletions()
    rec = fmt.parse(copy.deepcopy(N_COMPLETIONS))
    again = fmt.parse(fmt.dump(rec))
    assert again.rankings == rec.rankings
    assert [c.messages for c in again.completions] == [c.messages for c in rec.completions]
    assert [c.scores for c in again.completions] == [c.scores for c in rec.completions]


@pytest.mark.parametrize(
    ("rankings", "field"),
    [
        ([[0, 4]], "rankings[0]"),
        ([[0, 1], [4, 0]], "rankings[1]"),
        ([[0, 1], [2, 3], [-1, 0]], "rankings[2]"),
        ([[1, 1]], "rankings[0]"),
        ([[0, 1, 2]], "rankings[0]"),
        ([[0]], "rankings[0]"),
        ([[0, "1"]], "rankings[0]"),
        ([[True, 0]], "rankings[0]"),
        ([[0, 1.0]], "rankings[0]"),
        ([[0, 1], {"better": 0, "worse": 1}], "rankings[1]"),
        ({"0": 1}, "rankings"),
        ("0>1", "rankings"),
    ],
)
def test_n_completions_bad_rankings(rankings: Any, field: str) -> None:
    obj = {**copy.deepcopy(N_COMPLETIONS), "rankings": rankings}
    with pytest.raises(FieldError) as info:
        NCompletions().parse(obj)
    assert info.value.field == field
    assert info.value.reason


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda o: o.__setitem__("completions", []), "completions"),
        (lambda o: o.__setitem__("completions", "one"), "completions"),
        (lambda o: o["completions"].__setitem__(2, 7), "completions[2]"),
        (
            lambda o: o["completions"].__setitem__(1, {"role": 1, "content": "x"}),
            "completions[1].role",
        ),
        (lambda o: o["completions"].__setitem__(0, ""), "completions[0]"),
        (lambda o: o.__setitem__("quality_scores", [1, 2]), "quality_scores"),
        (lambda o: o.__setitem__("quality_scores", 0.5), "quality_scores"),
        (lambda o: o["quality_scores"].__setitem__(1, "high"), "quality_scores[1]"),
        (lambda o: o["quality_scores"].__setitem__(3, True), "quality_scores[3]"),
    ],
)
def test_n_completions_rejects_with_field(mutate: Any, field: str) -> None:
    obj = copy.deepcopy(N_COMPLETIONS)
    mutate(obj)
    with pytest.raises(FieldError) as info:
        NCompletions().parse(obj)
    assert info.value.field == field
    assert info.value.reason


def test_n_completions_bad_ranking_line_reported_others_kept(tmp_path: Path) -> None:
    bad = {**copy.deepcopy(N_COMPLETIONS), "rankings": [[0, 1], [0, 9]]}
    path = write_jsonl(tmp_path / "n.jsonl", [N_COMPLETIONS, bad, N_COMPLETIONS])
    parsed = read_all(path)
    assert errors(parsed) == [(2, "rankings[1]")]
    assert [p.line for p in parsed if p.record] == [1, 3]


def test_rft_pairs_and_n_completions_override(tmp_path: Path) -> None:
    # A file whose first record is n-completions read as rft-pairs: every line names its field.
    path = write_jsonl(tmp_path / "n.jsonl", [N_COMPLETIONS])
    parsed = list(open_source(path, format="rft-pairs").records())
    assert errors(parsed) == [(1, "preferred_completion")]
