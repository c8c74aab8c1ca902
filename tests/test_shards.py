"""Sharded corpora: a folder or a glob of JSONL/Parquet shards in, one output shard per
input shard and one manifest out, for validate, redact, dedup and export file mode."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from curation.dedup import DedupFileOptions, Settings, dedup_file
from curation.dedup.shards import dedup_shards
from curation.errors import InputError
from curation.fileio.shards import resolve_shards
from curation.ingest.validate import validate_file
from curation.ingest.validate_shards import validate_shards
from tests.helpers.cli import run
from tests.helpers.dedup import fake_encoders

TOPICS = [
    "cats and their sleeping habits",
    "the weather in Paris in spring",
    "how to bake sourdough bread at home",
    "python list comprehensions explained",
    "the history of the Roman republic",
    "income taxes for freelancers in Germany",
    "growing tomatoes on a balcony",
    "learning the piano as an adult",
    "choosing engine oil for an old car",
]


def chat(i: int, topic: str, name: str = "") -> dict[str, Any]:
    who = f" I am {name}, write to {name.split()[0].lower()}@example.com." if name else ""
    return {
        "id": f"r{i}",
        "messages": [
            {"role": "system", "content": "You answer briefly."},
            {"role": "user", "content": f"Tell me about {topic}.{who}"},
            {"role": "assistant", "content": f"Here is what matters about {topic}."},
        ],
    }


def corpus() -> list[dict[str, Any]]:
    rows = [chat(i, t) for i, t in enumerate(TOPICS)]
    rows[1] = chat(1, TOPICS[1], "Maria Gonzalez")
    rows[7] = chat(7, TOPICS[7], "John Miller")
    rows.append(chat(9, TOPICS[0]))  # a duplicate of r0, in another shard
    rows.append(chat(10, TOPICS[4]))  # a duplicate of r4, in the same shard
    return rows


BAD_LINE = '{"messages": [{"role": "user"}]}'


def write_shards(folder: Path, *, bad: bool = False) -> tuple[Path, list[str]]:
    """a.jsonl (rows 0-3), b.jsonl.gz (rows 4-6 and 10), c.parquet (rows 7-9); with ``bad``,
    a.jsonl ends with a broken line. Returns the folder and the concatenation's lines."""
    rows = corpus()
    parts = {"a": rows[0:4], "b": [*rows[4:7], rows[10]], "c": rows[7:10]}
    folder.mkdir(parents=True, exist_ok=True)
    a_lines = [json.dumps(r) for r in parts["a"]] + ([BAD_LINE] if bad else [])
    (folder / "a.jsonl").write_text("\n".join(a_lines) + "\n")
    with gzip.open(folder / "b.jsonl.gz", "wt") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in parts["b"]))
    pq.write_table(pa.Table.from_pylist(parts["c"]), folder / "c.parquet")
    lines = a_lines + [json.dumps(r) for r in parts["b"]] + [json.dumps(r) for r in parts["c"]]
    return folder, lines


def concatenated(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "all.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def read_rows(path: Path) -> list[Any]:
    if path.name.endswith(".parquet"):
        return pq.read_table(path).to_pylist()
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_manifest(out: Path, command: str, shards: int = 3) -> dict[str, Any]:
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["command"] == command
    assert manifest["tool"]["name"] == "curation-studio"
    assert len(manifest["shards"]) == manifest["totals"]["shards"] == shards
    for entry in manifest["shards"]:
        assert entry["input"]["sha256"] == sha(Path(entry["input"]["path"]))
        for output in entry["outputs"]:
            assert output["sha256"] == sha(out / output["path"])
            assert output["bytes"] == (out / output["path"]).stat().st_size
    assert manifest["totals"]["records_in"] == sum(e["records_in"] for e in manifest["shards"])
    assert manifest["totals"]["records_out"] == sum(e["records_out"] for e in manifest["shards"])
    return manifest


# --------------------------------------------------------------------------- resolution


def test_a_folder_or_a_glob_resolves_to_its_shards_in_name_order(tmp_path: Path) -> None:
    folder, _ = write_shards(tmp_path / "in")
    (folder / "notes.txt").write_text("not a shard")
    (folder / ".hidden.jsonl").write_text("{}\n")
    names = [s.name for s in resolve_shards(folder).shards]
    assert names == ["a.jsonl", "b.jsonl.gz", "c.parquet"]
    assert [s.kind for s in resolve_shards(folder).shards] == ["jsonl", "jsonl", "parquet"]
    assert [s.name for s in resolve_shards(f"{folder}/*.jsonl*").shards] == names[:2]
    single = resolve_shards(folder / "a.jsonl")
    assert not single.sharded and single.shards[0].name == "a.jsonl"


def test_shard_resolution_errors_name_the_path(tmp_path: Path) -> None:
    folder, _ = write_shards(tmp_path / "in")
    with pytest.raises(InputError, match="no file matches"):
        resolve_shards(f"{folder}/*.nothing")
    (folder / "extra.csv").write_text("a,b\n")
    with pytest.raises(InputError, match=r"extra\.csv: matched by .* not a \.jsonl"):
        resolve_shards(f"{folder}/*")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match=f"{empty}: the folder holds no"):
        resolve_shards(empty)
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.jsonl").write_text("{}\n")
    with pytest.raises(InputError, match=r"two shards named a\.jsonl"):
        resolve_shards(f"{tmp_path}/*/a.jsonl")


def test_a_cluster_given_takes_a_corpus_of_several_shards_whatever_its_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from curation.engine import Size, choose_for_shards
    from curation.engine.settings import ADDRESS_ENV, MODE_ENV

    monkeypatch.delenv(MODE_ENV, raising=False)
    monkeypatch.delenv(ADDRESS_ENV, raising=False)
    assert not choose_for_shards("dedup", Size(bytes=10), 3).ray
    monkeypatch.setenv(ADDRESS_ENV, "127.0.0.1:6390")
    engine = choose_for_shards("dedup", Size(bytes=10), 3)
    assert engine.ray and engine.address == "127.0.0.1:6390"
    assert not choose_for_shards("dedup", Size(bytes=10), 1).ray  # one file: by its size


# --------------------------------------------------------------------------- validate


def test_validate_merges_the_shards_reports_as_one_file(tmp_path: Path) -> None:
    folder, lines = write_shards(tmp_path / "in", bad=True)
    merged, figures = validate_shards(resolve_shards(folder))
    whole = validate_file(concatenated(tmp_path, lines))
    for key in ("examples", "valid_examples", "error_counts", "tokens", "billed_tokens"):
        assert merged.as_dict()[key] == whole.as_dict()[key], key
    assert [(f.examples, f.errors) for f in figures] == [(5, 2), (4, 0), (3, 0)]
    assert {(e.file, e.line) for e in merged.errors} == {("a.jsonl", 5)}

    code, out, _ = run("validate", f"{folder}/*", "--json")
    assert code == 2
    report = json.loads(out)
    assert report["examples"] == 12 and len(report["shards"]) == 3
    assert report["errors"][0]["file"] == "a.jsonl" and report["errors"][0]["line"] == 5
    code, out, _ = run("validate", folder)
    assert code == 2
    assert "a.jsonl line 5: [message_missing_key] messages[0].content: missing" in out


def test_an_unreadable_shard_is_named_in_one_line(tmp_path: Path) -> None:
    folder, _ = write_shards(tmp_path / "in")
    (folder / "d.parquet").write_bytes(b"not parquet")
    for command in (["validate", folder], ["dedup", folder, "-o", tmp_path / "out"]):
        code, _, err = run(*command)
        assert code == 1
        assert err.strip().splitlines() == [
            f"Error: {folder / 'd.parquet'}: cannot be read as Parquet "
            "(Parquet magic bytes not found in footer. Either the file is corrupted or this is "
            "not a parquet file.)"
        ]
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------- redact


def test_redact_writes_one_shard_each_and_a_manifest_without_a_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CURATION_WORKSPACE", raising=False)
    monkeypatch.delenv("CURATION_DB_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    folder, lines = write_shards(tmp_path / "in", bad=True)
    out = tmp_path / "out"
    code, _, err = run("redact", folder, "-o", out, "--operator", "placeholder")
    assert code == 2, err
    assert "a.jsonl line 5" in err  # the rejected line names its shard
    code, stdout, _ = run("redact", folder, "-o", tmp_path / "again", "--json")
    result = json.loads(stdout)
    assert code == result["exit_code"] == 2
    assert list(result) == ["shards", "manifest", "engine", "exit_code"]
    assert [s["items"] for s in result["shards"]] == [5, 4, 3]
    assert [len(s["rejected"]) for s in result["shards"]] == [1, 0, 0]
    assert result["manifest"] == str(tmp_path / "again" / "manifest.json")
    assert sorted(p.name for p in out.iterdir()) == [
        "a.jsonl",
        "b.jsonl.gz",
        "c.parquet",
        "manifest.json",
    ]
    manifest = check_manifest(out, "redact")
    assert manifest["totals"]["records_in"] == manifest["totals"]["records_out"] == 12
    assert manifest["shards"][0]["rejected"] == 1
    assert not (tmp_path / "data-home").exists()  # no default workspace opened or created

    whole = tmp_path / "all.out.jsonl"
    code, _, _ = run("redact", concatenated(tmp_path, lines), "-o", whole)
    assert code == 2
    shard_rows = [
        row for name in ("a.jsonl", "b.jsonl.gz", "c.parquet") for row in read_rows(out / name)
    ]
    assert shard_rows == read_rows(whole)
    text = json.dumps(shard_rows)
    assert "Maria Gonzalez" not in text and "john@example.com" not in text
    assert (out / "a.jsonl").read_text().splitlines()[-1] == BAD_LINE  # copied as it was
    assert not (tmp_path / "data-home").exists()


# --------------------------------------------------------------------------- dedup


def member_ids(clusters: list[dict[str, Any]]) -> list[list[Any]]:
    return sorted(sorted(m["id"] for m in c["members"]) for c in clusters)


def test_dedup_finds_clusters_across_shards_as_in_the_concatenated_file(tmp_path: Path) -> None:
    folder, lines = write_shards(tmp_path / "in")
    out, clusters = tmp_path / "out", tmp_path / "clusters.jsonl"
    settings = Settings("static", 0.9)
    result = dedup_shards(
        resolve_shards(f"{folder}/*"),
        out,
        settings,
        clusters_path=clusters,
        encoders=fake_encoders(),
    )
    whole_clusters = tmp_path / "all.clusters.jsonl"
    whole = dedup_file(
        concatenated(tmp_path, lines),
        tmp_path / "all.out.jsonl",
        DedupFileOptions(settings, clusters_path=whole_clusters),
        encoders=fake_encoders(),
    )
    sharded = [json.loads(line) for line in clusters.read_text().splitlines()]
    single = [json.loads(line) for line in whole_clusters.read_text().splitlines()]
    assert member_ids(sharded) == member_ids(single) == [["r0", "r9"], ["r10", "r4"]]
    across = next(c for c in sharded if {m["id"] for m in c["members"]} == {"r0", "r9"})
    assert across["kept"] == {"file": "a.jsonl", "line": 1}
    assert {m["file"] for m in across["members"]} == {"a.jsonl", "c.parquet"}
    assert result.removed == [0, 1, 1] and sum(result.kept) == whole.kept == 9
    kept = [
        row["id"]
        for name in ("a.jsonl", "b.jsonl.gz", "c.parquet")
        for row in read_rows(out / name)
    ]
    assert kept == [row["id"] for row in read_rows(tmp_path / "all.out.jsonl")]
    manifest = check_manifest(out, "dedup")
    assert manifest["clusters"] == 2 and manifest["clusters_across_shards"] == 1
    assert [e["records_out"] for e in manifest["shards"]] == [4, 3, 2]


def test_dedup_cli_on_a_glob(tmp_path: Path, fake_models: None) -> None:
    folder, _ = write_shards(tmp_path / "in", bad=True)
    out = tmp_path / "out"
    code, stdout, err = run("dedup", f"{folder}/*", "-o", out, "-e", "static", "--json")
    assert code == 2, err
    result = json.loads(stdout)
    assert result["clusters"] == 2 and result["removed"] == 2 and result["rejected"] == 1
    assert result["items"] == 12 and result["records"] == 11 and result["kept"] == 10
    assert list(result)[-3:] == ["manifest", "engine", "exit_code"]
    assert result["manifest"] == str(out / "manifest.json") and result["exit_code"] == 2
    assert result["errors"][0].startswith("a.jsonl line 5")
    assert (out / "a.jsonl").read_text().splitlines()[-1] == BAD_LINE  # kept as it was
    check_manifest(out, "dedup")


# --------------------------------------------------------------------------- export


def test_export_writes_one_file_per_shard_equal_to_the_concatenated_export(tmp_path: Path) -> None:
    folder, lines = write_shards(tmp_path / "in")
    out = tmp_path / "out"
    code, stdout, err = run("export", folder, "-f", "openai-chat", "-o", out, "--json")
    assert code == 0, err
    result = json.loads(stdout)
    assert list(result) == [
        "format", "shards", "candidates", "written", "warnings", "manifest", "engine", "exit_code"
    ]  # fmt: skip
    assert result["written"] == 11 == sum(s["written"] for s in result["shards"])
    assert result["manifest"] == str(out / "manifest.json") and result["exit_code"] == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "a.jsonl",
        "b.jsonl",
        "c.jsonl",
        "manifest.json",
    ]
    manifest = check_manifest(out, "export")
    assert manifest["totals"]["records_out"] == 11
    first = manifest["shards"][0]
    assert first["export"]["files"][0]["sha256"] == first["outputs"][0]["sha256"]
    assert first["export"]["mode"] == "file"
    code, _, _ = run(
        "export",
        concatenated(tmp_path, lines),
        "-f",
        "openai-chat",
        "-o",
        tmp_path / "all.out.jsonl",
    )
    assert code == 0
    joined = b"".join((out / n).read_bytes() for n in ("a.jsonl", "b.jsonl", "c.jsonl"))
    assert joined == (tmp_path / "all.out.jsonl").read_bytes()


def test_a_shards_throwaway_workspace_lives_in_the_runs_staging_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """So a killed run's workspace is swept with its staging folder, not left in /tmp."""
    import curation.store.db as db

    opened: list[Path] = []
    real = db.open_workspace

    def spy(folder: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(Path(folder))
        return real(folder, *args, **kwargs)

    monkeypatch.setattr(db, "open_workspace", spy)
    folder, _ = write_shards(tmp_path / "in")
    out = tmp_path / "out"
    code, _, err = run("export", folder, "-f", "openai-chat", "-o", out)
    assert code == 0, err
    assert len(opened) == 3
    assert all(p.parent.parent.parent == out and p.parent.parent.name.startswith(".staging.")
               for p in opened), opened  # fmt: skip
    assert not any(p.exists() for p in opened)


def test_a_sharded_input_refuses_a_file_as_output_folder(tmp_path: Path) -> None:
    folder, _ = write_shards(tmp_path / "in")
    target = tmp_path / "out.jsonl"
    target.write_text("")
    code, _, err = run("export", folder, "-f", "openai-chat", "-o", target)
    assert code == 1
    assert f"{target}: is a file" in err
    code, _, err = run("export", folder, "-f", "openai-chat", "-o", folder)
    assert code == 1 and "holds the input shard" in err


def test_a_rerun_that_fails_leaves_the_earlier_output_whole(tmp_path: Path) -> None:
    folder, _ = write_shards(tmp_path / "in")
    out, reports = tmp_path / "out", tmp_path / "findings"
    code, _, err = run("redact", folder, "-o", out, "--operator", "placeholder")
    assert (out / "manifest.json").exists(), err
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (folder / "c.parquet").write_bytes(b"not parquet")  # the second run fails on this shard
    code, _, err = run("redact", folder, "-o", out, "--operator", "mask", "--report", reports)
    assert code != 0 and "c.parquet" in err
    # its shards a and b stayed staged: the manifest still vouches for the earlier shards
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert list(reports.iterdir()) == []  # and their findings


def test_sharded_findings_never_collide_nor_sit_among_shards(tmp_path: Path) -> None:
    folder, _ = write_shards(tmp_path / "in")
    out, reports = tmp_path / "out", tmp_path / "findings"
    code, _, err = run("redact", folder, "-o", out, "--report", out)
    assert code == 1 and "is the output folder" in err
    code, _, err = run("redact", folder, "-o", out, "--report", folder)
    assert code == 1 and "holds input shards" in err
    code, _, err = run("redact", folder, "-o", out, "--report", reports)
    assert code == 0, err
    assert sorted(p.name for p in reports.iterdir()) == [
        "a.jsonl.findings.jsonl",
        "b.jsonl.gz.findings.jsonl",
        "c.parquet.findings.jsonl",
    ]


def test_file_mode_says_when_a_default_workspace_goes_unused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from curation.cli.pii import _note_unused_workspace

    ws = tmp_path / "ws"
    monkeypatch.setenv("CURATION_WORKSPACE", str(ws))
    _note_unused_workspace(False)
    assert capsys.readouterr().err == ""  # none there: nothing to say
    ws.mkdir()
    (ws / "workspace.db").write_bytes(b"")
    _note_unused_workspace(True)
    assert capsys.readouterr().err == ""
    _note_unused_workspace(False)
    assert f"pass --workspace {ws}" in capsys.readouterr().err


def test_a_folder_in_the_way_of_an_output_shard_is_named_before_any_shard_moves(
    tmp_path: Path,
) -> None:
    folder, _ = write_shards(tmp_path / "in")
    out = tmp_path / "out"
    (out / "c.parquet").mkdir(parents=True)  # the last shard's name, taken by a folder
    code, _, err = run("redact", folder, "-o", out, "--operator", "placeholder")
    assert code == 1 and f"{out / 'c.parquet'}: is a folder" in err and "Traceback" not in err
    assert [p.name for p in out.iterdir()] == ["c.parquet"]  # a and b not published either


def test_a_rerun_on_fewer_shards_removes_the_outputs_only_the_earlier_manifest_listed(
    tmp_path: Path,
) -> None:
    folder, _ = write_shards(tmp_path / "in")
    out = tmp_path / "out"
    code, _, err = run("redact", folder, "-o", out, "--operator", "placeholder")
    assert code == 0, err
    (out / "notes.txt").write_text("mine")  # no manifest listed it: it stays
    (folder / "b.jsonl.gz").unlink()
    code, _, err = run("redact", folder, "-o", out, "--operator", "placeholder")
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == [
        "a.jsonl",
        "c.parquet",
        "manifest.json",
        "notes.txt",
    ]
    check_manifest(out, "redact", shards=2)


def test_an_earlier_manifest_removes_nothing_outside_the_folder_nor_when_unreadable(
    tmp_path: Path,
) -> None:
    folder, _ = write_shards(tmp_path / "in")
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    victims = [tmp_path / "victim.jsonl", out / "sub" / "x.jsonl", out / "old.jsonl"]
    for v in victims:
        v.write_text("{}\n")
    listed = [{"path": "../victim.jsonl"}, {"path": "sub/x.jsonl"}]
    (out / "manifest.json").write_text(json.dumps({"shards": [{"outputs": listed}]}))
    code, _, err = run("redact", folder, "-o", out, "--operator", "placeholder")
    assert code == 0, err
    (out / "manifest.json").write_text('{"shards": [{"outputs": [{"path": "old.jsonl"}]}')
    code, _, err = run("redact", folder, "-o", out, "--operator", "placeholder")
    assert code == 0, err
    assert all(v.exists() for v in victims)
    check_manifest(out, "redact")
