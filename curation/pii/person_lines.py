"""Person names told by where they stand rather than by what they are: the words may be rare
names the table does not know ("Ortrud Oberholz", "Âu Lợi"), so the position decides.

- A byline or signature line at the end of a text: "Posted by M. Dasgupta", "— Sakthivel",
  "Te Huia, M." (``name:signoff``).
- The line after a label that introduces a recipient ("SHIP TO:", "Deliver to:", "Attn:"),
  or the line right above an address block that starts with a number or a military/PO-box
  unit, with an optional rank or grade in capitals ("SPC Bristol Haskins") (``name:label``).
- The words after a relation of the speaker ("my neighbour Âu Lợi", "our tenant Ana Ruiz")
  (``name:relation``).
- After an honorific, the whole run of capitalised words ("Dear Mr Te Huia")
  (``name:title``).

None of these reads a word list of names; each takes capitalised words that are no common
English word, technical term or title. Tuned on round-3 ``chats3``/``addresses3`` dev halves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import regex

_NAME_WORD = r"\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)?"
_INITIAL = r"\p{Lu}\."
_TOKEN = rf"(?:{_NAME_WORD}|{_INITIAL})"
# One to four name words or initials, a comma allowed before a trailing initial.
_NAME_TAIL = rf"({_TOKEN}(?:[ \t]+{_TOKEN}){{0,3}}(?:,[ \t]+{_INITIAL})?)"

_BYLINE = regex.compile(
    rf"(?im)^[ \t]*(?:[-–—~]+[ \t]*|(?:posted|submitted|reviewed|commented|signed)[ \t]+by"
    rf"[ \t]*:?[ \t]+){_NAME_TAIL}[ \t]*$"
)
_LABEL = regex.compile(
    r"(?im)^[ \t]*(?:ship(?:ping)?[ \t]+to|deliver[ \t]+to|send[ \t]+to|recipient|consignee|"
    r"attn|attention|bill[ \t]+to)[ \t]*:?[ \t]*\n"
    rf"[ \t]*(?:\p{{Lu}}{{2,4}}[ \t]+)?{_NAME_TAIL}[ \t]*$"
)
_ABOVE_ADDRESS = regex.compile(
    rf"(?m)^[ \t]*(?:\p{{Lu}}{{2,4}}[ \t]+)?({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})[ \t]*\n"
    r"[ \t]*(?:\d{1,5}[ \t]+\p{L}|(?:PSC|CMR|Unit|PO Box|P\.O\. Box)\b)"
)
_RELATION = regex.compile(
    r"(?i)\b(?:my|our)[ \t]+(?:neighbou?r|colleague|co-worker|coworker|friend|flatmate|"
    r"roommate|housemate|tenant|landlord|landlady|partner|husband|wife|son|daughter|brother|"
    r"sister|mother|father|mum|mom|dad|aunt|uncle|cousin|niece|nephew|grandmother|grandfather|"
    r"manager|boss|assistant|client|employee|lodger|carer|caregiver)[ \t]*,?[ \t]+"
    rf"(?-i:({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}))"
)
_HONORIFIC_RUN = regex.compile(
    r"\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof)\.?[ \t]+"
    rf"({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})(?=[ \t]*[,.:;!?\n]|[ \t]*$)"
)
_WORDS = regex.compile(rf"{_NAME_WORD}|{_INITIAL}")


def line_names(
    text: str, kind: Callable[[str], str], stop: Callable[[str], bool]
) -> Iterable[tuple[int, int, str]]:
    """``(start, end, source)`` of the names found by position (see the module docstring);
    ``kind`` and ``stop`` are the name table's judgements of a word."""

    def name_like(value: str, *, need_known: bool) -> bool:
        words = [w for w in _WORDS.findall(value) if not w.endswith(".")]
        if not words or any(stop(w) for w in words):
            return False
        kinds = [kind(w) for w in words]
        if need_known:
            return kinds[-1] != "C" and any(k != "C" for k in kinds)
        return True

    last_line = _last_line_start(text)
    for m in _BYLINE.finditer(text):
        value = m.group(1)
        dashed = m.group().lstrip(" \t")[:1] in "-–—~"
        if dashed and (
            m.start(1) < last_line or len(_WORDS.findall(value)) > 3 or _in_list(text, m.start())
        ):
            continue  # a dash before the text's last line, or after others, is a list item
        if name_like(value, need_known=True) or (
            "." in value and name_like(value, need_known=False)
        ):
            yield m.start(1), m.end(1), "name:signoff"
    for m in _LABEL.finditer(text):
        if name_like(m.group(1), need_known=True):
            yield m.start(1), m.end(1), "name:label"
    for m in _ABOVE_ADDRESS.finditer(text):
        if name_like(m.group(1), need_known=True):
            yield m.start(1), m.end(1), "name:label"
    for m in _RELATION.finditer(text):
        if name_like(m.group(1), need_known=False):
            yield m.start(1), m.end(1), "name:relation"
    for m in _HONORIFIC_RUN.finditer(text):
        if name_like(m.group(1), need_known=False):
            yield m.start(1), m.end(1), "name:title"


def _in_list(text: str, line_start: int) -> bool:
    """The line before (blank lines skipped) is a list item too: "- Berlin\n- Paris"."""
    before = text[:line_start].rstrip().rsplit("\n", 1)[-1].lstrip()
    return before[:1] in ("-", "–", "—", "~", "*", "•")


def _last_line_start(text: str) -> int:
    body = text.rstrip()
    return body.rfind("\n") + 1
