"""Exact and semantic near-duplicates: precise on long conversations, fast on a laptop.

Pipeline
    1. **Exact**: records equal after normalisation (Unicode NFKC, case folded,
       punctuation removed, whitespace collapsed; system prompts left out) share a
       hash key; one of each group goes on, the others join its cluster with
       similarity 1.
    2. **Embed** each unique exchange once (see *comparison rule*), with the mode's
       candidate encoder: ``static`` (model2vec distilled locally from MiniLM) in the
       default ``cascade`` mode and in ``static``; ``minilm``; ``openai``.
    3. **Search** record vectors (the normalised mean of their exchange vectors) with
       FAISS ``range_search``: ``IndexFlatIP`` up to 20,000 records, IVF above
       (nlist ≈ 4√N, ``Settings.nprobe`` lists probed, 8 by default; lists of 8-bit
       scalar-quantised vectors, searched 0.02 wider and every hit re-scored
       exactly); never HNSW, whose ``range_search`` aborts the process in faiss-cpu
       1.15.1. From 1,000 records on the vectors are centred on the
       corpus's mean exchange vector first: mean-pooled embeddings of unrelated long
       conversations share a common component (raw cosines 0.85–0.95 on HH-RLHF), so a
       raw range search returns nearly every pair; centred, unrelated records fall near
       0 and every planted duplicate stayed above the 0.5 radius used. Each record keeps
       its 64 most similar candidates. IVF is not symmetric (x's probed lists can miss
       y while y's find x), so a pair found from either side counts.
       **Lexical candidates** (``Settings.lsh``, on by default; :mod:`.lexical`) join
       them: MinHash signatures (rensa) of each record's 5-character shingles, banded
       20 × 5, so records sharing most of their characters are candidates even when a
       typo threw their static vectors apart (on 1M short conversations the vector
       search alone found 0.88 of the true pairs). They are scored like every other
       candidate: LSH adds recall, never a merge by itself.
       **Partitions** (``find_duplicates(partitions=…, map_fn=…)``; :mod:`.partition`):
       for a corpus larger than one worker, k-means on the record vectors puts every
       record in its nearest and second-nearest partition; each partition is searched
       and its candidates scored apart (through ``map_fn``), and the pairs meet in one
       MiniLM check and one union-find. :mod:`.parallel` is the engine's choice, for
       file and workspace mode alike: partitions as Ray tasks and the embedding batches
       on actors that load the model once each, for big inputs.
    4. **Verify** each candidate pair with the comparison rule. In the cascade, a pair
       scoring ≥ 0.96 with static vectors whose texts also agree character by character
       (lexical alignment ≥ 0.85) is accepted as it is, < 0.90 is dropped, and MiniLM
       re-scores the doubtful pairs, embedding only the exchanges that differ between
       the two records (a verbatim shared exchange scores 1 under any model). The
       lexical check exists because static vectors are mean-pooled: texts sharing a long
       run (a pasted URL, boilerplate) scored 0.98 while the rest differed (corpus (c)
       at 100k: 888 such pairs accepted before the check, precision 0.67 → 1.0 with it).
       MiniLM reads about 50 short texts a second on two cores, so it gets a budget
       (``Settings.verify_budget``, 1,000 distinct exchanges by default, about 20 s):
       doubtful pairs are checked from the highest static *plus lexical* score down
       (:func:`~curation.dedup.verify.check_order`); pairs past the budget are
       accepted, unverified, only where static vectors and characters agree (static ≥
       threshold + 0.04, the static mode's calibrated cut, and lexical ≥ 0.85), and
       the run's stats count them (``static_fallback``). On 1M short conversations
       accepting every static score above the cut instead chained texts sharing a
       pasted URL into one cluster of 2,776.
       Why that order and budget (corpus (c), 2026-12-08): most doubtful pairs are
       static 0.90–0.96 with texts that share a run and little else (lexical 0.3–0.55);
       MiniLM rejects nearly all of them. At 200k, of 36,331 doubtful pairs checked in
       static order MiniLM accepted 142, every one with lexical ≥ 0.61. Ranked by static
       plus lexical they come first. F1 from one instrumented run each, 200k in static
       order and 1M in the new order at 10,000 (the checked pairs' MiniLM scores kept,
       other budgets and orders replayed offline; at 200k the new order reaches up to
       1,651 pairs the run did not check, replayed as past the budget); precision 1.0
       in every row:

       ==========  ==============  ==============  ==============  ===============
       budget      200k, static    200k, +lexical  1M, +lexical    1M MiniLM pairs
       ==========  ==============  ==============  ==============  ===============
       10,000      0.9851          0.9851          0.9869          170,590
       5,000       0.9846          0.9851          0.9868          80,314
       2,500       0.9838          0.9851          0.9856          21,607
       1,000       0.9831          0.9850          0.9829          2,220
       0           0.9786          0.9786          0.9810          0
       ==========  ==============  ==============  ==============  ===============

       (1M in static order at 10,000, the earlier default: 0.9853.) 1,000 takes the
       check from about 207 s to about 25 s of a 1M run on two cores, which the
       ≤ 458 s target needed (measured on the engine, load 2.7: 408 s, F1 0.9829 as
       replayed; embed 116, search 222, scoring and check 29 s); the 0.004 of F1 it costs at 1M against 10,000 are true
       pairs MiniLM would have found (recall 0.9664 vs 0.9741). A run that can afford
       more passes a larger ``verify_budget``. Corpus (c) at 100k needed 5,059
       exchanges to check every doubtful pair, so the budget binds from a few tens of
       thousands of short records on.
       The band was set on the calibration corpora: it sends 1–2% of candidates to
       MiniLM and loses no precision against checking every candidate (F1 0.994 vs
       0.995 on (a), 0.9995 on (b)). Another threshold moves the band with it
       (:func:`~curation.dedup.verify.cascade_band`): its low end never sits above the
       threshold, and a pair is accepted on its static score alone only when that
       score clears the threshold by 0.02. (Re-run of ``dedup_calibrate --corpora a``
       on 2026-11-25: MiniLM true pairs lowest 0.818, 1st percentile 0.878, distinct
       pairs highest 0.852, F1 0.995 at 0.90; static F1 0.990 at 0.90, 0.992 at 0.94;
       cascade 0.994 at 0.90 with 37 of 3,547 candidates sent to MiniLM.)
    5. **Cluster**: union-find over pairs at or above the threshold. Pairs down to a
       floor (threshold − 0.1 by default) are stored, so a new threshold needs no
       re-embedding (:func:`rethreshold`). In the cascade only pairs that MiniLM
       scored (or that static accepted outright) are stored: a pair the static model
       put under 0.90 has no MiniLM score to re-threshold on.
    6. **Representative** of each cluster, by a stated rule: ``earliest`` (lowest
       record id / input line; the default), ``longest`` (most characters of text), or
       ``best-scored`` (highest numeric ``metadata`` score/quality/rating, else the
       best completion score; unscored records last; ties to the earliest).

Comparison rule (exchange alignment)
    A record is its list of exchanges: a user turn with every assistant/tool message
    answering it, plus the preferred completion, if any, as the last answer. Two records
    score the best order-preserving one-to-one alignment of their exchanges: the sum of
    the matched exchanges' similarities divided by the larger exchange count, unmatched
    exchanges counting 0. Two exchanges are as similar as the larger of the cosine of
    their embeddings (meaning: rewording, synonyms) and the Indel ratio of their
    normalised texts (spelling: a typo or a trimmed sentence moves the embedding of a
    short text far, its characters little; texts over 4,000 characters use the cosine
    only). So a conversation never collapses into its opening exchange: two records
    that share one exchange of three score about 1/3 plus what the others share. MiniLM
    reads 256 word pieces; longer exchanges are embedded in ~900-character windows and
    averaged (64 windows at most, evenly spaced).

Why: measured on HH-RLHF, the mean-pooled record vectors that SemHash compares put
distinct multi-turn conversations at cosine 0.85–0.95 from one another, and a record
built from exchanges of three dialogues sits as close to a record sharing one of them
as a real variant does; per-exchange alignment separates them, and the lexical side
rescues typo'd short turns that both embedders push below 0.8.

Default thresholds (on the aligned similarity; calibrated with ``bench/dedup_calibrate``
on HH-RLHF dialogues with planted variants and on 20,000 long conversations built from
HH-RLHF exchanges, different seeds from the benchmark):

    ========  =========  ==========================================================
    mode      threshold  why
    ========  =========  ==========================================================
    cascade   0.90       MiniLM scores of true variants: lowest 0.82, 1st percentile
                         0.88; distinct pairs: highest 0.85 on (a), 0.81 on (b) but for
                         one natural near-duplicate, and 0.876 for a topical paraphrase
                         in the demo data ("Is it normal for an NDA to last forever?"
                         vs a long answer about indefinite NDA terms). F1 on (a): 0.997
                         at 0.88, 0.995 at 0.90; 0.90 keeps the paraphrase out
    minilm    0.90       same scale as the cascade
    static    0.94       static scores run higher for everything: distinct pairs up
                         to 0.93 on (a), 0.96 on (b); F1 0.99 (a), 0.97 (b)
    openai    0.90       not calibrated here (no endpoint): a starting point only
    ========  =========  ==========================================================

Public API: :func:`find_duplicates` (plain items), :func:`run_dedup`,
:func:`rethreshold`, :func:`decide_cluster`, :func:`keep_representatives`,
:func:`latest_clusters` (for export: record id → cluster id of the latest finished
run), :func:`dedup_file`, :func:`file_leakage`, :func:`dataset_leakage`.

Modules
    The pipeline, on item lists: ``settings`` (modes, thresholds, :class:`Settings`),
    ``units`` (records → items), ``embedders`` (the encoders), ``search`` (candidate
    search), ``lexical`` (MinHash/LSH candidates), ``partition`` (search and scoring per
    partition), ``scoring`` (the comparison rule, pairs scored in batches), ``verify``
    (the cascade), ``cluster`` (union-find, representatives), ``results`` (pairs,
    clusters, matches), ``engine``
    (:func:`find_duplicates`, :func:`find_matches`). On the workspace: ``load`` (records
    read as items), ``runs`` (run, store, re-threshold), ``lookups`` (the live run, run
    status), ``review`` (keep/drop decisions), ``browse`` (what the Deduplicate page
    reads), ``leakage`` (between two datasets). On files: ``files``.
"""

from __future__ import annotations

from curation.dedup.browse import boundary_pairs, cluster_members, list_clusters
from curation.dedup.cluster import build_clusters
from curation.dedup.engine import find_duplicates, find_matches
from curation.dedup.files import DedupFileOptions, FileLeak, FileResult, dedup_file, file_leakage
from curation.dedup.leakage import Leak, dataset_leakage
from curation.dedup.lookups import latest_clusters, latest_run, list_runs
from curation.dedup.results import Cluster, DedupResult, Match, Pair
from curation.dedup.review import decide_cluster, keep_representatives
from curation.dedup.runs import RunSummary, rethreshold, run_dedup
from curation.dedup.scoring import align_score
from curation.dedup.settings import (
    COMPARISON_RULE,
    DEFAULT_THRESHOLDS,
    MODES,
    RULES,
    Encoders,
    Settings,
)
from curation.dedup.units import Item, make_item, normalize_text

__all__ = [
    "COMPARISON_RULE",
    "DEFAULT_THRESHOLDS",
    "MODES",
    "RULES",
    "Cluster",
    "DedupFileOptions",
    "DedupResult",
    "Encoders",
    "FileLeak",
    "FileResult",
    "Item",
    "Leak",
    "Match",
    "Pair",
    "RunSummary",
    "Settings",
    "align_score",
    "boundary_pairs",
    "build_clusters",
    "cluster_members",
    "dataset_leakage",
    "decide_cluster",
    "dedup_file",
    "file_leakage",
    "find_duplicates",
    "find_matches",
    "keep_representatives",
    "latest_clusters",
    "latest_run",
    "list_clusters",
    "list_runs",
    "make_item",
    "normalize_text",
    "rethreshold",
    "run_dedup",
]
