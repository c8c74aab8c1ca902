"""Small-sample cautions for agreement figures: say so rather than show a number to trust.

α on four tasks, or κ on a grid with nothing in it, reads as a finding when it is noise.
The threshold is the one pairwise κ already uses (:data:`curation.labeling.agreement.MIN_OVERLAP`).
"""

from __future__ import annotations

from curation.labeling.agreement import MIN_OVERLAP, AlphaResult, KappaMatrix
from curation.wording import plural


def alpha_caution(result: AlphaResult, *, min_units: int = MIN_OVERLAP) -> str | None:
    """A warning when α rests on fewer than ``min_units`` tasks with two or more labels."""
    if result.value is None or result.pairable_units >= min_units:
        return None
    return (
        f"α rests on only {plural(result.pairable_units, 'task')} with two or more labels: too few"
        f" to judge agreement (wait for at least {min_units}); read it as a first sign, not a figure."
    )


def kappa_caution(matrix: KappaMatrix) -> str | None:
    """Why some or all of the κ grid is blank: the annotator pairs sharing too few tasks."""
    if len(matrix.annotators) < 2:
        return None
    short = [p for p in matrix.pairs if p.overlap < matrix.min_overlap]
    if not short:
        return None
    most = max((p.overlap for p in matrix.pairs), default=0)
    if len(short) == len(matrix.pairs):
        return (
            f"No two annotators share {matrix.min_overlap} tasks yet (the most any two share is "
            f"{most}), so there is no κ to show: κ needs at least {matrix.min_overlap} shared tasks"
            " per pair of annotators."
        )
    names = ", ".join(f"{p.a}–{p.b} (n={p.overlap})" for p in short)
    return f"Blank cells share fewer than {plural(matrix.min_overlap, 'task')}: {names}."
