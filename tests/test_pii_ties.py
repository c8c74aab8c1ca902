"""Findings are reproducible: where recognisers tie on a value (same entity, span and score),
the source a finding names is the same under any PYTHONHASHSEED and whatever batch, process
or Ray actor its record is detected in (reviewers read it as the finding's explanation)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from curation.pii.config import PiiConfig
from curation.pii.detect import LANGUAGE, Detector
from curation.pii.engine import analyzer_for
from curation.pii.segments import Segment
from tests.helpers.common import REPO

# Each address is found, at the same span and score, by StreetAddressRecognizer and by
# AddressShapeRecognizer (the last also by PostalAddressRecognizer): Presidio keeps one.
TIED = {
    "Ship the replacement to 059 Bobby Stream, Lunafort, OR 00501. The card was charged.": (
        "address:street"
    ),
    "Ship the replacement to Babette-Wagner-Platz 35, 51190 Husum. Danke!": "address:glued",
    "Ship the replacement to Avenida Gabaldón 64, 12893 Sevilla. Gracias.": "address:prefix",
    "Ship the replacement to Flat 5, 34 Buckley Crescent, South Olivialand E3 3SY. Thanks.": (
        "address:street"
    ),
}
TEXTS = [
    *TIED,
    "Hi, this is Adya Biswas from the billing team, call me on +44 7700 900496.",
    "Our billing address is Flat 6, 171 Roberts Street, Lake Donna LA10 1SF. Refund to follow.",
]

CHILD = textwrap.dedent(
    """
    import json, sys
    from curation.pii.config import PiiConfig
    from curation.pii.detect import Detector
    from curation.pii.results import describe_source
    from curation.pii.segments import Segment

    texts, size = json.loads(sys.argv[1]), int(sys.argv[2])
    records = [[Segment(("messages", 0, "content"), t)] for t in texts]
    detector = Detector(PiiConfig())
    found = []
    for i in range(0, len(records), size):
        found += detector.detect_records(records[i : i + size])
    rows = [[{**f.as_dict(), "signal": describe_source(f.source)} for f in r] for r in found]
    print(json.dumps(rows, sort_keys=True))
    """
)


def test_registry_hands_out_recognisers_in_registration_order() -> None:
    config = PiiConfig()
    registry = analyzer_for(config).registry
    wanted = list(config.all_entities)
    chosen = registry.get_recognizers(LANGUAGE, entities=wanted)
    expected = [r for r in registry.recognizers if set(r.supported_entities) & set(wanted)]
    assert [r.name for r in chosen] == [r.name for r in expected]


def test_a_tie_names_the_recogniser_registered_first() -> None:
    detector = Detector(PiiConfig())
    rows = detector.detect_records([[Segment(("m",), text)] for text in TIED])
    assert [[(f.entity, f.source) for f in row] for row in rows] == [
        [("STREET_ADDRESS", source)] for source in TIED.values()
    ]


def test_findings_are_identical_across_hash_seeds_and_batches() -> None:
    """Three processes, as three Ray actors would be: another hash seed each, and the
    records in one batch, one a batch, or two a batch."""
    runs = []
    for seed, size in (("1", len(TEXTS)), ("2", 1), ("3", 2)):
        env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONHASHSEED=seed)
        runs.append(
            subprocess.Popen(
                [sys.executable, "-c", CHILD, json.dumps(TEXTS), str(size)],
                cwd=REPO,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        )
    outputs = []
    for proc in runs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()[-3000:]
        outputs.append(out)
    rows = json.loads(outputs[0])
    assert [[f["source"] for f in row if f["entity"] == "STREET_ADDRESS"] for row in rows][
        : len(TIED)
    ] == [[source] for source in TIED.values()]
    assert outputs[1] == outputs[0]
    assert outputs[2] == outputs[0]
