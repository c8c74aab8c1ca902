"""Phone numbers of any country, checked with Google's numbering plans (``phonenumbers``).

A run of digits with phone-like separators (``+44 7700 900123``, ``0171 2345678``,
``01.48.41.85.91``, ``(21) 2601-5668``, ``696 61 06 15``, ``090-1234-5678``) is a phone number
when ``phonenumbers`` finds it valid: in E.164 when it starts with ``+`` or ``00``, else as a
national number of one of :data:`REGIONS` or, with a cue (a phone word before it, a signature
line, or the same number in international form in the text), of any other plan that has
numbers of its length (``314567`` FO, ``854-8509`` IS). Valid numbers score high; the words before can
still lower the score ("order", "invoice", "tracking") or raise it ("call", "tel", "mobile").
The shape-only :class:`~curation.pii.recognizers.ChatPhoneRecognizer` stays beside it for
numbers that are phone-shaped but not assigned (``555-0199`` in test data is still a number).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import phonenumbers
import regex

from curation.pii.closings import CLOSING_OPENERS, CLOSINGS
from curation.pii.presidio_import import LocalRecognizer, RecognizerResult
from curation.pii.results import SignalRecognizer, tagged_result

# National numbers valid in one of these plans (the most written ones) count on their own;
# a national number valid only in another plan needs a cue (see :func:`rare_region`).
REGIONS: tuple[str, ...] = (
    "US", "GB", "DE", "FR", "ES", "IT", "NL", "BR", "IN", "JP", "CA", "AU", "PT", "MX",
    "ID", "VN", "KR", "CN", "TH", "NG", "KE", "ZA", "PL", "BE", "CH", "AT", "IE", "SE",
)  # fmt: skip
MIN_DIGITS = 8
# Every other numbering plan of ``phonenumbers``, for numbers that come with a cue.
OTHER_REGIONS: tuple[str, ...] = tuple(
    sorted(r for r in phonenumbers.SUPPORTED_REGIONS if r not in REGIONS and r != "001")
)
# National numbers of six or seven digits ("314567" FO, "854-8509" IS, "977 4291" FJ) are as
# short as an order number: one counts only with a phone word before it, alone on a line of a
# signature, or as the national form of an international number of the same text.
MIN_SHORT_DIGITS = 6
SHORT_DIGITS = 7
MAX_DIGITS = 15
VALID_CACHE = 4096
_DIGITS = regex.compile(r"\d+")

# phonenumbers compiles each numbering plan's patterns through ``re``, whose cache (512) is
# smaller than the patterns of REGIONS: without its own cache they were compiled again and again.
getattr(phonenumbers, "enable_pattern_cache", lambda: None)()
# Digits may touch CJK or Thai letters ("電話番号は03-6863-1649です"), not Latin ones.
CANDIDATE = regex.compile(
    r"(?<![\p{Latin}\d_+\-./#])(?:\+|00)?\(?\d{1,5}\)?(?:[ \t.\-/\u00a0]{0,2}\(?\d{1,5}\)?){1,7}"
    r"(?![\p{Latin}\d_\-]|[.,]\d)"
)
# Dates (2024-01-15, 15.01.2024), IPv4 addresses and dotted versions are not phone numbers.
_NOT_PHONE_SHAPE = regex.compile(
    r"\d{4}[\-./]\d{1,2}[\-./]\d{1,2}|\d{1,2}[\-./]\d{1,2}[\-./]\d{2,4}|\d{1,3}(?:\.\d{1,3}){3}"
    r"|\d{1,2}:\d{2}(?::\d{2})?"
    r"|\d{1,9}\.\d{2}"  # an amount with its cents ("About 100982.02."): no plan writes that
    r"|\d{1,3}\.\d{5,}"  # a coordinate or a measure ("@37.3362725,-121.82"): one point, many places
)
# "Karl Kraus (1874-1936)": two years of a life or a reign, the second after the first.
_YEARS = regex.compile(r"\(?((?:1\d|20)\d\d)[ \t]?[\-–][ \t]?((?:1\d|20)\d\d)\)?")


def _life_years(value: str) -> bool:
    m = _YEARS.fullmatch(value)
    return m is not None and 0 < int(m.group(2)) - int(m.group(1)) <= 130


_CONTEXT = regex.compile(
    r"(?i)\b(?:phone|telephone|tel|mobile|mob|cell|call|calling|ring|reach|text|sms|"
    r"whatsapp|number|contact|fax|landline|dial|hotline|telefon|téléphone|teléfono|telefone|"
    r"telefono|handy|portable|móvil|celular|cellulare|nummer|numéro|número|numero|電話|"
    r"电话|手机|手機|携帯|連絡先|전화|연락처|휴대폰|โทร|เบอร์)\b[^\n\d]{0,20}$"
)
_NOT_CONTEXT = regex.compile(
    r"(?i)\b(?:order|invoice|ticket|case|ref|reference|id|account|acct|tracking|serial|sku|"
    r"build|version|port|pid|error|code|transaction|txn|batch|job|request|incident|bug|issue|"
    r"item|product|part|model|vat|tax|iban|swift|routing|card|ssn|zip|postcode|timestamp|"
    r"epoch|uuid|hash|isbn|doi|patent|amount|total|price)\b[^\n\d]{0,14}(?:#\s*)?$"
)

# A verb of contact with its person before the number, other contact details between:
# "you can reach me at ana@example.org or 387849", "call us on 314567".
_REACH_ME = regex.compile(
    r"(?i)\b(?:call|ring|reach|text|phone|contact|message|whatsapp|sms)[ \t]+(?:me|us|him|her|them)"
    r"\b[^\n\d]{0,60}$"
)

# A log line's date and hour ("2026-03-28 04:18:02"): the candidate stops at the colon.
_TIMESTAMP = regex.compile(r"\d{4}[\-./]\d{1,2}[\-./]\d{1,2}[ \tT]+\d{1,2}:\d{2}")

# "invoice number 0048 2231 9981", "account no. 07700 900123": a number of something else,
# whatever "number" alone would say.
ID_NUMBER_CUE = regex.compile(
    r"(?i)\b(?:order|invoice|ticket|case|reference|ref|account|acct|tracking|serial|customer|"
    r"member|membership|policy|claim|booking|reservation|confirmation|transaction|shipment|"
    r"parcel|consignment|item|product|part|model|batch|job|request|incident|contract|loan|"
    r"passport|licen[cs]e|vat|tax|registration|student|employee|patient|container|seat|"
    r"bestell|auftrag|rechnung|kunden|commande|facture|pedido|factura|ordine|fattura|"
    r"bestelling|factuur|zamówienia|faktury)s?[ \t-]*(?:number|nummer|numéro|número|numero|"
    r"no|nr|n[º°o]|num|#|id)\b\.?[^\n\d]{0,12}$"
)


def _result(start: int, end: int, score: float, source: str, rec: LocalRecognizer) -> Any:
    return tagged_result("PHONE_NUMBER", start, end, score, source, rec)


@functools.lru_cache(maxsize=VALID_CACHE)
def valid_region(value: str) -> str | None:
    """The region whose numbering plan makes ``value`` a valid number, or None."""
    digits = sum(ch.isdigit() for ch in value)
    if not MIN_DIGITS <= digits <= MAX_DIGITS:
        return None
    international = value.startswith(("+", "00"))
    if international:
        try:
            number = phonenumbers.parse("+" + value[2:] if value.startswith("00") else value)
        except phonenumbers.NumberParseException:
            return None
        return (
            phonenumbers.region_code_for_number(number)
            if phonenumbers.is_valid_number(number)
            else None
        )
    return _first_valid(value, REGIONS)


def _first_valid(value: str, regions: tuple[str, ...]) -> str | None:
    """The first of ``regions`` whose plan makes the national number ``value`` valid."""
    for region in regions:
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number_for_region(number, region):
            return region
    return None


@functools.cache
def _plan_lengths(region: str) -> tuple[frozenset[int], str]:
    """The lengths of the region's national significant numbers, and its trunk prefix."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta is None or meta.general_desc is None:
        return frozenset(), ""
    return frozenset(meta.general_desc.possible_length or ()), meta.national_prefix or ""


@functools.cache
def _regions_of_length(digits: int, lead: str) -> tuple[str, ...]:
    """The regions of :data:`OTHER_REGIONS` whose national numbers can have ``digits`` digits
    (``lead``: the first digits, for the trunk prefix)."""
    out = []
    for region in OTHER_REGIONS:
        lengths, trunk = _plan_lengths(region)
        if digits in lengths or (
            trunk and lead.startswith(trunk) and digits - len(trunk) in lengths
        ):
            out.append(region)
    return tuple(out)


@functools.lru_cache(maxsize=VALID_CACHE)
def rare_region(value: str) -> str | None:
    """The region, beyond :data:`REGIONS`, whose plan makes the national number ``value``
    (six digits or more) valid: every plan of ``phonenumbers`` whose numbers have its length."""
    digits = "".join(ch for ch in value if ch.isdigit())
    if value.startswith(("+", "00")) or not MIN_SHORT_DIGITS <= len(digits) <= MAX_DIGITS:
        return None
    return _first_valid(value, _regions_of_length(len(digits), digits[:3]))


def short_region(value: str) -> str | None:
    """The region in which a national ``value`` of six or seven digits is valid."""
    if sum(ch.isdigit() for ch in value) > SHORT_DIGITS:
        return None
    return rare_region(value) or (
        None if value.startswith(("+", "00")) else _first_valid(value, REGIONS)
    )


# A closing line of a signature ("Best wishes,", "Regards"), then up to three lines (name,
# role) before the number's own line.
_SIGNATURE_ABOVE = regex.compile(
    rf"(?im)^[ \t]*{CLOSING_OPENERS}(?:{CLOSINGS}|wishes)\b[^\n]{{0,20}}\n(?:[^\n]{{1,60}}\n){{1,3}}[ \t]*$"
)


def _national_forms(text: str) -> set[str]:
    """The digits of the national forms (with and without the trunk prefix) of the valid
    international numbers in ``text``."""
    out: set[str] = set()
    for m in CANDIDATE.finditer(text):
        value = m.group()
        if not value.startswith(("+", "00")) or valid_region(value) is None:
            continue
        number = phonenumbers.parse("+" + value[2:] if value.startswith("00") else value)
        national = phonenumbers.national_significant_number(number)
        region = phonenumbers.region_code_for_number(number)
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region or "")
        trunk = (meta.national_prefix if meta else None) or ""
        out.update({national, trunk + national})
    return out


def _cued_score(text: str, start: int, end: int, value: str, same: set[str]) -> float | None:
    """The score of a national number that needs a cue (short, or valid only in a plan beyond
    :data:`REGIONS`), or None without one. The plans are tried only once a cue is there."""
    before = text[max(0, start - 40) : start]
    if ID_NUMBER_CUE.search(before) or _NOT_CONTEXT.search(before):
        return None
    score = None
    if "".join(ch for ch in value if ch.isdigit()) in same:
        score = 0.85
    elif _CONTEXT.search(before) and not value.isdigit():
        score = 0.75  # "call 941 4207"; a bare run after a word ("the number 5812345") is a count
    elif _REACH_ME.search(text, max(0, start - 80), start):
        score = 0.75  # "reach me at ana@example.org or 387849": bare, but said to be a phone
    else:
        line_end = text.find("\n", end)
        alone = not text[end : len(text) if line_end < 0 else line_end].strip()
        if alone and _SIGNATURE_ABOVE.search(text, max(0, start - 200), start):
            score = 0.7
    if score is None:
        return None
    short = sum(ch.isdigit() for ch in value) <= SHORT_DIGITS  # short_region tries rare plans
    return score if (short_region(value) if short else rare_region(value)) else None


def _valid_score(text: str, start: int, value: str) -> float:
    """The score of a number valid in a plan of :data:`REGIONS` or in international form."""
    before = text[max(0, start - 40) : start]
    score = 0.7
    if ID_NUMBER_CUE.search(before):
        score = 0.35
    elif _CONTEXT.search(before):
        score = 0.9
    elif _NOT_CONTEXT.search(before):
        score = 0.35
    if value.isdigit():
        score -= 0.3  # a bare run of digits is as often an id as a phone number
    return score


class PhonenumbersRecognizer(SignalRecognizer):
    """National and international phone numbers that are valid in some numbering plan."""

    ENTITY = "PHONE_NUMBER"

    def find(self, text: str, _nlp_artifacts: Any = None) -> Iterable[RecognizerResult]:
        same: set[str] | None = None
        for m in CANDIDATE.finditer(text):
            value = m.group()
            digits = sum(ch.isdigit() for ch in value)
            if MIN_SHORT_DIGITS <= digits <= SHORT_DIGITS:
                if _NOT_PHONE_SHAPE.fullmatch(value):
                    continue
                if same is None:
                    same = _national_forms(text)
                short = _cued_score(text, m.start(), m.end(), value, same)
                if short is not None:
                    yield _result(m.start(), m.end(), short, "phone:short", self)
                continue
            if _DIGITS.fullmatch(value) and len(value) < 10:
                continue  # a bare run of digits is an id unless it is as long as a phone number
            if _NOT_PHONE_SHAPE.fullmatch(value) or _TIMESTAMP.match(text, m.start()):
                continue
            if _life_years(value) and not _CONTEXT.search(text[max(0, m.start() - 40) : m.start()]):
                continue
            if valid_region(value) is None:
                if value.startswith(("+", "00")):
                    continue
                if same is None:
                    same = _national_forms(text)
                cued = _cued_score(text, m.start(), m.end(), value, same)
                if cued is not None:
                    yield _result(m.start(), m.end(), cued, "phone:other-plan", self)
                continue
            yield _result(
                m.start(), m.end(), _valid_score(text, m.start(), value), "phone:valid", self
            )
