"""How likely a word is to be a given name or a surname, from the committed name table.

``data/names.tsv.gz`` is built by ``tools/build_name_table.py`` from the ``names-dataset``
package (names of 105 countries) with each name's English word frequency from ``wordfreq``;
``data/common_words.txt.gz`` lists frequent English words the table does not hold. Neither
package is imported here: the table is package data, read once on first use.

A word is a *given name* (or *surname*) when the table ranks it in that role and it is not a
common English word, unless it is a top name in several countries ("John", "Grace", "Mark").
A word is *common* when it is a frequent English word and not such a name ("Ring", "Compose",
"Away"). Everything else is *unknown*: possibly a rare name ("Wekesa"), possibly a brand.
"""

from __future__ import annotations

import functools
import gzip
import unicodedata
from dataclasses import dataclass, replace
from importlib import resources

# English frequency (zipf × 10) of a name: below RARE_ZIPF it is a name; up to COMMON_ZIPF it
# is a name only when ranked within MID_RANK somewhere ("Morrison", not "Refund"); above, only
# when ranked within TOP_RANK in at least TOP_COUNTRIES countries ("Grace", "Mark", not "Ring").
RARE_ZIPF = 30
MID_RANK = 1000
COMMON_ZIPF = 40
TOP_RANK = 300
TOP_COUNTRIES = 3
# Beyond this frequency nothing is read as a name ("The", "And").
MAX_NAME_ZIPF = 56
# A word this frequent in another supported language is read as that word ("Ciao", "Saya",
# "Hallo"), unless it is a top name ("Maria").
FOREIGN_COMMON_ZIPF = 45


@dataclass(frozen=True, slots=True)
class NameInfo:
    given_rank: int  # best rank over countries as a given name, 0 = never
    given_countries: int
    surname_rank: int
    surname_countries: int
    zipf: int  # English word frequency × 10
    foreign_zipf: int  # the highest over the other supported languages ("saya", "ciao")

    def _role(self, rank: int, countries: int, foreign: bool = False) -> bool:
        if not rank or self.zipf >= MAX_NAME_ZIPF:
            return False
        top = rank <= TOP_RANK and countries >= TOP_COUNTRIES
        if not foreign and self.foreign_zipf >= FOREIGN_COMMON_ZIPF and not top:
            return False
        if self.zipf < RARE_ZIPF:
            return True
        if self.zipf < COMMON_ZIPF:
            return rank <= MID_RANK
        return rank <= TOP_RANK and countries >= TOP_COUNTRIES

    @property
    def given(self) -> bool:
        return self._role(self.given_rank, self.given_countries)

    @property
    def surname(self) -> bool:
        return self._role(self.surname_rank, self.surname_countries)

    @property
    def foreign_word(self) -> bool:
        """A name that is also a common word of another language ("Fuente", "Mai", "Nam")."""
        return not (self.given or self.surname) and (
            self._role(self.given_rank, self.given_countries, foreign=True)
            or self._role(self.surname_rank, self.surname_countries, foreign=True)
        )


def _bytes(name: str) -> bytes:
    return gzip.decompress(resources.files("curation.pii").joinpath("data", name).read_bytes())


def _read(name: str) -> list[str]:
    return _bytes(name).decode("utf-8").splitlines()


@functools.cache
def _lines() -> bytes:
    """The table as stored: one ``name\tfields`` line each, sorted by name. Searched in place:
    building a dict of its 200,000 lines took a tenth of a short run's start-up."""
    data = _bytes("names.tsv.gz")
    return data if data.endswith(b"\n") else data + b"\n"


def _row(name: str) -> str | None:
    """The fields of ``name``'s line (binary search: UTF-8 bytes sort as the names do)."""
    key = name.encode("utf-8")
    data = _lines()
    lo, hi = 0, len(data)  # both at the start of a line
    while lo < hi:
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", lo, mid) + 1 or lo
        end = data.index(b"\n", start)
        tab = data.find(b"\t", start, end)
        found = data[start : tab if tab >= 0 else end]
        if found == key:
            return data[tab + 1 : end].decode("utf-8") if tab >= 0 else ""
        if found < key:
            lo = end + 1
        else:
            hi = start
    return None


@functools.lru_cache(maxsize=50_000)
def _parse(name: str) -> NameInfo | None:
    row = _row(name)
    if row is None:
        return None
    g, gc, s, sc, z, fz = row.split("\t")
    return NameInfo(int(g), int(gc), int(s), int(sc), int(z), int(fz))


@functools.cache
def common_words() -> frozenset[str]:
    return frozenset(_read("common_words.txt.gz"))


def _parts(word: str) -> list[str]:
    return [p for p in word.lower().replace("’", "'").split("-") if p]


def info(word: str) -> NameInfo | None:
    """The table's entry for ``word``, or for it without diacritics: the table holds "Thi",
    "Ngo", "Hoang" where Vietnamese text writes "Thị", "Ngô", "Hoàng"."""
    low = word.lower().replace("’", "'")
    found = _parse(low)
    if found is None:
        folded = fold(low)
        if folded != low:
            found = _parse(folded)
    return _compound(low, found)


def _compound(low: str, found: NameInfo | None) -> NameInfo | None:
    """wordfreq reads "ben-david" as two frequent words; a hyphenated compound of names is
    a rare word."""
    if found is not None and "-" in low and _all_parts_names(low):
        return replace(found, zipf=0, foreign_zipf=0)
    return found


def _all_parts_names(low: str) -> bool:
    parts = _parts(low)
    return len(parts) > 1 and all(
        (p := _parse(part)) is not None and (p.given or p.surname) for part in parts
    )


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":  # a letter of its own, not "d" with a mark: Unicode does not decompose it
        return "d" if ch == "đ" else "D"
    base = unicodedata.normalize("NFD", ch)
    return base[0] if len(base) > 1 and all(unicodedata.combining(c) for c in base[1:]) else ch


def fold(text: str) -> str:
    """``text`` with accented letters as their base letter, one character for one, so offsets
    hold: the table holds "Thi", "Hoang" where Vietnamese writes "Thị", "Hoàng", and an e-mail
    address ("crispulo@…") is looked for in the text that writes "Críspulo"."""
    if text.isascii():
        return text
    return "".join(_fold_char(ch) if ord(ch) > 127 else ch for ch in text)


def is_given(word: str) -> bool:
    found = info(word)
    return found is not None and found.given


def is_surname(word: str) -> bool:
    found = info(word)
    return found is not None and found.surname


def is_name(word: str) -> bool:
    """A given name or a surname of the table, whole or (hyphenated) every part known."""
    found = info(word)
    if found is not None:
        return found.given or found.surname
    parts = _parts(word)
    return (
        len(parts) > 1
        and any(len(p) >= 3 and is_name(p) for p in parts)
        and not any(is_common(p) for p in parts)
    )


def is_common(word: str) -> bool:
    """A frequent English word that is not read as a name."""
    low = word.lower().replace("’", "'")
    if low in common_words():
        return True
    found = _compound(low, _parse(low))
    if found is None:
        parts = _parts(low)
        return len(parts) > 1 and all(is_common(p) for p in parts)
    if found.foreign_word:
        return False  # neither: see is_foreign_name
    return (found.zipf >= COMMON_ZIPF or found.foreign_zipf >= FOREIGN_COMMON_ZIPF) and not (
        found.given or found.surname
    )


def is_foreign_name(word: str) -> bool:
    """A name that is also a common word in another language: a name beside other names
    ("Lucía de la Fuente", "Ngô Thị Mai"), a word on its own ("fuente", "mai")."""
    found = info(word)
    return found is not None and found.foreign_word


def is_unknown(word: str) -> bool:
    """Neither a name of the table nor a common word: a rare name, a brand, a coined word."""
    return not is_name(word) and not is_common(word)
