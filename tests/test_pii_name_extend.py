"""A found name's given name right before another mention of it (curation.pii.name_extend),
with words that must stay. Names made up for the test."""

from __future__ import annotations

from curation.pii.name_extend import SUFFIX, extend_given
from curation.pii.segments import Segment
from curation.pii.spans import Span


def added(text: str, value: str, at: int | None = None) -> list[str]:
    start = text.index(value) if at is None else at
    span = Span(start, start + len(value), "PERSON", value, 0.8, "propagation")
    seg = Segment(("messages", 0, "content"), text)
    rows = extend_given([seg], [[span]])
    return [s.text for s in rows[0] if s.source.endswith(SUFFIX)]


def test_everyday_word_before_a_found_surname_mid_sentence() -> None:
    assert added("Warm regards, the People team (for Meadow Rutlow)", "Rutlow") == ["Meadow Rutlow"]
    assert added("The note came from Cash Geravan yesterday.", "Geravan") == ["Cash Geravan"]


def test_name_filling_its_line() -> None:
    text = "Deliver to:\nHye-ok Heo\nRoom 508, 39 Toegye-ro"
    assert added(text, "Heo") == ["Hye-ok Heo"]


def test_words_that_stay() -> None:
    assert added("Ask Rutlow about it.", "Rutlow") == []  # a sentence's first word
    assert added("Thanks. Please Rutlow, call me.", "Rutlow") == []
    assert added("Write to Ms Rutlow today.", "Rutlow") == []  # a title
    assert added("We met at Acme Ltd Rutlow.", "Rutlow") == []  # a firm's last word
    assert added("Then the van Rutlow left.", "Rutlow") == []  # lower case
    assert added("Send it to Ana Rutlow.", "Ana Rutlow") == []  # a full name already
    assert added("Shopping List\nRutlow\n", "Rutlow") == []  # "List" a common word, own line
