"""What dedup compares: a record cut into exchanges of normalised text, plus an exact key.

An *exchange* is one user turn (consecutive user messages together) with every
assistant, tool and function message that answers it, up to the next user turn.
Messages before the first user turn form an exchange of their own. System and
developer messages are left out unless asked for: a system prompt shared by many
records makes unrelated conversations look alike. A record's completions take part
through its preferred one (the completion with the most wins in ``rankings``, else
the first), appended to the last exchange as the answer a trainer would learn.

Text is normalised before hashing and embedding (Unicode NFKC, case folded,
punctuation removed, whitespace collapsed), so case, whitespace and punctuation
variants hash alike. Non-text content parts (images, audio, files) carry no text
to embed; they enter the exact key as a hash of their JSON, so two records that
differ only in their image are never exact duplicates.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from curation.dedup.embedders import MAX_WINDOWS, STATIC_SAMPLED_CHARS, WINDOW_CHARS
from curation.records import Completion, Message

SYSTEM_ROLES = frozenset({"system", "developer"})
ANSWER_ROLES = frozenset({"assistant", "tool", "function"})
_SPACE = re.compile(r"\s+")


@functools.cache
def _punctuation_table() -> dict[int, str]:
    """Every Unicode punctuation character (categories P*) mapped to a space, built once.

    No punctuation is assigned above U+2FFFF, so the scan stops there (0.2 s, not 2 s).
    """
    return {c: " " for c in range(0x30000) if unicodedata.category(chr(c)).startswith("P")}


_ASCII_PUNCT = str.maketrans({c: " " for c in "!\"#%&'()*,-./:;?@[\\]_{}"})


def normalize_text(text: str) -> str:
    """Case, whitespace and punctuation folded away: the form exact duplicates share."""
    if text.isascii():
        folded = text.lower().translate(_ASCII_PUNCT)
    else:
        folded = unicodedata.normalize("NFKC", text).casefold().translate(_punctuation_table())
    return _collapse_spaces(folded)


_COLLAPSE_CHUNK = 1 << 20


def _collapse_spaces(text: str) -> str:
    """Whitespace runs made one space, a chunk at a time: ``re.sub`` on a 50 MB message held
    a string per word at once, ten times the message in memory."""
    if len(text) <= _COLLAPSE_CHUNK:
        return _SPACE.sub(" ", text).strip()
    out: list[str] = []
    after_space = False
    for start in range(0, len(text), _COLLAPSE_CHUNK):
        piece = _SPACE.sub(" ", text[start : start + _COLLAPSE_CHUNK])
        if after_space and piece.startswith(" "):
            piece = piece[1:]  # a run of whitespace across the chunk edge
        if piece:
            after_space = piece.endswith(" ")
            out.append(piece)
    return "".join(out).strip()


@dataclass(slots=True)
class Item:
    """One record as dedup sees it."""

    exchanges: tuple[str, ...]  # normalised text of each exchange, in order
    key: str  # exact-duplicate key; "" when the record has no content at all
    length: int  # characters of raw text, for the "longest" rule
    order: int  # record id or input line, for the "earliest" rule
    score: float | None = None  # for the "best-scored" rule

    @property
    def empty(self) -> bool:
        return not self.key


def content_parts(message: Message) -> tuple[list[str], list[str]]:
    """(texts, fingerprints of non-text parts) of one message."""
    texts: list[str] = []
    others: list[str] = []
    content = message.get("content")
    if isinstance(content, str):
        texts.append(content)
    elif isinstance(content, list):
        for part in content:
            if isinstance(part, str):
                texts.append(part)
            elif isinstance(part, dict) and isinstance(part.get("text"), str):
                texts.append(str(part["text"]))
            elif part is not None:
                others.append(_fingerprint(part))
    elif content is not None:
        others.append(_fingerprint(content))
    calls = message.get("tool_calls")
    for call in calls if isinstance(calls, list) else []:
        fn = call.get("function") if isinstance(call, dict) else None
        if isinstance(fn, dict):
            args = fn.get("arguments")
            text = args if isinstance(args, str) else _json(args)
            texts.append(f"{fn.get('name', '')}({text})")
    fc = message.get("function_call")
    if isinstance(fc, dict):
        args = fc.get("arguments")
        texts.append(f"{fc.get('name', '')}({args if isinstance(args, str) else _json(args)})")
    return texts, others


def _json(value: Any) -> str:
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
    except TypeError:
        return str(value)


def _fingerprint(value: Any) -> str:
    return hashlib.blake2b(_json(value).encode(), digest_size=8).hexdigest()


def preferred_completion(completions: Sequence[Completion], rankings: Sequence[Any]) -> int:
    wins = [0] * len(completions)
    for pair in rankings:
        try:
            better = int(pair[0])
        except (TypeError, ValueError, IndexError):
            continue
        if 0 <= better < len(wins):
            wins[better] += 1
    return max(range(len(wins)), key=lambda i: (wins[i], -i))


def exchanges_of(
    messages: Sequence[Message],
    completion: Sequence[Message] = (),
    *,
    include_system: bool = False,
) -> tuple[list[list[str]], list[str], int]:
    """Raw message texts grouped by exchange, fingerprints of non-text parts, raw length."""
    groups: list[list[str]] = []
    current: list[str] = []
    current_has_answer = False
    others: list[str] = []
    length = 0
    system: list[str] = []
    for message in [*messages, *completion]:
        if not isinstance(message, dict):
            continue
        role = message.get("role")
        texts, fingerprints = content_parts(message)
        others.extend(fingerprints)
        length += sum(len(t) for t in texts)
        if role in SYSTEM_ROLES:
            if include_system:
                system.extend(texts)
            continue
        if role == "user":
            if current_has_answer:
                groups.append(current)
                current, current_has_answer = [], False
            current.extend(texts)
        else:
            current.extend(texts)
            current_has_answer = current_has_answer or role in ANSWER_ROLES
    if current:
        groups.append(current)
    if system:
        groups.insert(0, system)
    return groups, others, length


def make_item(
    messages: Sequence[Message],
    completions: Sequence[Completion] = (),
    rankings: Sequence[Any] = (),
    *,
    order: int = 0,
    score: float | None = None,
    include_system: bool = False,
) -> Item:
    completion: list[Message] = []
    if completions:
        completion = list(completions[preferred_completion(completions, rankings)].messages)
    groups, others, length = exchanges_of(messages, completion, include_system=include_system)
    exchanges = []
    for group in groups:
        text = "\n".join(t for t in (normalize_text(x) for x in group) if t)
        if text:
            exchanges.append(text)
    if not exchanges and not others:
        return Item((), "", 0, order, score)
    digest = hashlib.blake2b(digest_size=16)
    for text in exchanges:
        digest.update(text.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1d")
    for fp in others:
        digest.update(fp.encode())
    return Item(tuple(exchanges), digest.hexdigest(), length, order, score)


# ----------------------------------------------------------------------------- input notes

SAMPLED_CHARS = WINDOW_CHARS * MAX_WINDOWS  # longer texts are read by MiniLM in a sample


@dataclass(frozen=True, slots=True)
class Note:
    """Something about one field of a record that changes how dedup treats it.

    Not an error: the record is kept and compared as far as it can be; the note tells
    the user which field and why, so nothing is dropped or merged silently.
    """

    field: str
    reason: str
    code: str  # "no_text", "non_text_part", "long_text"


def input_notes(
    item: Item, messages: Sequence[Message], *, include_system: bool = False
) -> list[Note]:
    """Fields of ``messages`` that dedup reads only in part: no text, non-text parts, huge texts.

    ``item`` is the record as dedup saw it (its preferred completion included), so a record
    whose only text is in its completion is not reported as empty.
    """
    notes: list[Note] = []
    for i, message in enumerate(messages):
        if not isinstance(message, dict):
            continue
        if message.get("role") in SYSTEM_ROLES and not include_system:
            continue
        texts, _ = content_parts(message)
        content = message.get("content")
        if isinstance(content, list):
            for j, part in enumerate(content):
                kind = _part_kind(part)
                if kind is not None:
                    notes.append(
                        Note(
                            f"messages[{i}].content[{j}]",
                            f"non-text part (type {kind}): not compared by meaning, it only"
                            " tells exact duplicates apart",
                            "non_text_part",
                        )
                    )
        for text in texts:
            if len(text) > SAMPLED_CHARS:
                notes.append(
                    Note(
                        f"messages[{i}].content",
                        f"{len(text):,} characters: MiniLM reads {MAX_WINDOWS} evenly spaced"
                        f" windows of ~{WINDOW_CHARS} characters (the static model an even"
                        f" sample of {STATIC_SAMPLED_CHARS:,}) and character similarity is"
                        " skipped",
                        "long_text",
                    )
                )
    if not item.exchanges:
        notes.insert(
            0,
            Note(
                "messages",
                "no user or assistant text to compare: kept as it is"
                + (" (only an exact copy would count)" if notes else ", never a duplicate"),
                "no_text",
            ),
        )
    return notes


def _part_kind(part: Any) -> str | None:
    """The type of a content part that carries no text, else None."""
    if isinstance(part, str) or part is None:
        return None
    if isinstance(part, dict):
        if isinstance(part.get("text"), str):
            return None
        kind = part.get("type")
        return kind if isinstance(kind, str) and kind else "untyped"
    return type(part).__name__


SCORE_KEYS = ("score", "quality", "quality_score", "rating")


def record_score(metadata: Any, completions: Sequence[Completion] = ()) -> float | None:
    """A number to rank records by for the "best-scored" rule.

    The first numeric ``metadata`` value among score, quality, quality_score and rating;
    else the highest numeric score of any completion (UltraFeedback ratings, quality
    scores); else None (such records rank last, ties go to the earliest).
    """
    if isinstance(metadata, dict):
        for key in SCORE_KEYS:
            value = _number(metadata.get(key))
            if value is not None:
                return value
    best: float | None = None
    for completion in completions:
        for value in _numbers(completion.scores):
            best = value if best is None else max(best, value)
    return best


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def _numbers(value: Any, depth: int = 0) -> list[float]:
    if depth > 4:
        return []
    found = _number(value)
    if found is not None:
        return [found]
    if isinstance(value, dict):
        return [x for v in value.values() for x in _numbers(v, depth + 1)]
    if isinstance(value, list):
        return [x for v in value for x in _numbers(v, depth + 1)]
    return []


def display_text(
    messages: Sequence[Message], completion: Sequence[Message] = (), *, include_system: bool = False
) -> str:
    """The conversation as plain text (roles as labels), for the side-by-side diff.

    System prompts are shown only as a marker unless they were compared.
    """
    parts = []
    for message in [*messages, *completion]:
        if not isinstance(message, dict):
            continue
        texts, others = content_parts(message)
        if message.get("role") in SYSTEM_ROLES and not include_system:
            size = sum(len(t) for t in texts)
            parts.append(f"{message.get('role')}: [{size:,} characters, not compared]")
            continue
        body = "\n".join(texts)
        if others:
            body += ("\n" if body else "") + " ".join(f"[non-text part {fp}]" for fp in others)
        parts.append(f"{message.get('role', '?')}: {body}")
    return "\n\n".join(parts)
