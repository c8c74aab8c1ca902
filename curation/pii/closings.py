"""Words that stand around a name, shared by the signal readers (``person_signals``,
``word_names``, ``public``, ``strong_positions``): the closings of a letter or message, the
identifiers that may follow a name and the verbs of an agent's "by". Each reader composes its
own pattern from these pieces."""

from __future__ import annotations

# "Kind regards", "Best wishes": the word before a closing.
CLOSING_OPENERS = r"(?:kind |best |warm |many |with )?"
CLOSINGS = (
    r"regards|cheers|best|sincerely|yours(?: sincerely| truly| faithfully)?|cordially|"
    r"take care|talk soon"
)
THANKS = r"thanks|thank you"
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
