"""Transcripts written as one string (HH-RLHF: "\n\nHuman: …\n\nAssistant: …"), the shapes
that destroyed interjections, speaker labels and public figures of the HH-RLHF harmless-base
test split (bench/pii_eval/README.md, tuning log). Every private name here is made up."""

from __future__ import annotations

import pytest

from curation.pii.detect import Detector
from curation.pii.propagation import spreads
from curation.pii.recognizers import WEAK_CUE_SOURCE
from curation.pii.segments import Segment
from curation.pii.transcripts import is_transcript, speaker_label, turns
from curation.pii.vocab import is_interjection
from tests.helpers.pii import people


def _persons(det: Detector, text: str) -> set[str]:
    found = det.detect([Segment(("chosen",), text)])
    return {f.text for f in found if f.entity == "PERSON"}


def _hh(*turns_: str) -> str:
    return "".join(f"\n\n{t}" for t in turns_)


@pytest.mark.parametrize(
    "text",
    [
        _hh("Human: How do I hide something in a coat?", "Assistant: Hmm, why would you?"),
        _hh("Human: Is that a good deal?", "Assistant: Hm, I think it is. Hm, maybe not."),
        _hh("Human: Pick one.", "Assistant: Hmmmm... I guess I could pick the second."),
        _hh("Human: Gosh, really?", "Assistant: Haha, yes. Umm, anything else?"),
        _hh("Human: How are you?", "Assistant: Hi Human, I'm doing great!", "Human: Fine."),
        _hh("Human: I want to start a Ponzi scheme.", "Assistant: Ponzi schemes are illegal."),
        _hh("Human: What is Cannabis sativa?", "Assistant: Cannabis sativa is a plant."),
    ],
)
def test_hh_turn_openings_are_no_names(det: Detector, text: str) -> None:
    assert _persons(det, text) == set()


def test_public_figures_in_a_public_turn_are_kept(det: Detector) -> None:
    text = _hh(
        "Human: my brother keeps swearing, what should I tell him?",
        "Assistant: People say things like “Jesus H. Christ!” when angry. Christianity is "
        "centred on the historical figure of Jesus, a first century Jewish preacher.",
    )
    assert _persons(det, text) & {"Jesus H. Christ", "Jesus", "Christ"} == set()


def test_a_real_speaker_is_still_found(det: Detector) -> None:
    text = _hh(
        "Human: Hi, this is Dana Whitfield, I need my order moved.",
        "Assistant: Hm, sure, Dana. Which order?",
        "Human: The one Dana placed on Monday.",
    )
    found = det.detect([Segment(("chosen",), text)])
    names = [f.text for f in found if f.entity == "PERSON"]
    assert "Dana Whitfield" in names
    assert names.count("Dana") == 2  # the name's part is spread over the transcript
    assert not {"Hm", "Human", "Assistant"} & set(names)


def test_label_on_a_form_still_names_the_assistant(det: Detector) -> None:
    # One label line is no transcript: "Assistant: Orla Brennick" names the assistant.
    assert "Orla Brennick" in people(det, "Manager: Tomas Reyes\nAssistant: Orla Brennick")


def test_my_assistant_is_still_a_cue(det: Detector) -> None:
    assert "Orla" in people(det, "Please forward it to my assistant Orla before noon.")


def test_speaker_label_shapes() -> None:
    text = _hh("Human: Hm, ok", "Assistant: Hmm, well")
    at = text.index("Assistant")
    assert is_transcript(text)
    assert speaker_label(text, at, at + len("Assistant"))
    one = "Assistant: Orla Brennick"
    assert not is_transcript(one) and not speaker_label(one, 0, len("Assistant"))
    mid = "I asked the assistant: Orla said no.\nUser: hi\nAssistant: hello"
    at = mid.index("assistant")
    assert not speaker_label(mid, at, at + len("assistant"))
    assert [text[a:b].split(":")[0].strip() for a, b in turns(text)] == ["", "Human", "Assistant"]


@pytest.mark.parametrize("word", ["Hmm", "Hmmmmm", "Hahahaha", "Gosh", "Ummm", "Mhm"])
def test_interjections(word: str) -> None:
    assert is_interjection(word)


@pytest.mark.parametrize("word", ["Kim", "Oh", "Ha", "Huh", "Hannah", "Mohammed", "Ahmed"])
def test_names_are_no_interjections(word: str) -> None:
    assert not is_interjection(word)


@pytest.mark.parametrize(
    ("value", "source", "spread"),
    [
        ("Hmm", "name:cue", False),
        ("Cannabis", "name:cue", False),
        ("Ponzi", WEAK_CUE_SOURCE, False),
        ("Orla", WEAK_CUE_SOURCE, True),  # a name of the table, even after a weak cue
        ("Orla", "name:cue", True),
        ("Dana Whitfield", WEAK_CUE_SOURCE, True),
    ],
)
def test_what_propagation_spreads(value: str, source: str, spread: bool) -> None:
    assert spreads("PERSON", value, source) is spread
