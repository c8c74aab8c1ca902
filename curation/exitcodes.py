"""What a ``curation`` command's exit status means: one meaning per number, for every command.

Scripts can rely on them: 0 and 2 mean the command did its work (2: look at what it
reported), 1 means it did nothing useful and said why on one line.
"""

from __future__ import annotations

OK = 0
"""Done, and nothing needs a look."""

FAILED = 1
"""Nothing done: an error (a file that cannot be read, empty input, a bad option, a storage
failure), or no item of the input could be used."""

PARTIAL = 2
"""Done, but some items need a look: lines rejected (import, validate, redact, dedup,
labels import, export SOURCE), leaks found (leakage), records still awaiting review
(redact --dataset)."""

INTERRUPTED = 130
"""Stopped with Ctrl+C; transactional writes were rolled back."""

HELP = f"""\b
Exit status (every command):
  {OK}    done; nothing needs a look
  {FAILED}    nothing done: an error, unreadable or empty input, no usable item
  {PARTIAL}    done, but some items need a look: lines rejected, leaks found,
       records awaiting PII review
  {INTERRUPTED}  interrupted (Ctrl+C)
"""


def for_items(total: int, rejected: int) -> int:
    """The status of a stage that read ``total`` items and rejected ``rejected`` of them.

    An empty input (an empty JSONL, a CSV with only its header) is "nothing done", the same
    as an input whose every item was rejected.
    """
    if total == 0 or rejected >= total:
        return FAILED
    return PARTIAL if rejected else OK
