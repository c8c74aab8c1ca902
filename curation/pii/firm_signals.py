"""Signals that a capitalised run names a firm, a carrier or a product, not a person.

Each reads a shape, a position or a maintained resource, never a list of firms, so it holds
for firms nobody listed (issue 13; the name policy in :mod:`curation.pii.public`):

- **A country closes the run** ("Zelvaro Portugal", "Quombix South Africa", "X Lietuva"): a
  firm's national branch. Country names, in English and in the languages phonenumbers'
  geocoder speaks (CLDR data, "Lietuva", "Polska", "Deutschland"), come from that package. The
  first word must be no given name of the name table, and a one-word country no common given
  name: "Ana Portugal" and "Oyun Jordan" stay people (:func:`country_branch`).
- **A country is the run or leads it** ("Sri Lanka" on an address's last line, "Nepal Hulak")
  before words that are no given name (:func:`country_named`).
- **A determiner and a noun frame the run** ("this Full Season Chorister roster"): what the
  noun belongs to, when the run's first word is no given name and one is an everyday word
  (:func:`modifier_run`).
- **A size or a model code follows the run** ("Gravelion 650x47b", "X 28x1.5", "X
  225/45R17"): a product and its size (:data:`SIZE_CODE_AFTER`).
- **The run delivers** ("Zelto Pakket can deliver to post-office boxes", "Can Torvak Senda
  deliver order 12 to my box?", "X asks for a phone for delivery to …", "X attempted
  delivery"): the subject of delivering is a carrier, when it has two words or more and its
  first word is no given name of the table ("Ana Quist will deliver the keys" stays a
  person) (:func:`delivers`).

Tuned on round 6 (both halves, spent) ``addresses6`` and ``chats6``: see the tuning log in
bench/pii_eval/README.md.
"""

from __future__ import annotations

import functools
import gzip
from importlib import resources

import regex

from curation.pii import name_table as nt
from curation.pii.name_kind import kind, position_given

# Latin-script names only: the rules read Latin-script runs.
_LATIN_NAME = regex.compile(r"^[\p{Script=Latin}][\p{Script=Latin}\p{M}'’.\- ]*$")


COUNTRY_NAMES_FILE = "country_names.txt.gz"  # gzip keeps a name's trailing space intact


def names_from_phonenumbers() -> frozenset[str]:
    """Lower-cased country names of phonenumbers' geocoding data (every language it holds)."""
    from phonenumbers.geodata.locale import LOCALE_DATA

    return frozenset(
        name.lower()
        for names in LOCALE_DATA.values()
        for name in names.values()
        if not name.startswith("*") and _LATIN_NAME.match(name)
    )


@functools.cache
def country_names() -> frozenset[str]:
    """:func:`names_from_phonenumbers`, as ``tools/build_country_names.py`` wrote them to
    ``data/country_names.txt.gz``: importing the geocoding data cost a third of a second of every
    run's start-up (a test checks the file against the installed phonenumbers)."""
    data = resources.files("curation.pii").joinpath("data", COUNTRY_NAMES_FILE).read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").splitlines())


def _given(word: str) -> bool:
    return kind(word) == "G" or position_given(word)


# A country's name that is also a common given name ("Jordan", "Georgia", "Chad") may be a
# person's surname after an unknown given name: ranked this high in two countries or more.
COUNTRY_GIVEN_RANK = 300


def _common_given(word: str) -> bool:
    found = nt.info(word)
    return (
        found is not None
        and 0 < found.given_rank <= COUNTRY_GIVEN_RANK
        and (found.given_countries >= 2)
    )


def country_branch(tokens: list[str]) -> bool:
    """The words end with a country's name after a first word that is no given name:
    "Zelvaro Portugal", "Quombix South Africa"; not "Ana Portugal", "Oyun Jordan"."""
    if len(tokens) < 2 or _given(tokens[0]):
        return False
    names = country_names()
    for size in (3, 2, 1):
        if len(tokens) > size and " ".join(tokens[-size:]).lower() in names:
            return size > 1 or not _common_given(tokens[-1])
    return False


def country_named(tokens: list[str]) -> bool:
    """The words are a country's name ("Sri Lanka", "Nepal" on an address's last line), or
    open with one before words that are no given name ("Nepal Hulak": a national firm). A
    country that is also a common given name stays a person's ("Jordan", "Georgia Reed")."""
    names = country_names()
    for size in (3, 2, 1):
        if len(tokens) < size or " ".join(tokens[:size]).lower() not in names:
            continue
        if size == 1 and _common_given(tokens[0]):
            return False
        return all(not _given(t) for t in tokens[size:])
    return False


# "700x32c", "28 x 1.5", "2×4", "225/45R17", "205/55 ZR16": a size right after a product's name.
SIZE_CODE_AFTER = regex.compile(
    r"^[ \t]\d{1,4}(?:[.,]\d{1,3})?(?:[ \t]?[x×][ \t]?\d{1,4}(?:[.,]\d{1,3})?)+\p{L}{0,2}"
    r"(?![\w\-/:]|\.\w)"
    r"|^[ \t]\d{3}/\d{2}[ \t]?Z?R[ \t]?\d{2}(?!\w)"
)

# The run opens a sentence, or follows the modal of a question ("Can X deliver …?").
_SUBJECT_BEFORE = regex.compile(
    r"(?:^|[.!?][ \t]+|\n)[ \t]*['\"‘“]?(?:(?i:can|could|will|would|does|did|may|might)[ \t]+)?$"
)
_DELIVERS_AFTER = regex.compile(
    r"(?i)^[ \t]+(?:(?:can|could|will|would|should|may|might|must|does|did|do|cannot|"
    r"can['’]t|won['’]t|doesn['’]t|didn['’]t)[ \t]+)?(?:not[ \t]+|also[ \t]+|now[ \t]+|only[ \t]+)?"
    r"deliver(?:s|ed|ing)?\b"
    # "X tried to deliver today", "X attempted delivery": a carrier's failed attempt
    r"|^[ \t]+(?:tried|tries|attempted|attempts|failed|fails)[ \t]+(?:to[ \t]+deliver\b|delivery\b)"
    # "X asks for a phone for delivery to …": what the run needs is for delivering
    r"|^[ \t]+(?:asks?|asked|needs?|needed|wants?|wanted|requires?|required|requests?|requested)"
    r"[ \t]+(?:[\w\-]+[ \t]+){0,4}?for[ \t]+(?:the[ \t]+|a[ \t]+)?deliver(?:y|ies)\b"
)


_PARCELS = r"(?i:parcels|packages|shipments|consignments|deliveries)"
_LATE = r"(?i:delayed|late|held|stuck|lost|behind)\b"
# A carrier's status about an item, right after the run.
_STATUS_AFTER = regex.compile(
    # "X: parcel CP0042 arrived at …": a carrier's status line about an item
    r"^:[ \t]+(?:your[ \t]+|the[ \t]+)?(?:parcel|package|shipment|consignment|item)[ \t]+"
    r"(?:[\p{Lu}\d][\p{Lu}\d\-]{4,}[ \t]+)?(?:arrived|delivered|dispatched|departed|left|"
    r"is[ \t]+(?:out|in|at|held|ready|on)|was[ \t]+delivered|has[ \t]+(?:arrived|been)|"
    r"out[ \t]+for|in[ \t]+transit|held|awaiting|ready)\b"
    # "X says it is out for delivery": the carrier's tracking, reported
    r"|^[ \t]+(?:says|said|reports|reported|shows|showed|lists|listed)[ \t]+(?:that[ \t]+)?"
    r"(?:it|(?:the|my|your|our)[ \t]+(?:parcel|package|shipment|order))['’ \t]+(?:s|is|was|has[ \t]+been)?"
    rf"[ \t]*(?:out[ \t]+for[ \t]+delivery|delivered|in[ \t]+transit|at[ \t]+the[ \t]+depot|{_LATE})\b"
    # "X says 35 parcels are delayed by 15 hours": a carrier reports on its parcels
    r"|^[ \t]+(?:says|said|reports|reported|warns|warned|confirms|confirmed)[ \t]+(?:that[ \t]+)?"
    r"(?:\d[\d,]*|all|some|many|several|most|the|your|our)[ \t]+(?:[\w\-]+[ \t]+)?"
    rf"{_PARCELS}[ \t]+(?:are|were|will[ \t]+be|have[ \t]+been)[ \t]+{_LATE}"
    # "Status: X - parcel at sorting hub": a status line, the carrier first
    r"|^[ \t]+[\-–—][ \t]+(?:your[ \t]+|the[ \t]+)?(?:parcel|package|shipment|consignment|item)"
    r"[ \t]+(?:arrived|delivered|dispatched|departed|at|in[ \t]+transit|held|awaiting|out[ \t]+for)\b"
)
# "35 parcels with X are running 15 hours late": the parcels a carrier holds, and their delay.
_HELD_BEFORE = regex.compile(rf"(?i)\b{_PARCELS}[ \t]+(?:with|via)[ \t]+$")
_LATE_AFTER = regex.compile(
    rf"(?i)^[ \t]+(?:are|is|were|was)[ \t]+(?:running[ \t]+(?:[\w\-]+[ \t]+){{0,3}}?late\b|{_LATE})"
)
# "X deliveries are running 12 hours late": a carrier's own deliveries and their delay, the run
# opening a sentence or the text after a colon ("Write a notice: X deliveries are …").
_OWN_PARCELS_LATE = regex.compile(
    rf"[ \t]+{_PARCELS}[ \t]+(?:are|is|were|was)[ \t]+(?:running[ \t]+(?:[\w\-]+[ \t]+){{0,3}}?late\b|{_LATE})"
)
_COLON_BEFORE = regex.compile(r":[ \t]+$")
_RUN_GOES_ON = regex.compile(r"(?:[ \t]+\p{Lu}[\p{L}\p{M}\-]*){1,2}(?=[ \t\-–—:])")
_STATUS_LABEL_BEFORE = regex.compile(r"(?i)\b(?:status|update|tracking)[ \t]*:[ \t]*$")


def delivers(text: str, start: int, end: int) -> bool:
    """The run is the subject of delivering (see the module docstring)."""
    words = text[start:end].split()
    if len(words) < 2 or _given(words[0]):
        return False
    return bool(
        _DELIVERS_AFTER.match(text[end : end + 80])
        and _SUBJECT_BEFORE.search(text[max(0, start - 24) : start])
    )


def carrier_status(text: str, start: int, end: int) -> bool:
    """The run opens a carrier's status line at a sentence start: "X: parcel CP0042 arrived
    at …", "X says it is out for delivery". Read after a rarer given name too ("Hansa",
    "Posta"), not after a common one: "Ana Quist says it is out for delivery" stays a person."""
    words = text[start:end].split()
    if not words or _common_given(words[0]):
        return False
    if len(words) < 2 and not ("-" in words[0] and not _given(words[0])):
        return False  # one word: a hyphenated one no given name ("Alem-Tat"; not "Jean-Luc")
    head = text[max(0, start - 24) : start]
    more = _RUN_GOES_ON.match(text, end)  # "Virak Buntham Express" for "Virak Buntham"
    end = more.end() if more else end
    if _HELD_BEFORE.search(text[max(0, start - 40) : start]) and _LATE_AFTER.match(
        text[end : end + 60]
    ):
        return True
    if _OWN_PARCELS_LATE.match(text, end) and (
        _SUBJECT_BEFORE.search(head) or _COLON_BEFORE.search(head)
    ):
        return True
    return bool(_STATUS_AFTER.match(text[end : end + 80])) and bool(
        _SUBJECT_BEFORE.search(head) or _STATUS_LABEL_BEFORE.search(head)
    )


# A plan, tier or subscription the run names: "your Early Crow Saver subscription", "my Gold
# Loop pledge", or the object of a subscription's verbs: "pause Every Court Plus for two
# months". The capitalised words right before the span belong to the run.
_PLAN_NOUN_AFTER = regex.compile(
    r"(?i)^[ \t]+(?:subscription|membership|plan|pledge|tier|package|bundle|renewal|trial)s?\b"
)
_DETERMINER_BEFORE = regex.compile(
    r"(?i)(?:^|[^\p{L}'’])(?:my|your|our|their|his|her|the|a|an|this|that)[ \t]+$"
)
_PLAN_VERB_BEFORE = regex.compile(
    r"(?i)(?:^|[^\p{L}])(?:pause|freeze|unfreeze|resume|renew|cancel|(?:upgrade|downgrade|switch|"
    r"subscribe)[ \t]+to|unsubscribe[ \t]+from)[ \t]+$"
)
_PLAN_VERB_AFTER = regex.compile(r"(?i)^[ \t]+(?:for|from|until|starting|on|at|now|today)\b")
_CAPITALS_BEFORE = regex.compile(r"(?:(?<![\p{L}'’])\p{Lu}[\p{L}\p{M}\-]*[ \t]+)+$")


def capitals_start(text: str, start: int) -> int:
    """Where the run of capitalised words that ends with the span's first word starts."""
    before = _CAPITALS_BEFORE.search(text, max(0, start - 60), start)
    return before.start() if before else start


def plan_run(text: str, start: int, end: int) -> bool:
    """The run names a plan or a subscription (see above): two capitalised words or more, the
    first no given name of the table ("your Ana Quist subscription" is not read)."""
    run_start = capitals_start(text, start)
    words = text[run_start:end].split()
    if len(words) < 2 or _given(words[0]):
        return False
    head = text[max(0, run_start - 32) : run_start]
    if _PLAN_NOUN_AFTER.match(text[end : end + 24]):
        return bool(_DETERMINER_BEFORE.search(head))
    return bool(_PLAN_VERB_BEFORE.search(head) and _PLAN_VERB_AFTER.match(text[end : end + 16]))


# "this Full Season Chorister roster", "the Gold Circle Lounge pass": a capitalised run between
# a determiner and a noun names what the noun belongs to, a plan, a tier or an event.
_NOUN_AFTER = regex.compile(r"[ \t]+(\p{Ll}{3,})(?![\p{L}'’\-])")
_NOT_A_NOUN = frozenset(
    {
        "and", "but", "for", "nor", "the", "who", "whom", "whose", "which", "that", "what", "when",
        "where", "why", "how", "was", "were", "has", "had", "have", "will", "would", "can", "could",
        "may", "might", "must", "shall", "should", "did", "does", "said", "says", "told", "asked",
        "from", "with", "into", "onto", "about", "than", "then", "also", "just", "only", "too",
        "very",
    }
)  # fmt: skip


def modifier_run(text: str, start: int, end: int) -> bool:
    """The run (two capitalised words or more, the first no given name, one an everyday word)
    stands between a determiner and a lower-case noun: "this Full Season Chorister roster";
    not "the Garcia Lopez family" (no everyday word) nor "the Ana Quist booking"."""
    run_start = capitals_start(text, start)
    words = text[run_start:end].split()
    if len(words) < 2 or _given(words[0]) or not any(kind(w) == "C" for w in words):
        return False
    if not _DETERMINER_BEFORE.search(text[max(0, run_start - 16) : run_start]):
        return False
    noun = _NOUN_AFTER.match(text, end)
    return (
        noun is not None
        and noun.group(1) not in _NOT_A_NOUN
        and not noun.group(1).endswith(("ed", "ly"))
    )


# "Mrs. Baird's", "Dr. Oetker's" with no noun after the possessive: a brand named after its
# founder ("the answer is Mrs. Baird's.", "Why Mrs. Baird's still matters"). Somebody's home
# ("dinner at Mrs. Smith's") takes a preposition; "Mrs. Smith's car" owns a noun.
_HONORIFIC = r"(?:Mrs|Mr|Ms|Dr|Miss|Uncle|Aunt|Auntie|Aunty|Grandma|Grandpa|Papa|Mama)\.?[ \t]+$"
_HONORIFIC_BEFORE = regex.compile(rf"(?:^|[^\p{{L}}]){_HONORIFIC}")
_HOME_BEFORE = regex.compile(
    rf"(?i:\b(?:at|to|from|round|over|by|near|past|in|into|outside|inside|towards?))[ \t]+{_HONORIFIC}"
)
_ELLIPTICAL_POSSESSIVE = regex.compile(
    r"['’]s(?:[ \t]*(?:[.,;:!?)\]\"”|]|\n|\\n|$)|[ \t]+(?:is|was|are|were|has|have|had|still)\b)"
)


def brand_possessive(text: str, start: int, end: int) -> bool:
    """The span is the surname of a brand written as an honorific's possessive with nothing
    owned after it (see above)."""
    if not _ELLIPTICAL_POSSESSIVE.match(text, end):
        return False
    head = text[max(0, start - 30) : start]
    return bool(_HONORIFIC_BEFORE.search(head)) and not _HOME_BEFORE.search(head)
