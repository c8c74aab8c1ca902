"""Hugging Face datasets on disk: a ``save_to_disk`` folder (Arrow IPC stream files listed
in ``state.json``) or a Parquet file whose columns hold lists of structs (``messages``,
``chosen``, ``rejected``). Rows are read with pyarrow in batches and detected by content
like JSON lines; the nulls Arrow gives every missing struct field are taken out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from curation.errors import InputError
from curation.fileio.gate import check_regular_file
from curation.fileio.items import RawItem, damaged

if TYPE_CHECKING:  # pyarrow is imported where a file is read: it costs every command start-up
    import pyarrow as pa

HF_DISK = "hf-disk"
PARQUET_ROWS = "parquet-rows"
BATCH = 1000


def is_hf_folder(path: Path) -> bool:
    return path.is_dir() and (path / "state.json").is_file()


def nested_parquet(path: Path) -> bool:
    """Whether a Parquet file has struct or list-of-struct columns (rows, not a table)."""
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise InputError(f"{path}: cannot be read as Parquet ({exc})") from exc
    return any(_structs(f.type) for f in schema)


def _structs(t: pa.DataType) -> bool:
    """A struct, or a list of structs (a list of strings is still a table cell)."""
    import pyarrow as pa

    if pa.types.is_struct(t):
        return True
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return _structs(t.value_type)
    return False


def arrow_files(folder: Path) -> list[Path]:
    try:
        state = orjson.loads(check_regular_file(folder / "state.json").read_bytes())
        files = [folder / str(f["filename"]) for f in state.get("_data_files", [])]
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(
            f"{folder}: state.json is not a datasets save_to_disk state ({exc})"
        ) from exc
    missing = [f.name for f in files if not f.exists()]
    if not files or missing:
        raise InputError(
            f"{folder}: save_to_disk data files missing: {', '.join(missing) or 'none listed'}"
        )
    return [check_regular_file(f) for f in files]  # a pipe among them is refused, not read


def iter_rows(path: str | Path, container: str) -> Iterator[RawItem]:
    """One RawItem per row (line = 1-based row number across the files)."""
    import pyarrow as pa

    p = Path(path)
    row = 0
    batches = _batches(p, container)
    while True:
        try:
            batch = next(batches, None)
            values = [] if batch is None else batch.to_pylist()
        except (pa.ArrowException, OSError) as exc:
            # A truncated or corrupt file: the rows read so far stand, the damage is reported.
            yield damaged(p, row + 1, exc)
            return
        if batch is None:
            return
        for value in values:
            row += 1
            dropped: Counter[str] = Counter()
            item = RawItem(row, _drop_struct_nulls(value, dropped, top=True))
            if dropped:
                item.notes = {
                    (k, "struct fields", "null filled in by Arrow: left out"): n
                    for k, n in dropped.items()
                }
            yield item


def _batches(path: Path, container: str) -> Iterator[pa.RecordBatch]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if container == PARQUET_ROWS:
        yield from pq.ParquetFile(check_regular_file(path)).iter_batches(batch_size=BATCH)
        return
    for file in arrow_files(path):
        with pa.memory_map(str(file)) as source:
            try:
                stream = pa.ipc.open_stream(source)
            except pa.ArrowInvalid:  # the random-access file layout
                whole = pa.ipc.open_file(source)
                for i in range(whole.num_record_batches):
                    yield whole.get_batch(i)
                continue
            yield from stream


def _drop_struct_nulls(value: Any, dropped: Counter[str], *, top: bool = False) -> Any:
    """Arrow gives every row of a struct column every field: a message without
    ``tool_calls`` reads back with ``tool_calls: None``. Those nulls are taken out of
    nested objects (top-level columns keep theirs)."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if v is None and not top:
                dropped[str(k)] += 1
                continue
            out[k] = _drop_struct_nulls(v, dropped)
        return out
    if isinstance(value, list):
        return [_drop_struct_nulls(v, dropped) for v in value]
    return value
