"""Ranking campaigns: 3–5 answers of one prompt on one screen, ranks with ties, partial
rankings and "all bad"; expansion to pairs, Bradley–Terry per prompt, α and τ, exports of
pairs and ranked lists, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import math
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from curation.errors import CurationError, InputError
from curation.export import ExportSpec, export_dataset
from curation.export.filemode import export_file
from curation.ingest.importer import import_file
from curation.labeling import answers, queue
from curation.labeling.aggregate import Policy
from curation.labeling.campaigns import CampaignSpec, create_campaign, get_campaign
from curation.labeling.outbox import apply_batch
from curation.labeling.ranking import (
    Ranking,
    RankingSettings,
    check_ranking,
    ranking_payload,
    ranks_from_slots,
)
from curation.labeling.ranking_aggregate import (
    aggregate_rankings,
    apply_rankings,
    bt_scores,
    expand,
    ranking_pair_decisions,
)
from curation.labeling.ranking_agreement import agreement_of, kendall_tau, ranking_agreement
from curation.store import Workspace
from curation.store import labeling_models as lm
from tests.helpers.export import read_jsonl, set_redaction
from tests.helpers.labeling import users


def ranking_dataset(ws: Workspace, tmp_path: Path, n: int, completions: int = 4) -> None:
    """n prompts with ``completions`` answers each, "Answer i.j", no preference of their own."""
    lines = [
        json.dumps(
            {
                "messages": [{"role": "user", "content": f"Question {i}?"}],
                "completions": [f"Answer {i}.{j}" for j in range(completions)],
            }
        )
        for i in range(n)
    ]
    path = tmp_path / "prefs.jsonl"
    path.write_text("\n".join(lines) + "\n")
    assert import_file(ws, path, "prefs").rejected == 0


def ranking_campaign(
    ws: Workspace,
    annotators: list[str],
    *,
    overlap: int = 2,
    max_shown: int = 4,
    rank_top: int | None = None,
    rationale_for: list[str] | None = None,
) -> int:
    with ws.tx() as s:
        spec = CampaignSpec(
            name="r1",
            dataset="prefs",
            annotators=annotators,
            overlap=overlap,
            kind="ranking",
            ranking=RankingSettings(max_shown, rank_top),
            rationale_required_for=rationale_for or [],
        )
        return create_campaign(s, spec, actor="lead").id


def text_ranks(item: queue.Item, order: dict[str, int]) -> dict[int, int]:
    """Ranks by completion id from ranks by answer text ("Answer 0.2" -> 1)."""
    return {
        cid: order[msgs[0]["content"]]
        for cid, msgs in zip(item.answer_ids, item.answers, strict=True)
        if msgs[0]["content"] in order
    }


def rank_all(ws: Workspace, cid: int, annotator: str, order: dict[str, int] | None) -> int:
    """Answer every item served: ranks by the answer's position digit (``j`` of "Answer i.j")
    through ``order`` ({"0": 1, …}); None says all bad."""
    n = 0
    while (item := queue.next_item(ws, cid, annotator)) is not None:
        assert item.kind == "ranking" and item.left == [] and item.right == []
        if order is None:
            answer = answers.ranking(None, all_bad=True)
        else:
            ranks = {
                c: order[m[0]["content"].rsplit(".", 1)[1]]
                for c, m in zip(item.answer_ids, item.answers, strict=True)
                if m[0]["content"].rsplit(".", 1)[1] in order
            }
            answer = answers.ranking(ranks)
        answers.submit(ws, item.assignment_id, annotator, answer)
        n += 1
    return n


# --------------------------------------------------------------------------- pure rules


def test_settings_are_checked() -> None:
    assert RankingSettings().as_dict() == {"max_shown": 4, "rank_top": None}
    with pytest.raises(InputError, match="3 to 5 answers"):
        RankingSettings(max_shown=6)
    with pytest.raises(InputError, match="top 1 to 3"):
        RankingSettings(max_shown=4, rank_top=4)
    assert RankingSettings(4, 2).top_for(4) == 2
    assert RankingSettings(4, 3).top_for(3) is None  # 3 shown, rank 3: a full ranking


def test_bad_ranks_are_rejected_with_a_clear_message() -> None:
    shown = [10, 11, 12]  # shown as A, B, C
    ok = check_ranking(shown, {10: 2, 11: 1, 12: 2}, all_bad=False, rank_top=None)
    assert ok == {10: 2, 11: 1, 12: 2}
    cases: list[tuple[dict[int, Any], int | None, str]] = [
        ({10: 1, 11: 2}, None, "rank every answer: C has no rank yet"),
        ({10: 1, 11: 2, 12: 4}, None, "answer C: a rank is a whole number from 1 to 3, got 4"),
        ({10: 1, 11: 0, 12: 2}, None, "answer B: a rank is a whole number from 1 to 3, got 0"),
        ({10: 1, 11: "2", 12: 3}, None, "answer B: .* got '2'"),
        ({10: 1, 11: True, 12: 3}, None, "answer B: .* got True"),
        ({10: 2, 11: 2, 12: 3}, None, "the best answer gets rank 1; the ranks given start at 2"),
        ({10: 1, 99: 2, 12: 3}, None, "answer 99 is not shown in this item"),
        ({}, None, "rank the answers \\(1 is best\\), or mark them all bad"),
        ({10: 1}, 2, "rank your top 2 answers: 1 ranked so far"),
        ({10: 1, 11: 3}, 2, "answer B: a rank is a whole number from 1 to 2, got 3"),
    ]
    for ranks, top, message in cases:
        with pytest.raises(InputError, match=message):
            check_ranking(shown, ranks, all_bad=False, rank_top=top)
    partial = check_ranking(shown, {12: 1, 10: 2}, all_bad=False, rank_top=2)
    assert partial == {10: 2, 11: None, 12: 1}
    with pytest.raises(InputError, match="'all bad' cannot be combined with ranks"):
        check_ranking(shown, {10: 1}, all_bad=True, rank_top=None)
    assert check_ranking(shown, None, all_bad=True, rank_top=None) == dict.fromkeys(shown)
    with pytest.raises(InputError, match="rationale when answers share a rank"):
        check_ranking(
            shown, {10: 1, 11: 1, 12: 3}, all_bad=False, rank_top=None, needs_rationale=["tie"]
        )
    with pytest.raises(InputError, match="rationale when all answers are bad"):
        check_ranking(shown, None, all_bad=True, rank_top=None, needs_rationale=["all_bad"])


def test_ranks_are_stored_in_one_notation_so_agreement_compares_orders() -> None:
    shown = [10, 11, 12, 13]

    def ranked(ranks: dict[int, Any], top: int | None = None) -> dict[int, int | None]:
        return check_ranking(
            shown[: len(ranks) if top is None else 4], ranks, all_bad=False, rank_top=top
        )

    # 1 + the number of answers strictly better: gaps and dense ties give one notation
    assert ranked({10: 1, 11: 1, 12: 2}) == ranked({10: 1, 11: 1, 12: 3}) == {10: 1, 11: 1, 12: 3}
    assert ranked({10: 1, 11: 4, 12: 4, 13: 4}) == {10: 1, 11: 2, 12: 2, 13: 2}
    # a partial ranking's unranked answers sit at one rank below the ranked places
    partial = Ranking(1, "a", False, {10: 1, 11: 1, 12: None, 13: None})
    assert partial.effective() == {10: 1, 11: 1, 12: 3, 13: 3}
    # identical orders in two notations agree fully
    dense = Ranking(1, "a", False, {10: 1, 11: 1, 12: 2})
    gaps = Ranking(1, "b", False, {10: 1, 11: 1, 12: 3})
    other = Ranking(2, "a", False, {10: 1, 11: 2, 12: 3})
    same = agreement_of({1: [dense, gaps], 2: [other, Ranking(2, "b", False, dict(other.ranks))]})
    assert same.alpha == pytest.approx(1.0) and same.tau == pytest.approx(1.0)


def test_expansion_policy() -> None:
    # full ranking with a tie: 1 > {2, 3} tied, ids chosen so the (lo, hi) axis is visible
    r = Ranking(1, "a", False, {1: 2, 2: 1, 3: 2})
    assert expand(r) == {(1, 2): (-1, False), (1, 3): (0, False), (2, 3): (1, False)}
    # partial: unranked answers sit below the ranked ones and tie among themselves
    p = Ranking(1, "a", False, {1: None, 2: 1, 3: None, 4: 2})
    assert expand(p) == {
        (1, 2): (-1, False),
        (1, 3): (0, False),
        (1, 4): (-1, False),
        (2, 3): (1, False),
        (2, 4): (1, False),
        (3, 4): (-1, False),
    }
    # all bad: no preference, "both bad" on every pair
    bad = Ranking(1, "a", True, {1: None, 2: None, 3: None})
    assert set(expand(bad).values()) == {(None, True)}
    assert len(expand(bad)) == 3


def test_bradley_terry_on_a_hand_computable_example() -> None:
    # two annotators say 1 > 2, one says 2 > 1: P(1 beats 2) = 2/3, so θ1 − θ2 = ln 2
    rankings = [
        Ranking(1, "a", False, {1: 1, 2: 2}),
        Ranking(1, "b", False, {1: 1, 2: 2}),
        Ranking(1, "c", False, {1: 2, 2: 1}),
    ]
    scores = bt_scores([1, 2], rankings)
    assert scores[1] - scores[2] == pytest.approx(math.log(2), abs=0.02)
    assert scores[1] + scores[2] == pytest.approx(0, abs=1e-9)  # choix centres the strengths
    # a tie counts one win each way: 1 > 2 once and a tie once is 2 wins to 1
    tied = [Ranking(1, "a", False, {1: 1, 2: 2}), Ranking(1, "b", False, {1: 1, 2: 1})]
    tied_scores = bt_scores([1, 2], tied)
    assert tied_scores[1] - tied_scores[2] == pytest.approx(math.log(2), abs=0.02)


def test_kendall_tau_and_alpha_on_known_examples() -> None:
    a = Ranking(1, "a", False, {1: 1, 2: 2, 3: 3})
    b = Ranking(1, "b", False, {1: 1, 2: 3, 3: 2})
    assert kendall_tau(a, b) == pytest.approx(1 / 3)  # 2 concordant, 1 discordant of 3
    reverse = Ranking(1, "b", False, {1: 3, 2: 2, 3: 1})
    assert kendall_tau(a, reverse) == pytest.approx(-1.0)
    assert kendall_tau(a, Ranking(1, "c", True, dict.fromkeys((1, 2, 3)))) is None
    same = agreement_of({1: [a, Ranking(1, "b", False, {1: 1, 2: 2, 3: 3})]})
    assert same.alpha == pytest.approx(1.0) and same.tau == pytest.approx(1.0)
    opposite = agreement_of({1: [a, reverse]})
    assert opposite.tau == pytest.approx(-1.0)
    assert opposite.alpha is not None and opposite.alpha < 0
    # the same matrix handed to krippendorff directly: units (task, answer), coders a, b
    import krippendorff
    import numpy as np

    mixed = agreement_of({1: [a, b]})
    expected = krippendorff.alpha(
        reliability_data=np.array([[1, 2, 3], [1, 3, 2]], dtype=float),
        value_domain=list(range(1, 7)),
        level_of_measurement="ordinal",
    )
    assert mixed.alpha == pytest.approx(expected)
    assert [(p.annotators, p.tasks) for p in mixed.pairs] == [(("a", "b"), 1)]
    assert agreement_of({1: [a]}).reason.startswith("no prompt has rankings")


# --------------------------------------------------------------------------- in the store


def test_campaign_queue_submit_aggregate_apply(ws: Workspace, tmp_path: Path) -> None:
    ranking_dataset(ws, tmp_path, 2, completions=4)
    users(ws, ["a1", "a2"])
    cid = ranking_campaign(ws, ["a1", "a2"])
    with ws.read() as s:
        tasks = s.execute(sa.select(lm.Task.pair_id, lm.Task.completion_id)).all()
        slots = s.scalar(sa.select(sa.func.count()).select_from(lm.RankingSlot))
    assert len(tasks) == 2 and all(p is None and c is None for p, c in tasks)
    assert slots == 8
    item = queue.next_item(ws, cid, "a1")
    assert item is not None and item.kind == "ranking" and len(item.answers) == 4
    again = queue.next_item(ws, cid, "a1")  # a refresh shows the same order
    assert again is not None and again.answer_ids == item.answer_ids
    payload = ranking_payload(item)
    assert [a["label"] for a in payload["answers"]] == ["A", "B", "C", "D"]
    assert payload["max_rank"] == 4 and "answer_ids" not in json.dumps(payload)
    assert ranks_from_slots(item, {0: 1, "b": 2}) == {item.answer_ids[0]: 1, item.answer_ids[1]: 2}
    with pytest.raises(InputError, match="no answer 'E'"):
        ranks_from_slots(item, {"E": 1})

    # a1: 0 > 1 > 2 > 3 everywhere; a2: 1 > 0 > 2 = 3
    assert rank_all(ws, cid, "a1", {"0": 1, "1": 2, "2": 3, "3": 4}) == 2
    with ws.read() as s:  # one ranking per prompt: nothing to disagree with yet
        assert set(s.scalars(sa.select(lm.Task.disagreement))) == {0}
    assert rank_all(ws, cid, "a2", {"0": 2, "1": 1, "2": 3, "3": 3}) == 2
    with ws.read() as s:  # the queue's order: (0, 1) split; (2, 3) a win and a tie is no split
        assert set(s.scalars(sa.select(lm.Task.disagreement))) == {1}
    with ws.read() as s:
        campaign = get_campaign(s, "r1")
        result = aggregate_rankings(s, campaign)
        agreement = ranking_agreement(s, cid)
        _, decisions = ranking_pair_decisions(s, campaign, Policy())
    assert len(result.lists) == 2 and result.excluded == {}
    texts = _texts(ws)
    for ranked in result.lists:
        order = [texts[c.completion_id].rsplit(".", 1)[1] for c in ranked.completions]
        ranks = [c.rank for c in ranked.completions]
        # 0 and 1 split one win each: tied on top; 2 beats 3 once and ties once
        assert order[:2] == ["0", "1"] and ranks[:2] == [1, 1]
        assert order[2:] == ["2", "3"] and ranks[2] == 3 and ranks[3] == 4
    assert agreement.tasks == 2 and agreement.tau is not None and 0 < agreement.tau < 1
    assert agreement.alpha is not None
    # pairs: 6 per prompt; (0, 1) split 1:1 has no majority; (2, 3) is 1 win and 1 tie
    verdicts = Counter(v if v else r for v, r in decisions.values())
    assert verdicts == {"a": 8, "no_majority": 4}

    with ws.tx() as s:
        applied = apply_rankings(s, get_campaign(s, "r1"), actor="lead")
    assert len(applied.lists) == 2
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(lm.RankingOutcome)) == 8


def _texts(ws: Workspace) -> dict[int, str]:
    from curation.store import models as m

    with ws.read() as s:
        rows = s.execute(sa.select(m.Completion.id, m.Completion.messages)).all()
    return {cid: msgs[0]["content"] for cid, msgs in rows}


def test_partial_ranking_all_bad_undo_skip_flag(ws: Workspace, tmp_path: Path) -> None:
    ranking_dataset(ws, tmp_path, 2, completions=5)
    users(ws, ["a1", "a2"])
    cid = ranking_campaign(ws, ["a1", "a2"], overlap=1, max_shown=4, rank_top=2)
    item = queue.next_item(ws, cid, "a1")
    assert item is not None and len(item.answers) == 4 and item.rank_top == 2
    with pytest.raises(InputError, match="rank your top 2 answers"):
        answers.submit(ws, item.assignment_id, "a1", answers.ranking({item.answer_ids[0]: 1}))
    with pytest.raises(InputError, match="not a pair choice"):
        answers.submit(ws, item.assignment_id, "a1", answers.Answer(choice=2))
    top = {item.answer_ids[2]: 1, item.answer_ids[0]: 2}
    judgment = answers.submit(ws, item.assignment_id, "a1", answers.ranking(top))
    with ws.read() as s:
        stored = dict(
            s.execute(
                sa.select(lm.JudgmentRank.completion_id, lm.JudgmentRank.rank).where(
                    lm.JudgmentRank.judgment_id == judgment.id
                )
            )
            .tuples()
            .all()
        )
    assert stored == {**dict.fromkeys(item.answer_ids), **top}
    assert answers.undo_last(ws, cid, "a1") == item.task_id
    back = queue.next_item(ws, cid, "a1")
    assert back is not None and back.task_id == item.task_id
    assert answers.flag(ws, back.assignment_id, "a1", "odd") is True
    answers.skip(ws, back.assignment_id, "a1")
    other = queue.next_item(ws, cid, "a1")
    assert other is not None and other.task_id != item.task_id
    answers.submit(ws, other.assignment_id, "a1", answers.ranking(None, all_bad=True))
    with ws.read() as s:
        result = aggregate_rankings(s, get_campaign(s, "r1"))
    assert result.lists == [] and result.excluded == {"all_bad": 1, "unlabelled": 1}


def test_a_browser_batch_of_rankings_is_stored_by_letter_in_order(
    ws: Workspace, tmp_path: Path
) -> None:
    ranking_dataset(ws, tmp_path, 3)
    users(ws, ["a1", "a2"])
    cid = ranking_campaign(ws, ["a1", "a2"], overlap=1, rationale_for=["tie"])
    one, two, three = queue.next_items(ws, cid, "a1", 3)
    op = {"kind": "answer", "guideline_version": 1}
    ops = [
        {
            **op,
            "key": "r1",
            "assignment": one.assignment_id,
            "ranks": {"A": 2, "B": 1, "C": 4, "D": 3},
        },
        # a tie without the rationale this campaign asks for: refused, the next op goes on
        {
            **op,
            "key": "r2",
            "assignment": two.assignment_id,
            "ranks": {"A": 1, "B": 1, "C": 2, "D": 3},
        },
        {
            **op,
            "key": "r3",
            "assignment": two.assignment_id,
            "ranks": {"a": 1, "B": 1, "C": 2, "D": 3},
            "rationale": "A and B agree.",
        },
        {**op, "key": "r4", "assignment": three.assignment_id, "all_bad": True, "ranks": {}},
        {**op, "key": "r5", "assignment": three.assignment_id, "ranks": {"E": 1}},
        {**op, "key": "r6", "assignment": three.assignment_id, "ranks": [1, 2]},
        {"key": "r7", "kind": "undo"},  # takes back r4
    ]
    result = apply_batch(ws, cid, "a1", ops)
    assert result.acked == ("r1", "r3", "r4", "r7") and result.stopped is None
    refused = {r.key: r.message for r in result.refused}
    assert list(refused) == ["r2", "r5", "r6"]
    assert "rationale when answers share a rank" in refused["r2"]
    assert "no answer 'E'" in refused["r5"] and "by its letter" in refused["r6"]

    def stored() -> list[tuple[str | None, bool, bool, dict[int, int | None]]]:
        with ws.read() as s:
            rows = s.execute(
                sa.select(
                    lm.Judgment.id,
                    lm.Judgment.client_key,
                    lm.Judgment.both_bad,
                    lm.Judgment.retracted,
                ).order_by(lm.Judgment.id)
            ).all()
            ranks = s.execute(
                sa.select(
                    lm.JudgmentRank.judgment_id,
                    lm.JudgmentRank.completion_id,
                    lm.JudgmentRank.rank,
                )
            ).all()
        by: dict[int, dict[int, int | None]] = {}
        for jid, completion, rank in ranks:
            by.setdefault(jid, {})[completion] = rank
        return [(key, bad, gone, by.get(jid, {})) for jid, key, bad, gone in rows]

    first = stored()
    ids = one.answer_ids, two.answer_ids, three.answer_ids  # each in a1's order, A first
    assert first[0] == ("r1", False, False, dict(zip(ids[0], (2, 1, 4, 3), strict=True)))
    assert first[1] == ("r3", False, False, dict(zip(ids[1], (1, 1, 3, 4), strict=True)))
    assert first[2] == ("r4", True, False, dict.fromkeys(ids[2]))
    assert (first[3][0], first[3][2]) == ("r7", True)  # the undo: r4 retracted
    # the same batch again (its acknowledgement was lost): nothing is stored twice
    again = apply_batch(ws, cid, "a1", ops)
    assert again.acked == result.acked
    assert stored() == first


def test_overlap_k_holds_with_annotators_at_once(ws: Workspace, tmp_path: Path) -> None:
    ranking_dataset(ws, tmp_path, 3, completions=3)
    names = ["a1", "a2", "a3", "a4"]
    users(ws, names)
    cid = ranking_campaign(ws, names, overlap=2)
    done: dict[str, int] = {}
    errors: list[BaseException] = []

    def work(name: str) -> None:
        try:
            done[name] = rank_all(ws, cid, name, {"0": 1, "1": 2, "2": 3})
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sum(done.values()) == 6  # 3 prompts × k = 2, never more
    with ws.read() as s:
        per_task = Counter(s.scalars(sa.select(lm.Judgment.task_id)))
        n_assigned = set(s.scalars(sa.select(lm.Task.n_assigned)))
    assert set(per_task.values()) == {2} and n_assigned == {2}


def test_campaign_needs_three_answers_and_no_criteria(ws: Workspace, tmp_path: Path) -> None:
    ranking_dataset(ws, tmp_path, 2, completions=2)
    users(ws, ["a1"])
    with pytest.raises(InputError, match="records with 3\\+ completions"):
        ranking_campaign(ws, ["a1"])
    with ws.tx() as s, pytest.raises(InputError, match="no criteria ratings"):
        create_campaign(
            s,
            CampaignSpec("r2", "prefs", annotators=["a1"], kind="ranking", criteria=["x"]),
            actor="lead",
        )
    with (
        ws.tx() as s,
        pytest.raises(InputError, match="rationale can be required for tie, all_bad"),
    ):
        create_campaign(
            s,
            CampaignSpec(
                "r3",
                "prefs",
                annotators=["a1"],
                kind="ranking",
                rationale_required_for=["both_bad"],
            ),
            actor="lead",
        )


def test_export_pairs_and_ranked_lists(ws: Workspace, tmp_path: Path) -> None:
    ranking_dataset(ws, tmp_path, 2, completions=3)
    users(ws, ["a1", "a2"])
    cid = ranking_campaign(ws, ["a1", "a2"])
    rank_all(ws, cid, "a1", {"0": 1, "1": 2, "2": 3})
    rank_all(ws, cid, "a2", {"0": 1, "1": 3, "2": 2})
    set_redaction(ws, "clean")

    pairs_out = tmp_path / "dpo.jsonl"
    export_dataset(ws, ExportSpec("openai-preference", campaign="r1"), pairs_out, actor="lead")
    rows = read_jsonl(pairs_out)
    got = sorted(
        (r["preferred_output"][0]["content"], r["non_preferred_output"][0]["content"]) for r in rows
    )
    # 0 beats 1 and 2 for both; 1 vs 2 split 1:1 has no majority
    assert got == [(f"Answer {i}.0", f"Answer {i}.{j}") for i in range(2) for j in (1, 2)]

    lists_out = tmp_path / "ranked.jsonl"
    export = export_dataset(ws, ExportSpec("ranked-list", campaign="r1"), lists_out, actor="lead")
    ranked = read_jsonl(lists_out)
    assert len(ranked) == 2
    first = next(r for r in ranked if r["messages"][0]["content"] == "Question 0?")
    assert first["completions"][0] == {"role": "assistant", "content": "Answer 0.0"}
    assert first["ranks"] == [1, 2, 2]
    assert first["scores"][0] > first["scores"][1] == pytest.approx(first["scores"][2])
    assert first["rankings"] == [[0, 1], [0, 2]]
    assert export.manifest["preferences"]["campaign"]["name"] == "r1"
    assert export.manifest["preferences"]["campaign"]["kind"] == "ranking"

    # before the campaign is applied, the dataset has no ranked list: a clear message
    with pytest.raises(CurationError, match="no ranked list for these records: apply a ranking"):
        export_dataset(
            ws, ExportSpec("ranked-list", dataset="prefs"), tmp_path / "x.jsonl", actor="l"
        )
    with pytest.raises(InputError, match="ranked lists come from a ranking campaign"):
        export_file(
            tmp_path / "prefs.jsonl", ExportSpec("ranked-list"), tmp_path / "y.jsonl", actor="l"
        )

    # applied to the dataset, the ranked lists export without naming the campaign
    with ws.tx() as s:
        apply_rankings(s, get_campaign(s, "r1"), actor="lead")
    applied_out = tmp_path / "applied.jsonl"
    applied = export_dataset(ws, ExportSpec("ranked-list", dataset="prefs"), applied_out, actor="l")
    assert read_jsonl(applied_out) == ranked
    provenance = applied.manifest["preferences"]["ranked_lists_from_ranking_campaigns"]
    assert [p["campaign"] for p in provenance] == ["r1"]
