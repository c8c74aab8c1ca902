"""Containers: gzip, BOM, CRLF, blank lines, damaged lines, huge lines, JSON arrays in chunks."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import orjson
import pytest

from curation.errors import InputError, UnknownFormatError
from curation.fileio import limits
from curation.fileio.items import MAX_DEPTH
from curation.fileio.jsonarray import iter_json_array
from curation.fileio.jsonl import iter_jsonl
from curation.fileio.source import container_of
from curation.ingest.formats import detect_format, open_source, read_records
from tests.helpers.formats import OPENAI_CHAT_SIMPLE, dumps, errors, records

GOOD = dumps(OPENAI_CHAT_SIMPLE)
BOM = b"\xef\xbb\xbf"


def _lines(parsed: list[Any]) -> list[int]:
    return [p.line for p in parsed]


def _codes(parsed: list[Any]) -> list[tuple[int, str]]:
    return [(p.error.line, p.error.code) for p in parsed if p.error is not None]


# --- gzip --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["data.jsonl.gz", "data.jsonl", "data.txt", "data"])
def test_gzip_recognised_by_magic_bytes(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(f"{GOOD}\n\n{GOOD}\n".encode()))
    assert container_of(path) == "jsonl"
    assert detect_format(path).name == "openai-chat"
    parsed = list(read_records(path))
    assert _lines(parsed) == [1, 3]
    assert len(records(parsed)) == 2


@pytest.mark.parametrize("name", ["data.json.gz", "data.json", "data.bin"])
def test_gzipped_json_array(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(f"[\n{GOOD},\n{GOOD}\n]\n".encode()))
    assert container_of(path) == "json"
    assert _lines(list(read_records(path))) == [2, 3]


def test_truncated_gzip_reports_the_damage_and_keeps_earlier_lines(tmp_path: Path) -> None:
    data = gzip.compress("".join(f"{GOOD}\n" for _ in range(3000)).encode())
    path = tmp_path / "t.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    parsed = list(read_records(path, "openai-chat"))
    assert parsed[-1].error is not None
    assert parsed[-1].error.code == "unreadable"
    assert parsed[-1].error.reason
    good = [p for p in parsed if p.record is not None]
    assert len(good) == len(parsed) - 1 > 0
    assert _lines(good) == list(range(1, len(good) + 1))
    assert parsed[-1].line == len(good) + 1


def _distinct_lines(n: int) -> str:
    return "".join(
        dumps({"messages": [{"role": "user", "content": f"question {i} {i * 7919 % 104729}"}]})
        + "\n"
        for i in range(n)
    )


def _gzip_with_bad_deflate_block(text: str) -> bytes:
    """A valid gzip member, then a member whose deflate data is invalid (zlib.error)."""
    return gzip.compress(text.encode()) + gzip.compress(b"x")[:10] + b"\xff" * 64


def test_corrupt_gzip_body_never_raises_zlib_error(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(_gzip_with_bad_deflate_block(_distinct_lines(300)))
    parsed = list(read_records(path, "openai-chat"))
    assert len(parsed) == 301
    assert len(records(parsed[:300])) == 300
    assert parsed[-1].line == 301
    assert parsed[-1].error is not None
    assert parsed[-1].error.code == "unreadable"
    assert "damaged" in parsed[-1].error.reason


def test_corrupt_gzip_json_array_never_raises_zlib_error(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_bytes(_gzip_with_bad_deflate_block("[\n" + f"{GOOD},\n" * 100))
    parsed = list(read_records(path, "openai-chat"))
    assert _lines(parsed) == list(range(2, 103))
    assert len(records(parsed[:100])) == 100
    assert parsed[-1].error is not None
    assert parsed[-1].error.code == "unreadable"
    assert "damaged" in parsed[-1].error.reason


def test_corrupt_gzip_csv_never_raises_zlib_error(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(_gzip_with_bad_deflate_block("prompt,response\nq,a\nq2,a2\n"))
    parsed = list(read_records(path))
    assert _lines(parsed) == [2, 3, 4]
    assert _codes(parsed) == [(4, "unreadable")]


def test_gzip_damaged_at_the_start_is_an_input_error(tmp_path: Path) -> None:
    data = bytearray(gzip.compress(_distinct_lines(50).encode()))
    data[20] ^= 0xFF
    for name in ("c.jsonl", "c.json"):
        path = tmp_path / name
        path.write_bytes(bytes(data))
        with pytest.raises(InputError):
            open_source(path)


# --- BOM, CRLF, blank lines --------------------------------------------------------------


def test_utf8_bom_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_bytes(BOM + f"{GOOD}\n{GOOD}\n".encode())
    assert detect_format(path).name == "openai-chat"
    assert _lines(records_ok := list(read_records(path))) == [1, 2]
    assert len(records(records_ok)) == 2


def test_utf8_bom_json_array(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_bytes(BOM + f"[{GOOD},\n{GOOD}]".encode())
    assert container_of(path) == "json"
    assert _lines(list(read_records(path))) == [1, 2]


def test_crlf_and_blank_lines_keep_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(f"\r\n{GOOD}\r\n\r\n   \r\n{GOOD}\r\n\t\r\n{GOOD}".encode())
    parsed = list(read_records(path))
    assert _lines(parsed) == [2, 5, 7]
    assert len(records(parsed)) == 3


def test_crlf_json_array(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_bytes(f"[\r\n  {GOOD},\r\n\r\n  {GOOD}\r\n]\r\n".encode())
    assert _lines(list(read_records(path))) == [2, 4]


# --- damaged lines -----------------------------------------------------------------------


def test_invalid_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "u.jsonl"
    bad = b'{"messages": [{"role": "user", "content": "caf\xe9"}]}'
    path.write_bytes(f"{GOOD}\n".encode() + bad + f"\n{GOOD}\n".encode())
    parsed = list(read_records(path))
    assert _codes(parsed) == [(2, "invalid_utf8")]
    assert parsed[1].error is not None and "UTF-8" in parsed[1].error.reason
    assert _lines(parsed) == [1, 2, 3]


def test_truncated_last_line(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_text(f"{GOOD}\n{GOOD}\n{GOOD[:-7]}")
    parsed = list(read_records(path))
    assert _codes(parsed) == [(3, "invalid_json")]
    assert parsed[2].error is not None and parsed[2].error.reason.startswith("invalid JSON")
    assert len([p for p in parsed if p.record]) == 2


def test_line_too_long_reported_and_next_line_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_ITEM_BYTES", 200)
    assert len(GOOD) < 200
    long_line = dumps({"messages": [{"role": "user", "content": "x" * 1000}]})
    path = tmp_path / "l.jsonl"
    path.write_text(f"{GOOD}\n{long_line}\n{GOOD}\n{long_line}")
    parsed = list(read_records(path, "openai-chat"))
    assert _lines(parsed) == [1, 2, 3, 4]
    assert _codes(parsed) == [(2, "line_too_long"), (4, "line_too_long")]
    assert parsed[1].error is not None
    assert parsed[1].error.reason.startswith("line is longer than 200 bytes (the limit; ")
    assert parsed[2].record is not None


def test_line_of_exactly_the_limit_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ITEM_BYTES", len(GOOD))
    path = tmp_path / "l.jsonl"
    path.write_text(f"{GOOD}\n{GOOD} \n{GOOD}")
    parsed = list(read_records(path, "openai-chat"))
    assert _codes(parsed) == [(2, "line_too_long")]
    assert _lines(parsed) == [1, 2, 3]


def test_line_too_long_in_gzip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ITEM_BYTES", 100)
    monkeypatch.setattr(limits, "CHUNK", 16)
    path = tmp_path / "l.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"a": "' + b"y" * 5000 + b'"}\n{"b": 1}\n'))
    items = list(iter_jsonl(path))
    assert [(i.line, i.code, i.error is None) for i in items] == [
        (1, "line_too_long", False),
        (2, "invalid_json", True),
    ]
    assert items[1].value == {"b": 1}


def test_json_array_element_too_long(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ITEM_BYTES", 100)
    monkeypatch.setattr(limits, "CHUNK", 16)
    path = tmp_path / "a.json"
    path.write_text('[\n{"a": 1},\n{"b": "' + "z" * 1000 + '"},\n{"c": 3}\n]')
    items = list(iter_json_array(path))
    assert items[0].value == {"a": 1}
    assert (items[1].line, items[1].code) == (3, "line_too_long")
    assert items[1].error is not None
    assert items[1].error.startswith("element is longer than 100 bytes (the limit; ")


def test_json_array_bare_scalar_too_long(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ITEM_BYTES", 100)
    monkeypatch.setattr(limits, "CHUNK", 16)
    path = tmp_path / "a.json"
    path.write_text("[" + "9" * 5000 + "]")
    items = list(iter_json_array(path))
    assert [(i.line, i.code) for i in items] == [(1, "line_too_long")]


# --- JSON arrays -------------------------------------------------------------------------


def test_json_array_malformed_element_in_the_middle(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text(
        "[\n"
        f"  {GOOD},\n"
        '  {"messages": [\n'
        '     {"role": "user", "content": "a",}\n'  # trailing comma: invalid JSON
        "  ]},\n"
        f"  {GOOD},\n"
        f"  {GOOD}\n"
        "]\n"
    )
    parsed = list(read_records(path))
    assert _lines(parsed) == [2, 3, 6, 7]
    assert _codes(parsed) == [(3, "invalid_json")]
    assert len([p for p in parsed if p.record]) == 3


def test_json_array_element_that_fails_the_format(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    bad = {"messages": [{"role": "user", "content": "a"}, {"content": "b"}]}
    path.write_text(f"[\n{GOOD},\n\n{dumps(bad)},\n{GOOD}]")
    parsed = list(read_records(path))
    assert errors(parsed) == [(4, "messages[1].role")]
    assert _lines(parsed) == [2, 4, 5]


TRICKY: list[Any] = [
    {"s": "brackets ] } [ { inside", "n": 1},
    {"s": 'escaped "quotes" and \\"backslash-quote\\"', "list": [[], [[]], {}]},
    {"s": "ends with a backslash \\"},
    {"s": "\\\\\\", "t": "\\]", "u": '"]'},
    'a bare string with ] and , and " in it',
    {"s": "unicode é ✓ 𝄞 and escapes \n \t \u0000"},
    [1, [2, [3, "]"]]],
    12345678901,
    -1.5e-10,
    True,
    None,
    {"nested": {"deep": [{"deeper": "}}}]]]"}]}},
]


def _tricky_text() -> str:
    parts = []
    for i, value in enumerate(TRICKY):
        text = orjson.dumps(value, option=orjson.OPT_INDENT_2 if i % 3 == 0 else 0).decode()
        parts.append(text)
    return "[\n" + ",\n".join(parts) + "\n]\n"


def _expected_lines(text: str) -> list[int]:
    lines, line = [], 2
    for i, value in enumerate(TRICKY):
        lines.append(line)
        chunk = orjson.dumps(value, option=orjson.OPT_INDENT_2 if i % 3 == 0 else 0).decode()
        line += chunk.count("\n") + 1
    return lines


@pytest.mark.parametrize("chunk", [1, 2, 3, 4, 5, 7, 11, 64, 1 << 20])
def test_json_array_across_chunk_boundaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(limits, "CHUNK", chunk)
    text = _tricky_text()
    path = tmp_path / "t.json"
    path.write_text(text)
    items = list(iter_json_array(path))
    assert [i.error for i in items] == [None] * len(TRICKY)
    assert [i.value for i in items] == orjson.loads(text) == TRICKY
    assert [i.line for i in items] == _expected_lines(text)


@pytest.mark.parametrize("chunk", [3, 7])
def test_json_array_with_bom_in_small_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(limits, "CHUNK", chunk)
    path = tmp_path / "t.json"
    path.write_bytes(BOM + _tricky_text().encode())
    assert [i.value for i in iter_json_array(path)] == TRICKY


@pytest.mark.parametrize("chunk", [1, 7])
def test_jsonl_in_small_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    monkeypatch.setattr(limits, "CHUNK", chunk)
    monkeypatch.setattr(limits, "MAX_ITEM_BYTES", 50)
    path = tmp_path / "t.jsonl"
    path.write_text('{"a": 1}\n{"b": "' + "q" * 200 + '"}\n{"c": 3}\n')
    items = list(iter_jsonl(path))
    assert [(i.line, i.value, i.code) for i in items] == [
        (1, {"a": 1}, "invalid_json"),
        (2, None, "line_too_long"),
        (3, {"c": 3}, "invalid_json"),
    ]


def test_scalars_in_array_are_rejected_as_records(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('[1, "two", null, [3],\n' + GOOD + "]")
    parsed = list(read_records(path, "openai-chat"))
    assert errors(parsed) == [(1, "record")] * 4
    assert parsed[-1].record is not None and parsed[-1].line == 2


def test_unclosed_array(tmp_path: Path) -> None:
    path = tmp_path / "u.json"
    path.write_text(f"[\n{GOOD},\n{GOOD}\n")
    parsed = list(read_records(path))
    assert _lines(parsed) == [2, 3, 4]
    assert parsed[2].error is not None and "not closed" in parsed[2].error.reason


def test_array_ending_inside_an_element(tmp_path: Path) -> None:
    path = tmp_path / "u.json"
    path.write_text(f'[\n{GOOD},\n{{"messages": [{{"role": "user", "content": "unterminated')
    parsed = list(read_records(path, "openai-chat"))
    assert _lines(parsed) == [2, 3]
    assert parsed[1].error is not None and "end of file" in parsed[1].error.reason


def test_garbage_between_elements_is_reported_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    path.write_text(f"[\n{GOOD},\n}} oops,\n{GOOD}]")
    parsed = list(read_records(path, "openai-chat"))
    assert [p.record is not None for p in parsed] == [True, False, False, True]
    assert _lines(parsed) == [2, 3, 3, 4]


# --- empty files and container guessing --------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", BOM, b"[]", b"  [ ]\n", BOM + b"[\n]\n"])
def test_empty_files(tmp_path: Path, content: bytes) -> None:
    for name in ("e.jsonl", "e.json"):
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(UnknownFormatError):
            detect_format(path)
        assert list(read_records(path, "openai-chat")) == []


def test_json_suffix_holding_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text(f"{GOOD}\n{GOOD}\n")
    assert container_of(path) == "jsonl"
    assert detect_format(path).name == "openai-chat"
    assert _lines(list(read_records(path))) == [1, 2]


def test_json_suffix_holding_jsonl_after_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_bytes(BOM + f"\n\r\n{GOOD}\n{GOOD}\n".encode())
    assert container_of(path) == "jsonl"
    assert _lines(list(read_records(path))) == [3, 4]


def test_json_suffix_with_one_multiline_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_bytes(orjson.dumps({"data": [OPENAI_CHAT_SIMPLE]}, option=orjson.OPT_INDENT_2))
    assert container_of(path) == "json"
    parsed = list(read_records(path, "openai-chat"))
    assert len(parsed) == 1 and parsed[0].error is not None
    assert parsed[0].error.line == 1
    assert "array" in parsed[0].error.reason


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        list(read_records(tmp_path / "nope.jsonl"))
    with pytest.raises(InputError):
        list(read_records(tmp_path))


def test_detection_skips_damaged_and_non_object_lines(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(f'not json\n[1, 2]\n"str"\n{GOOD}\n')
    assert detect_format(path).name == "openai-chat"
    parsed = list(read_records(path))
    assert errors(parsed) == [(1, ""), (2, "record"), (3, "record")]


def test_detection_gives_up_with_the_keys_it_saw(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"foo": 1, "bar": 2}\n')
    with pytest.raises(UnknownFormatError) as info:
        detect_format(path)
    assert "['bar', 'foo']" in str(info.value)


def test_detection_only_looks_at_the_first_items(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text("1\n" * 20 + GOOD + "\n")
    with pytest.raises(UnknownFormatError):
        detect_format(path)
    assert len(list(read_records(path, "openai-chat"))) == 21


def test_unknown_format_name(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(GOOD + "\n")
    with pytest.raises(UnknownFormatError) as info:
        open_source(path, format="llama")
    assert "openai-chat" in str(info.value)


def test_line_error_rendering(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(GOOD + '\n{"messages": [{"content": "x"}]}\n')
    err = list(read_records(path))[1].error
    assert err is not None
    assert str(err) == "line 2: messages[0].role: missing"
    assert err.as_dict() == {
        "line": 2,
        "field": "messages[0].role",
        "reason": "missing",
        "code": "invalid_field",
    }


# --- nesting depth -----------------------------------------------------------------------


def _nested_record(levels: int) -> str:
    """A chat record whose deepest value sits ``levels`` lists/objects down."""
    inner = levels - 3  # the record object, ``messages`` and the message itself
    return (
        '{"messages": [{"role": "user", "content": "x", "deep": '
        + "[" * inner
        + "1"
        + "]" * inner
        + "}]}"
    )


@pytest.mark.parametrize("array", [False, True])
def test_nesting_up_to_the_limit_is_read_deeper_is_rejected(tmp_path: Path, array: bool) -> None:
    ok, deep = _nested_record(MAX_DEPTH), _nested_record(MAX_DEPTH + 1)
    path = tmp_path / ("n.json" if array else "n.jsonl")
    path.write_text(f"[\n{ok},\n{deep},\n{GOOD}\n]" if array else f"{ok}\n{deep}\n{GOOD}\n")
    parsed = list(read_records(path, "openai-chat"))
    assert _lines(parsed) == ([2, 3, 4] if array else [1, 2, 3])
    assert _codes(parsed) == [(_lines(parsed)[1], "too_deep")]
    assert parsed[1].error is not None
    assert parsed[1].error.reason == f"nested deeper than {MAX_DEPTH} levels"
    rec = parsed[0].record
    assert rec is not None
    rec.content_hash()  # what the importer does next: must not raise


def test_many_brackets_but_shallow_is_fine(tmp_path: Path) -> None:
    wide = {"messages": [{"role": "user", "content": [{"type": "text", "text": "[{"}] * 500}]}
    path = tmp_path / "w.jsonl"
    path.write_text(dumps(wide) + "\n")
    (rec,) = records(read_records(path))
    assert len(rec.messages[0]["content"]) == 500


@pytest.mark.timeout(20)
@pytest.mark.parametrize("junk", [b"\x0c", b"\x0b", b"\x0c\x0b\x0c", b"\x1c\x85"])
def test_non_json_whitespace_between_elements_does_not_hang(tmp_path: Path, junk: bytes) -> None:
    """Form feed and friends are no JSON whitespace: they are junk, reported, and skipped."""
    path = tmp_path / "ff.json"
    path.write_bytes(b"[" + junk + b"1,\n" + junk + b",\n" + GOOD.encode() + b"," + junk + b"]")
    items = list(iter_json_array(path))
    assert [(i.line, i.error is None) for i in items] == [
        (1, False),
        (2, False),
        (3, True),
        (3, False),
    ]
    assert items[2].value == OPENAI_CHAT_SIMPLE


def test_damage_inside_a_long_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ITEM_BYTES", 100)
    monkeypatch.setattr(limits, "CHUNK", 16)
    path = tmp_path / "l.jsonl"
    path.write_bytes(_gzip_with_bad_deflate_block('{"ok": 1}\n{"a": "' + "y" * 5000))
    items = list(iter_jsonl(path))
    assert [(i.line, i.code) for i in items] == [
        (1, "invalid_json"),
        (2, "line_too_long"),
        (2, "unreadable"),
    ]
    assert items[0].value == {"ok": 1}
