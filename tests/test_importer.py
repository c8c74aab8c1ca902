"""Importing files into a dataset: counts, pairs, bad lines, idempotence, atomicity."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from curation.engine import WorkerLostError
from curation.ingest import importer, writer
from curation.ingest import rows as import_rows
from curation.ingest.formats import FORMATS
from curation.ingest.formats.openai import OpenAIChat
from curation.ingest.importer import import_file
from curation.ingest.scan import scan_file
from curation.ingest.uploads import safe_file_name, store_upload
from curation.records import Record
from curation.store import Workspace
from curation.store import models as m
from tests.helpers.common import HH_RLHF, write_jsonl

CHAT = json.dumps(
    {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]}
)


def chat(i: int) -> str:
    return json.dumps(
        {
            "messages": [
                {"role": "user", "content": f"Question {i}"},
                {"role": "assistant", "content": f"Answer {i}"},
            ]
        }
    )


def count(ws: Workspace, model: type[m.Base]) -> int:
    with ws.read() as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


@pytest.mark.skipif(not HH_RLHF.exists(), reason="shared HH-RLHF data not present")
def test_real_hh_rlhf_gives_2312_records_each_with_its_pair(ws: Workspace) -> None:
    result = import_file(ws, HH_RLHF, "hh")
    assert (result.imported, result.rejected, result.exit_code) == (2312, 0, 0)
    assert (count(ws, m.Record), count(ws, m.Completion), count(ws, m.Pair)) == (2312, 4624, 2312)
    with ws.read() as s:
        prefs = set(s.scalars(sa.select(m.Pair.preferred)))
        sources = s.execute(
            sa.select(m.Completion.position, m.Completion.source)
            .distinct()
            .order_by(m.Completion.position)
        ).all()
    assert prefs == {"a"}
    assert sources == [(0, "chosen"), (1, "rejected")]


def test_bad_lines_are_reported_and_the_rest_imported(ws: Workspace, tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            chat(1),
            "{not json",
            "",
            json.dumps({"messages": [{"role": 3, "content": "x"}]}),
            chat(2),
            '{"text": 1}',
        ],
    )
    result = import_file(ws, path, "d")
    assert result.imported == 2
    assert result.exit_code == 2
    by_line = {e.line: e for e in result.errors}
    assert set(by_line) == {2, 4, 6}
    assert "invalid JSON" in by_line[2].reason
    assert by_line[4].field == "messages[0].role"
    assert by_line[6].field == "messages"
    with ws.read() as s:
        lines = sorted(s.scalars(sa.select(m.Record.line)))
        run = s.scalar(sa.select(m.ImportRun))
    assert lines == [1, 5]
    assert run is not None and (run.imported, run.rejected, run.lines) == (2, 3, 5)


def test_nothing_usable_is_exit_1(ws: Workspace, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", ["{", '{"messages": 3}'])
    result = import_file(ws, path, "d")
    assert (result.imported, result.rejected, result.exit_code) == (0, 2, 1)


def test_reimporting_the_same_content_adds_nothing(ws: Workspace, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [chat(1), chat(2), chat(1)])
    first = import_file(ws, path, "d")
    assert (first.imported, first.repeats, first.skipped) == (2, 1, 0)
    assert "1 duplicate inside this file" in first.summary()
    assert "already in the dataset" not in first.summary()
    second = import_file(ws, path, "d")
    assert (second.imported, second.repeats, second.skipped, second.exit_code) == (0, 1, 2, 0)
    assert "2 already in the dataset" in second.summary()
    assert count(ws, m.Record) == 2
    other = import_file(ws, path, "other")
    assert other.imported == 2  # the hash is per dataset


def test_n_completions_give_all_pairs_with_rankings(ws: Workspace, tmp_path: Path) -> None:
    record = {
        "messages": [{"role": "user", "content": "Rank these"}],
        "completions": ["one", "two", "three", "four"],
        "rankings": [[2, 0], [1, 3]],
    }
    result = import_file(ws, write_jsonl(tmp_path / "n.jsonl", [json.dumps(record)]), "d")
    assert (result.completions, result.pairs) == (4, 6)
    with ws.read() as s:
        rows = s.execute(
            sa.select(m.Completion.position, m.Pair.preferred, m.Pair.completion_b_id)
            .join(m.Pair, m.Pair.completion_a_id == m.Completion.id)
            .order_by(m.Pair.id)
        ).all()
        positions = {
            cid: pos for cid, pos in s.execute(sa.select(m.Completion.id, m.Completion.position))
        }
    prefs = {(a, positions[b]): p for a, p, b in rows}
    assert prefs == {
        (0, 1): None,
        (0, 2): "b",
        (0, 3): None,
        (1, 2): None,
        (1, 3): "a",
        (2, 3): None,
    }


@dataclass
class PathTaken:
    name: str
    maps: int = 0  # imports whose chunks went through Ray

    def check(self) -> None:
        assert (self.maps > 0) == (self.name == "ray")


@pytest.fixture(params=["serial", pytest.param("ray", marks=pytest.mark.ray)])
def path_taken(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> PathTaken:
    """Chunks of 10 items, built in this process or as tasks on a local 2-CPU Ray instance."""
    taken = PathTaken(str(request.param))
    monkeypatch.setattr(import_rows, "CHUNK_ITEMS", 10)
    if taken.name == "ray":
        request.getfixturevalue("on_ray")
    original = import_rows.ordered_map

    def counted(*args: Any, **kwargs: Any) -> Any:
        taken.maps += kwargs["engine"].ray
        return original(*args, **kwargs)

    monkeypatch.setattr(import_rows, "ordered_map", counted)
    return taken


def test_a_crash_mid_import_leaves_nothing(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path_taken: PathTaken
) -> None:
    original = writer.BatchWriter.write
    calls = {"n": 0}

    def crash_on_third(
        self: writer.BatchWriter, batch: import_rows.BuiltChunk, result: writer.WriteCounts
    ) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        original(self, batch, result)

    monkeypatch.setattr(writer.BatchWriter, "write", crash_on_third)
    path = write_jsonl(tmp_path / "big.jsonl", [chat(i) for i in range(50)])
    with pytest.raises(OSError):
        import_file(ws, path, "d")
    assert calls["n"] == 3
    assert count(ws, m.Record) == 0
    assert count(ws, m.Dataset) == 0
    assert count(ws, m.ImportRun) == 0
    path_taken.check()


class _Exploding(OpenAIChat):
    """openai-chat until the item with "Question 25", where it fails as a bug would."""

    name = "exploding"

    def parse(self, obj: Any) -> Record:
        if "Question 25" in json.dumps(obj):
            raise RuntimeError("a bug in a parser")
        return super().parse(obj)


def test_a_failing_parser_fails_the_import_and_leaves_nothing(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path_taken: PathTaken
) -> None:
    monkeypatch.setitem(FORMATS, "exploding", _Exploding())
    path = write_jsonl(tmp_path / "big.jsonl", [chat(i) for i in range(50)])
    with pytest.raises(RuntimeError, match="a bug in a parser"):
        import_file(ws, path, "d", format="exploding")
    assert count(ws, m.Record) == 0
    path_taken.check()


class _Dying(OpenAIChat):
    """openai-chat until the item with "Question 25", where the process dies (OOM kill, say)."""

    name = "dying"

    def parse(self, obj: Any) -> Record:
        if "Question 25" in json.dumps(obj):
            os._exit(3)
        return super().parse(obj)


def test_a_dying_worker_fails_the_import_and_leaves_nothing(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, on_ray: None
) -> None:
    monkeypatch.setattr(import_rows, "CHUNK_ITEMS", 10)
    monkeypatch.setitem(FORMATS, "dying", _Dying())
    path = write_jsonl(tmp_path / "big.jsonl", [chat(i) for i in range(50)])
    with pytest.raises(WorkerLostError, match=r"stopped unexpectedly .*nothing was written"):
        import_file(ws, path, "d", format="dying")
    assert count(ws, m.Record) == 0
    assert count(ws, m.ImportRun) == 0


MIXED = [
    chat(1),
    "{not json",
    chat(2),
    "",
    chat(1),  # a repeat within the first chunk
    json.dumps({"messages": [{"role": 3, "content": "x"}]}),
    *[chat(i) for i in range(3, 30)],
    chat(2),  # a repeat from an earlier chunk
    '{"text": 1}',
    *[chat(i) for i in range(30, 45)],
    "[1, 2",
]


def test_the_same_records_and_rejects_either_way(
    ws: Workspace, tmp_path: Path, path_taken: PathTaken
) -> None:
    path = write_jsonl(tmp_path / "mixed.jsonl", MIXED)
    result = import_file(ws, path, "d")
    rejected = {(e.line, e.field) for e in result.errors}
    assert rejected == {(2, ""), (6, "messages[0].role"), (35, "messages"), (51, "")}
    assert [e.line for e in result.errors] == [2, 6, 35, 51]
    assert (result.items, result.imported, result.repeats, result.skipped) == (50, 44, 2, 0)
    assert result.exit_code == 2
    with ws.read() as s:
        stored = s.execute(
            sa.select(m.Record.line, m.Record.messages, m.Record.n_tokens).order_by(m.Record.id)
        ).all()
    assert [line for line, _, _ in stored] == [1, 3, *range(7, 34), *range(36, 51)]
    assert stored[0][1] == json.loads(chat(1))["messages"]
    assert all(tokens > 0 for _, _, tokens in stored)
    again = import_file(ws, path, "d")
    # a repeat whose first copy the dataset held before counts as "already in the dataset"
    assert (again.imported, again.skipped + again.repeats, again.rejected) == (0, 46, 4)
    assert again.skipped >= 44
    path_taken.check()


def test_completions_and_pairs_the_same_either_way(
    ws: Workspace, tmp_path: Path, path_taken: PathTaken
) -> None:
    rows = [
        json.dumps(
            {
                "messages": [{"role": "user", "content": f"Rank these {i}"}],
                "completions": [f"one {i}", f"two {i}", f"three {i}"],
                "rankings": [[2, 0]],
            }
        )
        for i in range(30)
    ]
    rows.insert(12, rows[3])  # a repeat in another chunk gets no second set of completions
    result = import_file(ws, write_jsonl(tmp_path / "n.jsonl", rows), "d")
    assert (result.imported, result.repeats, result.skipped) == (
        30,
        1,
        0,
    )  # repeat in a later chunk
    assert (result.completions, result.pairs) == (90, 90)
    with ws.read() as s:
        pairs = s.execute(
            sa.select(m.Record.line, m.Pair.preferred)
            .join(m.Record, m.Record.id == m.Pair.record_id)
            .order_by(m.Pair.id)
        ).all()
        positions = s.execute(
            sa.select(m.Completion.position, m.Completion.messages, m.Record.line)
            .join(m.Record, m.Record.id == m.Completion.record_id)
            .order_by(m.Completion.id)
        ).all()
    # pairs (0, 1), (0, 2), (1, 2): only (0, 2) has a preference, for position 2 (b)
    assert [p for _, p in pairs[:3]] == [None, "b", None]
    assert len({line for line, _ in pairs}) == 30
    assert positions[3] == (0, [{"role": "assistant", "content": "one 1"}], 2)
    path_taken.check()


def test_import_is_audited(ws: Workspace, tmp_path: Path) -> None:
    import_file(ws, write_jsonl(tmp_path / "a.jsonl", [chat(1)]), "d", actor="lead")
    with ws.read() as s:
        event = s.scalar(sa.select(m.AuditEvent))
    assert event is not None
    assert (event.actor, event.action, event.details["imported"]) == ("lead", "import", 1)


def test_token_counts_are_stored(ws: Workspace, tmp_path: Path) -> None:
    from curation.ingest.tokens import get_encoding

    import_file(ws, write_jsonl(tmp_path / "a.jsonl", [CHAT]), "d")
    enc = get_encoding("o200k_base")
    expected = 3 + sum(
        3 + len(enc.encode(r)) + len(enc.encode(c))
        for r, c in [("user", "Hi"), ("assistant", "Hello!")]
    )
    with ws.read() as s:
        assert s.scalar(sa.select(m.Record.n_tokens)) == expected


def test_scan_matches_import_without_writing(ws: Workspace, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [chat(1), "{oops", chat(2)])
    report = scan_file(path)
    assert (report.lines, report.valid, report.rejected) == (3, 2, 1)
    assert report.errors[0].line == 2
    assert len(report.tokens) == 2 and all(report.tokens > 0)
    assert count(ws, m.Record) == 0


def test_the_bulk_page_cache_is_given_back(sqlite_ws: Workspace, tmp_path: Path) -> None:
    with sqlite_ws.tx() as s:
        normal = s.connection().exec_driver_sql("PRAGMA cache_size").scalar()
    import_file(sqlite_ws, write_jsonl(tmp_path / "a.jsonl", [chat(1)]), "d")
    with sqlite_ws.tx() as s:
        assert s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == normal
    assert normal != -importer.BULK_CACHE_KIB


def test_upload_names_cannot_escape(sqlite_ws: Workspace) -> None:
    assert safe_file_name("../../etc/passwd") == "passwd"
    assert safe_file_name("..\\..\\boot.ini") == "boot.ini"
    assert safe_file_name("a b;rm -rf.jsonl") == "a_b_rm_-rf.jsonl"
    assert safe_file_name("...") == "upload"
    path = store_upload(sqlite_ws, "../../evil.jsonl", b"{}\n")
    assert path.parent == (sqlite_ws.folder / "uploads").resolve()
    assert path.read_bytes() == b"{}\n"
