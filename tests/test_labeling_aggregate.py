"""Aggregation policy, adjudication, Bradley–Terry, and label files in and out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from curation.cli import cli
from curation.errors import InputError
from curation.labeling import queue
from curation.labeling.aggregate import (
    Policy,
    adjudicate,
    aggregate_campaign,
    bradley_terry,
    decide,
    rank_records,
)
from curation.labeling.answers import Answer, submit
from curation.labeling.io import import_labels, judgment_rows
from curation.store import Workspace
from curation.store import labeling_models as lm
from tests.helpers.labeling import campaign, pair_dataset, users


@pytest.mark.parametrize(
    ("labels", "policy", "expected"),
    [
        ([(2, False), (1, False)], Policy(), ("a", 1.0, 1.5, "")),
        ([(-1, False), (-1, False), (2, False)], Policy(), ("b", 2 / 3, 1.0, "")),
        ([(1, False), (-1, False)], Policy(), (None, 0.5, 0.0, "no_majority")),
        ([(0, False), (0, False)], Policy(), (None, 1.0, 0.0, "tie")),
        ([(0, False), (0, False)], Policy(ties="keep"), ("tie", 1.0, 0.0, "")),
        ([(None, True), (None, True), (1, False)], Policy(), (None, 2 / 3, 0.0, "both_bad")),
        (
            [(1, False), (1, False), (-1, False)],
            Policy(min_agreement=0.8),
            (None, 2 / 3, 1.0, "low_agreement"),
        ),
        ([(1, False)], Policy(min_labels=2), (None, 0.0, 0.0, "too_few_labels")),
        ([(1, False), (1, False)], Policy(min_strength=1.5), (None, 1.0, 1.0, "weak")),
    ],
)
def test_decide(labels: list[tuple[int | None, bool]], policy: Policy, expected: tuple) -> None:  # type: ignore[type-arg]
    verdict, agreement, strength, reason = decide(labels, policy)
    assert (verdict, round(agreement, 6), strength, reason) == (
        expected[0],
        round(expected[1], 6),
        expected[2],
        expected[3],
    )


def test_bad_policy_is_refused() -> None:
    with pytest.raises(InputError):
        Policy(ties="maybe")


def test_bradley_terry_orders_a_clear_ranking() -> None:
    # 0 beats 1 and 2, 1 beats 2 (twice): strengths must come out 0 > 1 > 2
    strengths = bradley_terry(3, [(0, 1), (0, 2), (1, 2), (1, 2)])
    assert strengths[0] > strengths[1] > strengths[2]


def test_campaign_aggregation_with_adjudication_and_ranking(ws: Workspace, tmp_path: Path) -> None:
    pair_dataset(ws, tmp_path, 2, completions=3)  # 3 pairs per record
    users(ws, ["a1", "a2"])
    cid = campaign(ws, ["a1", "a2"], overlap=2)
    wanted = {"a1": [1, 1, 1, 1, 1, 1], "a2": [1, -1, 1, 1, 1, 1]}
    for name, choices in wanted.items():
        for choice in choices:
            item = queue.next_item(ws, cid, name)
            assert item
            submit(ws, item.assignment_id, name, Answer(choice=choice))
    with ws.read() as s:
        agg = aggregate_campaign(s, cid)
    assert len(agg.kept) + sum(agg.excluded.values()) == 6
    with ws.read() as s:
        disputed = list(s.scalars(sa.select(lm.Task.id).where(lm.Task.disagreement > 0)))
    assert len(disputed) == 1
    assert agg.excluded["no_majority"] == 1
    with ws.tx() as s:
        adjudicate(s, cid, disputed[0], "lead", choice=-2, note="B is right")
    with ws.read() as s:
        agg = aggregate_campaign(s, cid)
        ranked = rank_records(s, agg.kept)
        labels_kept = s.scalar(sa.select(sa.func.count(lm.Judgment.id)))
    assert len(agg.kept) == 6
    assert next(o for o in agg.kept if o.task_id == disputed[0]).verdict == "b"
    assert labels_kept == 12  # the lead's decision added, nothing removed
    assert len(ranked) == 2 and all(len(r) == 3 for r in ranked.values())


def test_labels_import_merges_and_reports_bad_rows(ws: Workspace, tmp_path: Path) -> None:
    pair_dataset(ws, tmp_path, 2)
    users(ws, ["a1"])
    cid = campaign(ws, ["a1"], overlap=1)
    with ws.read() as s:
        pair_ids = list(s.scalars(sa.select(lm.Task.pair_id).order_by(lm.Task.pair_id)))
    path = tmp_path / "labels.csv"
    path.write_text(
        "pair_id,annotator,choice\n"
        f"{pair_ids[0]},ext1,A>B\n"
        "99999,ext1,A>B\n"
        f"{pair_ids[1]},ext1,sideways\n"
        f"{pair_ids[0]},ext2,B>A\n"
    )
    result = import_labels(ws, path, cid, actor="lead")
    assert result.imported == 1 and result.exit_code == 2
    assert [(e.line, e.field) for e in result.errors] == [
        (3, "pair_id"),
        (4, "choice"),
        (5, "pair_id"),
    ]
    assert "not in campaign" in result.errors[0].reason
    assert "already has 1 labels" in result.errors[2].reason
    with ws.read() as s:
        rows = list(judgment_rows(s, cid))
    assert [(r["annotator"], r["choice"], r["source"]) for r in rows] == [("ext1", 1, "import")]


def test_thumbs_labels_import_names_a_bad_row_as_a_pair_import_does(
    ws: Workspace, tmp_path: Path
) -> None:
    from tests.test_thumbs import answers_dataset, thumbs_campaign

    answers_dataset(ws, tmp_path, 2)
    users(ws, ["a1"])
    cid = thumbs_campaign(ws, ["a1"], overlap=1)
    with ws.read() as s:
        completions = list(s.scalars(sa.select(lm.Task.completion_id).order_by(lm.Task.id)))
    path = tmp_path / "votes.csv"
    path.write_text(
        "completion_id,annotator,label,rationale\n"
        f"{completions[0]},ext1,good,fine\n"
        "seven,ext1,good,\n"
        "99999,ext1,good,\n"
        f"{completions[1]},,bad,\n"
        f"{completions[0]},ext2,bad,\n"
    )
    result = import_labels(ws, path, cid, actor="lead")
    assert result.imported == 1 and result.exit_code == 2
    assert [(e.line, e.field, e.reason) for e in result.errors] == [
        (3, "completion_id", "completion_id: expected a completion id, got 'seven'"),
        (4, "completion_id", "completion_id: completion 99999 is not in campaign 't1'"),
        (5, "annotator", "annotator: missing"),
        (6, "completion_id", result.errors[3].reason),
    ]
    assert "already has 1 labels" in result.errors[3].reason  # overlap 1, as for pairs
    with ws.read() as s:
        rows = list(judgment_rows(s, cid))
    assert [(r["annotator"], r["label"], r["rationale"], r["source"]) for r in rows] == [
        ("ext1", "good", "fine", "import")
    ]


def test_labels_cli_round_trip(tmp_path: Path) -> None:
    runner = CliRunner()
    wsdir = str(tmp_path / "ws")
    data = tmp_path / "n.jsonl"
    data.write_text(
        "\n".join(
            json.dumps(
                {"messages": [{"role": "user", "content": f"q{i}"}], "completions": ["x", "y"]}
            )
            for i in range(3)
        )
    )
    assert runner.invoke(cli, ["import", str(data), "-d", "d", "-w", wsdir]).exit_code == 0
    for name in ("a", "b"):
        assert (
            runner.invoke(
                cli, ["users", "add", name, "--role", "annotator", "--generate", "-w", wsdir]
            ).exit_code
            == 0
        )
    res = runner.invoke(
        cli,
        ["campaign", "create", "--dataset", "d", "--name", "c", "--annotators", "a,b", "-w", wsdir],
    )
    assert res.exit_code == 0, res.output
    assert "3 pairs" in res.output
    res = runner.invoke(
        cli,
        [
            "campaign",
            "create",
            "--dataset",
            "d",
            "--name",
            "c2",
            "--annotators",
            "zed",
            "-w",
            wsdir,
        ],
    )
    assert res.exit_code == 1 and "no user named 'zed'" in res.stderr
    csv_path = tmp_path / "l.csv"
    csv_path.write_text("pair_id,annotator,choice\n1,a,A>>B\n2,a,tie\n")
    res = runner.invoke(cli, ["labels", "import", str(csv_path), "--campaign", "c", "-w", wsdir])
    assert res.exit_code == 0, res.output
    res = runner.invoke(cli, ["labels", "export", "--campaign", "c", "-w", wsdir])
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(r["pair_id"], r["choice"]) for r in rows] == [(1, 2), (2, 0)]
    res = runner.invoke(cli, ["campaign", "list", "--json", "-w", wsdir])
    assert json.loads(res.stdout)[0]["labels"] == 2
