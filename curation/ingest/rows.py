"""The items of a file turned into rows ready for the database; big JSONL files on the engine.

An import reads its file in chunks of items. :func:`build_chunk` decodes, parses,
validates, hashes, token-counts and serialises one chunk; it is a pure function of the
chunk, so where it runs changes nothing. A small file or a non-JSONL one is built in the
importing process. A big JSONL file (:mod:`curation.engine` decides) is spread over Ray
tasks while the importing process only reads raw lines and writes the rows it gets
back, in file order, inside its one transaction.
"""

from __future__ import annotations

import collections
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice
from typing import Any

from curation.engine.choice import IN_PROCESS, Size, choose
from curation.engine.mapping import ordered_map
from curation.fileio.jsonl import RawLine, decode_line, iter_jsonl_lines
from curation.ingest.formats import LineError, NoteKey, Source, parse_item
from curation.ingest.formats.base import Format
from curation.ingest.tokens import Counter
from curation.records import Record, json_text

CHUNK_ITEMS = 2000

# The columns of ``records`` that build_chunk fills, in row order; RowContext.constants follow.
RECORD_COLUMNS = (
    "line",
    "content_hash",
    "messages",
    "tools",
    "metadata",
    "extra",
    "rankings",
    "n_messages",
    "role_counts",
    "n_user_turns",
    "n_tokens",
    "n_completions",
)
# The columns of ``completions`` after ``record_id``, in the order of Completions.rows.
COMPLETION_COLUMNS = ("position", "messages", "source", "scores", "n_tokens", "label")


@dataclass(frozen=True, slots=True)
class RowContext:
    """What every chunk of one import shares."""

    fmt: Format
    counter: Counter
    # values of the record columns that are the same on every row (dataset, import, defaults)
    constants: tuple[Any, ...] = ()


@dataclass(slots=True)
class Completions:
    """The completions of one record and the pairs among them, by position."""

    content_hash: str
    rows: list[tuple[int, str, str | None, str, int, bool | None]]
    pairs: list[tuple[int, int, str | None]]  # (position a, position b, "a" / "b" / None)


@dataclass(slots=True)
class BuiltChunk:
    items: int = 0
    errors: list[LineError] = field(default_factory=list)
    repeats: int = 0  # items whose content came earlier in the same chunk
    records: list[tuple[Any, ...]] = field(default_factory=list)
    completions: list[Completions] = field(default_factory=list)
    notes: collections.Counter[NoteKey] = field(
        default_factory=collections.Counter
    )  # fields mapped or kept unread


def build_chunk(items: list[RawLine], ctx: RowContext) -> BuiltChunk:
    """One chunk's rejected items and its rows, repeats within the chunk dropped (first kept)."""
    chunk = BuiltChunk(items=len(items))
    unique: dict[str, tuple[int, Record]] = {}
    for raw in items:
        parsed = parse_item(ctx.fmt, decode_line(raw), chunk.notes)
        if parsed.record is None:
            assert parsed.error is not None
            chunk.errors.append(parsed.error)
            continue
        content_hash = parsed.record.content_hash()
        if content_hash in unique:
            chunk.repeats += 1
        else:
            unique[content_hash] = (parsed.line, parsed.record)
    totals, _ = ctx.counter.conversations([record.messages for _, record in unique.values()])
    chunk.records = [
        _record_row(line, content_hash, record, tokens, ctx.constants)
        for (content_hash, (line, record)), tokens in zip(
            unique.items(), totals.tolist(), strict=True
        )
    ]
    owners = [(h, record) for h, (_, record) in unique.items() if record.completions]
    if owners:
        chunk.completions = _completions(owners, ctx.counter)
    return chunk


def _record_row(
    line: int, content_hash: str, record: Record, tokens: int, constants: tuple[Any, ...]
) -> tuple[Any, ...]:
    role_counts: dict[str, int] = {}
    for message in record.messages:
        role = str(message.get("role"))
        role_counts[role] = role_counts.get(role, 0) + 1
    return (
        line,
        content_hash,
        json_text(record.messages),
        json_text(record.tools),
        json_text(record.metadata),
        json_text(record.extra),
        json_text([list(r) for r in record.rankings]),
        len(record.messages),
        json_text(role_counts),
        role_counts.get("user", 0),
        tokens,
        len(record.completions),
        *constants,
    )


def _completions(owners: list[tuple[str, Record]], counter: Counter) -> list[Completions]:
    totals, _ = counter.conversations([c.messages for _, r in owners for c in r.completions])
    tokens = iter(totals.tolist())
    return [
        Completions(
            content_hash,
            [
                (i, json_text(c.messages), c.source, json_text(c.scores), next(tokens), c.label)
                for i, c in enumerate(record.completions)
            ],
            [
                (a, b, None if preferred is None else ("a" if preferred == a else "b"))
                for a, b, preferred in record.pairs()
            ],
        )
        for content_hash, record in owners
    ]


def raw_chunks(source: Source) -> Iterator[list[RawLine]]:
    """The file's items in chunks, in file order; JSONL lines are left undecoded."""
    items: Iterator[RawLine] = (
        iter_jsonl_lines(source.path) if source.container == "jsonl" else iter(source.items())
    )
    while chunk := list(islice(items, CHUNK_ITEMS)):
        yield chunk


def built_chunks(source: Source, ctx: RowContext) -> Generator[BuiltChunk, None, None]:
    """Every chunk of the file built, in file order: in this process, or on the engine for
    a big JSONL file (:func:`curation.engine.choose`, stage ``import``)."""
    engine = IN_PROCESS
    if source.container == "jsonl":
        engine = choose("import", Size(bytes=_file_bytes(source)))
    if engine.ray:
        # the engine's workers already use the cores: each counts tokens in its own thread
        ctx = replace(ctx, counter=replace(ctx.counter, threads=1))
    return ordered_map(partial(build_chunk, ctx=ctx), raw_chunks(source), engine=engine)


def _file_bytes(source: Source) -> int | None:
    try:
        return source.path.stat().st_size
    except OSError:
        return None
