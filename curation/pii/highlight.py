"""Findings shown in their text, as Streamlit markdown that cannot run anything.

User text is never HTML here: every ASCII punctuation character is backslash-escaped
(CommonMark treats an escaped character as a literal), so ``<script>``, ``**bold**``,
``:red[…]`` directives, ``$`` maths and links in a message render as the characters they
are. Only the highlight markers we add are markdown: ``:orange-background[…]`` for an
unreviewed finding, red for accepted, grey for rejected, each with its entity and id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

COLOURS = {"pending": "orange", "accepted": "red", "rejected": "gray"}
_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    entity: str
    status: str = "pending"
    label: str = ""  # e.g. the finding id


def escape_markdown(text: str) -> str:
    """``text`` as literal markdown: punctuation escaped, line breaks kept as hard breaks."""
    out = []
    for ch in text:
        if ch in _PUNCT:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("  \n")
        elif ch == "\r":
            continue
        else:
            out.append(ch)
    return "".join(out)


def _marked(text: str, mark: Mark) -> str:
    colour = COLOURS.get(mark.status, "orange")
    tag = escape_markdown(f" ‹{mark.entity}{' ' + mark.label if mark.label else ''}›")
    pieces = [p for p in text.split("\n")]
    body = "  \n".join(
        f":{colour}-background[{escape_markdown(p)}{tag if i == len(pieces) - 1 else ''}]"
        if p
        else ""
        for i, p in enumerate(pieces)
    )
    return f"~~{body}~~" if mark.status == "rejected" and "\n" not in text else body


def highlight_markdown(
    text: str, marks: Sequence[Mark], *, max_chars: int = 6000, context: int = 300
) -> str:
    """Markdown of ``text`` with ``marks`` highlighted. Longer texts show only a window of
    ``context`` characters around each mark (elisions marked with …)."""
    ordered = sorted(
        (m for m in marks if 0 <= m.start < m.end <= len(text)), key=lambda m: (m.start, -m.end)
    )
    kept: list[Mark] = []
    for m in ordered:  # overlapping marks: keep the first, longest
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    windows: list[tuple[int, int]]
    if len(text) <= max_chars:
        windows = [(0, len(text))]
    else:
        windows = []
        for m in kept or [Mark(0, 0, "")]:
            lo, hi = max(0, m.start - context), min(len(text), m.end + context)
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
            else:
                windows.append((lo, hi))
    parts: list[str] = []
    for lo, hi in windows:
        if lo > 0:
            parts.append("… ")
        pos = lo
        for m in kept:
            if m.start < lo or m.end > hi:
                continue
            parts.append(escape_markdown(text[pos : m.start]))
            parts.append(_marked(text[m.start : m.end], m))
            pos = m.end
        parts.append(escape_markdown(text[pos:hi]))
        if hi < len(text):
            parts.append(" …  \n")
    return "".join(parts)
