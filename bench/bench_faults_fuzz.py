"""Fault fuzzing: hostile files through the four file-mode commands, as separate processes.

Several hundred generated inputs (truncated and corrupt gzip, binary junk, BOMs, UTF-16
and UTF-32, deep nesting, huge numbers, over-long lines, invalid UTF-8, wrong types in
every field, CSV quirks, empty and whitespace-only files, JSON arrays cut short, FIFOs,
``/dev/zero``, folders) each go through ``curation validate``, ``import``, ``redact`` and
``dedup`` (file mode, static embedder). Every run is its own process (forked from a parent
that has imported the code and models once, so a run costs its work, not Python's start-up)
with a timeout. Counted: runs that printed a traceback, runs that hung (killed at the
timeout), exit statuses other than the documented 0, 1 and 2, and "Unexpected error"
messages. The target is 0 for each. The line limit is set to 1 MiB
(``CURATION_MAX_LINE_MB=1``) so the over-long lines stay small.

    python -m bench.bench_faults_fuzz --sizes 320
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import harness

COMMANDS = ("validate", "import", "redact", "dedup")
TIMEOUT_SECONDS = 60.0
DOCUMENTED_EXITS = {0, 1, 2}
LINE_LIMIT_MB = "1"

CHAT = {
    "messages": [
        {"role": "system", "content": "You are terse."},
        {"role": "user", "content": "What is the capital of France?"},
        {"role": "assistant", "content": "Paris."},
    ]
}


def _chat(i: int) -> dict[str, Any]:
    return {
        "messages": [
            {"role": "user", "content": f"Question number {i}: what is {i} plus {i}?"},
            {"role": "assistant", "content": f"It is {2 * i}."},
        ]
    }


def _jsonl(rows: list[Any]) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in rows)


def _good_jsonl(n: int) -> bytes:
    return _jsonl([_chat(i) for i in range(n)])


def _gz(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as fh:
        fh.write(data)
    return buf.getvalue()


def _nest(depth: int, kind: str) -> str:
    if kind == "list":
        return "[" * depth + "1" + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


WRONG_VALUES: list[Any] = [
    None,
    0,
    -1,
    1.5,
    True,
    "",
    "text",
    [],
    [1, 2],
    {},
    {"x": 1},
    [None],
    10**40,
]


def _wrong_type_rows(rng: random.Random) -> list[Any]:
    """A chat record with one field (at some level) replaced by a value of the wrong type."""
    field = rng.choice(["messages", "role", "content", "message", "tools", "metadata", "name"])
    value = rng.choice(WRONG_VALUES)
    rec: dict[str, Any] = json.loads(json.dumps(CHAT))
    if field == "messages":
        rec["messages"] = value
    elif field == "message":
        rec["messages"][1] = value
    elif field in ("role", "content", "name"):
        rec["messages"][rng.randrange(3)][field] = value
    else:
        rec[field] = value
    return [CHAT, rec, _chat(7)]


def _csv(rng: random.Random) -> tuple[str, bytes]:
    quirks: list[tuple[str, bytes]] = [
        ("header-only.csv", b"prompt,response\n"),
        ("header-only-crlf.csv", b"prompt,response\r\n"),
        ("unclosed-quote.csv", b'prompt,response\n"hi,there\nnext,row\n'),
        ("ragged.csv", b"prompt,response\na\nb,c,d,e\n,\n"),
        ("nul-bytes.csv", b"prompt,response\nhe\x00llo,wor\x00ld\n"),
        ("cr-only.csv", b"prompt,response\rhello,world\rbye,now\r"),
        ("duplicate-columns.csv", b"prompt,prompt,response\na,b,c\n"),
        ("no-prompt-column.csv", b"foo,bar\n1,2\n"),
        ("blank-header.csv", b",\nx,y\n"),
        ("bom.csv", b"\xef\xbb\xbfprompt,response\nhello,world\n"),
        ("semicolons.csv", b"prompt;response\nhello;world\n"),
        ("quotes-in-quotes.csv", b'prompt,response\n"a ""b"" c","d"\n'),
        ("invalid-utf8.csv", b"prompt,response\n\xff\xfe\xfd,\xc3\x28\n"),
        ("tabs.tsv", b"prompt\tresponse\nhello\tworld\n\t\n"),
        ("ragged.tsv", b"prompt\tresponse\na\tb\tc\n"),
        ("huge-field.csv", b"prompt,response\n" + b"x" * (3 << 20) + b",y\nok,fine\n"),
        ("junk.parquet", bytes(rng.randrange(256) for _ in range(300))),
        ("empty.parquet", b""),
        ("par1-junk.parquet", b"PAR1" + bytes(rng.randrange(256) for _ in range(64)) + b"PAR1"),
    ]
    return rng.choice(quirks)


def _const(name: str, data: bytes) -> Callable[[], tuple[str, bytes]]:
    return lambda: (name, data)


def generate(folder: Path, n: int, seed: int = 11, fifos: bool = True) -> list[Path]:
    """``n`` hostile inputs in ``folder`` (deterministic for a seed), cycling through kinds."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    makers: list[Callable[[], tuple[str, bytes] | None]] = []

    def add(fn: Callable[[], tuple[str, bytes] | None]) -> None:
        makers.append(fn)

    add(lambda: ("truncated.jsonl.gz", _gz(_good_jsonl(400))[: rng.randrange(10, 3000)]))
    add(lambda: ("truncated-header.jsonl.gz", _gz(_good_jsonl(5))[: rng.randrange(2, 12)]))

    def corrupt_gz() -> tuple[str, bytes]:
        data = bytearray(_gz(_good_jsonl(300)))
        for _ in range(rng.randrange(1, 6)):
            data[rng.randrange(20, len(data))] = rng.randrange(256)
        return "corrupt.jsonl.gz", bytes(data)

    add(corrupt_gz)
    add(
        lambda: (
            "magic-only.jsonl.gz",
            b"\x1f\x8b" + bytes(rng.randrange(256) for _ in range(40)),
        )
    )
    add(lambda: ("plain-named.gz", _good_jsonl(3)))
    add(lambda: ("gz-truncated.csv.gz", _gz(b"prompt,response\n" + b"a,b\n" * 3000)[:900]))
    add(
        lambda: (
            "gz-truncated.json.gz",
            _gz(json.dumps([_chat(j) for j in range(500)]).encode())[:1500],
        )
    )
    add(
        lambda: (
            "binary.jsonl",
            bytes(rng.randrange(256) for _ in range(rng.choice([1, 10, 1000, 70000]))),
        )
    )
    add(lambda: ("binary.csv", bytes(rng.randrange(256) for _ in range(2000))))
    add(lambda: ("binary.json", b"[" + bytes(rng.randrange(256) for _ in range(2000))))
    add(lambda: ("bom.jsonl", b"\xef\xbb\xbf" + _good_jsonl(3)))
    add(lambda: ("double-bom.jsonl", b"\xef\xbb\xbf\xef\xbb\xbf" + _good_jsonl(3)))
    add(lambda: ("bom-mid.jsonl", _good_jsonl(2) + b"\xef\xbb\xbf" + _good_jsonl(2)))
    add(lambda: ("bom-only.jsonl", b"\xef\xbb\xbf"))
    for enc in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"):
        add(_const(f"{enc}.jsonl", _good_jsonl(3).decode().encode(enc)))
    add(lambda: ("utf-16.csv", "prompt,response\nhello,world\n".encode("utf-16")))
    for depth in (100, 129, 300, 1025, 5000):
        for kind in ("list", "dict"):
            add(
                _const(
                    f"deep-{kind}-{depth}.jsonl",
                    (
                        json.dumps(CHAT)
                        + "\n"
                        + '{"messages": [{"role": "user", "content": "x"}], "metadata": '
                        + _nest(depth, kind)
                        + "}\n"
                        + _nest(depth, kind)
                        + "\n"
                    ).encode(),
                )
            )
    add(lambda: ("deep.json", ("[" + _nest(2000, "list") + "]").encode()))
    for number in ("1e400", "-1e400", "1" * 400, "NaN", "Infinity", "-0", "1.0e-400", "0x10"):
        add(
            _const(
                "numbers.jsonl",
                (
                    '{"messages": [{"role": "user", "content": "q", "weight": ' + number + "},"
                    ' {"role": "assistant", "content": "a", "weight": ' + number + "}],"
                    ' "metadata": {"n": ' + number + "}}\n"
                ).encode(),
            )
        )
    add(
        lambda: (
            "huge-line.jsonl",
            json.dumps(CHAT).encode()
            + b"\n"
            + json.dumps(
                {"messages": [{"role": "user", "content": "x" * (int(1.5 * 2**20))}]}
            ).encode()
            + b"\n"
            + json.dumps(CHAT).encode()
            + b"\n",
        )
    )
    add(lambda: ("huge-line-no-newline.jsonl", b"x" * (3 << 20)))
    add(lambda: ("huge-element.json", b'[{"a": "' + b"y" * (3 << 20) + b'"}, {"b": 1}]'))
    for bad in (b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\xc0\xaf"):
        add(
            _const(
                "invalid-utf8.jsonl",
                b'{"messages": [{"role": "user", "content": "a'
                + bad
                + b'b"}, {"role": "assistant", "content": "ok"}]}\n'
                + _good_jsonl(1),
            )
        )
    add(
        lambda: (
            "lone-surrogate.jsonl",
            b'{"messages": [{"role": "user", "content": "\\ud800"}, {"role": "assistant", "content": "\\udfff"}]}\n',
        )
    )
    for _ in range(6):
        add(lambda: ("wrong-types.jsonl", _jsonl(_wrong_type_rows(rng))))
    add(lambda: ("wrong-types.json", json.dumps(_wrong_type_rows(rng)).encode()))
    add(lambda: ("top-level-values.jsonl", b'1\n"s"\nnull\ntrue\n[1]\n[]\n{}\n'))
    add(lambda: _csv(rng))
    add(lambda: _csv(rng))
    add(lambda: ("empty.jsonl", b""))
    add(
        lambda: (
            "whitespace.jsonl",
            rng.choice([b"\n\n\n", b"   ", b" \t\r\n \r\n", b"\x0c\x0b"]),
        )
    )
    add(lambda: ("empty.csv", b""))
    add(lambda: ("empty.json", rng.choice([b"", b"[]", b"[ ]", b"{}", b"null"])))
    add(
        lambda: (
            "unclosed.json",
            json.dumps([_chat(j) for j in range(5)]).encode()[: -rng.randrange(1, 60)],
        )
    )
    add(lambda: ("trailing-comma.json", b"[" + json.dumps(CHAT).encode() + b",]"))
    add(lambda: ("object.json", b'{"data": [' + json.dumps(CHAT).encode() + b"]}"))
    add(lambda: ("crlf-mixed.jsonl", _good_jsonl(3).replace(b"\n", b"\r\n") + b"\r\r\n\n"))
    add(lambda: ("nul-line.jsonl", _good_jsonl(2) + b"\x00" * 100 + b"\n" + _good_jsonl(1)))
    add(
        lambda: (
            "mixed-formats.jsonl",
            _jsonl(
                [
                    CHAT,
                    {"prompt": "p", "chosen": "c", "rejected": "r"},
                    {"conversations": [{"from": "human", "value": "hi"}]},
                ]
            ),
        )
    )
    add(
        lambda: (
            "duplicate-keys.jsonl",
            b'{"messages": [], "messages": [{"role": "user", "content": "x"}]}\n',
        )
    )
    add(
        lambda: (
            "many-messages.jsonl",
            _jsonl([{"messages": [{"role": "user", "content": "x"}] * 20000}]),
        )
    )
    add(
        lambda: (
            "long-content.jsonl",
            _jsonl(
                [
                    {
                        "messages": [
                            {"role": "user", "content": "word " * 150000},
                            {"role": "assistant", "content": "ok"},
                        ]
                    }
                ]
            ),
        )
    )
    if fifos:
        add(lambda: None)  # a FIFO
    paths: list[Path] = []
    # fewer inputs than kinds: a spread over the kinds, not the first few
    order = [round(k * len(makers) / n) % len(makers) for k in range(n)] if n < len(makers) else []
    for i in range(n):
        maker = makers[order[i] if order else i % len(makers)]
        made = maker()
        if made is None:
            path = folder / f"{i:04d}-fifo.jsonl"
            os.mkfifo(path)
        else:
            name, data = made
            path = folder / f"{i:04d}-{name}"
            path.write_bytes(data)
        paths.append(path)
    if fifos and n >= len(makers):
        for j, special in enumerate(("/dev/zero", "/dev/urandom")):
            link = folder / f"special-{j}.jsonl"
            link.symlink_to(special)
            paths.append(link)
        (folder / "folder.jsonl").mkdir()
        paths.append(folder / "folder.jsonl")
    return paths


def argv_for(command: str, path: Path, out_dir: Path, workspace: Path, i: int) -> list[str]:
    suffix = "".join(path.suffixes[-2:]) or ".jsonl"
    out = out_dir / f"{i:04d}-{command}-out{suffix}"
    if command == "validate":
        return ["validate", str(path)]
    if command == "import":
        return ["import", str(path), "-d", f"fuzz{i}", "-w", str(workspace), "-q"]
    if command == "redact":
        return ["redact", str(path), "-o", str(out), "-w", str(workspace), "-q", "--workers", "1"]
    return ["dedup", str(path), "-o", str(out), "-e", "static", "-q"]


def _preload() -> None:
    """Import the code and load the models once, so each forked run pays only for its work."""
    from curation import cli  # noqa: F401
    from curation.dedup.settings import Encoders
    from curation.pii.config import PiiConfig
    from curation.pii.engine import analyzer_for

    Encoders.for_mode("static")
    analyzer_for(PiiConfig())


def run_one(argv: list[str], log: Path, timeout: float) -> dict[str, Any]:
    """Fork, run ``curation ARGV`` in the child with stdout/stderr to ``log``, wait ≤ timeout."""
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 1
        try:
            fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            devnull = os.open(os.devnull, os.O_RDONLY)
            os.dup2(devnull, 0)
            sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb", buffering=0), write_through=True)
            sys.stderr = io.TextIOWrapper(os.fdopen(2, "wb", buffering=0), write_through=True)
            from curation.cli import main

            sys.argv = ["curation", *argv]
            try:
                main()
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            except BaseException:  # what Python would print for an uncaught error
                import traceback

                traceback.print_exc()
                code = 1
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)
    deadline = started + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return {
                "exit": os.waitstatus_to_exitcode(status),
                "hung": False,
                "seconds": time.perf_counter() - started,
            }
        if time.perf_counter() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return {"exit": None, "hung": True, "seconds": time.perf_counter() - started}
        time.sleep(0.01)


def fuzz(
    n: int, commands: tuple[str, ...] = COMMANDS, timeout: float = TIMEOUT_SECONDS
) -> dict[str, Any]:
    os.environ["CURATION_MAX_LINE_MB"] = LINE_LIMIT_MB
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    folder = Path(tempfile.mkdtemp(prefix="bench-fuzz-"))
    try:
        inputs = generate(folder / "in", n)
        out_dir, logs = folder / "out", folder / "logs"
        out_dir.mkdir()
        logs.mkdir()
        workspace = folder / "ws"
        _preload()
        counts: Counter[str] = Counter()
        exits: Counter[str] = Counter()
        worst: list[str] = []
        slowest = 0.0
        for i, path in enumerate(inputs):
            for command in commands:
                log = logs / f"{i:04d}-{command}.log"
                res = run_one(argv_for(command, path, out_dir, workspace, i), log, timeout)
                text = log.read_text(errors="replace")
                counts["runs"] += 1
                slowest = max(slowest, res["seconds"])
                exits[f"{command} {res['exit']}"] += 1
                bad = []
                if res["hung"]:
                    bad.append("hangs")
                if "Traceback (most recent call last)" in text:
                    bad.append("tracebacks")
                if "Unexpected error" in text:
                    bad.append("unexpected_errors")
                if not res["hung"] and res["exit"] not in DOCUMENTED_EXITS:
                    bad.append("undocumented_exits")
                for b in bad:
                    counts[b] += 1
                if bad and len(worst) < 20:
                    tail = text.strip().splitlines()[-1:] or [""]
                    worst.append(f"{path.name} {command}: {','.join(bad)}: {tail[0][:200]}")
        return {
            "inputs": len(inputs),
            "runs": counts["runs"],
            "tracebacks": counts["tracebacks"],
            "hangs": counts["hangs"],
            "undocumented_exits": counts["undocumented_exits"],
            "unexpected_errors": counts["unexpected_errors"],
            "slowest_run_s": round(slowest, 1),
            "exits": dict(sorted(exits.items())),
            "failures": worst,
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(sizes: list[int]) -> list[dict[str, Any]]:
    rows = []
    for n in sizes:
        result = harness.measure("bench.bench_faults_fuzz", str(n))
        s = result["summary"]
        for failure in s["failures"]:
            print("  ", failure)
        rows.append(
            {
                "inputs": s["inputs"],
                "commands": len(COMMANDS),
                "runs": s["runs"],
                "tracebacks (target 0)": s["tracebacks"],
                "hangs (target 0)": s["hangs"],
                "undocumented exit codes (target 0)": s["undocumented_exits"],
                "'Unexpected error' (target 0)": s["unexpected_errors"],
                "slowest run (s)": s["slowest_run_s"],
                "total (s)": round(result["seconds"]),
                "exit statuses": ", ".join(f"{k}: {v}" for k, v in s["exits"].items()),
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--sizes", default="320")
    parser.add_argument("n", nargs="?", type=int)
    args = parser.parse_args()
    if args.child:
        harness.child(fuzz, args.n)
        return
    for row in run([int(s) for s in args.sizes.split(",")]):
        print(json.dumps(row, indent=2))


if __name__ == "__main__":
    main()
