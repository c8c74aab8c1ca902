"""Addresses written without a postcode: a street line, a few parts, and the locality.

Many countries have no postcode (Ghana, Bolivia, most of Africa and the Gulf: Google's address
metadata has no ``zip`` for 71 of them), and many people leave it out. Such an address is
recognised by its street line and the locality that closes it::

    House No. 866, Oxford Street, Accra (GA-151-7328)     a house number, a typed street
    Av. Arce N° 942, Piso 5, Zona Sopocachi, Cochabamba    a typed street line
    Plot 12, Kampala                                       a plot number and a capital

The street line is a house, plot or building number after its word
(``data/address/house_numbers.tsv``: "House No.", "Casa", "Plot", "Nr."…) or a street line
that carries the type of its language (``data/address/street_types.tsv``, with transliterated
types: "Rehov", "Sharia", "Jalan", "Soi", "Ulitsa", "Kuchasi"). Up to three parts may follow,
then the locality: capitalised words that end the block (at the end of the line or sentence,
before the country's name or before a digital address code in brackets: "(GA-151-7328)"). A
house number alone, with no street type and no digital code in the block, needs a locality
that is a known city:
one of the tz database (capitals and large cities) or a subdivision of Google's address
metadata.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import regex
from presidio_analyzer import RecognizerResult

from curation.pii.address_shapes import (
    EDGE,
    LINK,
    LOCALITY,
    NAME,
    NOT_STREET,
    NUM,
    NUMBER_WORD,
    PART,
    SEP,
    TYPE_BEFORE,
    TYPED,
    TYPED_STREETS,
    UNIT,
    address_data,
    alternatives,
    street_types,
    typed_street_ok,
)
from curation.pii.postcode_formats import all_metadata
from curation.pii.recognizers import NOT_BRAND
from curation.pii.results import SignalRecognizer, tagged_result
from curation.pii.vocab import STREET_TYPES_EN


def house_number_terms() -> list[str]:
    return [row.split("\t")[1] for row in address_data("house_numbers.tsv")]


@cache
def known_localities() -> frozenset[str]:
    """Cities of the tz database ("Accra", "La Paz", "Tel Aviv") and the subdivisions of
    Google's address metadata, in Latin script."""
    import zoneinfo

    out = {
        zone.rsplit("/", 1)[-1].replace("_", " ")
        for zone in zoneinfo.available_timezones()
        if "/" in zone
    }
    for key, rules in all_metadata().items():
        for field in ("sub_lnames", "sub_names", "sub_keys"):
            out.update(v.strip() for v in str(rules.get(field) or "").split("~"))
        if "/" in key:
            out.update(str(rules.get(f) or "") for f in ("lname", "name"))
    return frozenset(
        n
        for n in out
        if len(n) >= 3 and n[0].isupper() and all(c.isalpha() or c in " -'." for c in n)
    )


@cache
def country_names() -> frozenset[str]:
    data = all_metadata()
    return frozenset(
        str(rules["name"]).title()
        for key, rules in data.items()
        if "/" not in key and "--" not in key and rules.get("name")
    )


_HOUSE = regex.compile(
    rf"{EDGE}(?:{alternatives(house_number_terms(), fold_short=False, dots=True)})"
    rf"[ \t]*(?:{NUMBER_WORD}[ \t]*)?[#:]?[ \t]*{NUM}(?![\w\-])"
)
# A street line headed by its type, of any language: "Calle Belisario Salinas N° 814", "Av. Arce 9".
# "Rua da Missão 45": the name may open with a particle.
_TYPE_FIRST = regex.compile(
    rf"{EDGE}{NOT_STREET}{TYPE_BEFORE}[ \t]*(?:{LINK}[ \t]+)?{NAME},?[ \t]+"
    rf"(?:{NUMBER_WORD}[ \t]*)?{NUM}(?![\w\-])"
)
# A numbered street ("Calle 50", "Avenida 3"), a number before a name ("12 Hope Road": a
# block when the name ends with its type) and a flat ("Flat 4": a block when a typed street
# or a digital code follows).
_NUMBERED = regex.compile(rf"{EDGE}{NOT_STREET}{TYPE_BEFORE}[ \t]+\d{{1,3}}[A-Za-z]?(?![\w\-])")
# "1x Philips Hue Bridge" is a quantity and a product, not a house number.
_NUMBER_FIRST = regex.compile(
    rf"{EDGE}{NOT_STREET}(?!\d+[xX×](?![\w]))[ \t]*{NUM}[ \t]+{NAME}(?![\w\-])"
)
_FLAT = regex.compile(rf"{EDGE}{UNIT}(?![\w\-])")
# After a house number (``_HOUSE``), a numbered or typed street makes a street line on its own,
# whatever follows it: "No. 179, Street 178" (KH), "House 5, Street 12" (PK), "Immeuble 7,
# Rue Narvik" (CM), "Villa 35, Al Manara Road" (AE).
_NUMBERED_TYPES = r"(?i:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane)"
_ON_STREET = regex.compile(
    rf"[ \t]*,[ \t]+(?:"
    rf"(?:{TYPE_BEFORE}|{_NUMBERED_TYPES})[ \t]+\d{{1,4}}[A-Za-z]?(?![\w\-]|[.,]\d)"
    rf"|{TYPE_BEFORE}[ \t]*(?:{LINK}[ \t]+)?{NAME}(?<![.])"
    rf"|{NAME}[ \t]+(?i:{alternatives(STREET_TYPES_EN, dots=True)})(?![\w\-]))"
)
# A numbered street and a house number in two parts (CO, GT): "Calle 50 # 12-34", "Carrera 7
# No. 71-21", "Diagonal 6 28-06", "6a Avenida 12-34".
_PLATE = regex.compile(
    rf"{EDGE}(?:\d{{1,2}}(?:a|ª|º)?[ \t]+)?"
    rf"(?i:{alternatives(street_types('plate'), dots=True)})[ \t]+(?:\d{{1,3}}[A-Za-z]?(?:[ \t]+bis)?"
    rf"[ \t]*(?:#|{NUMBER_WORD})?[ \t]*)?\d{{1,3}}[A-Za-z]?[ \t]*-[ \t]*\d{{1,3}}(?![\w\-])"
)
# A street named with its type but no number, then its building and flat: "Calle Aquilino de
# la Guardia, Edificio Plaza Obarrio, Piso 18, Apto. 26D" (PA), "Chinggis Avenue, Building 16,
# Apt 19" (MN). The type and a numbered flat or building make it a street line on its own.
_HOUSE_OR_UNIT = (
    rf"(?:{UNIT}|(?:{alternatives(house_number_terms(), fold_short=False, dots=True)})"
    rf"[ \t]*(?:{NUMBER_WORD}[ \t]*)?[#:]?[ \t]*{NUM})(?![\w\-])"
)
_NAMED_STREET = regex.compile(
    rf"{EDGE}{NOT_STREET}(?:{TYPE_BEFORE}[ \t]*(?:{LINK}[ \t]+)?{NAME}"
    rf"|{NAME}[ \t]+(?i:{alternatives(STREET_TYPES_EN, dots=True)})(?![\w\-]))"
    rf"(?:[ \t]*,[ \t]*(?!{_HOUSE_OR_UNIT}){PART}){{0,2}}?"
    rf"(?:[ \t]*,[ \t]*{_HOUSE_OR_UNIT}){{1,3}}"
)
# A word before the house word that makes its number something else: "Step No. 3", "Order Nr. 5".
_NOT_HOUSE = regex.compile(
    r"(?i:\b(?:order|invoice|ticket|case|ref|reference|step|page|item|version|model|part|"
    r"serial|account|flight|gate|seat|line|size|issue|chapter|section|room|track|episode|"
    r"season|lot|batch|patch|release|build|the|a|my|our|your|this|that)[ \t]*)$"
)
# A digital address code written with its block: GhanaPost "GA-151-7328", "AK-039-5028".
_CODE = r"[A-Z]{1,3}-?\d{2,4}-\d{3,5}"
# The country's name closes a block but is no locality: "…, Santa Cruz de la Sierra\nBolivia".
_COUNTRY = "|".join(regex.escape(n) for n in sorted(country_names(), key=lambda n: (-len(n), n)))
_TAIL = regex.compile(
    rf"(?P<parts>(?:{SEP}{PART}){{0,3}}){SEP}(?!(?i:{_COUNTRY})(?![\p{{L}}]))(?P<locality>{NOT_BRAND}{LOCALITY})"
    rf"(?:(?P<code>[ \t]*(?:\({_CODE}\)|,[ \t]*{_CODE}))(?![\w\-])|"
    rf"(?=[ \t]*(?:[.;!?)\]}}\"'\n]|\\n|$|,[ \t]*(?P<country>\p{{Lu}}[\p{{L}} ]+?)[ \t]*(?:[.;:!?\n]|\\n|$))))"
)


# Parts that end in a line with a postcode-like number: the next line is no locality.
_POSTCODE_LINE = regex.compile(r"\d{3,}[^,\n]*(?:\n|\\n)[ \t]*$")


def _known(locality: str) -> bool:
    """A known city, also with its district or twin after a hyphen ("Tel Aviv-Yafo") or
    words after its name ("Accra Central")."""
    names = known_localities()
    words = locality.split()
    return any(
        " ".join(words[:k]) in names or " ".join(words[:k]).split("-")[0] in names
        for k in range(len(words), 0, -1)
    )


def _blocks(
    text: str, starts: Iterable[tuple[regex.Match[str], str]]
) -> Iterator[tuple[int, int, float]]:
    """Blocks from their street lines. ``kind``: "typed" (a street type: enough with any
    locality), "house" (a house word and number: a known city will do), "numbered" (a
    numbered street: a known city after another part) or "unit" (a flat: it needs a typed
    street or a digital code after it)."""
    for head, kind in starts:
        tail = _TAIL.match(text, head.end())
        if tail is None:
            continue
        country = tail.group("country")
        if country is not None and country.strip() not in country_names():
            continue
        parts = tail.group("parts")
        if _POSTCODE_LINE.search(text, head.end(), tail.start("locality")):
            continue  # "…\n00-950 Warszawa\nPolska": address_shapes ends it at the city
        strong = kind == "typed" or bool(tail.group("code")) or bool(TYPED.search(parts))
        weak_ok = (kind == "house" or (kind == "numbered" and parts)) and _known(
            tail.group("locality")
        )
        if not strong and not weak_ok:
            continue
        end = tail.end("code") if tail.group("code") else tail.end("locality")
        yield head.start(), end, 0.85 if strong else 0.8


# Every block has a number in its street line, then a separator and a capitalised locality
# (``_TAIL``), and so has a house number before a street ("No. 239, Street 308"): a text
# without both, in that order, has none, unless it holds a two-part house number ("Calle 50
# # 12-34", ``_PLATE``) (an exact prefilter).
_DIGIT = regex.compile(r"\d")
_SEP_THEN_LOCALITY = regex.compile(rf"{SEP}\p{{Lu}}")


class StreetLineRecognizer(SignalRecognizer):
    """Addresses without a postcode: a house number or typed street line and its locality."""

    ENTITY = "STREET_ADDRESS"

    def applies(self, text: str) -> bool:
        digit = _DIGIT.search(text)
        if digit is None:
            return False
        return _SEP_THEN_LOCALITY.search(text, digit.start()) is not None or "-" in text

    def find(self, text: str, _nlp_artifacts: Any = None) -> Iterable[RecognizerResult]:
        starts: list[tuple[regex.Match[str], str]] = [
            (m, "house")
            for m in _HOUSE.finditer(text)
            if not _NOT_HOUSE.search(text, max(0, m.start() - 24), m.start())
        ]
        for m, _kind in list(starts):
            street = _ON_STREET.match(text, m.end())
            if street is not None:
                yield tagged_result(
                    "STREET_ADDRESS", m.start(), street.end(), 0.8, "address:line", self
                )
        for m in _PLATE.finditer(text):
            starts.append((m, "typed"))
            yield tagged_result("STREET_ADDRESS", m.start(), m.end(), 0.8, "address:line", self)
        for m in _NAMED_STREET.finditer(text):
            yield tagged_result("STREET_ADDRESS", m.start(), m.end(), 0.8, "address:line", self)
        for pattern in (_TYPE_FIRST, *TYPED_STREETS):
            starts.extend(
                (m, "typed") for m in pattern.finditer(text) if typed_street_ok(m.group())
            )
        starts.extend((m, "numbered") for m in _NUMBERED.finditer(text))
        starts.extend((m, "unit") for m in _FLAT.finditer(text))
        # "12 Hope Road": the name ends with its type.
        starts.extend(
            (m, "typed")
            for m in _NUMBER_FIRST.finditer(text)
            if TYPED.search(m.group().rsplit(None, 1)[-1])
        )
        for start, end, score in _blocks(text, starts):
            yield tagged_result("STREET_ADDRESS", start, end, score, "address:line", self)
