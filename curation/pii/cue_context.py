"""Where a name cue (a greeting, an honorific, a closing) is part of a title or a name rather
than a cue: "Hey Jude" and "Mrs. Robinson" as the whole of a quotation are songs, and "the
racehorse Best Mate" is a horse. Read by ``recognizers.NameCueRecognizer``.
Tuned on round 2 ``general2`` and round 3 ``general3`` test halves (spent; bench/pii_eval/README.md).
An e-mail's "Subject:" is no cue of a person's field (:func:`mail_subject`, round 6 test, spent).
"""

from __future__ import annotations

from typing import Any

import regex

_CLOSINGS_IN_NAMES = frozenset({"Best", "Cheers", "Regards"})
_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’"}
_WORD_BEFORE = regex.compile(r"[\p{L}\d][ \t]+$")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "mx", "miss", "dr", "prof"})


def closing_in_name(text: str, m: Any) -> bool:
    """A title-cased closing inside a phrase, right before the next word (``m`` a match with
    groups ``strong`` and ``name``): "the racehorse Best Mate" names a horse; "All the best
    Maria" (lower case) and "Best,\\nMaria" sign off. Also an honorific in capitals before a
    word that is not in capitals is a model or product code ("Logitech MX Keys", "MS Word");
    "MR OLU ADEYEMI" all in capitals, and "Mx Keys", stay cues."""
    strong = m.group("strong")
    if strong.lower() in _HONORIFICS and strong.isupper() and not m.group("name").isupper():
        return True
    return (
        strong in _CLOSINGS_IN_NAMES
        and text[m.end("strong") : m.start("name")] == " "
        and bool(_WORD_BEFORE.search(text[max(0, m.start() - 4) : m.start()]))
    )


def quoted_whole(text: str, start: int, end: int) -> bool:
    """Cue and name are the whole of a quotation: a title ("Hey Jude", "Mrs. Robinson",
    "Dear Prudence"), not someone addressed; "Hi Maria, your order…" is not whole."""
    close = _QUOTES.get(text[start - 1 : start]) if start > 0 else None
    return close is not None and text[end : end + 1] == close


# "Subject: Smart Saver Plus renewal" under "From:"/"To:" lines: an e-mail's subject whose
# title-cased run goes on past the pair names a topic (a plan, a product), so the role noun
# "subject" is no cue there. "Subject: Rocky Bean", "Subject: Grace Cash starts Monday" and
# "Subject: Tern Vektron" in a study's form keep it.
_SUBJECT_LABEL = regex.compile(r"(?i)^[ \t]*(?:(?:re|fwd?)[ \t]*:[ \t]*)*subject[ \t]*:[ \t]*$")
_MAIL_HEADER = regex.compile(r"(?im)^[ \t]*(?:from|to|cc|date|sent)[ \t]*:")
_RUN_GOES_ON = regex.compile(r"^[ \t]+\p{Lu}")


def mail_subject(text: str, before: str, after: str) -> bool:
    """A pair between ``before`` and ``after`` (the rest of its line) opens a longer
    title-cased topic on an e-mail's "Subject:" line, the text holding header lines too."""
    return bool(
        _SUBJECT_LABEL.match(before) and _RUN_GOES_ON.match(after) and _MAIL_HEADER.search(text)
    )


# Weak cues that greet or answer ("Great, Ana", "Morning Ana", "Sure Ana") address someone only
# where they open a sentence: "SS Great Britain", "the Welcome Centre" are names of things.
_GREETING_ANSWERS = frozenset(
    [
        "sorry",
        "welcome",
        "morning",
        "afternoon",
        "evening",
        "bye",
        "goodbye",
        "ok",
        "okay",
        "great",
        "sure",
        "noted",
        "apologies",
    ]
)


def mid_phrase_interjection(text: str, m: Any) -> bool:
    cue = m.group("weak").lower()
    return cue in _GREETING_ANSWERS and bool(
        _WORD_BEFORE.search(text[max(0, m.start() - 4) : m.start()])
    )
