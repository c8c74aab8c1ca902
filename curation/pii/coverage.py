"""What PII detection does not cover, said once for the PII page and the command line.

The figures are the latest independent evaluation set that no rule was tuned on
(BENCHMARKS.md, "PII redaction on independent sets"); update them when a new round is scored.
"""

from __future__ import annotations

NOT_COVERED = (
    "Not covered: person names written in Chinese, Japanese, Korean or Thai script, and "
    "national identity numbers other than US ones (an Indonesian NIK, a Vietnamese CCCD). "
    "On the latest independent text nobody had tuned the rules on (BENCHMARKS.md, rounds "
    "9–12) 1–9% of person names and 1–4% of addresses and phones still leaked (stock "
    "Presidio: 34–43% and 11–29%), mostly everyday-word names and surnames with no cue, names "
    "in lists and tables, and address formats the rules do not know; 2–3% of brands, titles, "
    "public figures, songs and other protected strings were destroyed. Review the findings "
    "of a new kind of data before you trust them."
)
