"""Word-level differences between two conversations, and a safe way to show them as markdown."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TOKENS = re.compile(r"\s+|[^\s]+")
# Everything CommonMark or Streamlit's markdown could read as syntax, escaped with a backslash.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:&=^])")
MAX_DIFF_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    changed: bool


def diff_segments(a: str, b: str) -> tuple[list[Segment], list[Segment]]:
    """Both texts cut into runs of unchanged and changed words (whitespace kept)."""
    ta, tb = _TOKENS.findall(a[:MAX_DIFF_CHARS]), _TOKENS.findall(b[:MAX_DIFF_CHARS])
    matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    left: list[Segment] = []
    right: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        same = op == "equal"
        if i2 > i1:
            _append(left, "".join(ta[i1:i2]), not same)
        if j2 > j1:
            _append(right, "".join(tb[j1:j2]), not same)
    return left, right


def _append(out: list[Segment], text: str, changed: bool) -> None:
    if out and out[-1].changed == changed:
        out[-1] = Segment(out[-1].text + text, changed)
    else:
        out.append(Segment(text, changed))


def escape_markdown(text: str) -> str:
    """User text that markdown shows literally: no links, emphasis, headings, HTML or LaTeX."""
    return _MARKDOWN.sub(r"\\\1", text)


def segments_markdown(segments: list[Segment], colour: str) -> str:
    """Escaped markdown with changed runs highlighted (``:colour-background[...]``), line breaks kept."""
    parts = []
    for seg in segments:
        body = escape_markdown(seg.text)
        if seg.changed and body.strip():
            lead = body[: len(body) - len(body.lstrip())]
            trail = body[len(body.rstrip()) :]
            core = body.strip().replace("\n", " ")
            body = f"{lead}:{colour}-background[{core}]{trail}"
        parts.append(body)
    text = "".join(parts)
    return "  \n".join(text.split("\n"))


def similarity_ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a[:MAX_DIFF_CHARS], b[:MAX_DIFF_CHARS]).ratio()
