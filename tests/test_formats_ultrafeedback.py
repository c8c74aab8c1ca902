"""UltraFeedback: rated completions from several models, ratings given as strings."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from curation.errors import FieldError
from curation.ingest.formats import detect_format
from curation.ingest.formats.ultrafeedback import UltraFeedback
from tests.helpers.formats import ULTRAFEEDBACK, errors, read_all, records, write_jsonl


def test_detected_and_parsed(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "uf.jsonl", [ULTRAFEEDBACK])
    assert detect_format(path).name == "ultrafeedback"
    (rec,) = records(read_all(path))
    assert rec.messages == [{"role": "user", "content": "Explain recursion to a child."}]
    assert [c.source for c in rec.completions] == ["gpt-4", "llama-2-7b-chat", "alpaca-7b"]
    assert rec.completions[0].messages == [
        {
            "role": "assistant",
            "content": "Recursion is when something is defined using a smaller copy of itself.",
        }
    ]
    assert rec.completions[0].scores == {"helpfulness": 5.0, "honesty": 4.0, "overall_score": 8.5}
    # String ratings become numbers; "N/A" becomes None.
    assert rec.completions[1].scores == {"helpfulness": 2.0, "honesty": None}
    assert rec.completions[2].scores == {"helpfulness": None, "honesty": None}
    assert rec.metadata == {"source": "evol_instruct", "models": ULTRAFEEDBACK["models"]}
    assert rec.extra == {}


def test_rankings_from_mean_aspect_rating() -> None:
    rec = UltraFeedback().parse(copy.deepcopy(ULTRAFEEDBACK))
    # gpt-4: mean(5, 4) = 4.5 (overall_score ignored); llama: 2.0; alpaca: all N/A → unranked.
    assert rec.rankings == [(0, 1)]
    assert list(rec.pairs()) == [(0, 1, 0), (0, 2, None), (1, 2, None)]


def test_fine_grained_score_wins_and_ties_are_unranked() -> None:
    obj = copy.deepcopy(ULTRAFEEDBACK)
    obj["completions"][0]["fine-grained_score"] = "1.5"
    obj["completions"][2]["annotations"]["helpfulness"]["Rating"] = "2"
    rec = UltraFeedback().parse(obj)
    assert rec.completions[0].scores["fine-grained_score"] == 1.5
    # 0 → 1.5, 1 → 2.0, 2 → 2.0 (tie with 1).
    assert rec.rankings == [(1, 0), (2, 0)]


def test_numeric_and_bare_ratings() -> None:
    obj = {
        "instruction": "q",
        "completions": [
            {"model": "a", "response": "x", "annotations": {"helpfulness": 3, "honesty": "4"}},
            {"model": "b", "response": "y", "annotations": {"helpfulness": {"Rating": 4.0}}},
        ],
    }
    rec = UltraFeedback().parse(obj)
    assert rec.completions[0].scores == {"helpfulness": 3.0, "honesty": 4.0}
    assert rec.completions[1].scores == {"helpfulness": 4.0}
    assert rec.rankings == [(1, 0)]


@pytest.mark.parametrize(
    "bad", ["N/A", "n/a", "", "nan", "NaN", "inf", "-inf", True, None, [4], {"x": 1}]
)
def test_non_ratings_become_none_and_rank_nothing(bad: Any) -> None:
    obj = {
        "instruction": "q",
        "completions": [
            {"response": "x", "annotations": {"helpfulness": {"Rating": bad}}},
            {"response": "y", "annotations": {"helpfulness": {"Rating": "3"}}},
        ],
    }
    rec = UltraFeedback().parse(obj)
    assert rec.completions[0].scores == {"helpfulness": None}
    assert rec.completions[0].source is None
    assert rec.rankings == []


def test_missing_annotations_is_fine() -> None:
    rec = UltraFeedback().parse(
        {"instruction": "q", "completions": [{"response": "x"}, {"response": "y"}]}
    )
    assert [c.scores for c in rec.completions] == [{}, {}]
    assert rec.rankings == []
    assert len(list(rec.pairs())) == 1


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda o: o.pop("instruction"), "instruction"),
        (lambda o: o.__setitem__("instruction", " "), "instruction"),
        (lambda o: o.__setitem__("completions", []), "completions"),
        (lambda o: o.__setitem__("completions", {"a": 1}), "completions"),
        (lambda o: o["completions"].__setitem__(1, "text"), "completions[1]"),
        (lambda o: o["completions"][1].pop("response"), "completions[1].response"),
        (lambda o: o["completions"][2].__setitem__("response", 3), "completions[2].response"),
        (
            lambda o: o["completions"][0].__setitem__("annotations", ["x"]),
            "completions[0].annotations",
        ),
    ],
)
def test_rejects_with_field(mutate: Any, field: str) -> None:
    obj = copy.deepcopy(ULTRAFEEDBACK)
    mutate(obj)
    with pytest.raises(FieldError) as info:
        UltraFeedback().parse(obj)
    assert info.value.field == field
    assert info.value.reason


def test_not_mistaken_for_alpaca(tmp_path: Path) -> None:
    obj = {**copy.deepcopy(ULTRAFEEDBACK), "output": "ignored"}
    path = write_jsonl(tmp_path / "uf.jsonl", [obj])
    assert detect_format(path).name == "ultrafeedback"


def test_bad_line_reported_good_lines_kept(tmp_path: Path) -> None:
    bad = copy.deepcopy(ULTRAFEEDBACK)
    del bad["completions"][1]["response"]
    path = write_jsonl(tmp_path / "uf.jsonl", [ULTRAFEEDBACK, "", bad, ULTRAFEEDBACK])
    parsed = read_all(path)
    assert errors(parsed) == [(3, "completions[1].response")]
    assert [p.line for p in parsed if p.record] == [1, 4]
