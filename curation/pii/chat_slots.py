"""Names told by the slot they fill in a chat, whatever their case or how rare the words are.

- The value of a field that holds a person ("driver", "passenger", "driver_name", "guest"…),
  typed all in lower case or all in capitals ("driver": "lalao rabemananjara",
  "driver_name": "LALAO RABEMANANJARA"): words that are no stop word and not all everyday
  words; one word alone must be a given name of the table (``name:key-lower``,
  ``name:upper``). Mixed-case values are left to ``recognizers``' keyed names.
- A line labelled with a person's role in the writer's life or form ("Spouse: Thuzar
  Kyaing", "Emergency contact: …", "Next of kin: …"): one to four capitalised words, not
  all everyday words (``name:label``).
- A pair followed by the person's role in brackets ("Edgars Waters (our claims adjuster)"):
  the first word a given name of the table or a word it does not know (``name:relation``).
- A short note that opens with a greeting ("Hi Htet, …"): the greeted word, if the table
  ranks it as a given name, and a single word closing the note after its last sentence
  ("… renews on Friday. Kawa\\""), if it is a given name of the table or a word it does not
  know (``name:self``).
- The display name of an address in a mail header ("To: Phetsamone Waters <…@…>") and the
  pair after "this is" / "it's" closed by punctuation or "here"/"again" ("Hi, this is
  Bounmy Trout."): one everyday word at most in a pair, none in three words, no stop word
  (``name:self``).
- A Vietnamese full name of three or four syllables where the writer names themself ("tôi là
  Thân Triết Hiển.") or alone on the line under a Vietnamese closing ("Trân trọng,\nLại
  Triết Hiển"): the first syllable ranked by the table as a family name at any rank ("Tôn",
  ranked higher as a given name, too); no word of a firm's or an office's name ("Phòng
  Khám …")
  (``name:vi``; ``vi_names`` wants a frequent family name where no slot speaks).

None reads a list of names. Tuned on round 7 dev ``chats7``; see the tuning log in
bench/pii_eval/README.md.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from curation.pii import name_table as nt
from curation.pii.closings import BRACKETED_EMAIL, PERSON_NOUN, THIS_IS
from curation.pii.conversation_names import SELF_SOURCE
from curation.pii.name_kind import kind, stop
from curation.pii.strong_positions import LABEL_SOURCE
from curation.pii.tables import NOT_PERSON_COLUMNS, table_cell_names
from curation.pii.vocab import (
    LOOSE_PERSON_LABELS,
    ORG_TAIL_WORDS,
    ROLE_WORDS,
    STRICT_ROLE_WORDS,
    label_alternation,
    terms,
)

LOWER_SOURCE = "name:key-lower"
UPPER_SOURCE = "name:upper"
RELATION_SOURCE = "name:relation"
VI_SOURCE = "name:vi"


# Person-role words, from the one list of them (data/vocab/person_field_labels.txt).
_ROLES = ROLE_WORDS
# "driver": …, "driver_name": …, "name": …, "guest_full_name": … (not "product_name").
_KEY = regex.compile(
    rf"(?i)[\"'](?P<key>(?:(?:{_ROLES})[_\-]?)?(?:(?:full|first|given|last|family|sur)[_\-]?)?"
    rf"(?:name|{_ROLES}))[\"'][ \t]*:[ \t]*[\"'](?P<value>[^\"'\n]{{2,60}})[\"']"
)
_CASED_WORD = regex.compile(r"^[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}][\p{L}\p{M}'’]*)?$")

_LABEL = regex.compile(
    rf"(?im)^[ \t]*(?:[-*•][ \t]*)?(?:{STRICT_ROLE_WORDS})(?:[ \t]+name)?[ \t]*:[ \t]*"
    r"(?P<value>\p{Lu}[\p{L}\p{M}'’\-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}'’\-]+){0,3})[ \t]*\r?$"
)
_NAME_WORD = r"\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?"
# The person's role right after the pair, in brackets or between commas: "Edgars Waters (our
# claims adjuster)", "Ilze Vītols, our community manager, said".
_ROLE_AFTER = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}'’\-])(?P<value>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})"
    r"(?:[ \t]+\(|,[ \t]+)(?:our|my|their|his|her|your)[ \t]+"
    r"(?P<role>\p{Ll}[\p{Ll}\-]*(?:[ \t]+\p{Ll}[\p{Ll}\-]*){0,3})(?:\)|,)"
)
# Roles a firm fills as often as a person.
_FIRM_ROLES = frozenset(
    {"courier", "supplier", "provider", "carrier", "vendor", "insurer", "lender", "partner"}
    | {"distributor", "manufacturer", "retailer", "wholesaler", "reseller", "sponsor", "caterer"}
    | {"publisher", "broker", "printer", "builder", "contractor", "developer", "host", "client"}
)
# Nouns for a person in someone's life or work (person_nouns.txt, person_roles.txt), less
# those a column of things, a firm or software fills ("subject", "supplier", "driver",
# "agent": "Mozilla …") and those that name products as often (the loose labels).
_ROLE_NOUNS = terms("person_nouns", "person_roles") - (
    NOT_PERSON_COLUMNS | _FIRM_ROLES | LOOSE_PERSON_LABELS | {"agent", "assistant", "editor"}
)
_ROLE_KEY = regex.compile(
    rf"(?i:[\"'](?:{label_alternation(w for w in _ROLE_NOUNS if w.isalpha())})[\"'])[ \t]*:[ \t]*"
    rf"[\"'](?P<value>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}})[\"']"
)
_GREETING = regex.compile(
    r"(?<![\p{L}])(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Mm]orning|[Hh]iya)[ \t]+"
    r"(?P<value>\p{Lu}[\p{Ll}\p{M}'’]+)[ \t]*[,!]"
)
# The note's last sentence, then one word before the end of the quote or of the line.
_CLOSING_WORD = regex.compile(
    r"[.!?][ \t]+(?P<value>\p{Lu}[\p{Ll}\p{M}'’]+)[ \t]*(?:[\"”»]|\r?$)", regex.MULTILINE
)
_NOTE_END = regex.compile(r"[\"”»]|\n")
MIN_UNKNOWN = 4  # letters of a closing word the table does not know


def _name_words(words: list[str], *, one_given: bool) -> bool:
    if not words or len(words) > 4 or any(stop(w) for w in words):
        return False
    kinds = [kind(w) for w in words]
    if len(words) == 1:
        return kinds[0] == "G" if one_given else kinds[0] != "C"
    return not all(k == "C" for k in kinds)


def key_names(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _KEY.finditer(text):
        value = m.group("value").strip()
        if not (value.islower() or value.isupper()):
            continue
        words = value.split()
        if not all(_CASED_WORD.match(w) for w in words):
            continue
        if not _name_words([w.title() for w in words], one_given=True):
            continue
        start = m.start("value") + m.group("value").index(value)
        yield start, start + len(value), LOWER_SOURCE if value.islower() else UPPER_SOURCE


def role_key_names(text: str) -> Iterable[tuple[int, int, str]]:
    """A title-cased value under a key that is a noun for a person in someone's life or work
    ("mentor": "Ana Quist", "landlord": …): a person fills that field, so everyday words
    count ("Quartz Mallet"); no stop word, no firm's last word."""
    for m in _ROLE_KEY.finditer(text):
        words = m.group("value").split()
        if any(stop(w) for w in words) or words[-1].lower() in ORG_TAIL_WORDS:
            continue
        yield m.start("value"), m.end("value"), LABEL_SOURCE


def label_names(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _LABEL.finditer(text):
        if _name_words(m.group("value").split(), one_given=False):
            yield m.start("value"), m.end("value"), LABEL_SOURCE


def role_names(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _ROLE_AFTER.finditer(text):
        words = m.group("value").split()
        kinds = [kind(w) for w in words]
        if any(stop(w) for w in words) or words[-1].lower() in ORG_TAIL_WORDS:
            continue
        # Name words alone need no more; an everyday word in the pair ("Edgars Waters",
        # "Dove Kask") needs a role only a person fills ("our claims adjuster", not "our
        # courier", "my running shoes").
        head = m.group("role").split()[-1]
        person_role = bool(PERSON_NOUN.search(head)) and head not in _FIRM_ROLES
        names_only = kinds[0] in ("G", "F") and "C" not in kinds
        if names_only or (person_role and (kinds[0] != "C" or kinds[-1] in ("G", "S", "U"))):
            yield m.start("value"), m.end("value"), RELATION_SOURCE


def note_names(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _GREETING.finditer(text):
        word = m.group("value")
        if _greeted(word):
            yield m.start("value"), m.end("value"), SELF_SOURCE
        end = _NOTE_END.search(text, m.end())
        note_end = end.end() if end else len(text)
        closing = None
        for c in _CLOSING_WORD.finditer(text, m.end(), note_end):
            closing = c
        if closing is None:
            continue
        if _greeted(closing.group("value")):
            yield closing.start("value"), closing.end("value"), SELF_SOURCE


def _greeted(word: str) -> bool:
    """A word that can name the person a note greets or is signed by: a given name of the
    table, a name of another language, or a word of four letters or more it does not know,
    not a plural ("Hi Zoomers,"); never an everyday word ("Hi Team,", "… soon. Love")."""
    if stop(word):
        return False
    known = kind(word)
    return known in ("G", "F") or (
        known == "U" and len(word) >= MIN_UNKNOWN and not word.endswith("s")
    )


_VI_SYLLABLE = r"\p{Lu}[\p{Ll}\p{M}]{0,6}"
_VI_RUN = rf"(?P<value>{_VI_SYLLABLE}(?:[ \t]+{_VI_SYLLABLE}){{2,3}})"
_VI_SLOT = regex.compile(
    r"(?i:(?<![\p{L}])(?:(?:tôi|em|mình|tớ)[ \t]+(?:tên[ \t]+)?là|tên[ \t]+(?:tôi|em|mình)"
    rf"[ \t]+là)[ \t]+){_VI_RUN}(?=[ \t]*(?:[.,;!?]|\r?$))"
    r"|(?i:^[ \t]*(?:trân[ \t]+trọng|thân[ \t]+ái|thân[ \t]+mến|kính[ \t]+thư|kính[ \t]+chào|"
    rf"chào[ \t]+thân[ \t]+ái)[ \t]*[,.!]?[ \t]*\r?\n[ \t]*){_VI_RUN}[ \t]*\r?$",
    regex.MULTILINE,
)
_VI_MARKERS = frozenset({"văn", "thị"})
_VI_LETTERS = regex.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300-\u036f\u1ea0-\u1ef9]")


# Words of a firm's, a shop's or an office's name, which signs a letter as a person does, and
# "người" ("tôi là Người …": a person of somewhere).
_VI_ORG_WORDS = frozenset(
    {"phòng", "công", "ty", "cty", "cửa", "hàng", "nhà", "bệnh", "viện", "trung", "tâm"}
    | {"trường", "khoa", "ban", "hội", "quỹ", "tiệm", "đội", "nhóm", "bộ", "sở", "chi", "nhánh"}
    | {"thuốc", "khám", "dịch", "vụ", "khách", "sạn", "quán", "chợ", "siêu", "thị", "người"}
)


def vietnamese_slot_names(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _VI_SLOT.finditer(text):
        words = m.group("value").split()
        found = nt.info(words[0])
        # "Khương Văn Khoát": the middle-name marker says the syllable before it is the
        # family name, however the table ranks it.
        marked = len(words) >= 3 and words[1].lower() in _VI_MARKERS
        if not _VI_LETTERS.search(m.group("value")) or not (
            marked or (found is not None and found.surname_rank)
        ):
            continue
        if any((stop(w) and len(w) > 3) or w.lower() in _VI_ORG_WORDS for w in words):
            continue
        yield m.start("value"), m.end("value"), VI_SOURCE


# "From: Ana Quist <ana@…>", "To: Ana Quist <…>, Bo Lind <…>": the display name of an address
# in a mail header.
_HEADER_NAME = regex.compile(
    rf"(?:^|,)[ \t]*(?:(?i:from|to|cc|bcc|reply-to)[ \t]*:[ \t]*)?(?P<value>{_NAME_WORD}"
    rf"(?:[ \t]+{_NAME_WORD}){{1,3}})[ \t]*{BRACKETED_EMAIL}",
    regex.MULTILINE,
)
# "Hi, this is Ana Quist.", "it's Ana Quist again": the writer naming themself.
_THIS_IS = regex.compile(
    rf"(?:^|[,.!?][ \t]*|\n){THIS_IS}[ \t]+(?P<value>{_NAME_WORD}"
    rf"(?:[ \t]+{_NAME_WORD}){{1,2}})(?=[ \t]*[.,!;]|[ \t]+(?i:here|again)\b)"
)


def _pair_of_names(words: list[str]) -> bool:
    """Two or three words a pair of names can be made of: two with one everyday word at most
    ("Bounmy Trout", "Dove Kask"), three with none ("Brite Plan Gold" is a plan), no stop word,
    no firm's last word."""
    if any(stop(w) for w in words) or words[-1].lower() in ORG_TAIL_WORDS:
        return False
    return [kind(w) for w in words].count("C") <= (1 if len(words) == 2 else 0)


def header_names(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _HEADER_NAME.finditer(text):
        if _pair_of_names(m.group("value").split()):
            yield m.start("value"), m.end("value"), SELF_SOURCE


def this_is_names(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _THIS_IS.finditer(text):
        if _pair_of_names(m.group("value").split()):
            yield m.start("value"), m.end("value"), SELF_SOURCE


def chat_slot_names(text: str) -> Iterable[tuple[int, int, str]]:
    """Every name of this module's slots in ``text`` (see the module docstring)."""
    yield from table_cell_names(text)
    if ":" in text:
        yield from key_names(text)
        yield from role_key_names(text)
        yield from label_names(text)
    if "(" in text:
        yield from role_names(text)
    yield from note_names(text)
    if "@" in text:
        yield from header_names(text)
    yield from this_is_names(text)
    if _VI_LETTERS.search(text):
        yield from vietnamese_slot_names(text)
