"""Hostile files: every file-reading stage refuses pipes and devices without hanging, bounds
what it reads, treats damaged gzip, UTF-16 and deep nesting alike, and exits 0, 1 or 2 with
one meaning each (issue 11, "Bad input")."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bench.bench_faults_fuzz import generate
from curation import exitcodes
from curation.cli import cli
from curation.errors import CurationError, InputError
from curation.fileio import limits
from curation.fileio.gate import check_regular_file
from curation.fileio.items import MAX_DEPTH
from curation.fileio.limits import max_line_bytes
from curation.fileio.source import open_binary
from curation.ingest.formats import open_source, read_records
from curation.ingest.importer import import_file
from curation.store import Workspace
from tests.helpers.common import REPO

COMMANDS = ("validate", "import", "redact", "dedup")
TIMEOUT = 90


def chat(i: int) -> dict[str, Any]:
    return {
        "messages": [
            {"role": "user", "content": f"Question {i}: how much is {i} and {i}?"},
            {"role": "assistant", "content": f"That makes {2 * i}, answer number {i}."},
        ]
    }


def jsonl(n: int) -> bytes:
    return b"".join(json.dumps(chat(i)).encode() + b"\n" for i in range(n))


def argv(command: str, path: Path | str, tmp: Path) -> list[str]:
    ws = str(tmp / "ws")
    if command == "validate":
        return ["validate", str(path)]
    if command == "import":
        return ["import", str(path), "-d", "d", "-w", ws]
    if command == "redact":
        return ["redact", str(path), "-o", str(tmp / "red.jsonl"), "-w", ws]
    return ["dedup", str(path), "-o", str(tmp / "kept.jsonl"), "-q"]


def run_process(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``curation ARGS`` in its own process; a hang fails the test instead of blocking it."""
    code = "from curation.cli import main; main()"
    try:
        return subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"curation {' '.join(args)} hung for {TIMEOUT} s")


def invoke(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


# --------------------------------------------------------------------- 1. non-regular files


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_pipes_and_devices_are_refused_at_once(command: str, kind: str, tmp_path: Path) -> None:
    if kind == "fifo":
        path = tmp_path / "in.jsonl"
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
    res = run_process(argv(command, path, tmp_path))
    assert res.returncode == exitcodes.FAILED, res.stderr
    assert "Traceback" not in res.stderr and "Unexpected error" not in res.stderr
    message = [line for line in res.stderr.splitlines() if line.startswith("Error:")]
    assert len(message) == 1 and str(path) in message[0]
    if kind == "fifo":
        assert "is a pipe" in message[0] and "save it to a regular file first" in message[0]
    else:
        assert "is a device" in message[0] and "regular file first" in message[0]


def test_process_substitution_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl(3))
    code = "from curation.cli import main; main()"
    script = f'exec "{sys.executable}" -c "{code}" validate <(cat "{src}")'
    res = subprocess.run(
        ["bash", "-c", script],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert res.returncode == exitcodes.FAILED
    assert "/dev/fd/" in res.stderr and "save it to a regular file first" in res.stderr
    assert "not seekable" not in res.stderr and "Traceback" not in res.stderr


def test_one_gate_for_every_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "f.csv"
    os.mkfifo(fifo)
    parquet = tmp_path / "p.parquet"
    os.mkfifo(parquet)
    for path in (fifo, parquet, Path("/dev/zero"), tmp_path):
        with pytest.raises(InputError, match="not a regular file"):
            check_regular_file(path)
        with pytest.raises(InputError, match="not a regular file"):
            open_source(path)
        with pytest.raises(InputError, match="not a regular file"):
            open_binary(path)
    with pytest.raises(InputError, match="no such file"):
        check_regular_file(tmp_path / "missing.jsonl")
    assert check_regular_file(REPO / "README.md") == REPO / "README.md"


# --------------------------------------------------------------------- 2. bounded lines


def test_line_limit_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CURATION_MAX_LINE_MB", raising=False)
    assert max_line_bytes() == 64 * 1024 * 1024
    monkeypatch.setenv("CURATION_MAX_LINE_MB", "2")
    assert max_line_bytes() == 2 * 1024 * 1024
    monkeypatch.setenv("CURATION_MAX_LINE_MB", "lots")
    with pytest.raises(CurationError, match="CURATION_MAX_LINE_MB"):
        max_line_bytes()


def test_validate_names_file_line_and_limit_from_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    long = json.dumps({"messages": [{"role": "user", "content": "x" * 30_000}]})
    path.write_text(json.dumps(chat(1)) + "\n" + long + "\n" + json.dumps(chat(2)) + "\n")
    res = run_process(["validate", str(path), "--json"], env={"CURATION_MAX_LINE_MB": "0.01"})
    report = json.loads(res.stdout)
    assert res.returncode == exitcodes.PARTIAL, res.stderr
    (error,) = report["errors"]
    assert error["line"] == 2 and error["code"] == "line_too_long"
    assert "longer than 10,485 bytes" in error["message"]
    assert "CURATION_MAX_LINE_MB" in error["message"]


def test_csv_line_is_bounded_and_the_next_rows_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_ITEM_BYTES", 1000)
    path = tmp_path / "t.csv"
    path.write_text("prompt,response\nhi,there\n" + "y" * 5000 + ",z\nbye,now\n")
    parsed = list(read_records(path))
    assert [p.line for p in parsed] == [2, 3, 4]
    assert parsed[1].error is not None and parsed[1].error.code == "line_too_long"
    assert "1,000 bytes" in parsed[1].error.reason
    assert parsed[2].record is not None and parsed[2].record.messages[0]["content"] == "bye"


def test_csv_with_lone_carriage_returns_still_splits_rows(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(b"prompt,response\rhello,world\rbye,now\r")
    parsed = list(read_records(path))
    assert [p.line for p in parsed] == [2, 3]
    assert all(p.record is not None for p in parsed)


def test_dedup_copies_an_overlong_line_through_in_pieces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_models: None
) -> None:
    monkeypatch.setattr(limits, "MAX_ITEM_BYTES", 2000)
    long = json.dumps({"messages": [{"role": "user", "content": "z" * 10_000}]}).encode()
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl(2) + long + b"\n" + jsonl(1))
    out = tmp_path / "kept.jsonl"
    res = invoke("dedup", str(src), "-o", str(out), "-q")
    assert res.exit_code == exitcodes.PARTIAL, res.output
    assert "line 3" in res.stderr and "2,000 bytes" in res.stderr
    lines = out.read_bytes().splitlines()
    assert lines[2] == long and len(lines) == 3  # the third record duplicates the first


def test_redact_copies_an_overlong_line_from_the_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_ITEM_BYTES", 2000)
    long = json.dumps({"messages": [{"role": "user", "content": "Maria Gonzalez " * 500}]})
    src = tmp_path / "in.jsonl.gz"
    with gzip.open(src, "wb") as fh:
        fh.write(jsonl(1) + long.encode() + b"\n" + jsonl(1))
    out = tmp_path / "out.jsonl"
    res = invoke("redact", str(src), "-o", str(out), "-w", str(tmp_path / "ws"), "-q")
    assert res.exit_code == exitcodes.PARTIAL, res.output
    assert out.read_text().splitlines()[1] == long


# --------------------------------------------------------------------- 3. damaged gzip


def truncated_gz(path: Path, n: int = 400) -> int:
    """Write ``n`` chat lines gzipped, cut in the middle; return the first line lost."""
    data = gzip.compress(jsonl(n), mtime=0)
    cut = data[: len(data) // 2]
    path.write_bytes(cut)
    d = gzip.GzipFile(fileobj=__import__("io").BytesIO(cut))
    got = b""
    try:
        while chunk := d.read1(4096):
            got += chunk
    except EOFError:
        pass
    return got.count(b"\n") + 1


def test_truncated_gzip_is_reported_alike_by_every_file_stage(
    tmp_path: Path, fake_models: None
) -> None:
    src = tmp_path / "chats.jsonl.gz"
    lost = truncated_gz(src)
    assert 10 < lost < 400
    expected = f"file chats.jsonl.gz is damaged (truncated gzip) from line {lost} on"
    for command in COMMANDS:
        res = invoke(*argv(command, src, tmp_path))
        text = res.stdout + res.stderr
        assert res.exit_code == exitcodes.PARTIAL, (command, text)
        assert expected in text, (command, text)
        assert "EOFError" not in text and "Unexpected error" not in text, command
    res = invoke(*argv("dedup", src, tmp_path), "--json")
    report = json.loads(res.stdout)
    assert (report["records"], report["rejected"]) == (lost - 1, 1)
    kept = (tmp_path / "kept.jsonl").read_bytes().splitlines()
    assert len(kept) == report["kept"] == lost - 1 - report["removed"]
    assert len((tmp_path / "red.jsonl").read_bytes().splitlines()) == lost - 1


def test_truncated_gzip_import_keeps_the_lines_before(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "chats.jsonl.gz"
    lost = truncated_gz(src)
    result = import_file(ws, src, "d")
    assert (result.imported, result.rejected, result.exit_code) == (lost - 1, 1, exitcodes.PARTIAL)
    assert result.errors[0].line == lost and "(truncated gzip)" in result.errors[0].reason


def test_a_tiny_truncated_gzip_is_not_an_unexpected_error(tmp_path: Path) -> None:
    src = tmp_path / "t.jsonl.gz"
    src.write_bytes(gzip.compress(jsonl(3), mtime=0)[:15])
    res = invoke("validate", str(src))
    assert res.exit_code == exitcodes.FAILED
    assert "damaged (truncated gzip) from line 1 on" in res.output
    res = invoke(*argv("import", src, tmp_path))
    assert res.exit_code == exitcodes.FAILED and "Unexpected" not in res.stderr
    assert "damaged (truncated gzip) from line 1 on" in res.stderr


# --------------------------------------------------------------------- 4. UTF-16, deep nesting


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-32-be", "UTF-32"), ("utf-32", "UTF-32")],
)
def test_wide_encodings_get_their_own_message(
    tmp_path: Path, encoding: str, name: str, fake_models: None
) -> None:
    src = tmp_path / "wide.jsonl"
    src.write_bytes(jsonl(3).decode().encode(encoding))
    for command in COMMANDS:
        res = invoke(*argv(command, src, tmp_path))
        assert res.exit_code == exitcodes.FAILED, (command, res.output)
        assert f"{src} is {name}; save it as UTF-8" in res.stderr, (command, res.stderr)
        assert "is it empty" not in res.stderr


def test_a_utf16_csv_gets_the_same_message(tmp_path: Path) -> None:
    src = tmp_path / "wide.csv"
    src.write_bytes("prompt,response\nhello,world\n".encode("utf-16"))
    res = invoke(*argv("import", src, tmp_path))
    assert res.exit_code == exitcodes.FAILED
    assert f"Error: {src} is UTF-16; save it as UTF-8" in res.stderr


def test_nesting_deeper_than_the_parser_gets_its_own_message(tmp_path: Path) -> None:
    src = tmp_path / "deep.jsonl"
    src.write_text("[" * 2000 + "]" * 2000 + "\n")
    res = invoke(*argv("import", src, tmp_path))
    assert res.exit_code == exitcodes.FAILED
    assert f"line 1: nested deeper than {MAX_DEPTH} levels" in res.stderr
    assert "is it empty" not in res.stderr
    res = invoke("validate", str(src), "--json")
    assert json.loads(res.stdout)["errors"][0]["message"].endswith(
        f"nested deeper than {MAX_DEPTH} levels"
    )


# --------------------------------------------------------------------- 5. exit codes


def test_header_only_csv_and_empty_jsonl_both_exit_1(tmp_path: Path, fake_models: None) -> None:
    csv_path = tmp_path / "h.csv"
    csv_path.write_text("prompt,response\n")
    empty = tmp_path / "e.jsonl"
    empty.write_text("")
    for path in (csv_path, empty):
        for command in ("import", "redact", "dedup"):
            res = invoke(*argv(command, path, tmp_path))
            assert res.exit_code == exitcodes.FAILED, (command, path.name, res.output)
            assert "Traceback" not in res.output
    res = invoke("import", str(empty), "-d", "d", "-w", str(tmp_path / "ws"), "-f", "openai-chat")
    assert res.exit_code == exitcodes.FAILED and "no items" in res.stdout
    res = invoke("validate", str(empty))
    assert res.exit_code == exitcodes.FAILED and "empty" in res.stderr


def test_empty_inputs_import_nothing_and_exit_1_on_each_store(
    ws: Workspace, tmp_path: Path
) -> None:
    header_only = tmp_path / "h.csv"
    header_only.write_text("prompt,response\n")
    empty = tmp_path / "e.jsonl"
    empty.write_text("\n\n")
    for path, fmt in ((header_only, None), (empty, "openai-chat")):
        result = import_file(ws, path, "d", format=fmt)
        assert (result.items, result.imported, result.exit_code) == (0, 0, exitcodes.FAILED)
        assert "no items" in result.summary()


def test_some_lines_rejected_is_2_every_line_rejected_is_1(
    tmp_path: Path, fake_models: None
) -> None:
    some = tmp_path / "some.jsonl"
    some.write_bytes(jsonl(2) + b"{broken\n")
    junk = tmp_path / "junk.jsonl"
    junk.write_bytes(b"\x00\x01garbage\n{nope\n")
    for command in COMMANDS:
        assert invoke(*argv(command, some, tmp_path)).exit_code == exitcodes.PARTIAL, command
        assert invoke(*argv(command, junk, tmp_path)).exit_code == exitcodes.FAILED, command


def test_usage_errors_exit_1_and_help_documents_the_codes(tmp_path: Path) -> None:
    res = invoke("dedup", str(tmp_path / "a.jsonl"))
    assert res.exit_code == exitcodes.FAILED and "-o KEPT" in res.output
    res = invoke("validate")
    assert res.exit_code == exitcodes.FAILED and "Missing argument" in res.output
    res = invoke("--help")
    assert res.exit_code == 0
    assert "Exit status" in res.output and "done, but some items need a look" in res.output
    assert "Exit status" in (REPO / "README.md").read_text()


# --------------------------------------------------------------------- 6. fuzz (fast subset)


@pytest.mark.parametrize("command", COMMANDS)
def test_fuzz_subset_no_traceback_no_undocumented_exit(
    command: str, tmp_path: Path, fake_models: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_ITEM_BYTES", 1 << 20)
    inputs = generate(tmp_path / "fuzz", 30, seed=3, fifos=False)
    assert len(inputs) == 30
    for path in inputs:
        res = invoke(*argv(command, path, tmp_path))
        text = res.output
        assert res.exit_code in (0, 1, 2), (path.name, res.exit_code, text)
        assert res.exception is None or isinstance(res.exception, SystemExit), (path.name, text)
        assert "Traceback" not in text and "Unexpected error" not in text, (path.name, text)
