"""Where a capitalised span is a title or a field's value, not a person, by its place.

A song called "Valerie", the novel *Rebecca*, "Roxanne by The Police", a carrier written
after "Carrier:": the words could be a name, but the way the text sets them says they name a
work or a firm. These signals read only the span's surroundings, never a list of works, so
they hold for titles nobody listed (issue 13). They refuse only what the model or the name
table found (:data:`curation.pii.public.MODEL_SOURCES`); a name found after a cue, in a
sign-off or in a key keeps its evidence.

- **Quoted or italicised as a whole**: the span is exactly the text between quotes, ``*…*``
  or ``_…_``, within a sentence: not the value of a JSON key or a CSV field (a quote at the
  start of a line or after ``:``, ``,``, ``[``), not after a word that introduces a person
  ("signed", "named", "called", "Dear", "Hi") or a verb of dealing ("asked", "emailed"), and
  not in a text with private cues (:func:`curation.pii.public.private_text`).
- **After a work noun**: "the song Valerie", "Adele's album …", "the 1938 novel Rebecca",
  "the character Atticus Finch", a thing named like a person ("the brand …", "the ship …",
  "the storm …") or a public role in apposition ("the athlete …", "the composer …")
  (``data/vocab/work_nouns.txt``), with a determiner or a possessive before the noun (so
  "book Ana a seat" is no work), unless a verb follows the span ("the book Ana lent me").
- **A work and its maker**: the span is followed by "by" and a capitalised word that is no
  weekday or month ("Emma by Jane Austen"; not "tell Ana by Friday").
- **A thing, not a person**: a determiner right before the span ("the Cricut Joy Xtra", "a
  Joy Max"): a person's name takes no article — unless "a/an" + two words are the subject of
  a verb ("A Maria Lopez called").
- **The means of sending**: "ship it with X", "now goes via X", "sent by X"
  (``data/vocab/shipping_verbs.txt``): a carrier.
- **A work under review**: the span ends a heading "Review for/of …" and a colon or the
  line's end follows ("Review for Project Hail Mary: …").
- **A field that holds no person**: the span is the value after a label such as
  ``Carrier:``, ``Courier:``, ``Brand:``, ``Song:`` (:data:`NON_PERSON_LABELS`).

Which sets these were tuned on: bench/pii_eval/README.md, "Tuning log".
"""

from __future__ import annotations

from typing import Any

import regex

from curation.pii.firm_signals import capitals_start, carrier_status, delivers, plan_run
from curation.pii.vocab import ORG_TAIL_WORDS, load, longest_first

WORK_NOUNS: tuple[str, ...] = load("work_nouns")
NON_PERSON_LABELS: tuple[str, ...] = load("non_person_labels")
SHIPPING_VERBS: tuple[str, ...] = load("shipping_verbs")


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=longest_first))


_OPEN_CLOSE = {'"': '"', "“": "”", "'": "'", "‘": "’", "*": "*", "_": "_", "«": "»"}
# A word before the opening quote that introduces a person or a field, not a title.
_PERSON_BEFORE_QUOTE = regex.compile(
    r"(?i)\b(?:sign(?:ed)?(?:[ \t]+(?:it|off|as))?|signature|named|called|known[ \t]+as|goes[ \t]+by|"
    r"nickname|alias|name[ \t]+is|name['’]s|dear|hi|hello|hey|attn|cc|from|to|user|username|"
    r"customer|contact|recipient"
    # a verb of dealing with someone: 'I asked "Tom Reed" to fix the sink'
    r"|asked|told|emailed|e-mailed|texted|messaged|phoned|rang|called|paid|hired|invited|met|"
    r"thanked|reminded|contacted|pinged|visited|booked|ask|tell|email|text|message|phone|call|"
    r"pay|hire|invite|meet|thank|remind|contact|ping|visit)[ \t]*[:,]?[ \t]*$"
)
_WORK_BEFORE = regex.compile(
    rf"(?i)(?:\b(?:the|a|an|this|that|these|his|her|their|its|my|your|our|whose)[ \t]+"
    rf"(?:[\p{{L}}\d'’\-]+[ \t]+){{0,2}}|\p{{L}}['’]s?[ \t]+(?:[\p{{L}}\-]+[ \t]+)?)"
    rf"(?:{_alternatives(WORK_NOUNS)})s?"
    rf"(?:[ \t]+(?:called|titled|entitled|named))?[ \t]*[,:]?[ \t]*[\"“'‘*_«]?$"
)
CALENDAR = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|Mon|Tue|Wed|Thu|Fri|"
    r"Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|EOD|COB|Noon|Midday)"
)
_BY_MAKER = regex.compile(
    rf"^[\"”'’*_»]?[ \t]+by[ \t]+(?!{CALENDAR}\b)(?:The[ \t]+)?\p{{Lu}}\p{{Ll}}[\p{{L}}'’\-]*"
)
_RECIPIENT_BEFORE = regex.compile(
    r"(?i)\b(?:to|for|with|from|at|cc|ask|tell|call|email|ping|thank|thanks|pay|paid|send|sent)"
    r"[ \t]+$"
)
# The label may open a field of a one-line form parted by " | " and carry one qualifying word
# ("| Preferred courier: X", "Default carrier: X"), unless that word names a person
# ("Customer service: Ana" is someone at the service).
_QUALIFIER = (
    rf"(?:(?!(?:{_alternatives(load('person_nouns') + load('person_roles'))})\b)\p{{L}}+[ \t]+)?"
)
_LABEL_BEFORE = regex.compile(
    rf"(?i)(?:^|[\n\t{{,;(|]|\\n|[ \t]-[ \t])[ \t]*[\"']?{_QUALIFIER}"
    rf"(?:{_alternatives(NON_PERSON_LABELS)})[\"']?[ \t]*[:=][ \t]*[\"']?$"
)
# "ship it with X", "now goes via X", "sent by X to Ana": the means of sending.
# "goes to the PO box with X": a parcel goes to a delivery point with its carrier.
_TO_DELIVERY_POINT = (
    r"to[ \t]+(?:the|my|your|our)[ \t]+(?:PO[ \t]+box|P\.O\.[ \t]+box|box|address|locker|"
    r"parcel[ \t]+locker|pickup[ \t]+point|pick-up[ \t]+point|post[ \t]+office|depot)"
)
# What is sent, named with its order: "ship the Anova Precision Oven (order ORD-58493) with X".
_OBJECT = r"the[ \t]+[^\n.;:!?()\"]{1,50}?[ \t]*\((?:order|ref|item)[^()\n]{0,30}\)"
_SENT_WITH = regex.compile(
    rf"(?i)(?:\b(?:{_alternatives(SHIPPING_VERBS)})(?:[ \t]+(?:it|them|this|these|that|those|"
    rf"the[ \t]+\w+|back|out|off|over|now|again|instead|today|{_TO_DELIVERY_POINT}|{_OBJECT}))*"
    rf"|\b(?:goes|go|going|went|travels)[ \t]+(?:\w+[ \t]+)?{_TO_DELIVERY_POINT}"
    # "the order now goes with X", "#8286734 will go with X"; not "I'll go with Ana"
    r"|(?<!\b(?:i|we|you|they|he|she|i['’]ll|we['’]ll|you['’]ll)[ \t]+)(?<!\b(?:i|we|you|they|he|she)[ \t]+will[ \t]+)"
    r"\b(?:goes|will[ \t]+go|now[ \t]+goes))"
    r"[ \t]+(?:with|via|by|through)[ \t]+$"
)
# "the Cricut Joy Xtra", "a Brevlo Max": a determiner before a capitalised run names a thing.
_DETERMINER_BEFORE = regex.compile(
    r"(?i)(?:^|[^\p{L}'’])(?:the|a|an|these|those|each|every|another)[ \t]+$"
)
_VERB_TAGS = ("VBD", "VBP", "VBZ", "VB", "MD")
_LINKING = frozenset({"is", "was", "are", "were", "has", "had", "'s", "’s"})


def quoted(text: str, start: int, end: int) -> bool:
    """The span is all that stands between a pair of quotes or italics, inside a sentence."""
    if start == 0 or end >= len(text):
        return False
    opener = text[start - 1]
    closer = _OPEN_CLOSE.get(opener)
    if closer is None or text[end] != closer:
        return False
    before = text[: start - 1]
    line = before[before.rfind("\n") + 1 :]
    if not line.strip() or line.rstrip()[-1] in ":,[{=(":
        return False  # a JSON value, a CSV field, a quoted line
    if line.endswith("\\n") or (opener in "'‘" and line and not line[-1].isspace()):
        return False
    after = text[end + 1 : end + 2]
    if after.isalnum():
        return False  # "'Ana'sfile" is no quotation
    return not _PERSON_BEFORE_QUOTE.search(line)


def after_work_noun(text: str, start: int, end: int, artifacts: Any = None) -> bool:
    """ "the song Valerie", "Adele's album 25", "the character Atticus Finch"."""
    if not _WORK_BEFORE.search(text[max(0, start - 60) : start]):
        return False
    following = regex.match(r"[ \t]+([\p{L}'’]+)", text[end : end + 30])
    if following is None or following.group(1).lower() in _LINKING:
        return True
    token = _token_after(artifacts, end)
    return token is None or token.tag_ not in _VERB_TAGS


def by_maker(text: str, start: int, end: int) -> bool:
    """ "Emma by Jane Austen", "'Roxanne' by The Police": a work and who made it; not a
    person something goes to ("send it to Marek by Parcelforce")."""
    if _RECIPIENT_BEFORE.search(text[max(0, start - 12) : start]):
        return False
    return bool(_BY_MAKER.match(text[end : end + 40]))


# "Review for Project Hail Mary: …", "Reviews of Great Expectations\n": a heading naming the
# work reviewed. A person reviewed is written otherwise ("a review of Ana's work").
_REVIEW_OF = regex.compile(
    r"(?i)\breviews?[ \t]+(?:for|of)[ \t]+(?-i:(?:\p{Lu}[\p{L}'’\-]*[ \t]+){0,3})$"
)
_HEADING_END = regex.compile(r"^[ \t]*(?::|\n|$)")


def reviewed_work(text: str, start: int, end: int) -> bool:
    """ "Review for Project Hail Mary: slow start": the title of the work under review."""
    return bool(
        _REVIEW_OF.search(text[max(0, start - 60) : start])
        and _HEADING_END.match(text[end : end + 4])
    )


def labelled_non_person(text: str, start: int) -> bool:
    """The span is the value of a field that holds no person: "Carrier: Evri"."""
    return bool(_LABEL_BEFORE.search(text[max(0, start - 40) : start]))


# A tracking number right after a name: a UPU S10 item ("UA218782705CZ") or two capitals and
# nine to twelve digits ("CK5545959424"), before the end, a space or punctuation.
_TRACKING_AFTER = regex.compile(
    r"[ \t]*[|:,–—-]?[ \t]*(?:\p{Lu}{2}\d{9}\p{Lu}{2}|\p{Lu}{2}\d{9,12}|1Z[0-9A-Z]{16})(?![\w])"
)


# "1x Ninja Foodi Max", "2 × Brompton C Line": a quantity of a thing.
_QUANTITY_BEFORE = regex.compile(r"(?<![\w.])\d{1,3}[ \t]?[x×][ \t]+$")
_OWNER_BEFORE = regex.compile(r"(?i)(?:^|[^\p{L}'’])(?:my|your|our)[ \t]+$")
# "Storm Arwen (the storm)", "Effi Briest (a novel)", "Gibbs sampling (the technique)": what
# the name is, said in brackets.
_KIND_IN_BRACKETS = regex.compile(
    rf"(?:[ \t]+\p{{Ll}}+)?[ \t]*\((?i:the|a|an)[ \t]+(?i:{_alternatives((*WORK_NOUNS, 'work', 'technique', 'product'))})"
    r"[ \t]*\)"
)


def kind_in_brackets(text: str, end: int) -> bool:
    return bool(_KIND_IN_BRACKETS.match(text, end))


# "- Nissan Micra: product", "Storm Isha – storm", "Kawasaki disease: scientific or medical
# term": an item the line itself says is a thing. Public roles ("Ada Lovelace: scientist")
# are left out: they are people, for the public-figure policy; but a record that files the
# item as "a public figure" says so itself (the policy of curation.pii.public keeps those).
_THING_KINDS = (
    "product", "title", "song", "album", "novel", "book", "film", "movie", "game", "series",
    "play", "poem", "painting", "brand", "band", "ship", "vessel", "storm", "hurricane",
    "cyclone", "typhoon", "place", "town", "city", "river", "lake", "mountain", "island",
    "team", "club", "medicine", "drug", "vaccine", "term", "company", "firm", "car",
    "character", "institution", "organisation", "organization", "museum", "library",
    "charity", "public figure", "historical figure",
)  # fmt: skip
# An honorific may open the item: "- Mr Quillby: a fictional character".
_ITEM_START = regex.compile(
    r"(?:^|\n)[ \t]*(?:[-*•]|\d{1,2}[.)])?[ \t]*"
    r"(?:(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sir|Dame|Lady|Lord)\.?[ \t]+)?$"
)
_KIND_AFTER = regex.compile(
    rf"[ \t]*[:–—][ \t]+(?:\p{{Ll}}+[ \t]+){{0,3}}(?i:{_alternatives(_THING_KINDS)})s?"
    r"[ \t]*\.?[ \t]*(?=\n|$)"
)


def kind_after_item(text: str, start: int, end: int) -> bool:
    """The span opens a line that ends by saying what kind of thing it is."""
    return bool(_KIND_AFTER.match(text, end)) and bool(
        _ITEM_START.search(text, max(0, start - 12), start)
    )


# Data that files a value under a kind of thing: a tuple "('Dear Prudence', 'song')" or a JSON
# list under the kind's key ("brand": ["Dr Pepper"]); the span is all or part of the quoted value.
_KINDS = _alternatives(_THING_KINDS)
_TUPLE_KIND_AFTER = regex.compile(
    rf"[^'\"\n]{{0,40}}?(?P<q>['\"])[ \t]*,[ \t]*(?P=q)(?:\p{{Ll}}+[ \t]+){{0,2}}(?i:{_KINDS})s?(?P=q)"
)
_OPEN_QUOTE_BEFORE = regex.compile(r"\([ \t]*['\"][^'\"\n]{0,40}$")
_KIND_LIST_BEFORE = regex.compile(
    rf"\"(?:\p{{Ll}}+[ \t]+){{0,2}}(?i:{_KINDS})s?\"[ \t]*:[ \t]*\[(?:\s*\"[^\"\n]*\"[ \t]*,)*"
    r"\s*\"[^\"\n]{0,40}$"
)


def kind_in_data(text: str, start: int, end: int) -> bool:
    """The span is a value the record's data files under a kind of thing (see above)."""
    if _OPEN_QUOTE_BEFORE.search(text, max(0, start - 48), start) and _TUPLE_KIND_AFTER.match(
        text, end
    ):
        return True
    return bool(_KIND_LIST_BEFORE.search(text, max(0, start - 400), start))


# A possessive and the capitalised words it owns: a brand named after its founder.
_POSSESSIVE_RUN = regex.compile(r"['’]s(?:[ \t]+\p{Lu}[\p{L}\p{M}'’\-]*){1,3}")


# "order ORD-61, item Huion Kamvas 16": the item of an order, named after the word.
_ITEM_BEFORE = regex.compile(r"(?:^|[\n,;(|])[ \t]*(?i:item|product)[ \t]+$")


def non_person_value(text: str, start: int, end: int) -> bool:
    """The span fills a field that holds no person ("carrier": "Ninja Van", "Carrier: Evri"),
    names the carrier of the tracking number after it ("Cargus CK5545959424"), or is said in
    brackets to be a work or a thing ("Storm Arwen (the storm)")."""
    if labelled_non_person(text, start) or kind_in_brackets(text, end):
        return True
    run_start = capitals_start(text, start)  # "Tier: Early Crow Saver" for "Crow Saver"
    if run_start < start and labelled_non_person(text, run_start):
        return True
    if carrier_status(text, start, end) or plan_run(text, start, end):
        return True  # "X: parcel … arrived", "your X subscription": what the record says it is
    run = _POSSESSIVE_RUN.match(text, end)
    item_end = run.end() if run else end  # "Rosa's Chocolatiers: brand" for "Rosa"
    if kind_after_item(text, start, item_end) or kind_in_data(text, start, item_end):
        return True
    before = text[max(0, start - 40) : start]
    return bool(
        _TRACKING_AFTER.match(text, end)
        or _QUANTITY_BEFORE.search(before)
        or _ITEM_BEFORE.search(before)
    )


# A model word and number closing a capitalised run: "Instax Mini 12.", "Vertuo Pop 2)"; not
# "owes Njeri Korir 75," (an amount) nor "Ana Quist 12 Elm Road" (a street line runs on).
_MODEL_CLOSES = regex.compile(
    r"[ \t]+\p{Lu}\p{Ll}+[ \t]+\d{1,5}(?=[ \t]*(?:[,.;:!?)\]\"]|\\n|\n|$))"
)
_VERB_LIKE_AFTER = regex.compile(r"[ \t]+\p{Ll}+(?:ed|es|s)\b")


def thing_value(text: str, start: int, end: int) -> bool:
    """A run of two words or more after an article or "my/your/our" is a thing: "the Ninja
    Foodi Max", "my Stanley Quencher" ("my sister Ana" has its noun between). Weaker than
    :func:`non_person_value`: it outweighs only the model ("the Ana Quist you mentioned" after
    "Hi Ana Quist" stays a person). Also a name the record introduces as a work, a thing or a
    public role ("the athlete Michael Jordan", "the ship Ever Given"): its other mentions, where
    the model finds it again ("connected with Michael Jordan?"), are the same thing."""
    if after_work_noun(text, start, end) and not _VERB_LIKE_AFTER.match(text, end):
        return True  # without tags a verb is told by its ending: "the book Ana recommended"
    if carrier(text, start):
        return True  # "goes to the PO box with X": X carries it wherever the record names it
    if delivers(text, start, end):
        return True  # "Zelto Pakket can deliver to lockers": a carrier
    if _MODEL_CLOSES.match(text, end):
        return True  # "Fujifilm Instax Mini 12", "Ooni Koda 16": a model number ends the run
    if firm_of(text, start):
        return True  # "Pošta na Severna Makedonija": the rest of a firm's name
    several = len(text[start:end].split()) > 1
    return several and (
        after_determiner(text, start, end)
        or bool(_OWNER_BEFORE.search(text[max(0, start - 8) : start]))
        or ordered_item(text, start, end)
    )


# A firm's word and "of" in some language before the span: "Pošta na Severna Makedonija"
# (MK), "Posta e Shqipërisë" (AL), "Bank of …", "Transportes de …".
_FIRM_OF_BEFORE = regex.compile(
    r"(?:^|(?<=[^\p{L}]))(?P<word>\p{Lu}[\p{L}\p{M}]+)[ \t]+"
    r"(?:of|na|e|de|di|do|da|del|della|des|du|van|von|der)[ \t]+$"
)


def firm_of(text: str, start: int) -> bool:
    """The span completes a firm's name: a firm's word (``org_tail_words``: "Post", "Pošta",
    "Cargo", "Airlines") and "of" in some language stand right before it."""
    m = _FIRM_OF_BEFORE.search(text[max(0, start - 40) : start])
    return m is not None and m.group("word").lower() in ORG_TAIL_WORDS


# "order SO-983571 (Ninja Foodi Max)": what an order holds, in brackets after its number.
_ORDER_BRACKET_BEFORE = regex.compile(
    r"(?i)\border[ \t]+(?:no\.?[ \t]*|number[ \t]+|#[ \t]*)?[A-Z0-9][\w\-]*\d[\w\-]*[ \t]*\($"
)
_MODEL_NUMBER_TO_BRACKET = regex.compile(r"[ \t]+[\p{L}\d.+\-]*\d[\p{L}\d.+\-]*[ \t]*\)")


def ordered_item(text: str, start: int, end: int) -> bool:
    """A run in brackets right after an order number whose first word is an everyday word and
    no given name ("(Ninja Foodi Max)"), or that a model number closes ("(Stanley Quencher
    H2.0)"), is the ordered product; "order 12345 (Ana Quist)" names a buyer."""
    if not _ORDER_BRACKET_BEFORE.search(text[max(0, start - 40) : start]):
        return False
    if _MODEL_NUMBER_TO_BRACKET.match(text, end):
        return True
    from curation.pii import name_table as nt
    from curation.pii.word_names import given_word

    first = text[start:end].split()[0]
    return nt.is_common(first) and not given_word(first)


def carrier(text: str, start: int) -> bool:
    """The span is how something is sent: "ship it with X", "now goes via X"."""
    return bool(_SENT_WITH.search(text[max(0, start - 110) : start]))


_INDEFINITE_BEFORE = regex.compile(r"(?i)(?:^|[^\p{L}'’])an?[ \t]+$")
# "A Maria Lopez called": a verb after "a/an + name" makes it someone unknown, not a thing.
_VERB_AFTER = regex.compile(
    r"(?i)^[ \t]+(?:called|rang|phoned|emailed|e-mailed|texted|wrote|came|stopped|dropped|asked|"
    r"left|said|says|wants|wanted|is|was|has|had|will|would)\b"
)


def after_determiner(text: str, start: int, end: int | None = None, artifacts: Any = None) -> bool:
    """ "the Cricut Joy Xtra", "a Joy Max": a person's name takes no article — but "a Maria
    Lopez called about my invoice" is someone the speaker does not know, when "a/an" and a
    name of two words or more are the subject of a verb."""
    before = text[max(0, start - 12) : start]
    if not _DETERMINER_BEFORE.search(before):
        return False
    if end is None or len(text[start:end].split()) < 2 or not _INDEFINITE_BEFORE.search(before):
        return True
    if _VERB_AFTER.match(text[end : end + 16]):
        return False
    token = _token_after(artifacts, end)
    return token is None or token.tag_ not in ("VBD", "VBZ", "MD")


def work_or_field(
    text: str, start: int, end: int, artifacts: Any = None, private: bool = False
) -> bool:
    """Any of the signals above: the span names a work or fills a field that is no person.
    In a ``private`` text (the public-figure policy's cues) quotes alone do not count: 'Our
    landlord said "Tom Reed" will come' — privacy over precision."""
    return (
        (not private and quoted(text, start, end))
        or after_determiner(text, start, end, artifacts)
        or carrier(text, start)
        or after_work_noun(text, start, end, artifacts)
        or by_maker(text, start, end)
        or reviewed_work(text, start, end)
        or labelled_non_person(text, start)
        or kind_in_brackets(text, end)
    )


def _token_after(artifacts: Any, end: int) -> Any:
    doc = getattr(artifacts, "tokens", None)
    if doc is None:
        return None
    text = doc.text
    pos = end
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if pos >= len(text):
        return None
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
