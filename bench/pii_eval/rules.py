"""When a private string counts as leaked, and a protected string as destroyed.

All checks compare one record's redacted output with the same record's gold, on the record's
text (every string value, and the values inside strings that hold JSON such as tool-call
arguments: :func:`bench.pii_eval.common.record_text`).

Leaked (a private gold item survives in clear):
- any category: its exact string appears in the output (case-sensitive; on Latin-script
  edges it must stand as a whole word, so ``Ana`` is not found in ``Analysis``);
- any of its ``parts`` appears (a street line, a fine-grained postcode, a PSC/Unit … Box line,
  a CJK given name);
- person, Latin script: any token of the name (a run of letters, split at spaces, hyphens and
  apostrophes) of 3 or more letters appears as a whole word, case-insensitively, if the token
  is unique to the name: not a particle (van, de, bin…) and not found anywhere else in the
  input record once all private strings are taken out (so ``Will`` is not checked in a record
  that also says "we will", nor ``Rose`` where something "rose");
- phone, card, SSN, IBAN: any run of ``min(7, n)`` consecutive digits of its ``n`` digits
  appears in the output's digit sequences (separators ignored) and not in the input's digits
  outside the private strings, so a number half-redacted still counts;
- e-mail: its local part (before ``@``, 4+ characters) appears.

Destroyed (a protected item): it occurs fewer times in the output than in the input (whole
word, case-sensitive). Altered (a record with no private data): the output record is not
equal, as parsed JSON, to the input record.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bench.pii_eval.common import Private, Protected
from bench.pii_eval.names import PARTICLES

DIGIT_CATEGORIES = frozenset({"phone", "card", "ssn", "iban"})
_DIGIT_RUNS = re.compile(r"\d[\d \t().\-/]*\d|\d")
_LETTERS = re.compile(r"[^\W\d_]+")


def _wordy(ch: str) -> bool:
    """A character that joins a word in a script written with spaces (not CJK, not Thai)."""
    code = ord(ch)
    return ch.isalnum() and (code < 0x0E00 or 0x0E80 <= code < 0x2E80)


@lru_cache(maxsize=65536)
def _pattern(text: str, ignore_case: bool = False) -> re.Pattern[str]:
    left = r"(?<!\w)" if _wordy(text[0]) else ""
    right = r"(?!\w)" if _wordy(text[-1]) else ""
    return re.compile(left + re.escape(text) + right, re.I if ignore_case else 0)


def occurs(text: str, haystack: str, ignore_case: bool = False) -> bool:
    return bool(text) and _pattern(text, ignore_case).search(haystack) is not None


def count(text: str, haystack: str) -> int:
    return len(_pattern(text).findall(haystack))


def without(haystack: str, private: list[Private]) -> str:
    """``haystack`` with every private string (longest first) replaced by a line break."""
    for item in sorted(private, key=lambda p: -len(p.text)):
        haystack = haystack.replace(item.text, "\n")
    return haystack


def digit_streams(text: str) -> list[str]:
    return [re.sub(r"\D", "", run) for run in _DIGIT_RUNS.findall(text)]


def name_tokens(item: Private, rest: str, protected: list[Protected]) -> list[str]:
    """The tokens of a Latin-script name that are checked on their own (see module doc)."""
    shielded = " ".join(p.text for p in protected)
    tokens = []
    for token in _LETTERS.findall(item.text):
        if len(token) < 3 or token.lower() in PARTICLES:
            continue
        if occurs(token, rest, ignore_case=True) or occurs(token, shielded, ignore_case=True):
            continue
        tokens.append(token)
    return tokens


def leaked(item: Private, output: str, rest: str, protected: list[Protected]) -> bool:
    """Whether ``item`` survives in ``output`` (``rest``: the input without private strings)."""
    if occurs(item.text, output) or any(occurs(part, output) for part in item.parts):
        return True
    if item.category == "person" and item.script == "latin":
        return any(
            occurs(token, output, ignore_case=True) for token in name_tokens(item, rest, protected)
        )
    if item.category in DIGIT_CATEGORIES:
        digits = re.sub(r"\D", "", item.text)
        k = min(7, len(digits))
        if k == 0:
            return False
        out_streams, rest_streams = digit_streams(output), digit_streams(rest)
        for i in range(len(digits) - k + 1):
            window = digits[i : i + k]
            if any(window in s for s in out_streams) and not any(window in s for s in rest_streams):
                return True
        return False
    if item.category == "email":
        local = item.text.split("@", 1)[0]
        return len(local) >= 4 and occurs(local, output)
    return False


def destroyed(item: Protected, source: str, output: str) -> bool:
    return count(item.text, output) < count(item.text, source)
