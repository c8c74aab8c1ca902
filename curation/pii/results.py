"""A recogniser's finding, tagged with the rule that produced it (shown to reviewers)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from curation.pii.presidio_import import LocalRecognizer, NlpArtifacts, RecognizerResult

SOURCE_KEY = "curation_source"


def tagged_result(
    entity: str, start: int, end: int, score: float, source: str, recognizer: LocalRecognizer
) -> RecognizerResult:
    return RecognizerResult(
        entity_type=entity,
        start=start,
        end=end,
        score=score,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: str(getattr(recognizer, "name", "")),
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
            SOURCE_KEY: source,
        },
    )


class SignalRecognizer(LocalRecognizer):
    """A recogniser of one entity, named after its class, whose findings come from
    :meth:`find`; :meth:`applies` skips a text cheaply before it is searched."""

    ENTITY = ""

    def __init__(self) -> None:
        super().__init__(
            supported_entities=[self.ENTITY],
            name=type(self).__name__,
            supported_language="en",
            context=[],
        )

    def load(self) -> None:
        return None

    def applies(self, text: str) -> bool:  # noqa: ARG002 (a hook: subclasses read the text)
        return True

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if self.ENTITY not in entities or not self.applies(text):
            return []
        return list(self.find(text, nlp_artifacts))

    def find(self, text: str, nlp_artifacts: Any = None) -> Iterable[RecognizerResult]:
        raise NotImplementedError


# What produced a finding, in words a reviewer can judge it by (the PII page and
# `curation pii findings` show it beside the stored ``source`` tag).
_SIGNALS = {
    "name:table": "two or more words of the multi-country name table, capitalised as a name",
    "name:cue-table": "a name-table word after a cue (to, for, with, name is, I'm …)",
    "name:cue": "a capitalised word after a cue (to, for, with, name is, I'm …)",
    "name:cue-weak": "a capitalised word after a weak cue (ask, told, colleague, sure …)",
    "name:signoff-table": "a name-table word on a sign-off line (Thanks, Regards …)",
    "name:signoff": "a capitalised word on a sign-off or byline (Thanks, Regards, — , Posted by …)",
    "name:label": "a name on the line after 'Ship to:', right above an address block or a PO"
    " box, in a person's form field (Applicant:) or after a rank on military mail",
    "name:label-upper": "a name in capitals in a person's form field (SHIP TO:, Name:)",
    "name:vi": "a Vietnamese full name: a family name of the table, then two or three"
    " syllables, one with a letter only Vietnamese writes",
    "name:relation": "capitalised words after a relation (my neighbour, our tenant …)",
    "name:lower": "a lowercase name (name-table words, or non-English words closed by a"
    " comma) after a cue, or a lowercase given name spoken to",
    "name:title": "capitalised words after an honorific (Mr, Ms, Dr, Prof …)",
    "name:position": "capitalised words where only a person stands: before an identifier, on a"
    " signature line, after I'm/ask/thanks, booked under, a day's greeting, before 'wants to'",
    "name:email-local": "two words whose letters make the local part of an e-mail in the same"
    " text (Ana Quist … aquist@)",
    "name:self": "a pair where the speaker names themself (I'm, my name is), on a signature"
    " line above contact details, a listed pair with a glottal stop, a greeted unknown word",
    "name:tool-given": "a top given name that is also a tool's name, then a surname, before an"
    " identifier (Travis Parsley, SSN …)",
    "name:card": "the name after 'name on card' or 'cardholder', in capitals or not",
    "name:upper": "two to four words in capitals, name-table words or unknown, none common",
    "name:initial": "a name with an initial (H. Alemu, Okoli, C., Malte O.)",
    "name:initial-surname": "an initial beside a surname of the name table or an unknown word,"
    " anywhere (L. Hundessa, Brar, B.)",
    "name:signoff-initial": "a name with an initial signing a text after a dash (- Malte O.)",
    "name:postfix": "a name before 'said', 'wrote', 'here', 'from the …'",
    "name:key": "the value of a person's field (first_name, owner, customer …)"
    " or a cell of a table's column of people",
    "name:key-generic": "the value of a bare name or author field (kept in a public record)",
    "name:key-lower": "a lowercase value of a field that holds only a person's name"
    " (customer_name, full_name …)",
    "name:word-pair": "a given-name word then a surname word of the name table, everyday words"
    " or not (Grace Cash), after a cue to a person, a rank, or before an identifier",
    "name:word-pair-weak": "a given-name word then a surname word of the name table, alone on"
    " a line, in a list, after to/for/with or as a sentence's subject (kept in a public record)",
    "name:list-people": "an item of a bulleted list of people: tails one role word for word,"
    " under a line naming people or with a person's word in the tail",
    "name:list": "an item of a list whose sibling items are found persons (a rota, a roster;"
    " kept in a public record)",
    "address:military": "a US military address (PSC/CMR/Unit … Box, APO/FPO/DPO)",
    "address:po-box": "a PO box in one of the supported countries",
    "address:jp": "a Japanese address (prefecture, city, block numbers)",
    "address:unit": "a flat or unit number followed by a street and postcode",
    "address:field": 'the value of an address field (Address line 1:, "street": …)',
    "phone:valid": "a number valid in a national numbering plan (phonenumbers)",
    "card:context": "a card number near a word about cards",
    "ssn:context": "a social security number near a word about it",
    "spacy": "spaCy's named-entity model",
    "propagation": "the same value found elsewhere in this conversation",
    "deny": "a value on the workspace deny list",
    "rule": "a workspace pattern rule",
}


def describe_source(source: str) -> str:
    """The signal behind a stored ``source`` tag, in words; the tag itself if unknown."""
    base, _, extra = source.partition("+")
    text = _SIGNALS.get(base) or _SIGNALS.get(base.split(":", 1)[0])
    if text is None and base.startswith("presidio:"):
        text = f"Presidio's {base.removeprefix('presidio:')} recogniser"
    if text is None:
        text = base
    if base.startswith(("address:", "phone:")) and base not in _SIGNALS:
        text = f"{base.split(':', 1)[0]} recogniser ({base.split(':', 1)[1]})"
    return text + ("; corroborated by another signal" if extra == "corroborated" else "")
