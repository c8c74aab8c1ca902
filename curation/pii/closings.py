"""Words and cues that stand around a name, shared by the signal readers (``person_signals``,
``word_names``, ``conversation_names``, ``chat_slots``, ``strong_positions``, ``public``,
``precision``, ``message_slots``): the closings of a letter or message, the writer naming
themself, the identifiers that may follow a name and the verbs of an agent's "by". Composed
patterns live here so that one list is changed in one place."""

from __future__ import annotations

import regex

# "Kind regards", "Best wishes": the word before a closing.
CLOSING_OPENERS = r"(?:kind |best |warm |many |with )?"
CLOSINGS = (
    r"regards|cheers|best|sincerely|yours(?: sincerely| truly| faithfully)?|cordially|"
    r"take care|talk soon"
)
THANKS = r"thanks|thank you"
# Closings of other languages and a phone's footer: the sign-off of a chat message.
_OTHER_CLOSINGS = (
    r"saludos|grüße|gruß|cordialement|cumprimentos|saluti|groeten|salam|trân trọng|"
    r"sent from my [\w ]{1,20}"
)
# Everything that may close a message right above the writer's name.
SIGN_OFFS = (
    rf"{CLOSING_OPENERS}(?:{THANKS}|{CLOSINGS}|warmly|all the best|best wishes|{_OTHER_CLOSINGS})"
)
# What opens an identifier right after a name: "Ana Quist, ana@…", "Ana Quist (SSN …".
ID_SEPARATOR = r"^[ \t]*(?:,|\(|<|/|–|—|-)[ \t]*"
ID_WORDS = (
    r"ssn\b|iban\b|tel\b|phone\b|mobile\b|email\b|e-mail\b|account\b|acct\b|card\b|dob\b|"
    r"born\b|id\b|passport\b"
)
# "approved by H. Silver", "signed by Stone, R.": the verb before an agent's "by".
AGENT_VERBS = (
    r"approved|signed|countersigned|authori[sz]ed|checked|reviewed|issued|submitted|requested|"
    r"raised|logged"
)
# "<ana@example.org>": an address in angle brackets, as a mail header writes it.
BRACKETED_EMAIL = r"<[^<>@\s]+@[^<>@\s]+>"

# A line holding only a letter's closing ("Yours faithfully,", "Kind regards"): a letter.
LETTER_CLOSING_LINE = regex.compile(
    rf"(?im)^[ \t]*{CLOSING_OPENERS}(?:{CLOSINGS})[ \t]*[,.!]?[ \t]*$"
)
# Text ending in a sign-off line, a line break after it allowed ("Thanks,\n", "Grüße"):
# searched in what stands before a name.
SIGN_OFF_BEFORE = regex.compile(rf"(?i)(?:^|\n)[ \t]*{SIGN_OFFS}[ \t]*[,.!]?[ \t]*\n?[ \t]*$")
# A line ending in a sign-off ("Many thanks!", "All the best,"): searched in one line.
SIGN_OFF_LINE_END = regex.compile(rf"(?i){SIGN_OFFS}[ \t]*[,.!]?[ \t]*$")

_INTRO_WORDS = r"i['’]m|i[ \t]+am|my[ \t]+name[ \t]+is|my[ \t]+name['’]s|call[ \t]+me"
# "I'm ", "my name is ", "call me, ": the writer's own name follows.
INTRO_BEFORE = regex.compile(rf"(?i)\b(?:{_INTRO_WORDS})[ \t]*,?[ \t]+$")
# The same, and the looser "im " and "this is " where the words after must be a name anyway.
INTRO_OR_THIS_BEFORE = regex.compile(rf"(?i)\b(?:{_INTRO_WORDS}|im|this[ \t]+is)[ \t]*,?[ \t]+$")
# "this is", "it's", "it is": the writer naming themself on the phone or in a note.
THIS_IS = r"(?i:this[ \t]+is|it['’]s|it[ \t]+is)"
# What a person alone owns, after a possessive: "Nekesa Mugo's admin account", "Kwizera's
# login".
OWNED_NOUNS = (
    r"account|login|password|credentials|inbox|mailbox|laptop|payslip|salary|timesheet|badge|"
    r"profile|passport|prescription|medical records|bank details|phone number|home address"
)
# The last word of a role or job title only a person holds: "adjuster", "Director",
# "optician", "Foreman", "lead" (not "my running shoes", "our main tool").
PERSON_NOUN = regex.compile(
    r"(?i)(?:[^s]er|or|ist|ian|ant|ent|ee|ess|man|woman|ate|ive|lead|head|chef|clerk|nurse|"
    r"coach|rep|aide|officer|partner|principal|chair|secretary|treasurer)$"
)
