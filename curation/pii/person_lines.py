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

Names in a pasted table are ``tables``' (``name:key``).

None of these reads a word list of names; each takes capitalised words that are no common
English word, technical term or title. Tuned on round-3 ``chats3``/``addresses3`` dev halves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import regex

from curation.pii.word_names import word_pair

_NAME_WORD = r"\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)?"
_INITIAL = r"\p{Lu}\."
_TOKEN = rf"(?:{_NAME_WORD}|{_INITIAL})"
# One to four name words or initials, a comma allowed before a trailing initial.
_NAME_TAIL = rf"({_TOKEN}(?:[ \t]+{_TOKEN}){{0,3}}(?:,[ \t]+{_INITIAL})?)"

# A rank or grade before a recipient: "SGT", "PO2", "Lt.", "Lt. Col.", "Capt." (dotted, or in
# capitals).
_RANK = r"(?:(?:\p{Lu}{2,4}\d?|\p{Lu}\p{Ll}{1,3}\.)[ \t]+){0,2}"
_BYLINE = regex.compile(
    rf"(?im)^[ \t]*(?:[-–—~]+[ \t]*|(?:posted|submitted|reviewed|commented|signed)[ \t]+by"
    rf"[ \t]*:?[ \t]+){_NAME_TAIL}[ \t]*$"
)
_LABEL = regex.compile(
    r"(?im)^[ \t]*(?:ship(?:ping)?[ \t]+to|deliver[ \t]+to|send[ \t]+to|recipient|consignee|"
    r"attn|attention|bill[ \t]+to)[ \t]*:?[ \t]*\n"
    rf"[ \t]*{_RANK}{_NAME_TAIL}[ \t]*$"
)
_ABOVE_ADDRESS = regex.compile(
    rf"(?m)^[ \t]*{_RANK}({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})[ \t]*\n"
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
        if need_known and len(words) == 2 and word_pair(*words):
            return True  # everyday words the table ranks as names: "Will Church"
        if need_known:
            return kinds[-1] != "C" and any(k != "C" for k in kinds)
        return True

    yield from _bylines(text, name_like)
    for pattern, known, source in (
        (_LABEL, True, "name:label"),
        (_ABOVE_ADDRESS, True, "name:label"),
        (_RELATION, False, "name:relation"),
        (_HONORIFIC_RUN, False, "name:title"),
    ):
        for m in pattern.finditer(text):
            if name_like(m.group(1), need_known=known):
                yield m.start(1), m.end(1), source


def _bylines(text: str, name_like: Callable[..., bool]) -> Iterable[tuple[int, int, str]]:
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


def _in_list(text: str, line_start: int) -> bool:
    """The line before (blank lines skipped) is a list item too: "- Berlin\n- Paris"."""
    before = text[:line_start].rstrip().rsplit("\n", 1)[-1].lstrip()
    return before[:1] in ("-", "–", "—", "~", "*", "•")


def _last_line_start(text: str) -> int:
    body = text.rstrip()
    return body.rfind("\n") + 1


_DASH_LINE = regex.compile(r"[ \t]*[-–—~*•][ \t]*\S")


def in_dash_list(text: str, start: int, end: int) -> bool:
    """A dashed line next to another dashed line is a list item ("- Tootsie\n- Mount Isa"),
    not a signature under a text. Items parted by blank lines must open alike, dash and
    spaces ("-   Arguments\n\n-   Infidelity"): a signature under a list opens its own way."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    own = _DASH_OPENING.match(text, line_start)
    for line, adjacent in (_line_before(text, line_start), _line_after(text, line_end)):
        if line is None:
            continue
        if adjacent and _DASH_LINE.match(line):
            return True
        other = _DASH_OPENING.match(line)
        if own and other and own.group() == other.group() and _DASH_LINE.match(line):
            return True
    return False


_DASH_OPENING = regex.compile(r"[ \t]*[-–—~*•][ \t]*")


def _line_before(text: str, line_start: int) -> tuple[str | None, bool]:
    """The last line before ``line_start`` that is not blank, and whether it is the next one."""
    before = text[:line_start].rstrip(" \t\r\n")
    if not before:
        return None, False
    adjacent = text[len(before) : line_start].count("\n") <= 1
    return before[before.rfind("\n") + 1 :], adjacent


def _line_after(text: str, line_end: int) -> tuple[str | None, bool]:
    """The first line after ``line_end`` that is not blank, and whether it is the next one."""
    rest = text[line_end:]
    after = rest.lstrip(" \t\r\n")
    if not after:
        return None, False
    adjacent = rest[: len(rest) - len(after)].count("\n") <= 1
    cut = after.find("\n")
    return (after if cut < 0 else after[:cut]), adjacent
