"""Postal addresses beyond a street line: US military mail, PO boxes, Japanese addresses, and
the rest of an address after its street or flat ("…, bloco B, apto 38, Jardim Paulista, São
Paulo - SP, 01426-001"), up to and including its postcode.

- Military: ``PSC 1234, Box 567``, ``CMR 450 Box 12``, ``Unit 2050 Box 4190`` and the
  ``APO/FPO/DPO AA/AE/AP`` line with its ZIP code.
- PO boxes of many languages are found by :mod:`curation.pii.address_shapes`.
- Japanese: ``〒606-0801 京都府京都市左京区下鴨5-14-1`` and romanised ``5-13-1 Shimogamo,
  Sakyo-ku, Kyoto 606-0801``.
- Tails: from a street found by :class:`StreetAddressRecognizer` or a flat/house number,
  comma-separated parts (at most five words each) that end at a postcode of UK, US, CA, NL, BR,
  JP or IN shape are taken in too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

from curation.pii.presidio_import import LocalRecognizer, RecognizerResult
from curation.pii.results import SignalRecognizer, tagged_result

# A line break, or the "\\n" that stands for one in tool-call arguments (detected as JSON text).
_SEP = r"(?:[ \t]*,?[ \t]*(?:\n|\\n)?[ \t]*)"
_ZIP = r"\d{5}(?:-\d{4})?"
_MIL_LINE = rf"(?:APO|FPO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+{_ZIP}"
MILITARY = regex.compile(
    rf"(?:(?<=\\n)|(?<![\w]))(?:(?:PSC|CMR|Unit)[ \t]+\d{{1,5}}{_SEP}Box[ \t]+\d{{1,5}}(?:{_SEP}{_MIL_LINE})?"
    rf"|{_MIL_LINE})(?![\w])"
)
_LOCALITY = r"[\p{Lu}][\p{L}\p{M}'’\-]*(?:[ \t]+[\p{Lu}][\p{L}\p{M}'’\-]*){0,3}"
_POSTCODES = (
    r"\d{5}-\d{3}|\d{3}-\d{4}|\d{2}-\d{3}|\d{3}[ \t]\d{2}(?![\d])|\d{6}|\d{5}(?:-\d{4})?"
    r"|\d{4}[ \t]?[A-Z]{2}|\d{4}"
    r"|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}"
)
_JP_CHARS = r"[\p{Han}\p{Hiragana}\p{Katakana}ー]"
JAPANESE = regex.compile(
    rf"(?:〒[ \t]?)?\d{{3}}-\d{{4}}[ \t]*{_JP_CHARS}{{2,}}(?:[\d０-９]+(?:[-−‐ー]|丁目|番地?|号)?)+"
    rf"|〒[ \t]?\d{{3}}-\d{{4}}"
    rf"|(?<![\w\-])\d{{1,2}}-\d{{1,2}}(?:-\d{{1,4}})?[ \t]+[\p{{Lu}}][\p{{Ll}}]+(?:-[\p{{Ll}}]+)?"
    rf"(?:,[ \t]*Room[ \t]+\d{{1,5}})?"
    rf"(?:,[ \t]*[\p{{Lu}}][\p{{Ll}}]+-(?:ku|shi|cho|machi|gun|ward))*"
    rf",[ \t]*[\p{{Lu}}][\p{{Ll}}]+(?:[ \t]+\d{{3}}-\d{{4}})?"
)
# A flat, house or plot number that starts an address written without a street type.
UNIT_START = regex.compile(
    r"(?<![\w])(?:Flat|Apt\.?|Apartment|House|H\.[ \t]?No\.?|Door|Plot|Suite|Unit|Room)[ \t]+#?"
    r"\d[\w\-/]*"
)
_WORD = r"[\p{L}\d][\p{L}\p{M}\d'’.ºª°/\-]*"
_NOT_ADDRESS = r"(?!(?i:call|tel|phone|if|and|or|but|then|please|thanks|email|ring|text|leave)\b)"
_PART = rf"{_NOT_ADDRESS}{_WORD}(?:[ \t]+{_NOT_ADDRESS}{_WORD}){{0,4}}(?:[ \t]+-[ \t]+[A-Z]{{2}})?"
# What may follow a street line up to its postcode (anchored at the street's end).
TAIL = regex.compile(
    r"(?:[ \t]+(?:North|South|East|West|N|S|E|W|NE|NW|SE|SW|bis|ter|[A-Z])(?![\w]))?"
    rf"(?:,[ \t]*{_PART}){{0,7}}?"
    rf"(?:,[ \t]*|[ \t]+)(?:{_POSTCODES})(?![\w\-])(?:[ \t]+{_LOCALITY}(?=[ \t]*[,.;\n\"]|$))?"
)
TAIL_WINDOW = 180


def tail_end(text: str, end: int) -> int:
    """Where the address whose street line ends at ``end`` really ends (its postcode), or
    ``end`` when no postcode follows within a few comma-separated parts."""
    window = text[end : end + TAIL_WINDOW]
    if not window or window[0] not in " \t,":
        return end
    m = TAIL.match(window)
    return end + m.end() if m else end


def _result(start: int, end: int, score: float, source: str, rec: LocalRecognizer) -> Any:
    return tagged_result("STREET_ADDRESS", start, end, score, source, rec)


class PostalAddressRecognizer(SignalRecognizer):
    """Military mail, Japanese addresses and flat-first addresses with a postcode."""

    ENTITY = "STREET_ADDRESS"

    def applies(self, text: str) -> bool:
        return any(ch.isdigit() for ch in text)

    def find(self, text: str, _nlp_artifacts: Any = None) -> Iterable[RecognizerResult]:
        for m in MILITARY.finditer(text):
            yield _result(m.start(), m.end(), 0.9, "address:military", self)
        for m in JAPANESE.finditer(text):
            yield _result(m.start(), m.end(), 0.85, "address:jp", self)
        for m in UNIT_START.finditer(text):
            end = tail_end(text, m.end())
            if end > m.end():
                yield _result(m.start(), end, 0.85, "address:unit", self)
