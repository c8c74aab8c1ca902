"""Thumbs campaigns: good / bad on single completions, majority with a minimum agreement,
KTO labels on the completions, exported as TRL KTO with the campaign and policy in the manifest."""

from __future__ import annotations

import json
import threading
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.errors import InputError
from curation.export import ExportSpec, export_dataset
from curation.ingest.importer import import_file
from curation.labeling import answers, queue
from curation.labeling.campaigns import CampaignSpec, create_campaign, get_campaign
from curation.labeling.io import own_history
from curation.labeling.thumbs import ThumbsPolicy, apply_thumbs, decide, thumbs_agreement
from curation.store import Workspace
from curation.store import labeling_models as lm
from curation.store import models as m
from tests.helpers.export import read_jsonl, set_redaction
from tests.helpers.labeling import users


def answers_dataset(ws: Workspace, tmp_path: Path, n: int) -> None:
    """n prompts with two answers each and no preference of their own (unpaired data)."""
    lines = [
        json.dumps(
            {
                "messages": [{"role": "user", "content": f"Question {i}?"}],
                "completions": [f"Answer {i}.{j}" for j in range(2)],
            }
        )
        for i in range(n)
    ]
    path = tmp_path / "prefs.jsonl"
    path.write_text("\n".join(lines) + "\n")
    assert import_file(ws, path, "prefs").rejected == 0


def thumbs_campaign(
    ws: Workspace, annotators: list[str], *, overlap: int = 2, **policy: float
) -> int:
    with ws.tx() as s:
        spec = CampaignSpec(
            name="t1",
            dataset="prefs",
            annotators=annotators,
            overlap=overlap,
            kind="thumbs",
            thumbs_policy=ThumbsPolicy(**policy) if policy else None,  # type: ignore[arg-type]
        )
        return create_campaign(s, spec, actor="lead").id


def completion_labels(s: Session) -> dict[str, bool | None]:
    rows = s.execute(sa.select(m.Completion.messages, m.Completion.label))
    return {msgs[0]["content"]: label for msgs, label in rows}


def answer_all(ws: Workspace, cid: int, annotator: str, vote: dict[str, bool]) -> int:
    """Answer every item served; ``vote`` maps the completion text to good (True) / bad."""
    n = 0
    while (item := queue.next_item(ws, cid, annotator)) is not None:
        assert item.kind == "thumbs" and item.right == []
        text = item.left[0]["content"]
        answers.submit(ws, item.assignment_id, annotator, answers.thumbs(vote[text], "because"))
        n += 1
    return n


def test_decide_needs_min_votes_and_share() -> None:
    policy = ThumbsPolicy(min_votes=2, min_share=0.6)
    assert decide(2, 0, policy)[0] == "good"
    assert decide(0, 3, policy)[0] == "bad"
    assert decide(1, 0, policy)[::2] == ("undecided", "too_few_votes")
    assert decide(1, 1, policy)[::2] == ("undecided", "tie")
    assert decide(3, 2, policy)[0] == "good"  # 3/5 = 0.6 is enough
    assert decide(4, 3, policy)[::2] == ("undecided", "low_agreement")  # 4/7 < 0.6
    with pytest.raises(InputError, match="above 0\\.5"):
        ThumbsPolicy(min_share=0.5)


def test_create_label_aggregate_export_trl_kto(ws: Workspace, tmp_path: Path) -> None:
    answers_dataset(ws, tmp_path, 2)  # 2 records × 2 completions "Answer i.j"
    users(ws, ["a1", "a2"])
    cid = thumbs_campaign(ws, ["a1", "a2"])
    with ws.read() as s:
        tasks = s.execute(sa.select(lm.Task.pair_id, lm.Task.completion_id)).all()
    assert len(tasks) == 4 and all(p is None and c is not None for p, c in tasks)

    a1 = {"Answer 0.0": True, "Answer 0.1": False, "Answer 1.0": True, "Answer 1.1": False}
    a2 = {"Answer 0.0": True, "Answer 0.1": False, "Answer 1.0": False, "Answer 1.1": False}
    assert answer_all(ws, cid, "a1", a1) == 4
    assert answer_all(ws, cid, "a2", a2) == 4

    with ws.tx() as s:
        result = apply_thumbs(s, get_campaign(s, "t1"), actor="lead")
    assert result.counts().as_dict() == {"good": 1, "bad": 2, "undecided": 1}
    assert result.reasons() == {"tie": 1}
    with ws.read() as s:
        labels = completion_labels(s)
        agreement = thumbs_agreement(s, cid)
    assert labels == {
        "Answer 0.0": True,
        "Answer 0.1": False,
        "Answer 1.0": None,
        "Answer 1.1": False,
    }
    assert (agreement.items, agreement.unanimous) == (4, 3)
    assert agreement.unanimous_share == 0.75
    assert agreement.alpha is not None and 0 < agreement.alpha < 1

    set_redaction(ws, "clean")
    out = tmp_path / "kto.jsonl"
    export = export_dataset(ws, ExportSpec("trl-kto", dataset="prefs"), out, actor="lead")
    rows = read_jsonl(out)
    got = sorted(
        (r["prompt"][0]["content"], r["completion"][0]["content"], r["label"]) for r in rows
    )
    assert got == [
        ("Question 0?", "Answer 0.0", True),
        ("Question 0?", "Answer 0.1", False),
        ("Question 1?", "Answer 1.1", False),
    ]
    thumbs = export.manifest["preferences"]["unpaired"]["labels_from_thumbs_campaigns"]
    assert [t["campaign"] for t in thumbs] == ["t1"]
    assert thumbs[0]["policy"] == {"min_votes": 2, "min_share": 0.6}
    assert (thumbs[0]["good"], thumbs[0]["bad"], thumbs[0]["undecided"]) == (1, 2, 1)


def test_undecided_later_restores_the_label_from_before(ws: Workspace, tmp_path: Path) -> None:
    answers_dataset(ws, tmp_path, 1)
    users(ws, ["a1", "a2"])
    cid = thumbs_campaign(ws, ["a1", "a2"], min_votes=1, min_share=1.0)
    with ws.tx() as s:  # the source said Answer 0.0 was undesirable
        s.execute(sa.update(m.Completion).where(m.Completion.position == 0).values(label=False))
    answer_all(ws, cid, "a1", {"Answer 0.0": True, "Answer 0.1": True})
    with ws.tx() as s:
        assert apply_thumbs(s, get_campaign(s, "t1"), actor="l").counts().good == 2
    with ws.read() as s:
        assert completion_labels(s) == {"Answer 0.0": True, "Answer 0.1": True}
    with ws.tx() as s:  # applying again changes nothing, and keeps the source's label aside
        apply_thumbs(s, get_campaign(s, "t1"), actor="l")
    answer_all(ws, cid, "a2", {"Answer 0.0": False, "Answer 0.1": True})
    with ws.tx() as s:
        apply_thumbs(s, get_campaign(s, "t1"), actor="l")
    with ws.read() as s:
        got = completion_labels(s)
    assert got == {"Answer 0.0": False, "Answer 0.1": True}  # the source's label is back


def test_overlap_k_holds_and_no_double_assignment(ws: Workspace, tmp_path: Path) -> None:
    answers_dataset(ws, tmp_path, 3)  # 6 completions
    users(ws, ["a1", "a2", "a3"])
    cid = thumbs_campaign(ws, ["a1", "a2", "a3"], overlap=2)
    vote = {f"Answer {i}.{j}": True for i in range(3) for j in range(2)}
    done = [answer_all(ws, cid, a, vote) for a in ("a1", "a2", "a3")]
    assert done == [6, 6, 0]
    with ws.read() as s:
        per_task = Counter(s.scalars(sa.select(lm.Judgment.task_id)))
        pairs = Counter(s.execute(sa.select(lm.Assignment.task_id, lm.Assignment.annotator)))
        completion_ids = set(s.scalars(sa.select(lm.Judgment.completion_id)))
    assert set(per_task.values()) == {2}
    assert set(pairs.values()) == {1}
    assert None not in completion_ids


def test_undo_and_skip_work_on_thumbs(ws: Workspace, tmp_path: Path) -> None:
    answers_dataset(ws, tmp_path, 2)
    users(ws, ["a1", "a2"])
    cid = thumbs_campaign(ws, ["a1", "a2"], overlap=1)
    first = queue.next_item(ws, cid, "a1")
    assert first is not None
    answers.submit(ws, first.assignment_id, "a1", answers.thumbs(True))
    assert answers.undo_last(ws, cid, "a1") == first.task_id
    again = queue.next_item(ws, cid, "a1")
    assert again is not None and again.task_id == first.task_id
    answers.skip(ws, again.assignment_id, "a1")
    # a1 is not served it again; with k = 1 the skipped slot is free for a2
    served_a1 = {i.task_id for i in _drain(ws, cid, "a1")}
    assert first.task_id not in served_a1
    assert first.task_id in {i.task_id for i in _drain(ws, cid, "a2")}


def _drain(ws: Workspace, cid: int, annotator: str) -> list[queue.Item]:
    items = []
    while (item := queue.next_item(ws, cid, annotator)) is not None:
        answers.submit(ws, item.assignment_id, annotator, answers.thumbs(False))
        items.append(item)
    return items


def test_thumbs_answers_are_checked(ws: Workspace, tmp_path: Path) -> None:
    answers_dataset(ws, tmp_path, 1)
    users(ws, ["a1"])
    with ws.tx() as s:
        spec = CampaignSpec(
            name="t1",
            dataset="prefs",
            annotators=["a1"],
            kind="thumbs",
            rationale_required_for=["bad"],
        )
        cid = create_campaign(s, spec, actor="lead").id
    item = queue.next_item(ws, cid, "a1")
    assert item is not None
    with pytest.raises(InputError, match="good or bad"):
        answers.submit(ws, item.assignment_id, "a1", answers.Answer(choice=2))
    with pytest.raises(InputError, match="reason"):
        answers.submit(ws, item.assignment_id, "a1", answers.thumbs(False))
    answers.submit(ws, item.assignment_id, "a1", answers.thumbs(False, "wrong fact"))
    with ws.read() as s:
        assert [h.answer for h in own_history(s, cid, "a1")] == ["bad"]
    with ws.tx() as s, pytest.raises(InputError, match="criteria"):
        create_campaign(
            s,
            CampaignSpec(name="t2", dataset="prefs", kind="thumbs", criteria=["safety"]),
            actor="lead",
        )


def test_exporting_a_thumbs_campaign_says_what_to_do(ws: Workspace, tmp_path: Path) -> None:
    answers_dataset(ws, tmp_path, 1)
    users(ws, ["a1"])
    thumbs_campaign(ws, ["a1"])
    with pytest.raises(InputError, match="apply-thumbs"):
        export_dataset(ws, ExportSpec("trl-kto", campaign="t1"), tmp_path / "o.jsonl", actor="l")


@pytest.mark.timeout(300)
def test_four_annotators_at_once_never_exceed_k(ws: Workspace, tmp_path: Path) -> None:
    names = [f"t{i}" for i in range(4)]
    answers_dataset(ws, tmp_path, 10)  # 20 answers, capacity 40 votes at k = 2
    users(ws, names)
    cid = thumbs_campaign(ws, names, overlap=2)
    errors: list[BaseException] = []
    counts: dict[str, int] = {}

    def work(name: str) -> None:
        try:
            n = 0
            while (item := queue.next_item(ws, cid, name)) is not None:
                answers.submit(ws, item.assignment_id, name, answers.thumbs(n % 2 == 0))
                n += 1
            counts[name] = n
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert sum(counts.values()) == 40  # every place filled, none twice
    with ws.read() as s:
        rows = s.execute(sa.select(lm.Judgment.task_id, lm.Judgment.annotator)).all()
        tasks = s.execute(sa.select(lm.Task.id, lm.Task.n_labels, lm.Task.n_assigned)).all()
    assert len(set(rows)) == len(rows) == 40
    per_task = Counter(t for t, _ in rows)
    assert all(per_task[tid] == n_labels == n_assigned == 2 for tid, n_labels, n_assigned in tasks)
