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

import functools
import json
import multiprocessing
import os
import re
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from itertools import islice
from multiprocessing import get_context
from typing import Any, TypeVar

import regex

from curation.pii import worker
from curation.pii.config import PiiConfig
from curation.pii.engine import LANGUAGE, NER_ENTITIES, analyzer_for
from curation.pii.person_signals import NameTableRecognizer, name_evidence
from curation.pii.public import is_model_only, public_record
from curation.pii.recognizers import SOURCE_KEY, name_tokens, trim_name
from curation.pii.segments import Path, Segment, render
from curation.pii.vocab import (
    IMPERATIVES,
    NOT_NAMES,
    ROLE_MAILBOXES,
    TECH_TERMS,
    TITLES,
    UI_NOUNS,
)

CHUNK_CHARS = 10_000
CHUNK_OVERLAP = 400
LONG_PIECE = 2_000  # pieces this long are read by the model without their nameless lines
PIPE_BATCH = 64
RECORD_BATCH = 64
WORKER_BATCH = 16  # records per task: small tasks keep both workers busy to the end
KEEP_FLOOR = 0.3  # weaker candidates are dropped before record-level corroboration
CACHE_MAX_TEXT = 5_000
CACHE_MAX_ENTRIES = 20_000
VALUE_PATTERN_CACHE = 20_000
PARALLEL_MIN_TEXTS = 4_000

T = TypeVar("T")

ENTITY_PRIORITY = {
    "EMAIL_ADDRESS": 7,
    "CREDIT_CARD": 7,
    "IBAN_CODE": 7,
    "US_SSN": 6,
    "IP_ADDRESS": 6,
    "PHONE_NUMBER": 5,
    "STREET_ADDRESS": 4,
    "URL": 3,
    "PERSON": 2,
}


@dataclass(frozen=True, slots=True)
class Span:
    """One detected value inside one string."""

    start: int
    end: int
    entity: str
    text: str
    score: float
    source: str

    def priority(self) -> int:
        if self.source.startswith("deny:"):
            return 9
        if self.source.startswith("rule:"):
            return 8
        return ENTITY_PRIORITY.get(self.entity, 1)


@dataclass(frozen=True, slots=True)
class Finding:
    """A span with the path of the string it is in."""

    path: Path
    start: int
    end: int
    entity: str
    text: str
    score: float
    source: str

    @property
    def location(self) -> str:
        return render(self.path)

    def as_dict(self) -> dict[str, Any]:
        return {
            "location": self.location,
            "start": self.start,
            "end": self.end,
            "entity": self.entity,
            "text": self.text,
            "score": self.score,
            "source": self.source,
        }


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


# --------------------------------------------------------------------------- precision rules

_CODE_CHARS = regex.compile(r"[@_/\\=<>{}\[\]|#$%^*~`+:;§&]")
_VERSION_AFTER = regex.compile(r"^[ \t]*v?\d+(?:\.\d+)+")
_UI_AFTER = regex.compile(r"^[ \t]+([a-z]+)")
_DURATION = regex.compile(
    r"(?i)^(?:about |around |over |under |within |after |for |the |a |an |one |two |three |"
    r"several |few |next |last |past |\d[\d,.]*[ \-]?)*"
    r"(?:ms|milliseconds?|s|sec|secs|seconds?|mins?|minutes?|h|hrs?|hours?|days?|business days?|"
    r"weeks?|months?|years?|quarters?)(?:[ \-](?:window|hold|period|grace period|sla|timeout|"
    r"limit|retention|trial|cycle|old|long|later|ago))?$"
)
ORG_TAIL_WORDS = frozenset(
    [
        "cloud",
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "llc",
        "gmbh",
        "ag",
        "plc",
        "labs",
        "lab",
        "systems",
        "technologies",
        "technology",
        "software",
        "analytics",
        "solutions",
        "group",
        "bank",
        "corp",
        "corp.",
        "corporation",
        "company",
        "co",
        "co.",
        "studio",
        "studios",
        "games",
        "health",
        "logistics",
        "retail",
        "design",
        "ops",
        "networks",
        "network",
        "services",
        "support",
        "team",
        "api",
        "server",
        "console",
        "cluster",
        "app",
        "apps",
        "platform",
        "hq",
        "university",
        "college",
        "institute",
        "foundation",
        "agency",
        "agencies",
        "desk",
        "department",
        "dept",
        "office",
        "division",
        "board",
        "committee",
        "council",
        "workspace",
        "suite",
        "regulations",
        "regulation",
        "act",
        "code",
        "directive",
    ]
)


def _camel(token: str) -> bool:
    core = token.strip(".,'’")
    if len(core) < 3:
        return False
    if regex.match(r"^(?:Mc|Mac|O['’]|D['’]|De|Di|La|Le|Van|Von)\p{Lu}", core):
        return False
    return bool(regex.search(r"\p{Ll}\p{Lu}|\p{Lu}{2,}", core[1:]))


def _in_code(text: str, start: int, end: int) -> bool:
    if text.count("```", 0, start) % 2 == 1:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return text.count("`", line_start, start) % 2 == 1


class AllowList:
    """Terms that are never PII: built-in technical words plus the workspace's own."""

    def __init__(self, config: PiiConfig) -> None:
        self.any: set[str] = set(TECH_TERMS) if config.builtin_allow else set()
        self.by_entity: dict[str, set[str]] = defaultdict(set)
        for entity, term in config.allow:
            term = term.strip().lower()
            if not term:
                continue
            (self.by_entity[entity] if entity else self.any).add(term)
        self.phrases = sorted(
            {t for t in self.any | {t for s in self.by_entity.values() for t in s} if " " in t},
            key=len,
            reverse=True,
        )

    def allowed(self, value: str, entity: str) -> bool:
        low = value.strip().lower()
        return low in self.any or low in self.by_entity.get(entity, ())

    def covers(self, text: str, start: int, end: int, entity: str) -> bool:
        """The span is an allowed term, or lies inside an occurrence of an allowed phrase."""
        if self.allowed(text[start:end], entity):
            return True
        value = text[start:end].lower()
        for phrase in self.phrases:
            if value not in phrase:
                continue
            if not (phrase in self.any or phrase in self.by_entity.get(entity, ())):
                continue
            lo = max(0, start - len(phrase))
            window = text[lo : end + len(phrase)].lower()
            pos = window.find(phrase)
            while pos >= 0:
                if lo + pos <= start and lo + pos + len(phrase) >= end:
                    return True
                pos = window.find(phrase, pos + 1)
        return False


_OPENERS = {"(": ")", "[": "]", "{": "}", "<": ">"}


def _trim(text: str, start: int, end: int, entity: str) -> tuple[int, int]:
    """Strip quotes, unbalanced brackets and punctuation at the edges of a span."""
    while start < end:
        ch = text[start]
        if ch in " \t\n\r\"'`“”‘’,;:" or (ch in _OPENERS and _OPENERS[ch] not in text[start:end]):
            start += 1
        else:
            break
    while end > start:
        ch = text[end - 1]
        closer = {v: k for k, v in _OPENERS.items()}.get(ch)
        if ch in " \t\n\r\"'`“”‘’,;:.!?" or (closer is not None and closer not in text[start:end]):
            end -= 1
        else:
            break
    if entity == "PERSON":
        for suffix in ("'s", "’s"):
            if text[start:end].endswith(suffix):
                end -= len(suffix)
        start, end = trim_name(text, start, end)
    return start, end


def person_score(
    text: str,
    start: int,
    end: int,
    score: float,
    allow: AllowList,
    artifacts: Any,
    source: str = "",
) -> float:
    """0 when the span cannot be a person's name, else the score."""
    value = text[start:end]
    if any(ch.isdigit() for ch in value) or _CODE_CHARS.search(value) or "\n" in value:
        return 0.0
    tokens = value.split()
    if not tokens or len(tokens) > 4:
        return 0.0
    if source == "name:lower":
        return score if not _in_code(text, start, end) else 0.0
    if value.islower():
        return 0.0
    lowered = [t.lower().strip(".,'’") for t in tokens]
    if all(t in TECH_TERMS or t in NOT_NAMES or t in TITLES for t in lowered):
        return 0.0
    if lowered[-1] in ORG_TAIL_WORDS:
        return 0.0
    if allow.allowed(tokens[0], "PERSON") and (
        len(tokens) == 1
        or all(
            allow.allowed(t, "PERSON") or t in NOT_NAMES or t in ORG_TAIL_WORDS for t in lowered[1:]
        )
    ):
        return 0.0
    if any(_camel(t) for t in tokens) or any(t.isupper() and len(t) > 1 for t in tokens):
        return 0.0
    if not value[0].isupper():
        return 0.0
    if _in_code(text, start, end):
        return 0.0
    after = text[end : end + 24]
    if _VERSION_AFTER.match(after):
        return 0.0
    if _FIRM_AFTER.match(after) or _FIRM_BEFORE.search(text[max(0, start - 24) : start]):
        return 0.0  # "Johnson & Johnson", "Marks & Spencer": a firm's name, not a person's
    ui = _UI_AFTER.match(after)
    if ui and ui.group(1) in UI_NOUNS and len(tokens) == 1:
        return 0.0
    titled = bool(_TITLE_BEFORE.search(text[max(0, start - 8) : start]))
    if source == "spacy" and not name_evidence(value, single_known=True, titled=titled):
        return 0.0
    if source.startswith("name:cue") and len(tokens) > 1 and not name_evidence(value):
        return 0.0  # "Best Animated Feature": a cue word before a title, not a sign-off  # no word of it can be a name: "Docker Compose", "Tetris", "Spirited Away"
    if len(tokens) == 1 and source == "spacy":
        before = text[max(0, start - 4) : start]
        if any(ch in before for ch in "→›>»"):
            return 0.0  # a step in a UI path: "Billing → Purchase order"
        if lowered[0] in IMPERATIVES and _sentence_start(text, start):
            return 0.0
        token = _token_at(artifacts, start)
        if token is not None and token.tag_ not in ("NNP", "NNPS", "FW", "XX"):
            return 0.0
    return score


_FIRM_AFTER = regex.compile(r"^[ \t]*(?:&|\+|and[ \t]+Sons\b|&[ \t]*Co\b)[ \t]*\p{Lu}?")
_FIRM_BEFORE = regex.compile(r"\p{L}['’]?s?[ \t]*&[ \t]*$")
_TITLE_BEFORE = regex.compile(
    r"(?i)\b(?:mr|mrs|ms|mx|miss|dr|prof|sir|madam|mme|herr|frau|sr|sra)\.?[ \t]+$"
)
_STEP_WORDS = frozenset(
    ["then", "and", "or", "please", "just", "simply", "first", "next", "finally", "also"]
)


def _sentence_start(text: str, start: int) -> bool:
    """At the start of a sentence, a line or a step ('…, then Convert to UTC')."""
    head = text[max(0, start - 12) : start].rstrip(" \t*_#>-")
    if not head or head[-1] in ".!?:\n":
        return True
    words = head.split()
    return bool(words) and words[-1].lower().strip(",;") in _STEP_WORDS


def _token_at(artifacts: Any, start: int) -> Any:
    doc = getattr(artifacts, "tokens", None)
    if doc is None:
        return None
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _source(result: Any) -> str:
    meta = result.recognition_metadata or {}
    if SOURCE_KEY in meta:
        return str(meta[SOURCE_KEY])
    name = str(meta.get("recognizer_name", "presidio"))
    if name.startswith(("rule:", "deny:")):
        return name
    return "spacy" if name == "SpacyRecognizer" else "presidio:" + name.removesuffix("Recognizer")


# --------------------------------------------------------------------------- overlaps


def resolve(spans: list[Span], text: str) -> list[Span]:
    """Merge same-entity overlaps (and a person's adjacent name words), drop spans that lie
    inside a span of a stronger entity. Spans of different entities may still overlap."""
    if len(spans) <= 1:
        return list(spans)
    by_entity: dict[str, list[Span]] = defaultdict(list)
    for s in spans:
        by_entity[s.entity].append(s)
    merged: list[Span] = []
    for entity, group in by_entity.items():
        group.sort(key=lambda s: (s.start, -s.end))
        current = group[0]
        for s in group[1:]:
            gap = s.start - current.end
            if s.start < current.end or (entity == "PERSON" and 0 <= gap <= 1):
                end = max(current.end, s.end)
                best = current if current.score >= s.score else s
                current = Span(
                    current.start,
                    end,
                    entity,
                    text[current.start : end],
                    max(current.score, s.score),
                    best.source,
                )
            else:
                merged.append(current)
                current = s
        merged.append(current)
    # One sweep: a span is dropped when an earlier-starting span of at least its priority
    # contains it (or covers exactly the same characters with a higher priority).
    merged.sort(key=lambda s: (s.start, -s.end, -s.priority()))
    kept: list[Span] = []
    active: list[Span] = []
    for s in merged:
        active = [o for o in active if o.end > s.start]
        covered = any(
            o.start <= s.start
            and s.end <= o.end
            and (
                o.priority() >= s.priority()
                if (o.start, o.end) != (s.start, s.end)
                else o.priority() > s.priority()
            )
            for o in active
        )
        if not covered:
            kept.append(s)
        active.append(s)
    return kept


# --------------------------------------------------------------------------- propagation


NUMBER_ENTITIES = ("PHONE_NUMBER", "CREDIT_CARD", "US_SSN")


def _is_word(ch: str) -> bool:
    """What ``\\w`` matches: a letter, a digit or an underscore (Unicode aware)."""
    return ch.isalnum() or ch == "_"


@functools.lru_cache(maxsize=VALUE_PATTERN_CACHE)
def number_pattern(entity: str, value: str) -> re.Pattern[str] | None:
    """Another occurrence of a number whose separators may differ ('415-555-0199' is also
    '(415) 555 0199'), or of an IBAN with or without its spaces; ``None`` for text values."""
    digits = "".join(ch for ch in value if ch.isdigit())
    if entity in NUMBER_ENTITIES and len(digits) >= 7:
        body = r"[ \t().\-/\u00a0]{0,3}".join(digits)
        return re.compile(r"(?<!\w)\+?" + body + r"(?!\w)")
    if entity == "IBAN_CODE":
        chars = [re.escape(ch) for ch in value if ch.isalnum()]
        return re.compile(r"(?<!\w)" + r"[ \t]?".join(chars) + r"(?!\w)", re.IGNORECASE)
    return None


@functools.lru_cache(maxsize=VALUE_PATTERN_CACHE)
def value_forms(entity: str, value: str) -> tuple[tuple[str, ...], ...]:
    """The written forms of a text value, as words (any run of whitespace may separate them):
    as found, in capitals for a name, and JSON-escaped (inside tool-call arguments)."""
    forms = {value}
    if entity == "PERSON":
        forms.add(value.upper())
        if value.islower():  # "golnar hosseini" typed in lower case is also "Golnar Hosseini"
            forms.add(value.title())
    for form in list(forms):
        escaped = json.dumps(form)[1:-1]
        if escaped != form:
            forms.add(escaped)
    return tuple(tuple(f.split()) for f in sorted(forms, key=len, reverse=True))


def _match_words(text: str, start: int, words: tuple[str, ...]) -> int:
    """End of ``words`` written from ``start`` (whitespace between them), or -1."""
    pos = start + len(words[0])
    for word in words[1:]:
        gap = pos
        while gap < len(text) and text[gap].isspace():
            gap += 1
        if gap == pos or not text.startswith(word, gap):
            return -1
        pos = gap + len(word)
    return pos


def find_value(entity: str, value: str, text: str) -> list[tuple[int, int]]:
    """Where ``value`` occurs in ``text`` as a whole word (or number), leftmost-longest and not
    overlapping, like a regex alternation of its forms, but without compiling one per value:
    values are mostly new in each record, and compiling took a quarter of detection time."""
    value = value.strip()
    if len(value) < 2:
        return []
    pattern = number_pattern(entity, value)
    if pattern is not None:
        return [m.span() for m in pattern.finditer(text)]
    haystack = text
    forms = value_forms(entity, value)
    if entity == "EMAIL_ADDRESS":
        haystack = text.lower()
        if len(haystack) != len(text):  # a character whose lower case is longer
            return _find_value_regex(forms, text)
        forms = tuple(tuple(w.lower() for w in words) for words in forms)
    hits: list[tuple[int, int]] = []
    for words in forms:
        first = words[0]
        check_left = _is_word(first[0])
        check_right = _is_word(words[-1][-1])
        pos = haystack.find(first)
        while pos >= 0:
            if not (check_left and pos > 0 and _is_word(haystack[pos - 1])):
                end = _match_words(haystack, pos, words)
                if end > 0 and not (
                    check_right and end < len(haystack) and _is_word(haystack[end])
                ):
                    hits.append((pos, end))
            pos = haystack.find(first, pos + 1)
    if len(forms) > 1 and len(hits) > 1:
        hits.sort(key=lambda h: (h[0], -h[1]))
        kept: list[tuple[int, int]] = []
        for hit in hits:
            if not kept or hit[0] >= kept[-1][1]:
                kept.append(hit)
        return kept
    return hits


def _find_value_regex(forms: tuple[tuple[str, ...], ...], text: str) -> list[tuple[int, int]]:
    bodies = []
    for words in forms:
        left = r"(?<!\w)" if _is_word(words[0][0]) else ""
        right = r"(?!\w)" if _is_word(words[-1][-1]) else ""
        bodies.append(left + r"\s+".join(re.escape(w) for w in words) + right)
    return [m.span() for m in re.finditer("|".join(bodies), text, re.IGNORECASE)]


def email_name_tokens(email: str) -> set[str]:
    """'maria.gonzalez@…' → {'Maria', 'Gonzalez'}; role mailboxes give nothing."""
    local = email.split("@", 1)[0].lower()
    if local in ROLE_MAILBOXES:
        return set()
    out = set()
    for part in regex.split(r"[._\-+\d]+", local):
        if (
            len(part) >= 3
            and part.isalpha()
            and part not in ROLE_MAILBOXES
            and part not in NOT_NAMES
            and part not in TECH_TERMS
        ):
            out.add(part.capitalize())
    return out


def propagate(
    segments: Sequence[Segment],
    values: Iterable[tuple[str, str, float]],
    *,
    allow: AllowList | None = None,
) -> list[list[Span]]:
    """Every occurrence, in every segment, of each ``(entity, value, score)`` and, for a
    person, of each part of their name on its own."""
    targets: dict[tuple[str, str], float] = {}
    for entity, value, score in values:
        key = (entity, value.strip())
        targets[key] = max(score, targets.get(key, 0.0))
        if entity == "PERSON":
            for token in name_tokens(value):
                if allow is None or not allow.allowed(token, "PERSON"):
                    part = (entity, token)
                    targets[part] = max(score, targets.get(part, 0.0))
    out: list[list[Span]] = [[] for _ in segments]
    for (entity, value), score in targets.items():
        score = round(min(score, 0.95), 3)
        for i, seg in enumerate(segments):
            if entity == "EMAIL_ADDRESS" and "@" not in seg.text:
                continue
            for start, end in find_value(entity, value, seg.text):
                out[i].append(Span(start, end, entity, seg.text[start:end], score, "propagation"))
    return out


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
            artifacts = self.analyzer.nlp_engine.process_batch(
                [self._model_view(p) for _, _, p in pieces], LANGUAGE, batch_size=PIPE_BATCH
            )
            for (i, offset, piece), (_, nlp_artifacts) in zip(pieces, artifacts, strict=True):
                for s in self._analyze_piece(piece, nlp_artifacts):
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
        start, end = _trim(text, int(result.start), int(result.end), entity)
        if start >= end:
            return None
        source = _source(result)
        score = float(result.score)
        if self.allow.covers(text, start, end, entity):
            return None
        if source.startswith(("rule:", "deny:")):
            return Span(start, end, entity, text[start:end], score, source)
        if entity == "PERSON":
            cut = text.find("\n", start, end)
            if cut > start:  # a name never runs over a line: "Efua Osei\nHead of Operations"
                start, end = _trim(text, start, cut, entity)
                if start >= end:
                    return None
            score = person_score(text, start, end, score, self.allow, nlp_artifacts, source)
        elif entity in ("LOCATION", "ORGANIZATION", "NRP"):
            value = text[start:end]
            if any(t.lower() in TECH_TERMS for t in value.split()) or _in_code(text, start, end):
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
        threshold = self.config.threshold
        names: set[str] = set()
        email_names: set[str] = set()
        for ss in spans:
            for s in ss:
                if s.score < threshold:
                    continue
                if s.entity == "PERSON":
                    names.update(name_tokens(s.text))
                elif s.entity == "EMAIL_ADDRESS":
                    email_names.update(email_name_tokens(s.text))
        evidence = names | email_names
        kept: list[list[Span]] = []
        for ss in spans:
            row = []
            for s in ss:
                if s.score < threshold:
                    if s.entity != "PERSON" or not set(name_tokens(s.text)) & evidence:
                        continue
                    s = replace(s, score=max(0.7, s.score), source=s.source + "+corroborated")
                row.append(s)
            kept.append(row)
        if self.config.keep_public_figures and public_record(
            [seg.text for seg in segments if seg.detect],
            [(s.entity, s.source) for row in kept for s in row],
        ):
            kept = [[s for s in row if not is_model_only(s.source)] for row in kept]
        if "PERSON" in self.config.entities and email_names - names:
            for i, found in enumerate(self._email_names(segments, email_names - names)):
                kept[i].extend(found)
        if self.config.propagate:
            values = [(s.entity, s.text, s.score) for row in kept for s in row]
            for i, found in enumerate(propagate(segments, values, allow=self.allow)):
                kept[i].extend(found)
        findings = []
        for seg, row in zip(segments, kept, strict=True):
            for s in resolve(row, seg.text):
                findings.append(
                    Finding(seg.path, s.start, s.end, s.entity, s.text, s.score, s.source)
                )
        return findings

    def _email_names(self, segments: Sequence[Segment], tokens: set[str]) -> list[list[Span]]:
        """A name seen in an email address ('maria.gonzalez@…') where it is written as a name."""
        pattern = regex.compile(
            r"(?<![\w@.\-])(?:" + "|".join(map(regex.escape, sorted(tokens))) + r")(?![\w@\-]|\.\w)"
        )
        out: list[list[Span]] = []
        for seg in segments:
            row = []
            if seg.detect:
                for m in pattern.finditer(seg.text):
                    if not self.allow.allowed(m.group(), "PERSON") and not _in_code(
                        seg.text, m.start(), m.end()
                    ):
                        row.append(Span(m.start(), m.end(), "PERSON", m.group(), 0.7, "email-name"))
            out.append(row)
        return out


# --------------------------------------------------------------------------- parallel runs


def _start_method() -> str:
    """``fork`` when this process runs no other thread: workers then share the model already
    loaded here and start at once (spaCy's own ``n_process`` forks the same way). Otherwise
    ``spawn`` (forking a threaded process, such as a Streamlit server, can deadlock)."""
    import threading

    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def auto_workers(n_texts: int | None) -> int:
    """Worker processes worth starting: 1 for small jobs (start-up costs ~2 s), else the cores."""
    cores = (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )
    if cores < 2 or (n_texts is not None and n_texts < PARALLEL_MIN_TEXTS):
        return 1
    return min(cores, 8)


def detect_stream(
    items: Iterable[T],
    segments_of: Callable[[T], list[Segment]],
    config: PiiConfig,
    *,
    workers: int = 1,
    batch: int | None = None,
    detector: Detector | None = None,
) -> Iterator[tuple[T, list[Segment], list[Finding]]]:
    """Findings for each item, in order. ``workers`` > 1 runs detection in that many worker
    processes (forked with the model already loaded when this process has no other thread,
    else spawned, each loading it once) while this one reads input and writes results."""
    it = iter(items)
    if workers <= 1:
        det = detector or get_detector(config)
        while chunk := list(islice(it, batch or RECORD_BATCH)):
            segs = [segments_of(item) for item in chunk]
            yield from zip(chunk, segs, det.detect_records(segs), strict=True)
        return
    pending: deque[tuple[list[T], list[list[Segment]], Future[list[list[Finding]]]]] = deque()
    broken = False
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context(_start_method()),
        initializer=worker.init,
        initargs=(config.as_dict(),),
    ) as pool:
        while True:
            while len(pending) < workers * 3 and not broken:
                chunk = list(islice(it, batch or WORKER_BATCH))
                if not chunk:
                    break
                segs = [segments_of(item) for item in chunk]
                payload = [[(s.path, s.text, s.detect) for s in ss] for ss in segs]
                pending.append((chunk, segs, pool.submit(worker.work, payload)))
            if not pending:
                break
            chunk, segs, future = pending.popleft()
            try:
                found = future.result()
            except BrokenProcessPool:
                # A worker could not start (e.g. a __main__ without the spawn guard): finish
                # here, in this process, rather than fail the whole run.
                broken = True
                found = (detector or get_detector(config)).detect_records(segs)
            yield from zip(chunk, segs, found, strict=True)
    if broken:
        yield from detect_stream(it, segments_of, config, workers=1, batch=batch, detector=detector)


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
