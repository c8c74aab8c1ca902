"""Hugging Face datasets on disk: a save_to_disk folder (Arrow stream files named in
state.json) and Parquet whose columns are lists of structs, read with pyarrow."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from curation.ingest.formats import field_notes, open_source, parse_item
from curation.ingest.formats.notes import NoteKey
from curation.ingest.importer import import_file
from curation.store import Workspace

MESSAGES = [
    [
        {"role": "user", "content": "Hi", "tool_call_id": None},
        {"role": "assistant", "content": "Hello!", "tool_call_id": None},
    ],
    [
        {"role": "user", "content": "2+2?", "tool_call_id": None},
        {"role": "assistant", "content": "4", "tool_call_id": None},
    ],
]


def save_to_disk(folder: Path, table: pa.Table) -> Path:
    """What datasets' save_to_disk writes: Arrow stream file(s) listed in state.json."""
    folder.mkdir()
    with (
        pa.OSFile(str(folder / "data-00000-of-00001.arrow"), "wb") as sink,
        pa.ipc.new_stream(sink, table.schema) as writer,
    ):
        writer.write_table(table)
    (folder / "state.json").write_text(
        json.dumps({"_data_files": [{"filename": "data-00000-of-00001.arrow"}], "_split": "train"})
    )
    (folder / "dataset_info.json").write_text(json.dumps({"features": {}}))
    return folder


def read(path: Path) -> tuple[str, list, list[str]]:  # type: ignore[type-arg]
    from collections import Counter

    source = open_source(path)
    notes: Counter[NoteKey] = Counter()
    records = []
    for item in source.items():
        parsed = parse_item(source.format, item, notes)
        assert parsed.error is None, str(parsed.error)
        records.append(parsed.record)
    return source.format.name, records, [str(n) for n in field_notes(notes)]


def test_save_to_disk_folder_of_chat_rows(tmp_path: Path) -> None:
    table = pa.table({"messages": MESSAGES, "source": ["a", "b"]})
    fmt, records, notes = read(save_to_disk(tmp_path / "ds", table))
    assert fmt == "openai-chat"
    assert records[0].messages == [
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Hello!"},
    ]
    assert "`tool_call_id` on 4 struct fields: null filled in by Arrow: left out" in notes


def test_parquet_with_list_of_struct_preference_columns(tmp_path: Path) -> None:
    prompt = [[{"role": "user", "content": "Capital of France?"}]]
    table = pa.table(
        {
            "prompt": prompt,
            "chosen": [[{"role": "assistant", "content": "Paris."}]],
            "rejected": [[{"role": "assistant", "content": "Lyon."}]],
        }
    )
    path = tmp_path / "prefs.parquet"
    pq.write_table(table, path)
    fmt, records, _ = read(path)
    assert fmt == "trl-preference"
    assert [c.text for c in records[0].completions] == ["Paris.", "Lyon."]


def test_flat_parquet_is_still_a_table(tmp_path: Path) -> None:
    path = tmp_path / "flat.parquet"
    pq.write_table(pa.table({"prompt": ["Hi"], "response": ["Hello"]}), path)
    assert open_source(path).format.name == "table"


def test_import_a_save_to_disk_folder(ws: Workspace, tmp_path: Path) -> None:
    folder = save_to_disk(tmp_path / "ds", pa.table({"messages": MESSAGES}))
    result = import_file(ws, folder, "hf")
    assert (result.imported, result.rejected) == (2, 0)


def test_a_damaged_save_to_disk_file_keeps_the_rows_read_before(
    ws: Workspace, tmp_path: Path
) -> None:
    table = pa.table({"messages": MESSAGES * 3})
    folder = tmp_path / "ds"
    folder.mkdir()
    data = folder / "data-00000-of-00001.arrow"
    with pa.OSFile(str(data), "wb") as sink, pa.ipc.new_stream(sink, table.schema) as writer:
        for batch in table.to_batches(max_chunksize=2):
            writer.write_batch(batch)
    (folder / "state.json").write_text(
        json.dumps({"_data_files": [{"filename": data.name}], "_split": "train"})
    )
    whole = data.read_bytes()
    data.write_bytes(whole[: len(whole) - 200])  # the last batch cut short
    result = import_file(ws, folder, "d")
    assert result.imported + result.repeats == 4  # the two whole batches
    assert result.rejected == 1
    assert result.errors[-1].code == "unreadable"
