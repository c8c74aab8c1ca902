"""Vietnamese full names of three or four syllables ("Trịnh Văn Khải", "Nguyễn Minh Khôi").

A run of three or four capitalised syllables (each at most seven letters, no hyphen), at least
one with a letter only Vietnamese writes, whose first syllable the name table ranks as a
surname higher than as a given name: the family name, a middle name, a given name. The two-syllable case is
``word_names.vietnamese_pair``. Not a street or a city named after a person ("Đường Lê Văn
Sỹ", "TP Hồ Chí Minh", "Hồ Chí Minh City"): a place word before or after the run stops it,
and so do a house number before it or a district after its comma ("25 Trần Hưng Đạo", "đến
Trần Hưng Đạo, Quận 1"). A run holding "Thị" or "Văn" starts at the family name right before
it ("Gửi Phạm Thị Hà"); a short stop word the table ranks as a given name stays in ("Nguyễn
Văn An").
Tuned on round-6 dev ``multi6`` (see the tuning log in bench/pii_eval/README.md).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from curation.pii import name_table as nt
from curation.pii.name_kind import stop
from curation.pii.word_names import _VIETNAMESE

VI_SOURCE = "name:vi"
SURNAME_RANK = 500
_SYLLABLE = r"\p{Lu}[\p{Ll}\p{M}]{0,6}"
_RUN = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\-])(?:{_SYLLABLE}[ \t]+){{2,3}}{_SYLLABLE}(?![\p{{L}}\p{{M}}\-])"
)
# Place words of Vietnamese addresses and English ones written next to a Vietnamese place.
_PLACE_BEFORE = regex.compile(
    r"(?i)(?:\b(?:đường|phố|tp\.?|thành[ \t]+phố|tỉnh|quận|huyện|phường|xã|thị[ \t]+xã|"
    r"sân[ \t]+bay|chợ|cầu|trường|bệnh[ \t]+viện|lăng|street|st\.?|road|city|airport)"
    r"[ \t]*)$"
)
_PLACE_WORDS = frozenset(
    {"đường", "phố", "tp", "thành", "tỉnh", "quận", "huyện", "phường", "xã", "sân", "chợ", "cầu"}
    | {"city", "street", "st", "road", "airport", "district", "province", "chào", "xin"}
)
_PLACE_AFTER = regex.compile(r"^[ \t]+([\p{L}\p{M}]+)")
# A street named after a person ("25 Trần Hưng Đạo", "đến Trần Hưng Đạo, Quận 1"): a house
# number before the run, or a district after its comma.
_NUMBER_BEFORE = regex.compile(r"(?i)(?:\b\d{1,4}[a-z]?(?:/\d{1,4})?|\bsố)[ \t]+$")
_DISTRICT_AFTER = regex.compile(
    r"(?i)^[ \t]*,[ \t]*(?:quận|q\.|phường|p\.|huyện|thị[ \t]+xã|tp\.?|thành[ \t]+phố)"
)
# The middle-name markers: the family name stands right before them ("Gửi Phạm Thị Hà").
_MARKERS = frozenset({"thị", "văn"})


def _family_name(word: str) -> bool:
    """Ranked by the table as a surname, higher than as a given name ("Trịnh", "Nguyễn"; not
    "Cảm", "Bạn")."""
    found = nt.info(word)
    if found is None or not 0 < found.surname_rank <= SURNAME_RANK:
        return False
    return found.given_rank == 0 or found.surname_rank < found.given_rank


def vietnamese_full_names(text: str) -> Iterable[tuple[int, int, str]]:
    """``(start, end, source)`` of Vietnamese full names (see the module docstring)."""
    if not _VIETNAMESE.search(text):
        return
    for m in _RUN.finditer(text):
        words = m.group().split()
        start = m.start()
        if not _VIETNAMESE.search(m.group()) or any(
            (stop(w) and not _given_syllable(w)) or w.lower() in _PLACE_WORDS for w in words
        ):
            continue
        marker = next((i for i, w in enumerate(words) if w.lower() in _MARKERS), 0)
        if marker >= 2 and len(words) - marker + 1 >= 3:
            start = text.index(words[marker - 1], start)  # the words before open a letter
            words = words[marker - 1 :]
        # "Khương Văn Khoát": a marker second says the first syllable is the family name,
        # ranked by the table however rarely and as whatever.
        marked = len(words) >= 3 and words[1].lower() in _MARKERS and nt.info(words[0])
        if not (_family_name(words[0]) or marked) or stop(words[0]):
            continue
        after = _PLACE_AFTER.match(text[m.end() : m.end() + 16])
        before = text[max(0, start - 16) : start]
        if (
            _PLACE_BEFORE.search(before)
            or _NUMBER_BEFORE.search(before)
            or _DISTRICT_AFTER.match(text[m.end() : m.end() + 16])
            or (after and after.group(1).lower() in _PLACE_WORDS)
        ):
            continue
        yield start, m.end(), VI_SOURCE


def _given_syllable(word: str) -> bool:
    """A syllable that is also an English stop word but a given name in many countries ("An"),
    taken inside a Vietnamese run."""
    found = nt.info(word)
    return found is not None and 0 < found.given_rank <= SURNAME_RANK and len(word) <= 3
