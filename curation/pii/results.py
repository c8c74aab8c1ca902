"""A recogniser's finding, tagged with the rule that produced it (shown to reviewers)."""

from __future__ import annotations

from presidio_analyzer import LocalRecognizer, RecognizerResult

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
