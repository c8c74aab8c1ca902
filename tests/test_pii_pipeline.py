"""The detection pipeline's shortcuts give what the plain way gives: tags on use, batches."""

from __future__ import annotations

import pytest

from curation.pii.config import PiiConfig
from curation.pii.detect import Detector, get_detector
from curation.pii.engine import (
    LANGUAGE,
    NeedsTags,
    TaggedOnUse,
    nlp_engine,
    spacy_pipeline,
    tag_batch,
)
from curation.pii.segments import Segment

TEXTS = [
    "Hi Maria, thanks for the update. Ship it to 12 Baker Street, London.",
    "Deploy to Port 8443 then restart nginx; Jordan will check the logs.",
    "",
    "Warm regards,\nKwame Mensah\nHead of Operations",
    "ok",
]


def test_batched_documents_are_tagged_on_use_exactly_as_the_full_pipeline_tags() -> None:
    nlp = spacy_pipeline()
    artifacts = [a for _, a in nlp_engine().process_batch(TEXTS, LANGUAGE, batch_size=2)]
    for text, art in zip(TEXTS, artifacts, strict=True):
        doc = art.tokens
        assert isinstance(doc, TaggedOnUse)
        assert not doc.tagged  # the batch ran the entity model only
        full = nlp(text)
        assert [t.tag_ for t in doc] == [t.tag_ for t in full]
        assert doc.tagged
        # the entities came from the batch, before any tagging, and are the full pipeline's
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [
            (e.start_char, e.end_char, e.label_) for e in full.ents
        ]
        span = doc.char_span(0, min(2, len(text)), alignment_mode="expand")
        assert span is None or [t.tag_ for t in span] == [t.tag_ for t in full[: len(span)]]


def test_each_way_of_reading_the_document_tags_it_first() -> None:
    nlp = spacy_pipeline()
    text = TEXTS[0]
    for read in (
        lambda d: d.char_span(3, 8),
        len,
        list,
        lambda d: d[3],
    ):
        (_, art), *_ = nlp_engine().process_batch([text], LANGUAGE)
        doc = art.tokens
        read(doc)
        assert doc.tagged
        assert doc[1].tag_ == nlp(text)[1].tag_ == "NNP"  # Maria


def test_a_deferring_document_asks_for_tags_and_a_batch_tags_them_all_alike() -> None:
    nlp = spacy_pipeline()
    docs = [a.tokens for _, a in nlp_engine().process_batch(TEXTS, LANGUAGE)]
    for doc in docs:
        doc.defer = True
        with pytest.raises(NeedsTags):
            doc.char_span(0, 1)
        assert not doc.tagged
    tag_batch(docs[1:], batch_size=2)
    assert [d.tagged for d in docs] == [False, True, True, True, True]
    for text, doc in zip(TEXTS[1:], docs[1:], strict=True):
        assert [t.tag_ for t in doc] == [t.tag_ for t in nlp(text)]  # no raise once tagged


def _records() -> list[list[Segment]]:
    return [
        [
            Segment(("messages", 0, "content"), "You are a helpful support agent.", True),
            Segment(("messages", 1, "content"), f"Hi, I'm {name}, call me at {phone}.", True),
            Segment(("messages", 2, "content"), f"Thanks {name.split()[0]}, noted.", True),
        ]
        for name, phone in (
            ("Maria Gonzalez", "(555) 555-0143"),
            ("Kwame Mensah", "+44 7700 900123"),
            ("Maria Gonzalez", "(555) 555-0143"),  # a repeated record: served by the cache
        )
    ]


def test_a_batch_of_records_finds_per_record_what_each_record_alone_finds() -> None:
    records = _records()
    batched = Detector(PiiConfig()).detect_records(records)
    alone = [Detector(PiiConfig()).detect(r) for r in records]
    assert batched == alone
    assert batched[0] == batched[2]
    # offsets point at the values in their own strings
    for segs, findings in zip(records, batched, strict=True):
        texts = {s.path: s.text for s in segs}
        assert findings
        for f in findings:
            assert texts[f.path][f.start : f.end] == f.text


def test_the_cache_answers_a_text_seen_before_with_the_same_spans() -> None:
    det = Detector(PiiConfig())
    text = "Hi, I'm Maria Gonzalez, call me at (555) 555-0143."
    first = det.analyze_texts([text])
    assert det._cache[text] == first[0]
    again = det.analyze_texts(["", text, text])
    assert again == [[], first[0], first[0]]
    # the shared detector is keyed by config: another threshold is another detector
    assert get_detector(PiiConfig(threshold=0.9)) is not get_detector(PiiConfig())


IMPORT_SCRIPT = """
import sys
from curation.pii.presidio_import import load_presidio
load_presidio()
from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import CreditCardRecognizer, UrlRecognizer
assert not any(type(f).__name__ == "_TrustShippedPatterns" for f in sys.meta_path)
try:
    Pattern("mine", "(unclosed", 0.5)
except ValueError:
    pass
else:
    raise AssertionError("a pattern built after the import was not checked")
hits = UrlRecognizer().analyze("see https://docs.example.org/x", ["URL"])
assert [h.entity_type for h in hits] == ["URL"], hits
hits = CreditCardRecognizer().analyze("card 4111 1111 1111 1111", ["CREDIT_CARD"])
assert [h.entity_type for h in hits] == ["CREDIT_CARD"], hits
print("PATTERNS-OK")
"""


def test_presidio_imported_without_rechecking_its_patterns_still_checks_later_ones() -> None:
    """A fresh interpreter, so that the first import of Presidio is load_presidio's."""
    import os
    import subprocess
    import sys

    from tests.helpers.common import REPO

    proc = subprocess.run(
        [sys.executable, "-c", IMPORT_SCRIPT],
        cwd=REPO,
        env=dict(os.environ, HF_HUB_OFFLINE="1"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "PATTERNS-OK" in proc.stdout
