"""Property tests: whatever the bytes, reading never raises anything but CurationError,
never hangs, and every Parsed names a line inside the file and a reason when it fails."""

from __future__ import annotations

import gzip
import io
import os
import time
import zlib
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from curation.errors import CurationError, UnknownFormatError
from curation.fileio import limits
from curation.fileio.items import MAX_DEPTH
from curation.fileio.jsonarray import iter_json_array
from curation.fileio.jsonl import iter_jsonl
from curation.fileio.source import container_of
from curation.ingest.formats import FORMATS, Parsed, read_records
from curation.records import message_text
from tests.helpers.formats import (
    ALPACA_ROWS,
    EXAMPLES,
    HH_SPANNING,
    N_COMPLETIONS,
    OPENAI_CHAT_PARTS,
    TRL_STANDARD_IMPLICIT,
    TRL_TOOLS,
)

pytestmark = pytest.mark.timeout(120)

ALL_FORMATS: list[str | None] = [None, *FORMATS]
SECONDS_PER_READ = 10.0
# Raise for a longer bug hunt: FORMATS_PROPERTY_EXAMPLES=2000 pytest tests/test_formats_property.py
EXAMPLES_PER_TEST = int(os.environ.get("FORMATS_PROPERTY_EXAMPLES", "150"))

PROPS = settings(
    max_examples=EXAMPLES_PER_TEST,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Every valid example, tagged with its format.
SEEDS: list[tuple[str, Any]] = [
    *EXAMPLES.items(),
    ("openai-chat", OPENAI_CHAT_PARTS),
    ("n-completions", N_COMPLETIONS),
    ("trl-preference", TRL_STANDARD_IMPLICIT),
    ("trl-preference", TRL_TOOLS),
    ("hh-rlhf", HH_SPANNING),
    ("alpaca", ALPACA_ROWS[3]),
]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("formats_property")


# --- the invariant -----------------------------------------------------------------------


def _payload(data: bytes) -> bytes:
    """The bytes a reader can see: gzip is decompressed as far as it goes."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    out = bytearray()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            while chunk := fh.read1(4096):
                out += chunk
    except (OSError, EOFError, zlib.error):
        pass
    return bytes(out)


def _line_count(data: bytes, container: str) -> int:
    payload = _payload(data)
    if container in ("csv", "tsv"):
        ends = payload.count(b"\r\n") + payload.replace(b"\r\n", b"").count(b"\r")
        ends += payload.replace(b"\r\n", b"").count(b"\n")
        return ends + 1
    return payload.count(b"\n") + 1


def _check_parsed(p: Parsed, lines: int) -> None:
    assert isinstance(p, Parsed)
    assert 1 <= p.line <= lines, (p.line, lines, p.error)
    assert (p.record is None) != (p.error is None)
    if p.error is not None:
        assert p.error.line == p.line
        assert isinstance(p.error.field, str)
        assert p.error.reason.strip()
        assert p.error.code
        assert str(p.error).startswith(f"line {p.line}: ")
        return
    rec = p.record
    assert rec is not None
    rec.content_hash()  # everything is serialisable
    for m in rec.messages:
        message_text(m)
    n = len(rec.completions)
    for c in rec.completions:
        _ = c.text
    assert all(0 <= a < n and 0 <= b < n and a != b for a, b in rec.rankings)
    assert len(list(rec.pairs())) == n * (n - 1) // 2


_WIDE = "save it as UTF-8"  # the refusal of text in UTF-16/32


def check_file(path: Path, formats: list[str | None] = ALL_FORMATS) -> dict[str | None, int]:
    """Read ``path`` under every given format; return how many items each produced."""
    data = path.read_bytes()
    try:
        container = container_of(path) if not data.startswith(b"\x1f\x8b") else None
    except CurationError as exc:
        assert _WIDE in str(exc)  # bytes that look like UTF-16/32 are refused as a whole
        return {}
    counts: dict[str | None, int] = {}
    for fmt in formats:
        start = time.monotonic()
        try:
            cont = container or container_of(path)
            lines = _line_count(data, cont)
            last = 0
            n = 0
            for p in read_records(path, fmt):
                _check_parsed(p, lines)
                assert p.line >= last, "line numbers go backwards"
                last = p.line
                n += 1
            counts[fmt] = n
        except UnknownFormatError as exc:
            assert str(exc)
        except CurationError as exc:
            assert str(exc)
            # Only damaged gzip or table files fail as a whole without a format problem.
            assert (
                data.startswith(b"\x1f\x8b")
                or path.suffix in (".csv", ".tsv", ".parquet")
                or _WIDE in str(exc)
            )
        assert time.monotonic() - start < SECONDS_PER_READ
    return counts


def _write(path: Path, data: bytes, gz: bool) -> Path:
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


# --- random bytes ------------------------------------------------------------------------

JSONISH = st.lists(
    st.sampled_from(
        [
            b"{",
            b"}",
            b"[",
            b"]",
            b'"',
            b",",
            b":",
            b"\\",
            b" ",
            b"\n",
            b"\r\n",
            b"\t",
            b"0",
            b"-1.5e3",
            b"null",
            b"true",
            b'"messages"',
            b'"role"',
            b'"content"',
            b'"user"',
            b'"chosen"',
            b'"rejected"',
            b'"conversations"',
            b'"from"',
            b'"value"',
            b'"human"',
            b'"instruction"',
            b'"output"',
            b'"completions"',
            b"\xef\xbb\xbf",
            b"\xff",
            b"\xc3",
            b"\x00",
            b"\x0c",
            b"\x0b",
            b"\\u0000",
            b'"\\n\\nHuman: "',
            b'"\\n\\nAssistant: "',
            b"prompt,response\n",
        ]
    ),
    max_size=300,
).map(b"".join)

SUFFIXES = [".jsonl", ".json", ".csv", ".tsv", ".txt", ".parquet", ""]


@PROPS
@given(
    data=st.one_of(st.binary(max_size=2000), JSONISH),
    suffix=st.sampled_from(SUFFIXES),
    gz=st.booleans(),
)
def test_random_bytes_never_crash(workdir: Path, data: bytes, suffix: str, gz: bool) -> None:
    path = _write(workdir / f"random{suffix}", data, gz)
    check_file(path)


@PROPS
@given(
    data=st.binary(min_size=20, max_size=2000), flips=st.lists(st.integers(0, 10**6), max_size=4)
)
def test_damaged_gzip_never_crashes(workdir: Path, data: bytes, flips: list[int]) -> None:
    raw = bytearray(gzip.compress(data))
    for f in flips:
        raw[10 + f % (len(raw) - 10)] ^= 1 + f % 255
    path = workdir / "damaged.jsonl"
    path.write_bytes(bytes(raw))
    check_file(path, [None, "openai-chat", "sharegpt"])


# --- mangled valid records ---------------------------------------------------------------


@st.composite
def mangled(draw: st.DrawFn) -> tuple[str, bytes, str]:
    picks = draw(st.lists(st.sampled_from(range(len(SEEDS))), min_size=1, max_size=4))
    name = SEEDS[picks[0]][0]
    values = [SEEDS[i][1] for i in picks]
    layout = draw(st.sampled_from(["jsonl", "crlf", "array", "array-indented"]))
    if layout in ("jsonl", "crlf"):
        eol = b"\r\n" if layout == "crlf" else b"\n"
        data = eol.join(orjson.dumps(v) for v in values) + eol
        suffix = ".jsonl"
    else:
        option = orjson.OPT_INDENT_2 if layout == "array-indented" else 0
        data = orjson.dumps(values, option=option)
        suffix = ".json"
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "dup"]))
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[pos] = draw(st.integers(0, 255))
        elif op == "truncate":
            del data[pos:]
        elif op == "insert":
            data[pos:pos] = draw(
                st.sampled_from([b"{", b"]", b'"', b"\\", b"\n", b",", b"\xff", b"[[[["])
            )
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 40))]
        else:
            data[pos:pos] = data[pos : pos + draw(st.integers(1, 80))]
    return name, bytes(data), suffix


@PROPS
@given(case=mangled(), other=st.sampled_from(sorted(FORMATS)), gz=st.booleans())
@example(case=("openai-chat", b'\x00"\x00e', ".jsonl"), other="alpaca", gz=False)  # "UTF-16"
def test_mangled_records_never_crash(
    workdir: Path, case: tuple[str, bytes, str], other: str, gz: bool
) -> None:
    name, data, suffix = case
    path = _write(workdir / f"mangled{suffix}", data, gz)
    check_file(path, [None, name, other])


@settings(max_examples=EXAMPLES_PER_TEST // 2, deadline=None)
@given(case=mangled())
def test_mangled_records_in_small_chunks(workdir: Path, case: tuple[str, bytes, str]) -> None:
    name, data, suffix = case
    path = _write(workdir / f"chunked{suffix}", data, False)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(limits, "CHUNK", 5)
        mp.setattr(limits, "MAX_ITEM_BYTES", 600)
        check_file(path, [None, name])


# --- deep nesting and huge strings -------------------------------------------------------


def _nest(depth: int, kind: str) -> str:
    if kind == "list":
        return "[" * depth + "1" + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


@PROPS
@given(
    depth=st.integers(1, 3000),
    kind=st.sampled_from(["list", "object"]),
    cut=st.one_of(st.none(), st.integers(0, 10**5)),
    array=st.booleans(),
)
def test_deep_nesting(workdir: Path, depth: int, kind: str, cut: int | None, array: bool) -> None:
    good = orjson.dumps(EXAMPLES["openai-chat"]).decode()
    deep = '{"messages": [{"role": "user", "content": "x", "deep": ' + _nest(depth, kind) + "}]}"
    if cut is not None:
        deep = deep[: cut % (len(deep) + 1)]
    text = f"[\n{good},\n{deep},\n{good}\n]\n" if array else f"{good}\n{deep}\n{good}\n"
    path = workdir / ("deep.json" if array else "deep.jsonl")
    path.write_text(text)
    counts = check_file(path, [None, "openai-chat", "trl-preference"])
    if cut is None:
        parsed = list(read_records(path, "openai-chat"))
        assert [p.line for p in parsed] == ([2, 3, 4] if array else [1, 2, 3])
        # +3 levels: the record object, messages and the message around the nested value.
        assert (parsed[1].record is not None) == (depth + 3 <= MAX_DEPTH)
        assert parsed[0].record is not None and parsed[2].record is not None
        assert counts["openai-chat"] == 3


@settings(max_examples=max(12, EXAMPLES_PER_TEST // 10), deadline=None)
@given(
    size=st.integers(1, 3_000_000),
    char=st.sampled_from(["a", "é", "\\", '"', "]", "\n", "𝄞"]),
    array=st.booleans(),
    limit=st.sampled_from([None, 1000, 1_000_000]),
)
def test_huge_strings(workdir: Path, size: int, char: str, array: bool, limit: int | None) -> None:
    content = char * size
    big = {
        "messages": [{"role": "user", "content": content}, {"role": "assistant", "content": "ok"}]
    }
    small = EXAMPLES["openai-chat"]
    values = [small, big, small]
    data = orjson.dumps(values) if array else b"\n".join(orjson.dumps(v) for v in values) + b"\n"
    path = workdir / ("huge.json" if array else "huge.jsonl")
    path.write_bytes(data)
    chunk = 4096
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(limits, "CHUNK", chunk)
        if limit is not None:
            mp.setattr(limits, "MAX_ITEM_BYTES", limit)
        check_file(path, [None, "openai-chat"])
        parsed = list(read_records(path, "openai-chat"))
    big_len = len(orjson.dumps(big))
    fits = limit is None or big_len <= limit
    # The array reader checks the limit when it needs another chunk, so it may accept up
    # to a chunk more than the limit (memory stays bounded by limit + chunk either way).
    too_long = limit is not None and big_len > limit + (chunk if array else 0)
    if fits:
        assert len(parsed) == 3
        assert parsed[1].record is not None
        assert parsed[1].record.messages[0]["content"] == content
    elif too_long:
        assert parsed[1].error is not None and parsed[1].error.code == "line_too_long"
        if not array:  # JSONL goes on after a long line; an array stops there
            assert parsed[2].record is not None
            assert len(parsed) == 3
        else:
            assert len(parsed) == 2


# --- oracles: the streaming readers agree with orjson ------------------------------------

JSON_TEXT = st.text(alphabet=st.sampled_from(list('ab ]}[{",:\\\n\t/éč𝄞\x00\x1f')), max_size=30)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | JSON_TEXT,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(JSON_TEXT, children, max_size=4)
    ),
    max_leaves=20,
)
SEPARATORS = st.sampled_from([",", ", ", ",\n", "\n,\n", " ,\r\n\r\n", ",\t"])


@PROPS
@given(
    values=st.lists(JSON_VALUES, max_size=6),
    seps=st.lists(SEPARATORS, min_size=7, max_size=7),
    indents=st.lists(st.booleans(), min_size=6, max_size=6),
    chunk=st.integers(1, 40),
    bom=st.booleans(),
    head=st.sampled_from(["[", "[\n", " \r\n[ ", "\n\n[\n  "]),
)
def test_json_array_scanner_matches_orjson(
    workdir: Path,
    values: list[Any],
    seps: list[str],
    indents: list[bool],
    chunk: int,
    bom: bool,
    head: str,
) -> None:
    assume(not (bom and chunk < 3))  # a BOM split across reads is not a real-world case
    text = head
    starts = []
    for i, value in enumerate(values):
        if i:
            text += seps[i]
        starts.append(len(text.encode()))
        option = orjson.OPT_INDENT_2 if indents[i] else 0
        text += orjson.dumps(value, option=option).decode()
    text += seps[-1].rstrip(",") + "]\n"
    data = text.encode()
    path = workdir / "oracle.json"
    path.write_bytes((limits.BOM if bom else b"") + data)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(limits, "CHUNK", chunk)
        items = list(iter_json_array(path))
    assert [i.error for i in items] == [None] * len(values)
    assert [i.value for i in items] == values
    assert [i.line for i in items] == [data[:s].count(b"\n") + 1 for s in starts]


@PROPS
@given(
    values=st.lists(JSON_VALUES, max_size=8),
    blanks=st.lists(st.sampled_from(["", "  ", "\t", "\r"]), min_size=8, max_size=8),
    eol=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
    gz=st.booleans(),
)
def test_jsonl_reader_matches_orjson(
    workdir: Path, values: list[Any], blanks: list[str], eol: str, bom: bool, gz: bool
) -> None:
    lines: list[str] = []
    expected_lines: list[int] = []
    for i, value in enumerate(values):
        lines.append(blanks[i])
        lines.append(orjson.dumps(value).decode())
        expected_lines.append(len(lines))
    data = (limits.BOM if bom else b"") + eol.join(lines).encode()
    path = _write(workdir / "oracle.jsonl", data, gz)
    items = list(iter_jsonl(path))
    assert [i.error for i in items] == [None] * len(values)
    assert [i.value for i in items] == values
    assert [i.line for i in items] == expected_lines
