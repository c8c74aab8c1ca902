"""Export from the store: what goes in, the PII gate, preferences, filters, provenance, history.

The helpers shared with the other export tests are in ``tests/helpers/export.py``.
"""

from __future__ import annotations

import errno
import hashlib
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from curation.errors import CurationError, InputError
from curation.export import (
    ExportSpec,
    SettingError,
    history_rows,
    manifest_path,
    output_paths,
    preview_export,
    workspace_output,
)
from curation.ingest.importer import file_sha256
from curation.labeling.aggregate import Policy
from curation.store import Workspace
from curation.store import models as m
from tests.helpers.export import (
    chat,
    import_objects,
    labelled,
    pref,
    read_jsonl,
    record_ids,
    run,
    set_redaction,
    snapshot,
)

# --------------------------------------------------------------------------- helpers


# --------------------------------------------------------------------------- what goes in


def test_only_active_records_cleared_for_pii_go_in(ws: Workspace, tmp_path: Path) -> None:
    import_objects(ws, tmp_path, [chat(i) for i in range(6)])
    ids = record_ids(ws)
    set_redaction(ws, "clean")
    with ws.tx() as s:
        s.execute(sa.update(m.Record).where(m.Record.id == ids[0]).values(status="duplicate"))
        s.execute(sa.update(m.Record).where(m.Record.id == ids[1]).values(status="excluded"))
        s.execute(sa.update(m.Record).where(m.Record.id == ids[2]).values(redaction="pending"))
        s.execute(sa.update(m.Record).where(m.Record.id == ids[3]).values(redaction="none"))
    result = run(ws, tmp_path / "out.jsonl")
    rows = read_jsonl(tmp_path / "out.jsonl")
    assert [r["messages"][1]["content"] for r in rows] == ["Question 4?", "Question 5?"]
    assert result.left_out == {
        "duplicate": 1,
        "excluded": 1,
        "pii_not_scanned": 1,
        "pii_unreviewed": 1,
    }
    counts = result.manifest["counts"]
    assert counts["candidates"] == 6 == counts["written"] + sum(counts["left_out"].values())
    assert result.manifest["pii"]["override"] is None
    assert any("PII gate" in w for w in result.warnings)


def test_everything_refused_is_a_clear_error_and_writes_nothing(
    ws: Workspace, tmp_path: Path
) -> None:
    import_objects(ws, tmp_path, [chat(i) for i in range(3)])
    with pytest.raises(SettingError, match="override the PII gate") as err:
        run(ws, tmp_path / "out.jsonl")
    assert "pii_not_scanned 3" in str(err.value)
    assert err.value.settings == ("allow_unreviewed_pii",)  # the CLI names its option
    assert not (tmp_path / "out.jsonl").exists()
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(m.Export.id))) == 0


def test_override_lets_records_through_and_is_recorded(ws: Workspace, tmp_path: Path) -> None:
    import_objects(ws, tmp_path, [chat(i) for i in range(4)])
    ids = record_ids(ws)
    set_redaction(ws, "clean", m.Record.id == ids[0])
    set_redaction(ws, "pending", m.Record.id == ids[1])
    result = run(
        ws,
        tmp_path / "out.jsonl",
        allow_unreviewed_pii=True,
        override_reason="synthetic data, no real people",
    )
    assert len(read_jsonl(tmp_path / "out.jsonl")) == 4
    override = result.manifest["pii"]["override"]
    assert override == {
        "by": "tester",
        "reason": "synthetic data, no real people",
        "records": 3,
        "rows": 3,
        "by_state": {"none": 2, "pending": 1},
    }
    on_disk = json.loads(manifest_path(tmp_path / "out.jsonl").read_text())
    assert on_disk["pii"]["override"] == override
    with ws.read() as s:
        export = s.get(m.Export, result.export_id)
        assert export is not None and export.pii_override
        events = {
            e.action: e.details
            for e in s.scalars(sa.select(m.AuditEvent).where(m.AuditEvent.target_type == "export"))
        }
    assert events["export.pii_override"]["records"] == 3
    assert events["export.pii_override"]["reason"] == "synthetic data, no real people"
    assert events["export"]["pii_override_records"] == 3


def test_redacted_content_is_what_is_exported(ws: Workspace, tmp_path: Path) -> None:
    rec = {
        "messages": [{"role": "user", "content": "I am Jane Roe, call 555-0100"}],
        "completions": ["Hi Jane Roe!", "Hello."],
        "rankings": [[0, 1]],
    }
    other = {
        "messages": [{"role": "user", "content": "Nothing personal"}],
        "completions": ["Fine.", "OK."],
        "rankings": [[0, 1]],
    }
    import_objects(ws, tmp_path, [rec, other])
    first, second = record_ids(ws)
    with ws.tx() as s:
        s.execute(
            sa.update(m.Record)
            .where(m.Record.id == first)
            .values(
                redaction="redacted",
                redacted_messages=[{"role": "user", "content": "I am <PERSON>, call <PHONE>"}],
            )
        )
        s.execute(
            sa.update(m.Completion)
            .where(m.Completion.record_id == first, m.Completion.position == 0)
            .values(redacted_messages=[{"role": "assistant", "content": "Hi <PERSON>!"}])
        )
        # marked redacted but without its redacted copy: refused, as the PII stage's
        # trainable_messages refuses it, rather than written in the original
        s.execute(sa.update(m.Record).where(m.Record.id == second).values(redaction="redacted"))
    result = run(ws, tmp_path / "p.jsonl", "openai-preference")
    rows = read_jsonl(tmp_path / "p.jsonl")
    text = json.dumps(rows)
    assert "Jane" not in text and "555-0100" not in text
    assert rows[0]["input"]["messages"][0]["content"] == "I am <PERSON>, call <PHONE>"
    assert rows[0]["preferred_output"][0]["content"] == "Hi <PERSON>!"
    assert rows[0]["non_preferred_output"][0]["content"] == "Hello."  # no redacted version
    assert len(rows) == 1 and result.left_out == {"pii_unreviewed": 1}
    assert result.manifest["pii"]["records_with_redacted_content"] == 1
    # a lead's override lets it through, in the only text there is, and says so
    result = run(
        ws,
        tmp_path / "o.jsonl",
        "openai-preference",
        allow_unreviewed_pii=True,
        override_reason="r",
    )
    rows = read_jsonl(tmp_path / "o.jsonl")
    assert rows[1]["input"]["messages"][0]["content"] == "Nothing personal"
    assert result.manifest["pii"]["override"]["by_state"] == {"redacted_copy_missing": 1}


# --------------------------------------------------------------------------- preferences


def test_campaign_preferences_follow_the_policy(ws: Workspace, tmp_path: Path) -> None:
    # pair 0: both A; 1: both B; 2: tie; 3: split 1 vs -1; 4: both bad; 5: A> and A>> (strength)
    labelled(
        ws, tmp_path, {0: [2, 1], 1: [-1, -2], 2: [0, 0], 3: [1, -1], 4: [None, None], 5: [1, 1]}
    )
    result = run(ws, tmp_path / "c.jsonl", "openai-preference", campaign="c1")
    rows = read_jsonl(tmp_path / "c.jsonl")
    assert [
        (r["input"]["messages"][0]["content"], r["preferred_output"][0]["content"]) for r in rows
    ] == [
        ("Q0?", "first 0"),
        ("Q1?", "second 1"),
        ("Q5?", "first 5"),
    ]
    assert result.left_out == {"both_bad": 1, "no_majority": 1, "tie": 1}
    info = result.manifest["preferences"]["campaign"]
    assert info["name"] == "c1" and info["annotators"] == 2 and info["labels"] == 12
    assert info["policy"]["ties"] == "exclude"
    assert result.manifest["preferences"]["source"] == "campaign"

    strong = run(
        ws,
        tmp_path / "s.jsonl",
        "openai-preference",
        campaign="c1",
        policy=Policy(min_strength=1.5),
    )
    assert strong.written == 2 and strong.left_out["weak"] == 1


def test_kept_ties_make_sft_rows_but_never_preference_rows(ws: Workspace, tmp_path: Path) -> None:
    labelled(ws, tmp_path, {0: [0, 0], 1: [2, 2]})
    keep = Policy(ties="keep")
    sft = run(ws, tmp_path / "sft.jsonl", "openai-chat", campaign="c1", policy=keep)
    assert sft.written == 2
    dpo = run(ws, tmp_path / "dpo.jsonl", "openai-preference", campaign="c1", policy=keep)
    assert dpo.written == 1 and dpo.left_out == {"tie": 1}


def test_imported_preferences_are_used_without_a_campaign(ws: Workspace, tmp_path: Path) -> None:
    unranked = {"messages": [{"role": "user", "content": "Q?"}], "completions": ["a", "b"]}
    import_objects(ws, tmp_path, [pref(1)])
    import_objects(ws, tmp_path, [unranked], name="unranked")
    set_redaction(ws, "clean")
    result = run(ws, tmp_path / "p.jsonl", "openai-preference")
    assert result.written == 1 and result.left_out == {"no_preference": 1}
    assert read_jsonl(tmp_path / "p.jsonl") == [pref(1)]
    assert result.manifest["preferences"]["source"] == "imported"


def test_sft_from_the_preferred_completion(ws: Workspace, tmp_path: Path) -> None:
    conversation = {
        "messages": [
            {"role": "user", "content": "Hi"},
            {"role": "assistant", "content": "Hello, how can I help?"},
            {"role": "user", "content": "Name a colour"},
        ],
        "completions": ["Blue.", "Colour.", "Red is a colour."],
        "rankings": [[2, 0], [0, 1], [2, 1]],
    }
    plain = chat(7)
    import_objects(ws, tmp_path, [conversation])
    import_objects(ws, tmp_path, [plain], name="plain")
    set_redaction(ws, "clean")
    result = run(ws, tmp_path / "sft.jsonl", "openai-chat")
    rows = read_jsonl(tmp_path / "sft.jsonl")
    assert rows[0]["messages"][-1] == {"role": "assistant", "content": "Red is a colour."}
    # only the preferred reply is trained on: earlier assistant turns get weight 0
    assert rows[0]["messages"][1]["weight"] == 0
    assert rows[1] == plain
    assert result.manifest["counts"]["rows_by_origin"] == {"completion": 1, "record": 1}

    records = run(ws, tmp_path / "r.jsonl", "openai-chat", sft_from="records")
    assert records.written == 2
    assert read_jsonl(tmp_path / "r.jsonl")[0]["messages"] == conversation["messages"]


def test_rft_rows_take_a_reference_answer(ws: Workspace, tmp_path: Path) -> None:
    graded = {
        "messages": [{"role": "user", "content": "2+2?"}],
        "reference_answer": "4",
        "tolerance": 0,
    }
    for i, obj in enumerate([graded, pref(2), chat(3)]):
        import_objects(ws, tmp_path, [obj], name=f"f{i}")
    set_redaction(ws, "clean")
    run(ws, tmp_path / "rft.jsonl", "openai-rft")
    rows = read_jsonl(tmp_path / "rft.jsonl")
    assert rows[0] == graded
    assert rows[1] == {
        "messages": [{"role": "user", "content": "Prompt 2?"}],
        "reference_answer": "Good answer 2.",
    }
    assert rows[2]["messages"][-1]["role"] == "user"
    assert rows[2]["reference_answer"] == "Answer 3."


# --------------------------------------------------------------------------- filters


def test_where_and_stored_split_filters(ws: Workspace, tmp_path: Path) -> None:
    objects = [chat(i, metadata={"lang": "en" if i % 2 else "fr", "n": i}) for i in range(6)]
    import_objects(ws, tmp_path, objects)
    set_redaction(ws, "clean")
    result = run(ws, tmp_path / "en.jsonl", where={"lang": "en"})
    assert [r["messages"][1]["content"] for r in read_jsonl(tmp_path / "en.jsonl")] == [
        "Question 1?",
        "Question 3?",
        "Question 5?",
    ]
    assert result.left_out == {"filtered": 3}
    assert result.manifest["filters"]["where"] == {"lang": "en"}
    assert run(ws, tmp_path / "n.jsonl", where={"n": "4"}).written == 1  # JSON text of a number
    ids = record_ids(ws)
    with ws.tx() as s:
        s.execute(sa.update(m.Record).where(m.Record.id.in_(ids[:2])).values(split="train"))
    assert run(ws, tmp_path / "t.jsonl", from_split="train").written == 2


def test_tag_filter(ws: Workspace, tmp_path: Path) -> None:
    tags: list[Any] = [["billing", "en"], ["billing"], "billing", ["en"], None, [3, "en"]]
    objects = [chat(i, metadata={} if t is None else {"tags": t}) for i, t in enumerate(tags)]
    import_objects(ws, tmp_path, objects)
    set_redaction(ws, "clean")

    def questions(**kwargs: Any) -> list[int]:
        run(ws, tmp_path / "t.jsonl", **kwargs)
        return [int(r["messages"][1]["content"][9:-1]) for r in read_jsonl(tmp_path / "t.jsonl")]

    assert questions(tags=["billing"]) == [0, 1, 2]
    assert questions(tags=["billing", "en"]) == [0]
    assert questions(tags=["en"]) == [0, 3, 5]
    assert questions(tags=["en"], where={"tags": '[3,"en"]'}) == [5]
    result = run(ws, tmp_path / "t.jsonl", tags=["en"])
    assert result.left_out == {"filtered": 3} and result.manifest["filters"]["tags"] == ["en"]


def test_the_gate_is_the_pii_stages_gate(sqlite_ws: Workspace, tmp_path: Path) -> None:
    """Export refuses exactly the records the PII stage blocks, for the reason it gives."""
    from curation.pii.gate import PASSABLE, STATES, blocked_record_ids, gate_reason

    import_objects(sqlite_ws, tmp_path, [chat(i) for i in range(len(STATES))])
    for record_id, state in zip(record_ids(sqlite_ws), STATES, strict=True):
        set_redaction(sqlite_ws, state, m.Record.id == record_id)
        if state == "redacted":  # as the PII stage applies it: with the redacted copy
            with sqlite_ws.tx() as s:
                s.execute(
                    sa.update(m.Record)
                    .where(m.Record.id == record_id)
                    .values(redacted_messages=chat(0)["messages"])
                )
    result = run(sqlite_ws, tmp_path / "gate.jsonl")
    with sqlite_ws.read() as s:
        blocked = blocked_record_ids(s, s.scalar(sa.select(m.Dataset.id)) or 0)
    expected = Counter(gate_reason(state) for state in STATES if state not in PASSABLE)
    assert result.left_out == expected and sum(expected.values()) == len(blocked)
    assert result.written == len(PASSABLE)
    overridden = run(
        sqlite_ws, tmp_path / "all.jsonl", allow_unreviewed_pii=True, override_reason="r"
    )
    assert overridden.written == len(STATES) and not overridden.left_out


def test_export_and_the_judge_reach_the_gate_without_loading_presidio() -> None:
    code = (
        "import sys, curation.export, curation.export.pipeline, curation.finetune.judge, curation.pii.gate;"
        "print(sorted(k for k in sys.modules if k.split('.')[0] in ('presidio_analyzer', 'spacy')"
        " or k in ('curation.pii.scan', 'curation.pii.review', 'curation.pii.apply')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_campaign_scope_and_mismatched_dataset(ws: Workspace, tmp_path: Path) -> None:
    labelled(ws, tmp_path, {0: [1, 1]})
    import_objects(ws, tmp_path, [pref(9)], dataset="other", name="other")
    with pytest.raises(InputError, match="labels dataset 'd'"):
        run(ws, tmp_path / "x.jsonl", "openai-preference", dataset="other", campaign="c1")
    result = run(ws, tmp_path / "x.jsonl", "openai-preference", dataset=None, campaign="c1")
    assert result.written == 1


def test_no_pairs_for_a_preference_format(ws: Workspace, tmp_path: Path) -> None:
    import_objects(ws, tmp_path, [chat(1)])
    set_redaction(ws, "clean")
    with pytest.raises(CurationError, match="no completion pairs"):
        run(ws, tmp_path / "x.jsonl", "openai-preference")


def test_policy_options_and_bad_options(ws: Workspace, tmp_path: Path) -> None:
    import_objects(ws, tmp_path, [chat(1)])
    with pytest.raises(InputError, match="unknown export format"):
        run(ws, tmp_path / "x.jsonl", "openai-nope")
    with pytest.raises(InputError, match="validation"):
        run(ws, tmp_path / "x.jsonl", validation_split=1.5)
    with pytest.raises(InputError, match="is a folder"):
        run(ws, tmp_path)


# --------------------------------------------------------------------------- splits and dedup


def dedup_run(ws: Workspace, clusters: list[list[int]], status: str = "done") -> int:
    with ws.tx() as s:
        dataset_id = s.scalar(sa.select(m.Dataset.id))
        run_row = m.DedupRun(
            dataset_id=dataset_id,
            embedder="static",
            threshold=0.95,
            floor=0.8,
            settings={"pool": "mean"},
            status=status,
            n_records=10,
            n_clusters=len(clusters),
            finished_at=m.utcnow(),
        )
        s.add(run_row)
        s.flush()
        for members in clusters:
            cluster = m.DedupCluster(
                run_id=run_row.id, representative_id=members[0], size=len(members), decision="keep"
            )
            s.add(cluster)
            s.flush()
            s.add_all(m.DedupMember(cluster_id=cluster.id, record_id=r) for r in members)
        return int(run_row.id)


def test_duplicate_clusters_never_span_splits(ws: Workspace, tmp_path: Path) -> None:
    import_objects(ws, tmp_path, [chat(i) for i in range(200)])
    set_redaction(ws, "clean")
    ids = record_ids(ws)
    clusters = [ids[i : i + 5] for i in range(0, 100, 5)]  # 20 clusters of 5
    run_id = dedup_run(ws, clusters)
    dedup_run(ws, [ids[100:200]], status="running")  # an unfinished run is ignored
    for seed in range(5):
        result = run(ws, tmp_path / f"s{seed}.jsonl", validation_split=0.3, seed=seed)
        train = {r["messages"][1]["content"] for r in read_jsonl(tmp_path / f"s{seed}.train.jsonl")}
        valid = {
            r["messages"][1]["content"] for r in read_jsonl(tmp_path / f"s{seed}.validation.jsonl")
        }
        assert not train & valid and len(train | valid) == 200
        for cluster in clusters:
            names = {f"Question {ids.index(r)}?" for r in cluster}
            assert names <= train or names <= valid
        split = result.manifest["split"]
        assert split["dedup_clusters_exported"] == 20 and split["dedup_clusters_across_splits"] == 0
        assert split["group_by"] == ["record", "dedup_cluster"]
        assert abs(len(valid) - 60) <= 5
    dedup = result.manifest["dedup"]
    assert dedup["run"]["id"] == run_id and dedup["run"]["threshold"] == 0.95
    assert dedup["run"]["settings"] == {"pool": "mean"}


def distinct_chat(i: int, shout: bool = False) -> dict[str, Any]:
    """Records that share no wording; ``shout`` gives an exact duplicate after normalisation."""
    words = [hashlib.sha1(f"{i}-{k}".encode()).hexdigest()[:8] for k in range(16)]
    user, reply = " ".join(words[:8]) + "?", " ".join(words[8:]) + "."
    if shout:
        user, reply = user.upper(), reply.upper()
    return {
        "messages": [{"role": "user", "content": user}, {"role": "assistant", "content": reply}]
    }


def test_the_dedup_stage_drops_duplicates_and_keeps_clusters_in_one_split(
    ws: Workspace, tmp_path: Path
) -> None:
    from curation.dedup import Settings, keep_representatives, run_dedup
    from tests.helpers.dedup import fake_encoders

    objects = [distinct_chat(i) for i in range(60)]
    objects += [distinct_chat(i, shout=True) for i in range(15)]  # 15 clusters of two
    import_objects(ws, tmp_path, objects)
    set_redaction(ws, "clean")
    summary = run_dedup(
        ws, "d", Settings("static", 0.9, 0.5), actor="lead", encoders=fake_encoders()
    )
    assert summary.clusters == 15 and summary.marked_duplicate == 0

    def splits(out: Path) -> list[set[str]]:
        return [
            {
                r["messages"][0]["content"].lower()
                for r in read_jsonl(out.with_suffix(f".{s}.jsonl"))
            }
            for s in ("train", "validation")
        ]

    # before any decision: all 75 records go out, each cluster inside one split
    for seed in range(4):
        result = run(ws, tmp_path / f"all{seed}.jsonl", validation_split=0.3, seed=seed)
        assert result.written == 75
        train, valid = splits(tmp_path / f"all{seed}.jsonl")
        assert not train & valid  # a shouted copy is never across the split from its original
        assert result.manifest["split"]["dedup_clusters_exported"] == 15
        assert result.manifest["dedup"]["run"]["id"] == summary.run_id
        assert result.manifest["dedup"]["run"]["threshold"] == 0.9
        assert result.manifest["dedup"]["clusters_from"] == "curation.dedup.latest_clusters"
    # the lead keeps each cluster's representative: the others are status duplicate, left out
    with ws.tx() as s:
        assert keep_representatives(s, summary.run_id, "lead") == 15
    result = run(ws, tmp_path / "kept.jsonl", validation_split=0.3)
    assert result.written == 60 and result.left_out == {"duplicate": 15}
    assert result.manifest["counts"]["left_out"] == {"duplicate": 15}
    train, valid = splits(tmp_path / "kept.jsonl")
    assert len(train | valid) == 60 and not train & valid


def test_identical_prompts_stay_together(ws: Workspace, tmp_path: Path) -> None:
    # three different answer pairs to each of 20 prompts (as in HH-RLHF)
    objects = [pref(i * 10 + k, prompt=f"Prompt {i}?") for i in range(20) for k in range(3)]
    import_objects(ws, tmp_path, objects)
    set_redaction(ws, "clean")
    result = run(ws, tmp_path / "p.jsonl", "openai-preference", validation_split=0.2, seed=1)
    assert result.manifest["split"]["group_by"] == ["record", "identical_prompt"]
    prompts = [
        {r["input"]["messages"][0]["content"] for r in read_jsonl(tmp_path / f"p.{s}.jsonl")}
        for s in ("train", "validation")
    ]
    assert not prompts[0] & prompts[1]
    assert len(prompts[1]) == 4  # 20 % of 60 rows = 12 rows = 4 prompts


def test_split_is_reproducible_and_stratified(ws: Workspace, tmp_path: Path) -> None:
    import_objects(ws, tmp_path, [chat(i) for i in range(90)], name="big")
    import_objects(ws, tmp_path, [chat(i) for i in range(100, 110)], name="small")
    set_redaction(ws, "clean")
    a = run(ws, tmp_path / "a.jsonl", validation_split=0.1, seed=3, stratify="source")
    b = run(ws, tmp_path / "b.jsonl", validation_split=0.1, seed=3, stratify="source")
    assert a.files[0].sha256 == b.files[0].sha256 and a.files[1].sha256 == b.files[1].sha256
    valid = [r["messages"][1]["content"] for r in read_jsonl(tmp_path / "a.validation.jsonl")]
    small = [v for v in valid if int(v.split()[1].rstrip("?")) >= 100]
    assert len(valid) == 10 and len(small) == 1


def test_an_empty_split_is_refused(ws: Workspace, tmp_path: Path) -> None:
    import_objects(ws, tmp_path, [chat(1)])
    set_redaction(ws, "clean")
    with pytest.raises(CurationError, match="split would be empty"):
        run(ws, tmp_path / "one.jsonl", validation_split=0.1)
    assert not list(tmp_path.glob("one*"))


# --------------------------------------------------------------------------- integrity


def test_manifest_describes_the_files(ws: Workspace, tmp_path: Path) -> None:
    import_objects(ws, tmp_path, [chat(i) for i in range(20)])
    set_redaction(ws, "clean")
    with ws.tx() as s:
        dataset_id = s.scalar(sa.select(m.Dataset.id))
        s.add(m.PiiRun(dataset_id=dataset_id, settings={"entities": ["PERSON"]}, status="done"))
    result = run(ws, tmp_path / "data.jsonl", validation_split=0.25, price_per_million=25.0)
    paths = output_paths(tmp_path / "data.jsonl", True)
    assert [f.path for f in result.files] == [paths["train"], paths["validation"]]
    assert paths["train"].name == "data.train.jsonl"
    for f in result.files:
        manifest = json.loads(f.manifest_path.read_text())
        assert f.manifest_path.name == f.path.name + ".manifest.json"
        assert manifest["file"] == {
            "split": f.split,
            "name": f.path.name,
            "rows": f.rows,
            "bytes": f.path.stat().st_size,
            "sha256": file_sha256(f.path),
        }
        assert len(manifest["files"]) == 2
        assert manifest["export_id"] == result.export_id
        assert manifest["tool"]["name"] == "curation-studio" and manifest["tool"]["version"]
        assert manifest["created_at"].endswith("Z")
        assert manifest["sources"][0]["rows"] == 20 and manifest["sources"][0]["sha256"]
        assert manifest["pii"]["runs"][0]["settings"] == {"entities": ["PERSON"]}
        assert manifest["dedup"]["run"] is None and manifest["dedup"]["note"]
        assert manifest["split"]["seed"] == 42
    assert result.files[0].rows == 15 and result.files[1].rows == 5
    train = result.reports["train"]
    assert train.valid_examples == 15 and train.total_tokens.n == 15
    assert train.estimated_cost_usd is not None and train.estimated_cost_usd > 0
    validation = result.manifest["validation"]["train"]
    assert validation["tokens"]["total"]["sum"] == train.total_tokens.total


def test_a_failure_mid_write_leaves_the_previous_file_intact(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_objects(ws, tmp_path, [chat(i) for i in range(50)])
    set_redaction(ws, "clean")
    out = tmp_path / "keep.jsonl"
    first = run(ws, out)
    before = out.read_bytes()
    from curation.export import formats as export_formats
    from curation.export import rows

    monkeypatch.setattr(rows, "ROW_CHUNK", 10)
    calls = {"n": 0}
    original = export_formats.OpenAIChatExport.row

    def failing(self: Any, item: Any) -> dict[str, Any]:
        calls["n"] += 1
        if calls["n"] == 30:
            raise OSError(28, "No space left on device")
        return original(self, item)

    monkeypatch.setattr(export_formats.OpenAIChatExport, "row", failing)
    with pytest.raises(CurationError, match="previous files are untouched"):
        run(ws, out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("keep", ".keep"))) == [
        "keep.jsonl",
        "keep.jsonl.manifest.json",
    ]
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(m.Export.id))) == 1
    assert first.export_id is not None


@pytest.mark.parametrize(
    ("fmt", "sink", "objects"),
    [
        ("openai-chat", "JsonlSink", "chat"),
        ("csv", "CsvSink", "pref"),
        ("parquet", "ParquetSink", "pref"),
    ],
)
def test_a_full_disk_in_the_sinks_write_leaves_the_previous_files_intact(
    ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    sink: str,
    objects: str,
) -> None:
    make = chat if objects == "chat" else pref
    import_objects(ws, tmp_path, [make(i) for i in range(60)])
    set_redaction(ws, "clean")
    folder = tmp_path / "out"
    out = folder / f"data.{'jsonl' if fmt == 'openai-chat' else fmt}"
    first = run(ws, out, fmt, validation_split=0.2)
    before = snapshot(folder)
    assert len(before) == 4  # train, validation and a manifest beside each

    from curation.export import rows, sinks

    monkeypatch.setattr(rows, "ROW_CHUNK", 10)  # fail in the middle, several chunks in
    cls = getattr(sinks, sink)
    original = cls.write
    calls = {"n": 0}

    def full_disk(self: Any, row: dict[str, Any]) -> None:
        calls["n"] += 1
        if calls["n"] > 25:
            raise OSError(errno.ENOSPC, "No space left on device")
        original(self, row)

    monkeypatch.setattr(cls, "write", full_disk)
    with pytest.raises(CurationError) as err:
        run(ws, out, fmt, validation_split=0.2, seed=7)
    message = str(err.value)
    assert "No space left on device" in message and "previous files are untouched" in message
    assert "Traceback" not in message
    assert calls["n"] == 26
    assert snapshot(folder) == before  # same files, same bytes, no temporary file left
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(m.Export.id))) == 1
        assert (
            s.scalar(
                sa.select(sa.func.count(m.AuditEvent.id)).where(m.AuditEvent.action == "export")
            )
            == 1
        )
    assert first.export_id is not None


def test_a_full_disk_under_the_sink_in_its_writer_thread(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The JSONL sink hands full buffers to a worker thread: its failure still stops the export."""
    import_objects(ws, tmp_path, [chat(i) for i in range(40)])
    set_redaction(ws, "clean")
    out = tmp_path / "out" / "data.jsonl"
    run(ws, out, validation_split=0.25)
    before = snapshot(out.parent)
    from curation.export import sinks

    monkeypatch.setattr(sinks, "FLUSH_BYTES", 512)  # several buffers, each written by the thread
    original = sinks._HashingFile.write
    written = {"bytes": 0}

    def full_disk(self: Any, data: Any) -> int:
        if written["bytes"] > 2000:
            raise OSError(errno.ENOSPC, "No space left on device")
        written["bytes"] += len(data)
        return original(self, data)

    monkeypatch.setattr(sinks._HashingFile, "write", full_disk)
    with pytest.raises(
        CurationError, match=r"No space left on device.*previous files are untouched"
    ):
        run(ws, out, validation_split=0.25, seed=3)
    assert snapshot(out.parent) == before


def test_a_full_disk_while_writing_a_manifest_changes_no_file(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Data files are complete by then; they still wait for their manifests before the rename."""
    import_objects(ws, tmp_path, [chat(i) for i in range(20)])
    set_redaction(ws, "clean")
    out = tmp_path / "out" / "data.jsonl"
    run(ws, out, validation_split=0.25)
    before = snapshot(out.parent)
    from curation.export import staging

    original = staging.Staging.write_bytes

    def full_disk(self: Any, target: Any, data: bytes) -> None:
        if str(target).endswith("validation.jsonl.manifest.json"):
            raise OSError(errno.ENOSPC, "No space left on device")
        original(self, target, data)

    monkeypatch.setattr(staging.Staging, "write_bytes", full_disk)
    with pytest.raises(CurationError) as err:
        run(ws, out, validation_split=0.25, seed=9)
    assert str(err.value) == (
        "export #2 failed while writing its manifests: No space left on device; nothing was "
        "written and the previous files are untouched; the export history lists #2 as failed"
    )
    assert snapshot(out.parent) == before
    with ws.read() as s:
        # the id stays taken by a failed row; only the first export is done (and audited)
        rows = history_rows(s)
        events = s.scalar(
            sa.select(sa.func.count(m.AuditEvent.id)).where(m.AuditEvent.action == "export")
        )
    assert [(r.id, r.status) for r in rows] == [(2, "failed"), (1, "done")]
    assert rows[0].note.startswith("failed while writing its manifests (No space left")
    assert not rows[0].on_disk and rows[1].on_disk and events == 1


def test_strict_refuses_a_file_with_an_invalid_row(ws: Workspace, tmp_path: Path) -> None:
    bad = {"messages": [{"role": "user", "content": "no reply"}]}
    import_objects(ws, tmp_path, [chat(1)])
    import_objects(ws, tmp_path, [bad], name="bad")
    set_redaction(ws, "clean")
    lenient = run(ws, tmp_path / "l.jsonl", sft_from="records")
    assert lenient.written == 1 and lenient.left_out == {"validation_error": 1}
    sample = lenient.manifest["left_out_samples"][0]
    assert (
        sample["reason"] == "validation_error"
        and "example_missing_assistant_message" in sample["detail"]
    )
    with pytest.raises(SettingError, match=r"\(strict export\)") as err:
        run(ws, tmp_path / "strict.jsonl", sft_from="records", strict=True)
    assert err.value.settings == ("strict",)  # the CLI adds --strict
    assert not (tmp_path / "strict.jsonl").exists()


def test_streaming_batches_do_not_change_the_output(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    objects = [pref(i, prompt=f"Prompt {i % 7}?") for i in range(60)]
    import_objects(ws, tmp_path, objects)
    set_redaction(ws, "clean")
    whole = run(ws, tmp_path / "a.jsonl", "openai-preference", validation_split=0.2)
    from curation.export import plan, rows
    from curation.ingest import token_pipeline

    monkeypatch.setattr(plan, "SCAN_BATCH", 7)
    monkeypatch.setattr(rows, "ROW_CHUNK", 5)
    monkeypatch.setattr(token_pipeline, "BATCH_SIZE", 3)
    small = run(ws, tmp_path / "b.jsonl", "openai-preference", validation_split=0.2)
    assert [f.sha256 for f in whole.files] == [f.sha256 for f in small.files]
    assert whole.reports["train"].billed_tokens == small.reports["train"].billed_tokens


def test_history_audit_and_workspace_output(ws: Workspace, tmp_path: Path) -> None:
    import_objects(ws, tmp_path, [chat(i) for i in range(10)])
    set_redaction(ws, "clean")
    out = workspace_output(ws, "d", "openai-chat")
    assert ws.folder.resolve() in out.parents and out.parent.parent.name == "exports"
    result = run(ws, out, validation_split=0.2)
    with ws.read() as s:
        rows = history_rows(s, "d")
        event = s.scalar(sa.select(m.AuditEvent).where(m.AuditEvent.action == "export"))
    assert rows[0].id == result.export_id and rows[0].rows == {"train": 8, "validation": 2}
    assert rows[0].on_disk and rows[0].actor == "tester" and not rows[0].pii_override
    assert event is not None and event.actor == "tester"
    assert event.details["files"][0]["sha256"] == result.files[0].sha256
    second = workspace_output(ws, "d", "openai-chat")
    assert second.parent != out.parent  # never overwrites an earlier export


def test_preview_shows_the_first_rows_and_why_others_are_left_out(
    ws: Workspace, tmp_path: Path
) -> None:
    bad = {
        "input": {"messages": [{"role": "user", "content": "Q"}]},
        "preferred_output": [{"role": "assistant", "content": "x"}],
        "non_preferred_output": [{"role": "assistant", "content": ""}],
    }
    import_objects(ws, tmp_path, [bad, pref(1), pref(2), pref(3)])  # all preference rows
    set_redaction(ws, "clean")
    rows = preview_export(ws, ExportSpec("openai-preference", dataset="d"), n=2)
    assert [p.reason for p in rows] == ["validation_error", "", ""]
    assert rows[1].row == pref(1)


def test_the_lean_sft_plan_decides_like_the_general_one(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_objects(ws, tmp_path, [chat(i) for i in range(40)], name="a")
    import_objects(ws, tmp_path, [chat(i) for i in range(40, 60)], name="b")
    import_objects(ws, tmp_path, [pref(i) for i in range(10)], name="p")  # records with pairs
    ids = record_ids(ws)
    set_redaction(ws, "clean")
    with ws.tx() as s:
        s.execute(sa.update(m.Record).where(m.Record.id.in_(ids[:5])).values(status="duplicate"))
        s.execute(sa.update(m.Record).where(m.Record.id.in_(ids[5:8])).values(redaction="none"))
        s.execute(sa.update(m.Record).where(m.Record.id.in_(ids[8:10])).values(redaction="pending"))
        s.execute(sa.update(m.Record).where(m.Record.id == ids[10]).values(status="archived"))
    dedup_run(ws, [ids[20:25], ids[30:33]])
    from curation.export import plan

    for override in (False, True):
        options = {
            "validation_split": 0.25,
            "stratify": "source",
            "allow_unreviewed_pii": override,
            "override_reason": "test data" if override else "",
        }
        lean = run(ws, tmp_path / f"lean{override}.jsonl", **options)
        monkeypatch.setattr(plan, "whole_records", lambda ctx: False)
        general = run(ws, tmp_path / f"general{override}.jsonl", **options)
        monkeypatch.undo()
        assert [f.sha256 for f in lean.files] == [f.sha256 for f in general.files]
        assert lean.left_out == general.left_out and lean.candidates == general.candidates == 70
        assert lean.manifest["split"] == general.manifest["split"]
    assert lean.left_out == {"duplicate": 5, "status_archived": 1}


def test_a_file_name_that_contradicts_the_format_is_refused(ws: Workspace, tmp_path: Path) -> None:
    import_objects(ws, tmp_path, [pref(1)])
    set_redaction(ws, "clean")
    with pytest.raises(InputError, match=r"writes PARQUET; name the file out\.parquet"):
        run(ws, tmp_path / "out.jsonl", "parquet")
    assert run(ws, tmp_path / "out.prefs", "csv").written == 1  # an unknown suffix is the user's
