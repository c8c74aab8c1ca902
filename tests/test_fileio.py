"""The container I/O layer: items read with their raw bytes are written back unchanged."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from curation.fileio import limits
from curation.fileio.atomic import atomic_write_text, open_output
from curation.fileio.rewrite import iter_items, open_writer
from curation.fileio.table import HEADER


def _rewrite(container: str, src: Path, out: Path, change: bool = False) -> None:
    with open_output(out) as sink:
        writer = open_writer(container, src, sink)
        for item in iter_items(container, src):
            value = None
            if change and isinstance(item.value, dict) and item.code != HEADER:
                value = {**item.value, "a": "X"}
            writer.write(item, value)
        writer.close()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("in.jsonl", b'\xef\xbb\xbf{"a": 1}\r\n\n{not json}\n{"a":  2}'),
        ("in.json", b'[\n  {"a": 1},\n  {"a":   2}\n]\n'),
        ("in.csv", b'a,b\r\nx,"y\r\nz"\r\n\r\n1,2\r\n'),
        ("in.tsv", b"a\tb\nx\ty\n"),
    ],
)
def test_untouched_items_pass_through(tmp_path: Path, name: str, data: bytes) -> None:
    src, out = tmp_path / name, tmp_path / f"out-{name}"
    src.write_bytes(data)
    container = name.rsplit(".", 1)[1]
    _rewrite(container, src, out)
    expected = data.removeprefix(limits.BOM)
    if container == "json":
        expected = b'[\n{"a": 1},\n{"a":   2}\n]\n'  # one element per line, each as read
    assert out.read_bytes() == expected


def test_changed_items_keep_their_place_and_line_ending(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_bytes(b'{"a": 1}\r\n{oops\n{"a": 2}')
    _rewrite("jsonl", src, out, change=True)
    assert out.read_bytes() == b'{"a":"X"}\r\n{oops\n{"a":"X"}'


def test_over_long_line_is_copied_from_its_span(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_ITEM_BYTES", 1024)
    monkeypatch.setattr(limits, "CHUNK", 64)
    data = b'{"a": 1}\n{"b": "' + b"y" * 5000 + b'"}\n{"c": 3}\n'
    src, out = tmp_path / "in.jsonl.gz", tmp_path / "out.jsonl"
    src.write_bytes(gzip.compress(data))
    items = list(iter_items("jsonl", src))
    assert [i.code for i in items if i.error] == ["line_too_long"]
    _rewrite("jsonl", src, out)
    assert out.read_bytes() == data


def test_parquet_rows_round_trip(tmp_path: Path) -> None:
    src, out = tmp_path / "in.parquet", tmp_path / "out.parquet"
    pq.write_table(pa.table({"a": ["1", "2"], "n": [1, 2]}), src)
    _rewrite("parquet", src, out, change=True)
    assert pq.read_table(out).to_pylist() == [{"a": "X", "n": 1}, {"a": "X", "n": 2}]


def test_empty_json_array_and_gzip_output(tmp_path: Path) -> None:
    src, out = tmp_path / "in.json", tmp_path / "out.json.gz"
    src.write_bytes(b"[]")
    _rewrite("json", src, out)
    assert gzip.decompress(out.read_bytes()) == b"[]\n"


def test_atomic_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "f.txt"
    atomic_write_text(target, "é\n")
    assert target.read_bytes() == "é\n".encode()
    with pytest.raises(RuntimeError), open_output(target) as fh:
        fh.write(b"half")
        raise RuntimeError("stop")
    assert target.read_bytes() == "é\n".encode()
    assert [p.name for p in target.parent.iterdir()] == ["f.txt"]
