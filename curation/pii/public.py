"""The public-figure policy: names in a record that speaks of public life are kept.

Personal data is about private persons. A record that describes published works or public
lives ("Beloved is a novel by …", "… won 23 Grand Slam titles", "created … in 1984") and
carries no private context names public figures and fictional characters, and redacting
them destroys the training example. So, with ``PiiConfig.keep_public_figures`` (the
default), a PERSON found only by the model or the name table (:data:`MODEL_SOURCES`) is
kept when its record

- holds a public cue (``data/vocab/public_cues.txt``, or a year from 1000 to 2029), and
- holds no private context: no other identifier (e-mail, phone, card, address…), no name
  found after a cue, in a sign-off, a key, in lower case or in an e-mail address, and no
  "my"/"our".

A private person in such a record ("my colleague …") is still redacted; set
``keep_public_figures`` off to redact every name.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from curation.pii.vocab import load

PUBLIC_CUES: tuple[str, ...] = load("public_cues")
_PUBLIC = regex.compile(
    r"(?i)\b(?:"
    + "|".join(regex.escape(c).replace(r"\ ", r"\s+") for c in PUBLIC_CUES)
    + r")\b(?!['’])|\b(?:1\d{3}|20[0-2]\d)\b"  # "won", not "won't"
)
_PRIVATE_WORDS = regex.compile(r"(?i)\b(?:my|our)\b")
# Sources that find a name without other evidence; anything else is a cue of private data.
# A lone table name after "to/for/with/is" ("name:cue-table") is no more private than these.
MODEL_SOURCES = ("spacy", "name:table", "name:cue-table")


def is_model_only(source: str) -> bool:
    return source in MODEL_SOURCES


def public_record(texts: Sequence[str], sources: Sequence[tuple[str, str]]) -> bool:
    """Whether a record speaks of public life with no private context. ``sources`` are the
    (entity, source) of its confident findings."""
    for entity, source in sources:
        if entity != "PERSON" or not is_model_only(source):
            return False
    joined = "\n".join(texts)
    if _PRIVATE_WORDS.search(joined):
        return False
    return bool(_PUBLIC.search(joined))
