"""Latin spellings of Cyrillic address words, so that a word listed once in its own script is
also found where it is written in Latin letters: "вул." as "vul.", "п.к." as "p.k.", "улица"
as "ulitsa" and "ulica", "кв." as "kv.".

Addresses in Cyrillic-script countries are very often typed in Latin letters (shipping forms,
foreign couriers, chats in English), and nobody writes them the same way: the tables follow
the three usual families of romanisation, each applied to the whole word:

- English-style (BGN/PCGN, passports; ASCII): ш "sh", х "kh", ц "ts", ж "zh", й "y";
- Ukrainian national (2010): г "h", и "y", х "kh", й "i", я "ia"; Bulgarian (2009): щ "sht",
  ъ "a";
- scholarly (ISO 9, and the Latin alphabets of Serbian and Macedonian): ш "š", х "h", ц "c",
  ж "ž", й "j", and the same with its marks left out ("ulica").
"""

from __future__ import annotations

import unicodedata

_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "з": "z",
    "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "ь": "", "ы": "y", "э": "e", "ў": "w",
    "ө": "ö", "ү": "ü", "ә": "ä", "қ": "q", "ғ": "ğ", "ң": "ng", "ұ": "u", "һ": "h",
    "ј": "j", "љ": "lj", "њ": "nj", "џ": "dž", "ђ": "đ", "ћ": "ć", "ѓ": "ǵ", "ќ": "ḱ",
    "ѕ": "dz",
}  # fmt: skip
_ENGLISH = {
    **_COMMON,
    "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "й": "y", "и": "i", "ё": "yo", "є": "ye", "ї": "yi", "ю": "yu", "я": "ya",
}  # fmt: skip
_UKRAINIAN = {
    **_ENGLISH,
    "г": "h", "и": "y", "й": "i", "є": "ie", "ї": "i", "ю": "iu", "я": "ia",
}  # fmt: skip
_BULGARIAN = {**_ENGLISH, "щ": "sht", "ъ": "a"}
_SCHOLARLY = {
    **_COMMON,
    "ж": "ž", "х": "h", "ц": "c", "ч": "č", "ш": "š", "щ": "šč", "ъ": "ǎ",
    "й": "j", "и": "i", "ё": "ë", "є": "je", "ї": "ji", "ю": "ju", "я": "ja",
}  # fmt: skip
_SCHEMES = (_ENGLISH, _UKRAINIAN, _BULGARIAN, _SCHOLARLY)


def _is_cyrillic(ch: str) -> bool:
    return "CYRILLIC" in unicodedata.name(ch, "")


def has_cyrillic(term: str) -> bool:
    return any(_is_cyrillic(ch) for ch in term)


def _apply(term: str, table: dict[str, str]) -> str | None:
    out = []
    for ch in term:
        low = ch.lower()
        if not _is_cyrillic(ch):
            out.append(ch)
        elif low not in table:
            return None  # a letter the tables do not know: no spelling rather than a wrong one
        else:
            latin = table[low]
            out.append(latin[:1].upper() + latin[1:] if ch != low else latin)
    return "".join(out)


def _unmarked(term: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", term) if not unicodedata.combining(ch))


def latin_spellings(term: str) -> list[str]:
    """The Latin spellings of a Cyrillic term, in a fixed order; none for a term without
    Cyrillic letters, or whose spelling keeps fewer than two letters ("д." as "d." would
    read an initial as a house word)."""
    if not has_cyrillic(term):
        return []
    out: list[str] = []
    for table in _SCHEMES:
        spelled = _apply(term, table)
        if spelled is None:
            continue
        # Marks are left out only of longer words: "S/H" of "Ш/Х" would be any "s/h" in Latin.
        letters = sum(ch.isalpha() for ch in spelled)
        for form in (spelled, _unmarked(spelled)) if letters >= 4 else (spelled,):
            if form not in out and letters >= 2:
                out.append(form)
    return out
