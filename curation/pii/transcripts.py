"""Transcripts written as one string ("\n\nHuman: …\n\nAssistant: …", HH-RLHF and the like).

A speaker's label at the start of a line says who speaks: "Assistant: Hmm, …" introduces no
name, though "assistant" before a name elsewhere is a cue ("my assistant Maria").
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from curation.pii.public import is_model_only, public_record
from curation.pii.segments import Segment
from curation.pii.spans import Span
from curation.pii.vocab import SPEAKER_LABELS, longest_first

_LABEL_LINE = regex.compile(
    rf"(?im)^[ \t]*(?:{'|'.join(sorted(SPEAKER_LABELS, key=longest_first))})[ \t]*:"
)
_LINE_START = regex.compile(r"(?:^|\n)[ \t]*$")


def is_transcript(text: str) -> bool:
    """Two lines at least open with a speaker's label: "Assistant: Maria Lopez" alone, on a
    form, still names the assistant."""
    labels = _LABEL_LINE.finditer(text)
    return next(labels, None) is not None and next(labels, None) is not None


def speaker_label(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a speaker's label of a transcript: a label word opening its line,
    a colon right after it."""
    if text[start:end].lower() not in SPEAKER_LABELS or not text.startswith(":", end):
        return False
    if not _LINE_START.search(text[max(0, start - 8) : start]):
        return False
    return is_transcript(text)


def turns(text: str) -> list[tuple[int, int]]:
    """The spans of a transcript's turns, each from its label to the next label (a text
    before the first label is a turn of its own)."""
    starts = [m.start() for m in _LABEL_LINE.finditer(text)]
    if not starts or starts[0] > 0:
        starts.insert(0, 0)
    return list(zip(starts, [*starts[1:], len(text)], strict=True))


def public_turns(segments: Sequence[Segment], kept: list[list[Span]]) -> list[list[Span]]:
    """The public-figure policy turn by turn in transcripts: a whole dialogue nearly always
    holds a "my", "we" or "me" somewhere, which made every "Stalin" or "Jesus" of it private.
    A turn that on its own speaks of no private person keeps the names only the model found."""
    out = []
    for seg, row in zip(segments, kept, strict=True):
        if not seg.detect or not row or not is_transcript(seg.text):
            out.append(row)
            continue
        dropped: set[int] = set()
        for lo, hi in turns(seg.text):
            inside = [i for i, s in enumerate(row) if lo <= s.start < hi]
            if inside and public_record(
                [seg.text[lo:hi]],
                [(row[i].entity, row[i].source) for i in inside],
                [row[i].text for i in inside if row[i].entity == "PERSON"],
            ):
                dropped.update(i for i in inside if is_model_only(row[i].source))
        out.append([s for i, s in enumerate(row) if i not in dropped])
    return out
