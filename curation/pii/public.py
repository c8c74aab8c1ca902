"""The public-figure policy: names in a record that speaks of no private person are kept.

Personal data is about private persons. A record that describes published works or public
lives ("Beloved is a novel by …", "Hermione Granger is one of the three friends …") and has
no private context names public figures and fictional characters, and redacting them
destroys the training example. So, with ``PiiConfig.keep_public_figures`` (the default), a
PERSON found only by the model or the name table (:data:`MODEL_SOURCES`) is kept when its
record has

- no strong private context: no other identifier (e-mail, phone, card, address…), no name
  found after a cue, in a sign-off, a key, in lower case or in an e-mail address, no
  "my"/"our" — and
- either no weak private context at all (no word of private dealings from
  ``data/vocab/private_cues.txt``: "we", "customer", "order", "invoice", "colleague", "hi",
  …, no "I'm"/"I am" other than "I'm writing …", no "me" other than "tell/give/show me",
  no line holding only a letter's closing
  such as "Yours faithfully,", no weekday, "tomorrow", "the 12th" or clock time — plans
  are private, public facts carry years —, and no roster: two or more lines holding only
  a found name), or a public cue
  (``data/vocab/public_cues.txt``, or a year from 1000 to 2029).

So "Frodo Baggins carries the Ring to Mount Doom." keeps its name with no cue word at all,
"Book the meeting room for Thursday for Ama Osei. We'll need the projector." does not, and
"My aunt … wrote a novel" does not either. Set ``keep_public_figures`` off to redact every
name. Which sets these lists were tuned on: bench/pii_eval/README.md.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from curation.pii.vocab import load

PUBLIC_CUES: tuple[str, ...] = load("public_cues")
PRIVATE_CUES: tuple[str, ...] = load("private_cues")


def _words(terms: Sequence[str]) -> str:
    return "|".join(regex.escape(c).replace(r"\ ", r"\s+") for c in terms)


_PUBLIC = regex.compile(
    rf"(?i)\b(?:{_words(PUBLIC_CUES)})\b(?!['’])|\b(?:1\d{{3}}|20[0-2]\d)\b"  # "won", not "won't"
)
_PRIVATE_WORDS = regex.compile(r"(?i)\b(?:my|our)\b")
# "I'm Ana", "I am the tenant" disclose who speaks; "I'm writing a quiz" does not.
_WEAK_PRIVATE = regex.compile(
    rf"(?i)\b(?:{_words(PRIVATE_CUES)})\b(?!['’]\w)|\bI(?:['’]m|\s+am)\b(?!\s+\w+ing\b)"
    r"|(?<!\b(?:give|tell|show|let|help|teach|remind)\s+)\bme\b"  # "asked me", not "tell me"
)
# Scheduling is private dealing: public facts carry years, plans carry weekdays and times.
_SCHEDULE = regex.compile(
    r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|"
    r"yesterday|next (?:week|month)|this (?:morning|afternoon|evening|week))\b|"
    r"\bthe \d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}(?::\d\d)?[ \t]?(?:am|pm)\b"
)
# Two or more lines that hold only a name (a roster: "- Ama Osei\n- Hidde Terpstra").
_ROSTER_LINE = regex.compile(
    r"(?m)^[ \t]*(?:[-*•]|\d+[.)])?[ \t]*\p{Lu}[\p{L}'’\-]+(?:[ \t]+[\p{L}'’\-.]+){1,3}[ \t]*$"
)
# A line holding only a letter's closing ("Yours faithfully,", "Kind regards"): a letter.
_CLOSING_LINE = regex.compile(
    r"(?im)^[ \t]*(?:kind |best |warm |many |with )?(?:regards|sincerely|cheers|best|"
    r"yours(?: sincerely| truly| faithfully)?|cordially|take care|talk soon)[ \t]*[,.!]?[ \t]*$"
)
# Sources that find a name without other evidence; anything else is a cue of private data.
# A lone table name after "to/for/with/is" ("name:cue-table") or an honorific ("Mr. Darcy") is
# no more private than these.
MODEL_SOURCES = (
    "spacy",
    "name:table",
    "name:cue-table",
    "name:title",
    "name:upper",
    "name:initial",
)


def is_model_only(source: str) -> bool:
    return source in MODEL_SOURCES


def _roster(text: str, names: Sequence[str]) -> bool:
    wanted = {n.strip() for n in names}
    lines = [m.group().strip(" \t-*•").strip() for m in _ROSTER_LINE.finditer(text)]
    return sum(1 for line in lines if line in wanted) >= 2


def public_record(
    texts: Sequence[str], sources: Sequence[tuple[str, str]], names: Sequence[str] = ()
) -> bool:
    """Whether a record speaks of no private person (see the module docstring). ``sources``
    are the (entity, source) of its confident findings, ``names`` their PERSON texts."""
    for entity, source in sources:
        if entity != "PERSON" or not is_model_only(source):
            return False
    joined = "\n".join(texts)
    if _PRIVATE_WORDS.search(joined):
        return False
    weak = (
        _WEAK_PRIVATE.search(joined)
        or _CLOSING_LINE.search(joined)
        or _SCHEDULE.search(joined)
        or _roster(joined, names)
    )
    return not weak or bool(_PUBLIC.search(joined))
