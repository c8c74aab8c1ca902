"""What PII detection does not cover, said once for the PII page and the command line.

The figures are the latest independent evaluation set that no rule was tuned on
(BENCHMARKS.md, "PII redaction on independent sets"); update them when a new round is scored.
"""

from __future__ import annotations

NOT_COVERED = (
    "Not covered: person names written in Chinese, Japanese, Korean or Thai script. "
    "On independent text nobody tuned the rules on (BENCHMARKS.md, round 8) about 10% of "
    "person names and 7% of addresses and phones still leak (stock Presidio: 37% and 30%), "
    "mostly names in pasted tables, everyday-word names with no cue, and addresses of "
    "countries whose formats the rules do not know. Review the findings of a new kind of "
    "data before you trust them."
)
