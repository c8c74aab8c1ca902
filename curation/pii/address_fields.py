"""Addresses told by the field that holds them, whatever their country writes in them:

    Address line 1: prosp. Svobody, 105, kv. 18        a form's line
    **Street:** Vojvode Mišića 95/31                    the same in Markdown
    {"address": "ul. Orce Nikolov br. 44/19, 1000 Skopje"}   a JSON key (tool-call arguments)

The label is a word for an address or a street line of a few languages
(``data/address/field_labels.txt``), alone at the start of its line or as a JSON key, written
with spaces, underscores, hyphens or in camelCase, with a line number after it ("Address
line 2", "address_line_1", "addressLine1"). The value is the rest of the line (or the JSON
string) up to a bracket or a semicolon, and it must read as an address: a capitalised word and
a number standing alone (a house number: not part of a time, a version, an IP address or an
identifier), and no e-mail address, URL, hexadecimal memory address ("Address: 0x7ffd…",
"Address: 10.0.0.1#53" in nslookup's output) or technical word ("Address: Port 8443").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

import regex
from presidio_analyzer import RecognizerResult

from curation.pii.address_shapes import address_data
from curation.pii.results import SignalRecognizer, tagged_result
from curation.pii.vocab import TECH_TERMS, longest_first

SOURCE = "address:field"


def _label(term: str) -> str:
    """A label's words joined by a space, an underscore, a hyphen or nothing (camelCase)."""
    return r"[ \t_\-]?".join(regex.escape(w) for w in term.split())


@cache
def _pattern() -> regex.Pattern[str]:
    labels = "|".join(
        _label(t) for t in sorted(address_data("field_labels.txt"), key=longest_first)
    )
    label = rf"(?i:(?:{labels})(?:[ \t_\-]?(?:line)?[ \t_\-]?[1-3])?)(?![\p{{L}}\d])"
    line_start = r"(?:(?<=\n)|(?<=\\n)|^)[ \t]*(?:[-*•][ \t]+)?"
    bold = r"(?:\*\*|__)?"
    value = r"(?P<value>(?:(?!\\n|\\\")[^\n\"(;|])+)"
    return regex.compile(
        rf"{line_start}{bold}{label}(?:[ \t]*\((?i:optional)\))?[ \t]*:{bold}[ \t]*{value}"
        rf"|\"{label}\"[ \t]*:[ \t]*\"{value}(?=\")"
    )


# A house number: digits standing alone, not inside an identifier ("ORD-123"), a time, a
# version or an address of a machine ("10.0.0.1", "localhost:5432").
_HOUSE_NUMBER = regex.compile(r"(?<![\w.:/#@\-])\d{1,5}(?!\d|[.:]\d|[\w@])")
_CAPITALISED = regex.compile(r"(?<![\p{L}\d])\p{Lu}[\p{Ll}\p{M}]+")
_NOT_ADDRESS = regex.compile(r"@|://|\bwww\.|\b0x[0-9a-fA-F]", regex.IGNORECASE)
_WORD = regex.compile(r"\p{L}+")


def address_value(value: str) -> bool:
    """Whether a labelled value reads as an address."""
    return (
        len(value) <= 160
        and _HOUSE_NUMBER.search(value) is not None
        and _CAPITALISED.search(value) is not None
        and _NOT_ADDRESS.search(value) is None
        and not any(w.lower() in TECH_TERMS for w in _WORD.findall(value))
    )


class AddressFieldRecognizer(SignalRecognizer):
    """The value of an address field, in a form, a Markdown list or a JSON object."""

    ENTITY = "STREET_ADDRESS"

    def applies(self, text: str) -> bool:
        return ":" in text and any(ch.isdigit() for ch in text)

    def find(self, text: str, _nlp_artifacts: Any = None) -> Iterable[RecognizerResult]:
        for m in _pattern().finditer(text):
            value = m.group("value").rstrip(" \t,.")
            if address_value(value):
                start = m.start("value")
                yield tagged_result("STREET_ADDRESS", start, start + len(value), 0.85, SOURCE, self)
