"""IBANs of every country in the current IBAN registry, checked with ``schwifty``.

Presidio's ``IbanRecognizer`` holds the formats of 76 countries; the registry has more
(Djibouti, Oman, Somalia, Russia and others joined from 2020 on). ``schwifty``, released
with each edition of SWIFT's registry, checks a candidate's country, length, account format
and check digits (not the national check digits inside the account number, which it
knows for some countries only), so a string of IBAN shape is taken only when it is one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex
from schwifty import IBAN
from schwifty.exceptions import SchwiftyException

from curation.pii.presidio_import import RecognizerResult
from curation.pii.results import SignalRecognizer, tagged_result

# Country, check digits, then 11–30 letters and digits, in groups split by a space or a
# dash or not at all; the groups after the last valid one are dropped (a word after it).
_CANDIDATE = regex.compile(
    r"(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ \-]?[A-Z0-9]{1,4}){3,9}(?![\p{L}\p{N}])"
)
_GROUP = regex.compile(r"[ \-]?[A-Z0-9]{1,4}")


class RegistryIbanRecognizer(SignalRecognizer):
    """An IBAN of any registry country, valid by ``schwifty`` (country format, length and
    check digits)."""

    ENTITY = "IBAN_CODE"

    def find(self, text: str, nlp_artifacts: Any = None) -> Iterable[RecognizerResult]:  # noqa: ARG002
        for m in _CANDIDATE.finditer(text):
            end = _valid_end(m.group(), m.start())
            if end is not None:
                yield tagged_result(self.ENTITY, m.start(), end, 1.0, "iban:registry", self)


def _valid_end(candidate: str, start: int) -> int | None:
    """The end of the longest valid IBAN that starts the candidate, None if there is none."""
    groups = [g.end() for g in _GROUP.finditer(candidate, pos=4)]
    for cut in reversed(groups):
        if is_iban(candidate[:cut]):
            return start + cut
    return None


def is_iban(value: str) -> bool:
    try:
        IBAN(value.replace("-", ""))
    except (SchwiftyException, ValueError):
        return False
    return True
