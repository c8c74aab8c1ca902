"""Detection: Presidio over batches of texts, precision rules, and propagation within a record.

Texts go through spaCy's ``nlp.pipe`` in batches (Presidio's ``process_batch``), each
with its precomputed artifacts handed to ``AnalyzerEngine.analyze``; long texts are cut
into overlapping chunks first, so a 1 MB message never meets spaCy's ``max_length``.
Presidio's scores cannot tell "Port" the setting from Port the surname, so every result
then passes precision rules (allow-lists, code spans, version numbers, UI labels, …).
Last, per record: weak name candidates confirmed by other evidence are promoted, and
every confirmed value — a person's name parts too — is looked for in every string of
the record, completions and tool calls included.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, TypeVar

import regex

from curation.pii.config import PiiConfig
from curation.pii.email_names import email_name_spans, email_name_tokens
from curation.pii.engine import (
    LANGUAGE,
    NER_ENTITIES,
    NeedsTags,
    TaggedOnUse,
    analyzer_for,
    tag_batch,
)
from curation.pii.firm_signals import brand_possessive, country_named
from curation.pii.message_slots import slot_names
from curation.pii.name_extend import extend_given
from curation.pii.person_signals import NameTableRecognizer
from curation.pii.precision import (
    _DURATION,
    _UI_AFTER,
    AllowList,
    _source,
    _trim,
    in_code,
    person_score,
)
from curation.pii.propagation import (
    find_value,
    number_pattern,
    propagate,
    spreads,
    value_forms,
)
from curation.pii.public import is_model_only, public_record
from curation.pii.recognizers import name_tokens
from curation.pii.segments import Segment
from curation.pii.siblings import sibling_names
from curation.pii.spans import ENTITY_PRIORITY, Finding, Span, resolve
from curation.pii.strong_positions import CARD_SOURCE, POSITION_SOURCE
from curation.pii.titles import non_person_value, thing_value
from curation.pii.transcripts import public_turns
from curation.pii.vocab import TECH_TERMS, UI_NOUNS
from curation.pii.word_names import STRONG_SOURCE as WORD_PAIR_SOURCE

__all__ = [
    "ENTITY_PRIORITY",
    "AllowList",
    "Detector",
    "Finding",
    "Span",
    "blank_nameless_lines",
    "chunks",
    "email_name_tokens",
    "find_value",
    "get_detector",
    "number_pattern",
    "person_score",
    "propagate",
    "resolve",
    "value_forms",
]

CHUNK_CHARS = 10_000
CHUNK_OVERLAP = 400
LONG_PIECE = 2_000  # pieces this long are read by the model without their nameless lines
PIPE_BATCH = 64
RECORD_BATCH = 64
KEEP_FLOOR = 0.3  # weaker candidates are dropped before record-level corroboration
CACHE_MAX_TEXT = 5_000
CACHE_MAX_ENTRIES = 20_000

T = TypeVar("T")
_JUDGED_SOURCES = (WORD_PAIR_SOURCE, "name:key-lower", CARD_SOURCE, POSITION_SOURCE)

# --------------------------------------------------------------------------- chunking


def chunks(
    text: str, size: int = CHUNK_CHARS, overlap: int = CHUNK_OVERLAP
) -> list[tuple[int, str]]:
    """Pieces of at most ``size`` characters, cut at a newline or space where there is one,
    each overlapping the previous by ``overlap`` so a value cut at a boundary is seen whole."""
    if len(text) <= size:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while True:
        end = min(start + size, len(text))
        if end < len(text):
            floor = start + size // 2
            cut = text.rfind("\n", floor, end)
            if cut < 0:
                cut = text.rfind(" ", floor, end)
            end = cut + 1 if cut >= 0 else end
        out.append((start, text[start:end]))
        if end >= len(text):
            return out
        nxt = max(end - overlap, start + 1)
        space = text.find(" ", nxt, end)
        start = space + 1 if 0 <= space < end - 1 else nxt


# --------------------------------------------------------------------------- the detector


# A word that could be a name: letters (apostrophes, hyphens) only, a capital first and a
# small letter somewhere; digits glue to a word, so base64 and ids never qualify.
_WORD_CHARS = r"\p{L}\p{M}\p{N}'’\-"
_NAME_LIKE = regex.compile(
    rf"(?<![{_WORD_CHARS}])\p{{Lu}}[\p{{L}}\p{{M}}'’\-]*\p{{Ll}}[\p{{L}}\p{{M}}'’\-]*(?![{_WORD_CHARS}])"
)
_LINES = re.compile(r"[^\n]*\n?")


def blank_nameless_lines(text: str) -> str:
    """``text`` with every line that holds no capitalised word replaced by spaces (same
    length, so offsets hold). A pasted log, a stack trace or a base64 blob is most of a very
    long message, and running the model over it took nearly all of the time. A name that
    survives our rules is a capitalised word of letters (:func:`person_score` drops digits,
    code characters and all-capitals; the name cues want a capital then a small letter), so
    such lines cannot hold one. Pattern recognisers still read the original text."""
    out: list[str] = []
    blank = 0
    for m in _LINES.finditer(text):
        line = m.group()
        if _NAME_LIKE.search(line):
            if blank:
                out.append(" " * blank)
                blank = 0
            out.append(line)
        else:
            blank += len(line)
    if blank:
        out.append(" " * blank)
    return "".join(out)


def _worth(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


class Detector:
    """Presidio analysis plus our rules for one config. Build once, reuse for many records."""

    def __init__(self, config: PiiConfig | None = None) -> None:
        self.config = config or PiiConfig()
        self.analyzer = analyzer_for(self.config)
        self.entities = list(self.config.all_entities)
        self.allow = AllowList(self.config)
        self.names_only = not (set(self.entities) & set(NER_ENTITIES) - {"PERSON"})
        self.name_table = NameTableRecognizer() if "PERSON" in self.entities else None
        self._cache: dict[str, list[Span]] = {}

    # ---- texts

    def analyze_texts(self, texts: Sequence[str]) -> list[list[Span]]:
        """Candidate spans per text (scores may be below the threshold; see detect_records)."""
        results: list[list[Span] | None] = [None] * len(texts)
        first: dict[str, int] = {}
        pieces: list[tuple[int, int, str]] = []
        for i, text in enumerate(texts):
            if not text or not _worth(text):
                results[i] = []
                continue
            cached = self._cache.get(text)
            if cached is not None:
                results[i] = cached
                continue
            if text in first:
                continue
            first[text] = i
            pieces.extend((i, offset, piece) for offset, piece in chunks(text))
        found: dict[int, list[Span]] = defaultdict(list)
        if pieces:
            artifacts = [
                a
                for _, a in self.analyzer.nlp_engine.process_batch(
                    [self._model_view(p) for _, _, p in pieces], LANGUAGE, batch_size=PIPE_BATCH
                )
            ]
            per_piece = self._analyze_pieces([p for _, _, p in pieces], artifacts)
            for (i, offset, _), spans in zip(pieces, per_piece, strict=True):
                for s in spans:
                    found[i].append(
                        replace(s, start=s.start + offset, end=s.end + offset) if offset else s
                    )
        for text, i in first.items():
            spans = resolve(found.get(i, []), text)
            results[i] = spans
            if len(text) <= CACHE_MAX_TEXT:
                if len(self._cache) >= CACHE_MAX_ENTRIES:
                    self._cache.clear()
                self._cache[text] = spans
        for i, text in enumerate(texts):
            if results[i] is None:
                results[i] = results[first[text]]
        return [r if r is not None else [] for r in results]

    def _analyze_pieces(self, pieces: list[str], artifacts: list[Any]) -> list[list[Span]]:
        """Spans per piece. The batch was read without tags (see engine.TaggedOnUse): a piece
        whose rules read its tags is analysed again once all such pieces are tagged in one
        batch, which costs a third of tagging them one at a time. The first reading stops at
        the first tag read, early (the name-cue recogniser): measured, it cost 1.5% of
        detection where 3 pieces in 4 need tags, and tagging every piece up front instead cost
        as much there and 20% more CPU on round-3 dev (1 in 10), so no batch tags up front."""
        out: list[list[Span] | None] = []
        again: list[int] = []
        for k, (piece, art) in enumerate(zip(pieces, artifacts, strict=True)):
            doc = art.tokens
            deferring = isinstance(doc, TaggedOnUse)
            if deferring:
                doc.defer = True
            try:
                out.append(self._analyze_piece(piece, art))
            except NeedsTags:
                out.append(None)
                again.append(k)
            finally:
                if deferring:
                    doc.defer = False
        if again:
            tag_batch([artifacts[k].tokens for k in again], PIPE_BATCH)
            for k in again:
                out[k] = self._analyze_piece(pieces[k], artifacts[k])
        return [spans or [] for spans in out]

    def _model_view(self, piece: str) -> str:
        """What spaCy reads of a piece of a long text: when the only model entity wanted is
        PERSON, lines that cannot hold a name are blanked (see :func:`blank_nameless_lines`).
        Short texts, the usual chat message, are read whole, so nothing changes for them."""
        if self.names_only and len(piece) >= LONG_PIECE:
            return blank_nameless_lines(piece)
        return piece

    def _analyze_piece(self, piece: str, nlp_artifacts: Any) -> list[Span]:
        results = self.analyzer.analyze(
            text=piece,
            language=LANGUAGE,
            entities=self.entities,
            nlp_artifacts=nlp_artifacts,
            score_threshold=0.0,
        )
        if self.name_table is not None:
            results = [*results, *self.name_table.find(piece, nlp_artifacts)]
        spans = []
        for r in results:
            span = self._refine(piece, r, nlp_artifacts)
            if span is not None:
                spans.append(span)
        return spans

    def _refine(self, text: str, result: Any, nlp_artifacts: Any) -> Span | None:
        entity = str(result.entity_type)
        source = _source(result)
        if source.startswith(_JUDGED_SOURCES):
            return self._judged(text, result, entity, source)
        start, end = _trim(text, int(result.start), int(result.end), entity, source)
        if start >= end:
            return None
        score = float(result.score)
        if self.allow.covers(text, start, end, entity):
            return None
        if source.startswith(("rule:", "deny:")):
            return Span(start, end, entity, text[start:end], score, source)
        if entity == "PERSON":
            cut = text.find("\n", start, end)
            if cut > start:  # a name never runs over a line: "Efua Osei\nHead of Operations"
                start, end = _trim(text, start, cut, entity, source)
                if start >= end:
                    return None
            score = person_score(text, start, end, score, self.allow, nlp_artifacts, source)
        elif entity in ("LOCATION", "ORGANIZATION", "NRP"):
            value = text[start:end]
            if any(t.lower() in TECH_TERMS for t in value.split()) or in_code(text, start):
                return None
            ui = _UI_AFTER.match(text[end : end + 24])
            if ui and ui.group(1) in UI_NOUNS:
                return None
        elif entity == "DATE_TIME" and _DURATION.match(text[start:end].strip()):
            return None
        elif entity == "PHONE_NUMBER" and source.startswith("presidio:"):
            digits = sum(ch.isdigit() for ch in text[start:end])
            if digits < 8 or regex.search(r"\d\.\d+\.\d", text[start:end]):
                return None
        if score < KEEP_FLOOR:
            return None
        return Span(start, end, entity, text[start:end], round(score, 3), source)

    def _judged(self, text: str, result: Any, entity: str, source: str) -> Span | None:
        """A name judged word by word already: the trims of :meth:`_refine` would cut "Best"
        off "Grace Best" and "ruby" (a language) off "ruby banks" under a customer_name key."""
        start, end = int(result.start), int(result.end)
        if self.allow.covers(text, start, end, entity) or in_code(text, start):
            return None
        if entity == "PERSON" and country_named(text[start:end].split()):
            return None  # "…, Kelaniya 11600, Sri Lanka, tel …": an address's country line
        return Span(start, end, entity, text[start:end], float(result.score), source)

    # ---- records

    def detect_records(self, records: Sequence[Sequence[Segment]]) -> list[list[Finding]]:
        """Findings per record: candidates from every detected segment in one batch, then the
        record-level steps (corroboration, propagation, overlaps) record by record."""
        flat = [seg.text for segs in records for seg in segs if seg.detect]
        analyzed = iter(self.analyze_texts(flat))
        out = []
        for segs in records:
            spans = [next(analyzed) if seg.detect else [] for seg in segs]
            out.append(self.finalize(segs, spans))
        return out

    def detect(self, segments: Sequence[Segment]) -> list[Finding]:
        return self.detect_records([segments])[0]

    def finalize(self, segments: Sequence[Segment], spans: list[list[Span]]) -> list[Finding]:
        names, email_names = self._names_seen(spans)
        kept = self._corroborated(spans, names | email_names)
        kept = _drop_non_persons(segments, kept)
        if self.name_table is not None:
            kept = _with_siblings(segments, kept)
        if self.config.keep_public_figures and public_record(
            [seg.text for seg in segments if seg.detect],
            [(s.entity, s.source) for row in kept for s in row],
            [s.text for row in kept for s in row if s.entity == "PERSON"],
        ):
            kept = [[s for s in row if not is_model_only(s.source)] for row in kept]
        elif self.config.keep_public_figures:
            kept = public_turns(segments, kept)
        if "PERSON" in self.config.entities and email_names - names:
            written = email_name_spans(segments, email_names - names, self._refused_name)
            for i, row in enumerate(written):
                kept[i].extend(row)
        if self.config.propagate:
            values = [
                (s.entity, s.text, s.score)
                for row in kept
                for s in row
                if spreads(s.entity, s.text, s.source)
            ]
            for i, found in enumerate(propagate(segments, values, allow=self.allow)):
                kept[i].extend(found)
        if "PERSON" in self.config.entities:
            kept = extend_given(segments, kept)
        findings = []
        for seg, row in zip(segments, kept, strict=True):
            for s in resolve(row, seg.text):
                findings.append(
                    Finding(seg.path, s.start, s.end, s.entity, s.text, s.score, s.source)
                )
        return findings

    def _names_seen(self, spans: list[list[Span]]) -> tuple[set[str], set[str]]:
        """Name tokens of the confident person findings, and of the email addresses."""
        names: set[str] = set()
        email_names: set[str] = set()
        for ss in spans:
            for s in ss:
                if s.score < self.config.threshold:
                    continue
                if s.entity == "PERSON":
                    names.update(name_tokens(s.text))
                elif s.entity == "EMAIL_ADDRESS":
                    email_names.update(email_name_tokens(s.text))
        return names, email_names

    def _corroborated(self, spans: list[list[Span]], evidence: set[str]) -> list[list[Span]]:
        """Spans over the threshold, and weak person spans a confident name corroborates."""
        kept: list[list[Span]] = []
        for ss in spans:
            row = []
            for s in ss:
                if s.score < self.config.threshold:
                    if s.entity != "PERSON" or not set(name_tokens(s.text)) & evidence:
                        continue
                    s = replace(s, score=max(0.7, s.score), source=s.source + "+corroborated")
                row.append(s)
            kept.append(row)
        return kept

    def _refused_name(self, text: str, start: int, value: str) -> bool:
        return self.allow.allowed(value, "PERSON") or in_code(text, start)


# Sources that say the span fills a person's field: no other occurrence outweighs them.
_PERSON_FIELD_SOURCES = ("name:key", "name:key-lower", "name:label", CARD_SOURCE)


def _drop_non_persons(segments: Sequence[Segment], kept: list[list[Span]]) -> list[list[Span]]:
    """PERSON spans whose text the record itself writes as a carrier, a product or another
    field that holds no person, or right before a tracking number, anywhere: "Ninja Van" in
    ``"carrier": "Ninja Van"`` is no person in the sentence either, nor is it propagated. A
    run written as a thing ("the Ninja Foodi Max") outweighs only the model's spans."""
    values = {
        s.text
        for row in kept
        for s in row
        if s.entity == "PERSON" and not s.source.startswith(_PERSON_FIELD_SOURCES)
    }
    strong: set[str] = set()
    weak: set[str] = set()
    for value in values:
        places = [(seg.text, at) for seg in segments for at in _occurrences(seg.text, value)]
        if places and all(brand_possessive(t, at, at + len(value)) for t, at in places):
            strong.add(value)  # "Mrs. Baird's." everywhere; one "Mrs. Baird called" keeps it
            continue
        for text, at in places:
            end = at + len(value)
            if non_person_value(text, at, end):
                strong.add(value)
                break
            if thing_value(text, at, end):
                weak.add(value)
    if not strong and not weak:
        return kept

    def refused(s: Span) -> bool:
        if s.entity != "PERSON" or s.source.startswith(_PERSON_FIELD_SOURCES):
            return False
        return s.text in strong or (s.text in weak and is_model_only(s.source))

    return [[s for s in row if not refused(s)] for row in kept]


def _occurrences(text: str, value: str) -> list[int]:
    """Where ``value`` starts in ``text``, overlapping occurrences included."""
    found: list[int] = []
    at = text.find(value)
    while at >= 0:
        found.append(at)
        at = text.find(value, at + 1)
    return found


def _with_siblings(segments: Sequence[Segment], kept: list[list[Span]]) -> list[list[Span]]:
    """Each string's findings plus the names its slots hold (see message_slots.py) and the
    list items their siblings name (see siblings.py)."""
    out = []
    for seg, row in zip(segments, kept, strict=True):
        if seg.detect:
            row = [*row, *slot_names(seg.text, row)]
            if row:
                row = [*row, *sibling_names(seg.text, row)]
        out.append(row)
    return out


_detectors: dict[str, Detector] = {}


def get_detector(config: PiiConfig | None = None) -> Detector:
    """A cached Detector per config (the spaCy model underneath is loaded once per process)."""
    config = config or PiiConfig()
    key = config.fingerprint()
    found = _detectors.get(key)
    if found is None:
        if len(_detectors) >= 8:
            _detectors.pop(next(iter(_detectors)))
        found = _detectors[key] = Detector(config)
    return found
