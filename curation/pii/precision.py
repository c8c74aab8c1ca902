"""Precision rules: whether a candidate span can be what its recogniser says.

Presidio's scores cannot tell "Port" the setting from Port the surname, so every candidate
passes these rules (allow-lists, code spans, version numbers, UI labels, name evidence from
the name table, firm names) before it counts.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import regex

from curation.pii.closings import BRACKETED_EMAIL, SIGN_OFFS
from curation.pii.config import PiiConfig
from curation.pii.conversation_names import TOOL_GIVEN_SOURCE
from curation.pii.email_names import EMAIL_SOURCE
from curation.pii.firm_signals import (
    SIZE_CODE_AFTER,
    capitals_start,
    country_branch,
    country_named,
    modifier_run,
    plan_run,
)
from curation.pii.name_kind import kind
from curation.pii.person_signals import name_evidence
from curation.pii.public import is_model_only, private_text
from curation.pii.recognizers import trim_name
from curation.pii.results import SOURCE_KEY
from curation.pii.titles import labelled_non_person, quoted, work_or_field
from curation.pii.vi_names import VI_SOURCE
from curation.pii.vocab import (
    IMPERATIVES,
    NOT_NAMES,
    ORG_TAIL_WORDS,
    TECH_TERMS,
    TITLES,
    UI_NOUNS,
    longest_first,
)

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


_NAME_PREFIX = regex.compile(r"^(?:Mc|Mac|O['’]|D['’]|De|Di|La|Le|Van|Von)\p{Lu}")
_INNER_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}|\p{Lu}{2,}")


def _camel(token: str) -> bool:
    core = token.strip(".,'’")
    if len(core) < 3:
        return False
    if _NAME_PREFIX.match(core):
        return False
    return bool(_INNER_CAPITAL.search(core[1:]))


def in_code(text: str, start: int) -> bool:
    """Whether ``start`` is inside a fenced code block or an inline code span."""
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
            key=longest_first,
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


def _trim(text: str, start: int, end: int, entity: str, source: str = "") -> tuple[int, int]:
    """Strip quotes, unbalanced brackets and punctuation at the edges of a span; a person's
    stop words too, but not from a tool's name opening a ``name:tool-given`` ("Travis") or a
    Vietnamese given name ending a ``name:vi`` ("Nguyễn Văn An")."""
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
        if source not in (TOOL_GIVEN_SOURCE, VI_SOURCE):
            start, end = trim_name(text, start, end)
        start = _after_imperative(text, start, end)
    return start, end


def _after_imperative(text: str, start: int, end: int) -> int:
    """The start of a name that spaCy read with the instruction before it ("Put Ana
    Quist-Lind on the list"): a verb of ``imperatives.txt`` opening the sentence, then two
    words or more; not a given name of the table ("Mark", "Grant")."""
    words = text[start:end].split()
    if len(words) < 3 or words[0].lower() not in IMPERATIVES or kind(words[0]) == "G":
        return start
    if not _sentence_start(text, start):
        return start
    return text.index(words[1], start + len(words[0]))


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
    if source in ("name:lower", "name:upper", "name:key-lower", "name:label-upper") or (
        source == EMAIL_SOURCE and value.islower()
    ):
        return score if not in_code(text, start) else 0.0
    lowered = [t.lower().strip(".,'’") for t in tokens]
    if _words_refuse(value, tokens, lowered, allow):
        return 0.0
    if in_code(text, start) and not _EMAIL_AFTER.match(text[end : end + 80]):
        return 0.0  # a name in code, unless it signs a commit or a header: "Ana Li <ana@…>"
        return 0.0
    if _context_refuses(text, start, end, tokens, source, artifacts):
        return 0.0
    if (
        len(tokens) == 1
        and source == "spacy"
        and _lone_word_refuses(text, start, lowered, artifacts)
    ):
        return 0.0
    return score


def _words_refuse(value: str, tokens: list[str], lowered: list[str], allow: AllowList) -> bool:
    """The words themselves say it is no name: lower case, technical, allowed, a shape."""
    if value.islower():
        return True
    if all(t in TECH_TERMS or t in NOT_NAMES or t in TITLES for t in lowered):
        return True
    # A firm's word anywhere in the run: "Himalayan Courier Line", "Posta Shqiptare".
    if any(t in ORG_TAIL_WORDS for t in lowered) or any(_GLUED_CARRIER.search(t) for t in tokens):
        return True
    if country_branch(tokens) or country_named(tokens):
        return True  # "Zelvaro Portugal": a firm's national branch; "Sri Lanka", "Nepal Hulak"
    if allow.allowed(tokens[0], "PERSON") and (
        len(tokens) == 1
        or all(
            allow.allowed(t, "PERSON") or t in NOT_NAMES or t in ORG_TAIL_WORDS for t in lowered[1:]
        )
    ):
        return True
    if any(_camel(t) for t in tokens) or any(
        t.isupper() and len(t.rstrip(".,")) > 1 for t in tokens
    ):
        return True
    return not value[0].isupper()


# A carrier word written into a longer one: "Velokurier Bern", "Nordexpress", "Baltcargo".
_GLUED_CARRIER = regex.compile(
    r"(?i)^\p{L}{3,}(?:kurier|courier|express|freight|cargo|kargo|logistik|logistics)$"
)
_NEXT_WORD = regex.compile(r"^[ \t]+(\p{L}+)(?![\p{L}'’])")
# A capitalised firm's word and a particle right before the span: "Pošta na …", "Banco de …".
_FIRM_WORD_PARTICLE_BEFORE = regex.compile(
    r"(?<![\p{L}'’])(\p{Lu}\p{L}+)[ \t]+(?:na|de|do|da|del|di|du|of|von|van|für|pour)[ \t]+$"
)


def _context_refuses(
    text: str, start: int, end: int, tokens: list[str], source: str, artifacts: Any = None
) -> bool:
    """What comes around the span says it is no name: a version, a firm, a model number…"""
    value = text[start:end]
    after = text[end : end + 24]
    if _VERSION_AFTER.match(after):
        return True
    if _FIRM_AFTER.match(after) or _FIRM_BEFORE.search(text[max(0, start - 24) : start]):
        return True  # "Johnson & Johnson", "Marks & Spencer": a firm's name, not a person's
    if source in ("spacy", "name:table") and len(tokens) > 1 and _MODEL_NUMBER.match(after):
        return True  # "Sonos Era 100", "Galaxy Tab 9": a product and its model number
    if _ALNUM_MODEL.match(after) or _LETTER_MODEL.match(after) or SIZE_CODE_AFTER.match(after):
        return True  # "MX Master 3S", "Pixel 8a", "Gravelion 650x47b": a product and its code
    if _product_after_the(text, start, end, source):
        return True
    if plan_run(text, start, end) or (is_model_only(source) and modifier_run(text, start, end)):
        return True  # "your Early Crow Saver subscription", "this Full Season Chorister roster"
    run_start = capitals_start(text, start)
    if run_start < start and labelled_non_person(text, run_start):
        return True  # "Tier: Early Crow Saver" read as "Crow Saver": the label's whole value
    tail = _NEXT_WORD.match(after)
    if tail and tail.group(1).lower() in ORG_TAIL_WORDS:
        return True  # "Česká pošta" read as "Česká": the first word of a firm's name
    head = _FIRM_WORD_PARTICLE_BEFORE.search(text[max(0, start - 32) : start])
    if head and head.group(1).lower() in ORG_TAIL_WORDS:
        return True  # "Pošta na Severna Makedonija", "Correos de Costa Rica": the firm's tail
    if any(_SHORT_PARTS.fullmatch(t) and not _KOREAN_GIVEN.fullmatch(t) for t in tokens):
        return True  # "Wi-Fi", "Hi-Fi": a word's shape, not a name's
    ui = _UI_AFTER.match(after)
    if ui and ui.group(1) in UI_NOUNS and len(tokens) == 1:
        return True
    if is_model_only(source) and (
        work_or_field(text, start, end, artifacts, private=True)
        or (quoted(text, start, end) and not private_text(text))
    ):
        return True  # "the song Valerie", "'Roxanne' by The Police", "Carrier: Evri"
    titled = bool(_TITLE_BEFORE.search(text[max(0, start - 8) : start]))
    if source == "spacy" and (
        not name_evidence(value, single_known=True, titled=titled) or signer_title(text, start, end)
    ):
        # no word of it can be a name: "Docker Compose", "Tetris", "Spirited Away"; or the
        # signer's post under the name: "Yours sincerely,\nAurelie Broussard\nFerry Purser"
        return True
    if source.startswith("name:postfix") and len(tokens) > 1 and not name_evidence(value):
        return True  # "freeze Swim Only Membership from the …", "Student Flex from the …"
    # "Best Animated Feature": a cue word before a title, not a sign-off
    return source.startswith("name:cue") and len(tokens) > 1 and not name_evidence(value)


# A capitalised run after "the" that holds a model code or three words or more: "the
# Kärcher K4 Power Control", "the Leatherman Wave Plus" name a product; "the Okonkwo twins"
# keeps its name (one word).
_THE_RUN = regex.compile(r"(?<![\p{L}])[Tt]he[ \t]+((?:[\p{Lu}\d][\p{L}\p{M}\d'’\-]*[ \t]+)*)$")
_CODE_TOKEN = regex.compile(r"\p{Lu}|[\p{L}\-]*\d[\p{L}\d\-]*")


def _product_after_the(text: str, start: int, end: int, source: str) -> bool:
    if not (is_model_only(source) or source.startswith("name:postfix")):
        return False
    run = _THE_RUN.search(text, max(0, start - 80), start)
    if run is None:
        return False
    before = run.group(1).split()
    words = before + text[start:end].split()
    if text[end : end + 1].isalnum() or len(words) < 2:
        return False
    if any(_CODE_TOKEN.fullmatch(w) for w in before):
        return True
    # "the Maria Elena Gomez family" names people: every word a name of the table
    return len(words) >= 3 and not all(kind(w) in "GS" for w in words)


def _lone_word_refuses(text: str, start: int, lowered: list[str], artifacts: Any) -> bool:
    """A single word the language model took for a name: a UI step, an imperative, not a
    proper noun by its tag."""
    before = text[max(0, start - 4) : start]
    if any(ch in before for ch in "→›>»"):
        return True  # a step in a UI path: "Billing → Purchase order"
    if lowered[0] in IMPERATIVES and _sentence_start(text, start):
        return True
    token = _token_at(artifacts, start)
    return token is not None and token.tag_ not in ("NNP", "NNPS", "FW", "XX")


_MODEL_NUMBER = regex.compile(r"^[ \t]\d{1,4}(?![\w\-./:])")
_SHORT_PARTS = regex.compile(r"\p{L}{1,2}(?:-\p{L}{1,2})+")
# "So-mi", "Ji-ho": a Korean given name written in two syllables, unlike "Wi-Fi".
_KOREAN_GIVEN = regex.compile(r"\p{Lu}\p{Ll}{1,2}-\p{Ll}{1,3}")
_ALNUM_MODEL = regex.compile(r"^[ \t]\d{1,4}\p{L}{1,2}(?![\w\-./:])")
_LETTER_MODEL = regex.compile(r"^[ \t]\p{Lu}{1,2}\d{1,4}(?:\.\d{1,2})?(?![\w\-./:])")  # "H2.0"
_EMAIL_AFTER = regex.compile(rf"^[ \t]*{BRACKETED_EMAIL}")
# "Marks & Spencer", "Dolce + Gabbana"; not a phone in the next cell of a pasted table
# ("Ouiza Amrouche\t+213 555 …"): a tab separates cells, and "+" before a digit dials.
_FIRM_AFTER = regex.compile(r"^ *(?:&|\+(?! *\d)|and[ \t]+Sons\b|&[ \t]*Co\b)[ \t]*\p{Lu}?")
_FIRM_BEFORE = regex.compile(r"\p{L}['’]?s?[ \t]*&[ \t]*$")
_TITLE_BEFORE = regex.compile(
    r"(?i)\b(?:mr|mrs|ms|mx|miss|dr|prof|sir|madam|mme|herr|frau|sr|sra)\.?[ \t]+$"
)
_STEP_WORDS = frozenset(
    ["then", "and", "or", "please", "just", "simply", "first", "next", "finally", "also"]
)


# Under a closing line, the signer's name line, then the span's line: the signer's post.
_SIGNED_ABOVE = regex.compile(
    rf"(?im)^[ \t]*{SIGN_OFFS}[ \t]*[,.!]?[ \t]*\n[ \t]*\p{{Lu}}[\p{{L}}\p{{M}}'’.\-]*"
    r"(?:[ \t]+\p{Lu}[\p{L}\p{M}'’.\-]*){1,3}[ \t]*\n[ \t]*$"
)


def signer_title(text: str, start: int, end: int) -> bool:
    """The span fills the line under a signer's name that a closing heads, and opens with no
    given name ("Ferry Purser", "Head of Sales"; not a second signer "Rose Baker")."""
    if text[end : end + 1] not in ("", "\n") or kind(text[start:end].split()[0]) == "G":
        return False
    return bool(_SIGNED_ABOVE.search(text, max(0, start - 120), start))


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
