"""The public-figure policy: names in a record that speaks of no private person are kept.

Personal data is about private persons. A record that describes published works or public
lives ("Beloved is a novel by …", "Hermione Granger is one of the three friends …") and has
no private context names public figures and fictional characters, and redacting them
destroys the training example. So, with ``PiiConfig.keep_public_figures`` (the default), a
PERSON found only by the model or the name table (:data:`MODEL_SOURCES`) is kept when its
record has

- no strong private context: no other identifier (e-mail, phone, card, address…), no name
  found after a cue, in a sign-off, a key, in lower case or in an e-mail address, no
  "my"/"our" (but for the speaker's own essay or book club with no person after it) — and
- either no weak private context at all (no word of private dealings from
  ``data/vocab/private_cues.txt``: "we", "customer", "order", "invoice", "colleague", "hi",
  …, no "I'm"/"I am" other than "I'm writing …", no "me" other than "tell/give/show me",
  no line holding only a letter's closing
  such as "Yours faithfully,", no weekday, "tomorrow", "tonight", "next week", "the 12th" or clock time — plans
  are private, public facts carry years —, and no roster: two or more lines holding only
  a found name), or a public cue
  (``data/vocab/public_cues.txt``, or a year from 1000 to 2029).

So "Frodo Baggins carries the Ring to Mount Doom." keeps its name with no cue word at all,
"Book the meeting room for Thursday for Ama Osei. We'll need the projector." does not, and
"My aunt … wrote a novel" does not either. Set ``keep_public_figures`` off to redact every
name. Which sets these lists were tuned on: bench/pii_eval/README.md.

The policy as a whole (issue 13; README, "Name policy"), default "private persons only":

- a private person's name is redacted, whatever the setting;
- a public figure's or a fictional character's name is kept in a record like the above, and
  redacted with ``keep_public_figures`` off (CLI ``curation pii settings set --public-figures
  redact``, the PII page's toggle);
- a brand, a firm, a carrier, a product, a plan or a title names no person and is kept under
  either setting, even when named like one ("Rosa's Chocolatiers: brand", a carrier that delivers). Those are
  told by signals, never by a list of them: :mod:`curation.pii.titles` (quotes, work nouns,
  fields and kinds the record gives, articles, means of sending),
  :mod:`curation.pii.firm_signals` (a country closing the run, a size code after it, the
  subject of delivering), the firm and model shapes of :mod:`curation.pii.precision` and an
  e-mail subject's topic (:func:`curation.pii.cue_context.mail_subject`).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from curation.pii.closings import LETTER_CLOSING_LINE
from curation.pii.name_kind import kind
from curation.pii.vocab import PARTICLES, load, longest_first

PUBLIC_CUES: tuple[str, ...] = load("public_cues")
PRIVATE_CUES: tuple[str, ...] = tuple(
    c for c in load("private_cues") if c.lower() not in ("hi", "hello", "hey")
)
OWN_TASKS: tuple[str, ...] = load("own_tasks")


def _words(terms: Sequence[str]) -> str:
    return "|".join(regex.escape(c).replace(r"\ ", r"\s+") for c in terms)


_PUBLIC = regex.compile(
    rf"(?i)\b(?:{_words(PUBLIC_CUES)})\b(?!['’])|\b(?:1\d{{3}}|20[0-2]\d)\b"  # "won", not "won't"
)
# "my aunt", "our tenant": strong. "my essay", "our book club": the speaker's own study or
# pastime (``data/vocab/own_tasks.txt``) says nothing of a private person, so it is no cue —
# unless a person stands right after it ("my dissertation supervisor Maria Gonzalez", "our
# book club host Jane Porter"): see :func:`_private_possessive`.
_POSSESSIVE = regex.compile(r"(?i)\b(?:my|our)\b")
_OWN_TASK_AFTER = regex.compile(rf"(?i)[ \t]+(?:[\p{{L}}\-]+[ \t]+)?(?:{_words(OWN_TASKS)})s?\b")
PERSON_NOUNS: frozenset[str] = frozenset(load("person_nouns"))
_CLAUSE_WORDS = regex.compile(r"[^\s.,;:!?()\[\]\n]+|[.,;:!?()\[\]\n]")


def _person_follows(text: str) -> bool:
    """A capitalised word or a noun of people among the next three words of the clause."""
    for i, m in enumerate(_CLAUSE_WORDS.finditer(text[:80])):
        word = m.group()
        if i >= 3 or not word[0].isalnum():
            return False
        low = word.lower()
        if (word[0].isupper() and word != "I") or low in PERSON_NOUNS or low[:-1] in PERSON_NOUNS:
            return True
    return False


_CAPITAL_AFTER = regex.compile(r"[ \t]+\p{Lu}\p{Ll}")


def _in_title(text: str, m: regex.Match[str]) -> bool:
    """A capitalised "My"/"Our" inside a sentence before a capitalised word opens a title."""
    return (
        m.group()[0].isupper()
        and not _SENTENCE_START.search(text[max(0, m.start() - 4) : m.start()])
        and bool(_CAPITAL_AFTER.match(text, m.end()))
    )


def _private_possessive(text: str) -> bool:
    """A "my"/"our" that is not the speaker's own study or pastime with nobody named after it."""
    for m in _POSSESSIVE.finditer(text):
        if _in_title(text, m):
            continue  # "Our Mutual Friend", "My Fair Lady": a title's first word
        task = _OWN_TASK_AFTER.match(text, m.end())
        if task is None or _person_follows(text[task.end() :]):
            return True
    return False


# "I'm Ana", "I am the tenant" disclose who speaks; "I'm writing a quiz" does not.
_WEAK_PRIVATE = regex.compile(
    rf"(?i)\b(?:{_words([c for c in PRIVATE_CUES if c != 'ship'])})\b(?!['’]\w)"
    r"|\bI(?:['’]m|\s+am)\b(?!\s+\w+ing\b)"
    # "ship it", "we ship"; not "the ship", "a sister ship": a vessel
    # "the famous ship": a determiner, then at most one word, before "ship"
    r"|(?<!\b(?:the|a|an|this|that|his|her|its|their|which|whose|sister|war|tall|cargo|sailing|"
    r"steam|passenger|space|flag|[\p{L}]+['’]s)[ \t]+(?:[\p{L}\-]+[ \t]+)?)"
    r"(?<![\"'])\bship\b(?![ \t]*['’]s\b|[\"'])"
)
# "asked me", "sent me" tell of dealings with someone; "tell me", "recommend me", "…for me?"
# at the end of a request ask the assistant.
_ME = regex.compile(r"(?i)\bme\b")
_SENTENCE_START = regex.compile(r"(?:^|[.!?:]|\n)[ \t\"'“‘]*$")
_ME_REQUEST_BEFORE = regex.compile(
    r"(?i)\b(?:give|tell|show|let|help|teach|remind|recommend|suggest|explain|write|find|"
    r"describe|summari[sz]e|list|name|quiz|draw|make|compose|translate|answer)[ \t]+$"
)
_FOR_ME_END = regex.compile(r"(?i)^[ \t]*(?:please)?[ \t]*[.?!]")
_REQUEST = regex.compile(
    r"(?i)\b(?:can|could|would|will)[ \t]+you\b|\bplease\b|(?:^|[.!?][ \t]+|\n)[ \t]*(?:explain|"
    r"describe|summari[sz]e|compare|list|write|recommend|suggest|tell|give|show|name|translate|"
    r"analy[sz]e|discuss|outline|create|generate|rank|rate|contrast)\b"
)
# "Hi! Can you tell me who …", "Hi all, …": a greeting to the assistant or to a group, not
# to a person.
_GREETING = regex.compile(r"(?i)\b(?:hi|hello|hey)\b")
_GREETING_TO_ASSISTANT = regex.compile(
    r"(?i)^(?:[ \t]+(?:all|everyone|everybody|folks)\b"  # a group: nobody in particular
    r"|(?:[ \t]+there)?[ \t]*[!.,]+[ \t\n]*(?:can|could|would|will|please|what|who|how|why|"
    r"when|where|which|is|are|do|does|quick|i)\b)"
)


def _private_me(text: str) -> bool:
    """A "me" that tells of dealings with someone (see :data:`_ME_REQUEST_BEFORE`)."""
    for m in _ME.finditer(text):
        if m.group() == "Me" and not _SENTENCE_START.search(
            text[max(0, m.start() - 4) : m.start()]
        ):
            continue  # a title: "Me and Bobby McGee", "Call Me Maybe"
        if _ME_REQUEST_BEFORE.search(text[max(0, m.start() - 16) : m.start()]):
            continue
        before = text[max(0, m.start() - 5) : m.start()].lower()
        if before.rstrip().endswith("for") and _FOR_ME_END.match(text[m.end() :]):
            sentence = regex.split(r"[.!?\n]", text[max(0, m.start() - 160) : m.start()])[-1]
            if _REQUEST.search(sentence) or _REQUEST.search(text[: m.start()].rsplit("\n", 1)[-1]):
                continue
        return True
    return False


def _private_greeting(text: str) -> bool:
    """A greeting that is not the opening of a question to the assistant."""
    return any(
        not _GREETING_TO_ASSISTANT.match(text[m.end() :])
        and text[m.start() - 1 : m.start()] not in _OPEN_QUOTES
        for m in _GREETING.finditer(text)
    )


# A greeting that opens a quotation is a title ("Hey Jude", "Hello, Dolly!") or a quoted line;
# a quoted line greeting someone still carries its name cue (``name:cue``).
_OPEN_QUOTES = frozenset({'"', "“", "‘"})


# Scheduling is private dealing: public facts carry years, plans carry weekdays and times.
# "tonight", "this week", "next week" are weak ("a film on tonight"), yet "I met Sarah Jenkins
# tonight" is private: like every weak cue they yield to a public cue.
_SCHEDULE = regex.compile(
    r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|yesterday|"
    r"tonight|this (?:morning|afternoon|evening|week)|next (?:week|month))\b|"
    r"\bthe \d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}(?::\d\d)?[ \t]?(?:am|pm)\b"
)
# "Wednesday Addams", "Friday Kahlo": a weekday that opens a name (a capitalised word after it
# that is no month) is no plan — unless a preposition dates it ("on Friday Ana called").
_WEEKDAY_IN_NAME = regex.compile(
    r"(?<!\b(?i:on|this|next|last|every|by|until|till|from|since|before|after)[ \t]+)"
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[ \t]+"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b)\p{Lu}\p{Ll}"
)


def _scheduled(text: str) -> bool:
    return any(
        not (m.group()[0].isupper() and _WEEKDAY_IN_NAME.match(text, m.start()))
        for m in _SCHEDULE.finditer(text)
    )


# Two or more lines that hold only a name (a roster: "- Ama Osei\n- Hidde Terpstra").
_ROSTER_LINE = regex.compile(
    r"(?m)^[ \t]*(?:[-*•]|\d+[.)])?[ \t]*\p{Lu}[\p{L}'’\-]+(?:[ \t]+[\p{L}'’\-.]+){1,3}[ \t]*$"
)
# A reference of a firm's records ("QT-66873", "EXP-794863"): letters, a hyphen and five or
# more digits. Standards and advisories are written the same way and are public.
_REFERENCE = regex.compile(
    r"(?<![\w\-])(?!(?:ISO|IEC|EN|RFC|DIN|CVE|ECMA|ANSI|IEEE)-)\p{Lu}{2,4}-\d{5,}(?![\w\-])"
)
# A request to do something to a person in someone's records: "Please move Ana Quist from
# table 6", "add Ana Quist to the rota". The verbs move people around, not facts about them.
_ACTED_ON_BEFORE = regex.compile(
    r"(?i)\b(?:move|put|seat|re-?seat|add|remove|enrol|enroll|register|assign|reassign|transfer|"
    r"invite|uninvite|refund|charge|notify|swap|unassign)[ \t]+$"
)


def _private_dealing(text: str, names: Sequence[str]) -> bool:
    """A reference of a firm's records, or a found name that a request moves around."""
    if _REFERENCE.search(text):
        return True
    for name in {n for n in names if n}:
        at = text.find(name)
        while at >= 0:
            if _ACTED_ON_BEFORE.search(text[max(0, at - 16) : at]):
                return True
            at = text.find(name, at + 1)
    return False


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
    "name:key-generic",
    "name:word-pair-weak",
    "name:list",
    "name:particle",
)


def is_model_only(source: str) -> bool:
    return source in MODEL_SOURCES


# "Give me three examples of a product", "name five famous painters": a list made to order
# holds examples, not the people of someone's records.
_EXAMPLES = regex.compile(
    r"(?i)\bexamples?\b|\b(?:name|list|give(?:[ \t]+me)?|suggest)[ \t]+(?:\d+|two|three|four|"
    r"five|six|seven|eight|nine|ten|some|a few)\b"
)


def _roster(text: str, names: Sequence[str]) -> bool:
    if _EXAMPLES.search(text):
        return False
    wanted = {n.strip() for n in names}
    lines = [m.group().strip(" \t-*•").strip() for m in _ROSTER_LINE.finditer(text)]
    if any(_THING_LINE.search(line) for line in lines if line not in wanted):
        return False  # "Apgar score" among them: a list of things to sort, not of people
    return sum(1 for line in lines if line in wanted) >= 2


# A list line with a lower-case word that is no particle ("Apgar score"; not "Ana de Vries").
_THING_LINE = regex.compile(rf"[ \t](?!(?:{_words(sorted(PARTICLES))})\b)\p{{Ll}}")


# Two or more capitalised words in a row, not at a sentence's start: a title or a name of a
# thing ("Staff Accountant", "Principal Product Manager", "the Customer Service Week").
_TITLE_RUN = regex.compile(
    r"(?<![.!?:\n][ \t]{0,3}|^[ \t]*|\p{L})\p{Lu}[\p{Ll}\-]+(?:[ \t]+\p{Lu}[\p{Ll}\-]+)+"
)


def _unless_named(m: regex.Match[str]) -> str:
    """A cue word inside a run of title-cased words that holds no given name is part of a
    title ("Staff Accountant"), not private dealing; "Aunt Jemima", "Customer Ana Ruiz" keep
    theirs."""
    if _OWNS_TITLED.match(m.string, m.end()):
        return "Xx"  # "Uncle John's Band", "Aunt Annie's Pretzels": the possessive names a work
    if any(kind(w) == "G" for w in m.group().split()):
        return m.group()
    return "Xx"


_OWNS_TITLED = regex.compile(r"['’]s[ \t]+\p{Lu}\p{Ll}")


# "Translate into German: "Today in class we talked about …"": the quoted sentence is text to
# work on, so its pronouns are nobody's dealings. Possessives, plans and greetings in it still
# count (they are read from the whole text).
_QUOTED_TO_WORK_ON = regex.compile(
    r"(?i)\b(?:translate|paraphrase|rephrase|reword|rewrite|proofread|correct|punctuate)\b"
    r"[^\n\"“]{0,80}[\"“]([^\"”\n]{1,300})[\"”]"
)


def _blank_quote(m: regex.Match[str]) -> str:
    start, end = m.span(1)
    return m.string[m.start() : start] + "Xx" + m.string[end : m.end()]


def private_text(text: str) -> bool:
    """Whether ``text`` alone shows private context by the policy's cues (no findings read)."""
    return not public_record([text], ())


def public_record(
    texts: Sequence[str], sources: Sequence[tuple[str, str]], names: Sequence[str] = ()
) -> bool:
    """Whether a record speaks of no private person (see the module docstring). ``sources``
    are the (entity, source) of its confident findings, ``names`` their PERSON texts."""
    for entity, source in sources:
        if entity != "PERSON" or not is_model_only(source):
            return False
    joined = "\n".join(texts)
    if _private_possessive(joined):
        return False
    # A cue word inside a found name is part of it: "Uncle Ben's" is a brand, not an uncle
    # ("my Uncle Ben" keeps its "my" above).
    unnamed = _TITLE_RUN.sub(_unless_named, joined)
    for name in sorted({n for n in names if n}, key=longest_first):
        unnamed = unnamed.replace(name, "Xx")
    weak = (
        _WEAK_PRIVATE.search(_QUOTED_TO_WORK_ON.sub(_blank_quote, unnamed))
        or _private_me(joined)
        or _private_greeting(joined)
        or LETTER_CLOSING_LINE.search(joined)
        or _scheduled(joined)
        or _roster(joined, names)
        or _private_dealing(joined, names)
    )
    return not weak or bool(_PUBLIC.search(joined))
