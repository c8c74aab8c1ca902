"""E-mail evidence for names, record-wide (curation.pii.email_names): the parts of an
address's local part, and where the record writes them as words. The in-text pair rule is
tested with the other round-6 categories (tests/test_pii_conversation_names.py). Every name
here is made up for the test."""

from __future__ import annotations

from curation.pii.email_names import RECORD_SOURCE, email_name_spans, email_name_tokens
from curation.pii.segments import Segment


def _never(_text: str, _start: int, _value: str) -> bool:
    return False


def test_local_part_tokens_are_its_name_parts() -> None:
    assert email_name_tokens("maria.gonzalez@example.org") == {"Maria", "Gonzalez"}
    assert email_name_tokens("kofi_mensah-84@example.org") == {"Kofi", "Mensah"}


def test_role_mailboxes_and_short_parts_give_nothing() -> None:
    assert email_name_tokens("info@example.org") == set()
    assert email_name_tokens("jo.li@example.org") == set()


def test_tokens_are_found_as_words_with_their_accents() -> None:
    segments = [
        Segment(("messages", 0, "content"), "Críspulo wrote: Crispulo@example.org"),
        Segment(("messages", 1, "content"), "Thanks Críspulo!", detect=False),
        Segment(("messages", 2, "content"), "Ask Crispulos or Crispulo."),
    ]
    found = email_name_spans(segments, {"Crispulo"}, _never)
    assert [[(s.text, s.source) for s in row] for row in found] == [
        [("Críspulo", RECORD_SOURCE)],  # not the address itself
        [],  # a string that is not detected
        [("Crispulo", RECORD_SOURCE)],  # a whole word only
    ]


def test_refused_occurrences_are_left() -> None:
    segments = [Segment(("content",), "`Crispulo` is the user; Crispulo called.")]
    found = email_name_spans(segments, {"Crispulo"}, lambda text, start, _v: text[start - 1] == "`")
    assert [s.start for s in found[0]] == [segments[0].text.index("Crispulo called")]
