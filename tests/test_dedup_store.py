"""Dedup runs in a workspace (SQLite and PostgreSQL): statuses, decisions, audit, re-thresholding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from curation.dedup import (
    Settings,
    boundary_pairs,
    cluster_members,
    dataset_leakage,
    decide_cluster,
    keep_representatives,
    latest_clusters,
    list_clusters,
    rethreshold,
    run_dedup,
)
from curation.errors import ConflictError, InputError
from curation.ingest.importer import import_file
from curation.store import Workspace
from curation.store import models as m
from tests.helpers.dedup import TOPICS, chat, fake_encoders

LONG = [t for pair in TOPICS for t in pair]


def _records() -> list[list[dict[str, object]]]:
    base = chat(*LONG[:4])
    return [
        base,  # 1
        chat(*[t.upper() for t in LONG[:4]]),  # 2: exact after folding
        chat(LONG[0], LONG[1], LONG[2], LONG[3] + " Thanks for waiting"),  # 3: near
        chat(*LONG[8:12]),  # 4: unrelated
        chat(LONG[8], LONG[9], LONG[10], LONG[11] + " ok"),  # 5: near 4
        chat(*LONG[12:16]),  # 6
    ]


def make_dataset(
    ws: Workspace, tmp_path: Path, name: str = "d", records: list | None = None
) -> dict[int, int]:
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps({"messages": r}) + "\n" for r in records or _records()))
    import_file(ws, path, name, actor="test")
    with ws.read() as s:
        rows = s.execute(
            sa.select(m.Record.line, m.Record.id).join(m.Dataset).where(m.Dataset.name == name)
        )
        return {line: rid for line, rid in rows}


def statuses(ws: Workspace) -> dict[int, tuple[str, str]]:
    with ws.read() as s:
        return {r.id: (r.status, r.status_reason) for r in s.scalars(sa.select(m.Record))}


def settings(threshold: float = 0.9) -> Settings:
    return Settings("static", threshold, 0.5)


def test_run_stores_pairs_clusters_and_marks_duplicates(ws: Workspace, tmp_path: Path) -> None:
    ids = make_dataset(ws, tmp_path)
    seen: list[tuple[str, int, int | None]] = []
    summary = run_dedup(
        ws,
        "d",
        settings(),
        actor="lead",
        apply=True,
        encoders=fake_encoders(),
        progress=lambda stage, done, total: seen.append((stage, done, total)),
    )
    assert seen[-1] == ("Done", 6, 6)
    assert (summary.records, summary.clusters, summary.duplicates, summary.marked_duplicate) == (
        6,
        2,
        3,
        3,
    )
    st = statuses(ws)
    run_id = summary.run_id
    assert st[ids[1]] == ("active", "")
    for line in (2, 3):
        assert st[ids[line]] == ("duplicate", f"duplicate of record #{ids[1]} (dedup run {run_id})")
    assert st[ids[5]][0] == "duplicate" and st[ids[4]][0] == "active" and st[ids[6]][0] == "active"
    with ws.read() as s:
        run = s.get_one(m.DedupRun, run_id)
        assert (run.status, run.embedder, run.threshold, run.floor) == ("done", "static", 0.9, 0.5)
        assert "exchange alignment" in run.settings["comparison"]
        assert sum(run.stats["nn_hist"]["counts"]) + run.stats["nn_hist"]["without_neighbour"] == 6
        kinds = {
            (p.record_a_id, p.record_b_id): (p.kind, p.verified)
            for p in s.scalars(sa.select(m.DedupPair))
        }
        assert kinds[(ids[1], ids[2])] == ("exact", True)
        groups = latest_clusters(s, run.dataset_id)
        assert (
            groups[ids[1]] == groups[ids[2]] == groups[ids[3]] != groups[ids[4]] == groups[ids[5]]
        )
        assert ids[6] not in groups
        events = [e.action for e in s.scalars(sa.select(m.AuditEvent).order_by(m.AuditEvent.id))]
        assert events[-2:] == ["dedup_run", "dedup_keep_representatives"]


def test_decisions_are_reversible_audited_and_never_touch_excluded(
    ws: Workspace, tmp_path: Path
) -> None:
    ids = make_dataset(ws, tmp_path)
    summary = run_dedup(ws, "d", settings(), actor="lead", encoders=fake_encoders())
    assert summary.marked_duplicate == 0 and all(s == "active" for s, _ in statuses(ws).values())
    with ws.tx() as s:
        s.get_one(m.Record, ids[3]).status = "excluded"
    with ws.read() as s:
        rows, total = list_clusters(s, summary.run_id)
        assert total == 2 and rows[0].size == 3 and rows[0].decision == "pending"
        members = cluster_members(s, rows[0].id)
        assert members[0].representative and members[0].record_id == ids[1]
        assert "user: " in members[0].text
    big = rows[0].id
    with ws.tx() as s:
        decide_cluster(s, big, "representative", "lead")
    st = statuses(ws)
    assert st[ids[2]][0] == "duplicate" and st[ids[3]][0] == "excluded"
    with ws.tx() as s:
        decide_cluster(s, big, "custom", "lead", keep=[ids[2]])
    st = statuses(ws)
    assert st[ids[1]] == (
        "duplicate",
        f"duplicate of record #{ids[2]} (dedup run {summary.run_id})",
    )
    assert st[ids[2]] == ("active", "") and st[ids[3]][0] == "excluded"
    with ws.tx() as s:
        decide_cluster(s, big, "pending", "lead")
    st = statuses(ws)
    assert st[ids[1]][0] == st[ids[2]][0] == "active" and st[ids[3]][0] == "excluded"
    with ws.tx() as s, pytest.raises(InputError, match="at least one"):
        decide_cluster(s, big, "custom", "lead", keep=[])
    with ws.tx() as s, pytest.raises(InputError, match="not in cluster"):
        decide_cluster(s, big, "custom", "lead", keep=[ids[6]])
    with ws.read() as s:
        events = list(
            s.scalars(
                sa.select(m.AuditEvent)
                .where(m.AuditEvent.action == "dedup_decide")
                .order_by(m.AuditEvent.id)
            )
        )
    assert [e.details["decision"] for e in events] == ["representative", "custom", "pending"]
    assert all(e.actor == "lead" for e in events)
    assert events[1].details["dropped"] == sorted([ids[1], ids[3]])


def test_rethreshold_uses_stored_pairs_and_carries_decisions(ws: Workspace, tmp_path: Path) -> None:
    ids = make_dataset(ws, tmp_path)
    encoders = fake_encoders()
    summary = run_dedup(ws, "d", settings(0.999), actor="lead", apply=True, encoders=encoders)
    calls = encoders.candidate.calls  # type: ignore[attr-defined]
    assert summary.clusters == 1  # only the exact group
    again = rethreshold(ws, summary.run_id, 0.9, actor="lead")
    assert encoders.candidate.calls == calls  # type: ignore[attr-defined]  # no re-embedding
    assert again.clusters == 2
    st = statuses(ws)
    # The exact group grew (1, 2 + 3): a new member set, so pending again, all active.
    assert st[ids[2]][0] == "active"
    with ws.read() as s:
        accepted, rejected = boundary_pairs(s, summary.run_id, 0.9)
        assert accepted and all(p.similarity >= 0.9 for p in accepted)
        assert all(p.similarity < 0.9 for p in rejected)
    with pytest.raises(InputError, match="floor"):
        rethreshold(ws, summary.run_id, 0.3)
    with ws.tx() as s:
        assert keep_representatives(s, summary.run_id, "lead") == 2
    st = statuses(ws)
    assert {st[ids[k]][0] for k in (2, 3, 5)} == {"duplicate"}
    # Same clusters at a nearby threshold: decisions carry over.
    rethreshold(ws, summary.run_id, 0.91, actor="lead")
    assert {statuses(ws)[ids[k]][0] for k in (2, 3, 5)} == {"duplicate"}


def test_new_run_restores_old_duplicates_and_supersedes_the_old_run(
    ws: Workspace, tmp_path: Path
) -> None:
    ids = make_dataset(ws, tmp_path)
    first = run_dedup(ws, "d", settings(), apply=True, encoders=fake_encoders())
    second = run_dedup(ws, "d", settings(0.999), encoders=fake_encoders())
    st = statuses(ws)
    assert st[ids[5]][0] == st[ids[2]][0] == "active"  # clusters changed: pending, restored
    with ws.tx() as s:
        assert keep_representatives(s, second.run_id, "lead") == 1
    third = run_dedup(ws, "d", settings(0.999), encoders=fake_encoders())
    st = statuses(ws)  # same member set {1, 2}: the decision carries over to the new run
    assert st[ids[2]] == ("duplicate", f"duplicate of record #{ids[1]} (dedup run {third.run_id})")
    with ws.read() as s:
        old_cluster = s.scalar(
            sa.select(m.DedupCluster.id).where(m.DedupCluster.run_id == first.run_id)
        )
        assert set(latest_clusters(s, s.get_one(m.Dataset, 1).id)) == {ids[1], ids[2]}
    with ws.tx() as s, pytest.raises(ConflictError, match="superseded"):
        decide_cluster(s, old_cluster, "keep_all", "lead")


def test_failed_run_is_marked_and_the_error_propagates(ws: Workspace, tmp_path: Path) -> None:
    make_dataset(ws, tmp_path)

    class Broken:
        name, dim = "broken", 4

        def encode(self, texts: object) -> object:
            raise InputError("encoder exploded")

    from curation.dedup import Encoders

    with pytest.raises(InputError, match="exploded"):
        run_dedup(ws, "d", settings(), encoders=Encoders(Broken()))
    with ws.read() as s:
        run = s.scalar(sa.select(m.DedupRun))
        assert run is not None and run.status == "failed" and "exploded" in run.stats["error"]
        assert latest_clusters(s, run.dataset_id) == {}


def test_dataset_leakage(ws: Workspace, tmp_path: Path) -> None:
    make_dataset(ws, tmp_path, "train")
    valid = make_dataset(
        ws,
        tmp_path,
        "valid",
        [
            chat(LONG[0].lower(), *LONG[1:4]),  # exact after folding
            chat(*LONG[:2]),  # shares one exchange of two: not a leak
            chat(*LONG[12:15], LONG[15] + " indeed"),  # near record 6
        ],
    )
    leaks = dataset_leakage(ws, "train", "valid", settings(), encoders=fake_encoders())
    assert [(x.validation, x.kind) for x in leaks] == [(valid[1], "exact"), (valid[3], "semantic")]


def test_notes_name_the_record_line_and_field(ws: Workspace, tmp_path: Path) -> None:
    image_only = [
        {"role": "user", "content": [{"type": "image_url", "image_url": {"url": "u"}}]},
        {"role": "assistant", "content": ""},
    ]
    ids = make_dataset(ws, tmp_path, records=[*_records(), image_only])
    summary = run_dedup(ws, "d", settings(), encoders=fake_encoders())
    assert summary.notes_total == 2
    assert [str(n) for n in summary.notes] == [
        f"record #{ids[7]} (line 7): messages: no user or assistant text to compare: kept as it"
        " is (only an exact copy would count)",
        f"record #{ids[7]} (line 7): messages[0].content[0]: non-text part (type image_url): not"
        " compared by meaning, it only tells exact duplicates apart",
    ]
    assert "2 notes on fields read only in part" in summary.summary()


def test_the_labelling_queue_skips_records_dropped_as_duplicates(
    ws: Workspace, tmp_path: Path
) -> None:
    from curation.labeling import answers, queue
    from tests.helpers.labeling import campaign, users

    rows = [
        {"messages": chat(q), "completions": [f"{q} A.", f"{q} B."], "rankings": [[0, 1]]}
        for q in ("Why is the sky blue?", "WHY is the sky blue", "How do tides work?")
    ]
    path = tmp_path / "prefs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    import_file(ws, path, "prefs", actor="test")
    users(ws, ["a1", "a2"])
    cid = campaign(ws, ["a1", "a2"])
    run = run_dedup(ws, "prefs", settings(), apply=True, encoders=fake_encoders())
    assert run.marked_duplicate == 1

    def served(annotator: str) -> list[int]:
        seen = []
        while (item := queue.next_item(ws, cid, annotator)) is not None:
            seen.append(item.record_id)
            answers.skip(ws, item.assignment_id, annotator)
        return sorted(seen)

    with ws.read() as s:
        ids = list(s.scalars(sa.select(m.Record.id).order_by(m.Record.id)))
    assert served("a1") == [ids[0], ids[2]]  # the dropped copy is never served
    with ws.tx() as s:
        (cluster,) = list_clusters(s, run.run_id)[0]
        decide_cluster(s, cluster.id, "keep_all", "lead")  # undone: not duplicates after all
    assert served("a2") == ids


def test_rethreshold_under_the_cascade_band_says_the_pairs_are_incomplete(
    ws: Workspace, tmp_path: Path
) -> None:
    make_dataset(ws, tmp_path)
    run = run_dedup(ws, "d", Settings("cascade"), encoders=fake_encoders(cascade=True))
    assert run.complete_from == 0.9 and "not all scored" not in run.summary()
    lower = rethreshold(ws, run.run_id, 0.85)
    assert "pairs under 0.90 were not all scored" in lower.summary()
    assert "run dedup again at threshold 0.85" in lower.summary() and lower.incomplete
    assert "--threshold" not in lower.summary()  # the library names no CLI flag
