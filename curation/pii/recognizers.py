"""Recognisers added to Presidio's where its own miss or over-match on support conversations.

Each is a Presidio :class:`LocalRecognizer`, so it runs inside the AnalyzerEngine like the
predefined ones. They score by shape and by the words around a match, never by whether a
number is *valid*: an unassigned area code is still somebody's phone number in the data.
Scores carry their own context, so Presidio's lemma enhancer is given no context words.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

from curation.pii import name_table as nt
from curation.pii import vocab
from curation.pii.cue_context import closing_in_name, mid_phrase_interjection, quoted_whole
from curation.pii.person_lines import in_dash_list
from curation.pii.phones import ID_NUMBER_CUE
from curation.pii.postal import tail_end
from curation.pii.presidio_import import LocalRecognizer, NlpArtifacts, RecognizerResult
from curation.pii.results import tagged_result
from curation.pii.transcripts import speaker_label
from curation.pii.vocab import (
    GREETING_CUES,
    NAME_STOP_WORDS,
    NOT_NAMES,
    PARTICLES,
    STREET_SUFFIXES_GLUED,
    STREET_TYPES_EN,
    STREET_TYPES_PREFIX,
    STRONG_NAME_CUES,
    TECH_TERMS,
    TITLES,
    WEAK_NAME_CUES,
    load,
    longest_first,
)


def _result(
    entity: str, start: int, end: int, score: float, source: str, recognizer: LocalRecognizer
) -> RecognizerResult:
    return tagged_result(entity, start, end, round(min(score, 1.0), 3), source, recognizer)


def _before(text: str, start: int, width: int) -> str:
    return text[max(0, start - width) : start].lower()


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


class _Base(LocalRecognizer):
    ENTITY = ""

    def __init__(self, name: str | None = None, supported_language: str = "en", **_: Any) -> None:
        super().__init__(
            supported_entities=[self.ENTITY],
            name=name or type(self).__name__,
            supported_language=supported_language,
            context=[],
        )

    def load(self) -> None:
        return None

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if self.ENTITY not in entities:
            return []
        return list(self.find(text, nlp_artifacts))

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterable[RecognizerResult]:
        raise NotImplementedError


# --------------------------------------------------------------------------- email


class ChatEmailRecognizer(_Base):
    """Presidio's email shape, validated offline (its own check asks tldextract, which would
    download the public suffix list and rejects reserved domains such as ``.example``)."""

    ENTITY = "EMAIL_ADDRESS"
    PATTERN = regex.compile(
        r"(?<![\w.+\-@])\w[\w!#$%&'*+/=?^{|}~\-]*(?:\.{1,2}[\w!#$%&'*+/=?^{|}~\-]+)*"
        r"@(?:[\w](?:[\w\-]{0,61}[\w])?\.)+(?:[^\W\d_]{2,63}|xn--[\w\-]{2,59})(?![\w\-@])"
    )

    def find(self, text: str, _nlp_artifacts: NlpArtifacts | None) -> Iterable[RecognizerResult]:
        if "@" not in text:
            return
        for m in self.PATTERN.finditer(text):
            yield _result(self.ENTITY, m.start(), m.end(), 0.95, "email", self)


# --------------------------------------------------------------------------- phone

_PHONE_SEP = r"[ \t.\-\u00a0]"
_PHONE_END = r"(?:[ \t]*(?:x|ext\.?|extension)[ \t]*\d{1,6})?(?![\w\-]|[.,]\d)"
PHONE_PATTERNS: tuple[tuple[str, regex.Pattern[str], float], ...] = (
    (
        "international",
        regex.compile(
            r"(?<![\w+\-.])\+\d{1,3}(?:[ .\-\u00a0]?\(\d{1,4}\))?(?:[ .\-\u00a0]?\d{1,5}){1,6}"
            + _PHONE_END
        ),
        0.75,
    ),
    (
        "nanp",
        regex.compile(
            r"(?<![\w+\-.])(?:1[ .\-\u00a0]?)?(?:\(\d{3}\)[ .\-\u00a0]?|\d{3}"
            + _PHONE_SEP
            + r")\d{3}"
            + _PHONE_SEP
            + r"\d{4}"
            + _PHONE_END
        ),
        0.65,
    ),
    (
        "national",
        regex.compile(
            r"(?<![\w+\-./])(?:\(0\d{1,4}\)|0\d{1,4})(?:[ \-/\u00a0]?\d{2,4}){2,5}" + _PHONE_END
        ),
        0.6,
    ),
    ("bare", regex.compile(r"(?<![\w+\-./#])\d{10,11}(?![\w\-]|[.,]\d)"), 0.3),
)
_PHONE_CONTEXT = regex.compile(
    r"\b(?:phone|telephone|tel|mobile|mob|cell|cellphone|call|called|calling|ring|reach|"
    r"text|sms|whatsapp|signal|number|no|contact|fax|landline|dial|hotline|extension|ext|"
    r"telefon|téléphone|teléfono|telefono|handy|portable|móvil|cellulare)\b"
)
_NOT_PHONE_CONTEXT = regex.compile(
    r"(?:\b(?:order|invoice|ticket|case|ref|reference|id|account|acct|tracking|serial|sku|"
    r"build|version|ver|port|pid|error|code|transaction|txn|po|batch|job|request|req|"
    r"incident|bug|issue|pr|commit|release|item|product|part|model|vat|tax|iban|swift|bic|"
    r"routing|sort code|card|ssn|zip|postcode|timestamp|epoch|id:|uuid|hash|checksum)\b"
    r"[^\n\d]{0,14}|#\s*)$"
)


class ChatPhoneRecognizer(_Base):
    """National and international phone numbers by shape, valid or not."""

    ENTITY = "PHONE_NUMBER"

    def find(self, text: str, _nlp_artifacts: NlpArtifacts | None) -> Iterable[RecognizerResult]:
        seen: set[tuple[int, int]] = set()
        for kind, pattern, base in PHONE_PATTERNS:
            for m in pattern.finditer(text):
                span = (m.start(), m.end())
                if span in seen:
                    continue
                value = m.group()
                digits = _digits(regex.split(r"(?i)x|ext", value)[0])
                if not 8 <= len(digits) <= 15 or (kind == "national" and len(digits) < 9):
                    continue
                if len(set(digits)) <= 2:  # 0000000000, 1111111111
                    continue
                seen.add(span)
                score = base
                if ID_NUMBER_CUE.search(_before(text, m.start(), 40)):
                    score *= 0.5
                elif _PHONE_CONTEXT.search(_before(text, m.start(), 48)):
                    score += 0.2
                elif _NOT_PHONE_CONTEXT.search(_before(text, m.start(), 28)):
                    score *= 0.5
                yield _result(self.ENTITY, m.start(), m.end(), score, f"phone:{kind}", self)


# --------------------------------------------------------------------------- cards and SSN

_CARD = regex.compile(
    r"(?<![\w\-.])(?:\d{4}[ \-]?\d{6}[ \-]?\d{4,5}|\d{4}(?:[ \-]?\d{4}){2,3}(?:[ \-]?\d{1,3})?)"
    r"(?![\w\-]|[.,]\d)"
)
_CARD_CONTEXT = regex.compile(
    r"\b(?:card|cards|visa|mastercard|master card|amex|american express|credit|debit|cc|"
    r"payment|pan|discover|maestro|jcb|diners|carte|tarjeta|karte|carta)\b"
)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


class ChatCardRecognizer(_Base):
    """Card numbers with spaces or dashes (13–19 digits): Luhn-valid, or card-like near 'card'."""

    ENTITY = "CREDIT_CARD"

    def find(self, text: str, _nlp_artifacts: NlpArtifacts | None) -> Iterable[RecognizerResult]:
        for m in _CARD.finditer(text):
            digits = _digits(m.group())
            if not 13 <= len(digits) <= 19:
                continue
            context = bool(_CARD_CONTEXT.search(_before(text, m.start(), 48)))
            if luhn_ok(digits):
                yield _result(
                    self.ENTITY, m.start(), m.end(), 0.98 if context else 0.9, "card", self
                )
            elif context and len(digits) in (15, 16):
                yield _result(self.ENTITY, m.start(), m.end(), 0.6, "card:context", self)


_SSN = regex.compile(r"(?<![\w\-.])\d{3}-\d{2}-\d{4}(?![\w\-]|[.,]\d)")
_SSN_LOOSE = regex.compile(r"(?<![\w\-.])\d{3}[ .]?\d{2}[ .]?\d{4}(?![\w\-]|[.,]\d)")
_SSN_CONTEXT = regex.compile(r"\b(?:ssn|social security|social-security|ss#|ssa|tin)\b")


class ChatSsnRecognizer(_Base):
    """US social security numbers: the 3-2-4 dashed shape anywhere, other shapes near 'SSN'."""

    ENTITY = "US_SSN"

    def find(self, text: str, _nlp_artifacts: NlpArtifacts | None) -> Iterable[RecognizerResult]:
        dashed: set[int] = set()
        for m in _SSN.finditer(text):
            dashed.add(m.start())
            context = bool(_SSN_CONTEXT.search(_before(text, m.start(), 40)))
            yield _result(self.ENTITY, m.start(), m.end(), 0.95 if context else 0.65, "ssn", self)
        for m in _SSN_LOOSE.finditer(text):
            if m.start() in dashed:
                continue
            if _SSN_CONTEXT.search(_before(text, m.start(), 40)):
                yield _result(self.ENTITY, m.start(), m.end(), 0.85, "ssn:context", self)


# --------------------------------------------------------------------------- addresses


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=longest_first))


_CAP = r"[\p{Lu}][\p{L}\p{M}'’\-]*\.?"
_NAMEWORD = r"(?:[\p{Lu}][\p{Ll}\p{M}'’\-][\p{L}\p{M}'’\-]*\.?|[\p{Lu}]{1,2}\.?|\d+(?:st|nd|rd|th))"
# "1x Philips Hue Bridge", "2 × …": an x right after the digits is a quantity, not a house "1x".
_NUMBER = (
    r"\d{1,5}(?![xX×][ \t])[A-Za-z]?(?:[ \t]?[\-/][ \t]?\d{1,5}[A-Za-z]?|-[IVX]{1,4}(?![\w]))?"
)
_UNIT = (
    r"(?:(?i:flat|apt|apartment|unit|suite|ste|room|floor|fl|building|bldg)\.?(?![\p{L}])[ \t]*#?"
    r"(?:\d[\w\-]{0,5}|[A-Za-z](?![\w]))|#[ \t]?\d{1,5})"
)
_POSTCODE = (
    r"(?:\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d{2}[ \t]?[A-Z\d]{4}"
    r"|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|\d{4}[ \t]?[A-Z]{2}|\d{4})"
)
_LOCWORD = r"(?:St\.[ \t]|Ste\.[ \t])?[\p{Lu}][\p{L}\p{M}'’\-]*"
_LOCALITY = (
    rf"{_LOCWORD}(?:[ \t\-](?:(?:am|an[ \t]der|an|im|in[ \t]der|in|upon|on|sur|sous|de[ \t]la|de|del|la|"
    rf"le|les|di|ob|bei|vor|op|aan[ \t]den|aan[ \t]de|aan)[ \t])?{_LOCWORD}){{0,3}}"
)
# A place is no acronym of three letters or more nor a word with a capital inside ("DHL",
# "FedEx", "PostNord": a carrier beside the address ends the block), bar "McAllen", "DeKalb".
NOT_BRAND = r"(?!\p{Lu}{3,}(?![\p{L}])|(?!Mc|Mac|De|La|Le|Di|Du)\p{Lu}\p{Ll}+\p{Lu})"
_NOT_BRAND = NOT_BRAND
# ", Edinburgh EH6 6QN" · ", Austin, TX 78701" · "\n66258 Brand" · ", 75002 Paris" · ", Leeds."
# · "\nDublin 8\nD08 U5J1" (a postal district, the Eircode on its own line)
_TAIL = (
    rf"(?:,?[ \t]*\n?[ \t]*(?:{_LOCALITY}(?:[ \t]+\d{{1,2}}W?)?(?:,?[ \t]+|,?[ \t]*\n[ \t]*)"
    rf"(?:[A-Z]{{2}}[ \t]+)?{_POSTCODE}(?![\w])"
    rf"|{_POSTCODE},?[ \t]+{_LOCALITY}(?:[ \t]\([A-Z]{{2}}\))?"
    rf"|{_NOT_BRAND}{_LOCALITY}(?:,[ \t]*{_NOT_BRAND}{_LOCALITY})?"
    rf"(?=[ \t]*(?:[.;!?)]|,[ \t]*(?:{_POSTCODE}|[a-z])|\n|$))))?"
)
_EN_STREET = (
    rf"(?:{_UNIT},?[ \t]+)?{_NUMBER},?[ \t]+(?:{_NAMEWORD}[ \t]+){{1,4}}"
    rf"(?:{_alternatives(STREET_TYPES_EN)}|{_alternatives(t.lower() for t in STREET_TYPES_EN)})\b\.?"
    rf"(?:,?[ \t]+{_UNIT})?"
)
_GLUED_STREET = (
    rf"(?:{_CAP}[\p{{L}}\p{{M}}\-]*?(?i:{_alternatives(STREET_SUFFIXES_GLUED)})"
    rf"|(?:Am|An[ \t]der|Im|Auf[ \t]der|Zum|Zur|In[ \t]der|Alte[rs]?)[ \t]+{_CAP}"
    rf"|{_CAP}[ \t]+(?:Weg|Straße|Strasse|Allee|Platz|Gasse|Damm|Ufer|Chaussee))"
    rf"[ \t]+{_NUMBER}"
)
_PREFIX_WORDS = (
    r"(?:(?:della|dei|del|des|dos|das|du|de|la|le|les|el|los|las|y|e|di|da|do|al|alla|san|"
    r"santa|saint|st\.?)[ \t]+|[ld]['’][ \t]?|[\p{Lu}][\p{L}\p{M}'’\-]*\.?(?:[ \t]+|(?=[,\d])))"
)
_PREFIX_STREET = (
    rf"(?:\d{{1,4}}(?:[ \t]?(?:bis|ter))?,?[ \t]+)?"
    rf"(?i:{_alternatives(STREET_TYPES_PREFIX)})[ \t]+{_PREFIX_WORDS}{{1,6}}"
    rf"(?:,?[ \t]*(?:n[ºo°]\.?[ \t]*)?\d{{1,4}}[A-Za-z]?(?!\d)(?:/\d{{1,4}})?"
    rf"(?:[ \t]?\d{{1,2}}[ºª°][ \t]?[A-Z]?)?)?"
)
ADDRESS_PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("street", regex.compile(rf"(?<![\w\-])(?:{_EN_STREET}){_TAIL}")),
    ("glued", regex.compile(rf"(?<![\w\-])(?:{_GLUED_STREET}){_TAIL}")),
    ("prefix", regex.compile(rf"(?<![\w\-])(?:{_PREFIX_STREET}){_TAIL}")),
)
_ADDRESS_CONTEXT = regex.compile(
    r"\b(?:address|live at|lives at|living at|located at|ship to|shipping|deliver|delivery|"
    r"billing address|postal|mail to|post to|moved to|office at|adresse|dirección|indirizzo|"
    r"anschrift|wohne|street|home)\b"
)
_HAS_DIGIT = regex.compile(r"\d")
_STREET_WORDS = frozenset(STREET_TYPES_EN)


class StreetAddressRecognizer(_Base):
    """Street addresses: '27 Harbour Street, Edinburgh EH6 6QN', 'Hauptstraße 14, 10827 Berlin',
    '61, boulevard de Briand, 64949 Bailly', 'Calle Mayor 5, 28013 Madrid'."""

    ENTITY = "STREET_ADDRESS"

    def find(self, text: str, _nlp_artifacts: NlpArtifacts | None) -> Iterable[RecognizerResult]:
        if not _HAS_DIGIT.search(text):
            return
        for kind, pattern in ADDRESS_PATTERNS:
            for m in pattern.finditer(text):
                value = m.group().rstrip(" \t,\n")
                if kind == "prefix" and not _HAS_DIGIT.search(value):
                    continue
                words = regex.findall(r"[\p{L}][\p{L}\p{M}'’\-]*", value)
                if any(
                    w.lower() in TECH_TERMS and w not in _STREET_WORDS
                    for w in words
                    if w[0].isupper()
                ):
                    continue
                score = 0.75
                if _HAS_DIGIT.search(value[len(value) // 2 :]) and "," in value:
                    score = 0.85
                if _ADDRESS_CONTEXT.search(_before(text, m.start(), 60)):
                    score += 0.1
                end = tail_end(text, m.start() + len(value))
                yield _result(self.ENTITY, m.start(), end, score, f"address:{kind}", self)


# --------------------------------------------------------------------------- names after a cue


def _cue_alternatives(cues: Iterable[str]) -> str:
    return "|".join(
        regex.escape(c).replace(r"\ ", r"[ \t]+").replace("'", "['’]")
        for c in sorted(cues, key=longest_first)
    )


_NAME_TOKEN = r"[\p{Lu}][\p{Ll}\p{M}'’]+(?:-[\p{L}][\p{Ll}\p{M}'’]+)?|[\p{Lu}]['’][\p{Lu}][\p{Ll}\p{M}]+|Mc[\p{Lu}][\p{Ll}]+|Mac[\p{Lu}][\p{Ll}]+"
_PARTICLE = r"(?:van|von|de|der|den|del|della|di|da|dos|du|la|le|bin|binti|binte|ibn|al|el)"
_NAME = rf"(?:{_NAME_TOKEN})(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}(?:{_NAME_TOKEN})){{0,3}}"
_CUED = regex.compile(
    rf"(?<![\w])(?i:(?P<strong>{_cue_alternatives(STRONG_NAME_CUES)})|(?P<weak>{_cue_alternatives(WEAK_NAME_CUES)}))"
    rf"\.?[,:]?[ \t]*\n?[ \t]*(?P<name>{_NAME})(?![\w\-])"
)
_SIGNOFF = regex.compile(rf"(?m)^[ \t]*(?:[-–—~][ \t]*)(?P<name>{_NAME})[ \t]*$")
# "Maria Gonzalez here", "Maria from finance asked …", "Maria said …"
_POSTFIXED = regex.compile(
    rf"(?<![\w\-])(?P<name>{_NAME})[ \t]+(?:here\b|from[ \t]+(?:the[ \t]+|our[ \t]+)?\p{{Ll}}|"
    r"(?:said|says|wrote|asked|mentioned|suggested|told|replied|confirmed|approved|called|"
    r"emailed|joined|left the)\b)"
)
# "customer_name": "Maria Gonzalez", owner: Maria Gonzalez (roles: person_field_labels.txt)
_KEYED = regex.compile(
    r"(?i:[\"']?(?<![\w])(?:(?![\w]*(?:product|file|host|domain|company|brand|app|model|project|repo|"
    r"bucket|table|column|field|device|service|package|plan|item|org|team|event)[_\-]?name)"
    rf"[\w]*name|{vocab.ROLE_WORDS}|author|agent)[\"']?)"
    rf"[ \t]*[:=][ \t]*[\"']?(?P<name>{_NAME})(?=[\"',}}\n]|[ \t]*$)"
)
_PERSON_KEY = regex.compile(
    r"(?i)(?:first|last|given|family|middle|full|sur|maiden)[_\- ]?name[\"']?[ \t]*[:=]"
)
# Keys that say "a name" but not whose: the value may be a work, a vessel, a public figure.
# A key that holds only a person's name, whose value may be typed in lower case: "customer_name":
# "chase rivers". Its words are read as a name unless they are placeholders ("unknown", "n/a").
_KEYED_LOWER = regex.compile(
    r"(?i:[\"']?(?<![\w])(?:first|last|given|family|middle|full|sur|maiden|contact|customer|"
    rf"recipient|holder|{vocab.STRICT_ROLE_WORDS})[_\- ]?name[\"']?)[ \t]*[:=][ \t]*[\"']"
    r"(?P<name>\p{Ll}[\p{Ll}\p{M}'’\-]+(?:[ \t]+\p{Ll}[\p{Ll}\p{M}'’\-]+){0,3})(?=[\"'])"
)
_GENERIC_KEY = regex.compile(r"(?i)(?<![\w])[\"']?(?:name|author)[\"']?[ \t]*[:=][ \t]*[\"']?$")
_BARE_NAME_KEY = regex.compile(r"(?i)(?<![\w])[\"']?name[\"']?[ \t]*[:=][ \t]*[\"']?$")
_SIBLING_KEY = regex.compile(r"(?i)[\"']?([a-z][\w\-]*)[\"']?[ \t]*[:=]")
# A bare "name" is left to the public-figure policy only beside keys of a work, a thing or a
# public life ("launched", "genre", "born"); beside nothing such, or beside anything personal
# ("age", "notes", "phone"), it is a private person's (privacy first).
_PUBLIC_SIBLINGS = frozenset(load("name_key_public_siblings"))
_PERSONAL_SIBLINGS = frozenset(load("name_key_personal_siblings"))


def _object_keys(text: str, start: int) -> set[str]:
    """The keys of the object (or, in plain text, of the lines) around ``start``."""
    lo = text.rfind("{", max(0, start - 2000), start)
    hi = text.find("}", start, start + 2000)
    inside = lo >= 0 and hi >= 0
    window = text[lo:hi] if inside else text[max(0, start - 400) : start + 400]
    return {m.group(1).lower() for m in _SIBLING_KEY.finditer(window)}


def _bare_name_is_generic(text: str, start: int) -> bool:
    keys = _object_keys(text, start) - {"name"}
    if keys & _PERSONAL_SIBLINGS:
        return False
    return bool(keys & _PUBLIC_SIBLINGS)


_STOP = NOT_NAMES | TITLES | NAME_STOP_WORDS
_LEADING_STOP = _STOP | TECH_TERMS
_NAME_SPLIT = regex.compile(r"[\s,]+")
_NON_SPACE = regex.compile(r"\S+")


def name_tokens(value: str) -> list[str]:
    """The parts of a person's name that identify them on their own (no titles, no particles)."""
    parts = _NAME_SPLIT.split(value.strip())
    out = []
    for part in parts:
        clean = part.strip(".,;:!?()[]\"'’")
        low = clean.lower()
        if len(clean) < 2 or low in TITLES or low in PARTICLES or low in NOT_NAMES:
            continue
        if low in TECH_TERMS or not any(ch.isalpha() for ch in clean):
            continue
        out.append(clean)
    return out


def _sentence_after_cue(text: str, m: regex.Match[str]) -> bool:
    """A full stop closes the weak cue's sentence ("Sure. Augie March; and …"): the word after
    it opens the next sentence, nobody addressed. "cc." abbreviates, it closes nothing."""
    cue_end = m.end("weak")
    return text[cue_end : cue_end + 1] == "." and m.group("weak").lower() != "cc"


# A name after a weak cue ("ask", "colleague", "sure"): found, but not spread over the record
# when one word (curation.pii.propagation.spreads).
WEAK_CUE_SOURCE = "name:cue-weak"


class NameCueRecognizer(_Base):
    """Capitalised names right after a cue ('Hi Maria', 'Thanks, Maria', 'my name is …') or on a
    sign-off line ('— Maria'): where spaCy's small model is weakest, a single first name."""

    ENTITY = "PERSON"

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterable[RecognizerResult]:
        doc = nlp_artifacts.tokens if nlp_artifacts is not None else None
        ner = _ner_labels(nlp_artifacts)
        yield from self._cued(text, doc, ner)
        yield from self._signoffs(text, doc)
        yield from self._postfixed(text, doc, ner)
        yield from self._keyed(text)
        yield from self._keyed_lower(text)

    def _cued(
        self, text: str, doc: Any, ner: dict[tuple[int, int], str]
    ) -> Iterable[RecognizerResult]:
        for m in _CUED.finditer(text):
            start, end = m.span("name")
            start, end = trim_name(text, start, end)
            if start >= end:
                continue
            proper = _is_proper(doc, start, end)
            label = ner.get((start, end)) or _overlapping_label(ner, start, end)
            several = len(text[start:end].split()) > 1
            strong = m.group("strong")
            if strong is None and (
                mid_phrase_interjection(text, m)
                or speaker_label(text, *m.span("weak"))
                or _sentence_after_cue(text, m)
            ):
                continue
            if strong is not None and closing_in_name(text, m):
                continue
            if strong is not None:
                greeting = regex.sub(r"\s+", " ", strong.lower()).replace("’", "'") in GREETING_CUES
                if proper:
                    score = 0.8 if greeting or several or label != "LOCATION" else 0.45
                else:
                    score = 0.6 if several and label in (None, "PERSON", "ORGANIZATION") else 0.45
            else:
                score = 0.6 if proper and label in (None, "PERSON") else 0.3
            source = "name:cue" if strong is not None else WEAK_CUE_SOURCE
            if quoted_whole(text, m.start(), end):
                source = "name:title"
            yield _result(self.ENTITY, start, end, score, source, self)

    def _signoffs(self, text: str, doc: Any) -> Iterable[RecognizerResult]:
        for m in _SIGNOFF.finditer(text):
            if in_dash_list(text, m.start(), m.end()):
                continue
            start, end = trim_name(text, *m.span("name"))
            if start < end and _is_proper(doc, start, end):
                yield _result(self.ENTITY, start, end, 0.7, "name:signoff", self)

    def _postfixed(
        self, text: str, doc: Any, ner: dict[tuple[int, int], str]
    ) -> Iterable[RecognizerResult]:
        for m in _POSTFIXED.finditer(text):
            start, end = trim_name(text, *m.span("name"))
            if start >= end:
                continue
            several = len(text[start:end].split()) > 1
            label = ner.get((start, end)) or _overlapping_label(ner, start, end)
            if several:
                score = 0.7 if _is_proper(doc, start, end) else 0.6
            else:
                score = 0.6 if label == "PERSON" else 0.3
            yield _result(self.ENTITY, start, end, score, "name:postfix", self)

    def _keyed(self, text: str) -> Iterable[RecognizerResult]:
        for m in _KEYED.finditer(text) if ":" in text or "=" in text else ():
            value_start = m.start("name")
            start, end = trim_name(text, *m.span("name"))
            if start < end:
                # A field that can only hold a person's name ("first_name", "surname") is
                # surer than spaCy (0.85), whose lone words our rules may refuse.
                # The key is read up to the value, not up to what trimming left of it:
                # "Port" trimmed off "Port Arthur" is no part of the key.
                personal = _PERSON_KEY.search(text[max(0, m.start() - 2) : value_start])
                several = len(text[start:end].split()) > 1
                # "name", "author": a ship, a band or a novelist as often as a private person,
                # so the public-figure policy decides (curation.pii.public), as for spaCy's.
                key = text[max(0, m.start() - 2) : value_start]
                generic = not personal and bool(_GENERIC_KEY.search(key))
                if generic and _BARE_NAME_KEY.search(key):
                    generic = _bare_name_is_generic(text, value_start)
                # A full name under a person's key ("recipient": …) outscores spaCy's reading
                # of the same words, so the key's evidence is not lost when Presidio keeps
                # the higher of two equal spans.
                score = 0.9 if personal else (0.86 if not generic else 0.75) if several else 0.55
                source = "name:key-generic" if generic else "name:key"
                yield _result(self.ENTITY, start, end, score, source, self)

    def _keyed_lower(self, text: str) -> Iterable[RecognizerResult]:
        """A lower-case value of a key that holds only a person's name ("customer_name")."""
        for m in _KEYED_LOWER.finditer(text):
            start, end = m.span("name")
            words = text[start:end].split()
            if any(w.strip("'’-") in _STOP for w in words):
                continue
            if len(words) >= 2 or _lower_name_word(words[0]):
                yield _result(self.ENTITY, start, end, 0.8, "name:key-lower", self)


def _lower_name_word(word: str) -> bool:
    """One lower-case word under a name key: a name of the table, not a placeholder."""
    return nt.is_name(word) and not nt.is_common(word)


def trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading/trailing words that are not names ('Hi Team', 'Maria Thanks')."""
    words = [(m.start() + start, m.end() + start) for m in _NON_SPACE.finditer(text[start:end])]
    while words and text[words[0][0] : words[0][1]].lower().strip(".,") in _LEADING_STOP:
        words.pop(0)
    while words and text[words[-1][0] : words[-1][1]].lower().strip(".,") in _STOP:
        words.pop()
    if not words:
        return start, start
    return words[0][0], words[-1][1]


def _is_proper(doc: Any, start: int, end: int) -> bool:
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return all(t.tag_ in ("NNP", "NNPS") or t.is_punct for t in span)


def _ner_labels(nlp_artifacts: NlpArtifacts | None) -> dict[tuple[int, int], str]:
    if nlp_artifacts is None:
        return {}
    return {(e.start_char, e.end_char): e.label_ for e in nlp_artifacts.entities}


def _overlapping_label(ner: dict[tuple[int, int], str], start: int, end: int) -> str | None:
    for (s, e), label in ner.items():
        if s < end and start < e:
            return label
    return None
