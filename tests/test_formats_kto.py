"""Unpaired preference (KTO): labels imported and stored, shown in the stats, exported as TRL
KTO (from the source's labels or derived from pairwise preferences, policy in the manifest)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from curation.export import ExportSpec, export_dataset
from curation.ingest.formats import read_records
from curation.ingest.importer import import_file
from curation.stats import dataset_stats
from curation.store import Workspace
from tests.helpers.export import read_jsonl, set_redaction

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def labelled(path: Path) -> list[tuple[str, str, bool | None]]:
    """(last prompt text, completion text, label) of every record of a file, sorted."""
    out = []
    for parsed in read_records(path):
        assert parsed.error is None, str(parsed.error)
        assert parsed.record is not None
        for c in parsed.record.completions:
            out.append((str(parsed.record.messages[-1]["content"]), c.text, c.label))
    return sorted(out, key=repr)


def test_kto_labels_are_stored_and_counted(ws: Workspace) -> None:
    result = import_file(ws, FIXTURES / "lf_kto.json", "d")
    assert (result.imported, result.rejected, result.completions, result.pairs) == (3, 0, 3, 0)
    with ws.read() as s:
        stats = dataset_stats(s, "d")
    assert (stats.labels.desirable, stats.labels.undesirable) == (2, 1)


def test_kto_file_exports_as_trl_kto_and_reimports_equal(ws: Workspace, tmp_path: Path) -> None:
    import_file(ws, FIXTURES / "lf_kto.json", "d")
    set_redaction(ws, "clean")
    out = tmp_path / "kto.jsonl"
    export_dataset(ws, ExportSpec("trl-kto", dataset="d"), out, actor="t")
    rows = read_jsonl(out)
    assert {r["label"] for r in rows} == {True, False}
    assert all(set(r) == {"prompt", "completion", "label"} for r in rows)
    assert labelled(out) == labelled(FIXTURES / "lf_kto.json")


def test_kto_derived_from_pairs_with_policy_in_manifest(ws: Workspace, tmp_path: Path) -> None:
    import_file(ws, FIXTURES / "lf_dpo_sharegpt.json", "d")
    set_redaction(ws, "clean")
    out = tmp_path / "kto.jsonl"
    export_dataset(ws, ExportSpec("trl-kto", dataset="d"), out, actor="t")
    rows = read_jsonl(out)
    assert len(rows) == 6  # 3 pairs → a desirable and an undesirable row each
    by_text = {r["completion"][0]["content"]: r["label"] for r in rows}
    assert by_text["Blue."] is True
    assert by_text["It depends on many atmospheric factors, really."] is False
    assert by_text["12 is prime."] is False
    manifests = list(tmp_path.glob("*manifest*"))
    assert manifests, "an export writes a manifest"
    manifest = json.loads(manifests[0].read_text())
    assert (
        "chosen completion becomes a desirable row" in manifest["preferences"]["unpaired"]["policy"]
    )
    assert manifest["counts"]["rows_by_origin"] == {
        "kto_pair_desirable": 3,
        "kto_pair_undesirable": 3,
    }


@pytest.mark.parametrize("style", ["conversational", "standard"])
def test_trl_kto_styles(ws: Workspace, tmp_path: Path, style: str) -> None:
    import_file(ws, FIXTURES / "trl_kto.jsonl", "d")
    set_redaction(ws, "clean")
    out = tmp_path / "kto.jsonl"
    export_dataset(ws, ExportSpec("trl-kto", dataset="d", trl_style=style), out, actor="t")
    rows = read_jsonl(out)
    assert len(rows) == 2
    if style == "standard":
        assert all(isinstance(r["prompt"], str) for r in rows)
    assert labelled(out) == labelled(FIXTURES / "trl_kto.jsonl")


def test_kto_from_campaign_judgments(ws: Workspace, tmp_path: Path) -> None:
    from tests.helpers.export import labelled

    # pair 0: both prefer A; 1: both prefer B; 2: a tie (no KTO rows)
    labelled(ws, tmp_path, {0: [2, 1], 1: [-1, -2], 2: [0, 0]})
    out = tmp_path / "kto.jsonl"
    result = export_dataset(ws, ExportSpec("trl-kto", campaign="c1"), out, actor="t")
    rows = read_jsonl(out)
    got = sorted(
        (r["prompt"][0]["content"], r["completion"][0]["content"], r["label"]) for r in rows
    )
    assert got == [
        ("Q0?", "first 0", True),
        ("Q0?", "second 0", False),
        ("Q1?", "first 1", False),
        ("Q1?", "second 1", True),
    ]
    assert result.left_out == {"tie": 2}
    assert result.manifest["preferences"]["source"] == "campaign"
    assert "unpaired" in result.manifest["preferences"]


def test_sft_export_never_trains_on_an_undesirable_completion(
    ws: Workspace, tmp_path: Path
) -> None:
    import_file(ws, FIXTURES / "lf_kto.json", "d")
    set_redaction(ws, "clean")
    out = tmp_path / "chat.jsonl"
    result = export_dataset(ws, ExportSpec("openai-chat", dataset="d"), out, actor="t")
    texts = [r["messages"][-1]["content"] for r in read_jsonl(out)]
    assert "Ooh ooh ah ah! *giggle*" not in texts
    assert len(texts) == 2
    assert result.left_out["undesirable_label"] == 1
    manifest = json.loads(out.with_name(out.name + ".manifest.json").read_text())
    assert "undesirable_label" in json.dumps(manifest)
