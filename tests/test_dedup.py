"""Dedup logic on plain records with a fake encoder: rule, exact keys, clusters, representatives."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise
from typing import ClassVar

import numpy as np
import pytest

from curation.dedup import (
    Encoders,
    Settings,
    align_score,
    build_clusters,
    find_duplicates,
    find_matches,
    make_item,
    normalize_text,
)
from curation.dedup.cluster import UnionFind, nn_histogram
from curation.dedup.results import Pair
from curation.dedup.search import CENTER_MIN, range_pairs
from curation.dedup.units import preferred_completion, record_score
from curation.dedup.verify import cascade_band, check_order
from curation.errors import InputError
from curation.records import Completion
from tests.helpers.dedup import TOPICS, FakeEncoder, chat, fake_encoders

LONG = [t for pair in TOPICS for t in pair]


def items_of(records: list[list[dict[str, object]]], **kw: object) -> list:
    return [make_item(r, order=i, **kw) for i, r in enumerate(records)]  # type: ignore[arg-type]


def run(records: list[list[dict[str, object]]], **settings: object):
    s = Settings(**{"embedder": "static", "threshold": 0.9, **settings})  # type: ignore[arg-type]
    return find_duplicates(items_of(records), s, encoders=fake_encoders())


def test_normalisation_folds_case_whitespace_and_punctuation() -> None:
    assert normalize_text("  Hello,   WORLD!!\n\nHow are you? ") == "hello world how are you"
    assert normalize_text("Ça va? «Très» bien…") == "ça va très bien"
    assert normalize_text("Straße") == normalize_text("STRASSE")


def test_exchanges_group_user_turn_with_its_answers_and_skip_system() -> None:
    messages = [
        {"role": "system", "content": "You are a bot."},
        {"role": "user", "content": "Hi"},
        {"role": "user", "content": "Need help"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"type": "function", "function": {"name": "lookup", "arguments": '{"q": 1}'}}
            ],
        },
        {"role": "tool", "content": "result 1"},
        {"role": "assistant", "content": "Done."},
        {"role": "user", "content": "Thanks"},
        {"role": "assistant", "content": "Bye"},
    ]
    item = make_item(messages)
    assert item.exchanges == (
        "hi\nneed help\nlookup q 1\nresult 1\ndone",
        "thanks\nbye",
    )
    with_system = make_item(messages, include_system=True)
    assert with_system.exchanges[0] == "you are a bot"
    assert with_system.key != item.key


def test_system_prompt_does_not_matter_by_default() -> None:
    a = make_item(chat("How do I reset it?", "Click reset."))
    b = make_item(chat("how do I reset it", "Click  reset!", system="You are Northwind support."))
    assert a.key == b.key


def test_non_text_parts_enter_the_key_but_not_the_text() -> None:
    def with_image(url: str) -> list[dict[str, object]]:
        return [
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "What is this?"},
                    {"type": "image_url", "image_url": {"url": url}},
                ],
            },
            {"role": "assistant", "content": "A cat."},
        ]

    a, b = make_item(with_image("https://x/1.png")), make_item(with_image("https://x/2.png"))
    assert a.exchanges == b.exchanges == ("what is this\na cat",)
    assert a.key != b.key
    only_image = make_item(
        [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "u"}}]}]
    )
    assert only_image.exchanges == () and not only_image.empty
    assert make_item([{"role": "user", "content": ""}]).empty
    assert make_item([]).empty


def test_preferred_completion_is_part_of_the_record() -> None:
    comps = [
        Completion([{"role": "assistant", "content": "bad"}]),
        Completion([{"role": "assistant", "content": "good"}]),
    ]
    assert preferred_completion(comps, [(1, 0)]) == 1
    assert preferred_completion(comps, []) == 0
    item = make_item(chat("q?"), comps, [(1, 0)])
    assert item.exchanges == ("q\ngood",)


def test_record_score_reads_metadata_then_completions() -> None:
    assert record_score({"quality": "4.5"}) == 4.5
    assert record_score({"score": True}) is None
    comps = [Completion([], scores={"helpfulness": {"Rating": "3"}, "overall": 7})]
    assert record_score({}, comps) == 7.0
    assert record_score(None) is None


def test_align_score_follows_exchange_order_and_counts_unmatched_as_zero() -> None:
    assert align_score(np.eye(3)) == pytest.approx(1.0)
    one_shared = np.array([[1.0, 0.1, 0.1], [0.1, 0.2, 0.1], [0.1, 0.1, 0.2]])
    assert align_score(one_shared) == pytest.approx((1.0 + 0.2 + 0.2) / 3)
    # An extra exchange on one side: the best monotone alignment skips it.
    extra = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    assert align_score(extra) == pytest.approx(2 / 3)
    # Crossed order cannot both match.
    crossed = np.array([[0.0, 1.0], [1.0, 0.0]])
    assert align_score(crossed) == pytest.approx(0.5)
    assert align_score(np.zeros((0, 2))) == 0.0


def test_union_find_and_clusters_with_each_representative_rule() -> None:
    records = [chat("a a a"), chat("a a a b"), chat("a a a b c d e f g h"), chat("z")]
    items = items_of(records)
    items[1].score, items[2].score = 5.0, 1.0
    pairs = [Pair(0, 1, 0.95, "semantic", True), Pair(1, 2, 0.91, "semantic", True)]
    for rule, rep in (("earliest", 0), ("longest", 2), ("best-scored", 1)):
        (cluster,) = build_clusters(items, pairs, 0.9, rule)
        assert cluster.members == [0, 1, 2]
        assert cluster.representative == rep
        assert cluster.similarity[rep] == 1.0
        assert (cluster.max_similarity, cluster.min_similarity) == (0.95, 0.91)
    assert [c.members for c in build_clusters(items, pairs, 0.93, "earliest")] == [[0, 1]]
    uf = UnionFind(4)
    uf.union(3, 1)
    assert uf.find(3) == uf.find(1) == 1


def test_variants_cluster_and_conversations_sharing_an_opening_do_not() -> None:
    base = list(LONG[:6])
    variant = [t.lower() for t in base]
    variant[5] = variant[5] + " Hope this helps"
    same_opening = [*LONG[:2], *LONG[8:12]]  # first exchange equal, then two other exchanges
    other = list(LONG[12:16])
    result = run([chat(*base), chat(*other), chat(*variant), chat(*same_opening)])
    assert [(c.members, c.representative) for c in result.clusters] == [([0, 2], 0)]
    pair = next(p for p in result.pairs if {p.a, p.b} == {0, 2})
    assert pair.kind == "exact" or pair.similarity > 0.9
    assert result.dropped == {2}
    assert not any({p.a, p.b} == {0, 3} and p.similarity >= 0.9 for p in result.pairs)


def test_typo_in_a_short_turn_is_rescued_by_the_character_measure() -> None:
    a = chat("what is slang for penguin", "You mean flightless birds right?")
    b = chat("what is slnag for pengiun", "You mean flightless birds right?")
    result = run([a, b])
    assert [c.members for c in result.clusters] == [[0, 1]]


def test_exact_duplicates_are_found_without_embedding_and_stay_out_of_the_search() -> None:
    records = [
        chat("Hello there", "Hi!"),
        chat("hello, THERE.", "hi"),
        chat("Something else", "ok"),
    ]
    encoders = fake_encoders()
    result = find_duplicates(items_of(records), Settings("static", 0.9), encoders=encoders)
    assert [(p.a, p.b, p.kind, p.similarity) for p in result.pairs] == [(0, 1, "exact", 1.0)]
    assert result.stats["exact_pairs"] == 1
    assert encoders.candidate.texts == 2  # type: ignore[attr-defined]  # one of each exact group


def test_floor_keeps_pairs_below_threshold_for_rethresholding() -> None:
    a = chat(*LONG[:4])
    b = chat(
        LONG[0], LONG[1], LONG[2], LONG[3] + " Also check the status page and retry later today"
    )
    result = run([a, b], threshold=0.99, floor=0.5)
    assert result.clusters == []
    (pair,) = result.pairs
    assert 0.5 <= pair.similarity < 0.99 and pair.verified
    assert build_clusters(items_of([a, b]), result.pairs, pair.similarity, "earliest")


def test_cascade_checks_only_uncertain_pairs_with_the_accurate_encoder() -> None:
    base = chat(*LONG[:4])
    exact_variant = chat(*[t.upper() for t in LONG[:4]])
    close = chat(LONG[0], LONG[1], LONG[2], LONG[3] + " Retry after that, please wait.")
    far = chat(*LONG[8:12])
    encoders = fake_encoders(cascade=True)
    result = find_duplicates(
        items_of([base, exact_variant, close, far]), Settings("cascade", 0.8), encoders=encoders
    )
    assert [c.members for c in result.clusters] == [[0, 1, 2]]
    verifier = encoders.verifier
    assert verifier is not None and verifier.texts == 2  # type: ignore[attr-defined]
    assert result.stats["embedder"] == "cascade(fake-static→fake-minilm)"


def test_in_process_cascade_loads_minilm_only_when_a_pair_needs_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loaded: list[str] = []

    def load(name: str) -> FakeEncoder:
        loaded.append(name)
        return FakeEncoder(name)

    monkeypatch.setattr("curation.dedup.settings.get_encoder", load)
    monkeypatch.setattr("curation.dedup.embedders.get_encoder", load)
    base, far = chat(*LONG[:4]), chat(*LONG[8:12])
    result = find_duplicates(items_of([base, far]), Settings("cascade", 0.8))
    assert result.clusters == [] and loaded == ["static"]
    assert result.stats["embedder"] == "cascade(static→minilm)"

    loaded.clear()
    close = chat(LONG[0], LONG[1], LONG[2], LONG[3] + " Retry after that, please wait.")
    result = find_duplicates(items_of([base, close, far]), Settings("cascade", 0.8))
    assert [c.members for c in result.clusters] == [[0, 1]]
    assert loaded == ["static", "minilm"]


def test_cascade_band_follows_the_threshold() -> None:
    assert cascade_band(0.90) == (0.90, 0.96)
    assert cascade_band(0.80) == (0.80, 0.96)
    assert cascade_band(0.97) == pytest.approx((0.90, 0.99))


RESET_Q = "How do I reset my password on the billing portal today?"
RESET_A = "Open Settings, choose Security, then Reset password and follow the emailed link."


def test_cascade_at_a_low_threshold_checks_pairs_under_the_default_band() -> None:
    a = chat(RESET_Q, RESET_A)
    b = chat(RESET_Q, RESET_A[:-1] + " we sent, or ask an admin to reset it for you.")
    encoders = fake_encoders(cascade=True)
    result = find_duplicates(items_of([a, b]), Settings("cascade", 0.8), encoders=encoders)
    (pair,) = result.pairs
    assert 0.8 <= pair.similarity < 0.9  # the static score is under the default band…
    assert pair.verified and [c.members for c in result.clusters] == [[0, 1]]  # …yet checked
    assert result.stats["cascade_band"] == [0.8, 0.96]


def test_cascade_at_a_high_threshold_never_accepts_on_a_static_score_alone() -> None:
    a = chat(RESET_Q, RESET_A)
    b = chat(RESET_Q, RESET_A[:-1] + " now.")
    encoders = fake_encoders(cascade=True)
    result = find_duplicates(items_of([a, b]), Settings("cascade", 0.97), encoders=encoders)
    (pair,) = result.pairs
    assert 0.97 <= pair.similarity < 0.99 and pair.verified
    assert encoders.verifier is not None and encoders.verifier.texts == 2  # type: ignore[attr-defined]


class BigramEncoder(FakeEncoder):
    """Order-aware: a bag of word pairs, so the same words in another order look different."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return super().encode([" ".join(map("_".join, pairwise(t.split()))) for t in texts])


def shuffled_twin(text: str) -> str:
    """The same words (so the same bag-of-words vector), in reverse order."""
    return " ".join(reversed(text.split()))


def two_twin_pairs() -> list[list[dict[str, object]]]:
    """Two topics, each with a static twin whose words are shuffled."""
    other_q, other_a = TOPICS[1]
    return [
        chat(RESET_Q, RESET_A),
        chat(shuffled_twin(RESET_Q), shuffled_twin(RESET_A)),
        chat(other_q, other_a),
        chat(shuffled_twin(other_q), shuffled_twin(other_a)),
    ]


def order_aware_cascade() -> Encoders:
    return Encoders(FakeEncoder("fake-static"), BigramEncoder("fake-bigrams"))


def test_cascade_checks_static_twins_whose_texts_differ_instead_of_accepting_them() -> None:
    a = chat(RESET_Q, RESET_A)
    b = chat(shuffled_twin(RESET_Q), shuffled_twin(RESET_A))
    encoders = order_aware_cascade()
    result = find_duplicates(items_of([a, b]), Settings("cascade"), encoders=encoders)
    assert result.clusters == []  # static alone says 1.0; the accurate model says no
    assert result.stats["accepted_on_static"] == 0 and result.stats["verified"] == 1
    assert encoders.verifier is not None and encoders.verifier.texts == 2  # type: ignore[attr-defined]


def twin_and_near() -> list[list[dict[str, object]]]:
    """A static twin whose words are reordered (1.0, characters differ) and a near copy."""
    other_q, other_a = TOPICS[1]
    return [
        chat(RESET_Q, RESET_A),
        chat(shuffled_twin(RESET_Q), shuffled_twin(RESET_A)),
        chat(other_q, other_a),
        chat(other_q, other_a[:-1] + " or call support."),
    ]


def test_cascade_past_its_budget_accepts_only_where_vectors_and_characters_agree() -> None:
    encoders = order_aware_cascade()
    result = find_duplicates(
        items_of(twin_and_near()), Settings("cascade", 0.8, verify_budget=0), encoders=encoders
    )
    assert encoders.verifier is not None and encoders.verifier.texts == 0  # type: ignore[attr-defined]
    # The twin's static score is 1.0 but its characters differ: kept apart, unchecked.
    assert [c.members for c in result.clusters] == [[2, 3]]
    assert [(p.a, p.b, p.verified) for p in result.pairs] == [(2, 3, False)]
    assert result.stats["static_fallback"] == 2
    assert result.stats["complete_from"] == result.stats["static_fallback_cut"] == 0.84


def test_cascade_budget_goes_first_to_the_highest_static_plus_lexical_scores() -> None:
    # The twin scores 1.0 static but 0.47 lexical; the near copy 0.94 on both. Ordered by
    # static alone the twin took the budget and the near copy was left to the fallback.
    encoders = order_aware_cascade()
    result = find_duplicates(
        items_of(twin_and_near()), Settings("cascade", 0.8, verify_budget=2), encoders=encoders
    )
    assert result.stats["doubtful"] == 2 and result.stats["verified"] == 1
    assert result.stats["static_fallback"] == 1  # the twin: characters differ, so dropped
    assert [(p.a, p.b, p.verified) for p in result.pairs] == [(2, 3, True)]
    assert result.stats["verified_exchanges"] == 2
    assert encoders.verifier is not None and encoders.verifier.texts == 2  # type: ignore[attr-defined]


def test_check_order_ranks_by_static_plus_lexical_then_by_position() -> None:
    scores = np.array([0.99, 0.95, 0.92, 0.95, 0.91], dtype=np.float32)
    lexical = np.array([0.40, 0.80, 0.80, 0.80, 0.20], dtype=np.float32)
    doubtful = np.array([0, 1, 2, 3, 4])
    assert check_order(scores, lexical, doubtful).tolist() == [1, 3, 2, 0, 4]
    assert check_order(scores, lexical, np.array([4, 0])).tolist() == [0, 4]


def test_cascade_budget_counts_distinct_exchanges_and_is_never_exceeded() -> None:
    # Four near copies of one record: six doubtful pairs over four distinct texts. A budget
    # of three checks only pairs among three of the records (their texts shared, counted
    # once); every pair touching the fourth is left to the fallback.
    q, ans = TOPICS[1]
    suffixes = (
        "",
        " Thanks for asking me.",
        " Good luck with that one.",
        " Bye now, see you later.",
    )
    records = [chat(q, ans + suffix) for suffix in suffixes]
    for budget, verified in ((3, 3), (4, 6), (1, 0)):
        encoders = order_aware_cascade()
        result = find_duplicates(
            items_of(records), Settings("cascade", 0.8, verify_budget=budget), encoders=encoders
        )
        assert result.stats["verified_exchanges"] <= budget
        assert encoders.verifier.texts == result.stats["verified_exchanges"]  # type: ignore[union-attr]
        assert result.stats["doubtful"] == 6 and result.stats["verified"] == verified
        assert result.stats["static_fallback"] == 6 - verified


def test_large_corpus_uses_centred_search_and_ivf_settings_are_recorded() -> None:
    rng = np.random.default_rng(0)
    words = [f"w{i}" for i in range(3000)]
    records = [
        chat(" ".join(rng.choice(words, 12)), " ".join(rng.choice(words, 12)))
        for _ in range(CENTER_MIN + 50)
    ]
    records.append([dict(m) for m in records[7]])
    records[-1][1]["content"] += " extra"
    result = run(records)
    assert result.stats["centred"] is True
    assert result.stats["index"] == "IndexFlatIP"
    assert [c.members for c in result.clusters] == [[7, len(records) - 1]]


def test_empty_records_are_counted_and_left_alone() -> None:
    result = run([[], chat(""), chat("x y z", "q")])
    assert result.clusters == [] and result.stats["empty"] == 2


def test_settings_validation_quotes_the_bad_value() -> None:
    with pytest.raises(InputError, match="'fast'"):
        Settings("fast").resolved()
    with pytest.raises(InputError, match=r"1\.5"):
        Settings("static", 1.5).resolved()
    with pytest.raises(InputError, match="'newest'"):
        Settings(rule="newest").resolved()
    s = Settings("static").resolved()
    assert s.threshold == 0.94 and s.floor == pytest.approx(0.84)


Seen = list[tuple[str, int, int | None]]


def assert_counts_move_forward(seen: Seen) -> None:
    """Within each stage the count never goes back nor past its total; the last event is done."""
    last: dict[str, int] = {}
    for stage, done, total in seen:
        assert done >= last.get(stage, 0), (stage, done, last)
        assert total is None or done <= total, (stage, done, total)
        last[stage] = done
    stage, done, total = seen[-1]
    assert stage == "Done" and done == total


def test_progress_counts_each_stage_and_ends_done() -> None:
    seen: Seen = []
    find_duplicates(
        items_of([chat(*LONG[:2]), chat(*LONG[:2]) + chat("x")]),
        Settings("static", 0.9),
        encoders=fake_encoders(),
        progress=lambda stage, done, total: seen.append((stage, done, total)),
    )
    assert_counts_move_forward(seen)
    stages = list(dict.fromkeys(stage for stage, _, _ in seen))
    assert stages == [
        "Finding exact duplicates",
        "Embedding exchanges",
        "Searching for neighbours",
        "Scoring candidate pairs",
        "Building clusters",
        "Done",
    ]
    assert ("Embedding exchanges", 2, 2) in seen  # the unique exchanges, counted


def test_cascade_progress_never_goes_back_when_minilm_checks_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from curation.dedup import verify

    monkeypatch.setattr(verify, "VERIFY_BATCH", 1)  # MiniLM reports after every text
    seen: Seen = []
    twins = two_twin_pairs()
    encoders = order_aware_cascade()
    find_duplicates(
        items_of(twins),
        Settings("cascade"),
        encoders=encoders,
        progress=lambda stage, done, total: seen.append((stage, done, total)),
    )
    assert encoders.verifier is not None and encoders.verifier.texts == 4  # type: ignore[attr-defined]
    assert_counts_move_forward(seen)
    checks = [(d, t) for stage, d, t in seen if stage.startswith("Checking candidates")]
    assert checks == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_the_accurate_model_gets_small_batches_and_the_same_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The check's texts go out in batches of VERIFY_BATCH (the engine's actors share them
    evenly), the embed stage's in its own; the decisions are those of one big batch."""
    from curation.dedup import verify
    from curation.dedup.embedders import Encoder, encode_here

    twins = two_twin_pairs()
    sent: dict[str, list[int]] = {}

    def recording(encoder: Encoder, batches: Iterable[list[str]]) -> Iterator[np.ndarray]:
        for batch in batches:
            sent.setdefault(encoder.name, []).append(len(batch))
            yield from encode_here(encoder, [batch])

    whole = find_duplicates(items_of(twins), Settings("cascade"), encoders=order_aware_cascade())
    monkeypatch.setattr(verify, "VERIFY_BATCH", 3)
    split = find_duplicates(
        items_of(twins), Settings("cascade"), encoders=order_aware_cascade(), encode=recording
    )
    assert sent == {"fake-static": [4], "fake-bigrams": [3, 1]}
    assert split.pairs == whole.pairs and split.stats["verified"] == 2


def test_a_one_megabyte_message_is_handled() -> None:
    big = "lorem ipsum dolor " * 60_000  # ~1 MB
    records = [chat("tell me", big), chat("tell me", big + " amen"), chat("other", "thing")]
    result = run(records)
    assert [c.members for c in result.clusters] == [[0, 1]]


def test_find_matches_reports_validation_records_near_train() -> None:
    train = items_of([chat(*LONG[:2]), chat(*LONG[2:4])])
    valid = items_of([chat(LONG[2].lower(), LONG[3]), chat(*LONG[4:6]), chat(*LONG[0:2])])
    matches = find_matches(train, valid, Settings("static", 0.9), encoders=fake_encoders())
    assert [(m.query, m.reference, m.kind) for m in matches] == [(0, 1, "exact"), (2, 0, "exact")]
    typo = items_of([chat(LONG[2].replace("charged", "chagred"), LONG[3])])
    (match,) = find_matches(train, typo, Settings("static", 0.9), encoders=fake_encoders())
    assert (match.reference, match.kind) == (1, "semantic") and match.similarity > 0.9


def test_nn_histogram_counts_records_without_a_neighbour_apart() -> None:
    hist = nn_histogram(4, [Pair(0, 1, 0.955, "semantic", True)], [0, 1, 2, 3])
    assert hist["without_neighbour"] == 2
    assert sum(hist["counts"]) == 2 and hist["counts"][95] == 2


def test_ivf_index_above_the_flat_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from curation.dedup import search

    monkeypatch.setattr(search, "FLAT_MAX", 100)
    rng = np.random.default_rng(1)
    words = [f"w{i}" for i in range(5000)]
    records = [
        chat(" ".join(rng.choice(words, 10)), " ".join(rng.choice(words, 10))) for _ in range(400)
    ]
    records.append(chat(records[3][0]["content"] + " please", records[3][1]["content"]))
    result = run(records)
    assert result.stats["index"].startswith("IndexIVFScalarQuantizer(QT_8bit, nlist=80")
    assert [c.members for c in result.clusters] == [[3, 400]]
    monkeypatch.setattr(search, "FLAT_MAX", 10_000)
    exact = run(records)
    assert exact.stats["index"] == "IndexFlatIP"
    (ivf_pair,) = result.pairs
    (flat_pair,) = exact.pairs
    assert ivf_pair.similarity == pytest.approx(flat_pair.similarity, abs=1e-5)  # re-scored


def test_leakage_search_on_an_ivf_index_rescores_against_the_reference(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from curation.dedup import search

    monkeypatch.setattr(search, "FLAT_MAX", 100)
    rng = np.random.default_rng(2)
    words = [f"w{i}" for i in range(5000)]
    train = [
        chat(" ".join(rng.choice(words, 10)), " ".join(rng.choice(words, 10))) for _ in range(400)
    ]
    leaked = chat(train[7][0]["content"] + " please", train[7][1]["content"])
    fresh = chat("an unrelated question", "and its own answer")
    settings = Settings("static", 0.9)
    matches = find_matches(
        items_of(train), items_of([fresh, leaked]), settings, encoders=fake_encoders()
    )
    assert [(m.query, m.reference) for m in matches] == [(1, 7)]


class OneWayIndex:
    """A range search that, like IVF, finds a neighbour from one side only."""

    hits: ClassVar[dict[int, list[tuple[int, float]]]] = {
        0: [],
        1: [(2, 0.8)],
        2: [(0, 0.7), (1, 0.8)],
    }

    def range_search(self, block: np.ndarray, radius: float) -> tuple[np.ndarray, ...]:
        lims, dist, ids = [0], [], []
        for q in range(len(block)):
            for i, d in self.hits[q]:
                ids.append(i)
                dist.append(d)
            lims.append(len(ids))
        return np.array(lims), np.array(dist, np.float32), np.array(ids, np.int64)


def test_a_self_search_on_its_own_coarse_assignment_finds_the_same_hits() -> None:
    """IVF built with the probed lists kept (one coarse search, not two): the same hits."""
    from curation.dedup.search import FLAT_MAX, build_index, build_self_index, normalize_rows

    rng = np.random.default_rng(3)
    groups = rng.standard_normal((FLAT_MAX // 3 + 100, 32)).astype(np.float32)
    noise = 0.3 * rng.standard_normal((3 * len(groups), 32)).astype(np.float32)
    vectors = normalize_rows(np.repeat(groups, 3, axis=0) + noise)
    index, name, probes = build_self_index(vectors)
    assert name.startswith("IndexIVF") and probes is not None
    assert probes.lists.shape == (len(vectors), index.nprobe)
    again = range_pairs(index, vectors, 0.5, self_search=True, probes=probes)
    before = range_pairs(build_index(vectors)[0], vectors, 0.5, self_search=True)
    assert len(before[0]) > len(vectors)  # the groups are found
    for new, old in zip(again, before, strict=True):
        assert np.array_equal(new, old)
    assert build_self_index(vectors[:100])[2] is None  # a flat index has no lists


def test_self_search_keeps_a_pair_found_from_either_side_once() -> None:
    a, b, d = range_pairs(OneWayIndex(), np.zeros((3, 4), np.float32), 0.5, self_search=True)
    scores = [round(x, 2) for x in d.tolist()]
    assert list(zip(a.tolist(), b.tolist(), scores, strict=True)) == [
        (0, 2, 0.7),
        (1, 2, 0.8),
    ]
